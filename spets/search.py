"""The search index: Swedish full text with filters, read by spets-search.js.

Why our own index and not Pagefind: Pagefind scores every word position of
every hit in the browser, which took 130-400 ms per keystroke for a word on
every page at 5,000 entries (see bench/bench.py). Here the build does that
work once: each stem, and each word as written, gets a list of (page,
score), sorted by page, and the browser only adds up a few lists.

Files, under `sokindex/` in the built site:

  meta.json           pages (url, title, kind, filter values), the filter
                      values, and where the word chunks start; read first
  <hash>/o<i>.json    [[word, [page gap, score, page gap, score, …]], …], in
                      chunks of about CHUNK bytes, sorted as JavaScript
                      sorts strings, so the browser fetches only the chunks
                      a word (or, while typing, a prefix) can be in
  <hash>/s<n>.txt     the text of page n, for the excerpt around the hit

<hash> is a digest of everything in it, so a browser never mixes files of
two builds. Words are stemmed with the Snowball Swedish stemmer (the
browser runs the same Snowball release's JavaScript, docs/assets/snowball/),
so "avtalen" finds "avtal".
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import snowballstemmer

INDEX_DIR = "sokindex"
KEYWORDS = "\f"  # in a page's text file, between the text and its keywords
CHUNK = 24_000  # bytes of JSON per word chunk (gzipped by the server to about a third)
TITLE_BOOST = 3.0  # a word in a title of usual length counts as if the page were mostly about it
K1, B = 1.2, 0.75  # BM25's usual constants, for the text and (as in BM25F) for the title
# A compound's last part, the word it is a kind of ("partnerskapsavtal" is an
# "avtal"), counts as a word of the title when both parts are words of the
# site: at least this many letters each, the first perhaps with a joining s.
PART = 4

# A word is a run of letters and digits; spets-search.js uses /[\p{L}\p{N}]+/u.
WORD = re.compile(r"[^\W_]+")
# A soft hyphen or a word joiner inside a word does not split it.
INVISIBLE = re.compile("[\u00ad\u200b\u2060]")
# One index per language: the Swedish one under sokindex/, the English
# edition's under en/sokindex/, each stemmed by its Snowball stemmer.
LANGUAGES = {"sv": "swedish", "en": "english"}


@functools.cache
def stemmer(lang: str):
    """The stem function of a language. Snowball is slow in pure Python, but
    a site has only some thousand distinct words, each used hundreds of times."""
    return functools.lru_cache(maxsize=None)(snowballstemmer.stemmer(LANGUAGES[lang]).stemWord)


def index_dir(lang: str = "sv") -> str:
    """Where a language's index lies under the site root."""
    return INDEX_DIR if lang == "sv" else f"{lang}/{INDEX_DIR}"


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", INVISIBLE.sub("", text)).lower())


@dataclass
class SearchPage:
    """One searchable page, as read from its HTML."""

    url: str  # relative to the site root, e.g. "metoder/partnerskapsdag/"
    title: str = ""
    kind: str = ""  # shown above the result: "Metod", "Sida", …
    filters: dict[str, list[str]] = field(default_factory=dict)
    text: str = ""  # the indexed text, without the title; the excerpt comes from it
    keywords: str = ""  # indexed too, never shown: an entry's topics, partners, sources …


# -------------------------------------------------------------- reading HTML

# Tags that do not break a word's flow; every other tag is a word boundary.
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
          "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Reader(HTMLParser):
    """Collects a page's title (its first h1), its text, and the record the
    templates write (`record` in _parts.j2): data-search-meta and
    data-search-filter spans. Elements marked data-search-ignore, permalink
    anchors and scripts add no text."""

    def __init__(self, doc: SearchPage):
        super().__init__(convert_charrefs=True)
        self.doc = doc
        self.parts: list[str] = []
        self.title: list[str] | None = None  # collecting the h1 while not None
        self.seen_h1 = False
        self.skip: tuple[str, int] | None = None  # (tag, depth) of the ignored element we are in
        self.field: tuple[str, str] | None = None  # ("meta"|"filter", name) being read
        self.value: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in VOID:
            if tag not in INLINE:
                self._space()
            return
        if "data-search-meta" in a or "data-search-filter" in a:
            self.field = ("meta", a["data-search-meta"]) if "data-search-meta" in a else ("filter", a["data-search-filter"])
            self.value = []
        # An ignored element ends with its own end tag; only tags of its name
        # are counted, so an unclosed <p> or a stray </i> inside cannot move it.
        if self.skip:
            if tag == self.skip[0]:
                self.skip = (tag, self.skip[1] + 1)
        elif "data-search-ignore" in a or "headerlink" in (a.get("class") or "").split() \
                or tag in ("script", "style", "template"):
            self.skip = (tag, 1)
        elif tag == "h1" and not self.seen_h1:
            self.title, self.seen_h1 = [], True
        if tag not in INLINE:
            self._space()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.field and tag == "span":
            kind, name = self.field
            value = "".join(self.value).strip()
            if kind == "meta" and name == "title":
                self.doc.title = value
            elif kind == "meta" and name == "typ":
                self.doc.kind = value
            elif kind == "filter" and value:
                self.doc.filters.setdefault(name, []).append(value)
            self.field = None
        if self.skip:
            if tag == self.skip[0]:
                self.skip = (tag, self.skip[1] - 1) if self.skip[1] > 1 else None
        elif tag == "h1" and self.title is not None:
            self.doc.title = self.doc.title or " ".join("".join(self.title).split())
            self.title = None
        if tag not in INLINE:
            self._space()

    def _space(self):
        (self.title if self.title is not None else self.parts).append(" ")

    def handle_data(self, data):
        if self.field:
            self.value.append(data)
        elif self.skip:
            return
        elif self.title is not None:
            self.title.append(data)
        else:
            self.parts.append(data)


def clean(text: str) -> str:
    """Text as the index keeps it: NFC, no invisible characters, single spaces."""
    return unicodedata.normalize("NFC", " ".join(INVISIBLE.sub("", text).split()))


def read_page(url: str, html: str) -> SearchPage:
    """The SearchPage of a page from its content HTML."""
    doc = SearchPage(url)
    reader = _Reader(doc)
    reader.feed(html)
    reader.close()
    doc.text = clean("".join(reader.parts))
    return doc


# ------------------------------------------------------------------ the index

def index_files(docs: list[SearchPage], lang: str = "sv") -> dict[str, bytes]:
    """Every file of a language's index, by path under the site root."""
    docs = sorted(docs, key=lambda d: d.url)  # page numbers must not depend on build order
    values = sorted({f"{key}:{v}" for d in docs for key, vs in d.filters.items() for v in vs})
    number = {v: i for i, v in enumerate(values)}
    postings = _postings(docs, stemmer(lang), compounds=lang == "sv")
    terms = sorted(postings, key=_js_order)

    # Pairs, not an object: JavaScript would reorder keys like "2019".
    chunks, firsts, current, size = [], [], [], 0
    for term in terms:
        if current and size >= CHUNK:
            chunks.append(current)
            current, size = [], 0
        if not current:
            firsts.append(term)
        current.append([term, postings[term]])
        size += len(term) + 4 * len(postings[term])
    if current:
        chunks.append(current)

    body = {f"o{i}.json": _json(chunk) for i, chunk in enumerate(chunks)}
    # The keywords after a form feed, which the browser cuts off before it
    # makes an excerpt; so a --dirty build reads them back with the text.
    body.update({f"s{n}.txt": (d.text + (KEYWORDS + d.keywords if d.keywords else "")).encode("utf-8")
                 for n, d in enumerate(docs)})
    digest = hashlib.sha256()
    for name in sorted(body):
        digest.update(name.encode() + b"\0" + hashlib.sha256(body[name]).digest())
    folder = digest.hexdigest()[:16]

    meta = {
        "version": 1,
        "lang": lang,
        "folder": folder,
        "values": values,
        "chunks": firsts,
        "pages": [[d.url, d.title, d.kind, sorted(number[f"{k}:{v}"] for k, vs in d.filters.items() for v in vs)]
                  for d in docs],
    }
    files = {f"{index_dir(lang)}/{folder}/{name}": content for name, content in body.items()}
    files[f"{index_dir(lang)}/meta.json"] = _json(meta)
    return files


def read_index(site: Path, lang: str = "sv") -> list[SearchPage]:
    """The pages of the index a previous build wrote into site/, for a
    `--dirty` build, which reads again only the pages it rebuilds. [] when
    there is none, or it cannot be read."""
    try:
        meta = json.loads((site / index_dir(lang) / "meta.json").read_text(encoding="utf-8"))
        values = [v.split(":", 1) for v in meta["values"]]
        docs = []
        for n, (url, title, kind, numbers) in enumerate(meta["pages"]):
            filters: dict[str, list[str]] = {}
            for number in numbers:
                filters.setdefault(values[number][0], []).append(values[number][1])
            text = (site / index_dir(lang) / meta["folder"] / f"s{n}.txt").read_text(encoding="utf-8")
            text, _, keywords = text.partition(KEYWORDS)
            docs.append(SearchPage(url, title, kind, filters, text, keywords))
        return docs
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return []


def _postings(docs: list[SearchPage], stem, compounds: bool) -> dict[str, list[int]]:
    """Word -> [page gap, score, …] with BM25 scores of the stems (times 100,
    at least 1). `compounds`: a title's compounds also give their last part
    (Swedish joins words; English does not)."""
    written = [(words(d.text + " " + d.keywords), words(d.title)) for d in docs]
    bodies = [Counter(map(stem, body)) for body, _ in written]
    known = set().union(*bodies, *(map(stem, title) for _, title in written))
    counts = [(body, {stem(w) for w in title} | (_compound_parts(title, known, stem) if compounds else set()))
              for body, (_, title) in zip(bodies, written)]
    lengths = [sum(body.values()) for body, _ in counts]
    average = sum(lengths) / len(lengths) if lengths else 1
    # A word in a short title says more about the page than one in a long
    # title: the title's length counts as the text's does (BM25F).
    title_lengths = [len(title) for _, title in written]
    title_average = sum(title_lengths) / len(title_lengths) if title_lengths else 1
    pages_with: Counter[str] = Counter()
    for body, title in counts:
        pages_with.update(set(body) | title)
    n = len(docs)
    idf = {term: math.log(1 + (n - count + 0.5) / (count + 0.5)) for term, count in pages_with.items()}
    out: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    for page, ((body, title), length, title_length, as_written) in enumerate(
            zip(counts, lengths, title_lengths, written)):
        scores = {}
        # Never less than the most any text can give (K1 + 1): a word of the
        # title, however long the title, outweighs mentions in the text.
        title_weight = max(K1 + 1, TITLE_BOOST * (K1 + 1) / (1 + K1 * (1 - B + B * title_length / (title_average or 1))))
        norm = K1 * (1 - B + B * length / (average or 1))
        for term in body.keys() | title:
            tf = body.get(term, 0)
            score = idf[term] * tf * (K1 + 1) / (tf + norm)
            if term in title:
                score += idf[term] * title_weight
            scores[term] = max(1, round(100 * score))
        # The words as written too, with their stem's score: while one types
        # "hållbarh", the stem ("hållbarh") begins no stem ("hållbar"), but
        # the page's word "hållbarhet" begins with it.
        for word in set(as_written[0]).union(as_written[1]):
            if word not in scores:
                scores[word] = scores[stem(word)]
        # Each term's list runs in page order; the terms' order is set later (_js_order).
        for term, score in scores.items():
            postings = out.get(term)
            if postings is None:
                out[term] = [page, score]
            else:
                postings += (page - last[term], score)
            last[term] = page
    return out


def _compound_parts(title: list[str], known: set[str], stem) -> set[str]:
    """The stems of the last parts of the compounds in a title: "partnerskapsavtal"
    gives "avtal" when "partnerskap" and "avtal" are words of the site (their
    stems in `known`). Only the last part: in Swedish it says what the whole
    is, and it is where a word's own ending is."""
    parts = set()
    for word in title:
        for i in range(PART, len(word) - PART + 1):
            head, tail = word[:i], word[i:]
            if stem(tail) in known and (stem(head) in known or (head[-1] == "s" and stem(head[:-1]) in known)):
                parts.add(stem(tail))
    return parts


def _js_order(term: str) -> bytes:
    """JavaScript compares strings by UTF-16 code units; so must the chunks."""
    return term.encode("utf-16-be")


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

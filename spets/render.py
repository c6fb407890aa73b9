"""Pages and page fragments rendered from the knowledge base.

A page is Markdown for MkDocs whose body is HTML blocks; stash() hands
MkDocs only the headings, so contributor text is rendered exactly once, here,
by markdown_safe. Our own Jinja templates render it with autoescape on; the data
is only ever a template *variable*, never template source, so `{{ 7*7 }}` in
a summary stays those characters. Links are relative, so the site works
under any base path (e.g. GitHub Pages' /repo/).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from . import cite, codebook, english, facets, figures, jsonld
from . import model as m
from .knowledge import KnowledgeBase, sort_key
from .markdown_safe import inline_text, table_region, to_html
from .search import SearchPage, clean, index_dir
from .site import LICENSE_URL, SiteInfo


@dataclass(frozen=True)
class Page:
    src_uri: str  # where MkDocs should pretend the Markdown file is, e.g. metoder/x.md
    markdown: str  # front matter and the page's headings, nothing else
    blocks: tuple[str, ...]  # the HTML around them: before the first heading, after each
    search: SearchPage | None = None  # an entry's search record, from its data; None: read the HTML


def stash(text: str) -> tuple[str, tuple[str, ...]]:
    """Split a rendered page into Markdown that holds only its front matter
    and headings, and the HTML blocks around the headings.

    The blocks are finished, sanitized HTML; Markdown has nothing to do with
    them, yet parsing them was most of the build time. So Markdown renders
    only the headings (ids, permalinks and the table of contents, as the
    site's Markdown settings say), and unstash() puts the blocks back between
    them: blocks[0] before the first heading, blocks[i] after heading i.
    """
    lines = text.split("\n")
    front = lines.index("---", 1) + 1 if lines and lines[0] == "---" else 0
    headings, blocks, current = [], [], []
    for line in lines[front:]:
        if line.startswith("#"):
            blocks.append("\n".join(current).strip("\n"))
            headings.append(line)
            current = []
        else:
            current.append(line)
    blocks.append("\n".join(current).strip("\n"))
    return "\n".join(lines[:front] + ["", "\n\n".join(headings)]) + "\n", tuple(blocks)


def unstash(headings_html: str, blocks: tuple[str, ...]) -> str:
    """The page's HTML: Markdown's headings, one per line, with the blocks between."""
    headings = headings_html.split("\n") if headings_html else []
    if len(headings) != len(blocks) - 1:
        raise ValueError(f"{len(headings)} rubriker men {len(blocks) - 1} väntades")
    parts = [blocks[0]]
    for heading, block in zip(headings, blocks[1:]):
        parts += [heading, block]
    return "\n".join(part for part in parts if part)


# The page of every card for printing: metoder/kort/, verktyg/kort/, and in
# English en/methods/cards/, en/tools/cards/.
CARDS = {"sv": "kort", "en": "cards"}
CARD_KINDS = (m.METHOD, m.TOOL)
# The open-data page with its codebook, in each language.
CODEBOOK = {"sv": "data/index.md", "en": "en/data/index.md"}
# The generated pages that are not an entry's, in both languages.
OTHER_PAGES = (*(f"{kind.url}/{CARDS['sv']}.md" for kind in CARD_KINDS),
               *(f"en/{kind.url_en}/{CARDS['en']}.md" for kind in CARD_KINDS), *CODEBOOK.values())


# The vocabularies whose names an entry's page shows among its facts.
KEYWORD_KINDS = ("phase", "topic", "sector", "larosate", "role", "success_factor")


def _prose(fields, data: dict):
    """(text, is Markdown) of each prose field of an entry, in model order:
    its summary and every Markdown field, a list's items one by one."""
    for f in fields:
        t, value = f.item_type, data.get(f.name)
        if value and isinstance(t, m.Assessment):  # its scale and areas, as the page's tables show them
            for level in value["levels"]:
                yield f"{level['name']}: {level['description']}", False
            for area in value["areas"]:
                yield f"{area['name']}: {' '.join(area['levels'])}", False
            continue
        if not value or not isinstance(t, m.Text) or not (t.markdown or f.name == "summary"):
            continue
        for text in value if isinstance(f.type, m.List) else [value]:
            yield text, t.markdown


_LANG_SV = Markup(' lang="sv"')


def swedish_attribute(entry: m.Entry, field: str) -> Markup:
    """In a template, `sv(e, "why")`: ` lang="sv"` for a field an English
    page shows in Swedish, for want of English (english.entry); else nothing."""
    return _LANG_SV if field in entry.data.get("swedish_only", ()) else Markup()


def problem_page(result) -> str:
    """The page shown in place of every page while the content is invalid."""
    env = Environment(loader=PackageLoader("spets", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template("problem_page.md.j2").render(result=result, summary=result.report().splitlines()[-1])


# YAML reads these as line breaks even inside quotes; JSON leaves them raw.
_YAML_BREAKS = str.maketrans({c: f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"})
_HAS_YAML_BREAK = re.compile("[\x85\u2028\u2029]").search


def yaml_string(value: str) -> str:
    """A string as a front matter value: a JSON string, which is YAML. Not
    ASCII-escaped: MkDocs' libyaml refuses JSON's surrogate pairs for a
    character beyond U+FFFF (an emoji), and then silently drops the page's
    whole front matter."""
    text = json.dumps(value, ensure_ascii=False)
    # str.translate looks at every character: only when there is work for it.
    return text.translate(_YAML_BREAKS) if _HAS_YAML_BREAK(text) else text


def _add_front_matter(text: str, meta: dict[str, str]) -> str:
    """Add string values to a page's front matter.
    The values are not HTML-escaped: the theme writes them where that is safe."""
    head, rest = text.split("\n", 1)
    assert head == "---", "a page starts with its front matter"
    lines = "".join(f"{k}: {yaml_string(v)}\n" for k, v in meta.items())
    return f"---\n{lines}{rest}"


@functools.lru_cache(maxsize=None)  # pages ask for the same few links thousands of times
def relative(target: str, here: str) -> str:
    """Link from page URL `here` to site path `target` (both like 'metoder/x/')."""
    is_dir = target == "" or target.endswith("/")
    # posixpath.relpath would do, but asks the OS for the working directory twice per call.
    to, start = [p for p in target.split("/") if p], [p for p in here.split("/") if p]
    common = 0
    while common < min(len(to), len(start)) and to[common] == start[common]:
        common += 1
    rel = "/".join([".."] * (len(start) - common) + to[common:])
    if not rel:
        return "./"
    return rel + "/" if is_dir else rel


class Renderer:
    """`lang`: "sv", or "en" for the English edition, whose knowledge base
    is english.view(kb) and whose strings come from english.STRINGS;
    `swedish`: english.swedish_words of the Swedish knowledge base, so that
    Swedish terms in italics on English pages are marked as Swedish."""

    def __init__(self, kb: KnowledgeBase, site: SiteInfo | None = None, lang: str = "sv",
                 swedish: frozenset[str] = frozenset()):
        self.kb, self.lang = kb, lang
        self.t = english.strings(lang)
        self.site = site or SiteInfo(name="SPETS kunskapsbank")
        # auto_reload off: a build renders thousands of pages from templates
        # that do not change under it (no stat of each file per page).
        self.env = Environment(loader=PackageLoader("spets", "templates"), autoescape=True, auto_reload=False,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self._here = ""  # the URL of the page being rendered, for link()
        # Cached: the card pages and the JSON-LD render the same fields again.
        self.md = functools.lru_cache(maxsize=None)(functools.partial(to_html, lang=lang, swedish=swedish))
        self.env.filters["md"] = self.md
        self.env.filters["mdtitle"] = inline_text
        self.env.filters["table_region"] = functools.partial(table_region, lang=lang)
        # Front matter values: JSON strings are valid YAML, and the HTML escape
        # matters because MkDocs' theme templates print page meta unescaped.
        self.env.filters["yaml_text"] = lambda v: Markup(yaml_string(str(escape(v))))
        self.env.globals.update(kb=kb, KINDS=m.KINDS, model=m, cite=cite, codebook=codebook,
                                facets=facets, permalink=self.permalink, site_name=self.t(self.site.name),
                                LICENSE_URL=LICENSE_URL, card=self.card, link=self.link, sv=swedish_attribute,
                                lang=lang, t=self.t, plural=self.plural, index_dir=index_dir(lang),
                                search_url=self.search_url, listings={k.name: self.listing_url(k) for k in m.ENTRY_KINDS})
        self._cards: dict[tuple[str, str], str] = {}

    def cards_url(self, kind: m.Kind) -> str:
        """The site path of a kind's page of print cards in the page's language."""
        return f"{self.listing_url(kind)}{CARDS[self.lang]}/"

    def codebook_url(self) -> str:
        """The site path of the open-data page in the page's language."""
        return CODEBOOK[self.lang].removesuffix("index.md")

    def listing_url(self, kind: m.Kind) -> str:
        """The site path of a kind's listing page in the page's language."""
        return f"en/{kind.url_en}/" if self.lang == "en" else f"{kind.url}/"

    def search_url(self, key: str = "", value: str = "") -> str:
        """The site path of the search page, filtered to one value if given."""
        return facets.search_url(key, value, self.lang)

    def plural(self, kind: m.Kind) -> str:
        """A kind's plural in the page's language ("verktyg" is both in Swedish)."""
        return kind.plural_in(self.lang)

    _HREF, _LEVEL = "\x00href\x00", "\x00level\x00"  # where the link and heading level go in a card rendered once

    def card(self, entry: m.Entry, href: str, level: int) -> Markup:
        """One listing card (card.html.j2). A card differs between the pages
        that show it only by its link and its heading's level, so it is
        rendered once per entry."""
        key = (entry.kind, entry.id)
        html = self._cards.get(key)
        if html is None:
            html = self._cards[key] = self.env.get_template("card.html.j2").render(
                e=entry, href=self._HREF, level=self._LEVEL)
        return Markup(html.replace(self._HREF, str(escape(href))).replace(self._LEVEL, str(int(level))))

    def permalink(self, entry: m.Entry) -> str:
        return self.site.permalink(entry.url)

    def link(self, target) -> str:
        """In a template: the relative URL from the page being rendered to an
        entry or a site path. A global, not a render variable, so that the
        templates' shared macros are imported once, without context."""
        return relative(target.url if isinstance(target, m.Entry) else target, self._here)

    def _render(self, template: str, here: str, **context) -> str:
        self._here = here
        return self.env.get_template(template).render(**context)

    # -------------------------------------------------------------- pages

    def pages(self):
        """Every generated page: one per entry and per vocabulary item with pages,
        the card pages for printing, and the open-data page with its codebook."""
        for kind in m.KINDS.values():
            if not kind.url:
                continue
            for entry in self.kb.all(kind.name):
                yield Page(entry.url.rstrip("/") + ".md", *stash(self.page(entry)), self.search_page(entry))
        for kind in CARD_KINDS:
            yield Page(self.cards_url(kind).rstrip("/") + ".md", *stash(self.print_cards(kind)))
        yield Page(CODEBOOK[self.lang], *stash(self._render("codebook.md.j2", self.codebook_url())))

    def page(self, entry: m.Entry) -> str:
        is_vocabulary = entry.kind_def.is_vocabulary
        template = "vocabulary.md.j2" if is_vocabulary else f"{entry.kind}.md.j2"
        text = self._render(template, entry.url, entry=entry, kind=entry.kind_def)
        if not is_vocabulary:
            # Page meta for the theme (overrides/main.html): the JSON-LD for the
            # head, and where "Skriv ut" leads when JavaScript is off.
            meta = {"spets_jsonld": jsonld.script_text(
                jsonld.data(self.kb, entry, self.permalink(entry), self.t(self.site.name), self.md))}
            if entry.kind in ("method", "tool"):
                meta["spets_print"] = f"../{CARDS[self.lang]}/#{entry.id}"
            text = _add_front_matter(text, meta)
        return text

    def search_page(self, entry: m.Entry) -> SearchPage:
        """What the search index has of an entry's page, made from its data
        rather than read back from the page: its title, kind and filters, and
        its own prose in page order. Labels, facts and the cards of other
        entries are left out, so an excerpt is always a sentence of the entry."""
        kind = entry.kind_def
        label = kind.label_in(self.lang).capitalize()
        filters = facets.values(self.kb, entry) if not kind.is_vocabulary else {"typ": ["sida"]}
        parts = [str(self.md(text).striptags()) if markdown else text
                 for text, markdown in _prose(kind.fields, entry.data)]
        # Found by, never shown: the names in its facts, its partners, its sources.
        keywords = [e.heading for k in KEYWORD_KINDS for e in self.kb.linked(entry, k)]
        keywords += [p["name"] for p in entry.data.get("partners") or []]
        keywords += [s["title"] for s in entry.data.get("sources") or []]
        if entry.kind == "tool":
            keywords.append(self.t(m.TOOL_KINDS[entry.type]))
        return SearchPage(entry.url, entry.heading, label, filters, clean(" ".join(parts)),
                          clean(" · ".join(keywords)))

    def print_cards(self, kind: m.Kind) -> str:
        """Every method (or tool) as a card, one per printed page."""
        # No entry can be called `kort`: check.py refuses the ids in m.RESERVED_IDS.
        return self._render("print_cards.md.j2", self.cards_url(kind), kind=kind,
                            entries=self.kb.all(kind.name))

    # ---------------------------------------------------------- fragments

    def cards(self, entries, here: str, level: int = 3) -> Markup:
        """Listing cards for entries (any mix of kinds), their titles headings of `level`."""
        return Markup(self._render("cards.html.j2", here, entries=list(entries), level=level))

    def listing(self, kind: str, here: str) -> Markup:
        """Every entry of a kind as cards, under a filter bar offering the
        values those entries have."""
        entries = self.kb.all(kind)
        # How many cards have each value: the counts the script would write
        # for the whole listing, here from the start, so nothing moves then.
        counts = {f.key: {} for f in facets.FACETS}
        for entry in entries:
            for key, ids in facets.values(self.kb, entry).items():
                for id_ in ids:
                    counts[key][id_] = counts[key].get(id_, 0) + 1
        options = [(facet, [item for item in items if item[0] in counts[facet.key]])
                   for facet, items in facets.options(self.kb) if facet.vocabulary]
        form = self._render("filter_form.html.j2", here, mode="cards", noun=self.plural(m.KINDS[kind]),
                            options=[(facet, items) for facet, items in options if items],
                            counts=counts, total=len(entries), cards=self.cards(entries, here, level=2))
        return Markup(form)

    def search_form(self, here: str) -> Markup:
        """The search page: query, every filter, and room for the results."""
        options = facets.options(self.kb, self.listing_url)
        return Markup(self._render("filter_form.html.j2", here, mode="search", noun="",
                                   options=options, counts={}, total=0, cards=""))

    def vocabulary_index(self, kind: str, here: str) -> Markup:
        """Every item of a vocabulary, with how many entries use it."""
        return Markup(self._render("vocabulary_index.html.j2", here, items=self.kb.all(kind)))

    def search_record(self, title: str) -> str:
        """The search record of a hand-written page (see `search_record` in _parts.j2)."""
        return str(self.env.get_template("_parts.j2").module.search_record(title, self.t("Sida"), {"typ": ["sida"]}))

    def contribution_form(self, here: str, kind: m.Kind, modeline: str, schema: str, email: str) -> Markup:
        """The contribution form's element (contribution_form.html.j2): the ids
        already taken, the editors' address and where files go."""
        return Markup(self._render("contribution_form.html.j2", here, site=self.site, kind=kind,
                                   modeline=modeline, schema=schema, email=email,
                                   taken=[e.id for e in self.kb.all(kind.name)]))

    def glossary(self, here: str) -> Markup:
        return Markup(self._render("glossary.html.j2", here, terms=self.kb.all("term")))

    def phases(self, here: str) -> Markup:
        """The lifecycle: each phase with its methods, in order."""
        return Markup(self._render("phases.md.j2", here, phases=self.kb.all("phase")))

    def lifecycle_figure(self, here: str) -> Markup:
        """The phases as a ring of linked boxes (figures.lifecycle)."""
        figure = figures.lifecycle([(p.name, relative(p.url, here)) for p in self.kb.all("phase")], t=self.t)
        return Markup(f'<figure class="spets-figure">{figure}</figure>')

    # ------------------------------------------------ what works, who with whom

    def what_works(self, here: str) -> Markup:
        """The success factors ranked by the cases that show them
        (factor_evidence), each with its meaning and every case's sentence."""
        return Markup(self._render("what_works.md.j2", here, factors=factor_evidence(self.kb)))

    def partnership_overview(self, here: str) -> Markup:
        """Which lärosäten have cases with partners in which sectors: the
        matrix as a picture (figures.partnerships) and the same numbers, with
        the partners' names, as a table beside it."""
        grid = partnership_grid(self.kb)
        listing = relative(self.listing_url(m.CASE_STUDY), here)
        row_key, col_key = facets.by_vocabulary("larosate").key, facets.by_vocabulary("sector").key
        hrefs = {(r, c): f"{listing}?{urlencode({row_key: grid.rows[r].id, col_key: grid.columns[c].id})}"
                 for r, c in grid.cells}
        figure = figures.partnerships(
            [(l.short_name or l.name, l.name, relative(l.url, here)) for l in grid.rows],
            [(s.name, relative(s.url, here)) for s in grid.columns],
            {key: (len(cases), hrefs[key]) for key, cases in grid.cells.items()}, t=self.t)
        return Markup(self._render("partnerships.html.j2", here, grid=grid, figure=figure, hrefs=hrefs))


@dataclass(frozen=True)
class FactorEvidence:
    factor: m.Entry
    cases: tuple  # every case that shows it: those with a sentence first, in the factor's order
    how: dict  # case id → the factor's sentence on how that case shows it
    larosaten: tuple  # the lärosäten of those cases
    sectors: tuple  # their partners' sectors


def factor_evidence(kb: KnowledgeBase) -> list[FactorEvidence]:
    """Every success factor with the cases that show it, most cases first.

    A case shows a factor when the factor's evidence has a sentence on it or
    when the case names the factor among its success factors (both are
    links of the knowledge base). Ties: more sentences, then more lärosäten,
    then by name."""
    out = []
    for factor in kb.all("success_factor"):
        how = {item["case"]: item["how"] for item in factor.evidence or []}
        named = kb.linked(factor, "case_study")
        cases = [kb.get("case_study", id_) for id_ in how] + [c for c in named if c.id not in how]
        larosaten = {l.id: l for c in cases for l in kb.linked(c, "larosate")}
        sectors = {s.id: s for c in cases for s in kb.linked(c, "sector")}
        out.append(FactorEvidence(factor, tuple(cases), how,
                                  tuple(sorted(larosaten.values(), key=sort_key)),
                                  tuple(sorted(sectors.values(), key=sort_key))))
    return sorted(out, key=lambda f: (-len(f.cases), -len(f.how), -len(f.larosaten), sort_key(f.factor)))


@dataclass(frozen=True)
class PartnershipGrid:
    rows: list  # the lärosäten with at least one case, by short name
    columns: list  # the partner sectors with at least one case, in the vocabulary's order
    cells: dict  # (row, column) → the cases of that lärosäte with a partner in that sector
    partners: dict  # row → the partners' names of the lärosäte's cases, each once, by name
    cases: list  # the cases counted, each once


def partnership_grid(kb: KnowledgeBase) -> PartnershipGrid:
    """Lärosäte × partner sector, counted as the listing's filters count: a
    case is in a cell when the lärosäte is one of its lärosäten and one of its
    partners is in the sector (so one case can be in several cells)."""
    cases = kb.all("case_study")
    # By the name the picture shows, so that a reader finds a row by its label.
    rows = sorted((l for l in kb.all("larosate") if kb.linked(l, "case_study")),
                  key=lambda l: ((l.short_name or l.name).casefold(), l.id))
    columns = [s for s in kb.all("sector") if kb.linked(s, "case_study")]
    cells, partners = {}, {}
    for r, l in enumerate(rows):
        mine = kb.linked(l, "case_study")
        for col, s in enumerate(columns):
            found = tuple(c for c in mine if s in kb.linked(c, "sector"))
            if found:
                cells[(r, col)] = found
        partners[r] = sorted({p["name"] for c in mine for p in c.partners}, key=str.casefold)
    return PartnershipGrid(rows, columns, cells, partners, cases)

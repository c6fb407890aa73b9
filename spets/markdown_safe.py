"""Contributor Markdown to safe HTML.

Each text field is rendered on its own, so nothing in one field (an unclosed
code fence, a link reference definition, a heading) can reach the page
around it. Raw HTML is switched off in the Markdown parser, so `<b>` shows as
the text `<b>`; the result then passes nh3 (the Ammonia sanitizer), which
removes anything outside a short allow-list, `javascript:` links included.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "a",
    "ul", "ol", "li", "h3", "h4", "h5", "h6", "hr",
    "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
# The one class a field's HTML may carry, set by us (_BlanksToFillIn) and
# never by a contributor: raw HTML is off.
FILL_IN = "spets-fill-in"
ALLOWED_CLASSES = {"li": {FILL_IN}}
# A table scrolls sideways in a region of its own, which keyboard users can
# focus (and so scroll) and which says what it is; never the whole page. A
# page may hold several tables, so each region's name also gives the table's
# first column headings: landmarks with one name could not be told apart.
TABLE_REGION = '<div class="spets-table" role="region" tabindex="0" aria-label="{label}">'
TABLE_LABELS = {"sv": "Tabell, rulla i sidled", "en": "Table, scroll sideways"}  # by the page's language
_TABLE = re.compile(r"<table>.*?</table>", re.S)
_HEADER_CELL = re.compile(r"<th(?:\s[^>]*)?>(.*?)</th>", re.S)
_TAG = re.compile(r"<[^>]*>")
# Characters with a meaning in Markdown, escaped when plain text goes into a
# Markdown line that we write (a page's title heading).
_MD_SPECIAL = set("\\`*_{}[]()#+-.!<>|~&")


class _DemoteHeadings(Treeprocessor):
    """A field sits under the page's own h2 headings, so its highest heading
    becomes h3 and the rest keep their distance below it: a text that starts
    at ## gets h3, not h4, and the page's outline has no gaps."""

    def run(self, root):
        headings = [el for el in root.iter() if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6")]
        if not headings:
            return
        shift = 3 - min(int(el.tag[1]) for el in headings)
        for el in headings:
            el.tag = f"h{min(int(el.tag[1]) + shift, 6)}"


class _ImagesAsText(Treeprocessor):
    """Images are not allowed (they would load from anywhere); nh3 would drop
    them whole, so keep what the contributor wrote as their alt text."""

    def run(self, root):
        for parent in list(root.iter()):
            for i, el in reversed(list(enumerate(parent))):
                if el.tag != "img":
                    continue
                text = el.get("alt", "") + (el.tail or "")
                parent.remove(el)
                if i == 0:
                    parent.text = (parent.text or "") + text
                else:
                    parent[i - 1].tail = (parent[i - 1].tail or "") + text


class _EmptyHeaderCells(Treeprocessor):
    """A heading cell with nothing in it (the corner of a table whose rows
    and columns both have headings) heads nothing: a screen reader would
    announce an empty heading, so it becomes an ordinary cell."""

    def run(self, root):
        for cell in root.iter("th"):
            if not "".join(cell.itertext()).strip():
                cell.tag = "td"


class _BlanksToFillIn(Treeprocessor):
    """A list item that ends in a colon and says no more ("- Datum:") is a
    blank to fill in on the printed sheet, where it gets a line to write on
    (print.css)."""

    def run(self, root):
        for item in root.iter("li"):
            if len(item) == 0 and (item.text or "").rstrip().endswith(":"):
                item.set("class", FILL_IN)


def _parser() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_DemoteHeadings(md), "demote", 1)
    md.treeprocessors.register(_ImagesAsText(md), "images", 1)
    md.treeprocessors.register(_EmptyHeaderCells(md), "empty_headers", 1)
    md.treeprocessors.register(_BlanksToFillIn(md), "blanks", 1)
    return md


_MD = _parser()


# What could make a paragraph more than prose: a character with a meaning in
# Markdown, a line that starts a block (list, quote, heading, code, setext
# underline), a hard line break, or an empty line.
_NOT_PROSE = re.compile(r"[\\`*_\[\]<>&#|\t]|^[-+=>0-9 ]|  $|^$", re.M)


def _prose(text: str) -> Markup | None:
    """Paragraphs of plain prose, the most common field, need no parser:
    their HTML is exactly what Markdown and nh3 would make of them
    (tests/test_markdown_safe.py compares). None for anything else."""
    body = text.strip("\n")
    if not body or not body.replace("\n", "").isprintable():
        return None
    paragraphs = body.split("\n\n")
    if any(_NOT_PROSE.search(p) for p in paragraphs):
        return None
    return Markup("&#10;".join(f"<p>{p.replace(chr(10), '&#10;')}</p>" for p in paragraphs))


def table_region(table: str, name: str | None = None, lang: str = "sv") -> Markup:
    """One table (safe HTML) in its scroll region, named by `name` or else
    by its column headings."""
    if name is None:
        headings = (" ".join(html.unescape(_TAG.sub("", cell)).split()) for cell in _HEADER_CELL.findall(table))
        name = ", ".join(filter(None, headings))
        if len(name) > 60:
            name = name[:60].rsplit(" ", 1)[0].rstrip(",") + " …"
    label = TABLE_LABELS[lang] + (": " + name if name else "")
    return Markup(TABLE_REGION.format(label=html.escape(label)) + str(table) + "</div>")


def to_html(text: str | None, lang: str = "sv", swedish: frozenset[str] = frozenset()) -> Markup:
    """Render one field of contributor Markdown to sanitized HTML, on a page
    in `lang` (it names the scroll region of a table). On an English page,
    an italic phrase of mostly `swedish` words is marked lang="sv"."""
    if not text:
        return Markup("")
    prose = _prose(text)
    out = prose if prose is not None else _markdown(text, lang)
    return _mark_swedish(out, swedish) if swedish and "<em>" in out else out


_EM = re.compile(r"<em>([^<]*)</em>")
_WORD = re.compile(r"[^\W_]+")


def _mark_swedish(html_text: Markup, swedish: frozenset[str]) -> Markup:
    def mark(match):
        words = _WORD.findall(html.unescape(match.group(1)).lower())
        # Most of its words: a Swedish title may hold a word English has too ("innovation").
        is_swedish = 2 * sum(w in swedish for w in words) > len(words)
        return f'<em lang="sv">{match.group(1)}</em>' if is_swedish else match.group(0)
    return Markup(_EM.sub(mark, str(html_text)))


def _markdown(text: str, lang: str = "sv") -> Markup:
    """The full path: Python-Markdown, then nh3 (the prose fast path must
    agree with it, tests/test_markdown_safe.py)."""
    raw = _MD.reset().convert(text)
    clean = nh3.clean(raw, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, allowed_classes=ALLOWED_CLASSES,
                      url_schemes=URL_SCHEMES, link_rel="noopener noreferrer nofollow")
    # After nh3, which would take the wrapper off: every "<table>" left is a
    # real tag (text is escaped, a table carries no attributes, and Markdown
    # tables do not nest).
    clean = _TABLE.sub(lambda match: table_region(match.group(0), lang=lang), clean)
    # One line: a newline inside <pre> becomes &#10; (the same character), and
    # elsewhere it is just whitespace. So no line of contributor HTML can ever
    # start with '#' and be taken for one of our headings (see render.stash).
    return Markup(clean.replace("\n", "&#10;"))


def inline_text(text: str) -> Markup:
    """Plain text made safe for a Markdown line we write: no markup survives."""
    escaped = "".join("\\" + c if c in _MD_SPECIAL and c not in "<>&" else c for c in text)
    return Markup(escape(escaped))

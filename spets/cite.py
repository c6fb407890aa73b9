"""How to cite an entry: an APA-style reference and a BibTeX record.

Both return plain text; the page template escapes it for HTML. BibTeX gets
its own escaping here, because a title may hold characters that LaTeX reads
as commands ({, }, \\, %, # …).
"""

from __future__ import annotations

import re

from . import model as m

# The entry's own language decides (an English page cites the English entry).
AUTHOR = {"sv": "SPETS kunskapsbank", "en": "SPETS knowledge base"}
MONTHS = {"sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli",
                 "augusti", "september", "oktober", "november", "december"),
          "en": ("January", "February", "March", "April", "May", "June", "July",
                 "August", "September", "October", "November", "December")}
LANGUAGE = {"sv": "swedish", "en": "english"}  # BibTeX's (babel's) names
_BIBTEX = {
    # BibTeX counts braces even after a backslash, so \{ would unbalance a
    # field: braces become commands whose own braces always pair up.
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "#": r"\#", "$": r"\$", "%": r"\%", "&": r"\&", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "<": r"\textless{}", ">": r"\textgreater{}",
}
_BIBTEX_RE = re.compile("|".join(re.escape(c) for c in _BIBTEX))


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def bibtex_escape(text: str) -> str:
    return _BIBTEX_RE.sub(lambda match: _BIBTEX[match[0]], one_line(text))


def key(entry: m.Entry) -> str:
    return f"spets-{entry.kind_def.url}-{entry.id}"


def apa(entry: m.Entry, url: str) -> tuple[str, str, str]:
    """(before the title, the title (set in italics), after the title)."""
    d, lang = entry.published, entry.lang
    month = MONTHS[lang][d.month - 1]
    before = f"{AUTHOR[lang]}. ({d.year}, {f'{month} {d.day}' if lang == 'en' else f'{d.day} {month}'}). "
    after = f" [{entry.kind_def.label_in(lang).capitalize()}]. {url}"
    return before, one_line(entry.title), after


def bibtex(entry: m.Entry, url: str) -> str:
    d, lang = entry.published, entry.lang
    fields = [
        ("author", "{" + AUTHOR[lang] + "}"),  # double braces: a group, not a person's name
        ("title", bibtex_escape(entry.title)),
        ("year", str(d.year)),
        ("date", d.isoformat()),
        ("howpublished", bibtex_escape(AUTHOR[lang])),
        ("note", entry.kind_def.label_in(lang).capitalize()),
        ("language", LANGUAGE[lang]),
        ("url", url.replace("\\", "").replace("{", "%7B").replace("}", "%7D")),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key(entry)},\n{body}\n}}"

"""Step 4: render pages and page fragments from the knowledge base.

Output is Markdown for MkDocs whose body is raw HTML blocks: Python-Markdown
leaves those alone, so contributor text is rendered exactly once, here, by
markdown_safe. Our own Jinja templates render it with autoescape on; the data
is only ever a template *variable*, never template source, so `{{ 7*7 }}` in
a summary stays those characters. Links are relative, so the site works
under any base path (e.g. GitHub Pages' /repo/).
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from . import model as m
from .index import KnowledgeBase
from .markdown_safe import inline_text, to_html


@dataclass(frozen=True)
class Page:
    src_uri: str  # where MkDocs should pretend the Markdown file is, e.g. metoder/x.md
    markdown: str


def relative(target: str, here: str) -> str:
    """Link from page URL `here` to site path `target` (both like 'metoder/x/')."""
    is_dir = target == "" or target.endswith("/")
    rel = posixpath.relpath(target.rstrip("/") or ".", here.rstrip("/") or ".")
    if rel == ".":
        return "./"
    return rel + "/" if is_dir else rel


class Renderer:
    def __init__(self, kb: KnowledgeBase, edit_url: str = ""):
        self.kb = kb
        self.env = Environment(loader=PackageLoader("spets", "templates"), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.filters["md"] = to_html
        self.env.filters["mdtitle"] = inline_text
        # Front matter values: JSON strings are valid YAML, and the HTML escape
        # matters because MkDocs' theme templates print page meta unescaped.
        self.env.filters["yaml_text"] = lambda v: Markup(json.dumps(str(escape(v))))
        self.env.globals.update(kb=kb, KINDS=m.KINDS, model=m)

    def _render(self, template: str, here: str, **context) -> str:
        return self.env.get_template(template).render(
            link=lambda target: relative(target.url if isinstance(target, m.Entry) else target, here),
            here=here, **context)

    # -------------------------------------------------------------- pages

    def pages(self):
        """Every generated page: one per entry and per vocabulary item with pages."""
        for kind in m.KINDS.values():
            if not kind.url:
                continue
            for entry in self.kb.all(kind.name):
                yield Page(f"{kind.url}/{entry.id}.md", self.page(entry))

    def page(self, entry: m.Entry) -> str:
        template = f"{entry.kind}.md.j2" if entry.kind in ("method", "tool", "case_study") else "vocabulary.md.j2"
        return self._render(template, entry.url, entry=entry, kind=entry.kind_def)

    # ---------------------------------------------------------- fragments

    def cards(self, entries, here: str) -> Markup:
        """Listing cards for entries (any mix of kinds)."""
        return Markup(self._render("cards.html.j2", here, entries=list(entries)))

    def listing(self, kind: str, here: str) -> Markup:
        return self.cards(self.kb.all(kind), here)

    def vocabulary_index(self, kind: str, here: str) -> Markup:
        """Every item of a vocabulary, with how many entries use it."""
        return Markup(self._render("vocabulary_index.html.j2", here, items=self.kb.all(kind)))

    def glossary(self, here: str) -> Markup:
        return Markup(self._render("glossary.html.j2", here, terms=self.kb.all("term")))

    def phases(self, here: str) -> Markup:
        """The lifecycle: each phase with its methods, in order."""
        return Markup(self._render("phases.md.j2", here, phases=self.kb.all("phase")))

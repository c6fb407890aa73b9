"""mkdocs-macros pluglet: the macros that hand-written pages may call.

Only pages with `render_macros: true` in their front matter are rendered by
mkdocs-macros (mkdocs.yml sets render_by_default: false), so generated pages,
and the contributor text in them, never meet its Jinja.
"""

from __future__ import annotations

from markupsafe import Markup

from spets.model import KINDS


def define_env(env):
    plugin = env.conf.plugins["spets"]  # loaded and checked already, once
    kb, renderer = plugin.kb, plugin.renderer

    def here() -> str:
        return env.page.url

    def entries(kind: str):
        if kind not in KINDS:
            raise ValueError(f"okänd sort {kind!r} i {env.page.file.src_uri}; "
                             f"använd en av: {', '.join(KINDS)}")
        return kb.all(kind)

    @env.macro
    def count(kind: str) -> int:
        """How many entries of a kind: count('case_study')."""
        return len(entries(kind))

    @env.macro
    def listing(kind: str) -> Markup:
        """Every entry of a kind as cards, with a filter bar."""
        entries(kind)
        return renderer.listing(kind, here())

    @env.macro
    def search_page() -> Markup:
        """The search form with every filter; assets/spets-filter.js runs it."""
        return renderer.search_form(here())

    @env.macro
    def newest(kind: str, n: int = 3) -> Markup:
        """The n most recently published entries of a kind, as cards."""
        entries(kind)
        return renderer.cards(kb.newest(kind, n), here())

    @env.macro
    def vocabulary(kind: str) -> Markup:
        """Every item of a vocabulary (topic, phase, sector, larosate …) with counts."""
        entries(kind)
        return renderer.vocabulary_index(kind, here())

    @env.macro
    def lifecycle() -> Markup:
        """The phases in order, each with its methods."""
        return renderer.phases(here())

    @env.macro
    def glossary() -> Markup:
        return renderer.glossary(here())

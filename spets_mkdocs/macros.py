"""mkdocs-macros pluglet: the macros that hand-written pages may call.

Only pages with `render_macros: true` in their front matter are rendered by
mkdocs-macros (mkdocs.yml sets render_by_default: false), so generated pages,
and the contributor text in them, never meet its Jinja.
"""

from __future__ import annotations

import difflib

from markupsafe import Markup, escape

from mkdocs.exceptions import PluginError

from spets.model import ENTRY_KINDS, KINDS, VOCABULARIES
from spets.render import relative

# A knowledge base that holds only a sample of the entries (the test fixture)
# says so with this file in its root. Only there may link() meet an id that
# does not exist; it then prints the text without a link.
PARTIAL_MARKER = "partial-knowledge-base.txt"
# Terms have no pages of their own: they are anchors on the glossary page,
# docs/begrepp.md, which calls glossary().
GLOSSARY_URL = "begrepp/"


def define_env(env):
    plugin = env.conf.plugins["spets"]  # loaded and checked already, once
    if not hasattr(plugin, "kb"):
        raise PluginError("mkdocs.yml: pluginen spets måste stå före macros under plugins:")
    kb, renderer = plugin.kb, plugin.renderer

    def here() -> str:
        return env.page.url

    def page_name() -> str:
        return f"docs/{env.page.file.src_uri}"

    partial = (plugin.root / PARTIAL_MARKER).is_file()

    def fail(message: str) -> Markup:
        """A mistake in a page: noted for the plugin, which stops the build
        after the page. Raised here, mkdocs-macros would print a traceback."""
        plugin.macro_errors.append(message)
        return Markup("")

    def known(kind: str, allowed) -> bool:
        if kind in allowed:
            return True
        fail(f"okänd sort {kind!r} i {page_name()}; använd en av: {', '.join(allowed)}")
        return False

    entry_kinds = [k.name for k in ENTRY_KINDS]

    @env.macro
    def count(kind: str) -> int:
        """How many entries of a kind: count('case_study')."""
        return len(kb.all(kind)) if known(kind, KINDS) else 0

    @env.macro
    def listing(kind: str) -> Markup:
        """Every entry of a kind as cards, with a filter bar."""
        return renderer.listing(kind, here()) if known(kind, entry_kinds) else Markup("")

    @env.macro
    def search_page() -> Markup:
        """The search form with every filter; assets/spets-filter.js runs it."""
        return renderer.search_form(here())

    @env.macro
    def newest(kind: str, n: int = 3) -> Markup:
        """The n most recently published entries of a kind, as cards."""
        return renderer.cards(kb.newest(kind, n), here()) if known(kind, entry_kinds) else Markup("")

    @env.macro
    def vocabulary(kind: str) -> Markup:
        """Every item of a vocabulary (topic, phase, sector, larosate …) with counts."""
        pages = [k.name for k in VOCABULARIES if k.url]  # terms are anchors on the glossary, not pages
        return renderer.vocabulary_index(kind, here()) if known(kind, pages) else Markup("")

    @env.macro
    def lifecycle() -> Markup:
        """The phases in order, each with its methods."""
        return renderer.phases(here())

    @env.macro
    def glossary() -> Markup:
        return renderer.glossary(here())

    @env.macro
    def link(kind: str, id_: str, text: str = "") -> Markup:
        """A link to one entry, vocabulary item or glossary term:
        link('method', 'handlingsplan'). The link text is the entry's title
        unless `text` is given. An id that does not exist stops the build,
        except in a partial knowledge base."""
        if kind not in KINDS:
            return fail(f"link() i {page_name()}: okänd sort {kind!r}; använd en av: {', '.join(KINDS)}")
        items = kb.by_kind[kind]
        if id_ not in items:
            if partial:
                return Markup(escape(text or id_))
            close = difflib.get_close_matches(id_, list(items), n=1)
            hint = f" Menade du {close[0]!r}?" if close else ""
            return fail(f"link() i {page_name()}: det finns {KINDS[kind].no} med id {id_!r}.{hint}")
        entry = items[id_]
        href = relative(entry.url, here()) if entry.url else relative(GLOSSARY_URL, here()) + "#" + entry.id
        return Markup(f'<a href="{escape(href)}">{escape(text or entry.heading)}</a>')

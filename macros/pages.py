"""The macros that hand-written pages in docs/ may call: figures, lists and
links made from the knowledge base.

Only pages with `render_macros: true` in their front matter are rendered by
mkdocs-macros (mkdocs.yml sets render_by_default: false), so generated pages,
and the contributor text in them, never meet its Jinja.
"""

from __future__ import annotations

import difflib

from markupsafe import Markup, escape

from spets import english, json_schema
from spets.model import CASE_STUDY, ENTRY_KINDS, KINDS, VOCABULARIES
from spets.render import relative

# Terms have no pages of their own: they are anchors on the glossary page,
# docs/begrepp.md, which calls glossary().
GLOSSARY_URL = "begrepp/"


def macros(plugin, env) -> dict:
    """{name: function} for mkdocs-macros' register_macros(). `plugin` holds
    the checked knowledge base; `env` (mkdocs-macros) knows the current page."""
    site = plugin.site

    def here() -> str:
        return env.page.url

    def edition():
        """The renderer of the current page's language: the English pages
        (under en/) get the English edition's, with its knowledge base."""
        return plugin.english if english.is_english(here()) else plugin.renderer

    def page_name() -> str:
        return f"docs/{env.page.file.src_uri}"

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

    def count(kind: str) -> int:
        """How many entries of a kind: count('case_study')."""
        return len(edition().kb.all(kind)) if known(kind, KINDS) else 0

    def listing(kind: str) -> Markup:
        """Every entry of a kind as cards, with a filter bar."""
        return edition().listing(kind, here()) if known(kind, entry_kinds) else Markup("")

    def search_page() -> Markup:
        """The search form with every filter; assets/spets-filter.js runs it."""
        return edition().search_form(here())

    def newest(kind: str, n: int = 3) -> Markup:
        """The n most recently published entries of a kind, as cards."""
        return edition().cards(edition().kb.newest(kind, n), here()) if known(kind, entry_kinds) else Markup("")

    def vocabulary(kind: str) -> Markup:
        """Every item of a vocabulary (topic, phase, sector, larosate …) with counts."""
        pages = [k.name for k in VOCABULARIES if k.url]  # terms are anchors on the glossary, not pages
        return edition().vocabulary_index(kind, here()) if known(kind, pages) else Markup("")

    def lifecycle() -> Markup:
        """The phases in order, each with its methods."""
        return edition().phases(here())

    def glossary() -> Markup:
        return edition().glossary(here())

    def lifecycle_figure() -> Markup:
        """The lifecycle as a picture whose phases link to their pages."""
        return edition().lifecycle_figure(here())

    def what_works() -> Markup:
        """The success factors ranked by how many cases show them, each with
        the cases and their sentences (docs/vad-fungerar.md)."""
        return edition().what_works(here())

    def partnership_overview() -> Markup:
        """Lärosäte × partner sector as a picture with linked cells, and the
        same numbers as a table."""
        return edition().partnership_overview(here())

    def link(kind: str, id_: str, text: str = "") -> Markup:
        """A link to one entry, vocabulary item or glossary term:
        link('method', 'handlingsplan'). The link text is the entry's title
        unless `text` is given. An id that does not exist stops the build,
        unless the plugin's `partial` setting says the content is a sample."""
        if kind not in KINDS:
            return fail(f"link() i {page_name()}: okänd sort {kind!r}; använd en av: {', '.join(KINDS)}")
        items = edition().kb.by_kind[kind]
        if id_ not in items:
            if plugin.config.partial:
                return Markup(escape(text or id_))
            close = difflib.get_close_matches(id_, list(items), n=1)
            hint = f" Menade du {close[0]!r}?" if close else ""
            return fail(f"link() i {page_name()}: det finns {KINDS[kind].no} med id {id_!r}.{hint}")
        entry = items[id_]
        glossary = "en/glossary/" if english.is_english(here()) else GLOSSARY_URL
        href = relative(entry.url, here()) if entry.url else relative(glossary, here()) + "#" + entry.id
        return Markup(f'<a href="{escape(href)}">{escape(text or entry.heading)}</a>')

    def repository(path: str, action: str = "blob") -> str:
        """A file of the repository on GitHub, on the site's branch:
        repository('CONTRIBUTING.md')."""
        return site.source_url(action, path)

    def contribution_form() -> Markup:
        """The form for a new case study. Everything the browser needs to
        know of the model and the repository comes as data- attributes; the
        page names the script in its front matter."""
        return Markup(edition().contribution_form(
            here(), kind=CASE_STUDY, modeline=json_schema.modeline(CASE_STUDY),
            schema=f"{json_schema.FOLDER}/{json_schema.file_name(CASE_STUDY)}",
            email=env.conf.extra.get("editorial_email", "")))

    return {f.__name__: f for f in (count, listing, search_page, newest, vocabulary, lifecycle,
                                    lifecycle_figure, glossary, link, repository, contribution_form,
                                    what_works, partnership_overview)}

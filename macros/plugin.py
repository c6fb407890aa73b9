"""The MkDocs plugin `spets`: the build's events, in the order MkDocs runs them.

on_config checks the content once and hands the page macros to mkdocs-macros;
on_files adds one generated page per entry and the engine's other outputs
(exports, feed, schemas); the page events put the rendered HTML in place,
point "Redigera på GitHub" at the YAML and read each page for the search
index, which on_post_build writes.

Invalid content stops `mkdocs build` before anything is written. Under
`mkdocs serve` it does not stop the server: every page then shows the
problems, the same lines as `spets check`, until the files are fixed and the
server rebuilds by itself (problem_page.md.j2).
"""

from __future__ import annotations

import json
import logging
import types
import xml.etree.ElementTree as ET
import os
import shutil
import subprocess
from pathlib import Path

import markdown

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data
from mkdocs.structure.toc import get_toc

from spets import english
from spets import model as m
from spets import facets, outputs, search
from spets.check import CheckResult, check_root
from spets.knowledge import KnowledgeBase
from spets.load import find_files, stem
from spets.render import CARD_KINDS, CODEBOOK, OTHER_PAGES, Renderer, problem_page, unstash
from spets.site import SiteInfo

from . import pages


class SpetsConfig(Config):
    # A site built from a sample of the content (the tests' fixture): a
    # hand-written page's link() to an id that is not there prints its text.
    partial = config_options.Type(bool, default=False)


# Not under "mkdocs": MkDocs counts what its own loggers say as warnings, and
# `strict: true` would then abort the very build that shows the problems.
LOG = logging.getLogger("spets")


class SpetsPlugin(BasePlugin[SpetsConfig]):
    kb: KnowledgeBase
    renderer: Renderer
    dirty = False
    serving = False
    invalid: CheckResult | None = None  # under `mkdocs serve`: the content's problems, shown on every page
    documents: dict[str, search.SearchPage]  # page URL -> what the search index has of it

    def on_startup(self, *, command, dirty):
        # With on_startup, MkDocs keeps this object between the builds of
        # `mkdocs serve`, so a --dirty rebuild still has the pages it skips.
        self.dirty = dirty
        self.serving = command == "serve"

    def on_config(self, config):
        # Runs before MkDocs touches site/: invalid content stops the build
        # with nothing written, and with the same lines as `spets check`.
        self.root = Path(config.config_file_path).parent
        self.macro_errors: list[str] = []  # mistakes in macro calls (pages.py), reported after their page
        _pin_build_date(self.root)
        result = check_root(self.root)
        self.invalid = None
        if result.problems and not self.serving:
            raise PluginError(result.report())
        if result.problems:
            LOG.error("Innehållet har fel; varje sida visar dem tills de är rättade:\n%s", result.report())
            self.invalid = result
        self.kb = KnowledgeBase.of(result.entries)
        self.site = SiteInfo(name=config.site_name, url=config.site_url or "", repo_url=config.repo_url or "",
                             branch=_branch(config.edit_uri or "", config.docs_dir), commit=_commit(self.root))
        self.renderer = Renderer(self.kb, self.site)
        # The English edition: the same pages from the English view, under en/.
        self.english = Renderer(english.view(self.kb), self.site, lang="en", swedish=english.swedish_words(self.kb))
        macros = config.plugins.get("macros")
        if macros is None:
            raise PluginError("mkdocs.yml: pluginen macros saknas under plugins:")
        macros.register_macros(pages.macros(self, macros))
        # Generated page -> the YAML file it is made from, for edit links.
        self.sources = {entry.url.rstrip("/") + ".md": entry.path for renderer in (self.renderer, self.english)
                        for kind in m.KINDS.values() if kind.url for entry in renderer.kb.all(kind.name)}
        # Page URL -> the same page in the other language: entries here, the
        # hand-written pages from their front matter (`twin:`, on_nav).
        self.twins = {}
        for kind in m.KINDS.values():
            for entry in self.kb.all(kind.name) if kind.url else ():
                english_url = self.english.kb.get(kind.name, entry.id).url
                self.twins[entry.url], self.twins[english_url] = english_url, entry.url
        pairs = [(self.renderer.cards_url(kind), self.english.cards_url(kind)) for kind in CARD_KINDS]
        for swedish, english_url in [*pairs, (self.renderer.codebook_url(), self.english.codebook_url())]:
            self.twins[swedish], self.twins[english_url] = english_url, swedish
        return config

    def on_files(self, files: Files, *, config) -> Files:
        self.blocks = {}
        self.headings = headings_markdown(config.markdown_extensions, config.mdx_configs or {})
        self.entry_search: dict[str, search.SearchPage] = {}  # page URL -> the record the engine made
        if self.invalid:
            return self._problem_files(files, config)
        if not self.dirty:
            self.documents = {}
        elif not getattr(self, "documents", None):  # first --dirty build: the rest is in the last index
            self.documents = {d.url: d for lang in search.LANGUAGES
                              for d in search.read_index(Path(config.site_dir), lang)}
        for file in files:
            for lang in search.LANGUAGES:
                if file.dest_uri.startswith(search.index_dir(lang) + "/"):
                    raise PluginError(f"docs/{file.src_uri} krockar med sökindexet ({search.index_dir(lang)}/): "
                                      "byt namn på filen")
        try:
            pages = [*self.renderer.pages(), *self.english.pages()]
        except english.Untranslated as error:  # a maintainer's template, not a contributor's file
            raise PluginError(str(error.args[0])) from None
        for page in pages:
            self.blocks[page.src_uri] = page.blocks
            if page.search:
                self.entry_search[page.search.url] = page.search
            if files.get_file_from_path(page.src_uri):
                raise PluginError(f"docs/{page.src_uri} krockar med en genererad sida: byt namn på filen")
            # Entry pages stay out of the nav: with them in it, every page
            # would embed every other and the build would grow quadratically.
            files.append(File.generated(config, page.src_uri, content=page.markdown,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        for path, content in outputs.files(self.kb, self.site).items():
            if files.get_file_from_path(path):
                raise PluginError(f"docs/{path} krockar med en genererad fil: byt namn på filen")
            files.append(File.generated(config, path, content=content))
        self.page_urls = {file.url for file in files.documentation_pages()}
        return files

    def on_nav(self, nav, *, config, files):
        twin_of = self._hand_written_twins(files)
        # The open-data page is generated in both languages; the Swedish one is in mkdocs.yml's nav.
        english_data = files.get_file_from_path(CODEBOOK["en"])
        if english_data:
            twin_of[CODEBOOK["sv"]] = english_data
        self.english_nav = _english_nav(nav, twin_of)
        return nav

    def _hand_written_twins(self, files: Files) -> dict[str, File]:
        """Each English page under docs/en/ names its Swedish twin in its front
        matter (`twin: om-spets.md`): noted in self.twins, and returned as
        {Swedish source path: English file} for the English menu."""
        twin_of = {}
        for file in files.documentation_pages():
            if not english.is_english(file.url) or getattr(file, "generated_by", None):
                continue
            twin = get_data(file.content_string)[1].get("twin")
            if not twin:
                continue
            swedish = files.get_file_from_path(twin) if isinstance(twin, str) else None
            if swedish is None or not swedish.is_documentation_page():
                raise PluginError(f"docs/{file.src_uri}: twin: {twin!r} är ingen sida i docs/")
            swedish_url = "" if swedish.url in (".", "./") else swedish.url  # the start page, as Page.url has it
            self.twins[file.url], self.twins[swedish_url] = swedish_url, file.url
            twin_of[twin] = file
        return twin_of

    def on_page_context(self, context, *, page, config, nav):
        if english.is_english(page.url):
            context["nav"] = self.english_nav
        return context

    def _problem_files(self, files: Files, config) -> Files:
        """While the content is invalid: every page a reader may be on, the
        hand-written ones and one per entry file, valid or not, exists and
        shows the problems (on_page_markdown), and nothing else is made."""
        pages = {(kind, stem(rel)) for kind, rel in find_files(self.root)
                 if m.KINDS[kind].url and not m.KINDS[kind].is_vocabulary}
        pages |= {(entry.kind, entry.id) for entry in self.invalid.entries if entry.kind_def.url}
        paths = {f"{folder}/{id_}.md" for kind, id_ in pages
                 for folder in (m.KINDS[kind].url, f"en/{m.KINDS[kind].url_en}")}
        paths |= set(OTHER_PAGES)
        for path in sorted(paths - {f.src_uri for f in files}):
            files.append(File.generated(config, path, content="", inclusion=InclusionLevel.NOT_IN_NAV))
        self.page_urls = set()
        return files

    # Before mkdocs-macros, in whichever order the plugins stand: a page
    # that shows the problems has no macros to run.
    @event_priority(100)
    def on_page_markdown(self, markdown, *, page, config, files):
        if not self.invalid:
            return markdown
        page.meta["render_macros"] = False
        page.meta["search"] = {"exclude": True}
        return problem_page(self.invalid)

    def on_pre_page(self, page, *, config, files):
        self._set_edit_url(page, config)
        if page.file.src_uri in self.blocks:
            page.render = types.MethodType(self._render_generated, page)
        return page

    def _render_generated(self, page, config, files) -> None:
        """Page.render for a generated page, whose Markdown is only its
        headings: MkDocs would build a Markdown with every extension for each
        page, which cost more than the rest of our rendering. One shared
        Markdown renders the headings (ids, permalinks, table of contents, as
        mkdocs.yml sets them); the finished HTML blocks go back between them.
        Sets what MkDocs' own Page.render sets (MkDocs 1.6, pinned)."""
        self.headings.reset()
        try:
            page.content = unstash(self.headings.convert(page.markdown), self.blocks[page.file.src_uri])
        except ValueError as error:  # a template wrote a heading Markdown does not read as one
            raise PluginError(f"{page.file.src_uri}: sidans rubriker kunde inte sättas ihop ({error})") from None
        page.toc = get_toc(getattr(self.headings, "toc_tokens", []))
        page.present_anchor_ids = _anchor_ids(page.toc)

    def _set_edit_url(self, page, config) -> None:
        """"Redigera på GitHub" goes to the YAML an entry page is made from,
        never to a generated file; hand-written pages keep MkDocs' own link
        (repo_url + edit_uri + docs path). Pages made from no one file get none."""
        if not config.repo_url:
            return
        source = self.sources.get(page.file.src_uri)
        if source:
            page.edit_url = self.site.source_url("edit", source)
        elif getattr(page.file, "generated_by", None):
            page.edit_url = None

    def on_page_content(self, html, *, page, config, files):
        blocks = self.blocks.get(page.file.src_uri)
        # The index gets the page's own content, never the nav, header or
        # footer. Listing pages opt out (`search: exclude`), since they would
        # match every search.
        if self.invalid or (page.meta.get("search") or {}).get("exclude"):
            return html
        if page.url in self.entry_search:  # an entry's page: made from its data, no HTML to read
            self.documents[page.url] = self.entry_search[page.url]
            return html
        if not blocks:
            renderer = self.english if english.is_english(page.url) else self.renderer
            html = renderer.search_record(page.title or "") + html
        self.documents[page.url] = search.read_page(page.url, html)
        return html

    def on_env(self, env, *, config, files):
        self.navs: dict[str, str] = {}
        env.globals["spets_nav_once"] = self._nav_once
        # For the theme's templates (overrides/): the page's language, its
        # search page and its twin in the other language, and our strings in
        # the page's language.
        def lang(page) -> str:
            return "en" if page and english.is_english(page.url) else "sv"
        env.globals["spets_lang"] = lang
        env.globals["spets_search_url"] = lambda page: facets.search_url(lang=lang(page))
        env.globals["spets_twin"] = lambda page: self.twins.get(page.url) if page else None
        env.globals["spets_t"] = lambda page, text, **values: english.strings(lang(page))(text, **values)
        # Every page has been through the macros now: report all their mistakes at once.
        if self.macro_errors and not self.invalid:
            raise PluginError("\n".join(self.macro_errors))
        return env

    def _nav_once(self, page, render) -> str:
        """The menu of a page (overrides/partials/nav.html): for a page outside
        the nav the same in every folder, so rendered once per folder."""
        if page is None or page.file.inclusion != InclusionLevel.NOT_IN_NAV:
            return render()
        folder = page.url.rstrip("/").rpartition("/")[0]
        if folder not in self.navs:
            self.navs[folder] = render()
        return self.navs[folder]

    def on_post_build(self, *, config):
        if self.invalid:
            return
        site = Path(config.site_dir)
        try:
            for lang in search.LANGUAGES:  # one index per language: results never mix them
                docs = [d for url, d in self.documents.items()
                        if url in self.page_urls and english.is_english(url) == (lang == "en")]
                files = search.index_files(docs, lang)
                for parent in {(site / path).parent for path in files}:  # once each: thousands of files, two folders
                    parent.mkdir(parents=True, exist_ok=True)
                for path, content in files.items():
                    (site / path).write_bytes(content)
                # A --dirty build keeps site/: the previous index's folder goes.
                folder = json.loads(files[f"{search.index_dir(lang)}/meta.json"])["folder"]
                for old in (site / search.index_dir(lang)).iterdir():
                    if old.is_dir() and old.name != folder:
                        shutil.rmtree(old)
        except OSError as error:
            raise PluginError(f"Sökindexet kunde inte skrivas: {error.strerror or error} ({error.filename})")
        _english_sitemap(site, config.site_url or "")

    def on_serve(self, server, *, config, builder):
        # The content folders, also one still empty: its first file must rebuild.
        for folder in [*(kind.folder for kind in m.ENTRY_KINDS), "taxonomy"]:
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server


def _english_sitemap(site: Path, site_url: str) -> None:
    """en/sitemap.xml: the sitemap's English pages. Material's script reads a
    sitemap beside each <link rel="alternate"> of a page, and the English
    pages name their feed, en/feed.xml; a sitemap lists only pages under its
    own folder."""
    sitemap = site / "sitemap.xml"
    if not site_url or not sitemap.is_file():
        return
    ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
    ET.register_namespace("", ns)
    ET.register_namespace("xhtml", "http://www.w3.org/1999/xhtml")
    tree = ET.parse(sitemap)
    english_root = site_url.rstrip("/") + "/en/"
    for url in list(tree.getroot()):
        if not url.findtext(f"{{{ns}}}loc", "").startswith(english_root):
            tree.getroot().remove(url)
    tree.write(site / "en" / "sitemap.xml", encoding="UTF-8", xml_declaration=True)


def _english_nav(nav: Navigation, twin_of: dict[str, File]) -> Navigation:
    """The menu of the English pages: the Swedish menu, each page replaced by
    its English twin (`twin_of`: Swedish source path -> English file), each
    group's name in English. A page without a twin is left out."""

    def english_item(item):
        if isinstance(item, Section):
            children = [c for c in map(english_item, item.children) if c]
            section = Section(english.gettext(item.title), children)
            for child in children:
                child.parent = section
            return section if children else None
        if isinstance(item, Page) and item.file.src_uri in twin_of:
            return twin_of[item.file.src_uri].page
        return None

    items = [i for i in map(english_item, nav.items) if i]
    pages = [i for i in items if isinstance(i, Page)]
    pages += [c for i in items if isinstance(i, Section) for c in i.children if isinstance(c, Page)]
    out = Navigation(items, pages)
    home = twin_of.get(nav.homepage.file.src_uri) if nav.homepage else None
    out.homepage = home.page if home else None
    return out


# Extensions that act only on blocks other than headings: a page's Markdown
# that is nothing but headings gives the same HTML without them, sooner.
BLOCK_ONLY = {"admonition", "def_list", "fenced_code", "md_in_html", "tables",
              "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"}


def headings_markdown(extensions: list, configs: dict) -> markdown.Markdown:
    """One Markdown, with the site's extensions (but BLOCK_ONLY), for the
    headings of every generated page (see _render_generated)."""
    def block_only(name) -> bool:
        return isinstance(name, str) and name.removeprefix("markdown.extensions.") in BLOCK_ONLY
    kept = [e for e in extensions if not block_only(e)]
    return markdown.Markdown(extensions=kept, extension_configs={k: v for k, v in configs.items() if not block_only(k)})


def _anchor_ids(toc) -> set[str]:
    return {item.id for item in toc} | {i for item in toc for i in _anchor_ids(item.children)}


def _branch(edit_uri: str, docs_dir: str) -> str:
    """The branch in edit_uri ("edit/main/docs/" -> "main"): edit links, the
    form's "Öppna GitHub" and links to CONTRIBUTING.md all point at it."""
    parts = edit_uri.strip("/").split("/")
    if len(parts) < 2 or parts[0] not in ("edit", "blob"):
        raise PluginError(f"mkdocs.yml: edit_uri ska ha formen edit/GREN/docs/ (nu {edit_uri!r})")
    if parts[-1] == Path(docs_dir).name and len(parts) > 2:
        parts = parts[:-1]
    return "/".join(parts[1:])


def _git(root: Path, *args: str) -> str:
    """The output of a git command, or "" outside git (e.g. an unpacked archive)."""
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _commit(root: Path) -> str:
    """The checked-out commit, for exports that say what they were built from."""
    return _git(root, "rev-parse", "HEAD")


def _pin_build_date(root: Path) -> None:
    """Two builds of one commit must give identical files, but MkDocs stamps
    sitemap.xml and its gzip header with the build date unless
    SOURCE_DATE_EPOCH is set. Set it to the commit's time (a fixed date
    outside git); MkDocs reads it only later, when pages are made."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    stamp = _git(root, "log", "-1", "--format=%ct")
    os.environ["SOURCE_DATE_EPOCH"] = stamp if stamp.isdigit() else "315532800"  # 1980-01-01

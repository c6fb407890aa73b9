"""MkDocs plugin `spets`: check once, then add one generated page per entry."""

from __future__ import annotations

import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from spets import index, outputs
from spets import model as m
from spets.check import check_root
from spets.load import find_files
from spets.problems import summary
from spets.render import Renderer, unstash


class SpetsPlugin(BasePlugin):
    kb: index.KnowledgeBase
    renderer: Renderer

    def on_config(self, config):
        # Runs before MkDocs touches site/: invalid content stops the build
        # with nothing written, and with the same lines as `spets check`.
        self.root = Path(config.config_file_path).parent
        result = check_root(self.root)
        if result.problems:
            lines = [p.text() for p in result.problems]
            raise PluginError("\n".join([*lines, summary(list(result.problems), result.files)]))
        self.kb = index.build(result.entries)
        self.renderer = Renderer(self.kb)
        return config

    def on_files(self, files: Files, *, config) -> Files:
        self.blocks = {}
        for page in self.renderer.pages():
            self.blocks[page.src_uri] = page.blocks
            if files.get_file_from_path(page.src_uri):
                raise PluginError(f"docs/{page.src_uri} krockar med en genererad sida: byt namn på filen")
            # Entry pages stay out of the nav: with them in it, every page
            # would embed every other and the build would grow quadratically.
            files.append(File.generated(config, page.src_uri, content=page.markdown,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        site = outputs.SiteInfo(name=config.site_name, url=config.site_url or "",
                                repo_url=config.repo_url or "", commit=_commit(self.root))
        for path, content in outputs.files(self.kb, site).items():
            if files.get_file_from_path(path):
                raise PluginError(f"docs/{path} krockar med en genererad fil: byt namn på filen")
            files.append(File.generated(config, path, content=content))
        return files

    def on_pre_page(self, page, *, config, files):
        self._set_edit_url(page, config)
        return page

    def _set_edit_url(self, page, config) -> None:
        """"Redigera på GitHub" goes to the YAML an entry page is made from,
        never to a generated file; hand-written pages keep MkDocs' own link
        (repo_url + edit_uri + docs path). Pages made from no one file get none."""
        if not config.repo_url:
            return
        if getattr(self, "_sources_of", None) is not self.kb:  # once per build (serve rebuilds)
            self._sources_of = self.kb
            self._sources = {f"{kind.url}/{entry.id}.md": entry.path
                             for kind in m.KINDS.values() if kind.url
                             for entry in self.kb.all(kind.name)}
        source = self._sources.get(page.file.src_uri)
        if source:
            page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{source}"
        elif getattr(page.file, "generated_by", None):
            page.edit_url = None

    def on_page_content(self, html, *, page, config, files):
        blocks = self.blocks.get(page.file.src_uri)
        return unstash(html, blocks) if blocks else html

    def on_serve(self, server, *, config, builder):
        for _, path in find_files(self.root):
            server.watch(str(path.parent))
        return server


def _commit(root: Path) -> str:
    """The checked-out commit, for exports that say what they were built from."""
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                              text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""

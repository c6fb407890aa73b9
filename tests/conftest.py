"""Shared helpers: a fresh copy of the fixture knowledge base per test, real
MkDocs builds of it in a temporary folder (no mocks), a served site and a
browser.

Every test gets a marker from what it uses, so that `make test-fast` can
run the in-process ones alone (`pytest -m "not build and not browser"`):
  browser  opens pages in chromium (set by the module: pytestmark);
  build    builds a site or runs a command (mkdocs, spets) in a subprocess;
  content  checks the repository's own content (tests/test_content.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "kb"
BIN = Path(sys.executable).parent


def partial_config(text: str) -> str:
    """mkdocs.yml for a sample of the content: the spets plugin's `partial`
    setting lets the hand-written pages' links to absent entries be text."""
    plugin = "\n  - spets\n"
    assert plugin in text, "mkdocs.yml lists the spets plugin on a line of its own"
    return text.replace(plugin, "\n  - spets:\n      partial: true\n", 1)


def copy_fixture(dest: Path) -> Path:
    """tests/fixtures/kb with the site's mkdocs.yml (as a partial knowledge
    base), docs/ and overrides/, at dest/kb."""
    root = dest / "kb"
    shutil.copytree(FIXTURE, root)
    (root / "mkdocs.yml").write_text(partial_config((REPO / "mkdocs.yml").read_text(encoding="utf-8")),
                                     encoding="utf-8")
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "overrides", root / "overrides")
    return root


def copy_repo(dest: Path) -> Path:
    """The whole repository without what a build or an install leaves, at dest/repo."""
    root = dest / "repo"
    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".venv", "site", ".git", "*.egg-info", ".pytest_cache"))
    return root


@pytest.fixture
def kb(tmp_path) -> Path:
    """A writable copy of the fixture knowledge base, for one test."""
    return copy_fixture(tmp_path)


@pytest.fixture(scope="session")
def built_fixture(tmp_path_factory) -> Path:
    """The fixture knowledge base built once into site/, shared read-only."""
    root = copy_fixture(tmp_path_factory.mktemp("built"))
    r = mkdocs_build(root)
    assert r.returncode == 0, r.stdout + r.stderr
    return root


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory):
    """The repository's own site, built once from a copy and served over
    HTTP for the whole run, read-only: (url, site folder)."""
    root = copy_repo(tmp_path_factory.mktemp("repo-site"))
    r = mkdocs_build(root)
    assert r.returncode == 0, r.stdout + r.stderr
    url, server = serve(root / "site")
    yield url, root / "site"
    server.shutdown()


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)


def spets(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run(str(BIN / "spets"), *args, cwd=cwd)


def mkdocs_build(root: Path) -> subprocess.CompletedProcess:
    return run(str(BIN / "mkdocs"), "build", "--strict", cwd=root)


# ---------------------------------------------------------------- reading output

class Tags(HTMLParser):
    """Every start tag of a page with its attributes ("" for an empty one), and its text."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data):
        self.text.append(data)


def as_json(value, strip: bool = False):
    """A value loaded from YAML as it reads in JSON: dates as ISO text, nested
    lists and objects alike; `strip`: text without surrounding whitespace."""
    if isinstance(value, dict):
        return {k: as_json(v, strip) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v, strip) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value.strip() if strip and isinstance(value, str) else value


# ---------------------------------------------------------------- markers

# Fixtures that build sites: the shared fixture site, and test_bad_input's one per case.
BUILDS = {"built_fixture", "base_url", "page", "browser", "runs"}
SUBPROCESSES = {"mkdocs_build", "spets", "run", "subprocess"}  # helpers that start a process


def pytest_collection_modifyitems(items):
    for item in items:
        names = set(item.function.__code__.co_names)  # the globals the test itself calls
        if BUILDS & set(item.fixturenames) or SUBPROCESSES & names or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.build)


# ---------------------------------------------------------------- browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def need_chromium():
    """Skip browser tests where Debian's chromium is missing, except in CI."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError("CI needs Debian's chromium for the browser tests (apt-get install chromium)")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)


def serve(directory: Path):
    """Serve a built site on a free local port; returns (base url, server)."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


@pytest.fixture(scope="session")
def base_url(built_fixture):
    """The built fixture site, served over HTTP (the search fetches its index)."""
    url, server = serve(built_fixture / "site")
    yield url
    server.shutdown()


def watch(page) -> list[str]:
    """The console errors and uncaught exceptions of a page, as they come."""
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


@pytest.fixture(scope="session")
def browser():
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()

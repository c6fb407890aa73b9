"""The built fixture site in a real browser (Debian's chromium via Playwright):
pages load without console errors, and no script from content ever runs."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI needs Debian's chromium for the browser tests (apt-get install chromium)")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def base_url(built_fixture):
    root = built_fixture
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def visit(browser, url, screenshot: Path | None = None):
    """Open a page; return (console errors, dialogs opened, requests off this host)."""
    page = browser.new_page()
    errors, dialogs, foreign = [], [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: r.url.startswith("http://127.0.0.1") or foreign.append(r.url))
    page.goto(url, wait_until="networkidle")
    if screenshot:
        page.screenshot(path=str(screenshot), full_page=True)
    title = page.title()
    page.close()
    return errors, dialogs, foreign, title


@pytest.mark.parametrize("path", ["", "metoder/", "metoder/styrgrupp/", "verktyg/arsfragor/",
                                  "fallstudier/chalmers-volvo-cars/", "faser/", "begrepp/",
                                  "larosaten/kth/"])
def test_pages_load_cleanly_and_stay_on_this_host(browser, base_url, path):
    errors, dialogs, foreign, _ = visit(browser, base_url + path)
    assert errors == [] and dialogs == []
    assert foreign == []  # no fonts or scripts from third parties


def test_no_script_from_content_runs(browser, base_url, tmp_path):
    for path in ("metoder/fientlig/", "metoder/", "faser/folja-upp/", "amnen/forankring/"):
        errors, dialogs, foreign, title = visit(browser, base_url + path, tmp_path / "shot.png")
        assert dialogs == [], path
        assert errors == [], path
    assert title.startswith("Förankring")

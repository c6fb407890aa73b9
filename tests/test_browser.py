"""The built fixture site in a real browser (Debian's chromium via Playwright):
pages load without console errors, and no script from content ever runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import need_chromium, watch

need_chromium()
pytestmark = pytest.mark.browser


def visit(browser, url, screenshot: Path | None = None):
    """Open a page; return (console errors, dialogs opened, requests off this host)."""
    page = browser.new_page()
    errors, dialogs, foreign = watch(page), [], []
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

"""`mkdocs serve` with invalid content keeps serving: every page shows the
problems, the lines of `spets check`, and the site comes back by itself when
the file is fixed. `mkdocs build` still stops with nothing written."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from conftest import BIN

pytestmark = pytest.mark.build

BAD = "case_studies/liu-partner.yml:10:10: started: ska vara ett årtal med fyra siffror, t.ex. 2017 (inte &#39;tjugo&#39;)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, ""
    except OSError:
        return 0, ""


def wait_for(url: str, wanted, seconds: float = 60) -> str:
    """The page once `wanted(html)` holds; fails after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, html = get(url)
        if status == 200 and wanted(html):
            return html
        time.sleep(0.3)
    raise AssertionError(f"{url}: not as wanted after {seconds} s (last status {status})")


@pytest.fixture
def server(kb):
    """`mkdocs serve` of the fixture with one invalid file, and its base URL."""
    case = kb / "case_studies" / "liu-partner.yml"
    text = case.read_text(encoding="utf-8")
    assert "\nstarted: 2015\n" in text
    case.write_text(text.replace("\nstarted: 2015\n", "\nstarted: tjugo\n"), encoding="utf-8")
    port = free_port()
    process = subprocess.Popen([str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"], cwd=kb,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        yield f"http://127.0.0.1:{port}/kunskapsbank/", case, process
    finally:
        process.terminate()
        out, _ = process.communicate(timeout=20)
        assert "Traceback" not in out, out


def test_serve_shows_the_problems_on_every_page_and_recovers(server):
    base, case, process = server
    for path in ("", "metoder/styrgrupp/", "fallstudier/liu-partner/", "sok/", "data/", "metoder/kort/",
                 "en/", "en/methods/styrgrupp/", "en/case-studies/liu-partner/", "en/data/", "en/tools/cards/"):
        html = wait_for(base + path, lambda h: "spets-problems" in h)
        assert "<h1" in html and "Innehållet har fel" in html and BAD in html, path
        assert "1 problem i 1 av " in html
    assert process.poll() is None, "the server is still running"
    # Fixed: the real page comes back without a restart.
    case.write_text(case.read_text(encoding="utf-8").replace("\nstarted: tjugo\n", "\nstarted: 2015\n"),
                    encoding="utf-8")
    html = wait_for(base + "fallstudier/liu-partner/", lambda h: "spets-problems" not in h and "2015" in h)
    assert "Innehållet har fel" not in html
    # Broken again, the other way: the problems are back, with their new line.
    case.write_text(case.read_text(encoding="utf-8").replace("\nstarted: 2015\n", "\nstarted: [\n"),
                    encoding="utf-8")
    html = wait_for(base + "metoder/styrgrupp/", lambda h: "spets-problems" in h)
    assert "case_studies/liu-partner.yml:" in html and "started:" in html
    assert process.poll() is None


def test_build_with_invalid_content_still_stops_with_nothing_written(kb):
    case = kb / "case_studies" / "liu-partner.yml"
    case.write_text(case.read_text(encoding="utf-8").replace("\nstarted: 2015\n", "\nstarted: tjugo\n"),
                    encoding="utf-8")
    r = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=kb, capture_output=True, text=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert r.returncode == 1 and not (kb / "site").exists()
    assert BAD.replace("&#39;", "'") in r.stdout + r.stderr

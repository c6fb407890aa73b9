"""Readers' journeys, end to end in a real browser (Debian's chromium via
Playwright), on the site built from this repository:

- the partnership manager on a phone (390 px) searches from the header for
  "avtal", opens a method from the results, follows its link to one of its
  tools and prints the tool: the PDF, read back, has the tool's title and
  content and nothing of the screen's (no tooltip, no link chrome);
- a reader with the keyboard alone at 1366 px tabs through the start page,
  the search page, a listing, an entry and the form, and every control shows
  that it has focus (the screenshot of it focused differs from the one
  without focus at 3:1, as tests/test_a11y.py measures it).

Every page opened has no console error."""

from __future__ import annotations

import io
import re

import pytest
import yaml
from pypdf import PdfReader

from conftest import REPO, need_chromium
# The sites and the focus measure are test_a11y's: one way to tell visible focus.
from test_a11y import DESKTOP, PHONE, entry_pages, hidden, invisible, lab, opened, real_url, tab_stops  # noqa: F401

need_chromium()
pytestmark = pytest.mark.browser

SEARCHED = "() => /träffar för ”avtal”/.test(document.querySelector('.spets-status').textContent)"


def title(page) -> str:
    """The page's h1 without its "¶" link."""
    return page.locator("article h1").inner_text().replace("¶", "").strip()


def flat(text: str) -> str:
    """Text without its spaces, line breaks and hyphens, as a PDF and a page
    can both be compared (a PDF breaks lines where it likes)."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


def markdown_text(line: str) -> str:
    """A line of a tool's Markdown as it reads: no list marker, box, heading
    mark, emphasis or link target."""
    line = re.sub(r"^\s*(?:[-*+]|\d+\.|#+)\s+", "", line)
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    return re.sub(r"[*_`☐]", "", line).strip()


def tool_lines(tool_id: str) -> list[str]:
    """The headings and the first line of every list item of a tool's content, from its YAML."""
    content = yaml.safe_load((REPO / "tools" / f"{tool_id}.yml").read_text(encoding="utf-8")).get("content") or ""
    lines = [markdown_text(x) for x in content.splitlines() if re.match(r"\s*(?:#+|[-*+])\s+\S", x)]
    return [x for x in lines if len(x) > 3]


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(viewport=PHONE, has_touch=True)
    yield ctx
    ctx.close()


def test_the_partnership_manager_finds_and_prints_a_tool_on_a_phone(phone, real_url):
    url, _ = real_url
    page = opened(phone, url)
    # The header's search: on a phone the icon, which opens the search page
    # with the cursor in its field.
    page.click(".spets-header-search button")
    page.wait_for_url("**/sok/?q=")
    page.wait_for_function("document.activeElement && document.activeElement.id === 's-q'")
    page.keyboard.type("avtal")
    page.wait_for_function(SEARCHED)

    # A method among the results, opened.
    method = page.locator(".spets-result").filter(has=page.locator(".spets-result__kind", has_text="Metod")).first
    method_title = method.locator(".spets-result__title").inner_text()
    method.locator(".spets-result__title").click()
    page.wait_for_url(re.compile(r"/metoder/[^/]+/$"))
    assert title(page) == method_title.strip()

    # One of its tools, by its link.
    tool_link = page.locator('article a[href*="verktyg/"]:not([href$="../verktyg/"]):not([href*="/kort/"])').first
    tool_title = tool_link.inner_text().strip()
    tool_link.click()
    page.wait_for_url(re.compile(r"/verktyg/[^/]+/$"))
    tool_id = page.url.rstrip("/").rsplit("/", 1)[1]
    assert title(page) == tool_title

    # "Skriv ut": the reader taps it (the browser's print dialog stands in
    # for a function here), and the sheet is made while the link has focus.
    page.evaluate("window.print = () => { window.printed = true; }")
    page.tap("a.spets-print")
    assert page.evaluate("window.printed === true")
    # On screen the link now shows Material's tooltip, "Skriv ut kortet":
    # the sheet must not.
    page.get_by_text("Skriv ut kortet", exact=True).wait_for(state="visible", timeout=5000)
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)

    assert flat(tool_title) in flat(text)
    expected = tool_lines(tool_id)
    assert len(expected) >= 3, tool_id  # a tool with content to print
    assert [line for line in expected if flat(line) not in flat(text)] == []
    for unwanted in ("Skriv ut kortet", "Skriv ut", "Redigera på GitHub", "Gå till innehållet"):
        assert unwanted not in text, unwanted
    # Link chrome: on paper a link has no underline and no colour of its own.
    chrome = page.evaluate("""() => [...document.querySelectorAll('.md-content a')].filter((a) => a.offsetParent)
      .filter((a) => getComputedStyle(a).textDecorationLine !== 'none' ||
                     getComputedStyle(a).color !== getComputedStyle(a.parentElement).color)
      .map((a) => a.textContent.trim())""")
    assert chrome == []
    assert page.errors == []


KEYBOARD_PAGES = ["", "sok/?q=avtal", "metoder/", "metoder/partnerskapsavtal/", "bidra/fallstudie/"]


@pytest.mark.parametrize("context", [DESKTOP], indirect=True, ids=["1366"])
@pytest.mark.parametrize("path", KEYBOARD_PAGES)
def test_a_keyboard_reader_sees_focus_on_every_control(context, lab, real_url, path):
    url, site = real_url
    if path.startswith("metoder/") and path != "metoder/":
        assert path in entry_pages(site, "metoder")
    page = opened(context, url + path)
    if path.startswith("sok/"):
        page.wait_for_function(SEARCHED)
    stops = tab_stops(page, lab)
    assert len(stops) >= 10
    assert [s["name"] for s in stops if invisible(s)] == []
    assert [(s["name"], [round(v) for v in s["rect"]]) for s in stops if hidden(s)] == []
    assert page.errors == []


@pytest.fixture
def context(browser, request):
    ctx = browser.new_context(viewport=request.param)
    yield ctx
    ctx.close()

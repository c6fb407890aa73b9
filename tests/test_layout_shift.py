"""No layout shift: the search page's and the listings' filter bars are in
the page as built, so nothing moves when the script arrives or the results
come (cumulative layout shift, CLS, under 0.1 as Core Web Vitals counts it
"good"), on a phone (390 px) and a laptop (1366 px).

Measured in Chromium, on the site built from this repository (its real
number of cards and filters), with a PerformanceObserver for 'layout-shift'
entries that starts before the page's first byte and also reads the
buffered ones. Shifts right after the reader's own input do not count, as
in CLS. Every shift is added up, not only the worst window of them as CLS
does: a stricter measure."""

from __future__ import annotations

import pytest

from conftest import need_chromium, watch

need_chromium()
pytestmark = pytest.mark.browser

LIMIT = 0.1
SETTLE_MS = 1500  # after load and the script's answer, for late results and images
WIDTHS = (390, 1366)
URLS = ("sok/?q=avtal", "fallstudier/?sektor=offentlig-sektor", "metoder/", "verktyg/", "fallstudier/")

# Runs before any of the page's own scripts: every shift is recorded, also
# those before the page could have set up an observer of its own.
OBSERVE = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    window.__shifts.push({value: e.value, time: e.startTime, sources: (e.sources || []).map((s) =>
      (s.node && s.node.nodeType === 1 ? s.node.tagName.toLowerCase() + '.' + (s.node.className || '') :
       s.node ? s.node.nodeName : '?'))});
  }
}).observe({type: 'layout-shift', buffered: true});
"""


@pytest.fixture(scope="module")
def site_url(repo_site):
    """The site built from a copy of this repository, served over HTTP."""
    return repo_site[0]


def layout_shift(browser, url: str, width: int) -> tuple[float, list]:
    """The sum of a page's layout shifts, from its start until it has
    loaded, the filter script has said what it shows, and SETTLE_MS more."""
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 600 else 768})
    page = context.new_page()
    errors = watch(page)
    page.add_init_script(OBSERVE)
    page.goto(url, wait_until="load")
    # The status line is the script's last word: the cards filtered, or the results shown.
    page.wait_for_function("/Visar|träff|Inga|Skriv/.test(document.querySelector('.spets-status')?.textContent || '')")
    page.wait_for_timeout(SETTLE_MS)
    shifts = page.evaluate("window.__shifts")
    context.close()
    assert errors == []
    return sum(s["value"] for s in shifts), shifts


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", URLS)
def test_no_layout_shift(browser, site_url, path, width):
    total, shifts = layout_shift(browser, site_url + path, width)
    print(f"layout shift {path} {width} px: {total:.3f}")
    assert total < LIMIT, f"{path} at {width} px: layout shift {total:.3f}; {shifts}"

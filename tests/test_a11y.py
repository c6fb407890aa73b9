"""Accessibility that axe does not see, in a real browser (Debian's chromium
via Playwright): focus that can be seen and is never hidden under the sticky
header, touch targets of 24×24 px, no page that scrolls sideways on a phone,
wide tables in a scroll region of their own, the header's search putting the
cursor in the field, and a tool printed on paper (read back from the PDF).
axe runs on every page type at 390 and 1366 px.

Keyboard walks run on the built fixture site (base_url); the page types, the
tables and the print run on the real site, built once for this module, since
only the real content has wide tables and checklists.

Focus is "visible" when, in a screenshot of the control with focus and one
without, at least as many pixels change at 3:1 contrast as a 1 px line round
the control has (WCAG 2.4.13's measure, which 2.4.7 does not spell out)."""

from __future__ import annotations

import base64
import io

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from conftest import watch
from spets.markdown_safe import TABLE_LABELS, to_html

TABLE_LABEL = TABLE_LABELS["sv"]

browser_test = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
MM = 72 / 25.4  # PDF points in a millimetre


# ------------------------------------------------------------------ sites

@pytest.fixture(scope="module")
def real_url(repo_site):
    """The repository's own site (its tools have tables): (url, site folder)."""
    return repo_site


def entry_pages(site, folder: str) -> list[str]:
    """The entry pages under a listing folder of a built site, as paths."""
    return sorted(f"{folder}/{p.parent.name}/" for p in (site / folder).glob("*/index.html")
                  if p.parent.name != "kort")


def page_types(site, every_tool=False) -> list[str]:
    """One page of every type the site has, the tools with the widest tables
    (or every tool), and the card pages."""
    paths = ["", "sok/", "sok/?q=avtal", "metoder/", "verktyg/", "fallstudier/", "faser/", "amnen/",
             "sektorer/", "larosaten/", "roller/", "framgangsfaktorer/", "begrepp/", "data/", "vad-fungerar/",
             "metoder/kort/", "verktyg/kort/", "bidra/fallstudie/", "om-spets/", "sa-anvander-du/"]
    for folder in ("metoder", "fallstudier", "faser", "amnen", "sektorer", "larosaten", "roller",
                   "framgangsfaktorer"):
        paths.append(entry_pages(site, folder)[0])
    tools = entry_pages(site, "verktyg")
    return paths + (tools if every_tool else
                    [t for t in tools if t in ("verktyg/intressentkarta/", "verktyg/partnerskapscanvas/")])


@pytest.fixture
def context(browser, request):
    """A browser context at the width the test asks for (PHONE by default)."""
    ctx = browser.new_context(viewport=getattr(request, "param", PHONE))
    yield ctx
    ctx.close()


def opened(ctx, url, wait_until="networkidle"):
    page = ctx.new_page()
    page.errors = watch(page)
    page.goto(url, wait_until=wait_until)
    return page


# ----------------------------------------------------------- focus, by Tab

# The element with focus and where it is; null when focus has left the page.
STOP = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; };
  // A checkbox or radio button is shown with its label, which takes the ring.
  const target = (el.matches('input[type=checkbox], input[type=radio]') && el.closest('label')) || el;
  let fixed = false;
  for (let p = el; p; p = p.parentElement) if (getComputedStyle(p).position === 'fixed') fixed = true;
  const drawer = document.getElementById('__drawer');
  return {
    name: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} “${(el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 40)}”`,
    type: el.type || '', rect: box(el), region: box(target), fixed,
    // A link that wraps has a box per line, and its ring goes round each.
    lines: [...el.getClientRects()].map((r) => [r.left, r.top, r.width, r.height]),
    // 1 + the index of a summary whose details are closed, else 0.
    closedDetails: el.matches('details:not([open]) > summary') ? [...document.querySelectorAll('summary')].indexOf(el) + 1 : 0,
    inHeader: !!el.closest('.md-header'),
    header: document.querySelector('.md-header').getBoundingClientRect().bottom,
    // Material's menu: off screen until opened (on a phone and up to 1220 px).
    closedDrawer: !!el.closest('.md-sidebar--primary') && !!drawer && !drawer.checked &&
      el.getBoundingClientRect().right <= 0,
    vw: document.documentElement.clientWidth, vh: innerHeight,
  };
}"""

# How many pixels of two same-sized PNGs differ, and how many of them at a
# contrast of at least 3:1 (WCAG's relative luminance), counted in a browser
# page: the test needs no image library.
DIFF = """async ([a, b]) => {
  const load = async (s) => {
    const img = await createImageBitmap(await (await fetch('data:image/png;base64,' + s)).blob());
    const c = new OffscreenCanvas(img.width, img.height).getContext('2d');
    c.drawImage(img, 0, 0);
    return c.getImageData(0, 0, img.width, img.height).data;
  };
  const [p, q] = [await load(a), await load(b)];
  const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = (d, i) => 0.2126 * f(d[i]) + 0.7152 * f(d[i + 1]) + 0.0722 * f(d[i + 2]);
  let changed = 0, strong = 0;
  for (let i = 0; i < p.length; i += 4) {
    if (p[i] === q[i] && p[i + 1] === q[i + 1] && p[i + 2] === q[i + 2]) continue;
    changed++;
    const [l1, l2] = [lum(p, i), lum(q, i)];
    if ((Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05) >= 3) strong++;
  }
  return {changed, strong, pixels: p.length / 4};
}"""


def tab_stops(page, lab=None, key="Tab", limit=400):
    """Press Tab from the top of the page until focus leaves it; for each
    stop, where it is and (given a lab page to compare screenshots in) how
    much focus changes its pixels. key="Shift+Tab" walks back from where
    focus is, without screenshots."""
    stops, seen, last, unfocused, unfocused_clip = [], set(), None, None, None
    for _ in range(limit):
        page.keyboard.press(key)
        # Let the page finish scrolling to the control and draw it, as a
        # person sees it, before measuring (two frames; under load it lags).
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        stop = page.evaluate(STOP)
        if stop is None:
            return stops
        # A date field takes Tab once per part (day, month, year, calendar):
        # those are one control, seen again one after the other. A control
        # seen again later means focus has come round.
        seen_key = (stop["name"], tuple(round(v) for v in stop["rect"]))
        if seen_key in seen and seen_key != last:
            return stops
        seen.add(seen_key)
        repeated, last = seen_key == last, seen_key
        if lab is None:
            stops.append(stop)
            continue
        x, y, w, h = stop["region"]
        pad = 6  # the ring is drawn outside the control
        left, top = max(0, x - pad), max(0, y - pad)
        clip = {"x": left, "y": top, "width": min(stop["vw"], x + w + pad) - left,
                "height": min(stop["vh"], y + h + pad) - top}
        stop["diff"] = None
        if clip["width"] > 1 and clip["height"] > 1:
            shot = dict(clip=clip, animations="disabled", caret="hide")
            focused = page.screenshot(**shot)
            if repeated and clip == unfocused_clip:
                # A further part of a date field, which blur() cannot reach:
                # compared with the field as it was before its first part.
                pass
            else:
                page.evaluate("document.activeElement.blur()")
                assert page.evaluate(STOP) is None
                unfocused, unfocused_clip = page.screenshot(**shot), clip
            stop["diff"] = lab.evaluate(DIFF, [base64.b64encode(focused).decode(),
                                               base64.b64encode(unfocused).decode()])
            # Tab goes on from the element that lost focus (the sequential
            # focus navigation starting point stays on it) …
            if stop["closedDetails"]:  # … and a reader opens what is folded (the filters on a phone)
                page.evaluate("(s) => { const d = document.querySelectorAll('summary')[s]; d.focus(); }",
                              stop["closedDetails"] - 1)
                page.keyboard.press("Enter")
        stops.append(stop)
    raise AssertionError(f"more than {limit} Tab stops")


def invisible(stop) -> bool:
    """Fewer pixels change at 3:1 than a 1 px line round the control has,
    counting only the line's part inside the window (a tall textarea may end
    below it). A link that wraps is a box per line, and its ring goes round
    them together: round each box, less the edges two lines share."""
    line, above = 0, None
    for x, y, w, h in sorted(stop.get("lines") or [stop["rect"]], key=lambda r: r[1]):
        top, bottom = max(y, 0), min(y + h, stop["vh"])
        left, right = max(x, 0), min(x + w, stop["vw"])
        line += 2 * max(0, bottom - top) + max(0, right - left) * ((y >= 0) + (y + h <= stop["vh"]))
        if above:
            line -= 2 * max(0, min(right, above[1]) - max(left, above[0]))
        above = (left, right)
    return stop["diff"] is None or stop["diff"]["strong"] < line


def hidden(stop) -> bool:
    """Under the sticky header or outside the window. A control taller than
    the window (a textarea) needs only its top part in view."""
    x, y, w, h = stop["rect"]
    if x < -1 or x + w > stop["vw"] + 1:
        return True
    pinned = stop["inHeader"] or stop["fixed"]  # drawn above the page, the skip link too
    if not pinned and y < stop["header"] - 1:
        return True
    return min(y + h, stop["vh"]) - max(y, 0) < min(h, 24)


@pytest.fixture(scope="module")
def lab(browser):
    page = browser.new_page()
    yield page
    page.close()


KEYBOARD_PAGES = ["", "sok/?q=avtal", "metoder/", "metoder/styrgrupp/", "bidra/fallstudie/"]


@browser_test
@pytest.mark.parametrize("context", [DESKTOP, PHONE], indirect=True, ids=["1366", "390"])
@pytest.mark.parametrize("path", KEYBOARD_PAGES)
def test_focus_is_visible_and_never_hidden(context, lab, base_url, path):
    page = opened(context, base_url + path)
    if path.startswith("sok/"):
        page.wait_for_function("/träff/.test(document.querySelector('.spets-status').textContent)")
    stops = [s for s in tab_stops(page, lab) if not s["closedDrawer"]]  # test_the_closed_menu_takes_no_focus_on_a_phone
    assert len(stops) >= 3
    if path == "metoder/":  # the filter bar: its text field, "Filter" and every box
        assert any("#f-q" in s["name"] for s in stops)
        assert sum(s["type"] == "checkbox" for s in stops) >= 4
    assert [s["name"] for s in stops if invisible(s)] == []
    assert [(s["name"], [round(v) for v in s["rect"]]) for s in stops if hidden(s)] == []
    assert page.errors == []


@browser_test
@pytest.mark.parametrize("context", [DESKTOP, PHONE], indirect=True, ids=["1366", "390"])
@pytest.mark.parametrize("path", ["metoder/", "sok/?q=avtal", "bidra/fallstudie/"])
def test_focus_going_back_up_is_never_under_the_header(context, base_url, path):
    # Shift+Tab scrolls the page down to each control from above, where the
    # sticky header is: scroll-margin keeps the control below it.
    page = opened(context, base_url + path)
    if path.startswith("sok/"):
        page.wait_for_function("/träff/.test(document.querySelector('.spets-status').textContent)")
    page.keyboard.press("End")
    page.locator(".md-footer a, .md-footer-meta a").last.focus()
    stops = [s for s in tab_stops(page, key="Shift+Tab") if not s["closedDrawer"]]
    assert len(stops) >= 10
    assert [(s["name"], [round(v) for v in s["rect"]]) for s in stops if hidden(s)] == []


@browser_test
def test_the_closed_menu_takes_no_focus_on_a_phone(context, lab, base_url):
    page = opened(context, base_url + "metoder/")
    assert [s["name"] for s in tab_stops(page, lab) if s["closedDrawer"]] == []


@browser_test
@pytest.mark.parametrize("context", [DESKTOP], indirect=True, ids=["1366"])
def test_focus_shows_on_the_filters_before_and_after_checking(context, lab, base_url):
    # A checked box shows its ring as well: the ring is not the box's colour.
    page = opened(context, base_url + "metoder/?amne=avtal")
    stops = [s for s in tab_stops(page, lab) if s["type"] == "checkbox"]
    assert page.locator("input[name=amne][value=avtal]").is_checked()
    assert len(stops) >= 4 and [s["name"] for s in stops if invisible(s)] == []


# ----------------------------------------------------------- touch targets

@browser_test
@pytest.mark.parametrize("context", [PHONE, DESKTOP], indirect=True, ids=["390", "1366"])
@pytest.mark.parametrize("path", ["metoder/", "fallstudier/", "sok/?q=avtal"])
def test_filter_boxes_are_targets_of_24_px(context, base_url, path):
    page = opened(context, base_url + path)
    page.locator("form[data-spets-filter]").wait_for()
    page.evaluate("document.querySelector('.spets-filter__toggle').open = true")
    sizes = page.evaluate("""() => [...document.querySelectorAll('.spets-facet input')].map((input) => {
      const label = input.closest('label'), r = label.getBoundingClientRect(), box = input.getBoundingClientRect();
      // The label is what a finger hits: nothing covers its corners.
      const hit = (x, y) => label.contains(document.elementFromPoint(x, y));
      label.scrollIntoView({block: 'center'});
      const s = label.getBoundingClientRect();
      return {name: input.name + '=' + input.value, w: r.width, h: r.height, box: [box.width, box.height],
              corners: hit(s.left + 1, s.top + 1) && hit(s.right - 1, s.bottom - 1)};
    })""")
    assert len(sizes) >= 4
    assert [s["name"] for s in sizes if s["w"] < 24 or s["h"] < 24 or not s["corners"]] == []
    assert [s["name"] for s in sizes if min(s["box"]) < 16] == []  # the boxes themselves, 13 px by default
    assert page.errors == []


@browser_test
@pytest.mark.parametrize("context", [PHONE, DESKTOP], indirect=True, ids=["390", "1366"])
def test_the_forms_choices_are_targets_of_24_px(context, base_url):
    page = opened(context, base_url + "bidra/fallstudie/")
    page.locator(".bidra-option").first.wait_for()
    sizes = page.evaluate("""() => [...document.querySelectorAll('.bidra-option')].map((row) => {
      const input = row.querySelector('input'), label = row.querySelector('label');
      const r = label.getBoundingClientRect(), box = input.getBoundingClientRect();
      return {name: input.id, w: r.width, h: r.height, box: [box.width, box.height]};
    })""")
    assert len(sizes) >= 20  # sectors, lärosäten, status, …
    assert [s["name"] for s in sizes if s["w"] < 24 or s["h"] < 24 or min(s["box"]) < 16] == []
    # The label ticks its box: the target is the whole row.
    first = page.locator(".bidra-option label").first
    first.click(position={"x": first.bounding_box()["width"] - 2, "y": 2})
    assert page.locator(".bidra-option input").first.is_checked()
    assert page.errors == []


# ---------------------------------------------------------------- phone

BROKEN_WORDS = """() => {
  const broken = [];
  for (const el of document.querySelectorAll('.md-content h1, .md-content h2, .spets-card__title')) {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      for (const m of n.data.matchAll(/\\S+/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


@browser_test
def test_no_page_scrolls_sideways_on_a_phone(context, real_url):
    url, site = real_url
    wide, broken = {}, {}
    for path in page_types(site, every_tool=True):
        page = opened(context, url + path, "load")
        if path.startswith("sok/"):
            page.wait_for_function("/träff|Skriv/.test(document.querySelector('.spets-status').textContent)")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[path] = width
        # A title is wrapped between words: at 390 px no word of the site's is too long.
        if words := page.evaluate(BROKEN_WORDS):
            broken[path] = words
        assert page.errors == [], path
        page.close()
    assert wide == {}
    assert broken == {}


@browser_test
def test_open_data_does_not_scroll_sideways(context, real_url):
    url, _ = real_url
    page = opened(context, url + "data/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Each codebook table scrolls in a region of its own, named by what it holds.
    labels = page.eval_on_selector_all(".spets-table", "els => els.map((e) => e.getAttribute('aria-label'))")
    assert len(labels) >= 11 and len(set(labels)) == len(labels)
    assert TABLE_LABEL + ": fälten i metoder" in labels


@browser_test
def test_a_wide_table_scrolls_in_its_own_region(context, real_url):
    url, _ = real_url
    page = opened(context, url + "verktyg/intressentkarta/")
    regions = page.locator(".spets-tool-content .spets-table")
    assert regions.count() >= 2
    labels = [regions.nth(i).get_attribute("aria-label") for i in range(regions.count())]
    assert all(label.startswith(TABLE_LABEL + ": ") for label in labels)
    assert len(set(labels)) == len(labels)  # landmarks a screen reader can tell apart
    wide = regions.last
    assert wide.get_attribute("role") == "region" and wide.get_attribute("tabindex") == "0"
    assert wide.evaluate("e => e.scrollWidth > e.clientWidth")  # it is this region that scrolls …
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # … not the page
    # By keyboard: the region takes focus, and the arrow keys scroll it.
    wide.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.activeElement.scrollLeft > 0")
    assert page.errors == []


def test_markdown_tables_are_wrapped_and_their_names_are_text():
    html = to_html('| | Namn "x" <b> & | `kod` |\n|---|---|---|\n| a | | |\n\n<table>')
    assert html.startswith('<div class="spets-table" role="region" tabindex="0" aria-label="'
                           'Tabell, rulla i sidled: Namn &quot;x&quot; &lt;b&gt; &amp;, kod"><table>')
    assert html.count("<table>") == html.count('class="spets-table"') == 1  # the text <table> stays text
    assert "&lt;table&gt;" in html and html.count("</div>") == 1


# ------------------------------------------------------------------ axe

@browser_test
@pytest.mark.parametrize("context", [PHONE, DESKTOP], indirect=True, ids=["390", "1366"])
def test_no_axe_violations_on_any_page_type(context, real_url):
    from axe_playwright_python.sync_playwright import Axe

    url, site = real_url
    options = {"resultTypes": ["violations"]}
    found = {}
    for path in page_types(site):
        page = opened(context, url + path, "load")
        if path.startswith("sok/"):
            page.wait_for_function("/träff|Skriv/.test(document.querySelector('.spets-status').textContent)")
        result = Axe().run(page, options=options)
        if result.violations_count:
            found[path] = sorted(v["id"] for v in result.response["violations"])
        page.close()
    assert found == {}


@browser_test
def test_no_empty_table_headers(context, real_url):
    from axe_playwright_python.sync_playwright import Axe

    url, _ = real_url
    page = opened(context, url + "verktyg/intressentkarta/")
    assert Axe().run(page, options={"runOnly": ["empty-table-header"]}).violations_count == 0


# ------------------------------------------------------- the header's search

@browser_test
@pytest.mark.parametrize("context", [PHONE, DESKTOP], indirect=True, ids=["390", "1366"])
def test_the_header_search_puts_the_cursor_in_the_field(context, base_url):
    page = opened(context, base_url + "metoder/")
    assert page.input_value("#spets-header-q") == ""
    page.click(".spets-header-search button")  # on a phone the icon is all there is
    page.wait_for_url("**/sok/?q=")
    page.wait_for_function("document.activeElement && document.activeElement.id === 's-q'")
    page.keyboard.type("avtal")
    page.wait_for_function("/träffar för ”avtal”/.test(document.querySelector('.spets-status').textContent)")
    assert page.errors == []


@browser_test
@pytest.mark.parametrize("path", ["sok/", "sok/?q=avtal", "sok/?amne=avtal", "sok/?q=&typ=metod"])
def test_other_ways_to_the_search_page_leave_focus_alone(context, base_url, path):
    # The menu, a search with words, a link to a filtered search: a screen
    # reader starts at the top of the page, as on every other page.
    page = opened(context, base_url + path)
    page.wait_for_function("/träff|Skriv/.test(document.querySelector('.spets-status').textContent)")
    assert page.evaluate("document.activeElement === document.body")


# ------------------------------------------------------------------ print

def _mul(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def drawn(reader, page):
    """The paths a PDF page paints, each as (operator, x0, y0, x1, y1) in points."""
    ctm, stack, paths, out = [1, 0, 0, 1, 0, 0], [], [], []

    def at(x, y):
        return (x * ctm[0] + y * ctm[2] + ctm[4], x * ctm[1] + y * ctm[3] + ctm[5])

    for args, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = _mul([float(a) for a in args], ctm)
        elif op == b"re":
            x, y, w, h = (float(a) for a in args)
            paths.append([at(x, y), at(x + w, y + h)])
        elif op in (b"m", b"l", b"c"):
            if op == b"m" or not paths:
                paths.append([])
            paths[-1] += [at(float(args[i]), float(args[i + 1])) for i in range(0, len(args), 2)]
        elif op in (b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"n"):
            for points in paths if op != b"n" else []:
                if points:
                    xs, ys = [p[0] for p in points], [p[1] for p in points]
                    out.append((op.decode(), min(xs), min(ys), max(xs), max(ys)))
            paths = []
    return out


def placed_text(page):
    """Every run of text on a PDF page with the point where it starts."""
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            m = _mul(tm, cm)
            runs.append((text, m[4], m[5]))
    page.extract_text(visitor_text=visit)
    return runs


@pytest.fixture(scope="module")
def printed_tool(browser, real_url):
    """verktyg/intressentkarta/ printed to PDF after "Skriv ut" was pressed by
    keyboard, as a reader does: the link has focus when the sheet is made."""
    url, _ = real_url
    page = browser.new_page()
    page.goto(url + "verktyg/intressentkarta/", wait_until="networkidle")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.keyboard.press("Tab")
    page.focus("a.spets-print")
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed === true")
    page.wait_for_timeout(300)  # Material's tooltip shows on focus
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    page.close()
    return reader


@browser_test
def test_the_printed_tool_has_no_tooltip_or_link_chrome(printed_tool, browser, real_url):
    text = " ".join(" ".join(p.extract_text().split()) for p in printed_tool.pages)
    assert "Intressentkarta för partnerskapet" in text
    for unwanted in ("Skriv ut kortet", "Skriv ut", "Föreslå en ändring", "Redigera på GitHub", "Sök och filtrera",
                     "Fil att ladda ner"):
        assert unwanted not in text, unwanted
    url, _ = real_url
    page = browser.new_page()
    page.goto(url + "verktyg/intressentkarta/", wait_until="networkidle")
    page.emulate_media(media="print")
    chrome = page.evaluate("""() => [...document.querySelectorAll('.md-content a')].filter((a) => a.offsetParent)
      .filter((a) => getComputedStyle(a).textDecorationLine !== 'none' ||
                     getComputedStyle(a).color !== getComputedStyle(a.parentElement).color).length""")
    assert chrome == 0  # no underline and no colour of its own: a link on paper is text
    page.close()


@browser_test
def test_the_printed_checklist_has_one_marker_per_line(printed_tool):
    boxes = bullets = 0
    for page in printed_tool.pages:
        discs = [d for d in drawn(printed_tool, page) if d[0].startswith("f") and d[3] - d[1] < 6 and d[4] - d[2] < 6]
        for text, x, y in placed_text(page):
            if text.lstrip().startswith("☐"):
                boxes += 1
                # A bullet would sit just left of the box, on its line.
                bullets += any(x - 20 < d[3] <= x + 1 and d[2] - 8 < y < d[4] + 8 for d in discs)
    assert boxes >= 20 and bullets == 0


@browser_test
def test_the_printed_tool_has_rows_of_8_mm_to_write_in(printed_tool):
    empty = []
    for page in printed_tool.pages:
        texts = placed_text(page)
        for op, x0, y0, x1, y1 in drawn(printed_tool, page):
            # A table cell's border, in which no text starts.
            if op == "S" and 20 < x1 - x0 < 400 and 5 < y1 - y0 < 200 and \
                    not any(x0 < x < x1 and y0 < y < y1 for _, x, y in texts):
                empty.append(y1 - y0)
    assert len(empty) >= 10
    assert min(empty) >= 8 * MM - 0.5, [round(h / MM, 1) for h in empty]


@browser_test
def test_the_printed_blanks_have_lines_of_8_mm_to_write_on(printed_tool):
    # "- Datum:" in a tool is a blank: on paper a line to its right, and the
    # blanks 8 mm apart.
    blanks = ("Partnerskap:", "Kartan gjordes av:", "Datum:", "Nästa uppdatering:")
    found = {}
    for page in printed_tool.pages:
        lines = [d for d in drawn(printed_tool, page) if d[3] - d[1] > 30 * MM and d[4] - d[2] < 2]
        for text, x, y in placed_text(page):
            if text.strip() in blanks:
                found[text.strip()] = (y, any(d[1] > x and abs(d[2] - y) < 3 * MM for d in lines))
    assert set(found) == set(blanks)
    assert all(has_line for _, has_line in found.values()), found
    ys = sorted(y for y, _ in found.values())
    assert min(b - a for a, b in zip(ys, ys[1:])) >= 8 * MM - 0.5


@browser_test
@pytest.mark.parametrize("context", [{"width": 680, "height": 1000}], indirect=True, ids=["a4"])
def test_every_tool_fits_the_width_of_the_sheet(context, real_url):
    # 680 px is A4 less print.css's margins: wider, and chromium shrinks the
    # whole card (and its rows to write in) to fit.
    url, site = real_url
    wide = {}
    for path in entry_pages(site, "verktyg") + ["verktyg/kort/", "metoder/kort/"]:
        page = context.new_page()
        page.emulate_media(media="print")
        page.goto(url + path, wait_until="networkidle")
        if (width := page.evaluate("document.documentElement.scrollWidth")) > 681:
            wide[path] = width
        page.close()
    assert wide == {}


@browser_test
def test_checklist_lines_have_one_marker_on_screen_too(context, real_url):
    url, _ = real_url
    page = opened(context, url + "verktyg/intressentkarta/")
    markers = page.evaluate("""() => [...document.querySelectorAll('.md-content li')]
      .filter((li) => li.textContent.trim().startsWith('☐')).map((li) => getComputedStyle(li).listStyleType)""")
    assert len(markers) >= 20 and set(markers) == {"none"}
    # Lines without a box of their own keep their bullet.
    assert page.evaluate("getComputedStyle(document.querySelector('.spets-text li:not(.spets-check)')).listStyleType") \
        in ("disc", "decimal")

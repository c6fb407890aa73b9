"""The self-assessment filled in on its page (docs/assets/verktyg/), in a
real browser on the repository's own site: both sides chosen by keyboard
only, the chart and its table showing both sides and the gap, the methods of
the weakest areas suggested, the result printed to PDF and read back, saved
as a file and opened again; axe finds nothing, and focus shows on every
control. Without JavaScript the tables to fill in by hand remain."""

from __future__ import annotations

import io
import json

import pytest
import yaml
from pypdf import PdfReader

from conftest import REPO, need_chromium, watch
from test_a11y import hidden, invisible, tab_stops

need_chromium()
pytestmark = pytest.mark.browser

PATH = "verktyg/sjalvskattning-mognad/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
ASSESSMENT = yaml.safe_load((REPO / "tools/sjalvskattning-mognad.yml").read_text(encoding="utf-8"))["assessment"]
AREAS = [a["name"] for a in ASSESSMENT["areas"]]
# The values a select offers, in order: "Inte valt", then 1, 1,5, 2 … (half steps allowed).
STEPS = [1 + i / 2 for i in range(2 * len(ASSESSMENT["levels"]) - 1)]

# What each side answers: everything at 2, except a trust the parties see
# very differently (the largest gap) and resources, low on both sides (the lowest level).
TRUST, RESOURCES = AREAS.index("Förtroende"), AREAS.index("Resurser")
LAROSATET = [2.0] * len(AREAS)
PARTNERN = [2.0] * len(AREAS)
LAROSATET[TRUST], PARTNERN[TRUST] = 3.0, 1.0
LAROSATET[RESOURCES], PARTNERN[RESOURCES] = 1.0, 1.5


@pytest.fixture(scope="module")
def site(repo_site):
    return repo_site


@pytest.fixture
def page(browser, site, request):
    ctx = browser.new_context(viewport=getattr(request, "param", PHONE), accept_downloads=True)
    p = ctx.new_page()
    p.errors = watch(p)
    # Catch file choosers from the start, not only once the test waits for one.
    p.on("filechooser", lambda chooser: None)
    p.goto(site[0] + PATH, wait_until="networkidle")
    p.locator(".spets-assess").wait_for(state="visible")
    yield p
    ctx.close()


def tab_to(page, selector, limit=300):
    """Press Tab until the element matching selector has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def choose(page, value):
    """In the focused select, still at "Inte valt", pick a value with the arrow keys."""
    for _ in range(STEPS.index(value) + 1):
        page.keyboard.press("ArrowDown")


def fill_by_keyboard(page):
    tab_to(page, "#spets-assess-name")
    page.keyboard.type("Lärosätet och Exempel AB")
    for i in range(len(AREAS)):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == f"spets-assess-{i}-larosatet"
        choose(page, LAROSATET[i])
        page.keyboard.press("Tab")
        choose(page, PARTNERN[i])
        page.keyboard.press("Tab")  # the goal stays unchosen, except in the first area
        if i == 0:
            choose(page, 3.0)


def number(v: float) -> str:
    return f"{v:g}".replace(".", ",")


def shown(page):
    """What the chart and its table show: per area, each side's bar and the gap."""
    return page.evaluate("""() => [...document.querySelectorAll('.spets-assess__row')].map((g) => ({
      bars: Object.fromEntries([...g.querySelectorAll('rect[data-side]')].map((r) =>
        [r.dataset.side, [Number(r.dataset.value), r.getBBox().width]])),
      values: [...g.querySelectorAll('.spets-assess__value')].map((t) => t.textContent),
      gap: g.querySelector('.spets-assess__gap').textContent,
    }))""")


def twin(page):
    return page.evaluate("""() => [...document.querySelectorAll('.spets-assess__rows tr')].map((tr) =>
      [...tr.cells].map((c) => c.textContent))""")


def expected_methods():
    """The methods mapped to the weakest areas: lowest level and largest gap."""
    return [set(ASSESSMENT["areas"][i]["methods"]) for i in (TRUST, RESOURCES)]


def violations(page) -> list:
    """What axe finds on the page, as (rule, elements). Material's tooltip
    (.md-tooltip2) is left out: it shows for whatever titled link the pointer
    happens to rest on after the page has scrolled, drawn by the theme outside
    the landmarks (axe: region), and belongs to no tool."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, context={"exclude": [[".md-tooltip2"]]},
                      options={"resultTypes": ["violations"]}).response["violations"]
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in found]


def pdf_text(page) -> str:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_both_sides_by_keyboard_chart_methods_print_save_and_open(page, site, tmp_path):
    url, built = site
    fill_by_keyboard(page)
    # The form holds what was typed and chosen.
    assert [page.input_value(f"#spets-assess-{i}-larosatet") for i in range(len(AREAS))] == \
        [f"{v:g}" for v in LAROSATET]
    # The chart: a bar per side and area, as long as its value, with the value and the gap in words.
    rows = shown(page)
    assert len(rows) == len(AREAS)
    unit = rows[0]["bars"]["larosatet"][1] / LAROSATET[0]
    for i, row in enumerate(rows):
        for side, values in (("larosatet", LAROSATET), ("partnern", PARTNERN)):
            value, width = row["bars"][side]
            assert value == values[i] and abs(width - value * unit) < 0.5, (AREAS[i], side)
        assert row["values"] == [number(LAROSATET[i]), number(PARTNERN[i])]
        assert row["gap"] == f"Skillnad {number(abs(LAROSATET[i] - PARTNERN[i]))}"
    # Its text twin says the same.
    table = twin(page)
    assert table[TRUST] == ["Förtroende", "3", "1", "2", "–"]
    assert table[0] == [AREAS[0], "2", "2", "0", "3"]
    assert "Lärosätet och Exempel AB" in page.locator("#spets-assess-result-title").inner_text()
    # The methods suggested are those mapped to the two weakest areas, linked to their pages.
    items = page.locator(".spets-assess__suggestions > li")
    assert [int(items.nth(i).get_attribute("data-area")) for i in range(items.count())] == [TRUST, RESOURCES]
    for i, wanted in enumerate(expected_methods()):
        hrefs = [a.get_attribute("href") for a in items.nth(i).locator("a").all()]
        assert {h.rstrip("/").split("/")[-1] for h in hrefs} == wanted
        for href in hrefs:
            assert (built / PATH / href / "index.html").resolve().is_file(), href
    assert "(störst skillnad, 2 steg)" in items.nth(0).inner_text()
    assert "(lägst nivå, lärosätet 1 och partnern 1,5)" in items.nth(1).inner_text()

    # On paper: the result, not the form's controls nor the empty summary.
    printed = pdf_text(page)
    for wanted in ("Resultat: Lärosätet och Exempel AB", "Förtroende Skillnad 2", "Förtroende 3 1 2 –",
                   "Förtroende (störst skillnad, 2 steg)", "Skatta partnerskapet", "Frågor till samtalet"):
        assert wanted in printed, wanted
    for unwanted in ("Inte valt", "Spara som fil", "Fyll i på sidan", "Vi vill vara om två år"):
        assert unwanted not in printed, unwanted

    # Saved as a file, by keyboard …
    tab_to(page, "[data-action=save]")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("sjalvskattning-mognad-larosatet-och-exempel-ab-") and saved.suffix == ".json"
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["verktyg"] == "sjalvskattning-mognad" and data["partnerskap"] == "Lärosätet och Exempel AB"
    assert [(a["namn"], a["larosatet"], a["partnern"]) for a in data["omraden"]] == \
        list(zip(AREAS, LAROSATET, PARTNERN))
    # … emptied …
    tab_to(page, "[data-action=clear]")
    page.keyboard.press("Enter")
    assert all(not row["bars"] for row in shown(page))
    assert page.locator(".spets-assess__suggestions > li").count() == 0
    # … and opened again: the same answers, the same chart.
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "open"
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(saved)
    page.wait_for_function("document.querySelectorAll('.spets-assess__bar[data-side]').length > 0")
    assert shown(page) == rows and twin(page) == table
    assert "Öppnade" in page.locator(".spets-assess__message").inner_text()
    # A file that is not one of ours is refused in words, and changes nothing.
    wrong = tmp_path / "annat.json"
    wrong.write_text('{"verktyg": "nagot-annat", "omraden": []}', encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(wrong)
    page.wait_for_function("/inte en sparad/.test(document.querySelector('.spets-assess__message').textContent)")
    assert twin(page) == table
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.errors == []


def test_without_answers_or_javascript_the_paper_tables_remain(browser, site):
    url, _ = site
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    p = ctx.new_page()
    p.goto(url + PATH)
    assert not p.locator(".spets-assess").is_visible()  # the form needs the script
    heads = p.locator(".spets-assess-paper h3").all_inner_texts()
    assert heads == ["Skatta partnerskapet", "Sammanställning", "Metoder som hjälper"]
    rows = p.locator(".spets-assess-paper table").first.locator("tbody tr")
    assert rows.count() == len(AREAS)
    first = rows.first.locator("td").all_inner_texts()
    assert first == [AREAS[0], *ASSESSMENT["areas"][0]["levels"], ""]
    # Each area's methods, as links, also without the script.
    methods = p.locator(".spets-assess-methods li").nth(TRUST).locator("a")
    assert {a.get_attribute("href").rstrip("/").split("/")[-1] for a in methods.all()} == \
        set(ASSESSMENT["areas"][TRUST]["methods"])
    printed = pdf_text(p)
    assert "Sammanställning" in printed and "Vi vill vara om två år" in printed and "Fyll i på sidan" not in printed
    ctx.close()
    # With the script but nothing chosen, paper is the same as without it.
    ctx = browser.new_context(viewport=PHONE)
    p = ctx.new_page()
    p.goto(url + PATH, wait_until="networkidle")
    p.locator(".spets-assess").wait_for(state="visible")
    assert not p.locator(".spets-assess-blank").is_visible()  # on screen the form takes its place
    printed = pdf_text(p)
    assert "Sammanställning" in printed and "Resultat" not in printed and "Inte valt" not in printed
    ctx.close()


@pytest.mark.parametrize("page", [PHONE, DESKTOP], indirect=True, ids=["390", "1366"])
def test_no_axe_violations_empty_and_filled(page):
    found = {}
    for state in ("tom", "ifylld"):
        if state == "ifylld":
            fill_by_keyboard(page)
        found[state] = violations(page)
    assert found == {"tom": [], "ifylld": []}
    assert page.errors == []


@pytest.fixture(scope="module")
def lab(browser):
    p = browser.new_page()
    yield p
    p.close()


@pytest.mark.parametrize("page", [PHONE, DESKTOP], indirect=True, ids=["390", "1366"])
def test_focus_is_visible_on_every_control(page, lab):
    fill_by_keyboard(page)  # with a result, so that its links and table take focus too
    # Back to the top: Tab goes on from where focus was last (the skip link, first on the page).
    page.evaluate("document.querySelector('.md-skip').focus(); document.activeElement.blur(); scrollTo(0, 0)")
    # Each control of the form and its result, named as tab_stops names a stop.
    controls = page.evaluate("""() => [...document.querySelectorAll(
      '.spets-assess :is(a, button, input, select, [tabindex])')].filter((e) => e.offsetParent !== null)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} “${(el.getAttribute('aria-label') ||
        el.textContent || el.value || '').trim().slice(0, 40)}”`)""")
    assert len(controls) >= 3 * len(AREAS) + 5
    stops = [s for s in tab_stops(page, lab) if not s["closedDrawer"]]
    names = {s["name"] for s in stops}
    assert [c for c in controls if c not in names] == []  # every control takes focus by Tab
    assert [s["name"] for s in stops if invisible(s)] == []
    # A table taller than the window (the scale's table on a phone) cannot show
    # its top and bottom at once: the browser centres it, and it fills the window.
    def covers_window(s):
        x, y, w, h = s["rect"]
        return h > s["vh"] and y <= s["header"] and y + h >= s["vh"]

    assert [(s["name"], [round(v) for v in s["rect"]]) for s in stops
            if hidden(s) and not covers_window(s)] == []
    assert page.errors == []


# ------------------------------------------------------------ checklists

CHECKLIST = "verktyg/avtalschecklista/"
CHECK_LINES = [line.split("☐", 1)[1].strip() for line in
               yaml.safe_load((REPO / "tools/avtalschecklista.yml").read_text(encoding="utf-8"))["content"].splitlines()
               if line.lstrip().startswith("- ☐")]


def test_a_checklist_is_ticked_by_keyboard_and_printed_with_its_ticks(browser, site):
    url, _ = site
    ctx = browser.new_context(viewport=PHONE)
    p = ctx.new_page()
    p.errors = watch(p)
    p.goto(url + CHECKLIST, wait_until="networkidle")
    boxes = p.locator(".spets-tool-content input[type=checkbox]")
    assert boxes.count() == len(CHECK_LINES) >= 20
    # Each box is named by its line, which no longer starts with ☐.
    label = p.locator(".spets-tool-content li.spets-check--live > label").nth(1).inner_text()
    assert label.startswith(CHECK_LINES[1].split()[0]) and "☐" not in label
    tab_to(p, "#" + boxes.nth(1).get_attribute("id"))
    p.keyboard.press("Space")
    assert boxes.nth(1).is_checked() and not boxes.nth(0).is_checked()
    printed = pdf_text(p)
    second, first = (" ".join(CHECK_LINES[i].split()[:4]) for i in (1, 0))
    assert f"☑ {second}" in printed and f"☐ {first}" in printed
    assert printed.count("☑") == 1 and "Bocka av" not in printed
    assert p.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert p.errors == []
    ctx.close()
    # Without JavaScript the lines stay as written, each with its ☐.
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    p = ctx.new_page()
    p.goto(url + CHECKLIST)
    assert p.locator(".spets-tool-content input[type=checkbox]").count() == 0
    assert p.locator(".spets-tool-content li").filter(has_text="☐").count() == len(CHECK_LINES)
    ctx.close()


@pytest.mark.parametrize("context", [PHONE, DESKTOP], ids=["390", "1366"])
def test_a_checklist_has_no_axe_violations_and_visible_focus(browser, site, lab, context):
    url, _ = site
    ctx = browser.new_context(viewport=context)
    p = ctx.new_page()
    p.goto(url + CHECKLIST, wait_until="networkidle")
    p.locator(".spets-tool-content input[type=checkbox]").nth(2).check()
    assert violations(p) == []
    # The whole label is the target: at least 24 px each way, the box itself at least 16.
    sizes = p.evaluate("""() => [...document.querySelectorAll('li.spets-check--live > label')].map((l) => {
      const r = l.getBoundingClientRect(), b = l.querySelector('input').getBoundingClientRect();
      return [r.width, r.height, b.width, b.height]; })""")
    assert [s for s in sizes if min(s[:2]) < 24 or min(s[2:]) < 16] == []
    p.evaluate("document.querySelector('.md-skip').focus(); document.activeElement.blur(); scrollTo(0, 0)")
    stops = [s for s in tab_stops(p, lab) if not s["closedDrawer"]]
    assert sum(s["type"] == "checkbox" for s in stops) == len(CHECK_LINES)
    assert [s["name"] for s in stops if invisible(s)] == []
    assert [(s["name"], [round(v) for v in s["rect"]]) for s in stops if hidden(s)] == []
    ctx.close()


CANVAS = "verktyg/partnerskapscanvas/"


@pytest.mark.parametrize("context", [PHONE, DESKTOP], ids=["390", "1366"])
def test_the_canvas_is_written_in_on_the_page_and_printed_with_its_text(browser, site, lab, context):
    url, _ = site
    ctx = browser.new_context(viewport=context)
    p = ctx.new_page()
    p.errors = watch(p)
    p.goto(url + CANVAS, wait_until="networkidle")
    fields = p.locator(".spets-tool-content textarea")
    assert fields.count() == 12  # one per box, each named by the box's heading
    names = [fields.nth(i).get_attribute("aria-label") for i in range(12)]
    assert names[0] == "1. Varför?" and names[11] == "12. Nästa steg"
    # By keyboard: Tab to the first box and write; then the last.
    tab_to(p, "#" + fields.nth(0).get_attribute("id"))
    p.keyboard.type("Vi vill lösa regionens brist på ingenjörer tillsammans.")
    tab_to(p, "#" + fields.nth(11).get_attribute("id"))
    p.keyboard.type("Styrgruppen träffas i mars.")
    printed = pdf_text(p)
    assert "Vi vill lösa regionens brist på ingenjörer tillsammans." in printed
    assert "Styrgruppen träffas i mars." in printed and "Skriv i rutorna" not in printed
    assert violations(p) == []
    assert p.evaluate("document.documentElement.scrollWidth") <= context["width"]
    p.evaluate("document.querySelector('.md-skip').focus(); document.activeElement.blur(); scrollTo(0, 0)")
    stops = [s for s in tab_stops(p, lab) if not s["closedDrawer"]]
    assert sum(s["name"].startswith("textarea") for s in stops) == 12
    assert [s["name"] for s in stops if invisible(s)] == []
    assert p.errors == []
    ctx.close()

"""What works, who works with whom, and the start page, on the site built
from this repository's own content, read back against the YAML itself:

- /vad-fungerar/ ranks the success factors by the cases that show them,
  most first, counted here from case_studies/ and taxonomy/ (not from the
  engine), and every evidence sentence stands beside a link to its case;
- the picture of the partnerships has, in each cell, the number of cases
  of that lärosäte with a partner in that sector, counted here the same way,
  and every link in it (and in its table) leads to a page of the site, with
  filter values that the listing's filter bar offers;
- the start page has a card for each of four readers and both pictures;
- in a real browser at 1366 px, a vice-chancellor gets from the start page
  through the menu to Vad fungerar and on to a case, with the mouse and with
  the keyboard alone.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from html import escape, unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import REPO, Tags, need_chromium

# Every test here reads a site built from the repository (conftest's markers
# see only the fixtures it names, not this module's own `site`).
pytestmark = pytest.mark.build

SVG = "{http://www.w3.org/2000/svg}"
DESKTOP = {"width": 1366, "height": 900}


# ------------------------------------------------------------ the data, read here

def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


CASES = {p.stem: load(p) for p in sorted((REPO / "case_studies").glob("*.yml"))}
FACTORS = load(REPO / "taxonomy" / "success_factors.yml")
LAROSATEN = load(REPO / "taxonomy" / "larosaten.yml")
SECTORS = load(REPO / "taxonomy" / "sectors.yml")


def cases_showing(factor_id: str) -> set[str]:
    """A case shows a factor when it names it or the factor has a sentence on it."""
    told = {item["case"] for item in FACTORS[factor_id].get("evidence") or []}
    named = {id_ for id_, case in CASES.items() if factor_id in (case.get("success_factors") or [])}
    return told | named


def cell_counts() -> dict[tuple[str, str], int]:
    """(lärosäte, sector) → how many cases have that lärosäte and a partner in that sector."""
    counts = defaultdict(int)
    for case in CASES.values():
        for larosate in set(case["institutions"]):
            for sector in {p["sector"] for p in case["partners"]}:
                counts[(larosate, sector)] += 1
    return dict(counts)


# ------------------------------------------------------------ the built site

@pytest.fixture(scope="module")
def site(repo_site) -> Path:
    return repo_site[1]


def article(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return html[html.index('<article class="md-content__inner'):html.rindex("</article>")]


def resolves(site: Path, here: str, href: str) -> Path:
    """The built file a relative link from page `here` leads to (it must exist)."""
    path = urlsplit(href).path
    target = (site / here / path).resolve()
    page = target / "index.html" if path.endswith("/") or path == "" else target
    assert page.is_file(), (here, href)
    return page


def sections(html: str) -> list[tuple[str, str]]:
    """(id, html up to the next h2) of every h2 of a page's content."""
    parts = re.split(r'(<h2 id="[^"]+")', html)
    return [(re.search(r'id="([^"]+)"', head).group(1), head + body) for head, body in zip(parts[1::2], parts[2::2])]


# ---------------------------------------------------------------- Vad fungerar

def test_vad_fungerar_ranks_every_factor_by_the_cases_that_show_it(site):
    html = article(site, "vad-fungerar")
    factors = [(id_, body) for id_, body in sections(html) if id_ in FACTORS]
    assert sorted(id_ for id_, _ in factors) == sorted(FACTORS)  # every factor, once
    counts = [len(cases_showing(id_)) for id_, _ in factors]
    assert counts == sorted(counts, reverse=True), list(zip((i for i, _ in factors), counts))
    assert counts[0] > counts[-1]  # the data does rank them: not all equal
    for (id_, body), n in zip(factors, counts):
        said = re.search(r'<p class="spets-factor__facts"><strong>(\d+) fallstudier?</strong>', body)
        assert said and int(said.group(1)) == n, id_
        # The one-line meaning is the factor's own description.
        first_words = " ".join(FACTORS[id_]["description"].split()[:4])
        assert escape(first_words, quote=False) in " ".join(body.split()), id_
    # The chart at the top: the same order and numbers, each bar's number in text, linking to its section.
    chart = html[html.index('<ol class="spets-ranking__list"'):html.index("</ol>")]
    rows = re.findall(r'href="#([^"]+)">[^<]*</a> <span class="spets-bar" aria-hidden="true">'
                      r'<span class="spets-bar__fill" style="width: ([\d.]+)%"></span></span> '
                      r'<span class="spets-ranking__n">(\d+) fallstudier?</span>', chart)
    assert [(id_, int(n)) for id_, _, n in rows] == list(zip((i for i, _ in factors), counts))
    assert [float(w) for _, w, _ in rows] == [round(100 * n / counts[0], 1) for n in counts]


def test_every_evidence_sentence_stands_beside_a_link_to_its_case(site):
    html = article(site, "vad-fungerar")
    by_id = dict(sections(html))
    sentences = 0
    for id_, factor in FACTORS.items():
        body = by_id[id_]
        for item in factor.get("evidence") or []:
            case = CASES[item["case"]]
            href = f"../fallstudier/{item['case']}/"
            expected = f'<li><a href="{href}">{escape(case["title"])}</a>: {escape(item["how"])}</li>'
            assert expected in body, (id_, item["case"])
            assert resolves(site, "vad-fungerar", href).parent.name == item["case"]
            sentences += 1
        # A case that names the factor without a sentence is linked too.
        for case_id in cases_showing(id_):
            assert f'href="../fallstudier/{case_id}/"' in body, (id_, case_id)
    assert sentences >= 20


def test_a_success_factors_page_shows_its_sentences_and_leads_to_vad_fungerar(site):
    id_, factor = next((k, v) for k, v in FACTORS.items() if v.get("evidence"))
    html = article(site, f"framgangsfaktorer/{id_}")
    for item in factor["evidence"]:
        title = escape(CASES[item["case"]]["title"])
        assert f'<a href="../../fallstudier/{item["case"]}/">{title}</a>: {escape(item["how"])}' in html
    hrefs = [a["href"] for t, a in Tags(html).tags if t == "a" and "href" in a]
    assert "../../vad-fungerar/" in hrefs
    assert "../vad-fungerar/" in [a["href"] for t, a in Tags(article(site, "framgangsfaktorer")).tags
                                  if t == "a" and "href" in a]


# ---------------------------------------------------------------- who with whom

def matrix(html: str) -> ET.Element:
    svg = re.search(r'<svg class="spets-matrix".*?</svg>', html, re.S).group(0)
    return ET.fromstring(svg)


@pytest.mark.parametrize("path", ["", "larosaten/"])
def test_the_picture_of_partnerships_counts_the_cases_in_each_cell(site, path):
    html = article(site, path.rstrip("/") or ".")
    svg = matrix(html)
    expected = cell_counts()
    found, rows, columns = {}, [], []
    for a in svg.iter(f"{SVG}a"):
        href, kind = a.get("href"), a.get("class").split()[0]
        page = resolves(site, path, href)
        if kind == "spets-matrix__cell":
            query = parse_qs(urlsplit(href).query)
            key = (query["larosate"][0], query["sektor"][0])
            assert page == site / "fallstudier" / "index.html" and key not in found
            found[key] = int(a.find(f"{SVG}text").text)
            assert str(found[key]) in a.get("aria-label")
        elif kind == "spets-matrix__row":
            rows.append(page.parent.name)
        else:
            columns.append(page.parent.name)
    assert found == expected
    assert sorted(rows) == sorted({l for l, _ in expected}) and set(rows) <= set(LAROSATEN)
    assert sorted(columns) == sorted({s for _, s in expected}) and set(columns) <= set(SECTORS)
    # The listing's filter bar offers every value the cells link to, so each link filters.
    listing = article(site, "fallstudier")
    for larosate, sector in found:
        assert f'name="larosate" value="{larosate}"' in listing and f'name="sektor" value="{sector}"' in listing
    # The picture says what it shows.
    assert svg.get("role") == "group" and svg.find(f"{SVG}title").text and svg.find(f"{SVG}desc").text


def test_the_table_beside_the_picture_has_the_same_numbers_and_headers(site):
    html = article(site, "")
    table = html[html.index('<details class="spets-twin"'):]
    table = table[:table.index("</details>")]
    tags = Tags(table).tags
    assert [a.get("scope") for t, a in tags if t == "th"].count("row") == len({l for l, _ in cell_counts()})
    assert all(a.get("scope") in ("row", "col") for t, a in tags if t == "th")
    numbers = {}
    for href, n in re.findall(r'<td><a href="([^"]+)"[^>]*>(\d+)</a></td>', table):
        query = parse_qs(urlsplit(unescape(href)).query)
        numbers[(query["larosate"][0], query["sektor"][0])] = int(n)
        resolves(site, "", unescape(href))
    assert numbers == cell_counts()
    # Every partner of every case is named in its lärosäte's row.
    for case in CASES.values():
        for partner in case["partners"]:
            assert escape(partner["name"]) in table, partner["name"]


# ---------------------------------------------------------------- the start page

def test_the_start_page_has_a_card_for_each_reader_and_both_pictures(site):
    html = article(site, "")
    cards = html[html.index('<div class="grid cards'):]
    cards = cards[:cards.index("</div>")]
    items = cards.split("<li>")[1:]
    assert len(items) == 4 and all("<h3" in item for item in items)
    titles = [re.sub("<[^>]+>|¶", "", re.search(r"<h3.*?</h3>", item).group(0)) for item in items]
    assert [t for t in titles if "ledningen" in t], titles
    management = next(item for item, t in zip(items, titles) if "ledningen" in t)
    assert 'href="vad-fungerar/"' in management
    assert '<svg class="spets-lifecycle"' in html and '<svg class="spets-matrix"' in html
    # Headings in order: one h1, and no level skipped.
    levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", html)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels
    # The facts that were on the page before the cards are still there.
    text = " ".join(re.sub("<[^>]+>", " ", html).split())
    n = {kind: len(list((REPO / kind).glob("*.yml"))) for kind in ("methods", "tools", "case_studies")}
    assert f"{n['methods']} metoder, {n['tools']} verktyg och {n['case_studies']} fallstudier" in text
    for fact in ("sexton lärosäten arbetade med strategiska partnerskap 2017–2020",
                 "inte projektets egen text", "Varje fallstudie listar sina källor"):
        assert fact in text, fact


# ---------------------------------------------------------------- in a browser

@pytest.fixture(scope="module")
def desktop(repo_site, browser):
    ctx = browser.new_context(viewport=DESKTOP)
    yield repo_site[0], ctx
    ctx.close()


def first_case_on_vad_fungerar() -> tuple[str, str]:
    """The case of the first sentence under the top factor, as counted here."""
    top = max(FACTORS, key=lambda f: (len(cases_showing(f)), len(FACTORS[f].get("evidence") or [])))
    case = (FACTORS[top].get("evidence") or [{"case": sorted(cases_showing(top))[0]}])[0]["case"]
    return case, CASES[case]["title"]


@pytest.mark.browser
def test_a_vice_chancellor_gets_from_the_start_page_to_a_case_with_the_mouse(desktop):
    need_chromium()
    url, ctx = desktop
    page = ctx.new_page()
    page.goto(url, wait_until="networkidle")
    menu = page.locator(".md-sidebar--primary a.md-nav__link", has_text="Vad fungerar")
    assert menu.is_visible()  # the menu is there at once, no button to open
    menu.click()
    page.wait_for_url("**/vad-fungerar/")
    assert heading(page) == "Vad fungerar"
    link = page.locator(".spets-evidence a").first
    link.click()
    case, title = first_case_on_vad_fungerar()
    page.wait_for_url(f"**/fallstudier/{case}/")
    assert heading(page) == title
    page.close()


def heading(page) -> str:
    """The page's h1 without its "¶" link."""
    return page.locator("h1").inner_text().removesuffix("¶").strip()


def tab_to(page, selector: str, limit: int = 120) -> int:
    """Press Tab until the focused element matches; how many presses it took."""
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return n
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.browser
def test_a_vice_chancellor_gets_there_with_the_keyboard_alone(desktop):
    need_chromium()
    url, ctx = desktop
    page = ctx.new_page()
    page.goto(url, wait_until="networkidle")
    tab_to(page, '.md-sidebar--primary a.md-nav__link[href$="vad-fungerar/"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/vad-fungerar/")
    tab_to(page, ".spets-evidence a")
    case, title = first_case_on_vad_fungerar()
    assert page.evaluate("document.activeElement.textContent") == title
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/fallstudier/{case}/")
    assert heading(page) == title
    page.close()

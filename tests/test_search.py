"""Search and filters in a real browser (Debian's chromium via Playwright),
over the built fixture site and its search index (spets/search.py)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import need_chromium, watch

need_chromium()
pytestmark = pytest.mark.browser

from axe_playwright_python.sync_playwright import Axe  # noqa: E402


@pytest.fixture
def page(browser):
    """A fresh page that records console errors; the test fails on any."""
    page = browser.new_page()
    page.errors = watch(page)
    yield page
    assert page.errors == []
    page.close()


def search(page, base_url, query: str, everything=False):
    """Open the search page for ?<query> and wait until it has answered;
    with everything=True, press "Visa fler träffar" until all are shown."""
    page.goto(f"{base_url}sok/?{query}")
    page.wait_for_function("/träff|Inga/.test((document.querySelector('.spets-status')?.textContent || ''))")
    while everything and page.locator(".spets-more").is_visible():
        shown = len(results(page))
        page.click(".spets-more")
        page.wait_for_function(f"document.querySelectorAll('.spets-result').length > {shown}")
    return results(page)


def results(page) -> list[str]:
    """The result URLs, as site paths ('metoder/styrgrupp/'), in rank order."""
    base = page.url.split("/sok/")[0] + "/"
    return [href.replace(base, "") for href in
            page.eval_on_selector_all(".spets-result__title", "els => els.map(e => e.href)")]


def status(page) -> str:
    return page.locator(".spets-status").text_content()


# What the index holds of a page (its title and text), read from the index.
INDEXED_TEXT = """async (url) => {
  const meta = await (await fetch('../sokindex/meta.json')).json();
  const n = meta.pages.findIndex((p) => p[0] === url);
  const text = await (await fetch(`../sokindex/${meta.folder}/s${n}.txt`)).text();
  return (meta.pages[n][1] + ' ' + text).toLowerCase();
}"""


@pytest.mark.parametrize("query, stem, page_", [
    ("styrgruppens", "styrgrupp", "metoder/styrgrupp/"),
    ("avtalen", "avtal", "verktyg/avtalslista/"),
    ("förankringen", "förankring", "amnen/forankring/"),
    ("partnerskapet", "partnerskap", "fallstudier/liu-partner/"),
])
def test_inflected_forms_find_each_other(page, base_url, query, stem, page_):
    page.goto(base_url + "sok/")
    text = page.evaluate(INDEXED_TEXT, page_)
    assert len(text) > 50, text  # the page was found in the index
    # The page says only the stem, so exact matching could not have found it.
    assert re.search(rf"\b{stem}\b", text) and not re.search(rf"\b{query}\b", text)
    assert page_ in search(page, base_url, f"q={query}", everything=True)


def test_results_show_title_kind_and_highlighted_snippet(page, base_url):
    found = search(page, base_url, "q=styrgrupp")
    # A title hit ranks above pages that only mention the word.
    assert found[0] == "metoder/styrgrupp/"
    first = page.locator(".spets-result").first
    assert first.locator(".spets-result__title").text_content() == "Gemensam styrgrupp"
    assert first.locator(".spets-result__kind").text_content() == "Metod"
    assert first.locator(".spets-result__excerpt mark").first.text_content().lower().startswith("styrgrupp")
    assert re.fullmatch(r"\d+ träffar för ”styrgrupp”\.", status(page))


def test_a_filter_narrows_and_the_url_round_trips(page, base_url):
    everything = search(page, base_url, "q=avtal")
    assert len(everything) > 2
    page.get_by_label("Metod", exact=False).first.check()
    page.wait_for_function("location.search.includes('typ=metod')")
    page.wait_for_function(f"document.querySelectorAll('.spets-result').length < {len(everything)}")
    narrowed = results(page)
    assert narrowed and all(url.startswith("metoder/") for url in narrowed)
    assert set(narrowed) < set(everything)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["avtal"], "typ": ["metod"]}

    # The URL alone restores the same search: share it, bookmark it.
    shared = page.url
    page.goto(shared)
    page.wait_for_function("/träff/.test((document.querySelector('.spets-status')?.textContent || ''))")
    assert results(page) == narrowed
    assert page.locator("input[name=typ][value=metod]").is_checked()
    assert page.input_value("#s-q") == "avtal"

    # Back goes to the unfiltered search.
    page.go_back()
    page.wait_for_function("!location.search.includes('typ=')")
    page.wait_for_function(f"document.querySelectorAll('.spets-result').length === {len(everything)}")
    assert not page.locator("input[name=typ][value=metod]").is_checked()


def test_filters_alone_and_counts(page, base_url):
    found = search(page, base_url, "amne=forankring")
    assert found and "metoder/styrgrupp/" in found
    count = page.locator("[data-count='typ:metod']").text_content()
    assert count == f"({sum(url.startswith('metoder/') for url in found)})"
    # The one value chosen links to its own page.
    assert page.locator(".spets-about a").get_attribute("href").endswith("/amnen/forankring/")


def test_entry_values_link_to_the_filtered_search(page, base_url):
    page.goto(base_url + "metoder/styrgrupp/")
    page.locator(".spets-facts a", has_text="Förankring").click()
    page.wait_for_url("**/sok/?amne=forankring")
    page.wait_for_function("/träff/.test((document.querySelector('.spets-status')?.textContent || ''))")
    assert urlsplit(page.url).path.endswith("/sok/")
    assert parse_qs(urlsplit(page.url).query) == {"amne": ["forankring"]}
    assert page.locator("input[name=amne][value=forankring]").is_checked()
    assert "metoder/styrgrupp/" in results(page)


def test_header_search_opens_the_search_page(page, base_url):
    page.goto(base_url + "metoder/")
    page.fill("#spets-header-q", "styrgruppens")
    page.press("#spets-header-q", "Enter")
    page.wait_for_url("**/sok/?q=styrgruppens")
    page.wait_for_function("/träff/.test((document.querySelector('.spets-status')?.textContent || ''))")
    assert "metoder/styrgrupp/" in results(page)


def test_a_word_finds_the_words_it_begins(page, base_url):
    # Swedish joins words: the fixture says "partnerskapsavtal" and
    # "Partnerskapsdagar", never "partnerskapet" alone on those pages.
    found = search(page, base_url, "q=partnerskapet", everything=True)
    assert {"verktyg/avtalslista/", "fallstudier/umu-partner/"} <= set(found)
    marks = page.locator(".spets-result__excerpt mark").all_text_contents()
    assert "partnerskapsavtal" in [m.lower() for m in marks]


# Counts, for each beginning of a word, the pages the engine finds.
HITS_WHILE_TYPING = """async (word) => {
  const engine = await import('../assets/spets-search.js');
  const index = await engine.open(new URL('../', location.href));
  const out = {};
  for (let i = 2; i <= word.length; i++) out[word.slice(0, i)] = (await index.search(word.slice(0, i))).pages.length;
  return out;
}"""


@pytest.mark.parametrize("word", ["verksamheten", "myndigheter"])
def test_results_do_not_vanish_while_a_word_is_typed(page, base_url, word):
    # "verksamhe" stems to "verksamh", which begins no stem ("verksam"); the
    # words as written in the index keep the page found.
    page.goto(base_url + "sok/")
    counts = page.evaluate(HITS_WHILE_TYPING, word)
    assert all(counts.values()), counts


def test_a_question_finds_what_it_is_about(page, base_url):
    plain = search(page, base_url, "q=styrgrupp")
    # The small words are left out, and the status says so.
    without = search(page, base_url, "q=fungerar styrgrupp")
    assert without and search(page, base_url, "q=hur fungerar en styrgrupp") == without
    assert status(page).endswith("(utan småorden hur, en).")
    # A longer query needs all words but one: a word no page has still leaves results.
    found = search(page, base_url, "q=styrgrupp förankring xyzzyq")
    assert found and set(found) <= set(plain)
    assert re.fullmatch(r"\d+ träff(ar)? med minst 2 av 3 sökord för ”styrgrupp förankring xyzzyq”\.", status(page))
    # Two words: both are needed, unless no page has both; the status says so.
    assert set(search(page, base_url, "q=styrgrupp förankring")) < set(plain)
    assert search(page, base_url, "q=styrgrupp xyzzyq") == plain
    assert status(page).startswith(f"{len(plain)} träffar med minst 1 av 2 sökord")
    assert search(page, base_url, "q=xyzzyq") == []
    assert status(page) == "Inga träffar för ”xyzzyq”."
    # Only small words: they are searched for; only punctuation: nothing.
    assert search(page, base_url, "q=och")
    assert search(page, base_url, "q=%3F%3F%3F") == []


# Python's tokens and stems (the index) and the browser's (the query) must agree.
WORDS_IN_BROWSER = """async (texts) => {
  const engine = await import('../assets/spets-search.js');
  const { stem } = await import('../assets/snowball/stem.js');
  return texts.map((t) => engine.words(t).map(stem));
}"""


def test_browser_and_index_split_and_stem_words_alike(page, base_url):
    from spets import search as index

    texts = ["Avtalen, styrgruppens – och förankringen!", "snake_case kebab-case 2019/20 §3 ½",
             "Cafe\u0301 ÅÄÖ åäö Ünïcödé İstanbul", "e-post: a.b@c.se https://x.se/y?z=1", "Ελληνικά 中文 😀 x²"]
    page.goto(base_url + "sok/")
    assert page.evaluate(WORDS_IN_BROWSER, texts) == [[index.stemmer("sv")(w) for w in index.words(t)] for t in texts]


def test_show_more_twice_quickly_shows_each_result_once(page, base_url):
    search(page, base_url, "q=och")
    total = hit_count(page)
    assert total > 20
    page.locator(".spets-more").dblclick()
    page.wait_for_function("document.querySelectorAll('.spets-result').length >= 20")
    while page.locator(".spets-more").is_visible():
        shown = len(results(page))
        page.click(".spets-more")
        page.wait_for_function(f"document.querySelectorAll('.spets-result').length > {shown}")
    found = results(page)
    assert len(found) == len(set(found)) == total


def test_punctuation_alone_is_no_text(page, base_url):
    everything = search(page, base_url, "typ=metod", everything=True)
    assert search(page, base_url, "q=%3F&typ=metod", everything=True) == everything
    assert search(page, base_url, "q=%3F") == [] and status(page) == "Inga träffar för ”?”."


def test_a_missing_index_part_is_said_and_tried_again(page, base_url):
    page.goto(base_url + "sok/")
    page.wait_for_function("/Skriv/.test(document.querySelector('.spets-status').textContent)")
    # E.g. the site was published anew while the page was open.
    page.route("**/sokindex/*/o*.json", lambda route: route.fulfill(status=404))
    page.fill("#s-q", "styrgrupp")
    page.wait_for_function("/kunde inte hämta/.test(document.querySelector('.spets-status').textContent)")
    page.unroute("**/sokindex/*/o*.json")
    # The browser itself logs the 404s we caused; nothing else may be logged.
    page.errors[:] = [e for e in page.errors if "status of 404" not in e]
    page.fill("#s-q", "styrgruppen")
    page.wait_for_function("/träffar för/.test(document.querySelector('.spets-status').textContent)")
    assert "metoder/styrgrupp/" in results(page)


def hit_count(page) -> int:
    """The number of hits the status line announces."""
    found = re.match(r"(\d+) träff", status(page))
    return int(found[1]) if found else 0


def test_search_by_keyboard_only(page, base_url):
    page.goto(base_url + "sok/")
    page.wait_for_function("/Skriv/.test((document.querySelector('.spets-status')?.textContent || ''))")
    page.focus("#s-q")
    page.keyboard.type("avtal")
    page.keyboard.press("Enter")
    page.wait_for_function("/träffar för ”avtal”/.test((document.querySelector('.spets-status')?.textContent || ''))")
    before = hit_count(page)
    page.keyboard.press("Tab")  # the Sök button
    page.keyboard.press("Tab")  # the link past the filters to the results
    assert page.evaluate("document.activeElement.textContent") == "Hoppa förbi filtren till träffarna"
    page.keyboard.press("Tab")  # the "Filter" toggle
    page.keyboard.press("Tab")  # the kinds: "Alla" …
    page.keyboard.press("ArrowDown")  # … and the next kind, Metod
    page.wait_for_function("location.search.includes('typ=metod')")
    page.wait_for_function("/filtret Metod/.test((document.querySelector('.spets-status')?.textContent || ''))")
    assert 0 < hit_count(page) < before
    assert page.get_attribute(".spets-status", "role") == "status"  # announced to screen readers


def test_listing_filter_bar(page, base_url):
    page.goto(base_url + "fallstudier/")
    cards = page.locator(".spets-card")
    total = cards.count()
    assert total >= 3 and page.locator("form[data-spets-filter]").is_visible()
    page.locator("input[name=larosate][value=chalmers]").check()
    page.wait_for_function("location.search === '?larosate=chalmers'")
    visible = page.locator(".spets-card:visible")
    assert 0 < visible.count() < total
    for i in range(visible.count()):
        assert "chalmers" in visible.nth(i).get_attribute("data-larosate").split()
    assert status(page).startswith(f"Visar {visible.count()} av {total} fallstudier")

    page.fill("#f-q", "inget kort innehåller detta")
    page.wait_for_function("document.querySelectorAll('.spets-card:not([hidden])').length === 0")
    assert "q=inget" in page.url

    # The URL restores the filter on the listing too.
    page.goto(base_url + "fallstudier/?larosate=chalmers")
    page.wait_for_function("(document.querySelector('.spets-status')?.textContent || '').startsWith('Visar')")
    assert page.locator(".spets-card:visible").count() == visible.count()
    assert page.locator("input[name=larosate][value=chalmers]").is_checked()


def test_listing_without_javascript_shows_every_card(browser, base_url, built_fixture):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "metoder/?amne=forankring")
    html = (built_fixture / "site" / "metoder" / "index.html").read_text()
    assert page.locator(".spets-card:visible").count() == html.count('class="spets-card"') >= 3
    assert not page.locator("form[data-spets-filter]").is_visible()  # no controls that cannot work
    context.close()


@pytest.mark.parametrize("path", ["", "sok/?q=avtal", "metoder/", "metoder/styrgrupp/",
                                  "verktyg/arsfragor/", "fallstudier/chalmers-volvo-cars/",
                                  "fallstudier/?larosate=chalmers"])
def test_no_accessibility_violations(page, base_url, path):
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()


def test_a_word_typed_without_a_ring_or_dots_finds_the_word_with_them(page, base_url):
    """"traffas", typed on a keyboard without å, ä and ö, finds
    "träffas", and the status line says which spelling it searched for."""
    with_dots = search(page, base_url, "q=träffas")
    assert with_dots  # the fixture has the word
    without = search(page, base_url, "q=traffas")
    assert without == with_dots
    assert "Visar träffar för träffas." in page.locator(".spets-status").text_content()
    assert "träffas" in [m.lower() for m in page.locator(".spets-result__excerpt mark").all_text_contents()]
    # A word that does not exist in any spelling still finds nothing.
    assert search(page, base_url, "q=traffasxyz") == []
    assert "Visar träffar för" not in page.locator(".spets-status").text_content()

"""Search ranking on the site built from this repository, in a real browser
(Debian's chromium via Playwright): a word in a title, also as the last part
of a Swedish compound ("partnerskapsavtal" is an "avtal"), ranks the page
above pages that only mention the word in their text."""

from __future__ import annotations

import re

import pytest

from conftest import need_chromium, watch

need_chromium()
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(repo_site):
    return repo_site[0]


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.errors = watch(page)
    yield page
    assert page.errors == []
    page.close()


def titles(page, site_url, q: str) -> list[str]:
    """Every result's title for the search q, in rank order ("Visa fler" pressed until all show)."""
    page.goto(f"{site_url}sok/?q={q}")
    page.wait_for_function("/träff|Inga/.test(document.querySelector('.spets-status')?.textContent || '')")
    while page.locator(".spets-more").is_visible():
        shown = page.locator(".spets-result").count()
        page.click(".spets-more")
        page.wait_for_function(f"document.querySelectorAll('.spets-result').length > {shown}")
    return page.locator(".spets-result__title").all_text_contents()


def title_words(title: str) -> list[str]:
    return re.findall(r"\w+", title.lower())


def test_avtal_finds_the_method_about_writing_one_first(page, site_url):
    found = titles(page, site_url, "avtal")
    # The title says "partnerskapsavtal", never "avtal" alone: only the compound can rank it.
    assert "avtal" not in title_words("Skriv ett partnerskapsavtal")
    assert found[0] == "Skriv ett partnerskapsavtal", found[:5]


@pytest.mark.parametrize("word", ["avtal", "grupp"])
def test_a_title_hit_also_in_a_compound_ranks_above_mentions_in_the_text(page, site_url, word):
    """"grupp" is in no title alone, only in "styrgrupp" and "styrgruppens"."""
    found = titles(page, site_url, word)
    # In the title: the word, or a compound that ends with it (the word's own endings allowed).
    in_title = [i for i, t in enumerate(found)
                if any(re.fullmatch(rf"\w*{word}(en|ens|et|ets|s|ar|arna)?", w) for w in title_words(t))]
    mentions = [i for i, t in enumerate(found) if word not in t.lower()]
    assert len(in_title) >= 2 and len(mentions) >= 3, found  # the site has both kinds of page
    assert max(in_title) < min(mentions), found


def test_a_word_typed_without_dots_still_finds_the_title_first(page, site_url):
    found = titles(page, site_url, "forankra")
    assert "Visar träffar för förankra." in page.locator(".spets-status").text_content()
    assert found[0] == "Förankra partnerskapet inom lärosätet"

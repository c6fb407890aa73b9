"""Printing: method and tool pages, and the card pages, printed to PDF by
Debian's chromium, then read back (pypdf) and checked in print media."""

from __future__ import annotations

import pytest

import io

from pypdf import PdfReader

from conftest import need_chromium

need_chromium()
pytestmark = pytest.mark.browser

A4 = (595.28, 841.89)  # points


def pdf(browser, url: str) -> PdfReader:
    page = browser.new_page()
    page.goto(url, wait_until="networkidle")
    data = page.pdf(format="A4", print_background=True)
    page.close()
    return PdfReader(io.BytesIO(data))


def text(reader: PdfReader) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def assert_a4(reader: PdfReader):
    for p in reader.pages:
        assert abs(float(p.mediabox.width) - A4[0]) < 2 and abs(float(p.mediabox.height) - A4[1]) < 2


def test_a_method_prints_as_a_clean_a4_card(browser, base_url):
    reader = pdf(browser, base_url + "metoder/styrgrupp/")
    assert 1 <= len(reader.pages) <= 3
    assert_a4(reader)
    printed = text(reader)
    for wanted in ("Gemensam styrgrupp", "Så gör du", "Utse ledamöter från båda parter.",
                   "https://example.org/styrgrupp",  # an external link's target, written out
                   "metoder/styrgrupp/"):  # the card says where it comes from
        assert wanted in printed, wanted
    # No navigation, header, search, footer, edit or print buttons, no "Citera".
    for unwanted in ("Gå till innehållet", "Sök", "Livscykeln", "Framgångsfaktorer Begrepp",
                     "Material for MkDocs", "Skriv ut", "Citera", "CC BY 4.0. Koden"):
        assert unwanted not in printed, unwanted


def test_theme_chrome_is_hidden_in_print_media(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "verktyg/arsfragor/", wait_until="networkidle")
    chrome = (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
              ".md-search", "a.spets-print", ".spets-cite")
    page.emulate_media(media="screen")
    assert page.locator(".md-header").is_visible() and page.locator("a.spets-print").is_visible()
    assert not page.locator(".spets-print-source").is_visible()
    page.emulate_media(media="print")
    for selector in chrome:
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("article h1").is_visible() and page.locator(".spets-print-source").is_visible()
    # Steps, facts and listing cards are never split over two pages.
    assert page.evaluate("getComputedStyle(document.querySelector('.spets-facts > div')).breakInside") == "avoid"
    page.close()
    page = browser.new_page()
    page.goto(base_url + "metoder/styrgrupp/", wait_until="networkidle")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.spets-steps > li')).breakInside") == "avoid"
    # Internal links are not written out; external ones are.
    after = "a => getComputedStyle(a, '::after').content"
    assert page.locator(".spets-sources a").first.evaluate(after) != "none"
    assert page.locator(".spets-facts a").first.evaluate(after) in ("none", "normal")
    page.close()


def test_card_pages_print_one_card_per_page(browser, base_url, built_fixture):
    for url, titles in (("metoder/kort/", ["Avsiktsförklaring", "Fientlig", "Gemensam styrgrupp"]),
                        ("verktyg/kort/", ["Checklista för avtal", "Frågor för årlig uppföljning"])):
        reader = pdf(browser, base_url + url)
        assert_a4(reader)
        assert len(reader.pages) == len(titles), url
        for page, title in zip(reader.pages, titles):
            first_line = page.extract_text().strip().splitlines()[0]
            assert first_line.startswith(title), (url, first_line)
        assert "Här är alla" not in text(reader)  # the on-screen introduction stays off paper


def test_skriv_ut_prints_the_page_itself(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "metoder/styrgrupp/", wait_until="networkidle")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.click("a.spets-print")
    assert page.evaluate("window.printed === true")
    assert page.url == base_url + "metoder/styrgrupp/"  # stayed; without JavaScript it leads to the card
    assert page.get_attribute("a.spets-print", "href") == "../kort/#styrgrupp"
    page.close()

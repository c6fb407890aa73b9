"""The English edition of the repository's site: a page per entry, twins that
link each other, English words in the chrome, English text where there is
English, and Swedish marked as Swedish where there is not."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from conftest import Tags, need_chromium, watch
from spets import english
from spets import model as m

REPO = Path(__file__).resolve().parent.parent


def entries():
    """(kind, id, data) of every entry and vocabulary item with pages, from the YAML itself."""
    for kind in m.KINDS.values():
        if not kind.url:
            continue
        if kind.is_vocabulary:
            items = yaml.safe_load((REPO / "taxonomy" / kind.file).read_text(encoding="utf-8"))
            yield from ((kind, id_, data) for id_, data in items.items())
        else:
            for path in sorted((REPO / kind.folder).glob("*.yml")):
                yield kind, path.stem, yaml.safe_load(path.read_text(encoding="utf-8"))


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_every_entry_has_an_english_page_that_links_its_twin(repo_site):
    url, site = repo_site
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    checked = 0
    for kind, id_, data in entries():
        sv, en = f"{kind.url}/{id_}/", f"en/{kind.url_en}/{id_}/"
        english_html, swedish_html = read(site, en), read(site, sv)
        heading = (data.get("en") or {}).get("title" if "title" in data else "name")
        assert heading, f"{kind.name} {id_} has no English {'title' if 'title' in data else 'name'}"
        title = re.search(r"<h1[^>]*>(.*?)<", english_html, re.S)
        assert title and html.unescape(title[1]).strip() == " ".join(heading.split()), (kind.name, id_)
        # Both ways: the header's link and the alternates in the head.
        assert re.search(rf'<a class="spets-language[^"]*" href="[^"]*{re.escape(sv)}" hreflang="sv"', english_html)
        assert re.search(rf'<a class="spets-language[^"]*" href="[^"]*{re.escape(en)}" hreflang="en"', swedish_html)
        # For search engines, in the sitemap: each page with its twin (and itself).
        base = "https://spets-kunskapsbank.github.io/kunskapsbank/"
        for page, twin, lang in ((sv, en, "en"), (en, sv, "sv")):
            assert re.search(rf"<loc>{re.escape(base + page)}</loc>\s*(<lastmod>[^<]*</lastmod>)?\s*"
                             rf'<xhtml:link rel="alternate" hreflang="(sv|en)" href="{re.escape(base + page)}"/>\s*'
                             rf'<xhtml:link rel="alternate" hreflang="{lang}" href="{re.escape(base + twin)}"/>',
                             sitemap), page
        assert '<html lang="en"' in english_html and '<html lang="sv"' in swedish_html
        checked += 1
    assert checked > 150


def test_english_json_ld_says_english(repo_site):
    _, site = repo_site
    for url, lang, genre in (("en/methods/partnerskapsavtal/", "en", "Method"),
                             ("metoder/partnerskapsavtal/", "sv", "Metod")):
        found = re.search(r'<script type="application/ld\+json">(.*?)</script>', read(site, url), re.S)
        assert __import__("json").loads(found[1])["inLanguage"] == lang
        assert __import__("json").loads(found[1])["genre"] == genre


def test_the_english_pages_name_the_site_and_cite_the_entry_in_english(repo_site):
    _, site = repo_site
    for url, name in (("en/", "SPETS knowledge base"), ("en/methods/partnerskapsavtal/", "SPETS knowledge base"),
                      ("", "SPETS kunskapsbank"), ("metoder/partnerskapsavtal/", "SPETS kunskapsbank")):
        page = read(site, url)
        assert re.search(rf"<title>([^<]* - )?{name}</title>", page) and page.count(name + " - ") == 0, url
        assert f'<meta property="og:site_name" content="{name}">' in page, url
        assert re.search(rf'<span class="md-ellipsis">\s*{name}\s*</span>', page), url  # the header
    english_page, swedish_page = read(site, "en/methods/partnerskapsavtal/"), read(site, "metoder/partnerskapsavtal/")
    assert re.search(r"SPETS knowledge base\. \(\d{4}, [A-Z][a-z]+ \d{1,2}\)\. <em>Write a partnership agreement</em> "
                     r"\[Method\]\. https://", english_page)
    assert "language = {english}" in english_page and "note = {Method}" in english_page
    assert re.search(r"SPETS kunskapsbank\. \(\d{4}, \d{1,2} [a-z]+\)\. <em>[^<]+</em> \[Metod\]\.", swedish_page)
    feed = (site / "en" / "feed.xml").read_text(encoding="utf-8")
    assert "<title type=\"text\">SPETS knowledge base" in feed and "<name>SPETS knowledge base</name>" in feed


def test_the_hand_written_pages_have_twins(repo_site):
    _, site = repo_site
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for page in sorted((REPO / "docs" / "en").rglob("*.md")):
        front = yaml.safe_load(page.read_text(encoding="utf-8").split("---")[1])
        twin = Path(front["twin"]).with_suffix("")  # a page of docs/ or a generated one (data/)
        twin_url = (twin.parent if twin.name == "index" else twin).as_posix()
        assert (site / twin_url / "index.html").is_file(), f"{page}: twin {front['twin']} is missing"
        rel = page.relative_to(REPO / "docs").with_suffix("")
        url = (rel.parent if rel.name == "index" else rel).as_posix() + "/"
        html = read(site, url)
        assert 'hreflang="sv"' in html and '<html lang="en"' in html, url
        assert f'hreflang="en" href="https://spets-kunskapsbank.github.io/kunskapsbank/{url}"' in sitemap


# Words of our own Swedish chrome: an English page shows none of them.
CHROME = re.compile(r"(?<![-\w/])(Sök|Redigera|Tillgänglighet|Kunskap|Bläddra|Metoder|Verktyg|Fallstudier|Källor|"
                    r"Faser|Ämnen|Lärosäten|Roller|Framgångsfaktorer|Insats|Bakgrund|Resultat|Lärdomar|Citera|"
                    r"Startsida|Meny|Innehåll|Tillbaka)(?![-\w])")
# Swedish words that the English prose (summaries and texts) has only inside lang="sv".
PROSE = re.compile(r"(?<![-\w/])(och|att|för|är|som|inte|eller|också|ska)(?![-\w])")


class EnglishText(Tags):
    """The text of a page outside elements marked lang="sv" and outside
    titles of sources (documents as published, in their own language):
    `all`, and `prose`, the part inside an entry's summary and texts. A
    Swedish name or term the translations keep in italics counts unless it
    is marked (markdown_safe marks it, from english.swedish_words)."""

    VOID = {"br", "img", "input", "link", "meta", "hr", "source", "col", "area", "wbr"}
    SKIP = ("spets-sources", "spets-glossary__source", "spets-cite", "spets-print-source")

    def __init__(self, html: str):
        self.stack: list[tuple[bool, bool]] = []  # per open element: (skipped, in prose)
        self.all: list[str] = []
        self.prose: list[str] = []
        super().__init__(html)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        cls = attrs.get("class") or ""
        skipped, prose = self.stack[-1] if self.stack else (False, False)
        skipped = skipped or attrs.get("lang") == "sv" or any(c in cls for c in self.SKIP) or tag in ("script", "style")
        prose = prose or "spets-text" in cls or "spets-summary" in cls
        self.stack.append((skipped, prose))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        skipped, prose = self.stack[-1] if self.stack else (False, False)
        if not skipped:
            self.all.append(data)
            if prose:
                self.prose.append(data)


def test_english_pages_have_no_swedish_outside_what_is_marked(repo_site):
    _, site = repo_site
    pages = sorted(p for p in (site / "en").rglob("index.html"))
    assert len(pages) > 170
    found = {}
    for path in pages:
        seen = EnglishText(path.read_text(encoding="utf-8").split("<body", 1)[1])
        words = CHROME.findall(" ".join(seen.all)) + PROSE.findall(" ".join(seen.prose))
        if words:
            found[path.relative_to(site).parent.as_posix()] = sorted(set(words))
    assert found == {}


def test_a_field_without_english_is_shown_in_swedish_and_says_so(tmp_path):
    # The English view keeps the Swedish text of a field that has no English.
    entry = m.Entry("method", "x", "methods/x.yml", 1, {
        "title": "Svensk titel", "summary": "Svensk text.", "why": "Därför.", "steps": ["a", "b", "c"],
        "effort": {"level": "low", "time": "En dag"}, "en": {"title": "English title", "summary": None,
                                                              "steps": [], "effort": None, "why": None}})
    seen = english.entry(entry)
    assert seen.url == "en/methods/x/" and seen.title == "English title"
    assert seen.why == "Därför." and set(seen.swedish_only) == {"summary", "why", "steps", "effort"}


def test_every_template_string_has_english():
    # gettext stops the build on a string it lacks; this finds them all at once.
    # (figures.py's strings are exercised by every build: gettext stops it on one it lacks.)
    sources = [*(REPO / "spets" / "templates").glob("*.j2"), *(REPO / "overrides").rglob("*.html")]
    said = set()
    for path in sources:
        text = path.read_text(encoding="utf-8")
        said |= set(re.findall(r'(?<![.\w])t\(\s*"((?:[^"\\]|\\.)+)"', text))
        said |= set(re.findall(r"(?<![.\w])t\(\s*'([^']+)'", text))
        said |= set(re.findall(r"spets_t\(page, '([^']+)'\)", text))
    missing = sorted(s for s in said if s not in english.STRINGS and "{" not in s[:1])
    assert len(said) > 80
    assert missing == []


@pytest.fixture(scope="module")
def page(browser):
    need_chromium()
    p = browser.new_page(viewport={"width": 1366, "height": 900})
    yield p
    p.close()


ENGLISH_PAGES = ["en/", "en/methods/", "en/methods/partnerskapsavtal/", "en/tools/sjalvskattning-mognad/",
                 "en/tools/avtalschecklista/", "en/case-studies/lnu-ikea/", "en/phases/starta/",
                 "en/institutions/lnu/", "en/what-works/", "en/glossary/", "en/about/", "en/search/",
                 "en/data/", "en/methods/cards/"]


@pytest.mark.parametrize("path", ENGLISH_PAGES)
def test_axe_finds_nothing_on_the_english_pages(page, repo_site, path):
    from axe_playwright_python.sync_playwright import Axe

    url, _ = repo_site
    errors = watch(page)
    response = page.goto(url + path)
    assert response.status == 200
    found = Axe().run(page, context={"exclude": [[".md-tooltip2"]]},
                      options={"resultTypes": ["violations"]}).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in found] == []
    assert page.evaluate("document.documentElement.lang") == "en"
    assert errors == []


def test_the_language_switch_lands_on_the_same_page(page, repo_site):
    url, _ = repo_site
    page.goto(url + "metoder/partnerskapsavtal/")
    page.get_by_role("link", name="English").click()
    assert page.url == url + "en/methods/partnerskapsavtal/"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Write a partnership agreement")
    page.get_by_role("link", name="Svenska").click()
    assert page.url == url + "metoder/partnerskapsavtal/"


def results(page, url: str) -> tuple[str, list[str]]:
    page.goto(url)
    page.wait_for_function("document.querySelector('.spets-status').textContent.trim().length > 0"
                           " && !document.querySelector('form[data-spets-searching]') || "
                           "document.querySelectorAll('.spets-result').length > 0")
    page.wait_for_function("document.querySelector('.spets-status').textContent.trim().length > 0")
    return page.inner_text(".spets-status"), page.eval_on_selector_all(
        ".spets-result__title", "links => links.map((a) => a.getAttribute('href'))")


def test_english_search_stems_english_and_never_mixes_the_languages(page, repo_site):
    url, site = repo_site
    errors = watch(page)
    status, hrefs = results(page, url + "en/search/?q=partnerships")
    assert status.endswith("results for “partnerships”.") and len(hrefs) >= 10
    assert all("/en/" in h for h in hrefs)  # only English pages
    # "partnerships" finds pages that say only "partnership", the stem the index has.
    first = page.locator(".spets-result").first
    assert "partnership" in first.inner_text().lower()
    status, hrefs = results(page, url + "en/search/?q=agreement")
    assert any(h.endswith("en/methods/partnerskapsavtal/") for h in hrefs[:3])
    # Small English words leave a question its meaning.
    status, _ = results(page, url + "en/search/?q=how+do+you+renew+a+partnership")
    assert "(without the small words how, do, you, a)" in status
    # The Swedish search has no English page.
    status, hrefs = results(page, url + "sok/?q=avtal")
    assert hrefs and not any("/en/" in h for h in hrefs)
    assert errors == []


def test_the_english_index_is_english():
    from spets import search

    docs = [search.SearchPage("en/a/", "Partnership agreements", "Method", {}, "Partnerships last."),
            search.SearchPage("en/b/", "Other", "Method", {}, "Nothing here.")]
    files = search.index_files(docs, "en")
    meta = __import__("json").loads(files["en/sokindex/meta.json"])
    assert meta["lang"] == "en"
    words = {w for name, content in files.items() if "/o" in name for w, _ in __import__("json").loads(content)}
    assert {"partnership", "agreement", "last"} <= words  # English stems
    assert not any(name.startswith("sokindex/") for name in files)


def test_feed_csv_and_cards_in_english(repo_site):
    import csv
    import io
    import xml.etree.ElementTree as ET

    _, site = repo_site
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(site / "en" / "feed.xml").getroot()
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    titles = {e.findtext(f"{atom}title"): e.find(f"{atom}link").get("href") for e in feed.iter(f"{atom}entry")}
    english = {data["en"]["title"] for kind, _, data in entries() if kind.name in ("method", "case_study")}
    assert titles and set(titles) <= english and all("/en/" in href for href in titles.values())
    # The English CSV: the same columns, the English texts.
    for kind in m.ENTRY_KINDS:
        swedish = (site / "data" / f"{kind.url}.csv").read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO((site / "data" / "en" / f"{kind.url_en}.csv")
                                               .read_text(encoding="utf-8-sig"), newline="")))
        assert swedish.splitlines()[0] == ",".join(rows[0].keys())
        yaml_titles = {id_: data["en"]["title"] for k, id_, data in entries() if k is kind}
        assert {r["id"]: r["title"].lstrip("'") for r in rows} == yaml_titles
    # The print cards: every method, in English, twinned with the Swedish page.
    cards = read(site, "en/methods/cards/")
    assert "<h1" in cards and "Method cards" in cards and '<html lang="en"' in cards
    text = html.unescape(cards)
    for _, id_, data in (e for e in entries() if e[0] is m.METHOD):
        assert f'id="{id_}"' in cards and data["en"]["title"] in text, id_
    assert re.search(r'class="spets-language[^"]*" href="[^"]*metoder/kort/" hreflang="sv"', cards)


def test_the_self_assessment_works_in_english(page, repo_site):
    url, _ = repo_site
    errors = watch(page)
    page.goto(url + "en/tools/sjalvskattning-mognad/")
    page.select_option("#spets-assess-0-larosatet", "1")
    page.select_option("#spets-assess-0-partnern", "3")
    status = page.inner_text(".spets-assess__status")
    assert status.startswith("The areas with the lowest level")
    suggestion = page.inner_text(".spets-assess__suggestions li")
    assert "lowest level, institution 1 and partner 3; widest gap, 2 steps" in suggestion
    assert "Institution (solid bar)" in page.inner_text(".spets-assess__legend")
    assert page.locator("button[data-action=save]").inner_text() == "Save as a file"
    page.goto(url + "en/tools/avtalschecklista/")
    assert "Tick the points here on the page." in page.inner_text("article")
    assert errors == []

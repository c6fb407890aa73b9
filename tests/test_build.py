"""Real MkDocs builds of the fixture knowledge base, read back as HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import BIN, Tags, mkdocs_build, run, spets
from spets.check import check_root



def article(html: str) -> str:
    """The page's own content, without the theme's header, nav and scripts."""
    return html[html.index("<article class=\"md-content__inner"):html.rindex("</article>")]


@pytest.fixture
def site(built_fixture):
    return built_fixture


def page(site, url: str) -> str:
    return (site / "site" / url / "index.html").read_text(encoding="utf-8")


def test_every_entry_has_its_page_and_card(site):
    entries = check_root(site).entries
    for e in entries:
        if e.url:
            assert "<h1" in page(site, e.url), e.url
    for kind, url in (("method", "metoder"), ("tool", "verktyg"), ("case_study", "fallstudier")):
        ids = sorted(e.id for e in entries if e.kind == kind)
        cards = re.findall(r'<h2 class="spets-card__title"><a href="([a-z0-9-]+)/">', article(page(site, url)))
        assert sorted(cards) == ids


def links(html: str) -> set[str]:
    return {a.get("href", "") for tag, a in Tags(article(html)).tags if tag == "a"}


def test_links_run_both_ways(site):
    case = links(page(site, "fallstudier/chalmers-volvo-cars/"))
    assert "../../metoder/styrgrupp/" in case
    method = links(page(site, "metoder/styrgrupp/"))
    assert {"../../fallstudier/chalmers-volvo-cars/", "../../fallstudier/liu-partner/",
            "../../verktyg/arsfragor/", "../avsiktsforklaring/"} <= method
    # Declared only on the other side: the tool names the method, styrgrupp names avsiktsforklaring.
    other = links(page(site, "metoder/avsiktsforklaring/"))
    assert {"../../verktyg/avtalslista/", "../styrgrupp/", "../../fallstudier/liu-partner/"} <= other
    assert "../../metoder/styrgrupp/" in links(page(site, "verktyg/arsfragor/"))
    assert {"../../metoder/styrgrupp/", "../../fallstudier/chalmers-volvo-cars/"} <= links(page(site, "roller/partneransvarig/"))
    assert "../../fallstudier/chalmers-volvo-cars/" in links(page(site, "framgangsfaktorer/ledningens-engagemang/"))


def test_vocabulary_pages(site):
    sector = links(page(site, "sektorer/offentlig-sektor/"))
    assert {"../../fallstudier/liu-partner/", "../../fallstudier/umu-partner/"} <= sector
    assert "../../fallstudier/chalmers-volvo-cars/" not in sector
    assert "../../metoder/fientlig/" in links(page(site, "faser/folja-upp/"))
    empty = page(site, "larosaten/kth/")
    assert "Kunskapsbanken har ännu inga fallstudier från Kungliga Tekniska högskolan" in empty
    assert "Inget i kunskapsbanken hör ännu hit." in page(site, "amnen/oanvant/")


def test_case_study_shows_provenance(site):
    assert "ännu inte granskats av lärosätet" in page(site, "fallstudier/chalmers-volvo-cars/")
    liu = page(site, "fallstudier/liu-partner/")
    assert "Inskickad av lärosätet" in liu and "2026-05-01" in liu


def test_hand_written_pages_show_live_figures(site):
    home = page(site, "")
    assert "3 metoder, 2 verktyg och 3 fallstudier" in " ".join(home.split())
    newest = re.findall(r'href="fallstudier/([a-z0-9-]+)/"', article(home))
    assert newest[:3] == ["liu-partner", "chalmers-volvo-cars", "umu-partner"]
    lifecycle = article(page(site, "faser"))
    assert lifecycle.index("Identifiera och välja partner") < lifecycle.index("Förnya eller avsluta")
    assert 'href="../metoder/styrgrupp/"' in lifecycle
    # Every phase links to its page, also one without methods yet.
    for phase in ("identifiera", "etablera", "genomfora", "folja-upp", "fornya-avsluta"):
        assert f'href="{phase}/">Allt i fasen</a>' in lifecycle, phase
    assert "inga ännu" in lifecycle
    glossary = page(site, "begrepp")
    assert 'id="samverkan"' in glossary and "samsynwiki.se" in glossary


def test_hostile_content_stays_text(site):
    html = page(site, "metoder/fientlig/")
    parsed = Tags(html)
    body = article(html)
    # Jinja in content appears literally, never evaluated.
    for literal in ("{{ 7*7 }}", "{% if true %}x{% endif %}", "{# kommentar #}", "{{ config }}"):
        assert literal in body
    # Tags typed by the contributor show as text; none of them becomes an element.
    assert "&lt;b&gt;fet&lt;/b&gt;" in body and "&lt;script&gt;" in body
    content_tags = {t for t, _ in Tags(body).tags}
    assert not content_tags & {"script", "img", "iframe", "svg", "b"}
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        href = (attrs.get("href") or "").strip().lower()
        assert not href.startswith(("javascript:", "data:")), href
    # Head: title and description are escaped; the heading inside content is demoted.
    assert "<title>Fientlig &lt;script&gt;" in html
    assert 'content="Sammanfattning {{ 7*7 }} {% if true %}x{% endif %} &lt;b&gt;' in html
    assert "<h3>Rubrik som är för djup</h3>" in body
    # The same entry's card on listing pages is just as inert.
    for listing in ("metoder", "faser/folja-upp/", "amnen/forankring/"):
        # The cards only: a listing's filter form has scripts of its own (filter_form.html.j2).
        cards = "".join(re.findall(r'<article class="spets-card".*?</article>', article(page(site, listing)), re.S))
        assert "fientlig" in cards.lower(), listing
        card_tags = Tags(cards).tags
        assert not {t for t, _ in card_tags} & {"script", "img", "iframe", "svg", "b"}, listing
        assert not any(n.startswith("on") for _, a in card_tags for n in a), listing
    # A link reference definition in one field hijacks nothing: no link goes there.
    assert "evil.example.org" not in " ".join(a.get("href", "") for _, a in parsed.tags)


def test_entry_pages_are_not_in_the_nav(site):
    def nav_links(url):
        html = page(site, url)
        nav = html[html.index('<nav class="md-nav md-nav--primary"'):html.index('<div class="md-content"')]
        return {a.get("href") for tag, a in Tags(nav).tags if tag == "a"}

    home, entry = nav_links(""), nav_links("metoder/styrgrupp/")
    assert "metoder/" in home and "../" in entry
    assert not any("styrgrupp" in h or "avsiktsforklaring" in h for h in home | entry)


def test_a_name_that_looks_like_a_markdown_heading_stays_text(kb):
    # On a card a phase or a lärosäte's short name may start a line of
    # HTML; such a line must never reach Markdown as a heading with a link.
    for path, old, new in [("taxonomy/phases.yml", "name: Etablera", 'name: "#[klicka](javascript:alert(1))"'),
                           ("taxonomy/larosaten.yml", "short_name: Chalmers", 'short_name: "#[x](javascript:alert(2))"')]:
        text = (kb / path).read_text(encoding="utf-8")
        assert old in text
        (kb / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    r = mkdocs_build(kb)
    assert r.returncode == 0, r.stdout + r.stderr
    pages = {p: p.read_text(encoding="utf-8") for p in (kb / "site").rglob("*.html")}
    script_links = re.compile(r"""<[a-z]+\b[^>]*\b(?:href|src)\s*=\s*["']?\s*javascript:""", re.I)
    assert not [p for p, html in pages.items() if script_links.search(html)]
    cards = pages[kb / "site" / "fallstudier" / "index.html"]
    assert '<p class="spets-card__facets">#[x](javascript:alert(2)) · ' in cards


def test_a_title_with_an_emoji_keeps_its_front_matter(kb):
    # JSON's surrogate-pair escape made libyaml drop the whole front matter.
    path = kb / "methods" / "styrgrupp.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Gemensam styrgrupp",
                                                             "title: Gemensam styrgrupp 🤝", 1), encoding="utf-8")
    assert mkdocs_build(kb).returncode == 0
    html = (kb / "site" / "metoder" / "styrgrupp" / "index.html").read_text(encoding="utf-8")
    assert "<title>Gemensam styrgrupp 🤝 - " in html
    assert '<meta name="description" content="En styrgrupp med' in html and "application/ld+json" in html


def test_a_hand_written_file_in_the_search_index_folder_stops_the_build(kb):
    (kb / "docs" / "sokindex").mkdir()
    (kb / "docs" / "sokindex" / "meta.json").write_text("{}", encoding="utf-8")
    r = mkdocs_build(kb)
    out = r.stdout + r.stderr
    assert r.returncode == 1 and "Traceback" not in out
    assert "docs/sokindex/meta.json krockar med sökindexet (sokindex/): byt namn på filen" in out
    assert not (kb / "site").exists()


def test_a_dirty_build_keeps_every_page_in_the_search_index(kb):
    assert mkdocs_build(kb).returncode == 0
    index = kb / "site" / "sokindex"
    full = json.loads((index / "meta.json").read_text(encoding="utf-8"))
    with (kb / "docs" / "om-spets.md").open("a", encoding="utf-8") as page:
        page.write("\nEn ny mening om zebror.\n")
    r = run(str(BIN / "mkdocs"), "build", "--dirty", "--no-strict", cwd=kb)  # MkDocs warns of --dirty
    assert r.returncode == 0, r.stdout + r.stderr
    dirty = json.loads((index / "meta.json").read_text(encoding="utf-8"))
    assert dirty["pages"] == full["pages"]  # the pages the dirty build skipped are still there
    assert [p.name for p in index.iterdir() if p.is_dir()] == [dirty["folder"]]  # the old folder is gone
    n = [p[0] for p in dirty["pages"]].index("om-spets/")
    assert "zebror" in (index / dirty["folder"] / f"s{n}.txt").read_text(encoding="utf-8")
    # …and it is the index a full build makes.
    dirty_files = {p.relative_to(index): p.read_bytes() for p in index.rglob("*") if p.is_file()}
    assert mkdocs_build(kb).returncode == 0
    assert {p.relative_to(index): p.read_bytes() for p in index.rglob("*") if p.is_file()} == dirty_files


def test_invalid_content_stops_the_build_with_the_check_messages(kb):
    (kb / "methods/styrgrupp.yml").write_text("id: styrgrupp\ntitle: [\n", encoding="utf-8")
    (kb / "tools/arsfragor.yml").write_text(
        (kb / "tools/arsfragor.yml").read_text(encoding="utf-8").replace("type: question-set", "type: mall"),
        encoding="utf-8")
    expected = spets("check", cwd=kb).stdout.splitlines()
    assert len(expected) == 3
    r = mkdocs_build(kb)
    assert r.returncode == 1
    out = r.stdout + r.stderr
    for line in expected:
        assert line in out
    assert "Traceback" not in out
    assert not (kb / "site").exists()


def test_an_ongoing_case_says_when_its_status_was_checked(site):
    html = page(site, "fallstudier/chalmers-volvo-cars/")
    assert re.search(r"<dt>Status kontrollerad</dt> <dd>\d{4}-\d{2}-\d{2}</dd>", html)
    assert "Status kontrollerad" not in page(site, "fallstudier/liu-partner/")  # concluded: not asked


def test_the_menu_rendered_once_per_folder_is_the_menu_of_each_page(kb, built_fixture):
    """overrides/partials/nav.html renders the menu once per folder for pages
    outside the nav: every page is byte for byte what Material's own gives,
    with the site's name in the page's language as ours has it."""
    import material
    own = (Path(material.__file__).parent / "templates" / "partials" / "nav.html").read_text(encoding="utf-8")
    assert own.count("config.site_name") == 3
    (kb / "overrides" / "partials" / "nav.html").write_text(
        own.replace("config.site_name", "spets_t(page, config.site_name)"), encoding="utf-8")
    r = mkdocs_build(kb)
    assert r.returncode == 0, r.stdout + r.stderr
    pages = sorted(p.relative_to(kb / "site") for p in (kb / "site").rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        assert (kb / "site" / path).read_bytes() == (built_fixture / "site" / path).read_bytes(), path

"""Findable and citable: sitemap, meta description, Open Graph, schema.org
JSON-LD (read back by a JSON-LD processor), the "Citera" block and
CITATION.cff."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from pyld import jsonld

from spets import cite
from spets.knowledge import KnowledgeBase
from spets import jsonld as spets_jsonld
from spets import model as m
from spets.check import check_root
from spets.site import SiteInfo
from spets.render import Renderer

REPO = Path(__file__).resolve().parent.parent
SITE_URL = "https://spets-kunskapsbank.github.io/kunskapsbank/"
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


class Head(HTMLParser):
    """Meta tags and the 'Citera' block's text of a page, with entities decoded."""

    def __init__(self, html: str):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.bibtex = ""
        self._in_bibtex = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            self.meta[a.get("property") or a.get("name") or ""] = a.get("content", "")
        if tag == "pre" and "spets-cite__bibtex" in (a.get("class") or ""):
            self._in_bibtex = True

    def handle_endtag(self, tag):
        if tag == "pre":
            self._in_bibtex = False

    def handle_data(self, data):
        if self._in_bibtex:
            self.bibtex += data


def entries(site: Path):
    """(kind, YAML) for every method, tool and case study, straight from the files."""
    for kind in m.ENTRY_KINDS:
        for path in sorted((site / kind.folder).glob("*.yml")):
            yield kind, yaml.safe_load(path.read_text(encoding="utf-8"))


def page(site: Path, url: str) -> str:
    return (site / "site" / url / "index.html").read_text(encoding="utf-8")


def test_sitemap_lists_every_entry_page(built_fixture):
    sitemap = (built_fixture / "site" / "sitemap.xml").read_text(encoding="utf-8")
    locs = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    for kind, data in entries(built_fixture):
        assert f"{SITE_URL}{kind.url}/{data['id']}/" in locs
    assert {f"{SITE_URL}metoder/kort/", f"{SITE_URL}verktyg/kort/", f"{SITE_URL}data/"} <= locs


def test_meta_description_and_open_graph_come_from_the_entry(built_fixture):
    for kind, data in entries(built_fixture):
        url = f"{kind.url}/{data['id']}/"
        meta = Head(page(built_fixture, url)).meta
        assert meta["description"] == data["summary"].strip(), url
        assert meta["og:description"] == data["summary"].strip()
        assert meta["og:title"] == data["title"].strip()
        assert meta["og:url"] == SITE_URL + url
        assert meta["og:type"] == "article"
        assert meta["og:site_name"] == "SPETS kunskapsbank" and meta["og:locale"] == "sv_SE"
    home = Head(page(built_fixture, "")).meta
    assert home["og:type"] == "website" and home["og:title"] == "SPETS kunskapsbank"
    assert home["og:description"].startswith("Metoder, verktyg och fallstudier")


def ld(html: str) -> tuple[str, dict]:
    found = JSONLD.findall(html)
    assert len(found) == 1
    return found[0], json.loads(found[0])


def test_json_ld_describes_each_entry(built_fixture):
    for kind, data in entries(built_fixture):
        raw, doc = ld(page(built_fixture, f"{kind.url}/{data['id']}/"))
        assert doc["@context"] == "https://schema.org"
        assert doc["name"] == data["title"].strip() and doc["description"] == data["summary"].strip()
        assert doc["datePublished"] == str(data["published"])
        assert doc["url"].endswith(f"{kind.url}/{data['id']}/")
        if kind.name == "method":
            assert doc["@type"] == "HowTo"
            assert [s["@type"] for s in doc["step"]] == ["HowToStep"] * len(data["steps"])
            assert [s["position"] for s in doc["step"]] == list(range(1, len(data["steps"]) + 1))
        else:
            assert doc["@type"] == "CreativeWork"
    assert not JSONLD.search(page(built_fixture, "metoder/"))  # listings have none


def test_hostile_text_cannot_leave_the_json_ld_script(built_fixture):
    html = page(built_fixture, "metoder/fientlig/")
    raw, doc = ld(html)
    assert not set(raw) & set("<>&")
    title = yaml.safe_load((built_fixture / "methods" / "fientlig.yml").read_text(encoding="utf-8"))["title"]
    assert doc["name"] == title and "<script>" in title
    assert "<img src=x onerror=alert(1)>" in doc["description"]
    # The worst case, straight through the function that writes the element.
    hostile = {"name": "</script><script>alert(1)</script><!-- & \u2028"}
    text = spets_jsonld.script_text(hostile)
    assert not set(text) & set("<>&\u2028") and json.loads(text) == hostile


def offline_loader(url, options=None):
    """Resolves the schema.org context from an embedded copy of its one rule
    that matters here (@vocab); refuses every other URL, so no test touches
    the network."""
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url,
                "document": {"@context": {"@vocab": "https://schema.org/"}}}
    raise RuntimeError(f"no network in tests: {url}")


def test_a_json_ld_processor_reads_it_back(built_fixture):
    _, doc = ld(page(built_fixture, "metoder/styrgrupp/"))
    expanded = jsonld.expand(doc, {"documentLoader": offline_loader})
    assert len(expanded) == 1
    howto = expanded[0]
    assert howto["@type"] == ["https://schema.org/HowTo"]
    assert howto["https://schema.org/name"] == [{"@value": "Gemensam styrgrupp"}]
    steps = howto["https://schema.org/step"]
    assert [s["@type"] for s in steps] == [["https://schema.org/HowToStep"]] * 3
    assert steps[0]["https://schema.org/text"] == [{"@value": "Utse ledamöter från båda parter."}]
    _, case = ld(page(built_fixture, "fallstudier/chalmers-volvo-cars/"))
    expanded = jsonld.expand(case, {"documentLoader": offline_loader})
    assert expanded[0]["@type"] == ["https://schema.org/CreativeWork"]
    about = {a["https://schema.org/name"][0]["@value"] for a in expanded[0]["https://schema.org/about"]}
    assert "Volvo Cars" in about


def test_every_entry_page_has_a_citera_block(built_fixture):
    for kind, data in entries(built_fixture):
        url = f"{kind.url}/{data['id']}/"
        html = page(built_fixture, url)
        assert '<details class="quote spets-cite" data-search-ignore>' in html and "<summary>Citera</summary>" in html, url
        bib = Head(html).bibtex
        assert bib.startswith(f"@misc{{spets-{kind.url}-{data['id']},")
        assert re.search(r"url = \{[^}]*" + re.escape(url) + r"\}", bib)
        assert bib.count("{") == bib.count("}")
    hostile = Head(page(built_fixture, "metoder/fientlig/")).bibtex
    assert r"title = {Fientlig \textless{}script\textgreater{}alert('titel')\textless{}/script\textgreater{} \textbraceleft{}\textbraceleft{} 7*7" in hostile


def test_method_and_tool_pages_link_to_printing(built_fixture):
    for url in ("metoder/styrgrupp/", "verktyg/arsfragor/"):
        assert 'href="../kort/#' in page(built_fixture, url) and 'title="Skriv ut kortet"' in page(built_fixture, url)
    assert 'title="Skriv ut kortet"' not in page(built_fixture, "fallstudier/chalmers-volvo-cars/")
    assert 'href="kort/"' in page(built_fixture, "metoder/") and 'href="kort/"' in page(built_fixture, "verktyg/")


@pytest.fixture(scope="module")
def renderer():
    kb = KnowledgeBase.of(check_root(Path(__file__).parent / "fixtures" / "kb").entries)
    return Renderer(kb, SiteInfo(name="SPETS kunskapsbank", url="https://example.org/kb/", repo_url="", commit=""))


def test_permanent_url_with_a_site_url(renderer):
    text = renderer.page(renderer.kb.get("method", "styrgrupp"))
    assert "SPETS kunskapsbank. (2026, 10 januari). <em>Gemensam styrgrupp</em> [Metod]. https://example.org/kb/metoder/styrgrupp/" in text
    assert "url = {https://example.org/kb/metoder/styrgrupp/}" in text
    assert '<a href="https://example.org/kb/metoder/styrgrupp/">' in text
    meta = yaml.safe_load(text.split("---")[1])
    assert json.loads(meta["spets_jsonld"])["@id"] == "https://example.org/kb/metoder/styrgrupp/"
    assert meta["spets_print"] == "../kort/#styrgrupp"


def test_bibtex_escaping():
    assert cite.bibtex_escape(r"50% {x} #1 $ & _ ~ ^ \ <a>") == (
        r"50\% \textbraceleft{}x\textbraceright{} \#1 \$ \& \_ \textasciitilde{} \textasciicircum{} \textbackslash{} \textless{}a\textgreater{}")
    assert cite.bibtex_escape("två\nrader  här") == "två rader här"
    entry = m.Entry("method", "x", "methods/x.yml", 1, {"title": "A}B", "published": dt.date(2026, 1, 2)})
    record = cite.bibtex(entry, "https://example.org/x/")
    assert "title = {A\\textbraceright{}B}" in record and record.count("{") == record.count("}")


def test_citation_cff_is_valid_cff_1_2_0():
    # The rules of the CFF 1.2.0 schema that apply to the keys we use.
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    allowed = {"abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi",
               "identifiers", "keywords", "license", "license-url", "message", "preferred-citation",
               "references", "repository", "repository-artifact", "repository-code", "title", "type",
               "url", "version"}
    assert set(cff) <= allowed
    assert {"authors", "cff-version", "message", "title"} <= set(cff)
    assert cff["cff-version"] == "1.2.0" and cff["type"] in ("dataset", "software")
    assert all(isinstance(cff[k], str) and cff[k] for k in ("message", "title", "abstract"))
    assert cff["authors"] and all(set(a) <= {"name", "country", "website", "email"} and a["name"]
                                  for a in cff["authors"])
    assert cff["license"] == "CC-BY-4.0"
    for key in ("url", "repository-code"):
        assert re.match(r"^(https|http|ftp|sftp)://.+", cff[key])
    assert all(isinstance(k, str) and k for k in cff["keywords"])
    # The same addresses as the site's configuration.
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"site_url: {cff['url']}" in config and f"repo_url: {cff['repository-code']}" in config

"""The Atom feed of a real build: parsed by feedparser, and checked against
the rules of RFC 4287 with the standard library's XML parser."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import yaml

from spets import feed
from spets.knowledge import KnowledgeBase
from spets.check import check_root
from spets.site import SiteInfo

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def feed_bytes(site: Path) -> bytes:
    return (site / "site" / "feed.xml").read_bytes()


def yaml_of(site: Path, folder: str) -> dict[str, dict]:
    docs = (yaml.safe_load(p.read_text(encoding="utf-8")) for p in (site / folder).glob("*.yml"))
    return {d["id"]: d for d in docs}


def test_feedparser_reads_a_valid_atom_feed(built_fixture):
    parsed = feedparser.parse(feed_bytes(built_fixture))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title.startswith("SPETS kunskapsbank")
    assert parsed.feed.language == "sv"
    sources = {**yaml_of(built_fixture, "methods"), **yaml_of(built_fixture, "case_studies")}
    assert len(parsed.entries) == len(sources)
    dates = [e.published_parsed for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)  # newest first
    for e in parsed.entries:
        entry_id = e.id.rstrip("/").rsplit("/", 1)[1]
        assert e.link == e.id
        assert e.published.startswith(str(sources[entry_id]["published"]))


def test_atom_rules(built_fixture):
    root = ET.fromstring(feed_bytes(built_fixture))
    assert root.tag == f"{A}feed"

    def one(el, tag):
        found = el.findall(f"{A}{tag}")
        assert len(found) == 1, (tag, len(found))
        return found[0]

    # atom:feed: exactly one id, title and updated; an author, since entries have none.
    assert one(root, "id").text == "https://spets-kunskapsbank.github.io/kunskapsbank/"
    assert one(root, "title").text
    assert RFC3339.match(one(root, "updated").text)
    assert one(one(root, "author"), "name").text == "SPETS kunskapsbank"
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{A}link")}
    assert links["self"] == "https://spets-kunskapsbank.github.io/kunskapsbank/feed.xml"
    entries = root.findall(f"{A}entry")
    assert entries
    ids = [one(e, "id").text for e in entries]
    assert len(set(ids)) == len(ids)
    # The feed's updated is its newest entry's, never the build time.
    assert one(root, "updated").text == max(one(e, "updated").text for e in entries)
    for e in entries:
        assert ids and one(e, "id").text.startswith("https://")
        assert one(e, "title").get("type") == "text" and one(e, "title").text
        assert RFC3339.match(one(e, "updated").text) and RFC3339.match(one(e, "published").text)
        alternate = [link for link in e.findall(f"{A}link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternate) == 1 and alternate[0].get("type") == "text/html"
        assert one(e, "summary").get("type") == "text"
        assert one(e, "category").get("term") in ("method", "case_study")


def test_text_is_escaped_plain_text(built_fixture):
    raw = feed_bytes(built_fixture).decode("utf-8")
    assert "<script>" not in raw and "<b>" not in raw and "&lt;script&gt;" in raw
    hostile = yaml_of(built_fixture, "methods")["fientlig"]
    entry = next(e for e in ET.fromstring(raw.encode()).findall(f"{A}entry")
                 if e.find(f"{A}id").text.endswith("/metoder/fientlig/"))
    # Read back, the text is exactly what the contributor wrote.
    assert entry.find(f"{A}title").text == hostile["title"]
    assert entry.find(f"{A}summary").text == hostile["summary"]


def test_every_page_announces_the_feed(built_fixture):
    site = built_fixture / "site"
    pages = list(site.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = html[:html.index("</head>")]
        match = re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', head)
        assert match, path
        if path.name == "404.html":  # served at any address, so its links start at the site's root
            assert match[1] == "/kunskapsbank/feed.xml"
            continue
        target = posixpath.normpath(posixpath.join(path.parent.relative_to(site).as_posix(), match[1]))
        # Each edition announces its own feed.
        here = path.parent.relative_to(site).as_posix()
        assert target == ("en/feed.xml" if here == "en" or here.startswith("en/") else "feed.xml"), (path, match[1])


def test_no_feed_without_a_site_url():
    kb = KnowledgeBase.of(check_root(Path(__file__).parent / "fixtures" / "kb").entries)
    assert feed.files(kb, SiteInfo(name="SPETS kunskapsbank", url="", repo_url="", commit="")) == {}
    with_url = feed.files(kb, SiteInfo(name="SPETS kunskapsbank", url="https://example.org/kb", repo_url="", commit=""))
    assert b"<id>https://example.org/kb/metoder/styrgrupp/</id>" in with_url["feed.xml"]

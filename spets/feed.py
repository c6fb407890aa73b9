"""An Atom feed (RFC 4287) of new methods and case studies, at feed.xml.

Entry ids are the entries' permanent URLs, so the feed needs site_url; without
one there is no feed (and the theme announces none). <updated> is the newest
published date, never the build time: two builds give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .knowledge import KnowledgeBase
from .site import LICENSE, SiteInfo

ATOM = "http://www.w3.org/2005/Atom"
KINDS = ("method", "case_study")
LIMIT = 50
EMPTY_UPDATED = "1970-01-01T00:00:00Z"  # a feed must say when it changed, even when empty


def _time(date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def atom(kb: KnowledgeBase, site: SiteInfo) -> bytes:
    ET.register_namespace("", ATOM)

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        el.text = text
        return el

    base = site.url.rstrip("/") + "/"
    entries = kb.newest(KINDS, LIMIT)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "sv"})
    sub(feed, "id", base)
    sub(feed, "title", f"{site.name}: nya metoder och fallstudier", type="text")
    sub(feed, "subtitle", "Metoder och fallstudier om strategiska partnerskap mellan lärosäten "
                          "och organisationer utanför akademin, nyast först.", type="text")
    sub(feed, "updated", _time(entries[0].published) if entries else EMPTY_UPDATED)
    author = sub(feed, "author")
    sub(author, "name", site.name)
    sub(author, "uri", base)
    sub(feed, "link", rel="self", type="application/atom+xml", href=base + "feed.xml")
    sub(feed, "link", rel="alternate", type="text/html", href=base)
    sub(feed, "rights", f"Innehållet får återanvändas enligt {LICENSE}.", type="text")
    for e in entries:
        url = site.permalink(e.url)
        item = sub(feed, "entry")
        sub(item, "id", url)
        sub(item, "title", e.title, type="text")
        sub(item, "link", rel="alternate", type="text/html", href=url)
        sub(item, "published", _time(e.published))
        sub(item, "updated", _time(e.published))
        sub(item, "category", term=e.kind, label=e.kind_def.label.capitalize())
        sub(item, "summary", e.summary, type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def files(kb: KnowledgeBase, site: SiteInfo) -> dict[str, bytes]:
    return {"feed.xml": atom(kb, site)} if site.url else {}

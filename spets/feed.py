"""An Atom feed (RFC 4287) of new methods and case studies, at feed.xml, and
the English edition's at en/feed.xml.

Entry ids are the entries' permanent URLs, so the feed needs site_url; without
one there is no feed (and the theme announces none). <updated> is the newest
published date, never the build time: two builds give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from . import english
from .knowledge import KnowledgeBase
from .site import LICENSE, SiteInfo

ATOM = "http://www.w3.org/2005/Atom"
KINDS = ("method", "case_study")
LIMIT = 50
EMPTY_UPDATED = "1970-01-01T00:00:00Z"  # a feed must say when it changed, even when empty


def _time(date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


# The feed's own words, per language.
WORDS = {
    "sv": {"title": "{name}: nya metoder och fallstudier",
           "subtitle": "Metoder och fallstudier om strategiska partnerskap mellan lärosäten "
                       "och organisationer utanför akademin, nyast först.",
           "rights": "Innehållet får återanvändas enligt {licence}."},
    "en": {"title": "{name}: new methods and case studies",
           "subtitle": "Methods and case studies on strategic partnerships between higher education "
                       "institutions and organisations outside academia, newest first.",
           "rights": "The content may be reused under {licence}."},
}


def path(lang: str = "sv") -> str:
    return "feed.xml" if lang == "sv" else f"{lang}/feed.xml"


def atom(kb: KnowledgeBase, site: SiteInfo, lang: str = "sv") -> bytes:
    """The feed of one edition: `kb` is the knowledge base in that language."""
    ET.register_namespace("", ATOM)
    words = WORDS[lang]
    name = english.strings(lang)(site.name)

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        el.text = text
        return el

    base = site.url.rstrip("/") + "/"
    entries = kb.newest(KINDS, LIMIT)
    home = base if lang == "sv" else f"{base}{lang}/"
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    sub(feed, "id", home)
    sub(feed, "title", words["title"].format(name=name), type="text")
    sub(feed, "subtitle", words["subtitle"], type="text")
    sub(feed, "updated", _time(entries[0].published) if entries else EMPTY_UPDATED)
    author = sub(feed, "author")
    sub(author, "name", name)
    sub(author, "uri", base)
    sub(feed, "link", rel="self", type="application/atom+xml", href=base + path(lang))
    sub(feed, "link", rel="alternate", type="text/html", href=home)
    sub(feed, "rights", words["rights"].format(licence=LICENSE), type="text")
    for e in entries:
        url = site.permalink(e.url)
        item = sub(feed, "entry")
        sub(item, "id", url)
        sub(item, "title", e.title, type="text")
        sub(item, "link", rel="alternate", type="text/html", href=url)
        sub(item, "published", _time(e.published))
        sub(item, "updated", _time(e.published))
        sub(item, "category", term=e.kind, label=e.kind_def.label_in(lang).capitalize())
        sub(item, "summary", e.summary, type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def files(kb: KnowledgeBase, site: SiteInfo) -> dict[str, bytes]:
    if not site.url:
        return {}
    return {path("sv"): atom(kb, site), path("en"): atom(english.view(kb), site, "en")}

"""schema.org JSON-LD for an entry page: HowTo for methods, CreativeWork for
tools and case studies.

The data goes into a <script type="application/ld+json"> element, where the
HTML parser ends the script at the first '</script'. So every '<', '>' and
'&' is written as a JSON escape (\\u003c …): the JSON means the same, and no
contributor text can close the element.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from . import model as m
from .knowledge import KnowledgeBase
from .markdown_safe import to_html
from .site import LICENSE_URL

CONTEXT = "https://schema.org"
_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                "\u2028": "\\u2028", "\u2029": "\\u2029"}


def plain(markdown_text: str | None, html=to_html) -> str:
    """Contributor Markdown as plain text (rendered safely, then stripped)."""
    return Markup(html(markdown_text)).striptags() if markdown_text else ""


def data(kb: KnowledgeBase, entry: m.Entry, url: str, site_name: str, html=to_html) -> dict:
    """`html` renders Markdown; the renderer passes its cached one."""
    out = {
        "@context": CONTEXT,
        "@type": "HowTo" if entry.kind == "method" else "CreativeWork",
        "@id": url,
        "url": url,
        "name": entry.title,
        "description": entry.summary,
        "inLanguage": entry.lang,
        "datePublished": entry.published.isoformat(),
        "genre": entry.kind_def.label_in(entry.lang).capitalize(),
        "keywords": [t.name for t in kb.linked(entry, "topic")],
        "license": LICENSE_URL,
        "isPartOf": {"@type": "WebSite", "name": site_name},
    }
    if entry.kind == "method":
        out["step"] = [{"@type": "HowToStep", "position": i, "text": plain(step, html)}
                       for i, step in enumerate(entry.steps, 1)]
        out["tool"] = [{"@type": "HowToTool", "name": t.title} for t in kb.linked(entry, "tool")]
    elif entry.kind == "tool":
        out["learningResourceType"] = m.TOOL_KINDS[entry.type]
    else:
        out["about"] = (
            [{"@type": "CollegeOrUniversity", "name": i.name} for i in kb.linked(entry, "larosate")]
            + [{"@type": "Organization", "name": p["name"]} for p in entry.partners])
        out["temporalCoverage"] = f"{entry.started}/{entry.ended or '..'}"
    if out["keywords"] == []:
        del out["keywords"]
    if out.get("tool") == []:
        del out["tool"]
    if entry.sources:
        out["citation"] = [{"@type": "CreativeWork", "name": s["title"], "url": s["url"]}
                           for s in entry.sources]
    return out


def script_text(value: dict) -> str:
    """JSON that is safe as the text of a <script> element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char, escaped in _SCRIPT_SAFE.items():
        text = text.replace(char, escaped)
    return text

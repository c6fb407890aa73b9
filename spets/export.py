"""Open data: the knowledge base as JSON and CSV, beside the pages under data/.

Every file is a pure function of the records and the build's commit: entries
sorted by id, keys in the model's field order, no timestamps, so two builds
of the same commit give identical bytes. The conventions below are also
described, in Swedish, on the codebook page (templates/codebook.md.j2).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import TYPE_CHECKING

from . import model as m
from .index import KnowledgeBase, refs

if TYPE_CHECKING:  # outputs imports this module to list it as a producer
    from .outputs import SiteInfo

SCHEMA_VERSION = "1.0"
LICENSE = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
LIST_SEPARATOR = " | "  # between the items of a list field in a CSV cell
# A spreadsheet takes a cell starting with one of these for a formula. Such
# a cell gets a leading apostrophe; so does one that starts with an
# apostrophe, which makes the rule reversible: drop one leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def file_name(kind: m.Kind) -> str:
    """'metoder', 'amnen', 'begrepp': a kind's file name under data/."""
    return kind.url or kind.plural


def permalink(site: SiteInfo, entry: m.Entry) -> str:
    """The entry's permanent URL, or its site-relative URL without a site_url."""
    return site.url.rstrip("/") + "/" + entry.url if site.url and entry.url else entry.url


# ---------------------------------------------------------------------- JSON


def _value(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _value(v) for k, v in value.items()}
    return value


def ref_urls(kb: KnowledgeBase, site: SiteInfo, entry: m.Entry) -> dict[str, list[str]]:
    """The URL of every reference, by field path ('phases', 'partners.sector'),
    in the same order as the ids in the field."""
    out: dict[str, list[str]] = {}
    for path, kind, id_ in refs(entry.data, entry.kind_def.fields):
        out.setdefault(path, []).append(permalink(site, kb.get(kind, id_)))
    return out


def record(kb: KnowledgeBase, site: SiteInfo, entry: m.Entry) -> dict:
    """One entry as open data: every field of its kind (absent ones as null or
    []), its own URL (null for glossary terms, which have no page of their
    own), and the URLs of what it refers to."""
    out = {"kind": entry.kind, "id": entry.id, "url": permalink(site, entry) or None}
    out.update((f.name, _value(entry.data.get(f.name))) for f in entry.kind_def.fields)
    out["ref_urls"] = ref_urls(kb, site, entry)
    return out


def _sorted(kb: KnowledgeBase, kind: str) -> list[m.Entry]:
    return sorted(kb.all(kind), key=lambda e: e.id)


def json_bytes(data) -> bytes:
    """JSON as the site publishes it: UTF-8, indented, sorted by the caller."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def knowledge_base_json(kb: KnowledgeBase, site: SiteInfo) -> bytes:
    return json_bytes({
        "schema_version": SCHEMA_VERSION,
        "commit": site.commit,
        "site": site.url,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "entries": {k.name: [record(kb, site, e) for e in _sorted(kb, k.name)] for k in m.ENTRY_KINDS},
        "vocabularies": {k.name: [record(kb, site, e) for e in _sorted(kb, k.name)] for k in m.VOCABULARIES},
    })


def vocabulary_json(kb: KnowledgeBase, site: SiteInfo, kind: m.Kind) -> bytes:
    return json_bytes({
        "schema_version": SCHEMA_VERSION,
        "commit": site.commit,
        "kind": kind.name,
        "license": LICENSE,
        "items": [record(kb, site, e) for e in _sorted(kb, kind.name)],
    })


# ----------------------------------------------------------------------- CSV


def columns(kind: m.Kind) -> list[str]:
    """CSV columns: 'url', then each field in model order; an object's fields
    as 'field.part' (effort.level, partners.name, sources.url)."""
    out = ["url"]
    for f in kind.fields:
        t = f.item_type
        if isinstance(t, m.Object):
            out += [f"{f.name}.{part.name}" for part in t.fields]
        else:
            out.append(f.name)
    return out


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def join_list(items) -> str:
    """List items in one cell, separated by ' | '; a backslash or '|' inside an
    item is written '\\\\' or '\\|', so the cell splits back unambiguously."""
    return LIST_SEPARATOR.join(_text(i).replace("\\", "\\\\").replace("|", "\\|") for i in items)


def neutralise(cell: str) -> str:
    """Keep spreadsheets from running a cell as a formula (CSV injection)."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def row(site: SiteInfo, entry: m.Entry) -> list[str]:
    out = [permalink(site, entry)]
    for f in entry.kind_def.fields:
        value = entry.data.get(f.name)
        t = f.item_type
        if isinstance(t, m.Object):
            items = (value or []) if isinstance(f.type, m.List) else [value]
            for part in t.fields:
                parts = [i.get(part.name) for i in items if i]
                out.append(join_list(parts) if isinstance(f.type, m.List) else _text(parts[0] if parts else None))
        elif isinstance(f.type, m.List):
            out.append(join_list(value or []))
        else:
            out.append(_text(value))
    return [neutralise(c) for c in out]


def kind_csv(kb: KnowledgeBase, site: SiteInfo, kind: m.Kind) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns(kind))
    writer.writerows(row(site, e) for e in _sorted(kb, kind.name))
    # The byte-order mark tells Excel the file is UTF-8, so å, ä and ö show.
    return buf.getvalue().encode("utf-8-sig")


# ------------------------------------------------------------------ producer


def files(kb: KnowledgeBase, site: SiteInfo) -> dict[str, bytes]:
    out = {"data/kunskapsbank.json": knowledge_base_json(kb, site)}
    for kind in m.ENTRY_KINDS:
        out[f"data/{file_name(kind)}.csv"] = kind_csv(kb, site, kind)
    for kind in m.VOCABULARIES:
        out[f"data/{file_name(kind)}.json"] = vocabulary_json(kb, site, kind)
    return out

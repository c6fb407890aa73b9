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

from . import english
from . import model as m
from .codebook import SCHEMA_VERSION, csv_file, file_name
from .knowledge import KnowledgeBase, refs
from .site import LICENSE, LICENSE_URL, SiteInfo, json_bytes

# A spreadsheet takes a cell starting with one of these for a formula. Such
# a cell gets a leading apostrophe; so does one that starts with an
# apostrophe, which makes the rule reversible: drop one leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


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
        out.setdefault(path, []).append(site.permalink(kb.get(kind, id_).url))
    return out


def entry_data(kb: KnowledgeBase, site: SiteInfo, entry: m.Entry) -> dict:
    """One entry as open data: every field of its kind (absent ones as null or
    []), its own URL (null for glossary terms, which have no page of their
    own), and the URLs of what it refers to."""
    out = {"kind": entry.kind, "id": entry.id, "url": site.permalink(entry.url) or None}
    out.update((f.name, _value(entry.data.get(f.name))) for f in entry.kind_def.fields)
    out["ref_urls"] = ref_urls(kb, site, entry)
    return out


def _sorted(kb: KnowledgeBase, kind: str) -> list[m.Entry]:
    return sorted(kb.all(kind), key=lambda e: e.id)


def knowledge_base_json(kb: KnowledgeBase, site: SiteInfo) -> bytes:
    return json_bytes({
        "schema_version": SCHEMA_VERSION,
        "commit": site.commit,
        "site": site.url,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "entries": {k.name: [entry_data(kb, site, e) for e in _sorted(kb, k.name)] for k in m.ENTRY_KINDS},
        "vocabularies": {k.name: [entry_data(kb, site, e) for e in _sorted(kb, k.name)] for k in m.VOCABULARIES},
    })


def vocabulary_json(kb: KnowledgeBase, site: SiteInfo, kind: m.Kind) -> bytes:
    return json_bytes({
        "schema_version": SCHEMA_VERSION,
        "commit": site.commit,
        "kind": kind.name,
        "license": LICENSE,
        "items": [entry_data(kb, site, e) for e in _sorted(kb, kind.name)],
    })


# ----------------------------------------------------------------------- CSV


def columns(kind: m.Kind) -> list[str]:
    """CSV columns: 'url', then each field in model order; an object's fields
    as 'field.part' (effort.level, partners.name, sources.url)."""
    out = ["url"]
    for f in _csv_fields(kind):
        t = f.item_type
        if isinstance(t, m.Object):
            out += [f"{f.name}.{part.name}" for part in t.fields]
        else:
            out.append(f.name)
    return out


def _csv_fields(kind: m.Kind) -> list[m.Field]:
    """The fields of a CSV file: one language per file, so not `en` (the
    JSON has both languages, the English CSV the English view)."""
    return [f for f in kind.fields if f.name != "en"]


def neutralise(cell: str) -> str:
    """Keep spreadsheets from running a cell as a formula (CSV injection)."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def row(site: SiteInfo, entry: m.Entry) -> list[str]:
    """One CSV row; each field type writes its own cell, an object one cell per part."""
    out = [site.permalink(entry.url)]
    for f in _csv_fields(entry.kind_def):
        value = entry.data.get(f.name)
        t = f.item_type
        if isinstance(t, m.Object) and isinstance(f.type, m.List):
            out += [m.List(part.type).cell([item.get(part.name) for item in value or []]) for part in t.fields]
        elif isinstance(t, m.Object):
            out += [part.type.cell((value or {}).get(part.name)) for part in t.fields]
        else:
            out.append(f.type.cell(value))
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
    in_english = english.view(kb)
    for kind in m.ENTRY_KINDS:
        out[f"data/{csv_file(kind)}"] = kind_csv(kb, site, kind)
        # The same columns in English (a field without English keeps its Swedish text).
        out[f"data/{csv_file(kind, 'en')}"] = kind_csv(in_english, site, kind)
    for kind in m.VOCABULARIES:
        out[f"data/{file_name(kind)}.json"] = vocabulary_json(kb, site, kind)
    return out

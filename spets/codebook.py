"""The codebook: the open data's conventions and each field of the model
described in Swedish, for the page data/ (templates/codebook.md.j2).
Generated from model.py, so the description of the open data cannot drift
from the data itself; export.py writes the files by the same conventions."""

from __future__ import annotations

from . import model as m

SCHEMA_VERSION = "1.0"


def file_name(kind: m.Kind) -> str:
    """'metoder', 'amnen', 'begrepp': a kind's file name under data/."""
    return kind.url or kind.plural


def rows(kind: m.Kind) -> list[dict]:
    """One row per field, and one per part of an object field, in model order."""
    out = []
    for f in kind.fields:
        out.append({"name": f.name, "label": f.label, "type": f.type.describe(),
                    "required": f.required, "help": f.help})
        t = f.item_type
        if isinstance(t, m.Object):
            out += [{"name": f"{f.name}.{p.name}", "label": p.label, "type": p.type.describe(),
                     "required": p.required, "help": p.help} for p in t.fields]
    return out

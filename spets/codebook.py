"""The codebook: the open data's conventions and each field of the model
described, for the pages data/ and en/data/ (templates/codebook.md.j2).
Generated from model.py, so the description of the open data cannot drift
from the data itself; export.py writes the files by the same conventions."""

from __future__ import annotations

from . import english
from . import model as m

SCHEMA_VERSION = "1.0"


def file_name(kind: m.Kind) -> str:
    """'metoder', 'amnen', 'begrepp': a kind's file name under data/."""
    return kind.url or kind.plural


def csv_file(kind: m.Kind, lang: str = "sv") -> str:
    """A kind's CSV file under data/ in one language: 'metoder.csv', 'en/methods.csv'."""
    return f"en/{kind.url_en}.csv" if lang == "en" else f"{file_name(kind)}.csv"


def rows(kind: m.Kind, lang: str = "sv") -> list[dict]:
    """One row per field, and one per part of an object field, in model order,
    in `lang`: the English of a label or help text is in english.FIELD_TEXTS."""
    t = english.strings(lang)
    out = []
    for f in kind.fields:
        out.append({"name": f.name, "label": t(f.label), "type": f.type.describe(lang),
                    "required": f.required, "help": t(f.help)})
        part = f.item_type
        if isinstance(part, m.Object):
            out += [{"name": f"{f.name}.{p.name}", "label": t(p.label), "type": p.type.describe(lang),
                     "required": p.required, "help": t(p.help)} for p in part.fields]
    return out

"""The codebook: each field of the model described in Swedish, for the page
data/ (templates/codebook.md.j2). Generated from model.py, so the
description of the open data cannot drift from the data itself."""

from __future__ import annotations

from . import model as m


def type_text(t) -> str:
    """A field's type in Swedish words: 'lista med id:n från faser' …"""
    if isinstance(t, m.Text):
        return f"{'Markdown' if t.markdown else 'text'}, högst {t.max_len} tecken"
    if isinstance(t, m.Choice):
        return "ett av: " + ", ".join(f"{k} ({v.lower()})" for k, v in t.options.items())
    if isinstance(t, m.Year):
        return f"årtal, {t.min}–{t.max}"
    if isinstance(t, m.Date):
        return "datum, ÅÅÅÅ-MM-DD"
    if isinstance(t, m.Bool):
        return "true eller false"
    if isinstance(t, m.Url):
        return "webbadress (" + ", ".join(t.schemes) + ")"
    if isinstance(t, m.Ref):
        return f"id från {m.KINDS[t.kind].plural}"
    if isinstance(t, m.Path):
        return f"sökväg till en fil under docs/{t.under}/"
    if isinstance(t, m.List):
        if isinstance(t.item, m.Ref):
            item = f"id:n från {m.KINDS[t.item.kind].plural}"
        elif isinstance(t.item, m.Object):
            item = "objekt med " + ", ".join(f.name for f in t.item.fields)
        else:
            item = type_text(t.item)
        least = f", minst {t.min_items}" if t.min_items else ""
        return f"lista ({item}{least}, högst {t.max_items})"
    if isinstance(t, m.Object):
        return "objekt med " + ", ".join(f.name for f in t.fields)
    raise TypeError(f"okänd fälttyp {t!r}")


def rows(kind: m.Kind) -> list[dict]:
    """One row per field, and one per part of an object field, in model order."""
    out = []
    for f in kind.fields:
        out.append({"name": f.name, "label": f.label, "type": type_text(f.type),
                    "required": f.required, "help": f.help})
        t = f.item_type
        if isinstance(t, m.Object):
            out += [{"name": f"{f.name}.{p.name}", "label": p.label, "type": type_text(p.type),
                     "required": p.required, "help": p.help} for p in t.fields]
    return out

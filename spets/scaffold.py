"""The commented Swedish template that `spets new` writes, made from the schema.

Because it is generated from model.py it can never disagree with the check:
its first line names the JSON Schema (json_schema.py) for editors, and
every field is there, with its help text, required fields first filled with
empty values that the check will point at until they are written.
"""

from __future__ import annotations

import datetime as dt

from . import model as m
from .json_schema import modeline

HEADER = """\
# {title}
#
# Fyll i fälten nedan. Rader som börjar med # är förklaringar och kan stå kvar.
# Valfria fält är bortkommenterade: ta bort # framför dem om du vill använda dem.
# Kontrollera filen med `spets check` (eller låt den automatiska kontrollen i
# pull requesten göra det): varje problem anges med rad och fält. Så länge ett
# obligatoriskt fält är tomt pekar kontrollen på det.
"""
# What `spets new` prints after writing the file.
NEXT_STEPS = """\
Skapade {path}. Så här går du vidare:
  1. Fyll i fälten i filen; förklaringen till varje fält står på raden ovanför.
  2. Kör `spets check` (i en klon: .venv/bin/spets check) tills den skriver "Inga problem".
  3. Skicka in filen som en pull request; CONTRIBUTING.md beskriver hur."""


def template(kind: m.Kind, id_: str, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    # The schema line first: VS Code's YAML extension then completes and checks the file.
    lines = [modeline(kind) + "\n" + HEADER.format(title=f"Ny {kind.label}: {id_}")]
    for f in sorted(kind.fields, key=lambda f: not f.required):
        lines.append(_comment(f))
        example = _example(f, id_, today)
        if not f.required:
            example = "\n".join("# " + line for line in example.splitlines())
        lines.append(example + "\n")
    return "\n".join(lines)


def _comment(f: m.Field) -> str:
    need = "obligatoriskt" if f.required else "valfritt"
    text = f"# {f.label} ({need}): {f.help}"
    t = f.item_type
    if isinstance(t, m.Choice):
        text += "\n#   Tillåtna värden: " + ", ".join(f"{k} ({v.lower()})" for k, v in t.options.items())
    if isinstance(f.type, m.Text) and f.type.markdown:
        text += "\n#   Skriv texten på raderna under, indragna med två mellanslag; en tom rad gör ett nytt stycke."
    return text


def _example(f: m.Field, id_: str, today: dt.date) -> str:
    return f"id: {id_}" if f.name == "id" else f.type.example(f.name, today)

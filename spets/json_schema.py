"""A JSON Schema per kind, generated from the one model (each field type says its own).

Editors (VS Code's YAML extension via the `# yaml-language-server: $schema=…`
line at the top of each file) complete keys and underline mistakes with it,
and the contribution form on the site validates with it in the browser. It is
written from model.py, so it says what `spets check` says, with limits that
JSON Schema cannot express and that only `spets check` finds: an id that
differs from the file name, a date or a start year in the future, and an end
year before the start year or at odds with the status (the form checks all
but the first itself, in check.py's words: docs/assets/bidra/checks.js).
One difference runs the
other way: a bare number or date where text is expected (`title: 2017`) is
text to `spets check`, which reads every value as written, but a number to
JSON Schema; editors then ask for quotes, which is harmless.

References list the valid ids as `enum`, with the Swedish names beside them in
`enumDescriptions` (shown by VS Code), so the committed copies under schema/
change whenever a method, tool or vocabulary item is added: `spets schema`
writes them again, and a test fails while they are out of date. The site
publishes the same files under /schema/ (see PRODUCERS in outputs.py).
"""

from __future__ import annotations

from pathlib import Path as FsPath

from . import model as m
from .knowledge import KnowledgeBase
from .site import json_bytes

DIALECT = "http://json-schema.org/draft-07/schema#"
FOLDER = "schema"  # at the repository root, and under the site's root
MODELINE = "# yaml-language-server: $schema="


def file_name(kind: m.Kind) -> str:
    return f"{kind.name}.schema.json"


def modeline(kind: m.Kind) -> str:
    """The first line of every YAML file of this kind: a relative path to the
    committed schema, so that it works in a local clone without a network."""
    return f"{MODELINE}../{FOLDER}/{file_name(kind)}"


def for_kind(kind: m.Kind, kb: KnowledgeBase) -> dict:
    """The JSON Schema (draft-07) of one kind, with the ids that exist in kb."""
    def ids(kind_name: str) -> list[tuple[str, str]]:
        return [(e.id, e.heading) for e in kb.all(kind_name)]

    fields = m.Object(kind.fields).schema(ids)
    schema = {
        "$schema": DIALECT,
        "title": f"{kind.label.capitalize()} i SPETS kunskapsbank",
    }
    if kind.is_vocabulary:
        schema["description"] = (f"taxonomy/{kind.file}: {kind.plural}, var och en under sitt id "
                                 "(små bokstäver a–z, siffror och bindestreck).")
        schema.update({
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": m.ID_PATTERN.pattern, "patternErrorMessage": m.ID_MESSAGE},
            "additionalProperties": fields,
        })
    else:
        schema["description"] = (f"En fil i {kind.folder}/ per {kind.label}; filnamnet är id:t. "
                                 f"Skapa en ny med `spets new`. Kontrollera med `spets check`.")
        schema.update(fields)
        if kind.requires:
            schema["allOf"] = [_requires(rule) for rule in kind.requires]
    return schema


def _requires(rule: m.Requires) -> dict:
    """A field required when another has a value, with check.py's message."""
    return {"if": {"properties": {rule.field: {"const": rule.value}}, "required": [rule.field]},
            "then": {"required": [rule.required]},
            "errorMessage": m.requires_message(rule)}


def all_schemas(kb: KnowledgeBase) -> dict[str, bytes]:
    """{file name: JSON bytes} for every kind, exactly as committed and published."""
    return {file_name(kind): json_bytes(for_kind(kind, kb)) for kind in m.KINDS.values()}


def files(kb: KnowledgeBase, site) -> dict[str, bytes]:
    """The same files under /schema/ on the site."""
    return {f"{FOLDER}/{name}": content for name, content in all_schemas(kb).items()}


# ------------------------------------------------------------- committed copy


def stale(root: FsPath, kb: KnowledgeBase, wanted: dict[str, bytes] | None = None) -> list[str]:
    """Files under root/schema/ that are missing, different or left over."""
    folder = root / FOLDER
    wanted = wanted if wanted is not None else all_schemas(kb)
    out = [name for name, content in wanted.items()
           if not (folder / name).is_file() or (folder / name).read_bytes() != content]
    if folder.is_dir():
        out += [p.name for p in folder.glob("*.schema.json") if p.name not in wanted]
    return sorted(out)


def write(root: FsPath, kb: KnowledgeBase) -> list[str]:
    """Write the committed copies; return the names of the files that changed."""
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    wanted = all_schemas(kb)
    changed = stale(root, kb, wanted)
    for name in changed:
        if name in wanted:
            (folder / name).write_bytes(wanted[name])
        else:
            (folder / name).unlink()
    return changed


def add_modeline(text: str, kind: m.Kind) -> str:
    """text with the schema line first: added, or replacing an older one."""
    text = text.removeprefix("\ufeff")
    first, sep, rest = text.partition("\n")
    if first.startswith(MODELINE):
        text = rest if sep else ""
    return modeline(kind) + ("\r\n" if "\r\n" in text else "\n") + text

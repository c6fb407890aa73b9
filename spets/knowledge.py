"""The knowledge base: checked entries indexed by kind and id, links both ways.

Every reference in every entry (a case's `methods`, a tool's `phases`, a
partner's `sector` …) is recorded once as an edge. `linked()` then answers
both directions with the same data: a method's tools are the tools it names
plus the tools that name it, and a method's cases are the cases that name it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from types import MappingProxyType

from . import model as m

Key = tuple[str, str]  # (kind, id)


@dataclass(frozen=True)
class KnowledgeBase:
    by_kind: MappingProxyType  # kind -> {id: Entry}, ids in a stable order
    _linked: MappingProxyType = field(repr=False)  # Key -> {kind: sorted entries}, both directions

    def get(self, kind: str, id_: str) -> m.Entry:
        return self.by_kind[kind][id_]

    def all(self, kind: str) -> list[m.Entry]:
        return list(self.by_kind[kind].values())

    def linked(self, entry: m.Entry, kind: str) -> list[m.Entry]:
        """Entries of `kind` that this entry refers to or that refer to it."""
        return list(self._linked.get((entry.kind, entry.id), {}).get(kind, ()))

    def newest(self, kinds, n: int) -> list[m.Entry]:
        """The n last published entries of one or more kinds; ties by id, so
        the start page and the feed agree."""
        kinds = [kinds] if isinstance(kinds, str) else kinds
        entries = [e for kind in kinds for e in self.all(kind)]
        return sorted(entries, key=lambda e: (e.published, e.id), reverse=True)[:n]

    @classmethod
    def of(cls, entries) -> KnowledgeBase:
        """The knowledge base of checked entries (check.py's result)."""
        return _assemble(entries)


def sort_key(entry: m.Entry):
    """Phases keep their file order (it is the lifecycle); the rest go by title."""
    if entry.kind == "phase":
        return (f"{entry.line:08d}", "")
    return ((entry.data.get("title") or entry.data.get("name") or "").casefold(), entry.id)


def _assemble(entries) -> KnowledgeBase:
    by_kind: dict[str, dict[str, m.Entry]] = {k: {} for k in m.KINDS}
    for entry in entries:
        by_kind[entry.kind][entry.id] = entry
    for kind, items in by_kind.items():
        by_kind[kind] = dict(sorted(items.items(), key=lambda kv: sort_key(kv[1])))

    edges: dict[Key, set[Key]] = defaultdict(set)
    for entry in entries:
        here = (entry.kind, entry.id)
        for _, kind, id_ in refs(entry.data, entry.kind_def.fields):
            target = (kind, id_)
            edges[here].add(target)
            edges[target].add(here)
    # Sorted once here: pages ask for the same lists many times over.
    linked: dict[Key, dict[str, tuple]] = {}
    for key, targets in edges.items():
        groups: dict[str, list] = defaultdict(list)
        for kind, id_ in targets:
            groups[kind].append(by_kind[kind][id_])
        linked[key] = {kind: tuple(sorted(items, key=sort_key)) for kind, items in groups.items()}
    return KnowledgeBase(
        MappingProxyType({k: MappingProxyType(v) for k, v in by_kind.items()}),
        MappingProxyType(linked),
    )


def refs(data: dict, fields, prefix: str = ""):
    """(field path, kind, id) of every reference in a record's data, nested
    objects included, in field order: ("partners.sector", "sector", "naringsliv")."""
    for f in fields:
        t = f.item_type
        values = data.get(f.name) if isinstance(f.type, m.List) else [data.get(f.name)]
        for v in values or []:
            if v is None:
                continue
            if isinstance(t, m.Ref):
                yield prefix + f.name, t.kind, v
            elif isinstance(t, m.Object):
                yield from refs(v, t.fields, prefix + f.name + ".")

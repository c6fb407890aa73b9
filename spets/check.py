"""Step 2: check node trees against the schema and turn them into entries.

One walk per file does everything: types, required and unknown fields,
references to other entries (with the id universe collected first, from file
names and vocabulary keys, so that one broken file never causes a cascade of
"unknown id" problems elsewhere). Every problem names file, line and field.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import gc
import re
from dataclasses import dataclass
from pathlib import Path as FsPath

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import model as m
from .load import PLAIN_NAME, Document, find_files, load_file, position, read_content, stem, stray_files
from .problems import Problem, summary

NULL = "tag:yaml.org,2002:null"
INT = "tag:yaml.org,2002:int"
BOOL = "tag:yaml.org,2002:bool"
_INVALID = object()  # a value that failed its check (the problem is recorded)
_CONTROL = re.compile(f"[{m.CONTROL_CHARS}]")
_INVISIBLE = re.compile(f"[{m.INVISIBLE_CHARS}]")


@dataclass(frozen=True)
class CheckResult:
    entries: tuple[m.Entry, ...]
    problems: tuple[Problem, ...]
    files: int

    def report(self, format: str = "text") -> str:
        """One line per problem ("github": as workflow commands), then the summary."""
        lines = [p.github() if format == "github" else p.text() for p in self.problems]
        return "\n".join([*lines, summary(list(self.problems), self.files)])


def check_root(root: FsPath, today: dt.date | None = None) -> CheckResult:
    """Load and check every content file below root."""
    # Node trees and entries hold no reference cycles, so reference counting
    # frees all of them; the cycle collector would only walk the growing list
    # of entries again and again (about 6 % of the check at 5,000 files).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _check_root(root, today)
    finally:
        if was_enabled:
            gc.enable()


def _check_root(root: FsPath, today: dt.date | None) -> CheckResult:
    today = today or dt.date.today()
    problems = stray_files(root)
    files = find_files(root)
    # The vocabularies first, for the ids in them. Every other file is then
    # loaded, checked and let go: holding all node trees until the end (over
    # a hundred objects per entry) made the check grow faster than the number
    # of entries, as Python's cycle collector walked them all again and again.
    loaded = {i: load_file(root, kind, rel) for i, (kind, rel) in enumerate(files)
              if m.KINDS[kind].is_vocabulary}
    ids = _collect_ids(root, files, [doc for doc, _ in loaded.values() if doc])
    entries, seen = [], {}
    for i, (kind, rel) in enumerate(files):
        doc, found = loaded.pop(i, None) or load_file(root, kind, rel)
        problems += found
        if doc:
            checker = _Checker(root, doc, ids, today)
            entries += checker.run()
            problems += checker.problems + _duplicate_id(doc, seen)
    return CheckResult(tuple(entries), tuple(sorted(set(problems))), len(files))


def _collect_ids(root: FsPath, files, vocabularies: list[Document]) -> dict[str, set[str]]:
    """Every id that exists, even in files that failed to load, so that one
    broken file is reported once and not again by everything referring to it."""
    ids: dict[str, set[str]] = {k: set() for k in m.KINDS}
    for kind, rel in files:
        if not m.KINDS[kind].is_vocabulary:
            ids[kind].add(stem(rel))
            continue
        doc = next((d for d in vocabularies if d.kind == kind), None)
        if doc:
            ids[kind] |= {k.value for k, _ in doc.node.value}
        else:  # not loadable as YAML: take the top-level keys as written
            data = read_content(root / rel)
            if isinstance(data, str):  # unreadable: already reported by load_file
                continue
            ids[kind] |= set(re.findall(r"^([a-z0-9-]+):", data.decode("utf-8", "replace"), re.M))
    return ids


def _duplicate_id(doc: Document, seen: dict[tuple[str, str], str]) -> list[Problem]:
    """Two files of one kind with the same name (x.yml beside x.yaml); `seen`
    holds the first file of each kind and name, from the calls before."""
    if m.KINDS[doc.kind].is_vocabulary:
        return []
    other = seen.setdefault((doc.kind, doc.stem), doc.path)
    if other == doc.path:
        return []
    where = next((v for k, v in doc.node.value if k.value == "id"), doc.node)
    return [Problem(doc.path, *position(where), "id", f"id:t {doc.stem!r} används redan av {other}")]


def _quote(text: str) -> str:
    """Content quoted in a message: escaped, and short enough for one line."""
    return repr(text if len(text) <= 60 else text[:60] + "…")


def _field_name(name: str) -> str:
    """A key as the field of a problem; a key that is not a plain name is quoted."""
    return name if PLAIN_NAME.fullmatch(name) else _quote(name)


def _suggest(word: str, options) -> str:
    close = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f" – menade du {close[0]!r}?" if close else ""


class _Checker:
    def __init__(self, root: FsPath, doc: Document, ids: dict[str, set[str]], today: dt.date):
        self.root, self.doc, self.ids, self.today = root, doc, ids, today
        self.kind = m.KINDS[doc.kind]
        self.problems: list[Problem] = []

    def problem(self, node: Node, field: str, message: str) -> object:
        self.problems.append(Problem(self.doc.path, *position(node), field, message))
        return _INVALID

    def run(self) -> list[m.Entry]:
        if self.kind.is_vocabulary:
            return self._vocabulary()
        if not m.valid_id(self.doc.stem):
            self.problem(self.doc.node, "", f"filnamnet {self.doc.stem!r} är inte ett giltigt id: "
                         "använd bara a–z, 0–9 och bindestreck, t.ex. chalmers-volvo-cars.yml")
        data = self._mapping(self.doc.node, self.kind.fields, "")
        if data is _INVALID:
            return []
        if data["id"] is not _INVALID and data["id"] != self.doc.stem:
            self.problem(self._key_node(self.doc.node, "id"), "id",
                         f"id:t {data['id']!r} stämmer inte med filnamnet {self.doc.stem!r}")
        elif data["id"] in m.RESERVED_IDS:
            self.problem(self._key_node(self.doc.node, "id"), "id",
                         f"id:t {data['id']!r} är upptaget av {m.RESERVED_IDS[data['id']]} "
                         f"({self.kind.url}/{data['id']}/): välj ett annat id och filnamn")
        self._cross_field(data)
        self._translation(data, self.doc.node, "")
        if _INVALID in data.values() or self.problems:
            return []
        return [m.Entry(self.kind.name, self.doc.stem, self.doc.path, 1, data)]

    def _vocabulary(self) -> list[m.Entry]:
        entries = []
        for key, value in self.doc.node.value:
            if not m.valid_id(key.value):
                self.problem(key, _field_name(key.value), f"{_quote(key.value)} är inte ett giltigt id: "
                             "använd bara a–z, 0–9 och bindestreck")
                continue
            if self.kind.url and key.value in m.RESERVED_IDS:
                self.problem(key, key.value, f"id:t {key.value!r} är upptaget av "
                             f"{m.RESERVED_IDS[key.value]} ({self.kind.url}/{key.value}/): välj ett annat id")
                continue
            data = self._mapping(value, self.kind.fields, key.value)
            if data is not _INVALID:
                self._translation(data, value, key.value)
            if data is not _INVALID and not any(v is _INVALID for v in data.values()):
                entries.append(m.Entry(self.kind.name, key.value, self.doc.path, position(key)[0], data))
        if not self.doc.node.value:
            self.problem(self.doc.node, "", f"inga {self.kind.plural} finns i filen")
        return entries

    def _cross_field(self, data: dict) -> None:
        """Rules between fields; a value that failed its own check is left alone."""
        node = self.doc.node
        for rule in self.kind.requires:
            if data.get(rule.field) == rule.value and data.get(rule.required) is None:
                self.problem(self._key_node(node, rule.field), rule.required, m.requires_message(rule))
        started, ended, status = data.get("started"), data.get("ended"), data.get("status")
        year = self.today.year
        if isinstance(started, int) and started > year:
            self.problem(self._key_node(node, "started"), "started", f"startåret {started} ligger i framtiden")
        checked = data.get("status_checked")  # compared with a start year that is not itself wrong
        if isinstance(checked, dt.date) and isinstance(started, int) and checked.year < started <= year:
            self.problem(self._key_node(node, "status_checked"), "status_checked",
                         f"datumet {checked} ligger före startåret {started}: ange när det senast bekräftades "
                         "att partnerskapet pågår")
        if not isinstance(ended, int):
            return
        if isinstance(started, int) and ended < started:
            self.problem(self._key_node(node, "ended"), "ended", f"slutåret {ended} ligger före startåret {started}")
        elif status == "concluded" and ended > year:
            self.problem(self._key_node(node, "ended"), "ended",
                         f"slutåret {ended} ligger i framtiden, men status är concluded (avslutat): "
                         "rätta året eller ändra status till ongoing")
        elif status == "ongoing" and ended < year:
            self.problem(self._key_node(node, "ended"), "ended",
                         f"slutåret {ended} har redan passerat, men status är ongoing (pågående): "
                         "ändra status till concluded eller ta bort slutåret")

    def _translation(self, data: dict, node: MappingNode, path: str) -> None:
        """Every English text translates a Swedish one: the Swedish field is
        there, and a list has as many items in both languages."""
        english = data.get("en")
        if english and english is not _INVALID:
            self._translates(english, data, self._key_node(node, "en"), _join(path, "en"), path)

    def _translates(self, english: dict, swedish: dict, node: Node, path: str, sv_path: str) -> None:
        for name, value in english.items():
            if value is None or value == []:
                continue
            where, field, sv_field = self._key_node(node, name), f"{path}.{name}", _join(sv_path, name)
            original = swedish.get(name)
            if original is None or original == [] or original is _INVALID:
                if original is not _INVALID:
                    self.problem(where, field, f"det finns ingen svensk text att översätta: fältet {sv_field!r} "
                                 f"saknas. Skriv den svenska texten först, eller ta bort {field}")
            elif isinstance(value, dict):
                self._translates(value, original, where, field, sv_field)
            elif isinstance(value, list) and len(value) != len(original):
                self.problem(where, field, f"har {len(value)} värden på engelska men {len(original)} på svenska "
                             f"({sv_field}): översätt varje värde, i samma ordning")
            elif isinstance(value, list):
                for i, (item, item_node) in enumerate(zip(value, where.value)):
                    if isinstance(item, dict):
                        self._translates(item, original[i], item_node, f"{field}[{i + 1}]", f"{sv_field}[{i + 1}]")

    @staticmethod
    def _key_node(mapping: MappingNode, name: str) -> Node:
        return next((v for k, v in mapping.value if k.value == name), mapping)

    # ----------------------------------------------------------- structures

    def _mapping(self, node: Node, fields, path: str):
        if not isinstance(node, MappingNode):
            return self.problem(node, path, "ska bestå av nycklar med värden (nyckel: värde)")
        by_name = {f.name: f for f in fields}
        given = {k.value: v for k, v in node.value}
        if not given.keys() <= by_name.keys():
            for key, _ in node.value:
                if key.value not in by_name:
                    self.problem(key, _join(path, _field_name(key.value)), f"okänt fält {_quote(key.value)}"
                                 + _suggest(key.value, by_name))
        data = {}
        for f in fields:
            value = given.get(f.name)
            if value is None or (value.tag == NULL and isinstance(value, ScalarNode)):
                if f.required:
                    self.problem(value or node, _join(path, f.name), f"fältet {f.name!r} saknas" if value is None
                                 else f"fältet {f.name!r} saknar värde")
                    data[f.name] = _INVALID
                else:
                    data[f.name] = [] if isinstance(f.type, m.List) else None
                continue
            data[f.name] = _checks(type(f.type))(self, value, f.type, f"{path}.{f.name}" if path else f.name)
        return data

    def _value(self, node: Node, t, path: str):
        return _checks(type(t))(self, node, t, path)

    def _object(self, node: Node, t: m.Object, path: str):
        data = self._mapping(node, t.fields, path)
        return _INVALID if data is _INVALID or _INVALID in data.values() else data

    def _not_scalar(self, node: Node, path: str):
        what = "en lista" if isinstance(node, SequenceNode) else "nycklar med värden"
        return self.problem(node, path, f"ska vara ett enkelt värde, inte {what}")

    def _list(self, node: Node, t: m.List, path: str):
        if not isinstance(node, SequenceNode):
            return self.problem(node, path, "ska vara en lista: skriv varje värde på en egen rad "
                                "som börjar med '- '")
        if len(node.value) < t.min_items:
            return self.problem(node, path, "listan är tom" if t.min_items == 1 else
                                f"listan ska ha minst {t.min_items} värden")
        if len(node.value) > t.max_items:
            return self.problem(node, path, f"listan har {len(node.value)} värden; högst {t.max_items} tillåts")
        values = []
        check, item_type = _checks(type(t.item)), t.item
        for i, item in enumerate(node.value):
            value = check(self, item, item_type, f"{path}[{i + 1}]")
            if isinstance(t.item, m.Ref) and value is not _INVALID and value in values:
                value = self.problem(item, f"{path}[{i + 1}]", f"{value!r} förekommer två gånger i listan")
            values.append(value)
        return _INVALID if _INVALID in values else values

    def _assessment(self, node: Node, t: m.Assessment, path: str):
        """The assessment's parts, then what its parts cannot say alone: every
        area has one text per level, and no two areas have the same name."""
        data = self._value(node, t.shape, path)
        if data is _INVALID:
            return data
        levels = len(data["levels"])
        names: set[str] = set()
        areas = self._key_node(node, "areas").value
        for i, (area, area_node) in enumerate(zip(data["areas"], areas)):
            where = f"{path}.areas[{i + 1}]"
            if len(area["levels"]) != levels:
                self.problem(self._key_node(area_node, "levels"), f"{where}.levels",
                             f"området {_quote(area['name'])} har {len(area['levels'])} texter, men skalan har "
                             f"{levels} nivåer: skriv en text per nivå, i samma ordning som under levels")
            if area["name"].casefold() in names:
                self.problem(self._key_node(area_node, "name"), f"{where}.name",
                             f"området {_quote(area['name'])} finns redan: ge varje område ett eget namn")
            names.add(area["name"].casefold())
        return data

    # ---------------------------------------------------------------- scalars

    def _string(self, node: ScalarNode, path: str, max_len: int, multiline: bool):
        # node.value is the text exactly as written: `no` stays "no", `1:20` stays "1:20".
        text = node.value.strip()
        if not text:
            return self.problem(node, path, "får inte vara tomt")
        if self.doc.control and _CONTROL.search(text):
            return self.problem(node, path, "innehåller otillåtna kontrolltecken")
        # One line, its spaces single. A line that is so already, the usual
        # case, is left as it is: every whitespace character but the space is
        # unprintable (tests/test_check_speed.py), so a printable text without
        # two spaces in a row is what the split and join would make of it.
        if not multiline and not (text.isprintable() and "  " not in text):
            text = " ".join(text.split())
        if len(text) > max_len:
            return self.problem(node, path, f"är för långt ({len(text)} tecken; högst {max_len})")
        return text

    def _text(self, node, t: m.Text, path):
        text = self._string(node, path, t.max_len, t.markdown)
        if not t.markdown and text is not _INVALID and self.doc.invisible:
            found = _INVISIBLE.search(text)
            if found:
                return self.problem(node, path, f"innehåller ett osynligt tecken (U+{ord(found[0]):04X}) "
                                    "eller ett som vänder textens riktning: ta bort det")
        return text

    def _choice(self, node, t: m.Choice, path):
        if node.value not in t.options:
            return self.problem(node, path, f"okänt värde {_quote(node.value)}; tillåtna är "
                                + ", ".join(t.options) + _suggest(node.value, t.options))
        return node.value

    def _year(self, node, t: m.Year, path):
        if node.style in ("'", '"') and re.fullmatch(r"\d{4}", node.value):
            return self.problem(node, path, f"skriv årtalet utan citattecken: {node.value}")
        if node.tag != INT or not re.fullmatch(r"\d{4}", node.value):
            return self.problem(node, path, f"ska vara ett årtal med fyra siffror, t.ex. 2017 (inte {_quote(node.value)})")
        year = int(node.value)
        if not t.min <= year <= t.max:
            return self.problem(node, path, f"årtalet {year} är orimligt")
        return year

    def _date(self, node, t: m.Date, path):
        try:
            if not re.fullmatch(t.pattern, node.value):
                raise ValueError
            date = dt.date.fromisoformat(node.value)
        except ValueError:
            return self.problem(node, path, f"ska vara ett datum i formen ÅÅÅÅ-MM-DD (inte {_quote(node.value)})")
        if t.past and date > self.today:
            return self.problem(node, path, f"datumet {date} ligger i framtiden")
        return date

    def _bool(self, node, t: m.Bool, path):
        if node.style in ("'", '"') and node.value in ("true", "false"):
            return self.problem(node, path, f"skriv {node.value} utan citattecken")
        if node.tag != BOOL or node.value not in ("true", "false"):
            return self.problem(node, path, f"ska vara true eller false (inte {_quote(node.value)})")
        return node.value == "true"

    def _url(self, node, t: m.Url, path):
        url = self._string(node, path, t.max_len, False)
        if url is _INVALID:
            return url
        # Not urlsplit: it raises on an address such as https://[x.
        found = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
        scheme = found[1].lower() if found else ""
        if scheme not in t.schemes:
            return self.problem(node, path, f"adressen måste börja med {' eller '.join(s + ':' for s in t.schemes)}"
                                + (f" (inte {scheme}:)" if scheme else ""))
        if not _pattern(t).fullmatch(scheme + url[len(scheme):]):
            return self.problem(node, path, f"{_quote(url)} är inte en giltig adress")
        return url

    def _ref(self, node, t: m.Ref, path):
        value = node.value
        if value in self.ids[t.kind]:
            return value
        target = m.KINDS[t.kind]
        # Glossary terms are never referenced, and share ids with methods by design.
        others = [m.KINDS[k].a for k, ids in self.ids.items() if value in ids and k != "term"]
        if others:
            return self.problem(node, path, f"{_quote(value)} är {others[0]}, inte {target.a}")
        where = f"taxonomy/{target.file}" if target.is_vocabulary else f"{target.folder}/"
        return self.problem(node, path, f"okänt id {_quote(value)}: {target.no} med det id:t finns i {where}"
                            + _suggest(value, self.ids[t.kind]))

    def _path(self, node, t: m.Path, path):
        rel = self._string(node, path, t.max_len, False)
        if rel is _INVALID:
            return rel
        if not _pattern(t).fullmatch(rel):
            return self.problem(node, path, f"ska vara ett filnamn under docs/{t.under}/, t.ex. {t.under}/mall.docx")
        if not (self.root / "docs" / rel).is_file():
            return self.problem(node, path, f"filen docs/{rel} finns inte")
        return rel


@functools.cache
def _checks(t: type):
    """The method that checks a node against model type t: the structures have
    their own; a scalar type's is named after it (_text for m.Text …), once
    the node is known to be a scalar."""
    structures = {m.List: _Checker._list, m.Assessment: _Checker._assessment, m.Object: _Checker._object}
    if t in structures:
        return structures[t]
    check = getattr(_Checker, "_" + t.__name__.lower())

    def scalar(self: _Checker, node: Node, t, path: str):
        if node.__class__ is not ScalarNode:
            return self._not_scalar(node, path)
        return check(self, node, t, path)
    return scalar


@functools.cache
def _pattern(t: m.Url | m.Path) -> re.Pattern:
    """A type's pattern, compiled once: made anew for every value, it cost more than the match."""
    return re.compile(t.pattern())


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name

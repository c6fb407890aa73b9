"""Step 1: read YAML files into node trees that remember their positions.

Every file is treated as untrusted. We only *compose* YAML (build the node
tree) and never construct Python objects from it, so tags like
`!!python/object` cannot run anything; check.py turns nodes into values with
the schema in hand, which is also how `NO` or `2017-2020` stay text where
text is expected. Aliases are refused outright (that is what makes a
"billion laughs" file harmless) and nesting is capped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

try:  # libyaml's parser is an order of magnitude faster than the pure-Python one
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

from .model import ENTRY_KINDS, MAX_DEPTH, MAX_FILE_BYTES, VOCABULARIES
from .problems import Problem

YAML_SUFFIXES = (".yml", ".yaml")
STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}


@dataclass(frozen=True)
class Document:
    """One YAML file: which kind it holds, where it is, and its node tree."""

    kind: str
    path: str  # relative to the root, with forward slashes
    stem: str  # file name without suffix: an entry's id
    node: Node


class _LoadError(Exception):
    def __init__(self, mark, message: str):
        self.line, self.col = mark.line + 1, mark.column + 1
        self.message = message


class _Loader(Composer, Resolver, _Parser):
    """Parse events, then compose nodes with aliases refused and depth capped.
    There is no constructor: nothing in a file ever becomes a Python object."""

    def __init__(self, stream):
        _Parser.__init__(self, stream)
        Composer.__init__(self)
        Resolver.__init__(self)
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            raise _LoadError(self.peek_event().start_mark,
                             "alias (*namn) är inte tillåtna: skriv ut värdet i stället")
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _LoadError(self.peek_event().start_mark,
                             f"för djup nästling (mer än {MAX_DEPTH} nivåer)")
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def find_files(root: Path) -> list[tuple[str, Path]]:
    """Every content file under root as (kind, path), in a stable order."""
    found = []
    for kind in ENTRY_KINDS:
        folder = root / kind.folder
        if folder.is_dir():
            found += [(kind.name, p) for p in sorted(folder.iterdir())
                      if p.is_file() and p.suffix in YAML_SUFFIXES]
    for vocab in VOCABULARIES:
        found.append((vocab.name, root / "taxonomy" / vocab.file))
    return found


def load_file(root: Path, kind: str, path: Path) -> tuple[Document | None, list[Problem]]:
    """Read one file. Returns its document, or None and the reasons why not."""
    rel = path.relative_to(root).as_posix()

    def fail(line, col, message):
        return None, [Problem(rel, line, col, "", message)]

    if not path.is_file():
        return fail(1, 1, "filen saknas")
    try:
        data = path.read_bytes()
    except OSError as e:
        return fail(1, 1, f"filen kan inte läsas ({e.strerror})")
    if len(data) > MAX_FILE_BYTES:
        return fail(1, 1, f"filen är för stor ({len(data) // 1024} kB; högst {MAX_FILE_BYTES // 1024} kB)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return fail(line, 1, "filen är inte giltig UTF-8: spara den som UTF-8")
    if "\0" in text:
        return fail(text[: text.index("\0")].count("\n") + 1, 1, "filen innehåller ett NUL-tecken")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except _LoadError as e:
        return fail(e.line, e.col, e.message)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return fail(line, col, _explain_yaml_error(e, text, mark))
    except yaml.YAMLError as e:  # e.g. a stray control character
        return fail(1, 1, f"filen är inte giltig YAML ({e})")
    finally:
        loader.dispose()
    if node is None:
        return fail(1, 1, "filen är tom")
    problems = [Problem(rel, line, col, "", msg) for line, col, msg in _inspect(node)]
    if problems:
        return None, problems
    if not isinstance(node, MappingNode):
        return fail(node.start_mark.line + 1, node.start_mark.column + 1,
                    "filen ska bestå av nycklar med värden (key: värde), inte en lista eller ett enskilt värde")
    return Document(kind, rel, path.stem, node), []


def _explain_yaml_error(e: yaml.MarkedYAMLError, text: str, mark) -> str:
    problem = e.problem or e.context or "okänt fel"
    lines = text.splitlines()
    before = lines[mark.line][: mark.column + 1] if mark and mark.line < len(lines) else ""
    if "\t" in before:
        return "tabbtecken får inte användas för indrag i YAML: använd mellanslag"
    if "mapping values are not allowed" in problem:
        return ("ogiltig YAML: ett kolon följt av mellanslag inne i ett värde; "
                "sätt värdet inom citattecken")
    if "could not find expected ':'" in problem or "expected <block end>" in problem:
        return "ogiltig YAML: kontrollera indraget och att varje nyckel följs av ett kolon"
    return f"ogiltig YAML ({problem})"


def _inspect(node: Node):
    """Yield (line, col, message) for tags and keys a content file may not use."""
    stack = [node]
    while stack:
        n = stack.pop()
        where = (n.start_mark.line + 1, n.start_mark.column + 1)
        if n.tag not in STANDARD_TAGS:
            yield (*where, f"YAML-taggen {n.tag!r} är inte tillåten")
            continue
        if isinstance(n, MappingNode):
            seen: dict[str, int] = {}
            for key, value in n.value:
                k_where = (key.start_mark.line + 1, key.start_mark.column + 1)
                if not isinstance(key, ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
                    yield (*k_where, "nycklar måste vara enkla namn")
                    continue
                if key.value in seen:
                    yield (*k_where, f"nyckeln {key.value!r} förekommer två gånger "
                                     f"(första gången på rad {seen[key.value]})")
                else:
                    seen[key.value] = k_where[0]
                stack.append(value)
        elif isinstance(n, SequenceNode):
            stack.extend(n.value)

"""Step 1: read YAML files into node trees that remember their positions.

Every file is treated as untrusted. We only *compose* YAML (build the node
tree) and never construct Python objects from it, so tags like
`!!python/object` cannot run anything; check.py turns nodes into values with
the schema in hand, which is also how `NO` or `2017-2020` stay text where
text is expected. Aliases are refused outright (that is what makes a
"billion laughs" file harmless) and nesting is capped. For speed, libyaml's
C composer builds the tree of a file that has no anchor (no '&'), with the
same cap; anything it stumbles on is composed again by PyYAML's composer,
which does the refusing, so every message is the same either way.

Whatever the parser says goes out in Swedish, at a line and column and,
where one can be told, under the top-level field it belongs to; files that
would be skipped (a .txt, a subfolder) are named too, so nothing vanishes.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

try:  # libyaml's parser is an order of magnitude faster than the pure-Python one
    from yaml._yaml import CParser as _Parser
    _HAS_LIBYAML = True
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _HAS_LIBYAML = False
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

from .model import ENTRY_KINDS, INVISIBLE_CHARS, MAX_DEPTH, MAX_FILE_BYTES, VOCABULARIES
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
    # Whether a value may hold a control character or an invisible one
    # (model.INVISIBLE_CHARS), judged from the text as written: the parser
    # refuses a control character written as is, so only an escape in double
    # quotes ("\x07") makes one, which takes a backslash; an invisible one may
    # also be written as is. check.py looks value by value only where one may be.
    control: bool
    invisible: bool


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


class _FastLoader(_Parser, Resolver):
    """libyaml's own composer, written in C: nearly twice as fast as PyYAML's
    Python one, and composing is the largest part of `spets check`. It cannot
    refuse an alias (it makes the alias a second reference to the anchored
    node), so it is only used on text without '&', where no anchor can exist
    and any alias is an error. Any error at all, or nesting past MAX_DEPTH
    (measured on the finished tree), and the file is composed again by
    _Loader, so every refusal, message and position stays the one _Loader
    gives. libyaml itself refuses nesting past 1,000 levels, so the C
    composer's recursion stays shallow. Nothing is constructed here either."""

    def __init__(self, stream):
        _Parser.__init__(self, stream)
        Resolver.__init__(self)

    # The C composer calls these around every node, for path resolvers, which
    # we do not use. Builtins that take the same arguments and change nothing
    # (slice(parent, index), tuple()) cost a third of a Python method each.
    descend_resolver = staticmethod(slice)
    ascend_resolver = staticmethod(tuple)

    # Called for every node too. The same answer as Resolver.resolve, without
    # its loop for the text that no implicit tag can match: text quoted, or
    # starting with a character none of the tag patterns starts with.
    _FIRST_CHARS = frozenset(k for k in Resolver.yaml_implicit_resolvers if k)

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            if not implicit[0] or (value and value[0] not in self._FIRST_CHARS):
                return self.DEFAULT_SCALAR_TAG
        elif kind is SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        elif kind is MappingNode:
            return self.DEFAULT_MAPPING_TAG
        return super().resolve(kind, value, implicit)


class _TooDeep(Exception):
    """A tree from libyaml's composer nests deeper than _Loader allows."""


def _compose(text: str, raw: bytes | None = None) -> tuple[Node | None, list[tuple]]:
    """The node tree of one YAML document (None if empty) and what _inspect
    finds in it; raises what _Loader raises. `raw` is the same text as UTF-8
    if at hand: libyaml reads bytes as they are, where it would have to encode
    a str first."""
    if _HAS_LIBYAML and "&" not in text:
        fast = _FastLoader(text if raw is None else raw)
        try:
            node = fast.get_single_node()
            if node is None:
                return None, []
            # _inspect measures the depth where it looks, which is everywhere
            # unless it finds something: then the whole tree is measured.
            found = list(_inspect(node))
            if not found or not _deeper_than(node, MAX_DEPTH):
                return node, found
        except (yaml.YAMLError, _TooDeep):
            pass  # composed again below, for _Loader's message and position
        finally:
            fast.dispose()
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, [] if node is None else list(_inspect(node))
    finally:
        loader.dispose()


def _deeper_than(node: Node, limit: int) -> bool:
    """Whether a path from the top holds more than `limit` nodes, counted as
    _Loader counts them (the top is 1, a key or value one more than its parent)."""
    stack = [(node, 1)]
    while stack:
        n, depth = stack.pop()
        if not n.value or n.__class__ is ScalarNode:
            continue
        if depth >= limit:  # its keys, values or items lie deeper than the limit
            return True
        if n.__class__ is MappingNode:
            for key, value in n.value:
                if key.__class__ is not ScalarNode:
                    stack.append((key, depth + 1))
                if value.__class__ is not ScalarNode:
                    stack.append((value, depth + 1))
        else:
            stack.extend((c, depth + 1) for c in n.value if c.__class__ is not ScalarNode)
    return False


def find_files(root: Path) -> list[tuple[str, str]]:
    """Every content file under root as (kind, path relative to root with
    forward slashes), in a stable order. Strings, not pathlib objects: at
    5,000 files, making and converting those was 2 % of `spets check`."""
    found = []
    for kind in ENTRY_KINDS:
        folder = root / kind.folder
        if folder.is_dir():
            found += [(kind.name, f"{kind.folder}/{e.name}") for e in _children(folder)
                      if e.is_file() and os.path.splitext(e.name)[1] in YAML_SUFFIXES]
    for vocab in VOCABULARIES:
        found.append((vocab.name, f"taxonomy/{vocab.file}"))
    return found


def stem(rel: str) -> str:
    """A content file's name without its suffix: the entry's id."""
    return os.path.splitext(rel.rpartition("/")[2])[0]


def stray_files(root: Path) -> list[Problem]:
    """Files in the content folders that find_files would skip: a method saved
    as .txt or .YML, or put in a subfolder, must not vanish without a word."""
    problems = []
    vocab_files = [v.file for v in VOCABULARIES]
    folders = [(root / k.folder, lambda name: os.path.splitext(name)[1] in YAML_SUFFIXES, "")
               for k in ENTRY_KINDS]
    folders.append((root / "taxonomy", lambda name: name in vocab_files,
                    "; i taxonomy/ läses bara " + ", ".join(vocab_files)))
    for folder, wanted, hint in folders:
        if folder.exists() and not folder.is_dir():
            problems.append(Problem(folder.name, 1, 1, "", f"{folder.name} ska vara en mapp, inte en fil"))
        if not folder.is_dir():
            continue
        for e in _children(folder):
            if e.name.startswith("."):
                continue
            is_dir = e.is_dir()
            if not is_dir and not e.is_file():  # a broken link, a pipe …
                message = "filen läses inte: den är ingen vanlig fil"
            elif is_dir:
                message = f"undermappar läses inte: lägg filerna direkt i {folder.name}/"
            elif not wanted(e.name):
                message = "filen läses inte: innehållsfiler ska sluta på .yml" + hint
            else:
                continue
            problems.append(Problem(f"{folder.relative_to(root).as_posix()}/{e.name}", 1, 1, "", message))
    return problems


def _children(folder: Path) -> list[os.DirEntry]:
    """What is in a folder, by name. Directory entries know their own type
    (d_type), so telling files from folders costs no stat() per file: at
    5,000 files that was a third of `spets check`'s system time."""
    with os.scandir(folder) as entries:
        return sorted(entries, key=lambda e: e.name)


# O_NOFOLLOW refuses a symbolic link where the file should be, in the same
# call that opens it; O_NONBLOCK keeps a named pipe from hanging the check.
# Windows has neither, and is checked with is_symlink() instead.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_content(path: str | Path) -> bytes | str:
    """The file's bytes, or why it cannot be read (a sentence in Swedish)."""
    if not hasattr(os, "O_NOFOLLOW") and os.path.islink(path):
        return _SYMLINK
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        return "filen saknas"
    except OSError as e:
        return _SYMLINK if os.path.islink(path) else f"filen kan inte läsas ({e.strerror})"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return "filen saknas" if stat.S_ISDIR(info.st_mode) else "filen läses inte: den är ingen vanlig fil"
        if info.st_size > MAX_FILE_BYTES:
            return f"filen är för stor ({info.st_size // 1024} kB; högst {MAX_FILE_BYTES // 1024} kB)"
        # One read asks for a byte more than the file has: a shorter answer
        # is the end of the file, with no second read to learn it. A file
        # that grew meanwhile is read on, up to the limit.
        chunks, size, want = [], 0, info.st_size + 1
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, want)
            chunks.append(chunk)
            size += len(chunk)
            if len(chunk) < want:
                break
            want = 65536
        return b"".join(chunks)
    except OSError as e:
        return f"filen kan inte läsas ({e.strerror})"
    finally:
        os.close(fd)


_SYMLINK = "symboliska länkar läses inte: lägg in själva filen här"


def load_file(root: Path, kind: str, rel: str) -> tuple[Document | None, list[Problem]]:
    """Read one file (rel as find_files gives it). Returns its document, or
    None and the reasons why not."""

    def fail(line, col, message):
        return None, [Problem(rel, line, col, "", message)]

    # A symbolic link could point anywhere on the machine that builds.
    data = read_content(os.path.join(root, rel))
    if isinstance(data, str):
        return fail(1, 1, data)
    if len(data) > MAX_FILE_BYTES:  # it grew after fstat
        return fail(1, 1, f"filen är för stor ({len(data) // 1024} kB; högst {MAX_FILE_BYTES // 1024} kB)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return fail(line, 1, "filen är inte giltig UTF-8: spara den som UTF-8")
    # A character YAML does not allow is named before any other problem. The
    # parser refuses exactly those (_FORBIDDEN_CHAR), so only a file that
    # fails can hold one, and the text is searched for it only then.
    try:
        node, found = _compose(text, data)
    except _LoadError as e:
        return None, [_forbidden_char(rel, text)
                      or Problem(rel, e.line, e.col, _field_at(text.splitlines(), e.line - 1), e.message)]
    except yaml.MarkedYAMLError as e:
        return None, [_forbidden_char(rel, text) or _syntax_problem(rel, text, e)]
    except yaml.YAMLError as e:  # not expected after the checks above; still in Swedish
        return None, [_forbidden_char(rel, text) or Problem(rel, 1, 1, "", f"filen är inte giltig YAML ({_english(e)})")]
    if node is None:
        return fail(1, 1, "filen är tom")
    if found:
        return None, [Problem(rel, *where_what) for where_what in found]
    if not isinstance(node, MappingNode):
        return fail(node.start_mark.line + 1, node.start_mark.column + 1,
                    "filen ska bestå av nycklar med värden (nyckel: värde), inte en lista eller ett enskilt värde")
    escapes = b"\\" in data
    return Document(kind, rel, stem(rel), node, control=escapes,
                    invisible=escapes or _INVISIBLE_UTF8.search(data) is not None), []


_TAB = "tabbtecken får inte användas för indrag i YAML: använd mellanslag"
_DIRECTIVE = ("rader som börjar med % är YAML-direktiv, som inte används här: "
              "ta bort raden eller sätt värdet inom citattecken")
_SECOND_DOC = "filen innehåller mer än ett YAML-dokument (en rad med ---): en fil får bara innehålla en post"
_TAG = "ogiltig YAML-tagg efter !: sätt värdet inom citattecken"
_ANCHOR = "samma ankare (&namn) förekommer två gånger: ta bort ankarna"
_ESCAPE = "ogiltig \\u- eller \\x-kod inom dubbla citattecken"
# Every problem libyaml's reader, scanner and parser and PyYAML's composer
# can report (libyaml's src/*.c, PyYAML's composer.py), as a Swedish sentence.
# Matched by prefix, first match wins. {start} is the line where an unclosed
# bracket or quote began, {char} the character at the error.
_YAML_PROBLEMS = (
    ("found a tab character", _TAB),
    ("mapping values are not allowed",
     "ett kolon följt av mellanslag inne i ett värde: sätt värdet inom citattecken, "
     "eller rätta indraget om det ska vara en ny nyckel"),
    ("could not find expected ':'", "en nyckel saknar kolon: skriv nyckel: värde, och kontrollera indraget"),
    ("found character that cannot start any token",
     "ett värde får inte börja med tecknet {char}: sätt värdet inom citattecken"),
    ("block sequence entries are not allowed",
     "ett listelement ('- ') står där det inte får stå: skriv listan på egna rader, "
     "indragna under sin nyckel"),
    ("mapping keys are not allowed", "en nyckel står där den inte får stå: kontrollera indraget"),
    ("found unexpected end of stream",
     "filen tar slut innan citattecknet som börjar på rad {start} har stängts"),
    ("found unexpected document indicator",
     "en rad som börjar med --- eller ... står inne i ett värde inom citattecken: stäng citattecknet före"),
    ("did not find expected comment or line break",
     "oväntad text efter | eller > eller efter ett värde inom citattecken: flytta texten till nästa rad "
     "eller sätt hela värdet inom citattecken"),
    ("found an indentation indicator equal to 0", "siffran efter | eller > får inte vara 0"),
    ("did not find expected alphabetic or numeric character",
     "efter & eller * måste ett namn stå: vill du skriva tecknet, sätt värdet inom citattecken"),
    ("found unknown escape character",
     "okänd kombination med \\ inom dubbla citattecken: skriv \\\\ för ett bakstreck, "
     "eller använd enkla citattecken"),
    ("found invalid Unicode character escape code", _ESCAPE),
    ("did not find expected hexdecimal number", _ESCAPE),
    ("found undefined tag handle", "okänd YAML-tagg efter !: sätt värdet inom citattecken"),
    ("did not find expected tag URI", _TAG),
    ("did not find the expected '>'", _TAG),
    ("did not find expected '!'", _TAG),
    ("did not find URI escaped octet", _TAG),
    ("found an incorrect", _TAG),
    ("found unexpected ':'", "oväntat kolon: sätt värdet inom citattecken"),
    ("did not find expected whitespace", "mellanslag saknas efter ett specialtecken: sätt värdet inom citattecken"),
    ("found unknown directive name", _DIRECTIVE),
    ("did not find expected directive name", _DIRECTIVE),
    ("found unexpected non-alphabetical character", _DIRECTIVE),
    ("did not find expected digit or '.' character", _DIRECTIVE),
    ("found extremely long version number", _DIRECTIVE),
    ("did not find expected version number", _DIRECTIVE),
    ("found duplicate %", _DIRECTIVE),
    ("duplicate %TAG", _DIRECTIVE),
    ("found incompatible YAML document", _DIRECTIVE),
    ("did not find expected <document start>",
     "text efter slutet av dokumentet (efter en rad med --- eller ...): en fil får bara innehålla en post"),
    ("did not find expected <stream-start>", "filen kan inte läsas som YAML"),
    ("expected a single document", _SECOND_DOC),
    ("but found another document", _SECOND_DOC),
    ("did not find expected node content",
     "ett värde saknas här, t.ex. efter ett kommatecken inom [ ] eller { }, eller så börjar värdet "
     "med ett tecken som kräver citattecken"),
    ("did not find expected key",
     "här ska en ny nyckel börja (nyckel: värde): kontrollera indraget, och sätt värden som börjar "
     "med citattecken eller innehåller kolon inom citattecken"),
    ("did not find expected '-' indicator", "här ska nästa listelement ('- ') börja: kontrollera indraget"),
    ("did not find expected ',' or ']'",
     "listan inom [ ] som börjar på rad {start} stängs aldrig: saknas ] eller ett kommatecken?"),
    ("did not find expected ',' or '}'",
     "{ } som börjar på rad {start} stängs aldrig: saknas } eller ett kommatecken?"),
    ("found duplicate anchor", _ANCHOR),
    ("second occurrence", _ANCHOR),
    ("found undefined alias", "alias (*namn) är inte tillåtna: skriv ut värdet i stället"),
    ("control characters are not allowed", "filen innehåller ett osynligt kontrolltecken: ta bort det"),
    ("while increasing", f"för djup nästling (mer än {MAX_DEPTH} nivåer)"),
)
# What libyaml (and PyYAML's own reader) accepts in a stream (YAML 1.1 §5.1):
# anything else, NUL and other control characters, makes the parse fail, and
# is then named with its position, before the parser's own complaint.
_FORBIDDEN_CHAR = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# The invisible characters (model.INVISIBLE_CHARS) in UTF-8, to search a
# file's bytes for: they all lie in U+2000–U+206F, three bytes each from
# \xe2, so the search leaps from one \xe2 to the next. Searching every value
# instead compared each character with each range: 8 % of `spets check`.
INVISIBLE = [c for c in map(chr, range(0x2000, 0x2070)) if re.match(f"[{INVISIBLE_CHARS}]", c)]
_INVISIBLE_UTF8 = re.compile(b"\xe2(?:" + b"|".join(re.escape(c.encode()[1:]) for c in INVISIBLE) + b")")
# Error contexts whose mark is where the unclosed construct began.
_UNCLOSED = ("while parsing a flow", "while scanning a quoted scalar")
PLAIN_NAME = re.compile(r"[\w-]{1,60}")  # a key shown as is in messages; others are quoted
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*|")
_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:\s|$)")


def _forbidden_char(rel: str, text: str) -> Problem | None:
    """The first character that may not be in a YAML file, where it is."""
    bad = _FORBIDDEN_CHAR.search(text)
    if not bad:
        return None
    line = text.count("\n", 0, bad.start()) + 1
    col = bad.start() - text.rfind("\n", 0, bad.start())
    what = "ett NUL-tecken" if bad[0] == "\0" else f"det osynliga tecknet U+{ord(bad[0]):04X}"
    return Problem(rel, line, col, "", f"filen innehåller {what}, som inte får finnas i YAML: ta bort det")


def _syntax_problem(rel: str, text: str, e: yaml.MarkedYAMLError) -> Problem:
    """A parser error as a Problem: where, which top-level field, why in Swedish."""
    lines = text.splitlines()
    mark, start, field, context = e.problem_mark or e.context_mark, None, "", e.context or ""
    if e.context_mark and context.startswith("while scanning a simple key"):
        mark = e.context_mark  # the key that lacks its colon, not the line after it
        field = _KEY.match(lines[mark.line], mark.column)[0] if mark.line < len(lines) else ""
    elif e.context_mark and context.startswith(_UNCLOSED):
        start = e.context_mark  # an unclosed bracket or quote: named where it began
    if mark is None:
        return Problem(rel, 1, 1, "", _explain(e, "", None))
    line = lines[mark.line] if mark.line < len(lines) else ""
    message = _explain(e, line[: mark.column + 1], line[mark.column: mark.column + 1])
    where = str((start or mark).line + 1)
    field = field or _field_at(lines, (start or mark).line)
    return Problem(rel, mark.line + 1, mark.column + 1, field, message.replace("{start}", where))


def _explain(e: yaml.MarkedYAMLError, before: str, char: str) -> str:
    """Swedish for the parser's problem; `before` is the line up to the error."""
    if "\t" in before:
        return _TAB
    if e.problem == "did not find expected key" and before[:-1].strip():
        return ("oväntad text efter värdet på samma rad: ett värde som börjar med ett citattecken "
                "måste sluta med det, så sätt hela värdet inom citattecken")
    for problem in (e.problem, e.context):
        for prefix, swedish in _YAML_PROBLEMS:
            if problem and problem.startswith(prefix):
                return swedish.replace("{char}", repr(char) if char else "här")
    return f"ogiltig YAML: kontrollera indrag, kolon och citattecken på raden ({_english(e)})"


def _english(e: yaml.YAMLError) -> str:
    """The parser's own words, for the rare case not in the table above."""
    if isinstance(e, yaml.MarkedYAMLError):
        return "; ".join(filter(None, (e.context, e.problem))) or "okänt fel"
    return str(e).split("\n")[0]


def _field_at(lines: list[str], line: int) -> str:
    """The top-level key a syntax error at `line` (0-based) belongs to, or ''.
    Only the key at or above the line is named: the parse failed, so no
    deeper path is known for sure."""
    above = lines[: line + 1]
    if above and above[-1].startswith(("---", "...", "%")):  # about the document, not a field
        return ""
    for raw in reversed(above):
        found = _TOP_KEY.match(raw)
        if found:
            return found[1]
    return ""


def _inspect(node: Node):
    """Yield (line, col, field, message) for tags and keys a content file may
    not use; raise _TooDeep at a node that nests deeper than MAX_DEPTH, as
    _deeper_than counts (only libyaml's composer makes one)."""
    # Most nodes are scalars with a standard tag, which have nothing to report:
    # only the other nodes go on the stack, each with where it is (its parent's
    # place and its own key or index) and its depth, and a field is only
    # spelled out for a problem.
    stack: list[tuple[Node, tuple | None, int]] = [(node, None, 1)]
    while stack:
        n, where, depth = stack.pop()
        if n.tag not in STANDARD_TAGS:
            yield (*position(n), _field(where), _tag_message(n.tag))
            continue
        if depth >= MAX_DEPTH and n.__class__ is not ScalarNode and n.value:
            raise _TooDeep
        if n.__class__ is MappingNode:
            seen: dict[str, Node] = {}
            for key, value in n.value:
                if key.__class__ is not ScalarNode or key.tag == _MERGE:
                    yield (*position(key), _field(where), "nycklar måste vara enkla namn")
                    continue
                name = key.value
                if key.tag not in STANDARD_TAGS:
                    yield (*position(key), _field((where, name)), _tag_message(key.tag))
                elif name in seen:
                    yield (*position(key), _field((where, name)), f"nyckeln {name!r} förekommer två gånger "
                                                                 f"(första gången på rad {position(seen[name])[0]})")
                else:
                    seen[name] = key
                if value.__class__ is not ScalarNode or value.tag not in STANDARD_TAGS:
                    stack.append((value, (where, name), depth + 1))
        elif n.__class__ is SequenceNode:
            stack.extend((item, (where, i), depth + 1) for i, item in enumerate(n.value)
                         if item.__class__ is not ScalarNode or item.tag not in STANDARD_TAGS)


_MERGE = "tag:yaml.org,2002:merge"


def _field(where: tuple | None) -> str:
    """The field of a place: None is the top, (parent, key or index) is below it."""
    if where is None:
        return ""
    parent, step = where
    path = _field(parent)
    if isinstance(step, int):
        return f"{path}[{step + 1}]"
    if not PLAIN_NAME.fullmatch(step):  # check.py names odd keys; here the parent will do
        return path
    return f"{path}.{step}" if path else step


def position(node: Node) -> tuple[int, int]:
    """Line and column of a node, counted from 1 as editors do."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def _tag_message(tag: str) -> str:
    short = tag.replace("tag:yaml.org,2002:", "!!", 1)
    return f"YAML-taggen {short!r} är inte tillåten: ta bort den, värden skrivs utan taggar"

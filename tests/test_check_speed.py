"""The faster paths of `spets check` give exactly what the plain ones gave.

load.py composes with libyaml's C composer where it can and with PyYAML's
Python composer (which refuses aliases and caps nesting) where it cannot.
It only saves time.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path

import pytest
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from spets import check, load
from spets import model as m
from spets.check import check_root
from spets.model import MAX_DEPTH

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "kb"
YAML_FILES = sorted(p for pattern in ("*.yml", "*.yaml") for p in REPO.rglob(pattern)
                    if not any(part.startswith(".") or part in ("site", "node_modules") for part in p.parts))


def shape(node):
    """Everything check.py and load.py read from a node, recursively."""
    marks = tuple((m.index, m.line, m.column) for m in (node.start_mark, node.end_mark))
    if isinstance(node, ScalarNode):
        return ("scalar", node.tag, node.value, node.style, marks)
    if isinstance(node, SequenceNode):
        return ("seq", node.tag, node.flow_style, marks, [shape(n) for n in node.value])
    assert isinstance(node, MappingNode)
    return ("map", node.tag, node.flow_style, marks, [(shape(k), shape(v)) for k, v in node.value])


def python_compose(text):
    loader = load._Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def compose(text):
    """The tree load.py composes, without what _inspect found in it."""
    return load._compose(text)[0]


def fast_compose(text):
    loader = load._FastLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def outcome(compose, text):
    """The tree's shape, or the error as load_file would report it."""
    try:
        node = compose(text)
    except load._LoadError as e:
        return ("refused", e.line, e.col, e.message)
    except Exception as e:  # a YAML error: load_file reads its text and marks
        return ("error", type(e).__name__, str(e))
    return node and shape(node)


def test_there_are_files_to_compare():
    assert len(YAML_FILES) > 100


@pytest.mark.skipif(not load._HAS_LIBYAML, reason="PyYAML without libyaml")
@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_same_tree_or_error_as_python_composer(path):
    text = path.read_bytes().decode("utf-8-sig", "replace")
    expected = outcome(python_compose, text)
    assert outcome(compose, text) == expected
    if expected and expected[0] not in ("refused", "error"):
        assert outcome(fast_compose, text) == expected  # also where '&' sent _compose the slow way


# A plain value of every kind the implicit tags know, and some that look like them.
IMPLICIT = ["yes", "No", "ON", "off", "y", "n", "true", "False", "~", "null", "Null", "", "0", "-1", "+2",
            "0x1F", "0o7", "1_000", ".5", "-.inf", ".NaN", "1e3", "2017", "2017-01-01", "2017-1-1 10:00",
            "<<", "=", "==", "x = y", "a-b", "-x", ".x", "<x", "~x", "Yes please", "tomorrow", "offer",
            "15:30", "1:20", "sv", "Ö", "å", "2017–2020"]


@pytest.mark.parametrize("value", IMPLICIT)
@pytest.mark.parametrize("form", ["a: {v}\n", "a: '{v}'\n", "a: [{v}]\n", "? {v}\n: x\n", "- {v}\n"])
def test_tags_resolve_as_in_the_python_composer(value, form):
    # _FastLoader.resolve skips PyYAML's loop where no implicit tag can match.
    text = form.format(v=value)
    assert outcome(fast_compose, text) == outcome(python_compose, text)


def nested(depth):
    return "a: " + "[" * depth + "x" + "]" * depth + "\n"


@pytest.mark.parametrize("text", [f"a: !x {nested(40)[3:]}", f"? {nested(40)[3:-1]}\n: 1\n",
                                  f"b: !x 1\n{nested(40)}", f"{nested(40)}b: !x 1\n", f"{nested(40)}b: 1\nb: 2\n"])
def test_nesting_cap_where_inspect_does_not_look(text):
    # _inspect does not look below a tag or a key it refuses, so the depth
    # there is measured apart: the file is refused for its depth, as before.
    assert outcome(compose, text) == outcome(python_compose, text)
    assert outcome(compose, text)[0] == "refused"


@pytest.mark.parametrize("depth", range(MAX_DEPTH - 4, MAX_DEPTH + 2))
def test_nesting_cap_is_the_same(depth):
    assert outcome(compose, nested(depth)) == outcome(python_compose, nested(depth))
    assert outcome(compose, "- " * depth + "x\n") == outcome(python_compose, "- " * depth + "x\n")


def test_nesting_cap_is_where_it_was():
    assert outcome(compose, nested(MAX_DEPTH - 2))[0] == "map"
    assert outcome(compose, nested(MAX_DEPTH - 1))[0] == "refused"


@pytest.mark.parametrize("text", [nested(100_000), "- " * 100_000 + "x\n", "a:\n" + "".join(
    " " * i + f"k{i}:\n" for i in range(1, 3000))])
def test_very_deep_file(text):
    # The C composer must stop where the Python one stops, not run out of stack.
    assert outcome(compose, text) == outcome(python_compose, text)
    assert outcome(compose, text)[0] in ("refused", "error")


@pytest.mark.parametrize("text", ["a: *x\n", "a: &x [1]\nb: *x\n", "a: &x 1\n"])
def test_aliases_and_anchors(text):
    if "*" in text:
        with pytest.raises(load._LoadError) as e:
            compose(text)
        assert e.value.message.startswith("alias (*namn) är inte tillåtna")
        assert e.value.line == text[: text.index("*")].count("\n") + 1
    else:  # an anchor alone is harmless and still allowed
        assert compose(text).value[0][1].value == "1"


def plain_inspect(node):
    """load._inspect as it was before it skipped plain scalars: the reference."""
    stack = [(node, "")]
    while stack:
        n, path = stack.pop()
        if n.tag not in load.STANDARD_TAGS:
            yield (*load.position(n), path, load._tag_message(n.tag))
            continue
        if isinstance(n, MappingNode):
            seen = {}
            for key, value in n.value:
                if not isinstance(key, ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
                    yield (*load.position(key), path, "nycklar måste vara enkla namn")
                    continue
                field = f"{path}.{key.value}" if path else key.value
                if not load.PLAIN_NAME.fullmatch(key.value):
                    field = path
                if key.tag not in load.STANDARD_TAGS:
                    yield (*load.position(key), field, load._tag_message(key.tag))
                elif key.value in seen:
                    yield (*load.position(key), field, f"nyckeln {key.value!r} förekommer två gånger "
                                                       f"(första gången på rad {seen[key.value]})")
                else:
                    seen[key.value] = load.position(key)[0]
                stack.append((value, field))
        elif isinstance(n, SequenceNode):
            stack.extend((item, f"{path}[{i + 1}]") for i, item in enumerate(n.value))


ODD = """\
a: !x 1
b: [1, !y 2, {c: !z 3, c: 4, !w d: 5}]
"konstig nyckel": {e: !v 6, e: 7}
? [f]
: 8
<<: {g: 9}
h:
  - i: !u 10
    i: 11
  - !t [12]
a: 13
"""


@pytest.mark.parametrize("path", [*YAML_FILES, None], ids=lambda p: p.relative_to(REPO).as_posix() if p else "odd")
def test_inspect_finds_the_same_in_the_same_order(path):
    text = ODD if path is None else path.read_bytes().decode("utf-8-sig", "replace")
    try:
        node = python_compose(text)
    except Exception:
        return  # nothing to inspect
    if node is not None:
        assert list(load._inspect(node)) == list(plain_inspect(node))
        assert load._compose(text)[1] == list(plain_inspect(node))  # as libyaml's composer made it
        assert path is not None or len(list(plain_inspect(node))) >= 8


FORBIDDEN = "\x00\x01\x08\x0b\x0c\x0e\x1f\x7f\x80\x84\x86\x9f\ufffe\uffff"
ALLOWED = "\t\x85\xa0\xff\u0100\ud7ff\ue000\ufeff\ufffd\U00010000\U0010ffff"
PLACES = ["a: x{c}y\n", "a: 'x{c}y'\n", 'a: "x{c}y"\n', "a: |\n  x{c}y\n", "a: x # {c}\n", "a: x\n# {c}", "{c}: x\n"]


@pytest.mark.parametrize("char", FORBIDDEN, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("place", PLACES)
def test_a_forbidden_character_always_fails_the_parse(char, place):
    # load_file searches for these only when the parse fails: it must fail.
    text = place.replace("{c}", char)
    assert outcome(compose, text)[0] == "error"
    assert outcome(fast_compose, text)[0] == "error"
    assert load._FORBIDDEN_CHAR.search(text)


@pytest.mark.parametrize("char", ALLOWED, ids=lambda c: f"U+{ord(c):04X}")
def test_allowed_characters_compose(char):
    text = "a: 'x{c}y'\n".replace("{c}", char)
    assert outcome(compose, text)[0] == "map"
    assert not load._FORBIDDEN_CHAR.search(text)


@pytest.mark.parametrize("before", ["a: [\n", "a: *x\n", nested(40), "a: 1\n---\nb: 2\n"])
def test_a_forbidden_character_is_named_before_other_problems(tmp_path, before):
    path = tmp_path / "methods" / "x.yml"
    path.parent.mkdir()
    path.write_text(before + "b: c\x01\n", encoding="utf-8")
    doc, problems = load.load_file(tmp_path, "method", "methods/x.yml")
    assert doc is None
    assert [p.text() for p in problems] == [
        f"methods/x.yml:{before.count(chr(10)) + 1}:5: filen innehåller det osynliga tecknet U+0001, "
        "som inte får finnas i YAML: ta bort det"]


# check.py searches a value for control and invisible characters only where
# load.Document says one may be (a backslash in the file, or an invisible
# character written as is); the problems must be those a search of every value
# finds. Each character, as written and as an escape, in every way of writing
# a line of text; the en dash is no invisible character, though its UTF-8
# begins with the same byte as theirs, and the letter is the plain case.
CONTROL = [chr(c) for c in (*range(0x00, 0x09), *range(0x0b, 0x20), 0x7f)]
WRITTEN = ["title: Ett{c}prov\n", "title: 'Ett{c}prov'\n", 'title: "Ett{c}prov"\n', "title: >-\n  Ett{c}prov\n",
           "title: Ett prov # {c}\n"]
ESCAPED = ['title: "Ett\\u{u:04x}prov"\n', 'title: "Ett\\x{u:02x}prov"\n']


def test_invisible_is_every_character_the_model_calls_invisible():
    pattern = re.compile(f"[{m.INVISIBLE_CHARS}]")
    every = "".join(chr(c) for c in range(0x110000) if not 0xd800 <= c < 0xe000)
    assert pattern.findall(every) == load.INVISIBLE


@pytest.fixture(scope="module")
def one_method(tmp_path_factory):
    root = tmp_path_factory.mktemp("kb") / "kb"
    shutil.copytree(FIXTURE, root)
    return root, (FIXTURE / "methods" / "styrgrupp.yml").read_text(encoding="utf-8")


def searched_everywhere(doc: load.Document) -> load.Document:
    return dataclasses.replace(doc, control=True, invisible=True)


@pytest.mark.parametrize("char", [*load.INVISIBLE, *CONTROL, "–", "a"], ids=lambda c: f"U+{ord(c):04X}")
def test_characters_found_as_by_a_search_of_every_value(one_method, monkeypatch, char):
    root, original = one_method
    title = re.search(r"^title: .*\n", original, re.M)[0]
    forms = [f.replace("{c}", char) for f in WRITTEN if char not in CONTROL] + [
        f.format(u=ord(char)) for f in ESCAPED if ord(char) < 0x100 or "u" in f]
    found = set()
    for form in forms:
        (root / "methods" / "styrgrupp.yml").write_text(original.replace(title, form), encoding="utf-8")
        as_loaded = check_root(root).problems
        with monkeypatch.context() as patch:
            loaded = load.load_file
            patch.setattr(check, "load_file", lambda *a: (lambda doc, p: (doc and searched_everywhere(doc), p))(
                *loaded(*a)))
            assert check_root(root).problems == as_loaded, form
        found |= {p.message for p in as_loaded}
    if char in CONTROL:
        assert found == {"innehåller otillåtna kontrolltecken"}
    elif char in load.INVISIBLE:
        assert found == {f"innehåller ett osynligt tecken (U+{ord(char):04X}) eller ett som vänder textens "
                         "riktning: ta bort det"}
    else:
        assert found == set()


@pytest.mark.parametrize("text", ["a: 'x\ry'\n", 'a: "x\ry"\n', "a: |\n  x\r\n  y\r\n", "a: >\n  x\r\n  y\n",
                                  "a: 'x\x85y'\n"])
def test_a_line_break_written_as_is_is_no_control_character_in_a_value(text):
    # Why a file without a backslash needs no search for control characters:
    # the parser refuses them, and turns a carriage return into a line break.
    value = compose(text).value[0][1].value
    assert not re.search(f"[{m.CONTROL_CHARS}]", value)


def test_only_the_space_is_printable_whitespace():
    # check._string leaves a printable line without two spaces in a row as it
    # is, instead of splitting it at whitespace and joining it with spaces.
    every = (chr(c) for c in range(0x110000))
    assert [c for c in every if c.isspace() and c.isprintable()] == [" "]


@pytest.mark.parametrize("line", ["Ett prov", "Ett  prov", "Ett\u00a0prov", "Ett\u2003 prov", "Ett\tprov", "Ett\nprov"])
def test_a_line_is_made_single_spaced_as_before(one_method, line):
    root, original = one_method
    title = re.search(r"^title: .*\n", original, re.M)[0]
    (root / "methods" / "styrgrupp.yml").write_text(original.replace(title, f"title: {json.dumps(line)}\n"),
                                                    encoding="utf-8")
    entry = next(e for e in check_root(root).entries if e.id == "styrgrupp")
    assert entry.data["title"] == " ".join(line.split())

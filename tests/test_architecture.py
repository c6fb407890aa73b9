"""The shape the README's picture promises: the engine (spets/) does not
import MkDocs, only macros/ does, and no module imports itself in a circle,
`if TYPE_CHECKING:` imports included."""

from __future__ import annotations

import ast

from conftest import REPO

PACKAGES = ("spets", "macros")


def imports(path, package: str) -> set[str]:
    """Every module that `path` imports, absolute names, wherever the import stands."""
    module = f"{package}.{path.stem}" if path.stem != "__init__" else package
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = module.rsplit(".", node.level - (path.stem == "__init__"))[0]
                base = f"{parent}.{base}" if base else parent
            out.add(base)
            out |= {f"{base}.{alias.name}" for alias in node.names}
    return out


def graph() -> dict[str, set[str]]:
    modules = {}
    for package in PACKAGES:
        for path in sorted((REPO / package).glob("*.py")):
            name = package if path.stem == "__init__" else f"{package}.{path.stem}"
            modules[name] = imports(path, package)
    return {name: {m for m in found if m in modules and m != name} for name, found in modules.items()}


def test_the_engine_does_not_import_mkdocs():
    for name, found in graph().items():
        if name.startswith("spets"):
            raw = imports(REPO / "spets" / f"{name.split('.')[-1] if '.' in name else '__init__'}.py", "spets")
            assert not {m for m in raw if m.split(".")[0] in ("mkdocs", "material", "mkdocs_macros", "macros")}, name


def circle(edges: dict[str, set[str]]) -> list[str]:
    """One import circle, as a list of modules, or [] if there is none."""
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> list[str]:
        if name in path:
            return [*path[path.index(name):], name]
        if name in done:
            return []
        for target in sorted(edges[name]):
            found = visit(target, [*path, name])
            if found:
                return found
        done.add(name)
        return []

    return next((found for name in sorted(edges) if (found := visit(name, []))), [])


def test_no_module_imports_itself_in_a_circle():
    edges = graph()
    assert len(edges) > 20 and edges["spets.render"] >= {"spets.knowledge", "spets.site"}
    assert circle(edges) == []


def test_the_circle_check_finds_a_circle(tmp_path):
    """The test above can fail: a circle through an `if TYPE_CHECKING:` import is caught."""
    (tmp_path / "a.py").write_text("from . import b\n")
    (tmp_path / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import x\n")
    edges = {"spets.a": imports(tmp_path / "a.py", "spets") & {"spets.b"},
             "spets.b": imports(tmp_path / "b.py", "spets") & {"spets.a"}}
    assert circle(edges) == ["spets.a", "spets.b", "spets.a"]

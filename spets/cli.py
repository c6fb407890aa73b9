"""The `spets` command: `spets check`, `spets new` and `spets schema`.

Exit codes as in ruff and pytest: 0 all is well, 1 the content has problems
(or a file would be overwritten), 2 the command itself was used wrongly.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from . import json_schema
from . import model as m
from .check import CheckResult, check_root
from .knowledge import KnowledgeBase
from .load import find_files, read_content
from .problems import Problem
from .scaffold import NEXT_STEPS, template


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own exit code is 2 as well; keep it, in Swedish
        self.print_usage(sys.stderr)
        print(f"spets: fel: {message}", file=sys.stderr)
        sys.exit(2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="spets", description="Kontrollera och skapa innehåll i SPETS kunskapsbank.")
    sub = p.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_Parser)
    sub.required = True

    c = sub.add_parser("check", help="kontrollera alla filer")
    c.add_argument("--root", type=Path, default=Path("."), help="kunskapsbankens mapp (standard: .)")
    c.add_argument("--format", choices=("text", "github"), default="text",
                   help="text: sökväg:rad:kolumn: fält: meddelande; github: GitHub Actions-annoteringar")

    n = sub.add_parser("new", help="skapa en ny fil från en mall")
    n.add_argument("kind", choices=list(m.CLI_KIND_NAMES), help="vad som ska skapas")
    n.add_argument("id", help="id och filnamn, t.ex. chalmers-volvo-cars")
    n.add_argument("--root", type=Path, default=Path("."), help="kunskapsbankens mapp (standard: .)")

    s = sub.add_parser("schema", help="skriv JSON Schema för varje sort till schema/")
    s.add_argument("--root", type=Path, default=Path("."), help="kunskapsbankens mapp (standard: .)")
    what = s.add_mutually_exclusive_group()
    what.add_argument("--check", action="store_true",
                      help="skriv ingenting; avsluta med 1 om schema/ inte är aktuell")
    what.add_argument("--headers", action="store_true",
                      help="lägg schemaraden (# yaml-language-server: $schema=…) först i varje innehållsfil")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.root.is_dir():
        print(f"spets: fel: mappen {args.root} finns inte", file=sys.stderr)
        return 2
    try:
        return {"check": _check, "new": _new, "schema": _schema}[args.command](args)
    except OSError as error:  # a file or folder that cannot be written or read
        where = f"{error.filename}: " if error.filename else ""
        print(f"spets: fel: {where}kunde inte läsas eller skrivas ({error.strerror or error})", file=sys.stderr)
        return 2


def _check(args) -> int:
    result = _with_schema_lines(args.root, check_root(args.root))
    if not result.problems:
        result = _with_stale_schemas(args.root, result)
    print(result.report(args.format))
    return 1 if result.problems else 0


def _with_schema_lines(root: Path, result: CheckResult) -> CheckResult:
    """Where schema/ is committed, every content file begins with the line
    that names its schema (for editors); the pull request's tests check it,
    so `spets check` does too. A file that cannot be read is reported already."""
    if not (root / json_schema.FOLDER).is_dir():
        return result
    problems = []
    for kind, rel in find_files(root):
        data = read_content(root / rel)
        try:
            text = data.decode("utf-8") if isinstance(data, bytes) else None
        except UnicodeDecodeError:
            text = None
        line = json_schema.modeline(m.KINDS[kind])
        # The first line as a text file is read: \r\n, \r and \n all end it.
        if text is not None and text.replace("\r\n", "\n").replace("\r", "\n").partition("\n")[0] != line:
            problems.append(Problem(rel, 1, 1, "", f"första raden ska vara schemaraden `{line}`: kör "
                                    "`.venv/bin/spets schema --headers`, som lägger till den"))
    return replace(result, problems=tuple(sorted({*result.problems, *problems})))


def _with_stale_schemas(root: Path, result: CheckResult) -> CheckResult:
    """The committed copy under schema/ lists every id (for editors), so a new
    method, tool or vocabulary item makes it stale; the pull request's tests
    check it, so `spets check` does too. (A new case study never does.)"""
    if not (root / json_schema.FOLDER).is_dir():
        return result
    stale = json_schema.stale(root, KnowledgeBase.of(result.entries))
    problems = tuple(Problem(f"{json_schema.FOLDER}/{name}", 1, 1, "",
                             "är inte aktuell med innehållet: kör `spets schema` och checka in filerna "
                             "(redaktionen gör det annars åt dig)") for name in stale)
    return replace(result, problems=problems)


def _new(args) -> int:
    kind = m.KINDS[m.CLI_KIND_NAMES[args.kind]]
    if not m.valid_id(args.id) or len(args.id) > m.ID.type.max_len:
        print(f"spets: fel: {args.id!r} är inte ett giltigt id: använd bara a–z, 0–9 och "
              f"bindestreck, högst {m.ID.type.max_len} tecken, t.ex. chalmers-volvo-cars", file=sys.stderr)
        return 2
    if args.id in m.RESERVED_IDS:
        print(f"spets: fel: id:t {args.id!r} är upptaget av {m.RESERVED_IDS[args.id]}: välj ett annat",
              file=sys.stderr)
        return 2
    folder = args.root / kind.folder
    existing = [p for p in (folder / f"{args.id}.yml", folder / f"{args.id}.yaml") if p.exists()]
    if existing:
        print(f"spets: {existing[0].relative_to(args.root).as_posix()} finns redan; "
              "ingenting skrevs över", file=sys.stderr)
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{args.id}.yml"
    path.write_text(template(kind, args.id), encoding="utf-8")
    print(NEXT_STEPS.format(path=path.relative_to(args.root).as_posix()))
    return 0


def _schema(args) -> int:
    if args.headers:
        return _headers(args.root)
    result = check_root(args.root)
    if result.problems:
        print(result.report())
        print("spets: schemat skrivs från innehållet: rätta problemen ovan först", file=sys.stderr)
        return 1
    kb = KnowledgeBase.of(result.entries)
    folder = f"{json_schema.FOLDER}/"
    if args.check:
        stale = json_schema.stale(args.root, kb)
        if stale:
            print(f"spets: {folder} är inte aktuell ({', '.join(stale)}): kör `spets schema` "
                  "och checka in filerna", file=sys.stderr)
            return 1
        print(f"{folder} är aktuell.")
        return 0
    changed = json_schema.write(args.root, kb)
    for name in changed:
        print(f"Skrev {folder}{name}.")
    if not changed:
        print(f"{folder} var redan aktuell.")
    return 0


def _headers(root: Path) -> int:
    """Put the schema line first in every content file (idempotent)."""
    changed, unreadable = 0, 0
    for kind, rel in find_files(root):
        path = root / rel
        if not path.is_file():
            continue
        try:  # newline="": a file with CRLF line endings keeps them
            with path.open(encoding="utf-8", newline="") as f:
                text = f.read()
        except UnicodeDecodeError:
            print(f"{rel}:1:1: filen är inte giltig UTF-8: "
                  "spara den som UTF-8 (schemaraden lades inte till)")
            unreadable += 1
            continue
        new = json_schema.add_modeline(text, m.KINDS[kind])
        if new != text:
            with path.open("w", encoding="utf-8", newline="") as f:
                f.write(new)
            changed += 1
    print(f"Lade till schemaraden i {changed} filer." if changed else "Alla filer har redan schemaraden.")
    return 1 if unreadable else 0


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()

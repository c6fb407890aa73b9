"""The `spets` command: `spets check` and `spets new`.

Exit codes as in ruff and pytest: 0 all is well, 1 the content has problems
(or a file would be overwritten), 2 the command itself was used wrongly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import model as m
from .check import check_root
from .problems import summary
from .scaffold import template


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
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.root.is_dir():
        print(f"spets: fel: mappen {args.root} finns inte", file=sys.stderr)
        return 2
    return _check(args) if args.command == "check" else _new(args)


def _check(args) -> int:
    result = check_root(args.root)
    for problem in result.problems:
        print(problem.github() if args.format == "github" else problem.text())
    print(summary(list(result.problems), result.files))
    return 1 if result.problems else 0


def _new(args) -> int:
    kind = m.KINDS[m.CLI_KIND_NAMES[args.kind]]
    if not m.ID_PATTERN.match(args.id):
        print(f"spets: fel: {args.id!r} är inte ett giltigt id: använd bara a–z, 0–9 och "
              "bindestreck, t.ex. chalmers-volvo-cars", file=sys.stderr)
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
    print(f"Skapade {path.relative_to(args.root).as_posix()}. Fyll i fälten och kör sedan `spets check`.")
    return 0


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()

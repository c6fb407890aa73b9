"""A problem found in the content, and the two ways of printing it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the root, forward slashes
    line: int
    col: int
    field: str  # dotted path to the field, e.g. "partners[1].sector"; "" for the file
    message: str  # Swedish, for a person

    def text(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def github(self) -> str:
        # GitHub annotations: the message must not contain raw newlines or %.
        body = self.text().split(": ", 1)[1]
        body = body.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},col={self.col}::{body}"


def summary(problems: list[Problem], files: int) -> str:
    if not problems:
        return f"Inga problem i {files} filer."
    n_files = len({p.path for p in problems})
    return f"{len(problems)} problem i {n_files} av {files} filer."

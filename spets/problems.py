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
        # A file name comes from a pull request too: no newline in it may start a line of its own.
        path = self.path if self.path.isprintable() else repr(self.path)[1:-1]
        where = f"{path}:{self.line}:{self.col}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def github(self) -> str:
        # GitHub workflow commands: the message escapes %, CR and LF; the
        # file property also ':' and ',', or a file name could add properties.
        body = _escape(f"{self.field}: {self.message}" if self.field else self.message)
        # A name that is not UTF-8 (surrogate escapes) would not print at all.
        path = self.path.encode("utf-8", "backslashreplace").decode("utf-8")
        path = _escape(path).replace(":", "%3A").replace(",", "%2C")
        return f"::error file={path},line={self.line},col={self.col}::{body}"


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def summary(problems: list[Problem], files: int) -> str:
    if not problems:
        return f"Inga problem i {files} filer."
    n_files = len({p.path for p in problems})
    return f"{len(problems)} problem i {n_files} av {files} filer."

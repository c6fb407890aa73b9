"""Shared helpers: a fresh copy of the fixture knowledge base per test, and
real MkDocs builds of it in a temporary folder (no mocks)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "kb"
BIN = Path(sys.executable).parent


@pytest.fixture
def kb(tmp_path) -> Path:
    """A writable copy of tests/fixtures/kb, with the site's mkdocs.yml and docs/."""
    root = tmp_path / "kb"
    shutil.copytree(FIXTURE, root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    return root


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)


def spets(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run(str(BIN / "spets"), *args, cwd=cwd)


def mkdocs_build(root: Path) -> subprocess.CompletedProcess:
    return run(str(BIN / "mkdocs"), "build", "--strict", cwd=root)

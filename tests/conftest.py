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


def copy_fixture(dest: Path) -> Path:
    """tests/fixtures/kb with the site's mkdocs.yml, docs/ and overrides/, at dest/kb."""
    root = dest / "kb"
    shutil.copytree(FIXTURE, root)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copytree(REPO / "overrides", root / "overrides")
    return root


@pytest.fixture
def kb(tmp_path) -> Path:
    """A writable copy of the fixture knowledge base, for one test."""
    return copy_fixture(tmp_path)


@pytest.fixture(scope="session")
def built_fixture(tmp_path_factory) -> Path:
    """The fixture knowledge base built once into site/, shared read-only."""
    root = copy_fixture(tmp_path_factory.mktemp("built"))
    r = mkdocs_build(root)
    assert r.returncode == 0, r.stdout + r.stderr
    return root


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)


def spets(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run(str(BIN / "spets"), *args, cwd=cwd)


def mkdocs_build(root: Path) -> subprocess.CompletedProcess:
    return run(str(BIN / "mkdocs"), "build", "--strict", cwd=root)

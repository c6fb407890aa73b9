"""The knowledge base in this repository: clean, and built into a site."""

from __future__ import annotations

import shutil

from conftest import REPO, mkdocs_build, spets
from spets import index
from spets.check import check_root


def test_repository_content_is_clean():
    r = spets("check", cwd=REPO)
    assert r.returncode == 0, r.stdout


def test_repository_site_builds_strict(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".venv", "site", ".git", "*.egg-info", ".pytest_cache"))
    r = mkdocs_build(root)
    assert r.returncode == 0, r.stdout + r.stderr
    kb = index.build(check_root(REPO).entries)
    for kind in ("method", "tool", "case_study", "phase", "topic", "sector", "larosate", "role", "success_factor"):
        for entry in kb.all(kind):
            assert (root / "site" / entry.url / "index.html").is_file(), entry.url


def test_minimum_content_for_every_feature():
    kb = index.build(check_root(REPO).entries)
    assert len(kb.all("method")) >= 3 and len(kb.all("tool")) >= 2 and len(kb.all("case_study")) >= 3
    assert [p.id for p in kb.all("phase")] == ["identifiera", "etablera", "genomfora", "folja-upp", "fornya-avsluta"]
    assert {s.id for s in kb.all("sector")} == {"naringsliv", "offentlig-sektor", "ideburen-sektor", "forskningsinstitut"}
    assert sum(1 for lar in kb.all("larosate") if lar.spets) == 16
    for case in kb.all("case_study"):
        assert case.sources and all(s["url"] for s in case.sources), case.id


def test_content_invariants():
    """The content issue's rules: enough steps, every vocabulary item in use."""
    kb = index.build(check_root(REPO).entries)
    short = [m.id for m in kb.all("method") if len(m.steps) < 3]
    assert short == [], f"methods with fewer than three steps: {short}"
    for kind in ("topic", "role", "success_factor"):
        unused = [v.id for v in kb.all(kind)
                  if not any(kb.linked(v, k) for k in ("method", "tool", "case_study"))]
        assert unused == [], f"unused {kind}: {unused}"
    for case in kb.all("case_study"):
        assert case.provenance == "compiled" or case.last_reviewed, case.id

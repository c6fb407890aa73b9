"""The JSON Schema (spets/json_schema.py): valid for its dialect, up to date where
committed and where published, and in agreement with `spets check`."""

from __future__ import annotations

import copy
import datetime as dt
import json

import jsonschema
import pytest
import yaml

from conftest import FIXTURE, REPO, as_json, copy_fixture, mkdocs_build, spets
from spets import json_schema as schema
from spets.knowledge import KnowledgeBase
from spets import model as m
from spets.check import check_root
from spets.load import find_files

REGENERATE = ("kör `.venv/bin/spets schema` i kunskapsbankens mapp och checka in "
              "filerna i schema/ (de räknas fram ur spets/model.py och innehållet)")


def _kb(root):
    result = check_root(root)
    assert result.problems == (), [p.text() for p in result.problems]
    return KnowledgeBase.of(result.entries)



def _errors(kind: str, data, kb) -> list[str]:
    validator = jsonschema.Draft7Validator(schema.for_kind(m.KINDS[kind], kb),
                                           format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return [e.message for e in validator.iter_errors(as_json(data))]


def test_every_schema_is_valid_draft_07():
    kb = _kb(FIXTURE)
    for kind in m.KINDS.values():
        jsonschema.Draft7Validator.check_schema(schema.for_kind(kind, kb))
    case = schema.for_kind(m.CASE_STUDY, kb)
    assert case["title"] == "Fallstudie i SPETS kunskapsbank"
    institutions = case["properties"]["institutions"]
    assert institutions["title"] == "Lärosäten"
    lar = dict(zip(institutions["items"]["enum"], institutions["items"]["enumDescriptions"]))
    assert lar["liu"] == "Linköpings universitet"
    assert case["required"][:3] == ["id", "title", "summary"]


def test_committed_copy_is_up_to_date():
    stale = schema.stale(REPO, _kb(REPO))
    assert stale == [], f"schema/ är inte aktuell ({', '.join(stale)}): {REGENERATE}"


def test_published_copy_is_what_spets_schema_writes(built_fixture, tmp_path):
    root = copy_fixture(tmp_path)
    r = spets("schema", "--root", str(root), cwd=root)
    assert r.returncode == 0, r.stdout + r.stderr
    committed = sorted(p.name for p in (root / "schema").iterdir())
    published = sorted(p.name for p in (built_fixture / "site" / "schema").iterdir())
    assert committed == published == sorted(f"{k}.schema.json" for k in m.KINDS)
    for name in committed:
        assert (built_fixture / "site/schema" / name).read_bytes() == (root / "schema" / name).read_bytes(), \
            f"site/schema/{name} skiljer sig från schema/{name}: {REGENERATE}"
    # Adding a method makes the committed copy stale, and `--check` says so in Swedish.
    method = (root / "methods/styrgrupp.yml").read_text(encoding="utf-8")
    (root / "methods/ny-metod.yml").write_text(method.replace("id: styrgrupp", "id: ny-metod"), encoding="utf-8")
    r = spets("schema", "--check", "--root", str(root), cwd=root)
    assert r.returncode == 1 and "schema/ är inte aktuell" in r.stderr and "kör `spets schema`" in r.stderr
    r = spets("schema", "--root", str(root), cwd=root)
    assert r.returncode == 0 and "Skrev schema/method.schema.json." in r.stdout
    assert "ny-metod" in json.loads((root / "schema/case_study.schema.json").read_text())["properties"]["methods"][
        "items"]["enum"]
    assert spets("schema", "--check", "--root", str(root), cwd=root).returncode == 0


def test_schema_refuses_to_write_from_content_with_problems(kb):
    (kb / "methods/styrgrupp.yml").write_text("id: styrgrupp\n", encoding="utf-8")
    r = spets("schema", cwd=kb)
    assert r.returncode == 1 and "rätta problemen ovan först" in r.stderr
    assert not (kb / "schema").exists()


@pytest.mark.parametrize("root", [REPO, FIXTURE], ids=["repository", "fixture"])
def test_valid_content_passes_the_schema_too(root):
    kb = _kb(root)
    for kind, rel in find_files(root):
        data = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
        assert _errors(kind, data, kb) == [], rel


def _case():
    return yaml.safe_load((FIXTURE / "case_studies/liu-partner.yml").read_text(encoding="utf-8")) | {"id": "prov"}


def _set(path: str, value):
    def mutate(data):
        *parents, last = path.split(".")
        target = data
        for p in parents:
            target = target[int(p)] if p.isdigit() else target[p]
        if value is KeyError:
            del target[int(last) if last.isdigit() else last]
        else:
            target[int(last) if last.isdigit() else last] = value
        return data
    return mutate


INVALID_CASES = {
    "title saknas": _set("title", KeyError),
    "tom titel": _set("title", ""),
    "titel med bara mellanslag": _set("title", "   "),
    "titel med kontrolltecken": _set("title", "Ett\x07pip"),
    "okänt fält": _set("titel", "Stavfel"),
    "sammanfattning för lång": _set("summary", "å" * 401),
    "okänd status": _set("status", "pågående"),
    "startår som text": _set("started", "2013"),
    "orimligt startår": _set("started", 1800),
    "inga lärosäten": _set("institutions", []),
    "okänt lärosäte": _set("institutions", ["okant"]),
    "lärosäte två gånger": _set("institutions", ["liu", "liu"]),
    "lärosäten som text": _set("institutions", "liu"),
    "okänd sektor": _set("partners.0.sector", "industri"),
    "partner utan namn": _set("partners.0.name", KeyError),
    "partner som text": _set("partners", ["Saab"]),
    "källa med ftp": _set("sources.0.url", "ftp://liu.se/fil"),
    "källa utan schema": _set("sources.0.url", "www.liu.se"),
    "källa med mellanslag": _set("sources.0.url", "https://liu.se/en sida"),
    "inga källor": _set("sources", []),
    "ogiltigt datum": _set("published", "2026-13-01"),
    "datum i fel form": _set("published", "1 maj 2026"),
    "datum med snedstreck": _set("last_reviewed", "2026/05/01"),
    "ogiltigt id": _set("id", "Prov Fall"),
    "okänd metod": _set("methods", ["styrgrup"]),
    "verktyg är en metod": _set("tools", ["styrgrupp"]),
    "ursprung okänt": _set("provenance", "inskickad"),
    "obligatoriskt fält utan värde": _set("activities", None),
}


@pytest.mark.parametrize("name", list(INVALID_CASES))
def test_invalid_case_fails_both(kb, name):
    data = INVALID_CASES[name](copy.deepcopy(_case()))
    path = kb / "case_studies/prov.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    problems = [p for p in check_root(kb).problems if p.path == "case_studies/prov.yml"]
    assert problems, f"{name}: spets check godtog filen"
    assert _errors("case_study", data, _kb_without(kb, path)), f"{name}: schemat godtog filen"


def test_the_unmodified_sample_passes_both(kb):
    data = _case()
    (kb / "case_studies/prov.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                              encoding="utf-8")
    assert check_root(kb).problems == ()
    assert _errors("case_study", data, _kb(kb)) == []


def test_invalid_method_and_vocabulary_fail_both(kb):
    method = yaml.safe_load((kb / "methods/styrgrupp.yml").read_text(encoding="utf-8"))
    good_kb = _kb(kb)
    for mutate in (_set("steps", []), _set("effort.level", "stor"), _set("related", ["okand-metod"])):
        data = mutate(copy.deepcopy(method))
        (kb / "methods/styrgrupp.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        assert check_root(kb).problems, data
        assert _errors("method", data, good_kb), data
    topics = yaml.safe_load((FIXTURE / "taxonomy/topics.yml").read_text(encoding="utf-8"))
    for bad in ({"Fel Id": {"name": "x", "description": "y"}}, {"ok": {"name": "x"}}, {}):
        (kb / "taxonomy/topics.yml").write_text(yaml.safe_dump(topics | bad, allow_unicode=True), encoding="utf-8")
        if bad:
            assert check_root(kb).problems, bad
            assert _errors("topic", topics | bad, good_kb), bad
    assert _errors("topic", {}, good_kb)


def _kb_without(root, path):
    """The knowledge base as it is without the (invalid) sample file."""
    path.unlink()
    return _kb(root)


def test_modeline_and_headers_command(kb):
    text = (kb / "case_studies/liu-partner.yml").read_text(encoding="utf-8")
    assert schema.add_modeline(text, m.CASE_STUDY).splitlines()[0] == \
        "# yaml-language-server: $schema=../schema/case_study.schema.json"
    once = schema.add_modeline(text, m.CASE_STUDY)
    assert schema.add_modeline(once, m.CASE_STUDY) == once
    r = spets("schema", "--headers", cwd=kb)
    assert r.returncode == 0 and "Lade till schemaraden i 15 filer." in r.stdout
    r = spets("schema", "--headers", cwd=kb)
    assert "Alla filer har redan schemaraden." in r.stdout
    assert (kb / "taxonomy/topics.yml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/topic.schema.json\n")
    # The comment changes nothing for the check, nor for the site.
    assert spets("check", cwd=kb).returncode == 0
    r = mkdocs_build(kb)
    assert r.returncode == 0, r.stderr


def test_every_content_file_names_its_schema():
    missing = []
    for kind, rel in find_files(REPO):
        first = (REPO / rel).read_text(encoding="utf-8").partition("\n")[0]
        if first != schema.modeline(m.KINDS[kind]):
            missing.append(rel)
    assert missing == [], ("första raden ska vara schemaraden i: " + ", ".join(missing)
                           + "; kör `.venv/bin/spets schema --headers`")

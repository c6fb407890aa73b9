"""A tool's self-assessment as data (the field `assessment`): `spets check`
reads it with a Swedish message at the line of each mistake, the JSON Schema
agrees, the open data carries it, and its methods are advice, not links
between entries."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
import yaml

from conftest import as_json
from spets import codebook, export
from spets import json_schema as schema
from spets import model as m
from spets.check import check_root
from spets.knowledge import KnowledgeBase

TODAY = dt.date(2026, 11, 27)

# A small self-assessment on the fixture's methods. Line numbers below count from here.
TOOL = """\
id: prov
title: Prov på självskattning
summary: En självskattning i två områden.
type: self-assessment
description: Ett prov.
how_to_use: Fyll i.
content: |
  # Frågor
  - Vad ser vi?
assessment:
  levels:
    - name: Transaktion
      description: Enstaka affärer.
    - name: Samarbete
      description: Flera projekt.
    - name: Allians
      description: En gemensam strategi.
  half_steps: true
  areas:
    - name: Ledning
      levels: [Ingen kontakt., Ibland., Regelbundet.]
      methods: [styrgrupp]
    - name: Mål
      levels: [Egna mål., Några gemensamma., Gemensamma och långsiktiga.]
      methods: [avsiktsforklaring, styrgrupp]
phases: [folja-upp]
topics: [forankring]
published: 2026-01-15
"""


def write(kb, text=TOOL):
    (kb / "tools/prov.yml").write_text(text, encoding="utf-8")
    return check_root(kb, today=TODAY)


def problems(kb, old, new):
    assert old in TOOL, old
    return [p.text() for p in write(kb, TOOL.replace(old, new, 1)).problems]


def test_a_valid_assessment_is_read_as_data(kb):
    result = write(kb)
    assert result.problems == ()
    tool = next(e for e in result.entries if e.id == "prov")
    a = tool.assessment
    assert [level["name"] for level in a["levels"]] == ["Transaktion", "Samarbete", "Allians"]
    assert a["half_steps"] is True
    assert a["areas"][1] == {"name": "Mål", "levels": ["Egna mål.", "Några gemensamma.",
                                                      "Gemensamma och långsiktiga."],
                             "methods": ["avsiktsforklaring", "styrgrupp"]}
    # The methods that help an area are not methods that use the tool: no edge.
    kb_ = KnowledgeBase.of(result.entries)
    assert [e.id for e in kb_.linked(tool, "method")] == []


@pytest.mark.parametrize("old, new, expected", [
    # One text too few for the scale of three.
    ("levels: [Ingen kontakt., Ibland., Regelbundet.]", "levels: [Ingen kontakt., Ibland.]",
     "tools/prov.yml:21:15: assessment.areas[1].levels: området 'Ledning' har 2 texter, men skalan har 3 "
     "nivåer: skriv en text per nivå, i samma ordning som under levels"),
    # A method that does not exist, with the nearest id suggested.
    ("methods: [avsiktsforklaring, styrgrupp]", "methods: [avsiktsforklaring, styrgrup]",
     "tools/prov.yml:25:36: assessment.areas[2].methods[2]: okänt id 'styrgrup': ingen metod med det id:t "
     "finns i methods/ – menade du 'styrgrupp'?"),
    # A tool is not a method.
    ("methods: [styrgrupp]", "methods: [arsfragor]",
     "tools/prov.yml:22:17: assessment.areas[1].methods[1]: 'arsfragor' är ett verktyg, inte en metod"),
    ("methods: [styrgrupp]", "methods: []",
     "tools/prov.yml:22:16: assessment.areas[1].methods: listan är tom"),
    ("    - name: Mål\n", "    - name: ledning\n",
     "tools/prov.yml:23:13: assessment.areas[2].name: området 'ledning' finns redan: ge varje område ett eget namn"),
    ("  half_steps: true", "  half_steps: ja",
     "tools/prov.yml:18:15: assessment.half_steps: ska vara true eller false (inte 'ja')"),
    ("      description: Flera projekt.\n", "",
     "tools/prov.yml:14:7: assessment.levels[2].description: fältet 'description' saknas"),
    ("  areas:", "  omraden:",
     "tools/prov.yml:19:3: assessment.omraden: okänt fält 'omraden'"),
])
def test_mistakes_in_an_assessment_name_line_and_field(kb, old, new, expected):
    found = problems(kb, old, new)
    assert expected in found, found


def test_a_scale_of_one_level_is_too_short(kb):
    text = TOOL.replace("    - name: Samarbete\n      description: Flera projekt.\n"
                        "    - name: Allians\n      description: En gemensam strategi.\n", "")
    found = [p.text() for p in write(kb, text).problems]
    assert "tools/prov.yml:12:5: assessment.levels: listan ska ha minst 2 värden" in found, found


def _schema_errors(kb, data):
    kb_ = KnowledgeBase.of(check_root(kb, today=TODAY).entries)
    validator = jsonschema.Draft7Validator(schema.for_kind(m.TOOL, kb_))
    return [e.message for e in validator.iter_errors(as_json(data))]


def test_the_json_schema_agrees(kb):
    data = yaml.safe_load(TOOL)
    assert _schema_errors(kb, data) == []
    for mutate in (lambda d: d["assessment"]["areas"][0].update(methods=["okand"]),
                   lambda d: d["assessment"]["areas"][0].pop("methods"),
                   lambda d: d["assessment"].update(levels=[{"name": "En", "description": "x"}]),
                   lambda d: d["assessment"]["areas"][0].update(extra=1)):
        bad = yaml.safe_load(TOOL)
        mutate(bad)
        assert _schema_errors(kb, bad), bad


def test_open_data_carries_the_assessment(kb):
    result = write(kb)
    tool = next(e for e in result.entries if e.id == "prov")
    field = next(f for f in m.TOOL.fields if f.name == "assessment")
    # One CSV column, whose cell is the assessment as JSON.
    assert "assessment" in export.columns(m.TOOL)
    assert json.loads(field.type.cell(tool.assessment)) == tool.assessment
    assert field.type.cell(None) == ""
    # The codebook describes it in Swedish.
    row = next(r for r in codebook.rows(m.TOOL) if r["name"] == "assessment")
    assert row["required"] is False and "levels" in row["type"] and "areas" in row["type"]


def test_the_repositorys_self_assessment_is_structured():
    from conftest import REPO
    result = check_root(REPO)
    tool = next(e for e in result.entries if e.id == "sjalvskattning-mognad")
    a = tool.assessment
    assert len(a["levels"]) == 3 and len(a["areas"]) == 10
    assert all(1 <= len(area["methods"]) <= 3 for area in a["areas"])
    # The table is drawn from the data, not written twice in the Markdown.
    assert "| Område |" not in tool.content

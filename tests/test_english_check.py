"""`spets check` on the English texts (`en`): each mistake at its line and field."""

from __future__ import annotations

import datetime as dt

import pytest

from spets import model as m
from spets.check import check_root

TODAY = dt.date(2026, 11, 27)

ENGLISH = """\
en:
  title: Joint steering group
  summary: A steering group with members from both parties leads the partnership.
  steps:
    - Appoint members from both parties.
    - Decide how often to meet.
    - Follow up the action plan.
  effort:
    time: Four meetings a year
"""


def check(kb, english: str, file="methods/styrgrupp.yml"):
    path = kb / file
    path.write_text(path.read_text(encoding="utf-8") + english, encoding="utf-8")
    result = check_root(kb, today=TODAY)
    return result, [p.text() for p in result.problems]


def test_an_english_text_is_kept_beside_the_swedish(kb):
    result, problems = check(kb, ENGLISH)
    assert problems == []
    entry = next(e for e in result.entries if e.id == "styrgrupp")
    assert entry.title == "Gemensam styrgrupp"
    assert entry.en["title"] == "Joint steering group"
    assert entry.en["steps"][1] == "Decide how often to meet."
    assert entry.en["effort"] == {"time": "Four meetings a year"}
    assert entry.en["why"] is None  # not translated: the page shows the Swedish text


def test_english_is_optional(kb):
    result, problems = check(kb, "")
    assert problems == []
    assert next(e for e in result.entries if e.id == "styrgrupp").en is None


LINE = 25  # where `en:` starts, below the fixture's 24 lines


@pytest.mark.parametrize("old, new, expected", [
    ("  title: Joint steering group\n", "",
     [f"{LINE + 1}:3: en.title: fältet 'title' saknas"]),
    ("title: Joint steering group", 'title: ""',
     [f"{LINE + 1}:10: en.title: får inte vara tomt"]),
    ("title: Joint steering group", "title: " + "x" * 121,
     [f"{LINE + 1}:10: en.title: är för långt (121 tecken; högst 120)"]),
    ("    - Follow up the action plan.\n", "",
     [f"{LINE + 4}:5: en.steps: har 2 värden på engelska men 3 på svenska (steps): "
      "översätt varje värde, i samma ordning"]),
    ("  effort:\n", "  partners: x\n  effort:\n",
     [f"{LINE + 7}:3: en.partners: okänt fält 'partners'"]),
    ("    time: Four meetings a year\n", "    level: medium\n",
     [f"{LINE + 8}:5: en.effort.level: okänt fält 'level'", f"{LINE + 8}:5: en.effort.time: fältet 'time' saknas"]),
])
def test_english_mistakes(kb, old, new, expected):
    assert old in ENGLISH
    _, problems = check(kb, ENGLISH.replace(old, new, 1))
    assert problems == ["methods/styrgrupp.yml:" + e for e in expected]


def test_an_english_text_needs_its_swedish_one(kb):
    # The fixture's case has no results: an English text of them has nothing to translate.
    _, problems = check(kb, "en:\n  title: Chalmers and Volvo Cars\n  results: It worked.\n",
                        file="case_studies/chalmers-volvo-cars.yml")
    assert problems == ["case_studies/chalmers-volvo-cars.yml:25:12: en.results: det finns ingen svensk text "
                        "att översätta: fältet 'results' saknas. Skriv den svenska texten först, eller ta bort "
                        "en.results"]


def test_a_vocabulary_item_in_english(kb):
    path = kb / "taxonomy" / "phases.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("etablera:\n  name: Etablera\n",
                                 "etablera:\n  name: Etablera\n  en:\n    name: Establish\n", 1), encoding="utf-8")
    result = check_root(kb, today=TODAY)
    assert result.problems == ()
    phase = next(e for e in result.entries if e.kind == "phase" and e.id == "etablera")
    assert phase.en == {"name": "Establish", "description": None}


def test_the_english_shape_follows_the_translated_fields():
    # Every kind has `en`, made from its fields marked translate; proper names
    # (partners, sources) and the choices stay out.
    method = {f.name: f for f in m.METHOD.fields}["en"].type
    assert [f.name for f in method.fields] == ["title", "summary", "description", "why", "steps", "effort",
                                               "considerations"]
    assert [f.name for f in method.fields if f.required] == ["title"]
    case = {f.name: f for f in m.CASE_STUDY.fields}["en"].type
    assert "partners" not in [f.name for f in case.fields] and "sources" not in [f.name for f in case.fields]
    assert all(k.fields[-1].name == "en" for k in m.KINDS.values())

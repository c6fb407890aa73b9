"""Loading and checking: each kind of problem gives its message at its line."""

from __future__ import annotations

import datetime as dt

import pytest

from spets.check import check_root

TODAY = dt.date(2026, 11, 27)


def problems(root):
    return [p.text() for p in check_root(root, today=TODAY).problems]


def test_fixture_is_clean(kb):
    result = check_root(kb, today=TODAY)
    assert result.problems == ()
    kinds = sorted({e.kind for e in result.entries})
    assert kinds == ["case_study", "larosate", "method", "phase", "role", "sector",
                     "success_factor", "term", "tool", "topic"]


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (file, text to replace, replacement, the exact problem line expected)
CASES = [
    ("methods/styrgrupp.yml", "title: Gemensam styrgrupp\n", "",
     "methods/styrgrupp.yml:1:1: title: fältet 'title' saknas"),
    ("methods/styrgrupp.yml", "title: Gemensam styrgrupp", "titel: Gemensam styrgrupp",
     "methods/styrgrupp.yml:2:1: titel: okänt fält 'titel' – menade du 'title'?"),
    ("methods/styrgrupp.yml", "title: Gemensam styrgrupp", 'title: "  "',
     "methods/styrgrupp.yml:2:8: title: får inte vara tomt"),
    ("methods/styrgrupp.yml", "title: Gemensam styrgrupp", "title: " + "x" * 121,
     "methods/styrgrupp.yml:2:8: title: är för långt (121 tecken; högst 120)"),
    ("methods/styrgrupp.yml", "title: Gemensam styrgrupp", "title: [a, b]",
     "methods/styrgrupp.yml:2:8: title: ska vara ett enkelt värde, inte en lista"),
    ("methods/styrgrupp.yml", "  level: medium", "  level: mellan",
     "methods/styrgrupp.yml:12:10: effort.level: okänt värde 'mellan'; tillåtna är low, medium, high"),
    ("methods/styrgrupp.yml", "phases: [etablera, genomfora]", "phases: [etablera, genomföra]",
     "methods/styrgrupp.yml:14:20: phases[2]: okänt id 'genomföra': ingen fas med det id:t finns i "
     "taxonomy/phases.yml – menade du 'genomfora'?"),
    ("methods/styrgrupp.yml", "phases: [etablera, genomfora]", "phases: etablera",
     "methods/styrgrupp.yml:14:9: phases: ska vara en lista: skriv varje värde på en egen rad som börjar med '- '"),
    ("methods/styrgrupp.yml", "phases: [etablera, genomfora]", "phases: []",
     "methods/styrgrupp.yml:14:9: phases: listan är tom"),
    ("methods/styrgrupp.yml", "phases: [etablera, genomfora]", "phases: [etablera, etablera]",
     "methods/styrgrupp.yml:14:20: phases[2]: 'etablera' förekommer två gånger i listan"),
    ("methods/styrgrupp.yml", "tools: [arsfragor]", "tools: [avsiktsforklaring]",
     "methods/styrgrupp.yml:17:9: tools[1]: 'avsiktsforklaring' är en metod, inte ett verktyg"),
    ("methods/styrgrupp.yml", "id: styrgrupp", "id: styrgruppen",
     "methods/styrgrupp.yml:1:5: id: id:t 'styrgruppen' stämmer inte med filnamnet 'styrgrupp'"),
    ("methods/styrgrupp.yml", "url: https://example.org/styrgrupp", "url: javascript:alert(1)",
     "methods/styrgrupp.yml:22:10: sources[1].url: adressen måste börja med https: eller http: "
     "eller mailto: (inte javascript:)"),
    ("methods/styrgrupp.yml", "url: https://example.org/styrgrupp", "url: https://exempel",
     "methods/styrgrupp.yml:22:10: sources[1].url: 'https://exempel' är inte en giltig adress"),
    ("methods/styrgrupp.yml", "published: 2026-01-10", "published: 2027-01-10",
     "methods/styrgrupp.yml:23:12: published: datumet 2027-01-10 ligger i framtiden"),
    ("methods/styrgrupp.yml", "published: 2026-01-10", "published: 10 januari",
     "methods/styrgrupp.yml:23:12: published: ska vara ett datum i formen ÅÅÅÅ-MM-DD (inte '10 januari')"),
    ("methods/styrgrupp.yml", "id: styrgrupp\n", "id: styrgrupp\nid: styrgrupp\n",
     "methods/styrgrupp.yml:2:1: id: nyckeln 'id' förekommer två gånger (första gången på rad 1)"),
    ("methods/styrgrupp.yml", "title: Gemensam styrgrupp", "title: Gemensam styrgrupp: ny",
     "methods/styrgrupp.yml:2:26: title: ett kolon följt av mellanslag inne i ett värde: "
     "sätt värdet inom citattecken, eller rätta indraget om det ska vara en ny nyckel"),
    ("methods/styrgrupp.yml", "steps:\n  - Utse", "steps:\n\t- Utse",
     "methods/styrgrupp.yml:8:1: steps: tabbtecken får inte användas för indrag i YAML: använd mellanslag"),
    ("methods/styrgrupp.yml", "title: Gemensam styrgrupp", "title: !!python/object:os.system x",
     "methods/styrgrupp.yml:2:8: title: YAML-taggen '!!python/object:os.system' är inte tillåten: "
     "ta bort den, värden skrivs utan taggar"),
    ("methods/styrgrupp.yml", "title: Gemensam styrgrupp", "title: &a Gemensam styrgrupp\nsummary2: *a",
     "methods/styrgrupp.yml:3:11: summary2: alias (*namn) är inte tillåtna: skriv ut värdet i stället"),
    ("case_studies/liu-partner.yml", "ended: 2020", "ended: 2010",
     "case_studies/liu-partner.yml:11:8: ended: slutåret 2010 ligger före startåret 2015"),
    ("case_studies/umu-partner.yml", "status_checked: 2026-03-15", "status_checked: 2016-03-15",
     "case_studies/umu-partner.yml:12:17: status_checked: datumet 2016-03-15 ligger före startåret 2018: "
     "ange när det senast bekräftades att partnerskapet pågår"),
    ("case_studies/liu-partner.yml", "started: 2015", "started: 2015-2020",
     "case_studies/liu-partner.yml:10:10: started: ska vara ett årtal med fyra siffror, t.ex. 2017 (inte '2015-2020')"),
    ("case_studies/liu-partner.yml", "started: 2015", 'started: "2015"',
     "case_studies/liu-partner.yml:10:10: started: skriv årtalet utan citattecken: 2015"),
    ("taxonomy/larosaten.yml", "  spets: true", "  spets: 'true'",
     "taxonomy/larosaten.yml:6:10: bth.spets: skriv true utan citattecken"),
    # An address with a quote, an angle bracket or a character that turns the
    # direction of text could read as something else: it is refused.
    ("case_studies/liu-partner.yml", "url: https://liu.se/artikel/strategiska-partnerskap",
     """url: 'https://liu.se/"><script>'""",
     """case_studies/liu-partner.yml:21:10: sources[1].url: 'https://liu.se/"><script>' är inte en giltig adress"""),
    ("case_studies/liu-partner.yml", "url: https://liu.se/artikel/strategiska-partnerskap",
     'url: "https://liu.se/\\u202eexe.txt"',
     "case_studies/liu-partner.yml:21:10: sources[1].url: 'https://liu.se/\\u202eexe.txt' är inte en giltig adress"),
    ("case_studies/liu-partner.yml", "url: https://liu.se/artikel/strategiska-partnerskap",
     "url: https://[liu.se/x",
     "case_studies/liu-partner.yml:21:10: sources[1].url: 'https://[liu.se/x' är inte en giltig adress"),
    ("case_studies/liu-partner.yml", "    sector: naringsliv", "    sector: avtal",
     "case_studies/liu-partner.yml:9:13: partners[2].sector: 'avtal' är ett ämne, inte en sektor"),
    ("case_studies/liu-partner.yml", "  - title: LiU om strategiska partnerskap\n"
     "    url: https://liu.se/artikel/strategiska-partnerskap\n", "",
     "case_studies/liu-partner.yml:19:9: sources: fältet 'sources' saknar värde"),
    ("taxonomy/larosaten.yml", "  spets: true", "  spets: yes",
     "taxonomy/larosaten.yml:6:10: bth.spets: ska vara true eller false (inte 'yes')"),
    ("taxonomy/topics.yml", "avtal:", "Avtal:",
     "taxonomy/topics.yml:4:1: Avtal: 'Avtal' är inte ett giltigt id: använd bara a–z, 0–9 och bindestreck"),
]


@pytest.mark.parametrize("path, old, new, expected", CASES, ids=[c[3].split(": ", 2)[-1][:40] for c in CASES])
def test_problem_is_reported_at_its_line(kb, path, old, new, expected):
    replace(kb / path, old, new)
    assert expected in problems(kb)


def test_text_fields_keep_yaml_1_1_words_as_text(kb):
    """`no`, `on`, `1e3`, `1:20` and dates stay the text they are where text is expected."""
    replace(kb / "taxonomy/topics.yml", "name: Avtal", "name: NO")
    replace(kb / "taxonomy/topics.yml", "name: Oanvänt ämne", "name: 1:20")
    replace(kb / "taxonomy/roles.yml", "name: Partneransvarig", "name: 2017-2020")
    result = check_root(kb, today=TODAY)
    assert result.problems == ()
    names = {e.id: e.name for e in result.entries if e.kind in ("topic", "role")}
    assert names["avtal"] == "NO" and names["oanvant"] == "1:20" and names["partneransvarig"] == "2017-2020"


@pytest.mark.parametrize("content, expected", [
    (b"", "methods/x.yml:1:1: filen är tom"),
    (b"# bara en kommentar\n", "methods/x.yml:1:1: filen är tom"),
    (b"- a\n- b\n", "methods/x.yml:1:1: filen ska bestå av nycklar med värden"),
    (b"bara text\n", "methods/x.yml:1:1: filen ska bestå av nycklar med värden"),
    (b"id: x\ntitle: \xff\xfe\n", "methods/x.yml:2:1: filen är inte giltig UTF-8"),
    (b"id: x\ntitle: a\x00b\n", "methods/x.yml:2:9: filen innehåller ett NUL-tecken"),
    (b"a: " + b"[" * 100 + b"]" * 100, "methods/x.yml:1:"),
    (b'a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n', "alias (*namn) är inte tillåtna"),
])
def test_broken_files_fail_cleanly(kb, content, expected):
    (kb / "methods/x.yml").write_bytes(content)
    found = problems(kb)
    assert any(line.startswith(expected) or expected in line for line in found), found
    # The other files are still checked in the same run: the fixture stays clean otherwise.
    assert all(line.startswith("methods/x.yml") for line in found)


def test_bom_and_crlf_are_fine(kb):
    path = kb / "methods/avsiktsforklaring.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert problems(kb) == []


def test_invalid_file_name_and_duplicate_id(kb):
    (kb / "methods/Fel_Namn.yml").write_text((kb / "methods/avsiktsforklaring.yml").read_text())
    (kb / "methods/avsiktsforklaring.yaml").write_text((kb / "methods/avsiktsforklaring.yml").read_text())
    found = problems(kb)
    assert any(p.startswith("methods/Fel_Namn.yml:1:1: filnamnet 'Fel_Namn' är inte ett giltigt id") for p in found)
    assert "methods/avsiktsforklaring.yml:1:5: id: id:t 'avsiktsforklaring' används redan av " \
           "methods/avsiktsforklaring.yaml" in found


def test_reserved_ids_trailing_newlines_and_odd_files(kb):
    topics = kb / "taxonomy/topics.yml"
    topics.write_text(topics.read_text() + 'index:\n  name: Index\n"ny\\n":\n  name: Ny\n')
    (kb / "methods/lank.yml").symlink_to(kb / "methods/styrgrupp.yml")
    (kb / "methods/bruten.yml").symlink_to(kb / "finns-inte.yml")
    found = problems(kb)
    assert any(p.startswith("taxonomy/topics.yml:") and "id:t 'index' är upptaget av listsidan" in p for p in found)
    assert any(p.startswith("taxonomy/topics.yml:") and "'ny\\n' är inte ett giltigt id" in p for p in found), found
    assert "methods/lank.yml:1:1: symboliska länkar läses inte: lägg in själva filen här" in found
    assert "methods/bruten.yml:1:1: filen läses inte: den är ingen vanlig fil" in found


def test_a_pipe_a_folder_or_a_huge_file_is_named_and_never_hangs(kb):
    import os

    from spets.load import MAX_FILE_BYTES
    os.mkfifo(kb / "methods/ror.yml")
    (kb / "taxonomy/sectors.yml").unlink()
    os.mkfifo(kb / "taxonomy/sectors.yml")  # read by name: opening it must not wait for a writer
    (kb / "tools/stor.yml").write_bytes(b"a" * (MAX_FILE_BYTES + 1))
    found = problems(kb)
    assert "methods/ror.yml:1:1: filen läses inte: den är ingen vanlig fil" in found
    assert "taxonomy/sectors.yml:1:1: filen läses inte: den är ingen vanlig fil" in found
    assert any(p.startswith("tools/stor.yml:1:1: filen är för stor") for p in found), found


def test_every_problem_in_every_file_in_one_run(kb):
    replace(kb / "methods/styrgrupp.yml", "level: medium", "level: x")
    replace(kb / "tools/arsfragor.yml", "type: question-set", "type: y")
    (kb / "case_studies/trasig.yml").write_text("id: [\n")
    found = problems(kb)
    assert {p.split(":")[0] for p in found} == {
        "methods/styrgrupp.yml", "tools/arsfragor.yml", "case_studies/trasig.yml"}


# Malformed YAML of every sort libyaml reports: each gives a Swedish
# sentence at a position, never the parser's English alone.
SYNTAX = {
    "title: [a, b\nsummary: c\n": "3:8: title: listan inom [ ] som börjar på rad 2 stängs aldrig",
    'title: "abc\nsummary: c\n': "4:1: title: filen tar slut innan citattecknet som börjar på rad 2 har stängts",
    "steps:\n  - a\n - b\n": "4:2: steps: här ska en ny nyckel börja",
    "title: a\n- b\n": "3:1: title: här ska en ny nyckel börja",
    "title: @foo\n": "2:8: title: ett värde får inte börja med tecknet '@'",
    "title: `foo`\n": "2:8: title: ett värde får inte börja med tecknet '`'",
    'title: "a\\qb"\n': "2:10: title: okänd kombination med \\",
    "title: x\n---\nid: y\n": "3:1: filen innehåller mer än ett YAML-dokument",
    "title: a\x01b\n": "2:9: filen innehåller det osynliga tecknet U+0001",
    "title: a\u202ab\x7f\n": "2:11: filen innehåller det osynliga tecknet U+007F",
    "title: !e!foo a\n": "2:8: title: okänd YAML-tagg efter !",
    "%YAML 2.0\n---\nid: x\n": "2:1: rader som börjar med % är YAML-direktiv",
    "a: &x 1\nb: &x 2\n": "3:4: b: samma ankare (&namn) förekommer två gånger",
    "title: [a, ]]\n": "2:13: title: oväntad text efter värdet på samma rad",
    "title\nsummary: y\n": "2:1: title: en nyckel saknar kolon",
    "effort: {level: low, time: a\n": "3:1: effort: { } som börjar på rad 2 stängs aldrig: saknas }",
    "description: |0\n  a\n": "2:15: description: siffran efter | eller > får inte vara 0",
    "title: x\n... junk\n": "3:5: text efter slutet av dokumentet",
    'title: "abc" def\n': "2:14: title: oväntad text efter värdet på samma rad",
    "title: a\n  summary: b\n": "3:10: title: ett kolon följt av mellanslag inne i ett värde",
    "description: | junk\n  a\n": "2:16: description: oväntad text efter | eller >",
    "title: & a\n": "2:9: title: efter & eller * måste ett namn stå",
    "title: -\n- a\n": "2:8: title: ett listelement ('- ') står där det inte får stå",
    "title: \"\\xZZ\"\n": "2:11: title: ogiltig \\u- eller \\x-kod inom dubbla citattecken",
    "title: !<tag:yaml.org,2002:str\n": "2:31: title: ogiltig YAML-tagg efter !",
    "title: x\nsteps: " + "[" * 2000 + "\n": "3:1007: steps: för djup nästling (mer än 32 nivåer)",
}


@pytest.mark.parametrize("text, expected", SYNTAX.items(), ids=[e.split(": ", 1)[-1][:30] for e in SYNTAX.values()])
def test_every_yaml_syntax_error_is_explained_in_swedish(kb, text, expected):
    (kb / "methods/x.yml").write_text("id: x\n" + text, encoding="utf-8")
    found = [p for p in problems(kb) if p.startswith("methods/x.yml:")]
    assert len(found) == 1 and found[0].startswith("methods/x.yml:" + expected), found
    english = ("did not", "found ", "expected", "while ", "could not", "not allowed")
    assert not any(word in found[0] for word in english), found[0]


def test_problem_lines_cannot_be_forged_by_a_file_name():
    from spets.problems import Problem

    p = Problem("methods/a,line=9::x\nmethods/b.yml:1:1: falskt.yml", 2, 3, "title", "100% fel")
    assert "\n" not in p.text()
    assert p.github() == ("::error file=methods/a%2Cline=9%3A%3Ax%0Amethods/b.yml%3A1%3A1%3A falskt.yml,"
                          "line=2,col=3::title: 100%25 fel")

"""The pictures made from the data (spets/figures.py): well-formed SVG with a
title and description, one link per phase, in order."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from spets import figures

SVG = "{http://www.w3.org/2000/svg}"


def test_the_lifecycle_links_every_phase_in_order_and_says_what_it_shows():
    phases = [("Starta", "starta/"), ("Driva", "driva/"), ("Utvärdera", "utvardera/"),
              ("Nystart", "nystart/"), ("Avveckla & <x>", "avveckla/?a=1&b=2")]
    svg = ET.fromstring(str(figures.lifecycle(phases)))  # well-formed, escapes included
    assert svg.get("role") == "group" and svg.get("aria-labelledby") == "spets-lifecycle-title spets-lifecycle-desc"
    assert svg.find(f"{SVG}title").text == "Partnerskapets livscykel"
    desc = svg.find(f"{SVG}desc").text
    assert "5 faser i ordning: 1 Starta, 2 Driva, 3 Utvärdera, 4 Nystart, 5 Avveckla & <x>." in desc
    assert "Efter fas 4 kan partnerskapet gå tillbaka till fas 2." in desc
    links = svg.findall(f"{SVG}a")
    assert [a.get("href") for a in links] == [href for _, href in phases]
    assert [a.find(f"{SVG}text").text for a in links] == [f"{i}. {name}" for i, (name, _) in enumerate(phases, 1)]
    # One arrow between each pair, and the dashed one back.
    assert len(svg.findall(f"{SVG}line")) == 4 and len(svg.findall(f"{SVG}path")) == 1  # the dashed one back


def test_without_a_way_back_there_is_no_dashed_arrow():
    svg = ET.fromstring(str(figures.lifecycle([("A", "a/"), ("B", "b/")], back_to=None)))
    assert "tillbaka" not in svg.find(f"{SVG}desc").text and svg.findall(f"{SVG}path") == []


def test_the_partnerships_matrix_links_every_row_column_and_cell_with_its_number():
    rows = [("KTH", "Kungliga Tekniska högskolan", "larosaten/kth/"), ("A&B", "A&B", "larosaten/ab/")]
    columns = [("Näringsliv", "sektorer/naringsliv/"), ("Forskningsinstitut", "sektorer/forskningsinstitut/")]
    cells = {(0, 0): (3, "fallstudier/?larosate=kth&sektor=naringsliv"), (1, 1): (1, "x/?a=1&b=2")}
    svg = ET.fromstring(str(figures.partnerships(rows, columns, cells)))  # well-formed, escapes included
    assert svg.get("role") == "group" and svg.get("aria-labelledby") == "spets-matrix-title spets-matrix-desc"
    assert svg.find(f"{SVG}title").text and "2" in svg.find(f"{SVG}desc").text
    links = svg.findall(f"{SVG}a")
    by_class = {}
    for a in links:
        by_class.setdefault(a.get("class").split()[0], []).append(a)
    assert [a.get("href") for a in by_class["spets-matrix__col"]] == [href for _, href in columns]
    assert [a.get("href") for a in by_class["spets-matrix__row"]] == [href for _, _, href in rows]
    # One link per cell with cases and none for an empty one; the number is the cell's text.
    assert [(a.get("href"), a.find(f"{SVG}text").text) for a in by_class["spets-matrix__cell"]] == [
        (cells[(0, 0)][1], "3"), (cells[(1, 1)][1], "1")]
    # A link's name starts with what it shows (WCAG 2.5.3), then says the rest.
    assert by_class["spets-matrix__row"][0].get("aria-label") == "KTH, Kungliga Tekniska högskolan"
    assert by_class["spets-matrix__row"][1].get("aria-label") == "A&B"
    assert by_class["spets-matrix__cell"][0].get("aria-label") == \
        "KTH, Kungliga Tekniska högskolan, näringsliv: 3 fallstudier"
    assert by_class["spets-matrix__cell"][1].get("aria-label").endswith("forskningsinstitut: 1 fallstudie")
    # 1, 2 and 3 or more cases in three shades; the text carries the number anyway.
    assert "spets-matrix__cell--3" in by_class["spets-matrix__cell"][0].get("class")


def test_a_long_column_name_is_broken_where_swedish_joins_its_parts():
    assert figures._header_lines("Forskningsinstitut") == ["Forsknings-", "institut"]
    assert figures._header_lines("Offentlig sektor") == ["Offentlig", "sektor"]
    assert figures._header_lines("Näringsliv") == ["Näringsliv"]

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

"""Journeys through the form at /bidra/fallstudie/ in a real browser (Debian's
chromium via Playwright), end to end:

- on the site built from this repository, a contributor fills in only what
  the published JSON Schema requires (with the keyboard alone), or every
  field; the file the form gives (through GitHub's "new file" link, or as
  downloaded for the e-mail route) goes into case_studies/ of a copy of the
  repository, where `spets check` finds no problem and the tests a pull
  request runs on content pass (test_content.py -m content, test_schema.py);
- on the fixture site, each mistake that `spets check` reports beyond the
  schema is made in the form, and the form says what `spets check` says of
  the same mistake in a file written by hand, word for word.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import BIN, as_json, copy_fixture, copy_repo, need_chromium, run, spets, watch

need_chromium()
pytestmark = pytest.mark.browser

from playwright.sync_api import expect  # noqa: E402

TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture(scope="module")
def repo_url(repo_site):
    """The site built from a copy of this repository (its vocabularies, its
    case studies as the ids taken), served over HTTP."""
    return repo_site[0]


def open_form(browser, url):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.errors = watch(page)
    page.goto(url + "bidra/fallstudie/", wait_until="networkidle")
    expect(page.locator("#bidra-skapa")).to_be_visible()
    page.schema = page.evaluate("fetch('../../schema/case_study.schema.json').then((r) => r.json())")
    return page


def options(schema, name, n):
    """The first n values a list of choices offers in the published schema."""
    return schema["properties"][name]["items"]["enum"][:n]


# ------------------------------------------------------------ the journeys


def test_minimal_case_with_the_keyboard_alone_passes_a_pull_request(browser, repo_url, tmp_path):
    page = open_form(browser, repo_url)
    schema = page.schema
    sector = schema["properties"]["partners"]["items"]["properties"]["sector"]["enum"][0]
    wanted = {
        "id": "prov-minsta-fallet", "title": "Prov: minsta fallet", "summary": "Bara det som krävs.",
        "institutions": options(schema, "institutions", 1),
        "partners": [{"name": "Region Prov", "sector": sector}], "started": 2020, "status": "ongoing",
        "background": "Så kom det till.", "activities": "Det här gör parterna.",
        "phases": options(schema, "phases", 1), "topics": options(schema, "topics", 1),
        "sources": [{"title": "Provkällan", "url": "https://example.org/prov"}],
        "provenance": "compiled", "published": TODAY.isoformat(),
        "status_checked": TODAY.isoformat(),  # required while ongoing (the schema's if/then); filled in
    }
    # Only what the schema requires, and all of it: at the top, and by its if/then for an ongoing case.
    assert set(wanted) == set(schema["required"]) | {"status_checked"}

    def type_into(name, text):
        page.focus(f'[name="{name}"]')
        page.keyboard.type(text)
        page.keyboard.press("Tab")

    def press_space(name, value):
        page.focus(f'input[name="{name}"][value="{value}"]')
        page.keyboard.press("Space")

    type_into("title", wanted["title"])
    page.focus('[name="id"]')
    page.keyboard.press("Control+A")
    page.keyboard.type(wanted["id"])
    type_into("summary", wanted["summary"])
    press_space("institutions", wanted["institutions"][0])
    type_into("partners.0.name", "Region Prov")
    press_space("partners.0.sector", sector)
    type_into("started", "2020")
    press_space("status", "ongoing")
    type_into("background", wanted["background"])
    type_into("activities", wanted["activities"])
    press_space("phases", wanted["phases"][0])
    press_space("topics", wanted["topics"][0])
    type_into("sources.0.title", "Provkällan")
    type_into("sources.0.url", "https://example.org/prov")
    press_space("provenance", "compiled")
    page.focus("#bidra-skapa")
    page.keyboard.press("Enter")
    expect(page.locator("#bidra-resultat")).to_be_focused()
    # What GitHub's "new file" page receives.
    query = parse_qs(urlsplit(page.get_attribute("#bidra-github", "href")).query)
    assert query["filename"] == ["prov-minsta-fallet.yml"]
    text = query["value"][0]
    assert text == page.input_value("#bidra-yaml")
    assert as_json(yaml.safe_load(text)) == wanted  # no review date: nobody reviewed a compiled case
    assert page.errors == []
    passes_a_pull_request(tmp_path, "prov-minsta-fallet.yml", text)


def test_every_field_by_the_email_route_passes_a_pull_request(browser, repo_url, tmp_path):
    page = open_form(browser, repo_url)
    schema = page.schema
    sectors = schema["properties"]["partners"]["items"]["properties"]["sector"]["enum"]
    wanted = {
        "id": "prov-alla-falt", "title": "Prov: alla fält – ”citat” och: kolon",
        "summary": "Ett partnerskap med allt ifyllt, ÅÄÖ åäö.",
        "institutions": options(schema, "institutions", 2),
        "partners": [{"name": "Region Prov", "sector": sectors[0]}, {"name": "Prov AB", "sector": sectors[1]}],
        # Ongoing, with the year its agreement runs to: then every field of the schema has its place.
        "started": 2019, "ended": YEAR + 1, "status": "ongoing", "status_checked": TODAY.replace(day=1).isoformat(),
        "background": "Första stycket\nfortsätter här.\n\n- en **punkt**\n- en [länk](https://example.org)",
        "activities": "1. Styrgrupp\n2. Workshoppar", "results": "Nya *kurser*.", "lessons": "Börja i tid.",
        "challenges": "Att hålla i kontakterna.",
        "success_factors": options(schema, "success_factors", 2), "methods": options(schema, "methods", 2),
        "tools": options(schema, "tools", 2), "phases": options(schema, "phases", 2),
        "topics": options(schema, "topics", 2), "roles": options(schema, "roles", 2),
        "sources": [{"title": "Provkällan", "url": "https://example.org/prov"},
                    {"title": "Andra källan", "url": "https://example.org/andra?a=1&b=å"}],
        "provenance": "submitted", "last_reviewed": TODAY.replace(day=1).isoformat(), "published": TODAY.isoformat(),
    }
    assert set(wanted) == set(schema["properties"]) - {"en"}  # every field the schema has, but the English
    fill(page, {k: v for k, v in wanted.items() if k not in ("published", "last_reviewed", "status_checked")})
    for name in ("last_reviewed", "status_checked"):  # today, for a submitted and an ongoing case …
        assert page.input_value(f'[name="{name}"]') == TODAY.isoformat()
        page.fill(f'[name="{name}"]', wanted[name])  # … and the contributor may change it
    page.click("#bidra-skapa")
    expect(page.locator("#bidra-resultat")).to_be_visible()
    with page.expect_download() as info:
        page.click("#bidra-epost-knapp")
    assert info.value.suggested_filename == "prov-alla-falt.yml"
    path = tmp_path / "nedladdad.yml"
    info.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert as_json(yaml.safe_load(text), strip=True) == wanted  # a block literal ends in a line break
    mail = urlsplit(page.get_attribute("#bidra-epost-lank", "href"))
    assert parse_qs(mail.query)["subject"] == ["Ny fallstudie: prov-alla-falt"]
    assert page.errors == []
    passes_a_pull_request(tmp_path, "prov-alla-falt.yml", text)


def fill(page, data):
    """Fill in the form from data as the file will hold it."""
    for name, value in data.items():
        if name in ("partners", "sources"):
            for i, row in enumerate(value):
                if i:
                    page.click(f'[data-add="{name}"]')
                for sub, v in row.items():
                    set_field(page, f"{name}.{i}.{sub}", v)
        else:
            set_field(page, name, value)


def set_field(page, name, value):
    choices = page.locator(f'input[name="{name}"][type="radio"], input[name="{name}"][type="checkbox"]')
    if choices.count():
        for v in value if isinstance(value, list) else [value]:
            page.check(f'input[name="{name}"][value="{v}"]')
    else:
        page.fill(f'[name="{name}"]', "" if value is None else str(value))


def passes_a_pull_request(tmp_path: Path, name: str, text: str):
    """The file in a copy of the repository: `spets check` is clean, and so
    are the tests a pull request runs on content (the committed schema/
    included: a new case study must not make it stale)."""
    root = copy_repo(tmp_path)
    (root / "case_studies" / name).write_text(text, encoding="utf-8")
    r = spets("check", cwd=root)
    assert r.returncode == 0 and "Inga problem" in r.stdout, r.stdout + "\n" + text
    for args in (["-m", "content", "tests/test_content.py"], ["tests/test_schema.py"]):
        r = run(str(BIN / "pytest"), "-q", "-p", "no:cacheprovider", *args, cwd=root)
        assert r.returncode == 0, " ".join(args) + "\n" + r.stdout[-4000:] + r.stderr[-2000:]
        assert re.search(r"\d+ passed", r.stdout) and "failed" not in r.stdout and "error" not in r.stdout, r.stdout


# ------------------------------------------------------------ the mistakes

# A case study the fixture accepts; each mistake below changes it.
BASE = {
    "id": "prov", "title": "Ett prov", "summary": "Ett partnerskap att pröva med.", "institutions": ["liu"],
    "partners": [{"name": "Saab", "sector": "naringsliv"}], "started": 2015, "status": "ongoing",
    "background": "Bakgrund.", "activities": "Aktiviteter.", "phases": ["genomfora"], "topics": ["avtal"],
    "sources": [{"title": "LiU om partnerskap", "url": "https://liu.se/partner"}],
    "provenance": "submitted", "last_reviewed": TODAY.isoformat(), "published": TODAY.isoformat(),
    "status_checked": TODAY.isoformat(),
}
INVISIBLE = ["\u200b", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069"]
# (what, the fields changed (None: left out), the field where the message is)
MISTAKES = [
    ("startår i framtiden", {"started": YEAR + 1}, "started"),
    ("avslutat med slutår i framtiden", {"status": "concluded", "ended": YEAR + 1}, "ended"),
    ("pågående med passerat slutår", {"ended": YEAR - 1}, "ended"),
    ("avslutat utan slutår", {"status": "concluded"}, "ended"),
    ("inskickad utan granskningsdatum", {"last_reviewed": None}, "last_reviewed"),
    ("slutår före startår", {"status": "concluded", "ended": 2010}, "ended"),
    ("publicerad i framtiden", {"published": f"{YEAR + 1}-01-01"}, "published"),
    ("status kontrollerad före startåret", {"status_checked": "2010-06-01"}, "status_checked"),
    ("kontrolltecken i titeln", {"title": "Ett\x07prov"}, "title"),
] + [(f"U+{ord(c):04X} i {path}", {path: f"Ett{c} prov"}, path)
     for path in ("title", "summary", "partners.0.name", "sources.0.title") for c in INVISIBLE]


def changed(data, changes):
    out = copy.deepcopy(data)
    for path, value in changes.items():
        *parents, last = path.split(".")
        target = out
        for p in parents:
            target = target[int(p)] if p.isdigit() else target[p]
        if value is None:
            target.pop(last, None)
        else:
            target[last] = value
    return out


def value_at(data, path):
    """data's value at a form path (partners.0.name); None where there is none."""
    for part in path.split("."):
        data = data[int(part)] if part.isdigit() else data.get(part)
        if data is None:
            return None
    return data


def check_field(path):
    """A form path as `spets check` names the field: partners.0.name -> partners[1].name."""
    return re.sub(r"\.(\d+)(?=\.|$)", lambda m: f"[{int(m[1]) + 1}]", path)


def test_each_mistake_is_said_as_spets_check_says_it(browser, base_url, tmp_path):
    kb = copy_fixture(tmp_path)
    (kb / "case_studies/prov.yml").write_text(yaml.safe_dump(BASE, allow_unicode=True, sort_keys=False),
                                              encoding="utf-8")
    for i, (_, changes, _) in enumerate(MISTAKES):
        data = changed(dict(BASE, id=f"fel-{i}"), changes)
        (kb / f"case_studies/fel-{i}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                      encoding="utf-8")
    r = spets("check", cwd=kb)
    said: dict[str, list[tuple[str, str]]] = {}
    for line in r.stdout.splitlines()[:-1]:
        found = re.fullmatch(r"case_studies/([a-z0-9-]+)\.yml:\d+:\d+: (\S+): (.*)", line)
        assert found, line
        said.setdefault(found[1], []).append((found[2], found[3]))
    assert "prov" not in said, said["prov"]  # the case before any mistake is clean

    page = open_form(browser, base_url)
    fill(page, {k: v for k, v in BASE.items() if k not in ("published", "last_reviewed")})
    page.click("#bidra-skapa")  # from now on every message shows as soon as it is there
    expect(page.locator("#bidra-resultat")).to_be_visible()
    for i, (what, changes, path) in enumerate(MISTAKES):
        assert len(said.get(f"fel-{i}", [])) == 1, (what, said.get(f"fel-{i}"))
        field, message = said[f"fel-{i}"][0]
        assert field == check_field(path), what
        for name, value in changes.items():
            set_field(page, name, value)
        error = page.locator(f'[data-path="{path}"] .bidra-error').first
        expect(error).to_be_visible()
        assert error.text_content() == message, what
        expect(page.locator("#bidra-resultat")).to_be_hidden()
        for name in changes:  # back to the base case
            set_field(page, name, value_at(BASE, name))
        expect(error).to_be_hidden()
    assert page.errors == []


def test_an_id_that_exists_is_refused_though_spets_check_cannot_see_it(browser, base_url, tmp_path):
    """A file with the name of an existing case study replaces it: in a pull
    request that is a changed file, which `spets check` cannot tell from an
    edit. The form knows the ids taken (data-taken) and refuses them."""
    kb = copy_fixture(tmp_path)
    (kb / "case_studies/liu-partner.yml").write_text(
        yaml.safe_dump(dict(BASE, id="liu-partner"), allow_unicode=True, sort_keys=False), encoding="utf-8")
    r = spets("check", cwd=kb)
    assert r.returncode == 0 and "Inga problem" in r.stdout, r.stdout  # the old case is simply gone
    page = open_form(browser, base_url)
    fill(page, {k: v for k, v in dict(BASE, id="liu-partner").items() if k not in ("published", "last_reviewed")})
    page.click("#bidra-skapa")
    expect(page.locator('[data-path="id"] .bidra-error')).to_have_text(
        "id:t 'liu-partner' finns redan: välj ett annat id (se fallstudier/liu-partner/)")
    expect(page.locator("#bidra-resultat")).to_be_hidden()
    page.fill('[name="id"]', "liu-partner-2")
    expect(page.locator("#bidra-resultat")).to_be_visible()
    assert page.errors == []

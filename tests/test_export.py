"""Open data: the exports of a real build, read back and compared with the
YAML files, every entry and every field."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import yaml

from conftest import as_json, mkdocs_build
from spets import export
from spets import model as m

SITE_URL = "https://spets-kunskapsbank.github.io/kunskapsbank/"


def yaml_entries(root: Path, kind: m.Kind) -> dict[str, dict]:
    """The YAML of every entry of a kind, read directly, with nothing of ours."""
    out = {}
    for path in sorted((root / kind.folder).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[data["id"]] = data
    return out


def expected(data: dict, kind: m.Kind) -> dict:
    """A YAML record as the JSON export should show it: every field of the
    kind, dates as ISO text, absent lists as [] and other absent fields as
    null, text without surrounding whitespace (the check strips it)."""
    return {f.name: as_json(data[f.name], strip=True) if f.name in data
            else ([] if isinstance(f.type, m.List) else None) for f in kind.fields}


def read_json(site: Path, name: str):
    return json.loads((site / "site" / "data" / name).read_text(encoding="utf-8"))


def test_json_holds_every_entry_and_field(built_fixture):
    data = read_json(built_fixture, "kunskapsbank.json")
    assert data["schema_version"] == export.SCHEMA_VERSION
    assert "commit" in data and data["license"] == "CC BY 4.0" and data["site"] == SITE_URL
    for kind in m.ENTRY_KINDS:
        source = yaml_entries(built_fixture, kind)
        records = data["entries"][kind.name]
        assert [r["id"] for r in records] == sorted(source)
        for r in records:
            fields = {k: v for k, v in r.items() if k not in ("kind", "url", "ref_urls")}
            assert fields == expected(source[r["id"]], kind), r["id"]
            assert r["kind"] == kind.name
            assert r["url"] == f"{SITE_URL}{kind.url}/{r['id']}/"


def test_json_references_have_urls_in_the_same_order(built_fixture):
    data = read_json(built_fixture, "kunskapsbank.json")
    case = next(r for r in data["entries"]["case_study"] if r["id"] == "chalmers-volvo-cars")
    assert case["ref_urls"]["methods"] == [f"{SITE_URL}metoder/{i}/" for i in case["methods"]]
    assert case["ref_urls"]["partners.sector"] == [f"{SITE_URL}sektorer/{p['sector']}/" for p in case["partners"]]
    assert case["ref_urls"]["institutions"] == [f"{SITE_URL}larosaten/{i}/" for i in case["institutions"]]
    # Every URL named in the export is a page of the built site.
    for kind_records in (*data["entries"].values(), *data["vocabularies"].values()):
        for r in kind_records:
            for url in [r["url"], *(u for urls in r["ref_urls"].values() for u in urls)]:
                if url:
                    assert (built_fixture / "site" / url[len(SITE_URL):] / "index.html").exists(), url


def test_vocabularies_as_json(built_fixture):
    whole = read_json(built_fixture, "kunskapsbank.json")["vocabularies"]
    for kind in m.VOCABULARIES:
        items = read_json(built_fixture, f"{export.file_name(kind)}.json")["items"]
        # A vocabulary file maps each id to its item.
        source = yaml.safe_load((built_fixture / "taxonomy" / kind.file).read_text(encoding="utf-8"))
        assert [i["id"] for i in items] == sorted(source), kind.name
        for item in items:
            fields = {k: v for k, v in item.items() if k not in ("kind", "id", "url", "ref_urls")}
            assert fields == expected(source[item["id"]], kind), item["id"]
        assert items == whole[kind.name]


def unjoin(cell: str) -> list[str]:
    """Split a list cell back into its items: ' | ' separates, a backslash
    escapes the next character (the documented convention)."""
    if cell == "":
        return []
    items, current, i = [], "", 0
    while i < len(cell):
        if cell[i] == "\\":
            current += cell[i + 1]
            i += 2
        elif cell.startswith(" | ", i):
            items.append(current)
            current, i = "", i + 3
        else:
            current += cell[i]
            i += 1
    return items + [current]


def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    header, *rows = list(reader)
    # Undo the formula guard: one leading apostrophe goes.
    return header, [dict(zip(header, (c[1:] if c.startswith("'") else c for c in row))) for row in rows]


def csv_value(row: dict, f: m.Field):
    """Rebuild a field's YAML value from its CSV columns."""
    t = f.type.item if isinstance(f.type, m.List) else f.type
    if isinstance(t, m.Object):
        parts = {p.name: row[f"{f.name}.{p.name}"] for p in t.fields}
        if not isinstance(f.type, m.List):
            return {k: v for k, v in parts.items() if v != ""} or None
        columns = {k: unjoin(v) for k, v in parts.items()}
        return [dict(zip(columns, values)) for values in zip(*columns.values())]
    if isinstance(f.type, m.List):
        return unjoin(row[f.name])
    return row[f.name] or None


def yaml_as_text(value, f: m.Field):
    if value is None:
        return [] if isinstance(f.type, m.List) else None
    if isinstance(value, (dt.date, int)) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if isinstance(value, dict):
        return {k: yaml_as_text(v, f) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [yaml_as_text(v, f) for v in value]
    return value.strip() if isinstance(value, str) else value


def check_csv_against_yaml(root: Path):
    for kind in m.ENTRY_KINDS:
        header, rows = read_csv(root / "site" / "data" / f"{export.file_name(kind)}.csv")
        assert header == export.columns(kind)
        source = yaml_entries(root, kind)
        assert [r["id"] for r in rows] == sorted(source)
        for row in rows:
            assert row["url"] == f"{SITE_URL}{kind.url}/{row['id']}/"
            for f in kind.fields:
                if f.name == "en":  # the English texts are in the JSON only (export._csv_fields)
                    continue
                assert csv_value(row, f) == yaml_as_text(source[row["id"]].get(f.name), f), (row["id"], f.name)


def test_csv_reads_back_as_the_yaml(built_fixture):
    check_csv_against_yaml(built_fixture)
    text = (built_fixture / "site" / "data" / "metoder.csv").read_text(encoding="utf-8-sig")
    assert "Avsiktsförklaring" in text  # å, ä, ö as themselves


def test_csv_guards_against_formulas_and_keeps_separators_apart(kb):
    path = kb / "methods" / "avsiktsforklaring.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("summary: Parterna skriver ned vad de vill uppnå tillsammans.",
                        "summary: \"=HYPERLINK(\\\"https://evil.example\\\";\\\"klicka\\\")\"")
    text = text.replace("title: Avsiktsförklaring", "title: \"@SUM(1+1) | med lodstreck \\\\ och snedstreck\"")
    text = text.replace("  - Skriv ett utkast.", "  - \"-2+3\"\n  - \"'citerad\"\n  - \"a | b \\\\ c\"")
    path.write_text(text, encoding="utf-8")
    assert mkdocs_build(kb).returncode == 0
    check_csv_against_yaml(kb)
    raw = (kb / "site" / "data" / "metoder.csv").read_text(encoding="utf-8-sig")
    row = next(r for r in csv.reader(io.StringIO(raw, newline="")) if r[1] == "avsiktsforklaring")
    header = export.columns(m.METHOD)
    cell = dict(zip(header, row))
    assert cell["summary"].startswith("'=HYPERLINK")
    # Only inside a list are '|' and '\\' escaped: there they could be mistaken for the separator.
    assert cell["title"] == "'@SUM(1+1) | med lodstreck \\ och snedstreck"
    assert cell["steps"].startswith("'-2+3 | 'citerad | a \\| b \\\\ c | Stäm av")
    # No cell of any export starts with a character a spreadsheet would run.
    for name in ("metoder.csv", "verktyg.csv", "fallstudier.csv"):
        for r in csv.reader(io.StringIO((kb / "site" / "data" / name).read_text(encoding="utf-8-sig"), newline="")):
            assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in r), (name, r)


def test_exports_are_the_same_in_every_build(kb, built_fixture):
    assert mkdocs_build(kb).returncode == 0
    ours = ["feed.xml", "data/index.html", "metoder/kort/index.html", "verktyg/kort/index.html",
            "en/feed.xml", "en/methods/cards/index.html", "en/tools/cards/index.html"]
    ours += [p.relative_to(kb / "site").as_posix() for p in (kb / "site" / "data").rglob("*") if p.is_file()]
    assert len(ours) > 12
    for name in ours:
        assert (kb / "site" / name).read_bytes() == (built_fixture / "site" / name).read_bytes(), name


def test_codebook_describes_every_field_of_every_kind(built_fixture):
    page = (built_fixture / "site" / "data" / "index.html").read_text(encoding="utf-8")
    for kind in (*m.ENTRY_KINDS, *m.VOCABULARIES):
        for f in kind.fields:
            assert f"<code>{f.name}</code>" in page, (kind.name, f.name)
    for part in ("effort.level", "partners.sector", "sources.url"):
        assert f"<code>{part}</code>" in page
    for name in ("kunskapsbank.json", "metoder.csv", "verktyg.csv", "fallstudier.csv", "amnen.json"):
        assert f'href="{name}"' in page
    for kind in m.ENTRY_KINDS:
        assert f'href="../schema/{kind.name}.schema.json"' in page
    assert "CC BY 4.0" in page and "MIT" in page and "apostrof" in page
    # In the nav, and the licences in every page's footer.
    home = (built_fixture / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="data/"' in home and "CC BY 4.0" in home and "MIT" in home


def test_the_english_open_data_page_has_the_codebook_in_english(built_fixture):
    page = (built_fixture / "site" / "en" / "data" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page and "<h1" in page and "Open data" in page
    for kind in (*m.ENTRY_KINDS, *m.VOCABULARIES):
        for f in kind.fields:
            assert f"<code>{f.name}</code>" in page, (kind.name, f.name)
    # The model's help texts and the types in English, none of the Swedish words.
    assert "A short, descriptive title, at most 120 characters." in page
    assert "text, at most 120 characters" in page and "list (ids from phases, at least 1, at most 50)" in page
    for swedish in ("högst", "Krävs", "lista (", "Kort och beskrivande titel"):
        assert swedish not in page, swedish
    for name in ("kunskapsbank.json", "en/methods.csv", "metoder.csv", "amnen.json"):
        assert f'href="../../data/{name}"' in page, name
    # Twins: the header's language link goes to the Swedish page, and back.
    assert 'href="../../data/" hreflang="sv"' in page
    swedish = (built_fixture / "site" / "data" / "index.html").read_text(encoding="utf-8")
    assert 'href="../en/data/" hreflang="en"' in swedish

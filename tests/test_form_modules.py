"""Unit tests of the form's pure modules (docs/assets/bidra/: util.js,
validate.js, yaml.js, github.js) in a real browser (Debian's chromium via
Playwright): each is imported straight from docs/, served over HTTP, with no
site build and no form around it; one test runs them in a worker, where
there is no DOM to touch."""

from __future__ import annotations

import copy
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import REPO, need_chromium, serve

need_chromium()

from test_form_browser import HOSTILE  # noqa: E402

MODELINE = "# yaml-language-server: $schema=../schema/case_study.schema.json"


@pytest.fixture(scope="module")
def modules(browser):
    """A page on a server of docs/; js(module, body, arg) runs body with the
    module imported as m and the argument as arg, and returns its value."""
    url, server = serve(REPO / "docs")
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url + "assets/bidra/")

    def js(module, body, arg=None):
        return page.evaluate(f"async (arg) => {{ const m = await import({json.dumps(url + 'assets/bidra/' + module)});"
                             f" return {body}; }}", arg)

    js.url = url
    js.page = page
    yield js
    assert errors == []
    page.close()
    server.shutdown()


# A small schema of the kinds that spets/schema.py writes.
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "tags", "items"],
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$",
               "patternErrorMessage": "Använd bara små bokstäver a–z, siffror och bindestreck."},
        "title": {"type": "string", "minLength": 1, "maxLength": 5},
        "started": {"type": "integer", "minimum": 1900, "maximum": 2100},
        "ended": {"type": ["integer", "null"], "minimum": 1900, "maximum": 2100},
        "published": {"type": "string", "format": "date"},
        "status": {"type": "string", "enum": ["ongoing", "ended"]},
        "tags": {"type": "array", "minItems": 1, "uniqueItems": True,
                 "items": {"type": "string", "enum": ["a", "b"]}},
        "items": {"type": "array", "minItems": 1, "maxItems": 2, "items": {
            "type": "object", "additionalProperties": False, "required": ["name"],
            "properties": {"name": {"type": "string", "minLength": 1}, "url": {"type": "string"}}}},
        "text": {"type": "string", "maxLength": 4000},
    },
}
GOOD = {"id": "ett-fall", "title": "Åre", "tags": ["a"], "items": [{"name": "x"}]}


def errors(modules, data, today="2024-06-01"):
    return modules("validate.js", "m.errorTexts(arg.schema, arg.data, arg.today)",
                   {"schema": SCHEMA, "data": data, "today": today})


def test_validator_accepts_good_data(modules):
    assert errors(modules, GOOD) == []
    full = dict(GOOD, started=2019, ended=None, published="2024-06-01", status="ended", text="å" * 4000)
    assert errors(modules, full) == []


@pytest.mark.parametrize("change, expected", [
    ({"title": None}, ["title: Fel sorts värde."]),
    ({"title": ""}, ["title: Fyll i det här fältet."]),
    ({"title": "🎉🎉🎉🎉🎉🎉"}, ["title: För långt: 6 tecken, högst 5."]),  # code points, not UTF-16 units
    ({"id": "Åre Kommun"}, ["id: Använd bara små bokstäver a–z, siffror och bindestreck."]),
    ({"started": "20l9"}, ["started: Skriv ett årtal med fyra siffror, t.ex. 2017."]),
    ({"started": 1800}, ["started: Årtalet ska ligga mellan 1900 och 2100."]),
    ({"started": 2019, "ended": 2010}, ["ended: slutåret 2010 ligger före startåret 2019"]),
    ({"published": "2023-02-29"}, ["published: Datumet finns inte: skriv det i formen ÅÅÅÅ-MM-DD."]),
    ({"published": "2024-06-02"}, ["published: datumet 2024-06-02 ligger i framtiden"]),
    ({"status": "kanske"}, ["status: Välj ett av alternativen."]),
    ({"tags": []}, ["tags: Välj minst ett alternativ."]),
    ({"tags": ["a", "a"]}, ["tags: Samma värde förekommer två gånger."]),
    ({"items": [{"name": "x"}] * 3}, ["items: Högst 2 får finnas med."]),
    ({"items": [{"url": "https://x"}]}, ["items.0.name: Fyll i det här fältet."]),
    ({"extra": 1}, [": Okänt fält: extra."]),
])
def test_validator_says_what_is_wrong_in_swedish(modules, change, expected):
    assert errors(modules, dict(GOOD, **change)) == expected


def test_validator_reports_missing_required_fields(modules):
    assert errors(modules, {}) == ["id: Fyll i det här fältet.", "title: Fyll i det här fältet.",
                                   "tags: Välj minst ett alternativ.", "items: Lägg till minst en."]


def test_validator_agrees_with_the_schema_tests_on_the_real_schema(modules, built_fixture):
    """The samples that fail `spets check` and jsonschema fail here too (with
    the schema the fixture site publishes: its vocabularies are the fixture's)."""
    from conftest import as_json
    from test_schema import INVALID_CASES, _case

    schema = json.loads((built_fixture / "site/schema/case_study.schema.json").read_text(encoding="utf-8"))
    run = "m.errorTexts(arg.schema, arg.data)"
    assert modules("validate.js", run, {"schema": schema, "data": as_json(_case())}) == []
    for name, mutate in INVALID_CASES.items():
        data = as_json(mutate(copy.deepcopy(_case())))
        assert modules("validate.js", run, {"schema": schema, "data": data}), name


def to_yaml(modules, data, schema=SCHEMA, modeline=MODELINE):
    return modules("yaml.js", "m.toYaml(arg.data, arg.schema, arg.modeline)",
                   {"data": data, "schema": schema, "modeline": modeline})


def test_yaml_writer_writes_the_schema_order_and_quotes_what_it_must(modules):
    data = {"items": [{"name": "Yes", "url": "https://x.se/?a=1&b=å"}, {"name": "plain-id"}],
            "text": "Rad ett: **fet**\n\n- en punkt\n# inte en kommentar",
            "tags": ["a", "b"], "published": "2024-06-01", "title": 'Åre "kommun"', "id": "ett-fall",
            "started": 2019, "ended": None}
    assert to_yaml(modules, data, modeline="# första raden") == """\
# första raden

id: ett-fall

title: "Åre \\"kommun\\""

started: 2019

ended: null

published: 2024-06-01

tags:
  - a
  - b

items:
  - name: "Yes"
    url: "https://x.se/?a=1&b=å"
  - name: plain-id

text: |
  Rad ett: **fet**

  - en punkt
  # inte en kommentar
"""


def test_yaml_writer_keeps_every_hostile_string(modules):
    """Every string reads back as written (a block literal adds its one final line break)."""
    schema = {"properties": {"title": {"type": "string"}, "text": {"type": "string", "maxLength": 4000},
                             "items": {"type": "array", "items": {"type": "object",
                                                                  "properties": {"name": {"type": "string"}}}}}}
    for text in HOSTILE + ["y", "on", "Off", "TRUE", "nej", "ja-och-nej", "a-b"]:
        written = to_yaml(modules, {"title": text, "text": text, "items": [{"name": text}]}, schema)
        assert written.startswith(MODELINE + "\n"), written
        loaded = yaml.safe_load(written)
        read = text + "\n" if "text: |" in written else text  # the same for each of the three
        assert loaded == {"title": read, "text": read, "items": [{"name": read}]}, (text, written)


def test_yaml_writer_escapes_line_separators(modules):
    written = to_yaml(modules, {"title": "a\u2028b\x85c\ufeffd"})
    assert "\u2028" not in written and "\x85" not in written and "\ufeff" not in written
    assert '"a\\u2028b\\u0085c\\ufeffd"' in written


def test_new_file_link_and_upload_page(modules):
    settings = {"repo": "https://github.com/o/r/", "branch": "utkast/ny", "folder": "case_studies"}
    url = modules("github.js", "m.newFileUrl(arg.s, 'ett fall.yml', arg.text)",
                  {"s": settings, "text": "title: ”Åre” & co?\n#1=2\n"})
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://github.com/o/r/new/utkast/ny/case_studies"
    assert parse_qs(parts.query, strict_parsing=True) == {"filename": ["ett fall.yml"],
                                                          "value": ["title: ”Åre” & co?\n#1=2\n"]}
    assert modules("github.js", "m.uploadUrl(arg)", settings) == "https://github.com/o/r/upload/utkast/ny/case_studies"
    limit = modules("github.js", "m.MAX_URL")
    assert modules("github.js", "m.newFileUrl(arg.s, 'a.yml', arg.text)",
                   {"s": settings, "text": "å" * (limit // 6)}) is None  # each å is %C3%A5


def test_slug_and_dates(modules):
    assert modules("util.js", "arg.map(m.slug)", ["Åre kommun – Mittuniversitetet", "  --Ö!  ", "x" * 90 + " y"]) \
        == ["are-kommun-mittuniversitetet", "o", "x" * 80]
    assert modules("util.js", "arg.map(m.validDate)", ["2024-02-29", "2023-02-29", "2024-13-01", "24-01-01"]) \
        == [True, False, False, False]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", modules("util.js", "m.utcToday()"))


PURE = ["util.js", "validate.js", "yaml.js", "github.js"]


def test_pure_modules_need_no_dom(modules):
    """In a worker there is no document and no window: the pure modules load
    and work there, so they touch neither."""
    base = modules.url + "assets/bidra/"
    source = "\n".join(f"import * as m{i} from {json.dumps(base + name)};" for i, name in enumerate(PURE)) + """
const schema = {properties: {title: {type: "string", minLength: 1}}, required: ["title"]};
postMessage([
  m0.slug("Åre"), m1.errorTexts(schema, {}), m2.toYaml({title: "Åre"}, schema, "# rad"),
  m3.newFileUrl({repo: "https://github.com/o/r", branch: "main", folder: "f"}, "a.yml", "x"),
  typeof document, typeof window,
]);
"""
    result = modules.page.evaluate("""(source) => new Promise((resolve, reject) => {
      const url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
      const worker = new Worker(url, {type: "module"});
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message || "worker failed"));
    })""", source)
    assert result == ["are", ["title: Fyll i det här fältet."], "# rad\n\ntitle: \"Åre\"\n",
                      "https://github.com/o/r/new/main/f?filename=a.yml&value=x", "undefined", "undefined"]
    for name in PURE:
        text = (REPO / "docs/assets/bidra" / name).read_text(encoding="utf-8")
        assert not re.search(r"\b(document|window|localStorage|querySelector)\b", text), name

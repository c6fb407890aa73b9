"""Unit tests of the form's pure modules (docs/assets/bidra/: util.js,
validate.js, checks.js, yaml.js, github.js, mail.js, markdown.js) in a real browser (Debian's chromium via
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
from html.parser import HTMLParser
from urllib.parse import unquote

from conftest import REPO, need_chromium, serve
from spets.markdown_safe import to_html

need_chromium()

from test_form_browser import BACKGROUND, HOSTILE  # noqa: E402

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
        "status_checked": {"type": "string", "format": "date"},
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


# ------------------------------------------- rules of spets check beyond the schema

# The JSON Schema's way of saying check.py's Requires (json_schema._requires).
RULES = dict(SCHEMA, allOf=[
    {"if": {"properties": {"status": {"const": "ended"}}, "required": ["status"]},
     "then": {"required": ["ended"]}, "errorMessage": "fältet 'ended' saknas: ett slut behöver ett år (status: ended)"},
])


def test_if_then_rules_come_from_the_schema_with_its_message(modules):
    def run(data):
        return modules("validate.js", "m.errorTexts(arg.schema, arg.data, '2024-06-01')", {"schema": RULES, "data": data})

    assert run(dict(GOOD, status="ended")) == ["ended: fältet 'ended' saknas: ett slut behöver ett år (status: ended)"]
    assert run(dict(GOOD, status="ended", ended=2020)) == []
    assert run(dict(GOOD, status="ongoing")) == [] and run(GOOD) == []
    assert errors(modules, dict(GOOD, status="ended")) == []  # no rule in the schema: none in the form


@pytest.mark.parametrize("change, expected", [
    ({"started": 2025}, ["started: startåret 2025 ligger i framtiden"]),
    ({"started": 2020, "ended": 2025, "status": "concluded"},
     ["ended: slutåret 2025 ligger i framtiden, men status är concluded (avslutat): "
      "rätta året eller ändra status till ongoing"]),
    ({"started": 2020, "ended": 2023, "status": "ongoing"},
     ["ended: slutåret 2023 har redan passerat, men status är ongoing (pågående): "
      "ändra status till concluded eller ta bort slutåret"]),
    ({"started": 2020, "ended": 2024, "status": "ongoing"}, []),  # this year has not passed
    ({"started": 2020, "ended": 2024, "status": "concluded"}, []),
    ({"started": 2020, "ended": 2019, "status": "concluded"}, ["ended: slutåret 2019 ligger före startåret 2020"]),
    ({"started": 2020, "ended": 2030, "status": "ongoing"}, []),  # an agreement that runs out later
    # A value that failed its own check is left alone, as check.py does.
    ({"started": 1800, "ended": 2030, "status": "concluded"},
     ["started: Årtalet ska ligga mellan 1900 och 2100.", "ended: slutåret 2030 ligger i framtiden, men status "
      "är concluded (avslutat): rätta året eller ändra status till ongoing"]),
    ({"published": "2024-06-01"}, []),
    ({"started": 2020, "status_checked": "2019-12-31"},
     ["status_checked: datumet 2019-12-31 ligger före startåret 2020: ange när det senast bekräftades "
      "att partnerskapet pågår"]),
    ({"started": 2020, "status_checked": "2020-01-01"}, []),
    ({"started": 2025, "status_checked": "2024-05-01"}, ["started: startåret 2025 ligger i framtiden"]),
])
def test_years_and_dates_as_spets_check_words_them(modules, change, expected):
    schema = copy.deepcopy(SCHEMA)
    schema["properties"]["status"]["enum"] = ["ongoing", "concluded"]  # the values check.py compares with
    assert modules("validate.js", "m.errorTexts(arg.schema, arg.data, '2024-06-01')",
                   {"schema": schema, "data": dict(GOOD, **change)}) == expected


def test_a_status_that_failed_its_own_check_is_left_alone(modules):
    # SCHEMA knows no "concluded": the end year is not compared with it.
    assert errors(modules, dict(GOOD, started=2020, ended=2025, status="concluded")) == [
        "status: Välj ett av alternativen."]


# A one-line field (check.py: model.LINE_PATTERN) and a Markdown one (TEXT_PATTERN), from the real schema.
LINE = json.loads((REPO / "schema/case_study.schema.json").read_text(encoding="utf-8"))["properties"]["title"]
MARKDOWN = json.loads((REPO / "schema/case_study.schema.json").read_text(encoding="utf-8"))["properties"]["background"]


@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
                                  "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"])
def test_invisible_characters_in_a_line_of_text(modules, char):
    schema = {"type": "object", "properties": {"title": LINE, "background": MARKDOWN}}
    run = "m.errorTexts(arg.schema, arg.data)"
    said = modules("validate.js", run, {"schema": schema, "data": {"title": f"Ett{char} fall", "background": char}})
    assert said == [f"title: innehåller ett osynligt tecken (U+{ord(char):04X}) eller ett som vänder textens "
                    "riktning: ta bort det"]  # and nothing of the Markdown field, which may hold them


def test_text_is_checked_in_the_order_spets_check_uses(modules):
    schema = {"type": "object", "properties": {"title": LINE, "background": MARKDOWN}}

    def run(title):
        return modules("validate.js", "m.errorTexts(arg.schema, {title: arg.title})", {"schema": schema, "title": title})

    assert run("   ") == ["title: Fyll i det här fältet."]
    assert run("Ett\x07pip\u200b") == ["title: innehåller otillåtna kontrolltecken"]
    assert run("å" * 121 + "\u200b") == ["title: För långt: 122 tecken, högst 120."]
    assert run("\u00ad mjukt bindestreck och \u00e5") == []  # invisible, but not refused by the schema
    assert modules("validate.js", "m.errorTexts(arg.schema, {background: 'a\\x07b'})",
                   {"schema": schema}) == ["background: innehåller otillåtna kontrolltecken"]


def test_an_id_already_taken(modules):
    def run(data, taken):
        return modules("validate.js", "m.errorTexts(arg.schema, arg.data, '2024-06-01', arg.taken)",
                       {"schema": SCHEMA, "data": data, "taken": taken})

    assert run(GOOD, ["annat-fall", "ett-fall"]) == [
        "id: id:t 'ett-fall' finns redan: välj ett annat id (se fallstudier/ett-fall/)"]
    assert run(GOOD, ["annat-fall"]) == [] and run(GOOD, []) == []
    assert run(dict(GOOD, id="Ett Fall"), ["Ett Fall"]) == [
        "id: Använd bara små bokstäver a–z, siffror och bindestreck."]  # a wrong id is said wrong, not taken


# ------------------------------------------------------------------ e-mail


def test_mail_link_to_the_editors_names_the_file_to_attach(modules):
    url = modules("mail.js", "m.mailUrl('redaktionen@exempel.se', 'lnu-ikea.yml', 'lnu-ikea')")
    assert url.startswith("mailto:redaktionen@exempel.se?subject=")
    query = dict(part.split("=", 1) for part in url.split("?", 1)[1].split("&"))
    assert unquote(query["subject"]) == "Ny fallstudie: lnu-ikea"
    body = unquote(query["body"])
    assert "lnu-ikea.yml" in body and "Bifoga filen lnu-ikea.yml" in body
    assert "+" not in url and " " not in url  # %20, which every mail program reads as a space


# ------------------------------------------------------------------ preview

MARKDOWN_SAMPLES = [
    "Stycke ett\nmed två rader.\n\nStycke två.", "a\n\n\n\nb", "Text\n- inte en lista utan tom rad före",
    "- a\n- b\n\nEfter listan.", "- a\nlat rad\n- b", "- a\n\n- b\n- c", "- a\n- b\n\n    mer text\n\n- c",
    "* a\n+ b", "1. Ett\n2. Två\n\n3. Tre", "3. a\n4. b", "1986. Ett år", "1. a\n- b", "- a\n\n1. b",
    "1) inte en lista", "-inte en lista", "   - tre mellanslag",
    "**fet** *kursiv* _kursiv_ snake_case_namn __fet__ [länk](https://x.se) `kod` \\*inte\\*",
    "***båda***", "**fet *kursiv* fet**", "*kursiv **fet** kursiv*", "** inte fet **", "a * b * c", "2*3*4",
    "[länk **fet**](https://a.se \"titel\")", "`kod *inte*`", "``a`b``", "<https://x.se/a>",
    "# Rubrik\ntext\n- x", "text\n# Rubrik", "## Rubrik ##\nText", "#hash", "\\# inte rubrik",
    "x\n---\ny", "x\n===", "a\nb\n---", "- a\n---", "    kod", "> citat\n> två", "> citat\nlat rad",
    "> a\n\n> b", "text\n> citat", "tab\tinne", BACKGROUND,
]


class _Html(HTMLParser):
    """Python-Markdown's HTML as the preview's tree writes it: headings as h,
    links as their text, whitespace as one space."""

    def __init__(self, html):
        super().__init__()
        self.out, self.pre = [], False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a" or (tag == "code" and self.pre):
            return
        self.pre = self.pre or tag == "pre"
        start = dict(attrs).get("start")
        self.out.append(" " if tag == "br" else f"<{'h' if re.fullmatch('h[1-6]', tag) else tag}"
                        + (f" start={start}" if start else "") + ">")

    def handle_endtag(self, tag):
        if tag == "a" or (tag == "code" and self.pre):
            return
        self.pre = self.pre and tag != "pre"
        self.out.append(f"</{'h' if re.fullmatch('h[1-6]', tag) else tag}>")

    def handle_data(self, data):
        self.out.append(data if self.pre else re.sub(r"\s+", " ", data))


def _python_markdown(text):
    html = "".join(_Html(str(to_html(text)).replace("&#10;", "\n")).out)
    return re.sub(r"\s*(</?(?:p|ul|ol|li|h|hr|pre|blockquote)(?: start=\d+)?>)\s*", r"\1", html).replace("\n</pre>", "</pre>")


def _inlines(nodes):
    out = ""
    for n in nodes:
        if n["t"] == "text":
            out += re.sub(r"\s+", " ", n["v"])
        elif n["t"] == "code":
            out += f"<code>{n['v']}</code>"
        elif n["t"] == "a":
            out += _inlines(n["c"])
        else:
            out += f"<{n['t']}>{_inlines(n['c'])}</{n['t']}>"
    return out


def _tree(blocks):
    out = ""
    for b in blocks:
        t = b["t"]
        if t in ("p", "h"):
            out += f"<{t}>{_inlines(b['c']).strip()}</{t}>"
        elif t == "pre":
            out += f"<pre>{b['v']}</pre>"
        elif t == "hr":
            out += "<hr>"
        elif t == "quote":
            out += f"<blockquote>{_tree(b['c'])}</blockquote>"
        else:
            out += f"<{t}" + (f" start={b['start']}" if t == "ol" and b["start"] != 1 else "") + ">"
            for item in b["items"]:
                out += "<li>" + (_tree(item["c"]) if item["p"] else _inlines(item["c"][0]["c"]).strip()) + "</li>"
            out += f"</{t}>"
    return out


def test_preview_reads_markdown_as_the_page_does(modules):
    """The preview's tree has the blocks and inline marks that Python-Markdown
    (spets/markdown_safe.py, as on the page) makes of the same text."""
    samples = MARKDOWN_SAMPLES + [t for t in HOSTILE if t.strip() and t != "\u2028\u2029\x85\ufeff"]
    trees = modules("markdown.js", "arg.map(m.blocks)", samples)
    differ = [(text, _python_markdown(text), _tree(tree)) for text, tree in zip(samples, trees)
              if _python_markdown(text) != _tree(tree)]
    assert differ == []


def test_preview_tree_is_data_only(modules):
    tree = modules("markdown.js", "m.blocks(arg)", "Hej **<b>du</b>** [<img src=x onerror=alert(1)>](javascript:x)")
    assert tree == [{"t": "p", "c": [{"t": "text", "v": "Hej "}, {"t": "strong", "c": [{"t": "text", "v": "<b>du</b>"}]},
                                     {"t": "text", "v": " "},
                                     {"t": "a", "c": [{"t": "text", "v": "<img src=x onerror=alert(1)>"}]}]}]


PURE = ["util.js", "validate.js", "yaml.js", "github.js", "checks.js", "markdown.js", "mail.js"]


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
  m1.errorTexts(schema, {title: "x"}, "2024-06-01", ["x"]), m5.blocks("*a*")[0].t, m6.mailUrl("r@x.se", "a.yml", "a").slice(0, 15),
]);
"""
    result = modules.page.evaluate("""(source) => new Promise((resolve, reject) => {
      const url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
      const worker = new Worker(url, {type: "module"});
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message || "worker failed"));
    })""", source)
    assert result == ["are", ["title: Fyll i det här fältet."], "# rad\n\ntitle: \"Åre\"\n",
                      "https://github.com/o/r/new/main/f?filename=a.yml&value=x", "undefined", "undefined",
                      [], "p", "mailto:r@x.se?s"]
    for name in PURE:
        text = (REPO / "docs/assets/bidra" / name).read_text(encoding="utf-8")
        assert not re.search(r"\b(document|window|localStorage|querySelector)\b", text), name

"""The case-study form at /bidra/fallstudie/ in a real browser (Debian's
chromium via Playwright), on the built fixture site served over HTTP: the YAML
it produces passes `spets check` with every character intact, mistakes are
shown in Swedish next to their field, and the GitHub link carries the file.
The form starts only on its own element (data-spets-form), takes its settings
from that element's data- attributes, and no other page loads its script.
The unit tests of its pure modules (validator, YAML writer, links) are in
test_form_modules.py."""

from __future__ import annotations

import copy
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import BIN, REPO, Tags, need_chromium, run, spets
from spets.check import check_root
from spets.model import INVISIBLE_CHARS

need_chromium()
pytestmark = pytest.mark.browser

from playwright.sync_api import expect  # noqa: E402

REPO_URL = "https://github.com/spets-kunskapsbank/kunskapsbank"

# Text that would break naive YAML: quotes, colons, hashes, a document marker,
# block indicators, backslashes, braces, a tab, and Swedish letters.
TITLE = 'Högskolan "Väst" och Åre kommun: 50 % – #1 \'bästa\' {samarbete}'
SUMMARY = "Ett partnerskap: två parter, ett mål. ÅÄÖ åäö é ü – citat: ”så” och \"så\"."
BACKGROUND = ("Första stycket med kolon: så här.\n\n"
              "- en punkt\n- key: value\n---\n| inte en tabell\n"
              "# inte en kommentar\n  indragen rad med \\ backslash\nsista\traden")
PARTNER = 'Åre kommun "Jämtland": \'test\''


def watched(context):
    """A new page that records in page.problems every script error, console
    error, request off this host and failed response (404 …)."""
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("request", lambda r: r.url.startswith(("http://127.0.0.1", "blob:http://127.0.0.1"))
            or page.problems.append(r.url))
    page.on("response", lambda r: r.status >= 400 and page.problems.append(f"{r.status} {r.url}"))
    return page


def edit_page(page, url, *replacements):
    """Serve the page at url with each (old, new) of its HTML replaced, as if
    the site had been built with other settings."""
    def handle(route):
        response = route.fetch()
        html = response.text()
        for old, new in replacements:
            assert old in html, old
            html = html.replace(old, new)
        route.fulfill(response=response, body=html)
    page.route(url, handle)


@pytest.fixture
def form(browser, base_url):
    context = browser.new_context(accept_downloads=True)
    page = watched(context)
    page.goto(base_url + "bidra/fallstudie/", wait_until="networkidle")
    expect(page.locator("#bidra-skapa")).to_be_visible()
    yield page
    assert page.problems == []  # no script errors, no request off this host, no 404
    context.close()


def fill_valid(page):
    page.fill('[name="title"]', TITLE)
    page.fill('[name="summary"]', SUMMARY)
    page.check('input[name="institutions"][value="liu"]')
    page.check('input[name="institutions"][value="lnu"]')
    page.fill('[name="partners.0.name"]', PARTNER)
    page.check('input[name="partners.0.sector"][value="offentlig-sektor"]')
    page.click("text=Lägg till en partner")
    page.fill('[name="partners.1.name"]', "Yes")  # a YAML 1.1 boolean, if unquoted
    page.check('input[name="partners.1.sector"][value="naringsliv"]')
    page.fill('[name="started"]', "2019")
    page.check('input[name="status"][value="ongoing"]')
    page.fill('[name="background"]', BACKGROUND)
    page.fill('[name="activities"]', 'Möten varje "kvartal": styrgrupp och {workshops}.')
    page.check('input[name="phases"][value="genomfora"]')
    page.check('input[name="topics"][value="forankring"]')
    page.check('input[name="methods"][value="styrgrupp"]')
    page.fill('[name="sources.0.title"]', "Åre kommun: pressmeddelande")
    page.fill('[name="sources.0.url"]', "https://www.are.se/nyheter?id=1&sv=å")


def test_form_yaml_passes_spets_check_with_text_intact(form, kb):
    fill_valid(form)
    assert form.input_value('[name="id"]') == "hogskolan-vast-och-are-kommun-50-1-basta-samarbete"
    form.click("#bidra-skapa")
    expect(form.locator("#bidra-resultat")).to_be_visible()
    text = form.input_value("#bidra-yaml")
    assert text.startswith("# yaml-language-server: $schema=../schema/case_study.schema.json\n")
    name = form.get_attribute("#bidra-resultat", "data-file")
    assert name == "hogskolan-vast-och-are-kommun-50-1-basta-samarbete.yml"
    (kb / "case_studies" / name).write_text(text, encoding="utf-8")
    r = spets("check", cwd=kb)
    assert r.returncode == 0, r.stdout + "\n" + text
    case = next(e for e in check_root(kb).entries if e.id == name[:-4])
    assert case.title == TITLE and case.summary == SUMMARY
    assert case.background == BACKGROUND
    assert [p["name"] for p in case.partners] == [PARTNER, "Yes"]
    assert case.institutions == ["liu", "lnu"] and case.status == "ongoing" and case.started == 2019
    assert case.sources[0]["url"] == "https://www.are.se/nyheter?id=1&sv=å"
    assert case.provenance == "submitted" and case.last_reviewed == case.published
    r = run(str(BIN / "yamllint"), "--strict", "-c", str(REPO / ".yamllint"), str(kb / "case_studies" / name), cwd=kb)
    assert r.returncode == 0, r.stdout  # the pre-commit hook accepts it too


def test_line_separators_and_emoji_survive(form, kb):
    """Characters that YAML reads as line breaks or refuses unescaped."""
    odd = "Rad\u2028med radavgränsare,\x85NEL, \ufeffBOM och 🎉.\nAndra raden: \"citat\" \\ slut"
    fill_valid(form)
    form.fill('[name="activities"]', odd)
    form.fill('[name="id"]', "udda-tecken")
    form.click("#bidra-skapa")
    text = form.input_value("#bidra-yaml")
    assert "\\u2028" in text and "\\u0085" in text and "\\ufeff" in text
    (kb / "case_studies/udda-tecken.yml").write_text(text, encoding="utf-8")
    r = spets("check", cwd=kb)
    assert r.returncode == 0, r.stdout + "\n" + text
    case = next(e for e in check_root(kb).entries if e.id == "udda-tecken")
    assert case.activities == odd


def test_download_gives_the_same_file(form, tmp_path):
    fill_valid(form)
    form.click("#bidra-skapa")
    with form.expect_download() as info:
        form.click("#bidra-ladda-ner")
    download = info.value
    assert download.suggested_filename.endswith(".yml")
    path = tmp_path / "nedladdad.yml"
    download.save_as(path)
    assert path.read_text(encoding="utf-8") == form.input_value("#bidra-yaml")
    expect(form.locator("#bidra-status")).to_contain_text("har laddats ner")


def test_new_file_link_carries_the_content_intact(form):
    fill_valid(form)
    form.click("#bidra-skapa")
    href = form.get_attribute("#bidra-github", "href")
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == REPO_URL + "/new/main/case_studies"
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert query["filename"] == ["hogskolan-vast-och-are-kommun-50-1-basta-samarbete.yml"]
    assert query["value"] == [form.input_value("#bidra-yaml")]
    value = query["value"][0]
    assert "Högskolan \\\"Väst\\\" och Åre kommun" in value  # quotes escaped inside "…"
    assert "  - key: value\n  ---\n" in value  # block literal lines, indented
    assert "\n" in value and "å" in value and "ä" in value and "ö" in value


def test_missing_and_wrong_fields_are_shown_in_swedish_next_to_them(form):
    form.click("#bidra-skapa")
    expect(form.locator("#bidra-summary")).to_be_visible()
    expect(form.locator("#bidra-resultat")).to_be_hidden()

    def error(path):
        return form.locator(f'[data-path="{path}"] .bidra-error').first

    expect(error("title")).to_have_text("Fyll i det här fältet.")
    expect(error("institutions")).to_have_text("Välj minst ett alternativ.")
    expect(error("status")).to_have_text("Välj ett av alternativen.")
    expect(error("partners.0.name")).to_have_text("Fyll i det här fältet.")
    expect(error("sources.0.url")).to_have_text("Fyll i det här fältet.")
    assert form.get_attribute('[name="title"]', "aria-invalid") == "true"
    expect(error("summary")).to_have_text("Fyll i det här fältet.")

    fill_valid(form)
    form.fill('[name="started"]', "20l9")
    form.fill('[name="ended"]', "2010")
    form.fill('[name="sources.0.url"]', "www.are.se")
    form.fill('[name="id"]', "Åre Kommun")
    form.fill('[name="title"]', "x" * 121)
    form.click("#bidra-skapa")
    expect(error("started")).to_have_text("Skriv ett årtal med fyra siffror, t.ex. 2017.")
    expect(error("sources.0.url")).to_contain_text("Skriv en fullständig adress som börjar med https:")
    expect(error("id")).to_have_text(
        "Använd bara små bokstäver a–z, siffror och bindestreck, t.ex. chalmers-volvo-cars.")
    expect(error("title")).to_have_text("För långt: 121 tecken, högst 120.")
    # With the start year unreadable, `spets check` compares the end year with this year.
    expect(error("ended")).to_have_text("slutåret 2010 har redan passerat, men status är ongoing (pågående): "
                                        "ändra status till concluded eller ta bort slutåret")
    expect(form.locator("#bidra-summary li")).to_have_count(5)
    expect(form.locator("#bidra-resultat")).to_be_hidden()

    # Fixing a field clears its message as you type; a later year than the end is caught too.
    form.fill('[name="started"]', "2019")
    expect(error("started")).to_be_hidden()
    expect(error("ended")).to_have_text("slutåret 2010 ligger före startåret 2019")
    form.fill('[name="ended"]', "")
    form.fill('[name="sources.0.url"]', "https://www.are.se")
    form.fill('[name="id"]', "are-kommun")
    form.fill('[name="title"]', "Åre kommun")
    expect(form.locator("#bidra-summary")).to_be_hidden()
    expect(form.locator("#bidra-resultat")).to_be_visible()


def test_rows_can_be_added_and_removed_without_losing_text(form):
    form.fill('[name="partners.0.name"]', "Första")
    form.click("text=Lägg till en partner")
    form.fill('[name="partners.1.name"]', "Andra")
    form.click("text=Lägg till en partner")
    form.fill('[name="partners.2.name"]', "Tredje")
    form.click("text=Ta bort partner 1")
    assert form.input_value('[name="partners.0.name"]') == "Andra"
    assert form.input_value('[name="partners.1.name"]') == "Tredje"
    assert form.locator('[name="partners.2.name"]').count() == 0


def test_draft_survives_a_reload_and_can_be_cleared(form):
    fill_valid(form)
    form.fill('[name="id"]', "eget-id")
    form.reload(wait_until="networkidle")
    expect(form.locator("#bidra-utkast")).to_be_visible()
    assert form.input_value('[name="title"]') == TITLE
    assert form.input_value('[name="background"]') == BACKGROUND
    assert form.input_value('[name="partners.1.name"]') == "Yes"
    assert form.is_checked('input[name="partners.1.sector"][value="naringsliv"]')
    assert form.is_checked('input[name="institutions"][value="lnu"]')
    assert form.input_value('[name="id"]') == "eget-id"  # not overwritten from the title
    form.fill('[name="title"]', "Ny titel")
    assert form.input_value('[name="id"]') == "eget-id"
    form.once("dialog", lambda d: d.accept())
    form.click("#bidra-tom")
    assert form.input_value('[name="title"]') == ""
    form.reload(wait_until="networkidle")
    assert form.input_value('[name="title"]') == ""
    expect(form.locator("#bidra-utkast")).to_have_count(0)


def test_browser_validator_agrees_with_the_schema_tests(form):
    """The samples that fail both `spets check` and jsonschema fail in the form too."""
    from conftest import as_json
    from test_schema import INVALID_CASES, _case

    good = as_json(_case())
    assert form.evaluate("d => spetsBidra.errors(d)", good) == []
    for name, mutate in INVALID_CASES.items():
        data = as_json(mutate(copy.deepcopy(_case())))
        errors = form.evaluate("d => spetsBidra.errors(d)", data)
        assert errors, f"{name}: formuläret godtog {data}"
        assert all(re.search(r"[a-zåäö]", e) for e in errors), errors


HOSTILE = [
    "", " ledande mellanslag", "- lista", "? fråga", ": kolon", "key: value", "a #kommentar", "#hash",
    "'enkla'", '"dubbla"', "\\ backslash \\n", "{ flöde }", "[lista]", "&ankare", "*alias", "!tagg",
    "%direktiv", "@", "`", "|", ">", "---", "...", "yes", "No", "null", "~", "true", "0o17", "0x1F",
    "1e3", "2026-01-01", ".inf", "-.nan", "<<", "=", "ÅÄÖ åäö", "emoji 🎉 och \u200b", "tab\tinne",
    "rad ett\nrad två", "\n\ninledande tomma rader", "slut med backslash \\", "  indraget\n  två",
    "rad\n---\nrad", "rad\n...\nrad", "rad\n# inte kommentar", "\u2028\u2029\x85\ufeff", "a\n   \nb",
    "rad\n\ttabb först", "slut med tomrader\n\n\n",
]


def _line(text):
    """A hostile text as one line of a title or a name: no line break, and none
    of the invisible characters that `spets check` refuses there."""
    return re.sub(f"[{INVISIBLE_CHARS}]", "", text.replace("\n", " "))


def test_yaml_writer_keeps_hostile_text_intact(form, kb):
    """Every string, written by the form's YAML writer, reads back unchanged."""
    base = _json_case()
    for i, text in enumerate(HOSTILE):
        data = dict(base, id=f"fientlig-{i}", activities="x" + text + "x", background="x" + text,
                    title="x" + _line(text), lessons=text + "\nslut")
        data["partners"] = [{"name": "x" + _line(text), "sector": "naringsliv"}]
        (kb / f"case_studies/fientlig-{i}.yml").write_text(form.evaluate("d => spetsBidra.yaml(d)", data),
                                                          encoding="utf-8")
    r = spets("check", cwd=kb)
    assert r.returncode == 0, r.stdout
    entries = {e.id: e for e in check_root(kb).entries}
    for i, text in enumerate(HOSTILE):
        case = entries[f"fientlig-{i}"]
        assert case.activities == ("x" + text + "x").strip(), repr(text)
        assert case.background == ("x" + text).strip(), repr(text)
        assert case.lessons == (text + "\nslut").strip(), repr(text)
        assert case.title == " ".join(("x" + _line(text)).split()), repr(text)
        assert case.partners[0]["name"] == " ".join(("x" + _line(text)).split()), repr(text)


def _json_case():
    from conftest import as_json
    from test_schema import _case
    return as_json(_case())


# ------------------------------------------------- where the form starts


@pytest.mark.parametrize("path", ["", "sa-anvander-du/"])
def test_pages_without_the_form_load_none_of_it(browser, base_url, path):
    """The start page, and "Så använder du kunskapsbanken" with its heading
    "Bidra" (id="bidra"), load no form script and show no error."""
    context = browser.new_context()
    page = watched(context)
    scripts = []
    page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    page.goto(base_url + path, wait_until="networkidle")
    if path:
        assert page.locator("h2#bidra").count() == 1  # the heading that used to start the form
    assert not [s for s in scripts if "bidra" in s], scripts
    assert page.evaluate("typeof window.spetsBidra") == "undefined"
    assert page.locator(".bidra-fatal, .bidra-form").count() == 0
    assert "Formuläret kunde inte läsas in" not in page.inner_text("body")
    assert page.problems == []  # no console error, no 404
    context.close()


def test_the_form_page_loads_only_the_form_module(built_fixture):
    html = (built_fixture / "site/bidra/fallstudie/index.html").read_text(encoding="utf-8")
    forms = [attrs for tag, attrs in Tags(html).tags if "data-spets-form" in attrs]
    # The settings come from the model (folder, schema line) and mkdocs.yml (repo, branch from edit_uri).
    assert [{k: v for k, v in attrs.items() if k.startswith("data-")} for attrs in forms] == [{
        "data-spets-form": "", "data-schema": "../../schema/case_study.schema.json", "data-repo": REPO_URL,
        "data-branch": "main", "data-folder": "case_studies",
        "data-modeline": "# yaml-language-server: $schema=../schema/case_study.schema.json",
        "data-taken": "chalmers-volvo-cars liu-partner umu-partner",  # the fixture's case studies
        "data-email": "redaktionen@spets-kunskapsbank.example"}]  # extra.editorial_email
    assert html.count('<script type="module" src="../../assets/bidra/form.js"></script>') == 1
    assert "assets/bidra.js" not in html
    for page in ("index.html", "sa-anvander-du/index.html"):
        other = (built_fixture / "site" / page).read_text(encoding="utf-8")
        assert "data-spets-form" not in other, page
        assert "assets/bidra/" not in other and "assets/bidra.js" not in other, page
    assert f"{REPO_URL}/blob/main/CONTRIBUTING.md" in html


def test_form_takes_its_settings_from_its_element(browser, base_url):
    """Repository, branch, folder and first line of the file all come from
    the element's data- attributes; none is written in the script."""
    context = browser.new_context()
    page = watched(context)
    url = base_url + "bidra/fallstudie/"
    edit_page(page, url,
              (f'data-repo="{REPO_URL}"', 'data-repo="https://github.com/annan/repo/"'),
              ('data-branch="main"', 'data-branch="utkast/ny"'),
              ('data-folder="case_studies"', 'data-folder="inskickat"'),
              ('data-modeline="# yaml-language-server: $schema=../schema/case_study.schema.json"',
               'data-modeline="# yaml-language-server: $schema=../schema/annan.schema.json"'))
    page.goto(url, wait_until="networkidle")
    fill_valid(page)
    page.click("#bidra-skapa")
    expect(page.locator("#bidra-resultat")).to_be_visible()
    file = "hogskolan-vast-och-are-kommun-50-1-basta-samarbete.yml"
    expect(page.locator("#bidra-filnamn")).to_have_text("Din fil: inskickat/" + file)
    text = page.input_value("#bidra-yaml")
    assert text.startswith("# yaml-language-server: $schema=../schema/annan.schema.json\n\n")
    parts = urlsplit(page.get_attribute("#bidra-github", "href"))
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://github.com/annan/repo/new/utkast/ny/inskickat"
    assert parse_qs(parts.query)["value"] == [text]

    # Too long for a link: the upload page of the same branch and folder.
    page.fill('[name="background"]', "å" * 3000)
    page.click("#bidra-skapa")
    expect(page.locator("#bidra-github")).to_be_hidden()
    expect(page.locator("#bidra-status")).to_have_text(
        "Texten är för lång för att skickas med en länk. Ladda ner filen och ladda upp den på GitHub: "
        "https://github.com/annan/repo/upload/utkast/ny/inskickat")
    assert page.problems == []
    context.close()


def test_a_missing_setting_is_said_not_guessed(browser, base_url):
    context = browser.new_context()
    page = watched(context)
    url = base_url + "bidra/fallstudie/"
    edit_page(page, url, ('data-branch="main"', ""))
    page.goto(url, wait_until="networkidle")
    expect(page.locator(".bidra-fatal")).to_have_text(re.compile("^Formuläret kunde inte läsas in."))
    assert page.locator("#bidra-skapa").count() == 0
    assert [p for p in page.problems if "data-branch" in p] and len(page.problems) == 1, page.problems
    context.close()


# ------------------------------------------------- as the contributor uses it


def _error(page, path):
    return page.locator(f'[data-path="{path}"] .bidra-error').first


def test_a_message_shows_when_the_field_is_left_and_follows_the_typing(form):
    """"Direkt vid fältet": not while the field is being filled in the first
    time, but as soon as it is left; then it follows every key. Focus stays
    where the contributor is, and the message is announced politely."""
    title = form.locator('[name="title"]')
    title.focus()
    form.keyboard.type("Ett fall\u200b")
    expect(_error(form, "title")).to_be_hidden()  # not while typing the first time
    form.keyboard.press("Tab")
    expect(_error(form, "title")).to_have_text(
        "innehåller ett osynligt tecken (U+200B) eller ett som vänder textens riktning: ta bort det")
    assert form.evaluate("document.activeElement.name") == "summary"  # focus went on, to the next field
    assert title.get_attribute("aria-invalid") == "true"
    assert form.get_attribute('[data-path="title"] .bidra-error', "id") in title.get_attribute("aria-describedby").split()
    live = form.locator("#bidra-meddelande")
    assert live.get_attribute("role") == "status"
    expect(live).to_have_text("Titel: innehåller ett osynligt tecken (U+200B) eller ett som vänder textens "
                              "riktning: ta bort det")
    expect(_error(form, "summary")).to_be_hidden()  # a field not yet left says nothing
    expect(form.locator("#bidra-summary")).to_be_hidden()  # the summary waits for "Skapa filen"
    title.focus()
    form.keyboard.press("End")
    form.keyboard.press("Backspace")
    expect(_error(form, "title")).to_be_hidden()  # fixed: gone as you type
    assert title.get_attribute("aria-invalid") is None
    form.keyboard.press("Backspace")
    form.keyboard.press("Backspace")
    form.keyboard.press("Backspace")
    form.keyboard.type("\u202e")
    expect(_error(form, "title")).to_contain_text("(U+202E)")  # and back, still as you type
    assert form.evaluate("document.activeElement.name") == "title"
    # A group of choices is left when focus leaves the group, not between its boxes.
    form.locator('input[name="institutions"]').first.focus()
    form.keyboard.press("Tab")
    assert form.evaluate("document.activeElement.name") == "institutions"
    expect(_error(form, "institutions")).to_be_hidden()
    form.locator('[name="partners.0.name"]').focus()
    expect(_error(form, "institutions")).to_have_text("Välj minst ett alternativ.")


def test_summary_counts_and_the_live_region_says_when_all_is_fixed(form):
    fill_valid(form)
    form.fill('[name="summary"]', "")
    form.fill('[name="started"]', "2090")
    form.click("#bidra-skapa")
    summary = form.locator("#bidra-summary")
    expect(summary).to_be_focused()
    expect(summary.locator("li")).to_have_text(["Sammanfattning: Fyll i det här fältet.",
                                                "Startår: startåret 2090 ligger i framtiden"])
    form.fill('[name="started"]', "2019")
    expect(form.locator("#bidra-meddelande")).to_have_text("Ett fält behöver rättas.")
    expect(form.locator('[name="started"]')).to_be_focused()  # the summary changed, focus did not move
    form.fill('[name="summary"]', "Ett partnerskap.")
    expect(form.locator("#bidra-meddelande")).to_have_text("Alla fält är rätt ifyllda. Filen är klar under formuläret.")
    expect(form.locator("#bidra-resultat")).to_be_visible()
    expect(form.locator('[name="summary"]')).to_be_focused()


def test_review_date_only_for_a_case_the_larosate_sent_in(form, kb):
    """Today's date for "Inskickad av lärosätet", editable; no review date at
    all for a case compiled from public sources."""
    review = form.locator('[data-path="last_reviewed"]')
    expect(review).to_be_visible()
    assert form.is_checked('input[name="provenance"][value="submitted"]')
    today = form.input_value('[name="published"]')
    assert form.input_value('[name="last_reviewed"]') == today
    expect(review.locator("label")).to_have_text("Granskad av lärosätet *")  # required while submitted
    form.check('input[name="provenance"][value="compiled"]')
    expect(review).to_be_hidden()
    assert form.input_value('[name="last_reviewed"]') == ""
    fill_valid(form)
    form.check('input[name="provenance"][value="compiled"]')
    form.click("#bidra-skapa")
    text = form.input_value("#bidra-yaml")
    assert "last_reviewed" not in text and "provenance: compiled" in text
    (kb / "case_studies/sammanstalld.yml").write_text(text.replace(
        "id: hogskolan-vast-och-are-kommun-50-1-basta-samarbete", "id: sammanstalld"), encoding="utf-8")
    r = spets("check", cwd=kb)
    assert r.returncode == 0, r.stdout
    case = next(e for e in check_root(kb).entries if e.id == "sammanstalld")
    assert case.provenance == "compiled" and case.last_reviewed is None
    # Back to submitted: today's date again, and the date can be changed.
    form.check('input[name="provenance"][value="submitted"]')
    expect(review).to_be_visible()
    assert form.input_value('[name="last_reviewed"]') == today
    form.fill('[name="last_reviewed"]', "2024-03-01")
    form.click("#bidra-skapa")
    assert "last_reviewed: 2024-03-01" in form.input_value("#bidra-yaml")
    # Emptied: the schema's if/then rule, in check.py's words.
    form.fill('[name="last_reviewed"]', "")
    form.click("#bidra-skapa")
    expect(_error(form, "last_reviewed")).to_have_text(
        "fältet 'last_reviewed' saknas: lärosätet har skickat in fallstudien och har alltså granskat den: "
        "ange datumet (provenance: submitted)")
    # A draft made as compiled comes back as compiled, with no date.
    form.check('input[name="provenance"][value="compiled"]')
    form.reload(wait_until="networkidle")
    assert form.is_checked('input[name="provenance"][value="compiled"]')
    expect(review).to_be_hidden()


def test_every_optional_field_says_so_once(form):
    """"(valfritt)" once in the label and help of an optional field, never
    in a required one's; a field required by an if/then rule gets its *."""
    fields = form.evaluate("""() => Array.from(document.querySelectorAll('.bidra-field')).map((f) => {
      const own = (sel) => Array.from(f.querySelectorAll(sel)).filter((n) => n.closest('.bidra-field') === f);
      const label = own('label, legend')[0];
      return {path: f.dataset.path, label: label.textContent,
              text: label.textContent + ' ' + own('.bidra-help').map((h) => h.textContent).join(' ')};
    })""")
    schema = form.evaluate("fetch('../../schema/case_study.schema.json').then((r) => r.json())")
    # Required: what the schema requires, and what its if/then rules require of
    # the form as it starts (provenance: submitted -> last_reviewed).
    assert form.is_checked('input[name="provenance"][value="submitted"]')
    # `en`, the English texts, is left out of the form (words.js: LEFT_OUT).
    optional = [name for name in schema["properties"] if name not in schema["required"] + ["last_reviewed", "en"]]
    assert {f["path"] for f in fields if f["label"].endswith(" (valfritt)")} == set(optional)
    for f in fields:
        assert f["text"].lower().count("valfri") == (1 if f["path"] in optional else 0), f
        assert f["label"].endswith(" *") != (f["path"] in optional), f
    form.check('input[name="status"][value="concluded"]')
    expect(form.locator('[data-path="ended"] label')).to_have_text("Slutår *")
    form.check('input[name="status"][value="ongoing"]')
    expect(form.locator('[data-path="ended"] label')).to_have_text("Slutår (valfritt)")


def test_preview_shows_the_text_as_on_the_page_from_text_nodes_only(form):
    box = form.locator('[data-path="background"] details.bidra-preview')
    expect(box.locator("summary")).to_have_text("Så här blir texten på sidan")
    assert box.get_attribute("open") is None  # folded until asked for
    assert form.locator("details.bidra-preview").count() == 5  # every Markdown field, no other
    for name in ("background", "activities", "results", "lessons", "challenges"):
        assert form.locator(f'[data-path="{name}"] details.bidra-preview').count() == 1, name
    form.fill('[name="background"]', "Första raden\nandra raden.\n\n- en **fet** punkt\n- [en länk](https://x.se)\n\n"
              "1. ett\n2. *två*\n\n<img src=x onerror=\"window.hacked=1\"> <b>inte fet</b>")
    box.locator("summary").click()
    body = box.locator(".bidra-preview-text")
    expect(body.locator("p").first).to_have_text("Första raden andra raden.")
    expect(body.locator("ul > li")).to_have_text(["en fet punkt", "en länk"])
    expect(body.locator("ul strong")).to_have_text("fet")
    expect(body.locator("ol > li")).to_have_text(["ett", "två"])
    expect(body.locator("ol em")).to_have_text("två")
    assert body.locator("a").count() == 0  # a link shows as its text
    expect(body.locator("p").last).to_have_text('<img src=x onerror="window.hacked=1"> <b>inte fet</b>')
    assert body.locator("img, b").count() == 0 and form.evaluate("window.hacked") is None
    form.fill('[name="background"]', "Ny text")  # it follows the typing while open
    expect(body).to_have_text("Ny text")


def test_email_route_downloads_the_file_and_opens_a_mail_to_the_editors(form, tmp_path):
    fill_valid(form)
    form.click("#bidra-skapa")
    send = form.locator("#bidra-epost-knapp")
    expect(send).to_have_text("Skicka med e-post")
    expect(form.locator("#bidra-epost")).to_be_hidden()
    with form.expect_download() as info:
        send.click()
    info.value.save_as(tmp_path / "fil.yml")
    assert (tmp_path / "fil.yml").read_text(encoding="utf-8") == form.input_value("#bidra-yaml")
    step = form.locator("#bidra-epost")
    expect(step).to_be_visible()
    file = "hogskolan-vast-och-are-kommun-50-1-basta-samarbete.yml"
    expect(step).to_contain_text(f"Nästa steg: skriv ett mejl till redaktionen och bifoga filen {file}, som du just "
                                 "laddade ner.")
    expect(step).to_contain_text("redaktionen@spets-kunskapsbank.example")
    expect(form.locator("#bidra-status")).to_have_text(f"Filen {file} har laddats ner.")
    href = form.get_attribute("#bidra-epost-lank", "href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "redaktionen@spets-kunskapsbank.example"
    query = parse_qs(parts.query, strict_parsing=True)
    assert query["subject"] == ["Ny fallstudie: " + file[:-4]]
    assert f"Bifoga filen {file}" in query["body"][0]
    # A changed file must be downloaded again before it is sent.
    form.fill('[name="summary"]', "En annan sammanfattning.")
    expect(step).to_be_hidden()


def test_no_email_route_without_an_address(browser, base_url):
    context = browser.new_context()
    page = watched(context)
    url = base_url + "bidra/fallstudie/"
    edit_page(page, url, ('data-email="redaktionen@spets-kunskapsbank.example"', 'data-email=""'))
    page.goto(url, wait_until="networkidle")
    fill_valid(page)
    page.click("#bidra-skapa")
    expect(page.locator("#bidra-github")).to_be_visible()
    assert page.locator("#bidra-epost-knapp, #bidra-epost").count() == 0
    assert page.problems == []
    context.close()


def test_an_id_that_exists_is_refused(form):
    fill_valid(form)
    form.fill('[name="id"]', "liu-partner")  # a case study of the fixture
    form.click("#bidra-skapa")
    expect(_error(form, "id")).to_have_text("id:t 'liu-partner' finns redan: välj ett annat id "
                                            "(se fallstudier/liu-partner/)")
    expect(form.locator("#bidra-resultat")).to_be_hidden()

"""The contribution path around the form: "Redigera på GitHub" links, the
workflows (actionlint, zizmor, least privilege, pinned actions), yamllint,
pre-commit, the issue form and CONTRIBUTING.md."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from conftest import REPO, mkdocs_build, run, spets

BIN = Path(sys.executable).parent
REPO_URL = "https://github.com/spets-kunskapsbank/kunskapsbank"
WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
EDIT = re.compile(r'<a href="([^"]*)" class="md-content__button spets-edit"')


# ------------------------------------------------------- "Redigera på GitHub"


def test_every_edit_link_goes_to_a_source_file(built_fixture):
    root = built_fixture
    pages = sorted((root / "site").rglob("index.html"))
    seen = {}
    for page in pages:
        links = EDIT.findall(page.read_text(encoding="utf-8"))
        assert len(links) <= 1, page
        if links:
            assert links[0].startswith(REPO_URL + "/edit/main/"), links[0]
            source = links[0].removeprefix(REPO_URL + "/edit/main/")
            assert (root / source).is_file(), f"{page}: {source} finns inte i källorna"
            seen[page.parent.relative_to(root / "site").as_posix()] = source
    assert seen["fallstudier/chalmers-volvo-cars"] == "case_studies/chalmers-volvo-cars.yml"
    assert seen["metoder/styrgrupp"] == "methods/styrgrupp.yml"
    assert seen["verktyg/arsfragor"] == "tools/arsfragor.yml"
    assert seen["amnen/forankring"] == "taxonomy/topics.yml"
    assert seen["larosaten/kth"] == "taxonomy/larosaten.yml"
    assert seen["bidra/fallstudie"] == "docs/bidra/fallstudie.md"
    assert seen["."] == "docs/index.md"
    # Never to a generated file: no link anywhere points at docs/<kind url>/<id>.md.
    assert not [s for s in seen.values() if s.startswith("docs/") and not (REPO / s).is_file()]
    html = (root / "site/fallstudier/chalmers-volvo-cars/index.html").read_text(encoding="utf-8")
    assert "Redigera på GitHub" in html


def test_every_link_to_the_repository_follows_the_branch_in_edit_uri(kb):
    config = (kb / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nedit_uri: edit/main/docs/\n" in config
    (kb / "mkdocs.yml").write_text(config.replace("\nedit_uri: edit/main/docs/\n", "\nedit_uri: edit/utkast/ny/docs/\n"),
                                   encoding="utf-8")
    r = mkdocs_build(kb)
    assert r.returncode == 0, r.stdout + r.stderr
    site = kb / "site"
    entry = (site / "metoder/styrgrupp/index.html").read_text(encoding="utf-8")
    assert EDIT.findall(entry) == [REPO_URL + "/edit/utkast/ny/methods/styrgrupp.yml"]
    page = (site / "om-spets/index.html").read_text(encoding="utf-8")
    assert EDIT.findall(page) == [REPO_URL + "/edit/utkast/ny/docs/om-spets.md"]  # MkDocs' own link
    form = (site / "bidra/fallstudie/index.html").read_text(encoding="utf-8")
    assert 'data-branch="utkast/ny"' in form
    assert REPO_URL + "/blob/utkast/ny/CONTRIBUTING.md" in form and "/blob/main/" not in form


def test_an_edit_uri_without_a_branch_is_said_plainly(kb):
    config = (kb / "mkdocs.yml").read_text(encoding="utf-8")
    (kb / "mkdocs.yml").write_text(config.replace("\nedit_uri: edit/main/docs/\n", "\nedit_uri: docs/\n"),
                                   encoding="utf-8")
    r = mkdocs_build(kb)
    out = r.stdout + r.stderr
    assert r.returncode == 1 and "Traceback" not in out
    assert "mkdocs.yml: edit_uri ska ha formen edit/GREN/docs/ (nu 'docs/')" in out


# ----------------------------------------------------------------- workflows


def _workflow(name):
    return yaml.safe_load((REPO / ".github/workflows" / name).read_text(encoding="utf-8"))


def test_workflows_pass_actionlint():
    r = run(str(BIN / "actionlint"), "-no-color", *map(str, WORKFLOWS), cwd=REPO)
    assert r.returncode == 0, r.stdout + r.stderr


def test_workflows_pass_zizmor_offline():
    r = run(str(BIN / "zizmor"), "--offline", "--persona", "pedantic", "--no-progress",
            ".github/workflows", cwd=REPO)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "No findings" in r.stdout


def test_workflows_least_privilege_and_pinned():
    assert {w.name for w in WORKFLOWS} == {"kontroll.yml", "publicera.yml"}
    writers = []
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        flow = yaml.safe_load(text)
        on = flow[True] if True in flow else flow["on"]
        assert not {"pull_request_target", "workflow_run"} & set(on), path.name
        assert flow["permissions"] == {"contents": "read"}, path.name
        for job_name, job in flow["jobs"].items():
            if any(v == "write" for v in (job.get("permissions") or {}).values()):
                writers.append((path.name, job_name, job["permissions"]))
            for step in job["steps"]:
                if "uses" in step:
                    action, _, ref = step["uses"].partition("@")
                    assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{path.name}: {step['uses']} är inte fäst vid en commit"
        for line in text.splitlines():
            if "uses:" in line:
                assert re.search(r"@[0-9a-f]{40}\s+# v\d+\.\d+\.\d+$", line), line
    assert writers == [("publicera.yml", "publicera", {"pages": "write", "id-token": "write"})]


def test_pull_request_workflow_checks_builds_tests_and_uploads():
    flow = _workflow("kontroll.yml")
    assert set(flow[True] if True in flow else flow["on"]) == {"pull_request", "workflow_dispatch"}
    steps = [s for job in flow["jobs"].values() for s in job["steps"]]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert ".venv/bin/spets check --format github" in runs
    assert "make build" in runs and "make test" in runs
    assert "mkdocs build --strict" in (REPO / "Makefile").read_text(encoding="utf-8")
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False


def test_main_workflow_deploys_to_pages():
    flow = _workflow("publicera.yml")
    on = flow[True] if True in flow else flow["on"]
    assert on["push"]["branches"] == ["main"]
    uses = [s.get("uses", "") for job in flow["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert flow["jobs"]["publicera"]["needs"] == "bygg"


# -------------------------------------------- yamllint, pre-commit, templates


def test_yamllint_passes_on_the_repository():
    r = run(str(BIN / "yamllint"), "--strict", ".", cwd=REPO)
    assert r.returncode == 0, r.stdout + r.stderr


def test_pre_commit_runs_spets_check_and_yamllint():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert hooks["spets-check"]["entry"] == ".venv/bin/spets check"
    assert hooks["spets-check"]["pass_filenames"] is False
    assert re.match(hooks["spets-check"]["files"], "case_studies/ny.yml")
    assert hooks["yamllint"]["entry"].startswith(".venv/bin/yamllint")
    for hook in hooks.values():
        assert hook["language"] == "system"
        assert (BIN / Path(hook["entry"].split()[0]).name).is_file(), hook["entry"]


def test_issue_form_and_pull_request_template():
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/foresla-fallstudie.yml").read_text(encoding="utf-8"))
    assert form["name"] == "Föreslå en fallstudie" and form["description"]
    ids = [item["id"] for item in form["body"] if item["type"] != "markdown"]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z_-]+", i) for i in ids)
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        assert item["attributes"].get("label") or item["type"] == "markdown"
    template = (REPO / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 3
    assert REPO_URL + "/blob/main/CONTRIBUTING.md#om-kontrollen-hittar-fel" in template
    page = (REPO / "docs/bidra/fallstudie.md").read_text(encoding="utf-8")
    assert "issues/new?template=foresla-fallstudie.yml" in page


# ------------------------------------------------------------ CONTRIBUTING.md


def test_contributing_has_three_routes_easiest_first():
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings[:4] == ["1. Formuläret på webbplatsen", "2. GitHubs webbredigerare",
                            "3. En egen kopia på datorn", "Efter din pull request"]
    assert "spets new case-study" in text and "make serve" in text
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):
        assert anchor in {_anchor(h) for h in re.findall(r"^#+ (.+)$", text, re.M)}, anchor


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to -."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def test_contributing_quotes_real_messages_from_spets_check(kb):
    """The examples in CONTRIBUTING.md are what `spets check` really says."""
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    (kb / "case_studies/lnu-test.yml").write_text(
        "id: lnu-test\ntitle: Ett test\nsummary: Ett partnerskap\ninstitutions:\n  - lnu\n"
        "partners:\n  - name: Region Kronoberg\n    sector: offentlig\nstarted: 2017\n"
        "status: pågående\nbackground: Text\nactivities: Text\nphases: [genomfora]\n"
        "topics: [avtal]\nsources:\n  - title: Källa\n    url: www.lnu.se\n"
        "provenance: submitted\npublished: 2026-01-01\n", encoding="utf-8")
    (kb / "case_studies/lnu-kolon.yml").write_text("id: lnu-kolon\nbackground: Text: med kolon\n", encoding="utf-8")
    (kb / "case_studies/lnu-tabb.yml").write_text("id: lnu-tabb\ntitle: x\n\tsummary: y\n", encoding="utf-8")
    r = spets("check", cwd=kb)
    lines = [line.split(": ", 1)[1] for line in r.stdout.splitlines() if line.startswith("case_studies/lnu-")]
    wanted = ["partners[1].sector: okänt id 'offentlig': ingen sektor med det id:t finns i taxonomy/sectors.yml "
              "– menade du 'offentlig-sektor'?",
              "status: okänt värde 'pågående'; tillåtna är ongoing, concluded",
              "sources[1].url: adressen måste börja med https: eller http: eller mailto:",
              "background: ett kolon följt av mellanslag inne i ett värde: sätt värdet inom citattecken, "
              "eller rätta indraget om det ska vara en ny nyckel",
              "title: tabbtecken får inte användas för indrag i YAML: använd mellanslag"]
    for message in wanted:
        assert message in lines, (message, lines)
        assert message in text or message.split(": ", 1)[1] in text.replace("`", ""), message



def message_templates() -> list[re.Pattern]:
    """The messages that CONTRIBUTING.md explains, as patterns: `…` is any text."""
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("<!-- Alla meddelanden"):text.index("Kommer du inte vidare?")]
    cells = re.findall(r"^\| (``?)(.+?)\1 \|", section, re.M)
    assert len(cells) > 80
    return [re.compile(re.escape(cell.replace("\\|", "|")).replace("…", ".+?")) for _, cell in cells]


def test_contributing_explains_every_message_of_the_check():
    """Every message in the golden corpus of bad input (tests/bad/), and the
    stale-schema one, is in CONTRIBUTING's table, so no contributor has to
    guess what a line of the pull request's check means."""
    templates = message_templates()
    lines = [line for path in sorted((REPO / "tests" / "bad").glob("*/expected.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line]
    lines.append("schema/method.schema.json:1:1: är inte aktuell med innehållet: kör `spets schema` och checka in "
                 "filerna (redaktionen gör det annars åt dig)")
    assert len(lines) > 80
    unexplained = []
    for line in lines:
        rest = re.sub(r"^.+?:\d+:\d+: ", "", line)
        candidates = [rest, rest.split(": ", 1)[-1]]  # with or without the field in front
        if not any(t.fullmatch(c) for t in templates for c in candidates):
            unexplained.append(line)
    assert unexplained == []
    # The test can fail: a message that is not in the table is caught.
    assert not any(t.fullmatch("ett helt nytt meddelande") for t in templates)

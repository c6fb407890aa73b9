"""The `spets` command line: exit codes and output formats."""

from __future__ import annotations

from conftest import BIN, REPO, run, spets


def test_check_clean(kb):
    r = spets("check", "--root", str(kb), cwd=kb)
    assert r.returncode == 0, r.stdout
    assert r.stdout.strip() == "Inga problem i 15 filer."


def test_check_problems_text_and_count(kb):
    (kb / "methods/styrgrupp.yml").write_text("id: styrgrupp\n", encoding="utf-8")
    r = spets("check", cwd=kb)
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert "methods/styrgrupp.yml:1:1: title: fältet 'title' saknas" in lines
    assert lines[-1] == f"{len(lines) - 1} problem i 1 av 15 filer."
    assert all(line.startswith("methods/styrgrupp.yml:1:1: ") for line in lines[:-1])


def test_check_github_format(kb):
    (kb / "methods/styrgrupp.yml").write_text("id: styrgrupp\n", encoding="utf-8")
    r = spets("check", "--format", "github", "--root", str(kb), cwd=kb.parent)
    assert r.returncode == 1
    assert "::error file=methods/styrgrupp.yml,line=1,col=1::title: fältet 'title' saknas" in r.stdout.splitlines()


def test_usage_errors_exit_2(kb):
    assert spets("check", "--format", "xml", cwd=kb).returncode == 2
    assert spets("frobnicate", cwd=kb).returncode == 2
    r = spets("check", "--root", str(kb / "finns-inte"), cwd=kb)
    assert r.returncode == 2 and "finns inte" in r.stderr
    r = spets("new", "method", "Fel Id", cwd=kb)
    assert r.returncode == 2 and "inte ett giltigt id" in r.stderr
    r = spets("new", "method", "kort", cwd=kb)
    assert r.returncode == 2 and "upptaget" in r.stderr and not (kb / "methods/kort.yml").exists()
    r = spets("new", "tool", "x" * 300, cwd=kb)
    assert r.returncode == 2 and "högst 80 tecken" in r.stderr and "Traceback" not in r.stderr
    (kb / "schema").write_text("en fil, inte en mapp")
    r = spets("schema", cwd=kb)
    assert r.returncode == 2 and r.stderr.startswith("spets: fel: ") and "Traceback" not in r.stderr


def test_new_writes_template_and_refuses_to_overwrite(kb):
    r = spets("new", "case-study", "ny-fallstudie", cwd=kb)
    assert r.returncode == 0, r.stderr
    path = kb / "case_studies/ny-fallstudie.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/case_study.schema.json\n"
                           "# Ny fallstudie: ny-fallstudie")
    assert "# Lärosäten (obligatoriskt):" in text and "id: ny-fallstudie" in text
    # The empty template is valid YAML that the check walks field by field.
    r = spets("check", cwd=kb)
    assert r.returncode == 1
    assert "case_studies/ny-fallstudie.yml:" in r.stdout and "title: får inte vara tomt" in r.stdout
    assert "Traceback" not in r.stdout + r.stderr
    # A second `new` leaves the file alone.
    path.write_text(text + "# mitt arbete\n", encoding="utf-8")
    r = spets("new", "case-study", "ny-fallstudie", cwd=kb)
    assert r.returncode == 1 and "finns redan" in r.stderr
    assert path.read_text(encoding="utf-8").endswith("# mitt arbete\n")


def test_new_template_filled_in_passes(kb):
    spets("new", "method", "ny-metod", cwd=kb)
    path = kb / "methods/ny-metod.yml"
    text = path.read_text(encoding="utf-8")
    text = (text.replace('title: ""', "title: Ny metod")
                .replace('summary: ""', "summary: Kort om metoden.")
                .replace("description: |\n", "description: |\n  Vad den gör.\n")
                .replace("why: |\n", "why: |\n  Därför.\n")
                .replace('steps:\n  - ""\n  - ""\n  - ""\n', "steps:\n  - Första steget.\n  - Andra.\n  - Tredje.\n")
                .replace('  level: ""\n  time: ""', "  level: low\n  time: En timme")
                .replace("phases: []", "phases: [etablera]")
                .replace("topics: []", "topics: [avtal]")
                .replace("roles: []", "roles: [partneransvarig]")
                .replace("considerations: |\n", "considerations: |\n  Tänk på detta.\n"))
    path.write_text(text, encoding="utf-8")
    r = spets("check", cwd=kb)
    assert r.returncode == 0, r.stdout


def lint_rules(dest) -> str:
    """The project's yamllint rules without its ignore list, which leaves
    the content folders to `spets check`: a file of ours is linted anyway."""
    import yaml

    config = yaml.safe_load((REPO / ".yamllint").read_text(encoding="utf-8"))
    assert "case_studies/" in config.pop("ignore")
    path = dest / "yamllint-rules.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return str(path)


def test_new_templates_pass_the_lint_and_say_what_to_do_next(kb, tmp_path):
    """As written, before a field is filled in: yamllint --strict with the
    project's own rules, and the next steps in Swedish."""
    rules = lint_rules(tmp_path)
    for kind, folder in (("case-study", "case_studies"), ("method", "methods"), ("tool", "tools")):
        r = spets("new", kind, f"ny-{kind}", cwd=kb)
        assert r.returncode == 0, r.stderr
        assert f"Skapade {folder}/ny-{kind}.yml. Så här går du vidare:" in r.stdout
        assert "spets check" in r.stdout and "pull request" in r.stdout and "CONTRIBUTING.md" in r.stdout
        lint = run(str(BIN / "yamllint"), "--strict", "-f", "parsable", "-c", rules, f"{folder}/ny-{kind}.yml", cwd=kb)
        assert lint.returncode == 0, lint.stdout + lint.stderr
        broken = kb / folder / "trasig.yml"  # the lint does run on such a file: it finds trailing spaces
        broken.write_text("id: trasig \n", encoding="utf-8")
        lint = run(str(BIN / "yamllint"), "--strict", "-f", "parsable", "-c", rules, f"{folder}/trasig.yml", cwd=kb)
        assert lint.returncode == 1 and "trailing-spaces" in lint.stdout
        broken.unlink()
        # Every required field is pointed at until it is written.
        check = spets("check", cwd=kb)
        assert f"{folder}/ny-{kind}.yml:" in check.stdout and "får inte vara tomt" in check.stdout


def test_check_says_when_the_committed_schema_is_stale(tmp_path):
    """A new method changes the ids that schema/ lists; the pull request's tests
    would fail on it, so `spets check` says it first. A new case study does not."""
    from conftest import copy_repo

    root = copy_repo(tmp_path)
    case = (root / "case_studies" / "lnu-ikea.yml").read_text(encoding="utf-8")
    (root / "case_studies" / "en-ny-fallstudie.yml").write_text(
        case.replace("id: lnu-ikea", "id: en-ny-fallstudie"), encoding="utf-8")
    r = spets("check", cwd=root)
    assert r.returncode == 0, r.stdout
    method = (root / "methods" / "handlingsplan.yml").read_text(encoding="utf-8")
    (root / "methods" / "en-ny-metod.yml").write_text(method.replace("id: handlingsplan", "id: en-ny-metod"),
                                                     encoding="utf-8")
    r = spets("check", cwd=root)
    assert r.returncode == 1
    assert ("schema/case_study.schema.json:1:1: är inte aktuell med innehållet: kör `spets schema` och checka in "
            "filerna (redaktionen gör det annars åt dig)") in r.stdout
    assert spets("schema", cwd=root).returncode == 0
    assert spets("check", cwd=root).returncode == 0


def test_check_says_when_a_file_lacks_its_schema_line(tmp_path):
    """The pull request's tests want the schema line first in every content
    file (tests/test_schema.py), so `spets check` says so, and where."""
    from conftest import copy_repo

    root = copy_repo(tmp_path)
    case = root / "case_studies" / "lnu-ikea.yml"
    case.write_text(case.read_text(encoding="utf-8").partition("\n")[2], encoding="utf-8")
    method = root / "methods" / "handlingsplan.yml"
    method.write_bytes(b"\xef\xbb\xbf" + method.read_bytes())  # a BOM before it is not the line either
    crlf = root / "tools" / "urvalsmatris.yml"
    crlf.write_bytes(crlf.read_bytes().replace(b"\n", b"\r\n"))  # line endings of its own are fine
    r = spets("check", cwd=root)
    assert r.returncode == 1
    assert r.stdout.splitlines()[:2] == [
        f"{rel}:1:1: första raden ska vara schemaraden `# yaml-language-server: $schema=../schema/{name}"
        ".schema.json`: kör `.venv/bin/spets schema --headers`, som lägger till den"
        for rel, name in (("case_studies/lnu-ikea.yml", "case_study"), ("methods/handlingsplan.yml", "method"))]
    assert "urvalsmatris" not in r.stdout
    assert spets("schema", "--headers", cwd=root).returncode == 0
    assert spets("check", cwd=root).returncode == 0

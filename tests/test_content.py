"""The knowledge base in this repository: clean, and built into a site."""

from __future__ import annotations

import re

import pytest

from conftest import REPO, copy_repo, mkdocs_build, spets
from spets.knowledge import KnowledgeBase
from spets.check import check_root

pytestmark = pytest.mark.content


def test_repository_content_is_clean():
    r = spets("check", cwd=REPO)
    assert r.returncode == 0, r.stdout


def test_repository_site_builds_strict(tmp_path):
    root = copy_repo(tmp_path)
    r = mkdocs_build(root)
    assert r.returncode == 0, r.stdout + r.stderr
    kb = KnowledgeBase.of(check_root(REPO).entries)
    for kind in ("method", "tool", "case_study", "phase", "topic", "sector", "larosate", "role", "success_factor"):
        for entry in kb.all(kind):
            assert (root / "site" / entry.url / "index.html").is_file(), entry.url


def test_minimum_content_for_every_feature():
    kb = KnowledgeBase.of(check_root(REPO).entries)
    assert len(kb.all("method")) >= 3 and len(kb.all("tool")) >= 2 and len(kb.all("case_study")) >= 3
    assert [p.id for p in kb.all("phase")] == ["starta", "driva", "utvardera", "nystart", "avveckla"]
    assert {s.id for s in kb.all("sector")} == {"naringsliv", "offentlig-sektor", "ideburen-sektor", "forskningsinstitut"}
    assert sum(1 for lar in kb.all("larosate") if lar.spets) == 16
    for case in kb.all("case_study"):
        assert case.sources and all(s["url"] for s in case.sources), case.id


def test_every_vocabulary_item_is_in_use():
    """A property of the repository as a whole, which no valid new file can
    break. (Three steps per method, a review date on a submitted case and an
    end year on a concluded one are rules of `spets check` now.)"""
    kb = KnowledgeBase.of(check_root(REPO).entries)
    for kind in ("topic", "role", "success_factor"):
        unused = [v.id for v in kb.all(kind)
                  if not any(kb.linked(v, k) for k in ("method", "tool", "case_study"))]
        assert unused == [], f"unused {kind}: {unused}"


# ------------------------------------------------------- the content issue

# The partnerships the content issue names, and the method subjects it asks for.
ISSUE_CASES = (
    "chalmers-volvo-cars", "chalmers-volvo-group", "chalmers-ericsson", "chalmers-goteborgs-stad",
    "kth-avsiktsforklaringar", "liu-strategiska-partner", "ltu-strategiska-partner",
    "umu-strategiska-partner", "mdu-samhallskontraktet", "lnu-ikea", "lnu-sodra-ikea",
    "lnu-kalmar-vaxjo-studentkaren", "lu-tetra-pak", "lu-kommunerna", "ju-spark", "uu-strategiska-partner",
)
ISSUE_METHODS = (
    "partnerkartlaggning", "urvalskriterier", "partnerskapsavtal", "avsiktsforklaring", "gemensam-styrgrupp",
    "partneransvarig-och-koordinator", "handlingsplan", "arlig-ledningsuppfoljning", "partnerskapsdagar",
    "intern-forankring", "etisk-genomgang", "kommunikationsplan", "halsokontroll-mognadsskala",
    "studentsamverkan", "adjungerade-professorer", "industridoktorander", "gemensam-forskningsmiljo",
    "fornyelse", "gott-avslut",
)


def repo_kb():
    return KnowledgeBase.of(check_root(REPO).entries)


def test_the_cases_and_method_subjects_the_issue_asks_for_exist():
    kb = repo_kb()
    cases, methods = set(kb.by_kind["case_study"]), set(kb.by_kind["method"])
    assert [c for c in ISSUE_CASES if c not in cases] == []
    assert [m for m in ISSUE_METHODS if m not in methods] == []
    assert len(cases) >= 16 and len(methods) >= 25 and len(kb.all("tool")) >= 12


def test_every_entry_has_a_topic_and_a_phase():
    kb = repo_kb()
    for kind in ("method", "tool", "case_study"):
        for entry in kb.all(kind):
            assert kb.linked(entry, "topic") and kb.linked(entry, "phase"), f"{kind} {entry.id}"


def test_glossary_is_large_enough_and_cites_samsyn_for_its_terms():
    terms = {t.id: t for t in repo_kb().all("term")}
    assert len(terms) >= 20
    for term_id in ("strategiskt-partnerskap", "samverkan", "samproduktion", "nyttiggorande",
                    "omgivande-samhalle", "larosatesovergripande"):
        urls = [s["url"] for s in terms[term_id].sources]
        assert any("samsynwiki.se" in u for u in urls), term_id


def test_site_pages_reach_every_entry_and_explain_empty_larosate_pages(tmp_path):
    """Every entry is linked from its listing; every lärosäte page shows
    something or says why not; the hand-written pages link to real entries."""
    root = copy_repo(tmp_path)
    r = mkdocs_build(root)
    assert r.returncode == 0, r.stdout + r.stderr
    site = root / "site"
    kb = repo_kb()
    listings = {"method": "metoder", "tool": "verktyg", "case_study": "fallstudier", "topic": "amnen",
                "sector": "sektorer", "larosate": "larosaten", "role": "roller", "success_factor": "framgangsfaktorer"}
    for kind, folder in listings.items():
        listing = (site / folder / "index.html").read_text()
        unreachable = [e.id for e in kb.all(kind) if f'href="{e.id}/"' not in listing]
        assert unreachable == [], f"not linked from {folder}/: {unreachable}"
    for lar in kb.all("larosate"):
        html = (site / lar.url / "index.html").read_text()
        has_cards = any(kb.linked(lar, k) for k in ("method", "tool", "case_study"))
        assert has_cards or "Kunskapsbanken har ännu inga fallstudier från" in html, lar.id
    about = (site / "om-spets" / "index.html").read_text()
    for target in ("../metoder/handlingsplan/", "../verktyg/sjalvskattning-mognad/", "../begrepp/#k3-projekten"):
        assert f'href="{target}"' in about, target


def test_link_to_a_missing_entry_stops_the_real_build(tmp_path):
    root = copy_repo(tmp_path)
    (root / "docs" / "prov.md").write_text('---\nrender_macros: true\n---\n\n{{ link("method", "handlingsplanen") }}\n')
    r = mkdocs_build(root)
    out = r.stdout + r.stderr
    assert r.returncode != 0
    assert "link() i docs/prov.md: det finns ingen metod med id 'handlingsplanen'. Menade du 'handlingsplan'?" in out
    assert "Traceback" not in out


def test_link_in_the_partial_fixture_prints_plain_text(built_fixture):
    site = built_fixture / "site"
    home = (site / "index.html").read_text()
    # handlingsplan is not in the fixture: its text stays, without a link
    assert "en gemensam handlingsplan" in home and 'href="metoder/handlingsplan/"' not in home
    how_to = (site / "sa-anvander-du" / "index.html").read_text()
    assert 'href="../begrepp/#samverkan"' in how_to  # a term the fixture has


def test_link_with_an_unknown_kind_fails_even_in_the_fixture(kb):
    (kb / "docs" / "prov.md").write_text('---\nrender_macros: true\n---\n\n{{ link("metod", "x") }}\n')
    r = mkdocs_build(kb)
    assert r.returncode != 0
    assert "link() i docs/prov.md: okänd sort 'metod'" in r.stdout + r.stderr


def test_every_macro_mistake_is_one_swedish_line_and_nothing_is_written(kb):
    (kb / "docs" / "prov.md").write_text('---\nrender_macros: true\n---\n\n'
                                         '{{ newest("topic") }} {{ vocabulary("method") }} {{ listing("term") }}\n')
    r = mkdocs_build(kb)
    out = r.stdout + r.stderr
    assert r.returncode == 1 and "Traceback" not in out and not (kb / "site").exists()
    assert "okänd sort 'topic' i docs/prov.md; använd en av: method, tool, case_study" in out
    assert "okänd sort 'method' i docs/prov.md; använd en av: phase, topic, sector, larosate, role, success_factor" in out
    assert "okänd sort 'term' i docs/prov.md; använd en av: method, tool, case_study" in out


def test_the_order_of_the_two_plugins_does_not_matter(kb, built_fixture):
    """The spets plugin hands its macros to mkdocs-macros with register_macros(),
    which works before and after mkdocs-macros has read its config."""
    config = (kb / "mkdocs.yml").read_text(encoding="utf-8")
    spets_block = "\n  - spets:\n      partial: true\n"
    assert spets_block in config
    config = config.replace(spets_block, "\n", 1).replace("      on_undefined: strict\n",
                                                         "      on_undefined: strict" + spets_block, 1)
    (kb / "mkdocs.yml").write_text(config, encoding="utf-8")
    r = mkdocs_build(kb)
    assert r.returncode == 0, r.stdout + r.stderr
    pages = sorted(p.relative_to(kb / "site") for p in (kb / "site").rglob("*.html"))
    assert pages == sorted(p.relative_to(built_fixture / "site") for p in (built_fixture / "site").rglob("*.html"))
    for page in pages:
        assert (kb / "site" / page).read_bytes() == (built_fixture / "site" / page).read_bytes(), page


def test_a_config_without_the_macros_plugin_is_said_plainly(kb):
    config = (kb / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n  - macros:\n(      .*\n|\s*#.*\n)*", "\n", config, count=1)
    assert "macros:" not in config
    (kb / "mkdocs.yml").write_text(config, encoding="utf-8")
    r = mkdocs_build(kb)
    out = r.stdout + r.stderr
    assert r.returncode == 1 and "Traceback" not in out
    assert "mkdocs.yml: pluginen macros saknas under plugins:" in out


# ------------------------------------------------- issue 15: correct, complete and honest

TOOLBOX = {  # the SPETS guide's four tools: the knowledge base's own tool and method for each
    "Strategic Partnership Canvas": ("partnerskapscanvas", None),
    "Risk and suitability assessment": ("risk-och-lamplighetsbedomning", "bedom-risk-och-lamplighet"),
    "Round table discussions": ("underlag-rundabordssamtal", "rundabordssamtal"),
    "Self-evaluation interviews": ("intervjuguide-sjalvvardering", "sjalvvarderingsintervjuer"),
}
# People named on the pages behind the fact sheets; the knowledge base names roles.
PEOPLE = ("Karrbom", "Linngård", "Hollertz", "Skoglund", "Viberg", "Lanér", "Östling", "Klasson",
          "Hattestrand", "Hjalmar", "Rydell Blom", "Lena Persson", "Andreas Larsson")
# Sentences the audit found unsupported or contradicted.
AUDIT_PHRASES = ("på kort tid", "lättare att jämföra", "enda partnern från offentlig sektor",
                 "undertecknade 2013", "lättare för parterna att planera",
                 "en som har det övergripande ansvaret och en som leder arbetet")


def _texts(entry) -> str:
    """Every field of an entry as one line of text (Markdown's line breaks as spaces)."""
    return " ".join(" ".join(str(v) for v in entry.data.values()).split())


def test_the_targets_of_issue_15():
    kb = repo_kb()
    cases = kb.all("case_study")
    assert len(kb.all("method")) >= 28 and len(kb.all("tool")) >= 15 and len(cases) >= 24
    assert sum(1 for c in cases if c.results) >= 12
    ideburen = [p["name"] for c in cases for p in c.partners if p["sector"] == "ideburen-sektor"]
    assert len(set(ideburen)) >= 2, ideburen


def test_spets_larosaten_have_a_case_or_say_why_not():
    kb = repo_kb()
    spets_larosaten = [lar for lar in kb.all("larosate") if lar.spets]
    with_case = [lar.id for lar in spets_larosaten if kb.linked(lar, "case_study")]
    assert len(with_case) >= 14, with_case
    for lar in spets_larosaten:
        if lar.id not in with_case:
            assert lar.description and "inte hittat" in lar.description, lar.id


def test_every_ongoing_case_says_when_it_was_confirmed():
    for case in repo_kb().all("case_study"):
        if case.status == "ongoing":
            assert case.status_checked and case.status_checked.year >= case.started, case.id


def test_the_guide_toolbox_is_there_in_our_own_words():
    kb = repo_kb()
    for name, (tool, method) in TOOLBOX.items():
        for kind, id_ in (("tool", tool), ("method", method)):
            if id_ is None:
                continue
            text = _texts(kb.by_kind[kind][id_])
            assert name in text and "SPETS-vägledningen" in text, (kind, id_)
            assert any(f"kunskapsbankens {own}" in text for own in ("egen", "eget", "egna")), (kind, id_)


def test_every_success_factor_has_evidence_that_its_cases_agree_with():
    kb = repo_kb()
    for factor in kb.all("success_factor"):
        assert factor.evidence, factor.id
        for item in factor.evidence:
            case = kb.by_kind["case_study"][item["case"]]
            assert factor.id in case.success_factors, (factor.id, case.id)


def test_the_roles_follow_kths_own_page():
    kb = repo_kb()
    roles = {r.id: r for r in kb.all("role")}
    assert roles["partneransvarig"].description.startswith("Leder arbetet")
    assert "Stödjer den partneransvarige" in roles["partnerledare"].description
    terms = {t.id: t for t in kb.all("term")}
    for term in ("samverkansavtal", "avsiktsforklaring", "intentionsavtal", "memorandum-of-understanding",
                 "partnerskapsavtal", "partner-manager"):
        assert term in terms, term


def test_no_audit_finding_and_no_person_is_left():
    kb = repo_kb()
    for kind in ("method", "tool", "case_study", "role", "term", "success_factor", "larosate", "phase"):
        for entry in kb.all(kind):
            text = _texts(entry)
            for phrase in AUDIT_PHRASES + PEOPLE:
                assert phrase not in text, (kind, entry.id, phrase)
    pages = " ".join(" ".join((REPO / "docs" / p).read_text(encoding="utf-8").split())
                     for p in ("index.md", "om-spets.md", "faser/index.md", "sa-anvander-du.md"))
    assert "Här finns det som lärosätena i projektet" not in pages
    assert "inte projektets egen text" in pages
    lifecycle = " ".join((REPO / "docs" / "faser" / "index.md").read_text(encoding="utf-8").split())
    assert "följer SPETS-vägledningen" in lifecycle and "A guide to Strategic Partnerships" in lifecycle

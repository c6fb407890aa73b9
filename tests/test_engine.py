"""The engine's parts alone, without a build: the knowledge base's links both
ways, the facets, and render's stash of HTML blocks."""

from __future__ import annotations

import pytest

from conftest import FIXTURE
from spets import facets, render
from spets.check import check_root
from spets.knowledge import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    result = check_root(FIXTURE)
    assert not result.problems, result.report()
    return KnowledgeBase.of(result.entries)


def ids(entries) -> list[str]:
    return [e.id for e in entries]


def test_links_run_both_ways(kb):
    styrgrupp = kb.get("method", "styrgrupp")
    # The method names the tool, and the tool names the method: one link, seen from both ends.
    assert ids(kb.linked(styrgrupp, "tool")) == ["arsfragor"]
    assert ids(kb.linked(kb.get("tool", "arsfragor"), "method")) == ["styrgrupp"]
    # Cases name methods; the method finds the cases that name it.
    assert ids(kb.linked(styrgrupp, "case_study")) == ["chalmers-volvo-cars", "liu-partner"]
    # A reference inside an object (a partner's sector) is a link too.
    assert "naringsliv" in ids(kb.linked(kb.get("case_study", "chalmers-volvo-cars"), "sector"))
    assert kb.linked(kb.get("topic", "oanvant"), "method") == []


def test_phases_keep_the_lifecycle_order_and_the_rest_go_by_title(kb):
    assert ids(kb.all("phase")) == ["identifiera", "etablera", "genomfora", "folja-upp", "fornya-avsluta"]
    titles = [e.title.casefold() for e in kb.all("method")]
    assert titles == sorted(titles)


def test_newest_is_by_date_then_id_across_kinds(kb):
    assert ids(kb.newest(["method", "case_study"], 3)) == ["liu-partner", "chalmers-volvo-cars", "umu-partner"]
    assert ids(kb.newest("method", 1)) == ["fientlig"]


def test_the_knowledge_base_cannot_be_changed(kb):
    with pytest.raises(TypeError):
        kb.by_kind["method"]["ny"] = kb.get("method", "styrgrupp")


def test_facet_values_and_their_search_links(kb):
    values = facets.values(kb, kb.get("tool", "arsfragor"))
    assert values == {"typ": ["verktyg"], "fas": ["folja-upp"], "amne": ["forankring"]}
    assert facets.search_url("amne", "förankring") == "sok/?amne=f%C3%B6rankring"
    options = dict(facets.options(kb))
    by_key = {facet.key: items for facet, items in options.items()}
    assert [item[0] for item in by_key["fas"]][:2] == ["identifiera", "etablera"]
    assert ("metod", "Metod", "metoder/") in by_key["typ"]
    assert facets.by_vocabulary("topic").key == "amne" and facets.by_vocabulary("role") is None


def test_stash_hands_markdown_only_the_headings_and_unstash_puts_the_blocks_back():
    page = ('---\ntitle: "T"\n---\n<p>Före</p>\n# Rubrik\n\n<p>Ett *stycke*</p>\n<ul><li>a</li></ul>\n\n'
            '## Del { data-search-ignore }\n\n<pre>två\n\nrader</pre>\n')
    markdown, blocks = render.stash(page)
    assert markdown == '---\ntitle: "T"\n---\n\n# Rubrik\n\n## Del { data-search-ignore }\n'
    # Before the first heading, after each; a blank line inside a block stays.
    assert blocks == ("<p>Före</p>", "<p>Ett *stycke*</p>\n<ul><li>a</li></ul>", "<pre>två\n\nrader</pre>")
    # What Markdown makes of the headings, one per line, with the blocks put back.
    assert render.unstash("<h1>Rubrik</h1>\n<h2>Del</h2>", blocks) == (
        "<p>Före</p>\n<h1>Rubrik</h1>\n<p>Ett *stycke*</p>\n<ul><li>a</li></ul>\n<h2>Del</h2>\n<pre>två\n\nrader</pre>")
    with pytest.raises(ValueError):
        render.unstash("<h1>Rubrik</h1>", blocks)  # a heading lost is an error, never a page with a hole


def test_relative_links_work_under_any_base_path():
    assert render.relative("metoder/x/", "metoder/y/") == "../x/"
    assert render.relative("", "metoder/y/") == "../../"
    assert render.relative("sok/?amne=a", "") == "sok/?amne=a"
    assert render.relative("metoder/", "metoder/") == "./"


def test_an_entrys_search_record_is_its_prose_and_its_names_are_keywords(kb):
    page = render.Renderer(kb).search_page(kb.get("method", "styrgrupp"))
    assert (page.url, page.title, page.kind) == ("metoder/styrgrupp/", "Gemensam styrgrupp", "Metod")
    assert page.filters == facets.values(kb, kb.get("method", "styrgrupp"))
    # The excerpt's text: summary, description, why, steps … in page order, as plain text.
    assert page.text.startswith("En styrgrupp med företrädare för båda parter leder partnerskapet. "
                                "Styrgruppen träffas varje kvartal.")
    assert "Utse ledamöter från båda parter." in page.text and "**" not in page.text
    # Labels and facts are not text an excerpt could show; their names are found as keywords.
    for label in ("Faser", "Ämnen", "Insats", "Roller", "Så gör du", "Verktyg"):
        assert label not in page.text, label
    assert "Förankring" in page.keywords and "Exempelkälla" in page.keywords
    case = render.Renderer(kb).search_page(kb.get("case_study", "liu-partner"))
    assert "Saab" in case.keywords and "Linköpings universitet" in case.keywords and "Saab" not in case.text


def test_a_self_assessments_scale_and_areas_are_searchable_text():
    from conftest import REPO
    from spets.check import check_root
    from spets.knowledge import KnowledgeBase

    kb = KnowledgeBase.of(check_root(REPO).entries)
    tool = kb.get("tool", "sjalvskattning-mognad")
    page = render.Renderer(kb).search_page(tool)
    area = tool.data["assessment"]["areas"][0]
    assert area["name"] in page.text and area["levels"][-1] in page.text
    assert tool.data["assessment"]["levels"][0]["description"] in page.text


def test_the_headings_markdown_leaves_out_only_extensions_a_heading_cannot_use():
    """Every generated page of the real content, in both languages: the slim
    Markdown (macros.plugin.headings_markdown) gives the headings, their ids
    and the table of contents exactly as one with all of mkdocs.yml's extensions."""
    import markdown
    import yaml
    from conftest import REPO
    from macros.plugin import headings_markdown
    from spets import english

    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.Loader)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    configs = {next(iter(e)): next(iter(e.values())) for e in config["markdown_extensions"] if isinstance(e, dict)}
    slim = headings_markdown(names, configs)
    full = markdown.Markdown(extensions=names, extension_configs=configs)
    assert len(slim.treeprocessors) < len(full.treeprocessors) or len(slim.parser.blockprocessors) < len(
        full.parser.blockprocessors)  # something was left out
    result = check_root(REPO)
    kb = KnowledgeBase.of(result.entries)
    pages = [*render.Renderer(kb).pages(), *render.Renderer(english.view(kb), lang="en").pages()]
    assert len(pages) > 300
    for page in pages:
        slim.reset(), full.reset()
        assert slim.convert(page.markdown) == full.convert(page.markdown), page.src_uri
        assert slim.toc_tokens == full.toc_tokens, page.src_uri

"""The search index as files (spets/search.py), without a browser: what is
read from a page, how words are scored and chunked, and that the files are
the same for the same pages."""

from __future__ import annotations

import json

import pytest

from spets import search

PAGE = """<div hidden data-search-ignore><span data-search-meta="title">Gemensam styrgrupp</span>
<span data-search-meta="typ">Metod</span><span data-search-filter="typ">metod</span>
<span data-search-filter="amne">forankring</span><span data-search-filter="amne">avtal</span></div>
<h1 id="x">Gemensam styrgrupp<a class="headerlink" href="#x">¶</a></h1>
<p class="spets-kind" data-search-ignore><a href="/sok/">Metod</a></p>
<p>Styrgruppen&nbsp;möts<br>varje<em>kvartal</em>.</p>
<div data-search-ignore><p>Citera <b>inte</b> detta</p><img src="x.png"><p>eller detta</p></div>
<script>var hemligt = 1;</script><p>Efter</p>"""


def test_read_takes_the_record_the_title_and_only_the_indexed_text():
    doc = search.read_page("metoder/styrgrupp/", PAGE)
    assert doc.title == "Gemensam styrgrupp" and doc.kind == "Metod"
    assert doc.filters == {"typ": ["metod"], "amne": ["forankring", "avtal"]}
    # Block tags and <br> separate words, inline tags do not (as on screen);
    # ignored parts, the permalink sign, scripts and the h1 (kept as the
    # title) are left out.
    assert doc.text == "Styrgruppen möts varjekvartal. Efter"


def test_read_without_a_record_takes_the_first_h1():
    doc = search.read_page("om/", "<h1>Om SPETS</h1><p>Text</p><h1>Andra</h1>")
    assert (doc.title, doc.kind, doc.filters, doc.text) == ("Om SPETS", "", {}, "Text Andra")


@pytest.mark.parametrize("html, title, text", [
    # An ignored element ends at its own end tag, whatever is unclosed or stray inside it.
    ("<div data-search-ignore><p>a<p>b</div><p>synlig text</p>", "", "synlig text"),
    ("<div data-search-ignore><b>x</i></i>hemlig</div><p>ok</p>", "", "ok"),
    ("<div data-search-ignore><div>inne</div>fortfarande</div>efter", "", "efter"),
    # Soft hyphens, word joiners, <wbr> and inline tags do not split a word; <br> does.
    ("<h1>Avtal<br>mallar</h1><p>partner&shy;skaps<wbr>avtal sam<del>x</del>verkan</p>",
     "Avtal mallar", "partnerskapsavtal samxverkan"),
])
def test_read_edge_cases(html, title, text):
    doc = search.read_page("x/", html)
    assert (doc.title, doc.text) == (title, text)
    assert search.words("partner\u00adskap\u200b") == ["partnerskap"]


def test_a_previous_index_reads_back_as_the_same_pages(tmp_path):
    for path, content in search.index_files(docs()).items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(content)
    again = search.read_index(tmp_path)
    assert search.index_files(again) == search.index_files(docs())
    assert [d.url for d in again] == ["a/", "b/", "c/"] and again[0].filters == {"amne": ["avtal"], "typ": ["metod"]}
    (tmp_path / "sokindex" / "meta.json").write_text("{", encoding="utf-8")
    assert search.read_index(tmp_path) == [] and search.read_index(tmp_path / "inget") == []


def docs():
    return [
        search.SearchPage("b/", "Avtal", "Ämne", {"typ": ["sida"]}, "Om avtalen mellan parterna."),
        search.SearchPage("a/", "Styrgrupp", "Metod", {"typ": ["metod"], "amne": ["avtal"]},
                        "Styrgruppen tecknar avtal. Avtalet gäller 2019."),
        search.SearchPage("c/", "Något annat", "Metod", {"typ": ["metod"]}, "Ett avtal nämns i förbigående, "
                        + "bland många andra ord som inte handlar om saken alls. " * 5),
    ]


def postings(files) -> dict[str, dict[str, int]]:
    """word -> {page url: score}, decoded from the chunks as the browser does."""
    meta = json.loads(files["sokindex/meta.json"])
    out = {}
    for i in range(len(meta["chunks"])):
        for word, pairs in json.loads(files[f"sokindex/{meta['folder']}/o{i}.json"]):
            page, out[word] = 0, {}
            for gap, score in zip(pairs[::2], pairs[1::2]):
                page += gap
                out[word][meta["pages"][page][0]] = score
    return out


def test_words_are_stemmed_and_scored_with_title_words_first():
    files = search.index_files(docs())
    meta = json.loads(files["sokindex/meta.json"])
    assert [p[0] for p in meta["pages"]] == ["a/", "b/", "c/"]  # by URL, whatever the order given
    assert meta["values"] == ["amne:avtal", "typ:metod", "typ:sida"]
    assert meta["pages"][0][1:] == ["Styrgrupp", "Metod", [0, 1]]
    words = postings(files)
    # "avtalen", "Avtalet" and "avtal" are one stem; the pages are all there.
    assert set(words["avtal"]) == {"a/", "b/", "c/"} and "2019" in words
    # The words as written are there too, with their stem's score, for typing.
    assert words["avtalen"] == {"b/": words["avtal"]["b/"]}
    assert words["avtalet"] == {"a/": words["avtal"]["a/"]}
    # The page with "avtal" in its title outranks a long page that mentions it once.
    assert words["avtal"]["b/"] > words["avtal"]["c/"]
    assert words["styrgrupp"]["a/"] > 0
    # Each page's text is there for the excerpt, and the title is not in it.
    assert files[f"sokindex/{meta['folder']}/s1.txt"].decode() == "Om avtalen mellan parterna."


def test_chunks_are_in_javascript_order_and_small(monkeypatch):
    monkeypatch.setattr(search, "CHUNK", 40)
    many = [search.SearchPage(f"p{i}/", f"Sida {i}", "Sida", {}, f"ord{i} Ärende zzz Öl 10 9 é{i} \U0001d431 \uffda")
            for i in range(30)]
    files = search.index_files(many)
    meta = json.loads(files["sokindex/meta.json"])
    assert len(meta["chunks"]) > 5
    words = [w for i in range(len(meta["chunks"]))
             for w, _ in json.loads(files[f"sokindex/{meta['folder']}/o{i}.json"])]
    # JavaScript compares UTF-16 code units: "10" < "9" < "zzz" < "ärend" < "é0" < "öl".
    assert words == sorted(words, key=lambda w: w.encode("utf-16-be"))
    assert words.index("10") < words.index("9") < words.index("zzz") < words.index("ärend") \
        < words.index("é0") < words.index("öl")
    # …and a letter beyond U+FFFF (two code units from U+D835) before U+FFDA.
    assert words.index("\U0001d431") < words.index("\uffda")
    # Each chunk starts where meta says, so the browser can find a word's chunk.
    firsts = [json.loads(files[f"sokindex/{meta['folder']}/o{i}.json"])[0][0] for i in range(len(meta["chunks"]))]
    assert firsts == meta["chunks"]


def test_the_same_pages_give_the_same_files_and_a_change_moves_the_folder():
    first, again = search.index_files(docs()), search.index_files(list(reversed(docs())))
    assert first == again
    changed = docs()
    changed[0].text += " Nytt ord."
    other = search.index_files(changed)
    assert json.loads(other["sokindex/meta.json"])["folder"] != json.loads(first["sokindex/meta.json"])["folder"]


def test_an_empty_site_still_gives_an_index():
    files = search.index_files([])
    assert json.loads(files["sokindex/meta.json"])["pages"] == []


def test_the_last_part_of_a_compound_in_a_title_is_a_title_word():
    pages = [
        search.SearchPage("a/", "Skriv ett partnerskapsavtal", "Metod", {}, "Ett partnerskap bygger på förtroende."),
        search.SearchPage("b/", "Något annat", "Metod", {}, "Avtal, avtal och avtal: ett avtal nämns ofta här. Rätta det."),
        search.SearchPage("c/", "Inrätta en styrgrupp", "Metod", {}, "Det som blev fel."),
    ]
    words = postings(search.index_files(pages))
    # "avtal" is a word of the site, and so is "partnerskap", with its joining s:
    # the title's compound gives the page the word, above the page that says it four times.
    assert words["avtal"]["a/"] > words["avtal"]["b/"]
    # A first part shorter than a word (search.PART letters) is no compound: "in" + "rätta".
    assert "b/" in words["rätt"] and "c/" not in words["rätt"]
    assert search._compound_parts(["partnerskapsavtal"], {"partnerskap", "avtal"}, search.stemmer("sv")) == {"avtal"}
    assert search._compound_parts(["partnerskapsavtal"], {"avtal"}, search.stemmer("sv")) == set()  # the first part is no word
    assert search._compound_parts(["avtal", "xyzwavtal"], {"avtal"}, search.stemmer("sv")) == set()


def test_a_word_in_a_short_title_weighs_more_and_a_title_word_always_more_than_the_text():
    long = "Avtal " + " ".join(f"ord{i}" for i in range(40))
    pages = [
        search.SearchPage("a/", "Avtal", "Sida", {}, "Text."),
        search.SearchPage("b/", long, "Sida", {}, "Text."),
        search.SearchPage("c/", "Annat", "Sida", {}, "avtal " * 30),
        search.SearchPage("d/", "Mer", "Sida", {}, "Text om annat."),
    ]
    words = postings(search.index_files(pages))
    assert words["avtal"]["a/"] > words["avtal"]["b/"] > words["avtal"]["c/"]

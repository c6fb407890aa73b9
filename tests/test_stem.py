"""docs/assets/snowball/stem.js (Snowball's generated JavaScript) in a real
browser gives exactly the stems that Python's snowballstemmer gives: the
search index is stemmed in Python at build time and queries in the browser,
so the two must agree word for word."""

from __future__ import annotations

import hashlib
import random
import re
from importlib.metadata import version

import pytest
import snowballstemmer
from snowballstemmer import swedish_stemmer
from snowballstemmer.swedish_stemmer import SwedishStemmer

from conftest import REPO, need_chromium, serve

need_chromium()
pytestmark = pytest.mark.browser

WORD = re.compile(r"[^\W_]+")

STEMS = [
    "partnerskap", "styrgrupp", "avtal", "förankring", "samverkan", "lärosäte", "kommun",
    "student", "forskare", "företag", "mål", "plan", "möte", "roll", "ansvar", "uppföljning",
    "utvärdering", "kontakt", "dialog", "nätverk", "projekt", "finansiering", "kunskap",
    "resultat", "aktivitet", "universitet", "region", "strategi", "process", "metod",
    "verktyg", "fallstudie", "samarbet", "utveckl", "arbet", "led", "stöd", "ny", "stor",
    "viktig", "gemensam", "lång", "hög", "tydlig", "möjlig", "fab", "pak", "kom", "kvit",
    "bank", "mark", "tröst", "kost", "frost", "hel",
]
COMMON = ["en", "et", "ens", "ets", "ar", "arna", "arnas", "er", "erna", "or", "orna", "na",
          "nas", "s", "t", "de", "te", "ade", "ande", "ende", "het", "heten", "lig", "ligt",
          "els", "löst", "fullt", "dd", "gd", "nn", "dt", "gt", "kt", "tt"]
# The stemmer's own suffix lists, read from the Python implementation.
OWN = [a.s for table in (SwedishStemmer.a_0, SwedishStemmer.a_1, SwedishStemmer.a_2,
                         SwedishStemmer.a_3) for a in table]
S_ENDING = "bcdfghjklmnoprtvy"
SNOWBALL = REPO / "docs/assets/snowball"
GENERATED = re.compile(r"Generated from swedish\.sbl by Snowball (\S+) ")


def corpus_words() -> set[str]:
    """Every distinct word in the knowledge base's YAML and the site's Markdown."""
    files = [p for d in ("methods", "tools", "case_studies", "taxonomy")
             for p in (REPO / d).rglob("*") if p.suffix in (".yml", ".yaml")]
    files += list((REPO / "docs").rglob("*.md"))
    assert files
    return {w for p in files for w in WORD.findall(p.read_text(encoding="utf-8").lower())}


def inflections() -> set[str]:
    endings = set(OWN) | set(COMMON)
    words = {stem + e for stem in STEMS for e in endings | {""}}
    # -et/-ets after each of the endings that keep -et, and after ones that do not
    words |= {stem + keep + e for stem in ("", "a", "bo", "kon") for keep in OWN
              for e in ("et", "ets", "s", "")}
    return words


def edge_cases() -> set[str]:
    words = {"", "å", "ö", "a", "s", "t", "öst", "löst", "fullt", "ös", "et", "ets", "het",
             "ab", "st", "es", "aa", "ei", "aeiouyäåö", "äåö", "ööö", "iiiiis", "2024", "a1",
             "1a", "x2et", "covid19", "ett", "sett", "sätt", "hets", "kritiskt", "skräpost",
             "bröst", "tröst", "kvist", "rost", "gröst", "böst", "kustlöst", "hjälpfullt",
             "fullts", "läst", "ark", "brr", "strumpa", "strö", "ɑbcet",
             "a\U0001d431en", "\U0001d431aret", "a\U0001f600en"}  # beyond UTF-16's BMP
    for c in S_ENDING + "aeisxzåäöq":
        words |= {c + "s", "a" + c + "s", "ba" + c + "s", "bara" + c + "s", "banan" + c + "s"}
    return words


def fuzz(n: int = 20000) -> set[str]:
    """Random strings over letters and fragments that matter to the rules."""
    rng = random.Random(1)
    parts = list("aeiouyäåöbcdfghjklmnprstvx") + ["et", "öst", "full", "lig", "het", "ar",
                                                    "er", "en", "ts", "nn", "dd", "kt", "2"]
    return {"".join(rng.choices(parts, k=rng.randint(0, 8))) for _ in range(n)}


@pytest.fixture(scope="module")
def docs_url():
    """docs/ as it is, served: stem.js loads its files by URL."""
    url, server = serve(REPO / "docs")
    yield url
    server.shutdown()


def test_js_and_python_are_one_snowball_release():
    """Algorithms change between releases (English did in 3.1.0)."""
    js = GENERATED.search((SNOWBALL / "swedish-stemmer.js").read_text(encoding="utf-8"))[1]
    py = GENERATED.search(open(swedish_stemmer.__file__, encoding="utf-8").read())[1]
    assert js == py == version("snowballstemmer"), (js, py)


def test_vendored_files_are_upstream_bytes():
    """The SHA-256 sums that snowball/README.md lists (upstream's) still hold."""
    sums = re.findall(r"^ +([0-9a-f]{64})  (\S+)$", (SNOWBALL / "README.md").read_text(encoding="utf-8"), re.M)
    assert len(sums) == 3, sums
    for digest, name in sums:
        assert hashlib.sha256((SNOWBALL / name).read_bytes()).hexdigest() == digest, name


def test_js_stems_equal_python_stems(browser, docs_url):
    corpus = corpus_words()
    words = sorted(corpus | inflections() | edge_cases() | fuzz())
    assert len(corpus) > 2000, len(corpus)  # real Swedish words, not an empty list
    assert len(words) > 20000, len(words)

    stemmer = snowballstemmer.stemmer("swedish")
    expected = [stemmer.stemWord(w) for w in words]

    page = browser.new_page()
    try:
        page.goto(docs_url)
        before = set(page.evaluate("Object.keys(globalThis)"))
        got = page.evaluate("""async (words) => {
            const { stem } = await import("./assets/snowball/stem.js");
            return words.map(stem);
        }""", words)
        globals_added = sorted(set(page.evaluate("Object.keys(globalThis)")) - before)
    finally:
        page.close()

    assert globals_added == ["BaseStemmer", "SwedishStemmer"]  # the generated files' own
    assert len(got) == len(words)
    wrong = [f"{w!r}: {p!r} vs {j!r}" for w, p, j in zip(words, expected, got) if p != j]
    assert not wrong, f"{len(wrong)} of {len(words)} differ (python vs js):\n" + "\n".join(wrong[:20])

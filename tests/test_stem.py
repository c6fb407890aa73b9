"""docs/assets/spets-stem.js in a real browser gives exactly the stems that
Python's snowballstemmer gives: the search index is stemmed in Python at
build time and queries in the browser, so the two must agree word for word."""

from __future__ import annotations

import pytest

import random
import re

import snowballstemmer
from snowballstemmer.swedish_stemmer import SwedishStemmer

from conftest import REPO, need_chromium

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


def test_js_stems_equal_python_stems(browser):
    corpus = corpus_words()
    words = sorted(corpus | inflections() | edge_cases() | fuzz())
    assert len(corpus) > 2000, len(corpus)  # real Swedish words, not an empty list
    assert len(words) > 20000, len(words)

    stemmer = snowballstemmer.stemmer("swedish")
    expected = [stemmer.stemWord(w) for w in words]

    page = browser.new_page()
    try:
        before = set(page.evaluate("Object.keys(globalThis)"))
        page.add_script_tag(content=(REPO / "docs/assets/spets-stem.js").read_text(encoding="utf-8"))
        globals_added = sorted(set(page.evaluate("Object.keys(globalThis)")) - before)
        got = page.evaluate("words => words.map(w => globalThis.spetsStem(w))", words)
    finally:
        page.close()

    assert globals_added == ["spetsStem"]
    assert len(got) == len(words)
    wrong = [f"{w!r}: {p!r} vs {j!r}" for w, p, j in zip(words, expected, got) if p != j]
    assert not wrong, f"{len(wrong)} of {len(words)} differ (python vs js):\n" + "\n".join(wrong[:20])


def test_works_in_a_web_worker(browser):
    page = browser.new_page()
    try:
        got = page.evaluate("""src => new Promise((resolve, reject) => {
            const code = src + "\\nonmessage = e => postMessage(e.data.map(spetsStem));";
            const worker = new Worker(URL.createObjectURL(new Blob([code])));
            worker.onmessage = e => resolve(e.data);
            worker.onerror = e => reject(new Error(e.message));
            worker.postMessage(["partnerskapen", "förankringen", "hjälpfullt"]);
        })""", (REPO / "docs/assets/spets-stem.js").read_text(encoding="utf-8"))
    finally:
        page.close()
    assert got == ["partnerskap", "förankring", "hjälpfull"]

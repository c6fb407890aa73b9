// Snowball Swedish stemmer (https://snowballstem.org/algorithms/swedish/stemmer.html),
// ported step by step from snowballstemmer 3.1.1 (swedish_stemmer.py).
//
// Why: the search index is stemmed in Python with snowballstemmer at build
// time, and queries are stemmed in the browser with this function. The two
// must agree exactly; tests/test_stem.py checks that they do.
//
// Defines one global, spetsStem(word): word is already lower-cased; returns
// its stem. Plain script, no dependencies; works in a page or a Web Worker.
(function () {
  "use strict";

  const VOWELS = new Set("aeiouyäåö");
  const S_ENDING = new Set("bcdfghjklmnoprtvy"); // may precede a removed -s
  const OST_ENDING = new Set("iklnprtuv"); // may precede -öst -> -ös

  // Suffix lists. Like Snowball's `among`, the longest one that fits wins.
  const MAIN = [
    "a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne",
    "are", "aste", "en", "anden", "aren", "heten", "ern", "ar", "er", "heter",
    "or", "s", "as", "arnas", "ernas", "ornas", "es", "ades", "andes", "ens",
    "arens", "hetens", "erns", "at", "et", "andet", "het", "ast",
  ];
  // Before -et (or -ets) these endings keep the -et: "fab", "pak", "kom", ...
  const ET_KEEP = [
    "fab", "h", "pak", "rak", "stak", "kom", "iet", "cit", "dit", "alit", "ilit",
    "mit", "nit", "pit", "rit", "sit", "tit", "uit", "ivit", "kvit", "xit",
  ];
  const PAIRS = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"];
  const OTHER = ["ig", "lig", "els", "fullt", "öst"];

  // Does w[from..to) end with s? (w is an array of code points, as Python
  // indexes strings; the suffixes are all single UTF-16 units.)
  function endsWith(w, from, to, s) {
    return to - s.length >= from && w.slice(to - s.length, to).join("") === s;
  }

  // The longest suffix in list that ends w[from..to), or "" if none.
  function longest(w, from, to, list) {
    let best = "";
    for (const s of list) {
      if (s.length > best.length && endsWith(w, from, to, s)) best = s;
    }
    return best;
  }

  // R1 starts after the first non-vowel that follows a vowel, but leaves at
  // least 3 letters before it. p1 === w.length means R1 is empty.
  function markRegions(w) {
    const n = w.length;
    if (n < 3) return n;
    let i = 0;
    while (i < n && !VOWELS.has(w[i])) i++;
    if (i === n) return n;
    i++;
    while (i < n && VOWELS.has(w[i])) i++;
    if (i === n) return n;
    return Math.max(i + 1, 3);
  }

  // -et before position c may go if a consonant follows a vowel there, with
  // a letter before those two, and the text before -et ends in none of ET_KEEP.
  function etCondition(w, c) {
    return c >= 3 && !VOWELS.has(w[c - 1]) && VOWELS.has(w[c - 2]) &&
      !ET_KEEP.some((s) => endsWith(w, 0, c, s));
  }

  function mainSuffix(w, p1) {
    const n = w.length;
    const suffix = longest(w, p1, n, MAIN);
    if (!suffix) return;
    let start = n - suffix.length;
    if (suffix === "s") {
      // -ets goes as a whole if -et may go; otherwise -s needs an s-ending.
      if (endsWith(w, 0, start, "et") && etCondition(w, start - 2)) start -= 2;
      else if (!(start > 0 && S_ENDING.has(w[start - 1]))) return;
    } else if (suffix === "et" && !etCondition(w, start)) {
      return;
    }
    w.length = start;
  }

  function consonantPair(w, p1) {
    const n = w.length;
    if (n < p1) return;
    if (PAIRS.some((s) => endsWith(w, p1, n, s))) w.length = n - 1;
  }

  function otherSuffix(w, p1) {
    const n = w.length;
    if (n < p1) return;
    const suffix = longest(w, p1, n, OTHER);
    const start = n - suffix.length;
    if (suffix === "ig" || suffix === "lig" || suffix === "els") {
      w.length = start;
    } else if (suffix === "öst") {
      if (start > 0 && OST_ENDING.has(w[start - 1])) w.splice(start, 3, "ö", "s");
    } else if (suffix === "fullt") {
      w.splice(start, 5, "f", "u", "l", "l");
    }
  }

  globalThis.spetsStem = function (word) {
    const w = Array.from(String(word));
    const p1 = markRegions(w);
    mainSuffix(w, p1);
    consonantPair(w, p1);
    otherSuffix(w, p1);
    return w.join("");
  };
})();

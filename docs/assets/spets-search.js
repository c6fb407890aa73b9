// The search engine of the search page: reads the index spets/search.py
// writes (see its docstring for the files) and answers queries.
//
//   const index = await open(siteRoot);
//   const { pages, counts, matched, words, left } = await index.search("avtalen", { amne: ["avtal"] });
//   index.page(pages[0])          -> { url, title, kind }
//   await index.excerpt(pages[0], "avtalen") -> [[text, isHit], …] around the hits
//
// Each word of the query is stemmed as the index was (snowball/stem.js), so
// "avtalen" finds "avtal". A word also finds longer words it begins, at half
// score: the reader may still be typing it, and Swedish joins words
// ("partnerskap" finds "partnerskapsavtal", "förankrar" finds "förankring").
// The index holds the words as written too, so "hållbarh" finds
// "hållbarhet" although its stem is "hållbar".
// Small words ("hur", "man", "och") are left out of a query that has other
// words, so a question finds what it is about; alone they are searched for.
// A page must have every word of a query of one or two words, and all but
// one of a longer query (`matched` of `words`; fewer if no page has that
// many). A page's score is the sum of its words' scores (BM25, computed at build
// time), so pages with more of the words, or with them in the title, rank
// first. A word of the title is also the last part of a compound in it
// (spets/search.py): "avtal" finds "Skriv ett partnerskapsavtal" first.
// The English edition's index (en/sokindex/, meta.lang "en") is stemmed and
// searched the same way with Snowball's English stemmer, its own small words,
// and no respelling of å, ä and ö.
import { stemmer } from "./snowball/stem.js";

const WORD = /[\p{L}\p{N}]+/gu; // spets/search.py: [^\W_]+
const INVISIBLE = /[\u00ad\u200b\u2060]/g; // soft hyphen and word joiners: not word breaks
const EXCERPT_WORDS = 24;
const MAX_WORDS = 12; // a pasted paragraph must not fetch the whole index
const MAX_RESPELLINGS = 64; // 6 letters a or o: more would fetch too much of the index
// Swedish function and question words (most of Snowball's Swedish stop list).
const SMALL_SV = new Set(("alla allt att av blev bli blir de dem den denna deras dess dessa det detta dig din " +
  "ditt du där då efter ej eller en er era ert ett från för ha hade han hans har henne hennes hon honom hur " +
  "här i icke ingen inom inte jag ju kan kunde man med mellan men mig min mina mitt mot mycket ni nu när " +
  "någon något några och om oss på samma sedan sig sin sina sitta själv skulle som så sådan till under upp " +
  "ut utan vad var vara varför varit varje vars vart vem vi vid vilka vilken vilket vill är åt än ännu över").split(" "));
// The same for English (from Snowball's English stop list).
const SMALL_EN = new Set(("a about all an and any are as at be been but by can could did do does for from had " +
  "has have he her his how i if in into is it its me my no not of on or our she so that the their them " +
  "there they this to was we were what when where which who why will with would you your").split(" "));
const SMALL = { sv: SMALL_SV, en: SMALL_EN };

export function words(text) {
  return text.replace(INVISIBLE, "").normalize("NFC").toLowerCase().match(WORD) || [];
}

// The words a query searches for (each once), and the small words it leaves out.
export function queryWords(text, lang = "sv") {
  const small = SMALL[lang] || SMALL_SV;
  const all = [...new Set(words(text))].slice(0, MAX_WORDS);
  const big = all.filter((w) => !small.has(w));
  return big.length ? [big, all.filter((w) => small.has(w))] : [all, []];
}

async function fetchJson(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

// `index`: where the index lies under the site's root (the form's data-index).
export async function open(root, index = "sokindex/") {
  const base = new URL(index, root);
  // Asked anew each time: after a new publish it names a new folder.
  const meta = await fetchJson(new URL("meta.json", base), { cache: "no-cache" });
  const lang = meta.lang || "sv";
  return new Index(meta, new URL(meta.folder + "/", base), lang, await stemmer(lang));
}

class Index {
  constructor(meta, folder, lang, snowball) {
    this.folder = folder;
    this.lang = lang;
    this.snowball = snowball;
    this.stems = new Map(); // an excerpt stems every word of ten pages per key
    this.pages = meta.pages; // [url, title, kind, [value numbers]]
    this.firsts = meta.chunks; // the first word of each chunk, in order
    this.values = meta.values.map((v) => v.split(/:(.*)/s).slice(0, 2)); // number -> [facet, value]
    this.number = new Map(meta.values.map((v, i) => [v, i]));
    this.chunks = new Map(); // chunk number -> Promise of {words, lists}
    this.texts = new Map(); // page number -> Promise of its text
  }

  stem(word) {
    let s = this.stems.get(word);
    if (s === undefined) this.stems.set(word, (s = this.snowball(word)));
    return s;
  }

  page(n) {
    const [url, title, kind] = this.pages[n];
    return { url, title, kind };
  }

  chunk(i) {
    if (!this.chunks.has(i)) {
      this.chunks.set(i, fetchJson(new URL(`o${i}.json`, this.folder)).then((pairs) => ({
        words: pairs.map((p) => p[0]),
        lists: pairs.map((p) => p[1]),
      }), (error) => {
        this.chunks.delete(i); // the next search tries again
        throw error;
      }));
    }
    return this.chunks.get(i);
  }

  // The chunks that may hold words from `from` to `to` (JavaScript order).
  chunksFor(from, to) {
    const out = [];
    for (let i = 0; i < this.firsts.length; i++) {
      const next = this.firsts[i + 1];
      if (this.firsts[i] <= to && (next === undefined || next > from)) out.push(i);
    }
    return out;
  }

  // A word that finds nothing, written without å, ä or ö ("forankra" on a
  // keyboard without them), is tried with them put back: the spelling that
  // finds the most pages, and its scores; null when none finds any.
  async respelled(word) {
    if (this.lang !== "sv" || /[åäö]/.test(word) || !/[ao]/.test(word)) return null;
    let spellings = [""];
    for (const c of word) {
      const options = c === "a" ? ["a", "å", "ä"] : c === "o" ? ["o", "ö"] : [c];
      spellings = spellings.flatMap((s) => options.map((o) => s + o));
      if (spellings.length > MAX_RESPELLINGS) return null;
    }
    let best = null;
    for (const spelling of spellings.slice(1)) {
      const scores = await this.scoresOf(spelling);
      const hits = scores.reduce((n, s) => n + (s > 0), 0);
      if (hits && (!best || hits > best.hits)) best = { word: spelling, scores, hits };
    }
    return best;
  }

  // page -> best score of the index words that one query word finds.
  async scoresOf(word) {
    const s = this.stem(word);
    const end = s + "\uffff";
    const scores = new Float64Array(this.pages.length);
    for (const chunk of await Promise.all(this.chunksFor(s, end).map((i) => this.chunk(i)))) {
      let i = lowerBound(chunk.words, s);
      for (; i < chunk.words.length && chunk.words[i] <= end; i++) {
        const w = chunk.words[i];
        if (!w.startsWith(s)) continue;
        const weight = w === s ? 1 : 0.5;
        const list = chunk.lists[i];
        for (let j = 0, page = 0; j < list.length; j += 2) {
          page += list[j];
          scores[page] = Math.max(scores[page], list[j + 1] * weight);
        }
      }
    }
    return scores;
  }

  // Pages matching the text and the filters, best first (alphabetical
  // without text), and for each facet the count of each value among them.
  // The counts of `relax` (the kind, a single choice) ignore its own filter,
  // so that the other kinds show what choosing them would give.
  async search(q, filters = {}, relax = "typ") {
    const [query, left] = queryWords(q, this.lang);
    let total = null; // page -> score, without text: every page counts
    let found = null; // page -> how many of the words it has
    let matched = 0;
    const respelled = {}; // query word -> the spelling with å, ä or ö that was searched for
    if (query.length) {
      total = new Float64Array(this.pages.length);
      found = new Uint8Array(this.pages.length);
      for (const word of query) {
        let scores = await this.scoresOf(word);
        if (!scores.some((s) => s > 0)) {
          const other = await this.respelled(word);
          if (other) {
            scores = other.scores;
            respelled[word] = other.word;
          }
        }
        for (let p = 0; p < total.length; p++) {
          if (!scores[p]) continue;
          total[p] += scores[p];
          found[p] += 1;
        }
      }
      const most = found.reduce((a, b) => Math.max(a, b), 0);
      matched = Math.min(most, query.length <= 2 ? query.length : query.length - 1);
    }
    const need = Object.entries(filters).map(([facet, values]) =>
      [facet, values.map((v) => this.number.get(facet + ":" + v) ?? -1)]);
    const counts = {};
    const pages = [];
    for (let p = 0; p < this.pages.length; p++) {
      if (found && (!matched || found[p] < matched)) continue;
      const has = this.pages[p][3];
      const misses = need.filter(([, numbers]) => !numbers.every((n) => has.includes(n)));
      if (misses.length > 1 || (misses.length === 1 && misses[0][0] !== relax)) continue;
      for (const n of has) {
        const [facet, value] = this.values[n];
        if (misses.length && facet !== relax) continue; // counts only toward the relaxed facet
        (counts[facet] = counts[facet] || {})[value] = (counts[facet][value] || 0) + 1;
      }
      if (!misses.length) pages.push(p);
    }
    if (total) pages.sort((a, b) => total[b] - total[a] || a - b);
    else {
      const collator = new Intl.Collator(this.lang);
      pages.sort((a, b) => collator.compare(this.pages[a][1], this.pages[b][1]));
    }
    return { pages, counts, matched, words: query.length, left, respelled };
  }

  text(n) {
    if (!this.texts.has(n)) {
      // Without its text a result still shows, only without an excerpt.
      this.texts.set(n, fetch(new URL(`s${n}.txt`, this.folder)).then((r) => (r.ok ? r.text() : "")).catch(() => ""));
    }
    return this.texts.get(n);
  }

  // About EXCERPT_WORDS words of page n's text, where the words of q are
  // densest: [[text, isHit], …].
  async excerpt(n, q) {
    const typed = queryWords(q, this.lang)[0];
    const wanted = typed.map((w) => this.stem(w));
    // After a form feed come words the page is found by but does not show.
    const text = (await this.text(n)).split("\f")[0];
    const found = Array.from(text.matchAll(WORD));
    if (!found.length) return [];
    const hit = found.map((m) => {
      const word = m[0].toLowerCase();
      const s = this.stem(word);
      return wanted.some((w, k) => s.startsWith(w) || word.startsWith(typed[k]));
    });
    // The window with the most hits, from a few words before one of them,
    // but never so late that it holds fewer words than it could.
    const latest = Math.max(0, found.length - EXCERPT_WORDS);
    let start = 0;
    let best = 0;
    hit.forEach((isHit, i) => {
      if (!isHit) return;
      const from = Math.min(Math.max(0, i - 3), latest);
      const count = hit.slice(from, from + EXCERPT_WORDS).filter(Boolean).length;
      if (count > best) [best, start] = [count, from];
    });
    const end = Math.min(found.length, start + EXCERPT_WORDS);
    const out = [];
    if (start > 0) out.push(["… ", false]);
    let at = found[start].index;
    for (let i = start; i < end; i++) {
      if (!hit[i]) continue;
      const m = found[i];
      out.push([text.slice(at, m.index), false], [m[0], true]);
      at = m.index + m[0].length;
    }
    // To the end of the last word, and the punctuation right after it.
    const last = found[end - 1];
    const stop = last.index + last[0].length;
    out.push([text.slice(at, stop) + /^[^\s\p{L}\p{N}]{0,3}/u.exec(text.slice(stop))[0], false]);
    if (end < found.length) out.push([" …", false]);
    return out.filter(([t]) => t);
  }
}

function lowerBound(sorted, value) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

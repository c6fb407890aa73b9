// The search engine of the search page: reads the index spets/search.py
// writes (see its docstring for the files) and answers queries.
//
//   const index = await open(siteRoot);
//   const { pages, counts } = await index.search("avtalen", { amne: ["avtal"] });
//   index.page(pages[0])          -> { url, title, kind }
//   await index.excerpt(pages[0], "avtalen") -> [[text, isHit], …] around the hits
//
// Each word of the query is stemmed as the index was (spets-stem.js), so
// "avtalen" finds "avtal"; the last word is also taken as the beginning of a
// longer word, since the reader may still be typing it. A page must match
// every word; its score is the sum of the words' scores (BM25, computed at
// build time), a word that only begins a page's word counting half.
import "./spets-stem.js";

const WORD = /[\p{L}\p{N}]+/gu; // spets/search.py: [^\W_]+
const EXCERPT_WORDS = 24;
const MAX_WORDS = 12; // a pasted paragraph must not fetch the whole index
const stem = globalThis.spetsStem;

export function words(text) {
  return (text.normalize("NFC").toLowerCase().match(WORD) || []).slice(0, MAX_WORDS);
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

export async function open(root) {
  const base = new URL("sokindex/", root);
  const meta = await fetchJson(new URL("meta.json", base));
  return new Index(meta, new URL(meta.folder + "/", base));
}

class Index {
  constructor(meta, folder) {
    this.folder = folder;
    this.pages = meta.pages; // [url, title, kind, [value numbers]]
    this.firsts = meta.chunks; // the first word of each chunk, in order
    this.values = meta.values.map((v) => v.split(/:(.*)/s).slice(0, 2)); // number -> [facet, value]
    this.number = new Map(meta.values.map((v, i) => [v, i]));
    this.chunks = new Map(); // chunk number -> Promise of {words, lists}
    this.texts = new Map(); // page number -> Promise of its text
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
      })));
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

  // page -> best score of the index words that match one query word.
  async scoresOf(word, prefix) {
    const s = stem(word);
    const end = prefix ? s + "\uffff" : s;
    const scores = new Float64Array(this.pages.length);
    for (const chunk of await Promise.all(this.chunksFor(s, end).map((i) => this.chunk(i)))) {
      let i = lowerBound(chunk.words, s);
      for (; i < chunk.words.length && chunk.words[i] <= end; i++) {
        const w = chunk.words[i];
        if (w !== s && !(prefix && w.startsWith(s))) continue;
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
    const query = words(q);
    if (q.trim() && !query.length) return { pages: [], counts: {} }; // only punctuation
    let total = null;
    for (const [k, word] of query.entries()) {
      const scores = await this.scoresOf(word, k === query.length - 1);
      if (!total) total = scores;
      else for (let p = 0; p < total.length; p++) total[p] = total[p] && scores[p] ? total[p] + scores[p] : 0;
    }
    const need = Object.entries(filters).map(([facet, values]) =>
      [facet, values.map((v) => this.number.get(facet + ":" + v) ?? -1)]);
    const counts = {};
    const pages = [];
    for (let p = 0; p < this.pages.length; p++) {
      if (total && !total[p]) continue;
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
      const collator = new Intl.Collator("sv");
      pages.sort((a, b) => collator.compare(this.pages[a][1], this.pages[b][1]));
    }
    return { pages, counts };
  }

  text(n) {
    if (!this.texts.has(n)) {
      this.texts.set(n, fetch(new URL(`s${n}.txt`, this.folder)).then((r) => (r.ok ? r.text() : "")));
    }
    return this.texts.get(n);
  }

  // About EXCERPT_WORDS words of page n's text, where the words of q are
  // densest: [[text, isHit], …].
  async excerpt(n, q) {
    const query = words(q).map((w, k, all) => [stem(w), k === all.length - 1]);
    const text = await this.text(n);
    const found = Array.from(text.matchAll(WORD));
    const hit = found.map((m) => {
      const s = stem(m[0].toLowerCase());
      return query.some(([q, prefix]) => s === q || (prefix && s.startsWith(q)));
    });
    let start = 0;
    let best = 0;
    hit.forEach((isHit, i) => {
      if (!isHit) return;
      const from = Math.max(0, i - 3);
      const n = hit.slice(from, from + EXCERPT_WORDS).filter(Boolean).length;
      if (n > best) [best, start] = [n, from];
    });
    const end = Math.min(found.length, start + EXCERPT_WORDS);
    if (!found.length) return [];
    const out = [];
    let at = found[start].index;
    if (start > 0) out.push(["… ", false]);
    for (let i = start; i < end; i++) {
      const m = found[i];
      if (!hit[i]) continue;
      out.push([text.slice(at, m.index), false], [m[0], true]);
      at = m.index + m[0].length;
    }
    const last = found[end - 1];
    out.push([text.slice(at, last.index + last[0].length), false]);
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

// Our adapter (not upstream): exports stem(word), Snowball's Swedish stemmer,
// and stemmer(lang), the stem function of "sv" or "en", as the generated
// files beside it define them. Those files are classic scripts that set
// globals (BaseStemmer, SwedishStemmer, EnglishStemmer) and fail as ES
// modules (strict mode), so they are added to the page unchanged as
// <script>s; the English one only when the English search asks for it.
function load(name) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL(name, import.meta.url).href;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${script.src} could not be loaded`));
    document.head.append(script);
  });
}

await load("base-stemmer.js");
await load("swedish-stemmer.js");

// Snowball's JavaScript counts UTF-16 units and its Python (the index) code
// points, so a letter beyond U+FFFF ("𝐱") stands in as one lone surrogate
// (a non-vowel to both) and is put back after. Words never hold lone ones.
const ASTRAL = /[\u{10000}-\u{10ffff}]/gu;

function wrap(snowball) {
  // word is already lower-cased, as spets/search.py stems it.
  return (word) => {
    const astral = [];
    const s = snowball.stemWord(word.replace(ASTRAL, (c) => (astral.push(c), "\ud800")));
    return astral.length ? s.replace(/\ud800/g, () => astral.shift()) : s;
  };
}

export const stem = wrap(new globalThis.SwedishStemmer());

let english = null;
export async function stemmer(lang) {
  if (lang !== "en") return stem;
  if (!english) english = load("english-stemmer.js").then(() => wrap(new globalThis.EnglishStemmer()));
  return english;
}

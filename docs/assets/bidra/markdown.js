// Reads a text field's Markdown into a tree of blocks, as Python-Markdown would show it on the page (the part contributors use). No DOM.
//
// blocks(text) -> [{ t: "p" | "h", c: inlines } | { t: "pre", v } | { t: "hr" } | { t: "quote", c: [block…] } |
//                  { t: "ul" | "ol", start, items: [{ p: in paragraphs (a loose item), c: [block…] }] }]
// inline(text) -> [{ t: "text" | "code", v } | { t: "strong" | "em" | "a", c: inlines }]
// Paragraphs are split by blank lines; line breaks inside one are spaces.

const UL = /^ {0,3}[*+-] +(.*)$/;
const OL = /^ {0,3}(\d+)\. +(.*)$/;
const HASH = /^(#{1,6})(.*?)#*$/;
const RULE = /^ {0,3}(?:(?:- *){3,}|(?:_ *){3,}|(?:\* *){3,})$/;
const SETEXT = /^[=-]+ *$/;
const QUOTE = /^ {0,3}> ?/;

export function blocks(text) {
  const out = [];
  const chunks = [[]];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.trim()) chunks[chunks.length - 1].push(line);
    else if (chunks[chunks.length - 1].length) chunks.push([]);
  }
  for (const lines of chunks) block(lines, out);
  return out;
}

// One chunk between blank lines, in Python-Markdown's order: indented code
// (or more of a list item), headings, rules, lists, quotes, else a paragraph.
function block(lines, out) {
  if (!lines.length || !lines.join("").trim()) return;
  const last = out[out.length - 1];
  if (/^ {4}/.test(lines[0])) {
    const body = lines.map((l) => l.replace(/^ {4}/, ""));
    if (last && (last.t === "ul" || last.t === "ol")) {
      const item = last.items[last.items.length - 1];
      item.p = true;
      block(body, item.c);
    } else out.push({ t: "pre", v: body.join("\n") });
    return;
  }
  const split = lines.findIndex((l) => HASH.test(l) || RULE.test(l));
  if (split > 0 && !(lines.length > 1 && SETEXT.test(lines[1]) && split === 1)) {
    block(lines.slice(0, split), out);
    block(lines.slice(split), out);
    return;
  }
  if (lines.length > 1 && SETEXT.test(lines[1])) {
    out.push({ t: "h", c: inline(lines[0].trim()) });
    block(lines.slice(2), out);
    return;
  }
  const hash = HASH.exec(lines[0]);
  if (hash || RULE.test(lines[0])) {
    out.push(hash ? { t: "h", c: inline(hash[2].trim()) } : { t: "hr" });
    block(lines.slice(1), out);
    return;
  }
  const type = OL.test(lines[0]) ? "ol" : UL.test(lines[0]) ? "ul" : "";
  const quoted = lines.findIndex((l) => QUOTE.test(l));
  if (type) list(type, lines, last, out);
  else if (quoted > 0) {
    block(lines.slice(0, quoted), out);
    block(lines.slice(quoted), out);
  } else if (quoted === 0) {
    const quote = last && last.t === "quote" ? last : out[out.push({ t: "quote", c: [] }) - 1];
    block(lines.map((l) => l.replace(QUOTE, "")), quote.c);
  } else out.push({ t: "p", c: inline(lines.map((l) => l.trim()).join(" ")) });
}

// A list: a line with this list's marker starts an item, any other line goes
// on the item before it. A list after a blank line continues the one above:
// the item before the blank line and the first after it become paragraphs.
function list(type, lines, last, out) {
  const marker = type === "ol" ? OL : UL;
  const items = [];
  let start = 1;
  for (const line of lines) {
    const m = marker.exec(line);
    if (m && !items.length && type === "ol") start = Number(m[1]);
    if (m) items.push([m[type === "ol" ? 2 : 1]]);
    else items[items.length - 1].push(line.trim());
  }
  const parsed = items.map((item) => ({ p: false, c: [{ t: "p", c: inline(item.join(" ").trim()) }] }));
  if (last && last.t === type) {
    last.items[last.items.length - 1].p = parsed[0].p = true;
    last.items.push(...parsed);
  } else out.push({ t: type, items: parsed, start });
}

// **bold**, __bold__, *italic*, _italic_ (not inside a word), [text](address),
// <address>, `code` and \-escapes; everything else is text.
const INLINE = [
  ["code", /(`+)([\s\S]+?)\1(?!`)/],
  ["text", /\\([\\`*_{}[\]()>#+\-.!|])/],
  ["a", /\[([^\]]*)\]\([^)]*\)/],
  ["auto", /<((?:https?:\/\/|mailto:)[^>\s]+)>/],
  ["strongem", /\*\*\*(?!\s)([\s\S]+?)(?<!\s)\*\*\*/],
  ["strong", /\*\*(?=\S)([\s\S]*?\S)\*\*/],
  ["strong", /(?<![\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/u],
  ["em", /\*(?![\s*])((?:\*\*(?!\s)[\s\S]*?\S\*\*|[^*])+?)(?<!\s)\*/],
  ["em", /(?<![\p{L}\p{N}_])_(?=[^\s_])([\s\S]*?[^\s_])_(?![\p{L}\p{N}_])/u],
];

export function inline(text) {
  const out = [];
  let rest = text;
  while (rest) {
    let best = null;
    for (const [t, re] of INLINE) {
      const m = re.exec(rest);
      if (m && (!best || m.index < best.m.index)) best = { t, m };
    }
    if (!best) { push(out, rest); break; }
    push(out, rest.slice(0, best.m.index));
    const { t, m } = best;
    if (t === "text" || t === "auto") push(out, m[1]);
    else if (t === "code") out.push({ t, v: m[2].trim() });
    else if (t === "strongem") out.push({ t: "strong", c: [{ t: "em", c: inline(m[1]) }] });
    else out.push({ t, c: inline(m[1]) });
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

function push(out, v) {
  if (!v) return;
  const last = out[out.length - 1];
  if (last && last.t === "text") last.v += v;
  else out.push({ t: "text", v });
}

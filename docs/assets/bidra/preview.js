// Under a Markdown field: "Så här blir texten på sidan", a folded preview built from text nodes only (never HTML from the text).
import { el } from "./dom.js";
import { blocks } from "./markdown.js";

// The preview of a textarea; it follows the text while it is open.
export function preview(control) {
  const box = el("details", { "class": "bidra-preview" });
  box.appendChild(el("summary", {}, "Så här blir texten på sidan"));
  const body = box.appendChild(el("div", { "class": "bidra-preview-text" }));
  const update = () => { if (box.open) show(body, control.value); };
  box.addEventListener("toggle", update);
  control.addEventListener("input", update);
  return box;
}

export function show(body, text) {
  body.textContent = "";
  const parts = blocks(text);
  if (!parts.length) body.appendChild(el("p", { "class": "bidra-preview-tom" }, "Här visas texten när du har skrivit något."));
  for (const b of parts) body.appendChild(block(b));
}

function block(b) {
  if (b.t === "p") return inlines(el("p"), b.c);
  if (b.t === "h") return inlines(el("p", { "class": "bidra-preview-rubrik" }), b.c);
  if (b.t === "pre") return el("pre", {}, b.v);
  if (b.t === "hr") return el("hr");
  if (b.t === "quote") {
    const quote = el("blockquote");
    b.c.forEach((child) => quote.appendChild(block(child)));
    return quote;
  }
  const list = el(b.t, { start: b.t === "ol" && b.start !== 1 ? String(b.start) : undefined });
  for (const item of b.items) {
    const li = list.appendChild(el("li"));
    if (item.p) item.c.forEach((child) => li.appendChild(block(child)));
    else inlines(li, item.c[0].c);
  }
  return list;
}

// A link shows as its text, marked like a link but not one to follow.
function inlines(parent, nodes) {
  for (const n of nodes) {
    if (n.t === "text") parent.appendChild(document.createTextNode(n.v));
    else if (n.t === "code") parent.appendChild(el("code", {}, n.v));
    else inlines(parent.appendChild(el(n.t === "a" ? "span" : n.t, n.t === "a" ? { "class": "bidra-preview-lank" } : {})), n.c);
  }
  return parent;
}

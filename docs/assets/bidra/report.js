// Shows the validator's problems: one message next to each field, and a summary with links at the top.
import { el, scopeOf } from "./dom.js";
import { message } from "./validate.js";

export function showErrors(ctx, errors, focus) {
  const { root } = ctx;
  root.querySelectorAll(".bidra-error").forEach((p) => { p.hidden = true; p.textContent = ""; });
  root.querySelectorAll("[aria-invalid]").forEach((c) => c.removeAttribute("aria-invalid"));
  root.querySelectorAll(".bidra-field--fel").forEach((f) => f.classList.remove("bidra-field--fel"));
  const summary = document.getElementById("bidra-summary");
  summary.innerHTML = "";
  const shown = [];
  for (const e of errors) {
    // The field of the path, or of the nearest path above it that has one.
    let path = e.path;
    let scope = scopeOf(root, path);
    while (!scope && path.indexOf(".") >= 0) {
      path = path.slice(0, path.lastIndexOf("."));
      scope = scopeOf(root, path);
    }
    if (!scope || !scope.classList.contains("bidra-field")) scope = scope && scope.closest(".bidra-field");
    if (!scope) scope = root.querySelector(".bidra-field");
    const p = Array.prototype.filter.call(scope.querySelectorAll(".bidra-error"),
      (n) => n.closest(".bidra-field") === scope)[0];
    if (!p || !p.hidden) continue; // one message per field: the first
    p.textContent = message(e);
    p.hidden = false;
    scope.classList.add("bidra-field--fel");
    scope.querySelectorAll("input, textarea").forEach((c) => {
      if (c.closest(".bidra-field") === scope) c.setAttribute("aria-invalid", "true");
    });
    shown.push({ scope, text: p.textContent });
  }
  if (!shown.length) { summary.hidden = true; return; }
  shown.sort((a, b) => // in the order of the form, not of the schema
    a.scope.compareDocumentPosition(b.scope) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
  summary.appendChild(el("p", {}, shown.length === 1 ? "Ett fält behöver rättas:" :
    shown.length + " fält behöver rättas:"));
  const list = el("ul");
  for (const item of shown) {
    const li = el("li");
    const target = item.scope.querySelector("input, textarea, fieldset");
    li.appendChild(el("a", { href: "#" + (target ? target.id : "") }, label(item.scope) + ": " + item.text));
    list.appendChild(li);
  }
  summary.appendChild(list);
  summary.hidden = false;
  if (focus) summary.focus();
}

// A field's name in the summary: "Titel", or "Partner 2, namn" in a row.
function label(scope) {
  const node = scope.querySelector("label, legend");
  const row = scope.closest(".bidra-row");
  const text = node ? node.textContent.replace(/ \*$| \(valfritt\)$/, "") : "";
  return row ? row.querySelector("legend").textContent + ", " + text.toLowerCase() : text;
}

// Shows the validator's problems: one message next to each field once it has been left (all of them after "Skapa filen"), a summary with links at the top, and a live region that says what changed.
//
// Only what changes is touched, and focus is never moved except by "Skapa
// filen" (to the summary), so a screen reader hears a message once.
import { el, scopeOf } from "./dom.js";
import { message } from "./validate.js";

// ctx.attempted: "Skapa filen" has been pressed; ctx.left: the paths of the
// fields the contributor has left. focus: move focus to the summary.
export function showErrors(ctx, errors, focus) {
  const { root } = ctx;
  const wanted = new Map(); // a field's .bidra-field -> its first message
  for (const e of errors) {
    const scope = fieldOf(root, e.path);
    if (!wanted.has(scope) && (ctx.attempted || ctx.left.has(scope.getAttribute("data-path")))) {
      wanted.set(scope, message(e));
    }
  }
  const appeared = [];
  root.querySelectorAll(".bidra-field").forEach((scope) => {
    const p = own(scope, ".bidra-error");
    const text = wanted.get(scope) || "";
    if (!p || p.textContent === text) return;
    p.textContent = text;
    p.hidden = !text;
    scope.classList.toggle("bidra-field--fel", Boolean(text));
    scope.querySelectorAll("input, textarea").forEach((c) => {
      if (c.closest(".bidra-field") !== scope) return;
      if (text) c.setAttribute("aria-invalid", "true");
      else c.removeAttribute("aria-invalid");
    });
    // Said aloud when it shows up away from where the contributor is.
    if (text && !scope.contains(document.activeElement)) appeared.push(label(scope) + ": " + text);
  });
  const counted = summarize(ctx, wanted, focus);
  if (!focus) say([...appeared, counted].filter(Boolean).join(" "));
}

// The .bidra-field of a path, or of the nearest path above it that has one.
function fieldOf(root, path) {
  let scope = scopeOf(root, path);
  while (!scope && path.indexOf(".") >= 0) {
    path = path.slice(0, path.lastIndexOf("."));
    scope = scopeOf(root, path);
  }
  if (!scope || !scope.classList.contains("bidra-field")) scope = scope && scope.closest(".bidra-field");
  return scope || root.querySelector(".bidra-field");
}

// A node of the field itself, not of a field inside it (a row's).
function own(scope, selector) {
  return Array.prototype.filter.call(scope.querySelectorAll(selector), (n) => n.closest(".bidra-field") === scope)[0];
}

// The summary at the top, once "Skapa filen" has been pressed; rebuilt only
// when it changes. Returns what to say of it: its count, when that changed.
function summarize(ctx, wanted, focus) {
  const summary = document.getElementById("bidra-summary");
  const shown = ctx.attempted ? Array.from(wanted.entries()) : [];
  shown.sort((a, b) => // in the order of the form, not of the schema
    a[0].compareDocumentPosition(b[0]) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
  const head = shown.length === 1 ? "Ett fält behöver rättas:" : shown.length + " fält behöver rättas:";
  const items = shown.map(([scope, text]) => label(scope) + ": " + text);
  const before = summary.hidden ? "" : summary.textContent;
  if (!shown.length) {
    summary.hidden = true;
    summary.textContent = "";
    return before && !focus ? "Alla fält är rätt ifyllda. Filen är klar under formuläret." : "";
  }
  if (before !== head + items.join("")) {
    summary.textContent = "";
    summary.appendChild(el("p", {}, head));
    const list = summary.appendChild(el("ul"));
    shown.forEach(([scope], i) => {
      const target = scope.querySelector("input, textarea, fieldset");
      list.appendChild(el("li")).appendChild(el("a", { href: "#" + (target ? target.id : "") }, items[i]));
    });
    summary.hidden = false;
  }
  if (focus) summary.focus();
  const count = (text) => (text.match(/^(Ett|\d+) fält/) || [""])[0];
  return count(before) !== count(head) ? head.replace(/:$/, ".") : "";
}

// The live region under the form (role="status"): polite, never moves focus.
function say(text) {
  const live = document.getElementById("bidra-meddelande");
  if (live && text && live.textContent !== text) live.textContent = text;
}

// A field's name: "Titel", or "Partner 2, namn" in a row.
export function label(scope) {
  const node = scope.querySelector("label, legend");
  const text = node ? node.firstChild.textContent : "";
  const row = scope.closest(".bidra-row");
  return row ? row.querySelector("legend").textContent + ", " + text.toLowerCase() : text;
}

// A checklist on its tool's page (a tool of type checklist, spets/templates/_tool.j2):
// each line written "- ☐ …" becomes a real checkbox with the line as its
// label, so that a reader can tick it off on the page and print the list
// with the ticks (verktyg.css writes ☑ or ☐ on paper). The ticks are kept
// only in the page itself: nothing is stored or sent, and they are gone when
// the page is closed. Without JavaScript the lines stay as written, with ☐.

import { note } from "./note.js";

const BOX = /^\s*[☐□]\s*/;
const BLOCK = new Set(["UL", "OL", "P", "DIV", "TABLE", "BLOCKQUOTE", "PRE"]);

function enhance(container, index) {
  let n = 0;
  for (const li of container.querySelectorAll("li")) {
    const first = li.firstChild;
    if (!first || first.nodeType !== Node.TEXT_NODE || !BOX.test(first.data)) continue;
    first.data = first.data.replace(BOX, "");
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.id = `spets-check-${index}-${++n}`;
    label.append(box, " ");
    // The line's own text and links; a list nested under it stays beside the label.
    while (li.firstChild && !BLOCK.has(li.firstChild.nodeName)) label.append(li.firstChild);
    li.prepend(label);
    li.classList.add("spets-check", "spets-check--live");
  }
  if (!n) return;
  note(container, document.documentElement.lang === "en"
    ? "Tick the points here on the page. The ticks are printed with the page, but not saved: they are gone when you close it."
    : "Bocka av punkterna här på sidan. Bockarna kommer med när du skriver ut, " +
      "men sparas inte: de försvinner när du stänger sidan.");
}

document.querySelectorAll("[data-spets-checklist]").forEach(enhance);

// A canvas on its tool's page (a tool of type canvas, spets/templates/_tool.j2):
// each box of its table gets a text area under its prompt, named by the box's
// heading, so that the parties can write in it on the page and print the
// canvas with their text (verktyg.css prints the text, not the text areas).
// Nothing is stored or sent: the text is gone when the page is closed.
// Without JavaScript the table stays as written, to print and fill in by hand.

import { note } from "./note.js";

function enhance(container, index) {
  let n = 0;
  for (const cell of container.querySelectorAll("table th, table td")) {
    const heading = cell.querySelector("strong");
    if (!heading) continue; // only the canvas's boxes have a heading
    const field = document.createElement("textarea");
    field.id = `spets-canvas-${index}-${++n}`;
    field.rows = 4;
    field.className = "spets-canvas-field";
    field.setAttribute("aria-label", heading.textContent.trim());
    // On paper the text area would cut its text off at its rows: the text
    // prints from this copy instead.
    const copy = document.createElement("div");
    copy.className = "spets-canvas-copy";
    copy.setAttribute("aria-hidden", "true");
    field.addEventListener("input", () => { copy.textContent = field.value; });
    cell.append(field, copy);
  }
  if (!n) return;
  note(container, document.documentElement.lang === "en"
    ? "Write in the boxes here on the page. The text is printed with the page, but not saved: it is gone when you close it."
    : "Skriv i rutorna här på sidan. Texten kommer med när du skriver ut, " +
      "men sparas inte: den försvinner när du stänger sidan.");
}

document.querySelectorAll("[data-spets-canvas]").forEach(enhance);

// The line above a tool filled in on the page that says what becomes of
// what the reader enters (checklista.js, canvas.js). Not printed (verktyg.css).
export function note(container, text) {
  const p = document.createElement("p");
  p.className = "spets-check-note";
  p.textContent = text;
  container.prepend(p);
}

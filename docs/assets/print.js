// "Skriv ut" on a method or tool page prints the page itself. Without
// JavaScript the link leads to the card on the page of all cards.
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a.spets-print");
  // Ctrl-, Cmd- or Shift-click still opens the cards page, as a link does.
  if (link && event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    event.preventDefault();
    window.print();
  }
});

// A checklist line written "- ☐ Styrelse" would show a bullet and a box:
// the box is the marker, so such a line loses its bullet (spets.css,
// li.spets-check), on screen and on paper. Without JavaScript both stay.
(function () {
  const BOX = /^\s*[☐☑☒□]/;
  for (const li of document.querySelectorAll(".md-typeset li")) {
    if (BOX.test(li.textContent)) li.classList.add("spets-check");
  }
})();

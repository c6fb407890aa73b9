// "Skriv ut" on a method or tool page prints the page itself. Without
// JavaScript the link leads to the card on the page of all cards.
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a.spets-print");
  if (link) {
    event.preventDefault();
    window.print();
  }
});

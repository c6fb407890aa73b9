// The e-mail route for a contributor without a GitHub account: a mailto: link to the editors, saying which file to attach. No DOM.

// mailto: cannot attach a file, so the text asks the sender to attach the downloaded one.
export function mailUrl(address, file, id) {
  const body = "Hej!\n\nHär är en ny fallstudie till SPETS kunskapsbank: " + file + ".\n\n" +
    "(Bifoga filen " + file + " som du laddade ner från formuläret innan du skickar. " +
    "Det går inte att bifoga den automatiskt.)\n";
  return "mailto:" + encodeURIComponent(address).replace(/%40/g, "@") +
    "?subject=" + encodeURIComponent("Ny fallstudie: " + id) + "&body=" + encodeURIComponent(body);
}

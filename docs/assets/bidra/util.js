// Small pure helpers the form's modules share: schema types, dates, file names. No DOM.

// A property's type; ["integer", "null"] counts as integer.
export function baseType(s) {
  return Array.isArray(s.type) ? s.type[0] : s.type;
}

// ÅÅÅÅ-MM-DD of a day that exists.
export function validDate(text) {
  const d = new Date(text + "T00:00:00Z");
  return !isNaN(d) && d.toISOString().slice(0, 10) === text;
}

export function utcToday() {
  return new Date().toISOString().slice(0, 10);
}

// A title as a file name: "Åre kommun – Mittuniversitetet" -> "are-kommun-mittuniversitetet".
export function slug(text) {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");
}

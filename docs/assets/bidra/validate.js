// The validator: what `spets check` would say of the form's data, in Swedish. No DOM.
//
// The subset of JSON Schema draft-07 that spets/schema.py writes, then the
// checks `spets check` makes beyond the schema. A problem is
// { path: "partners.0.name", kw: "required", s: <its schema> } or, for the
// extra checks, { path, text }; message() words it.
import { baseType, utcToday, validDate } from "./util.js";

// Every problem of one file's data, in the schema's order, then the rest.
export function problems(schema, data, today = utcToday()) {
  const errors = validate(schema, data, "", []);
  extraChecks(data, errors, today);
  return errors;
}

// The problems as "path: message" lines.
export function errorTexts(schema, data, today) {
  return problems(schema, data, today).map((e) => e.path + ": " + message(e));
}

export function validate(s, value, path, errors) {
  const types = [].concat(s.type || []);
  if (types.length && !types.some((t) => isType(value, t))) {
    errors.push({ path, kw: "type", s, value });
    return errors;
  }
  if (value === null) return errors;
  if (s.enum && s.enum.indexOf(value) < 0) errors.push({ path, kw: "enum", s, value });
  if (typeof value === "string") {
    const length = Array.from(value).length; // code points, as JSON Schema and Python count
    if (s.minLength !== undefined && length < s.minLength) errors.push({ path, kw: "minLength", s });
    else if (s.pattern && !new RegExp(s.pattern, "u").test(value)) errors.push({ path, kw: "pattern", s });
    else if (s.format === "date" && !validDate(value)) errors.push({ path, kw: "format", s });
    if (s.maxLength !== undefined && length > s.maxLength) errors.push({ path, kw: "maxLength", s, n: length });
  }
  if (typeof value === "number") {
    if ((s.minimum !== undefined && value < s.minimum) || (s.maximum !== undefined && value > s.maximum)) {
      errors.push({ path, kw: "range", s, value });
    }
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) errors.push({ path, kw: "minItems", s });
    if (s.maxItems !== undefined && value.length > s.maxItems) errors.push({ path, kw: "maxItems", s });
    if (s.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) {
      errors.push({ path, kw: "uniqueItems", s });
    }
    if (s.items) value.forEach((v, i) => validate(s.items, v, path + "." + i, errors));
  } else if (value !== null && typeof value === "object") {
    const props = s.properties || {};
    for (const name of s.required || []) {
      if (!(name in value)) errors.push({ path: join(path, name), kw: "required", s: props[name] || {} });
    }
    for (const name of Object.keys(value)) {
      if (props[name]) validate(props[name], value[name], join(path, name), errors);
      else if (s.additionalProperties === false) errors.push({ path, kw: "additional", s, value: name });
    }
  }
  return errors;
}

function join(path, name) {
  return path ? path + "." + name : name;
}

function isType(v, t) {
  if (t === "null") return v === null;
  if (t === "array") return Array.isArray(v);
  if (t === "object") return v !== null && typeof v === "object" && !Array.isArray(v);
  if (t === "integer") return typeof v === "number" && Math.floor(v) === v;
  return typeof v === t;
}

// What `spets check` says beyond the schema.
function extraChecks(data, errors, today) {
  if (typeof data.started === "number" && typeof data.ended === "number" && data.ended < data.started) {
    errors.push({ path: "ended", text: "Slutåret " + data.ended + " ligger före startåret " + data.started + "." });
  }
  for (const name of ["published", "last_reviewed"]) {
    if (typeof data[name] === "string" && validDate(data[name]) && data[name] > today) {
      errors.push({ path: name, text: "Datumet " + data[name] + " ligger i framtiden." });
    }
  }
}

// One problem in words a contributor understands.
export function message(e) {
  if (e.text) return e.text;
  const s = e.s || {};
  const type = baseType(s);
  const year = type === "integer" && s.minimum >= 1000;
  switch (e.kw) {
    case "required":
      if (type === "array" && s.items && s.items.enum) return "Välj minst ett alternativ.";
      if (type === "array") return "Lägg till minst en.";
      if (s.enum) return "Välj ett av alternativen.";
      return "Fyll i det här fältet.";
    case "type":
      if (type === "integer") return year ? "Skriv ett årtal med fyra siffror, t.ex. 2017." : "Skriv ett heltal.";
      return "Fel sorts värde.";
    case "enum": return "Välj ett av alternativen.";
    case "minLength": return "Fyll i det här fältet.";
    case "pattern": return s.patternErrorMessage || "Värdet har fel form.";
    case "format": return "Datumet finns inte: skriv det i formen ÅÅÅÅ-MM-DD.";
    case "maxLength": return "För långt: " + e.n + " tecken, högst " + s.maxLength + ".";
    case "range": return (year ? "Årtalet" : "Talet") + " ska ligga mellan " + s.minimum + " och " + s.maximum + ".";
    case "minItems":
      if (s.items && s.items.enum) return s.minItems === 1 ? "Välj minst ett alternativ." : "Välj minst " + s.minItems + ".";
      return s.minItems === 1 ? "Lägg till minst en." : "Lägg till minst " + s.minItems + ".";
    case "maxItems": return "Högst " + s.maxItems + " får finnas med.";
    case "uniqueItems": return "Samma värde förekommer två gånger.";
    case "additional": return "Okänt fält: " + e.value + ".";
  }
  return "Värdet är inte tillåtet.";
}

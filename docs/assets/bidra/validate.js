// The validator: what `spets check` would say of the form's data, in Swedish. No DOM.
//
// The subset of JSON Schema draft-07 that spets/json_schema.py writes (with
// its allOf if/then rules and their errorMessage), then the checks `spets
// check` makes beyond the schema (checks.js). A problem is
// { path: "partners.0.name", kw: "required", s: <its schema> } or, for the
// extra checks and the if/then rules, { path, text }; message() words it.
import { extraChecks } from "./checks.js";
import { baseType, utcToday, validDate } from "./util.js";

// Every problem of one file's data, in the schema's order, then the rest.
// taken: the ids of the case studies that exist already.
export function problems(schema, data, today = utcToday(), taken = []) {
  const errors = validate(schema, data, "", []);
  extraChecks(data, errors, today, taken);
  return errors;
}

// The problems as "path: message" lines.
export function errorTexts(schema, data, today, taken) {
  return problems(schema, data, today, taken).map((e) => e.path + ": " + message(e));
}

export function validate(s, value, path, errors) {
  const types = [].concat(s.type || []);
  if (types.length && !types.some((t) => isType(value, t))) {
    errors.push({ path, kw: "type", s, value });
    return errors;
  }
  if (value === null) return errors;
  if (s.enum && s.enum.indexOf(value) < 0) errors.push({ path, kw: "enum", s, value });
  if (typeof value === "string") text(s, value, path, errors);
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
    for (const rule of s.allOf || []) requiredWhen(rule, value, path, errors);
  }
  return errors;
}

// A string, in the order `spets check` looks at it: empty, control
// characters, length, invisible characters, then the rest of the pattern.
function text(s, value, path, errors) {
  const length = Array.from(value).length; // code points, as JSON Schema and Python count
  const re = s.pattern ? new RegExp(s.pattern, "u") : null;
  const bad = re && !re.test(value) ? forbidden(re, value) : null;
  if ((s.minLength !== undefined && length < s.minLength) || (bad && !value.trim())) {
    errors.push({ path, kw: "minLength", s });
    return;
  }
  if (bad && bad.control) errors.push({ path, kw: "control", s });
  else if (s.maxLength !== undefined && length > s.maxLength) errors.push({ path, kw: "maxLength", s, n: length });
  else if (bad) errors.push(bad.invisible ? { path, kw: "invisible", s, char: bad.invisible } : { path, kw: "pattern", s });
  else if (s.format === "date" && !validDate(value)) errors.push({ path, kw: "format", s });
}

// Which characters of value the pattern refuses, when it is a pattern of
// allowed characters (text: it takes "x"): a control character, or an
// invisible one (format characters such as U+200B, U+202E), as the schema
// lists them; {} when the pattern refuses something else (an address …).
function forbidden(re, value) {
  if (!re.test("x")) return {};
  const refused = Array.from(value).filter((c) => !re.test("x" + c));
  if (refused.some((c) => /\p{Cc}/u.test(c))) return { control: true };
  return { invisible: refused.find((c) => /\p{Cf}/u.test(c)) };
}

// { if: {properties: {status: {const: "concluded"}}, required: ["status"]},
//   then: {required: ["ended"]}, errorMessage: "…" }: the message, at the field required.
function requiredWhen(rule, value, path, errors) {
  if (!rule.if || !rule.then || !matches(rule.if, value)) return;
  for (const name of rule.then.required || []) {
    if (!(name in value)) errors.push({ path: join(path, name), text: rule.errorMessage || "Fyll i det här fältet." });
  }
}

// Whether value meets an if: its required properties, each with its const.
export function matches(condition, value) {
  if ((condition.required || []).some((name) => !(name in value))) return false;
  return Object.entries(condition.properties || {}).every(([name, p]) =>
    !(name in value) || p.const === undefined || value[name] === p.const);
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

// One problem in words a contributor understands; where `spets check`
// words the same mistake in a sentence that stands on its own, its words.
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
    case "control": return "innehåller otillåtna kontrolltecken";
    case "invisible":
      return "innehåller ett osynligt tecken (U+" + e.char.codePointAt(0).toString(16).toUpperCase().padStart(4, "0") +
        ") eller ett som vänder textens riktning: ta bort det";
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

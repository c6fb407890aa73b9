// The YAML writer: one case study's data as the text of its file, first line the schema line. No DOM.
//
// Keys come in the schema's order. Every string a contributor writes is a
// plain scalar only when it is a simple id, else a JSON-style double-quoted
// scalar or, for multi-line Markdown, an indented block literal, so no text
// can change the structure of the file.

const PLAIN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const RESERVED = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"];
const NOT_IN_LITERAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;

// data: {title: "…", partners: [{name, sector}], …}; modeline: the first line,
// "# yaml-language-server: $schema=…".
export function toYaml(data, schema, modeline) {
  const lines = [modeline];
  for (const key of Object.keys(schema.properties)) {
    if (data[key] === undefined) continue;
    lines.push("");
    emit(lines, key, data[key], "", schema.properties[key]);
  }
  return lines.join("\n") + "\n";
}

function emit(lines, key, value, indent, s) {
  if (Array.isArray(value)) {
    lines.push(indent + key + ":");
    for (const item of value) {
      if (item !== null && typeof item === "object") {
        let first = true;
        for (const sub of Object.keys(item)) {
          const before = lines.length;
          emit(lines, sub, item[sub], indent + "    ", (s.items.properties || {})[sub] || {});
          if (first) lines[before] = indent + "  - " + lines[before].slice(indent.length + 4);
          first = false;
        }
      } else {
        lines.push(indent + "  - " + scalar(item, s.items || {}));
      }
    }
    return;
  }
  if (typeof value === "string" && value.indexOf("\n") >= 0 && value === value.trim() &&
      !NOT_IN_LITERAL.test(value)) {
    // A block literal: every line indented, so nothing in it is read as YAML.
    // Only for text that starts with a visible character (YAML takes the
    // indentation from the first line) and ends with one (the last line
    // break is the only one kept); anything else is written double-quoted.
    lines.push(indent + key + ": |");
    for (const line of value.split("\n")) lines.push(line === "" ? "" : indent + "  " + line);
    return;
  }
  lines.push(indent + key + ": " + scalar(value, s));
}

function scalar(value, s) {
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === null) return "null";
  if (s.format === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (PLAIN.test(value) && RESERVED.indexOf(value) < 0) return value;
  return quote(value);
}

function quote(text) {
  // JSON's escapes are YAML's; YAML also reads these as line breaks or
  // refuses them unescaped, so they are written as \uXXXX.
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4));
}

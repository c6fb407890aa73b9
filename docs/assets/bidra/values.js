// Form ↔ data: reads the controls into the object the validator and the YAML writer take, and puts data back into them.
import { cell, scopeOf } from "./dom.js";
import { addRow } from "./fields.js";
import { baseType, validDate } from "./util.js";

// Everything filled in, by property; a field left empty is left out.
export function collect(ctx) {
  const { schema } = ctx;
  const data = {};
  const required = schema.required || [];
  for (const name of Object.keys(schema.properties)) {
    const value = read(ctx, name, schema.properties[name], required.indexOf(name) >= 0, name);
    if (value !== undefined) data[name] = value;
  }
  return data;
}

function read(ctx, name, s, isRequired, path) {
  const type = baseType(s);
  const scope = scopeOf(ctx.root, path);
  if (!scope || scope.hidden) return undefined; // a hidden field is not part of the file
  if (type === "array" && s.items.enum) {
    const picked = Array.prototype.filter.call(scope.querySelectorAll('input[name="' + path + '"]'),
      (c) => c.checked).map((c) => c.value);
    return picked.length || isRequired ? picked : undefined;
  }
  if (type === "string" && s.enum) {
    const checked = scope.querySelector('input[name="' + path + '"]:checked');
    return checked ? checked.value : undefined;
  }
  if (type === "array") {
    const rows = scope.querySelectorAll(":scope > .bidra-rows > .bidra-rowlist > .bidra-row");
    const items = [];
    Array.prototype.forEach.call(rows, (row, i) => {
      const item = {};
      const req = s.items.required || [];
      for (const sub of Object.keys(s.items.properties)) {
        const v = read(ctx, sub, s.items.properties[sub], req.indexOf(sub) >= 0, cell(path, i, sub));
        if (v !== undefined) item[sub] = v;
      }
      if (Object.keys(item).length || (i === 0 && isRequired)) items.push(item);
    });
    return items.length || isRequired ? items : undefined;
  }
  const control = scope.querySelector('[name="' + path + '"]');
  let raw = control.value.replace(/\r\n?/g, "\n");
  if (control.tagName === "TEXTAREA") {
    // Trailing spaces at line ends are invisible and trip yamllint; drop them.
    raw = raw.split("\n").map((line) => line.replace(/[ \t]+$/, "")).join("\n")
      .replace(/\n{3,}/g, "\n\n"); // Markdown reads more blank lines as one; yamllint would not
  }
  raw = raw.trim();
  if (raw === "") return undefined;
  if (type === "integer") return /^-?\d+$/.test(raw) ? parseInt(raw, 10) : raw;
  return raw;
}

// Puts one property's value (as collect() gave it) back into its field.
export function setValue(ctx, name, s, value, path) {
  const type = baseType(s);
  const scope = scopeOf(ctx.root, path);
  if (!scope || value === null) return;
  if ((type === "array" && s.items.enum) || (type === "string" && s.enum)) {
    const wanted = [].concat(value);
    scope.querySelectorAll('input[name="' + path + '"]').forEach((c) => {
      c.checked = wanted.indexOf(c.value) >= 0;
    });
    return;
  }
  if (type === "array") {
    if (!Array.isArray(value)) return;
    const rows = scope.querySelector(".bidra-rowlist");
    while (rows.children.length < Math.min(value.length, s.maxItems || 50)) addRow(ctx, rows, name, s, path);
    value.forEach((item, i) => {
      if (!item || typeof item !== "object") return;
      for (const sub of Object.keys(item)) {
        if (s.items.properties[sub]) setValue(ctx, sub, s.items.properties[sub], item[sub], cell(path, i, sub));
      }
    });
    return;
  }
  const control = scope.querySelector('[name="' + path + '"]');
  if (control && control.type !== "date") control.value = String(value);
  else if (control && validDate(String(value))) control.value = String(value);
}

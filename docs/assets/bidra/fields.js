// Builds the form's controls from the JSON Schema: one field per property, and the rows of a list (partners, sources).
//
// ctx: { root, schema, onInput } (see form.js). A field is a .bidra-field
// with data-path (title, partners.0.name …); its controls are named by that
// path and carry data-field, the property's own name.
import { cell, domId, el } from "./dom.js";
import { preview } from "./preview.js";
import { ADD_LABEL, HELP, MARKDOWN, ROW_LABEL } from "./words.js";
import { baseType } from "./util.js";

export function field(ctx, name, s, isRequired, path) {
  const wrap = el("div", { "class": "bidra-field", "data-path": path });
  const id = domId(path);
  const type = baseType(s);
  const key = path.replace(/\.\d+\./g, ".");
  const help = HELP[key] !== undefined ? HELP[key] : s.description || "";
  const labelText = s.title || name;
  const mark = () => el("span", { "class": "bidra-mark" }, isRequired ? " *" : " (valfritt)");
  const error = el("p", { "class": "bidra-error", id: id + "-fel", hidden: "hidden" });
  const helpNode = help ? el("p", { "class": "bidra-help", id: id + "-hjalp" }, help) : null;
  const described = (helpNode ? id + "-hjalp " : "") + id + "-fel";

  if ((type === "string" && s.enum) || (type === "array" && s.items.enum)) {
    const multi = type === "array";
    const group = el("fieldset", { "class": "bidra-choices" + (multi && s.items.enum.length > 8 ? " bidra-choices--many" : ""),
      "aria-describedby": described, id });
    group.appendChild(el("legend", {}, labelText)).appendChild(mark());
    if (helpNode) group.appendChild(helpNode);
    const values = multi ? s.items.enum : s.enum;
    const labels = (multi ? s.items.enumDescriptions : s.enumDescriptions) || [];
    values.forEach((value, i) => {
      if (value === null) return;
      const optId = id + "-" + value;
      const option = el("div", { "class": "bidra-option" });
      option.appendChild(el("input", { type: multi ? "checkbox" : "radio", name: path, value, id: optId,
        "data-field": name }));
      option.appendChild(el("label", { "for": optId }, labels[i] || value));
      group.appendChild(option);
    });
    wrap.appendChild(group);
    wrap.appendChild(error);
    return wrap;
  }
  if (type === "array" && baseType(s.items) === "object") {
    const box = el("fieldset", { "class": "bidra-rows", id, "aria-describedby": described });
    box.appendChild(el("legend", {}, labelText)).appendChild(mark());
    if (helpNode) box.appendChild(helpNode);
    const rows = el("div", { "class": "bidra-rowlist" });
    box.appendChild(rows);
    const add = el("button", { type: "button", "class": "md-button bidra-add", "data-add": path }, ADD_LABEL[name] || "Lägg till");
    add.addEventListener("click", () => {
      addRow(ctx, rows, name, s, path);
      ctx.onInput({ target: add });
    });
    box.appendChild(error);
    box.appendChild(add);
    wrap.appendChild(box);
    for (let n = 0; n < Math.max(1, s.minItems || 0); n++) addRow(ctx, rows, name, s, path);
    return wrap;
  }
  wrap.appendChild(el("label", { "for": id }, labelText)).appendChild(mark());
  if (helpNode) wrap.appendChild(helpNode);
  let control;
  const isUrl = Boolean(s.patternErrorMessage && /adress/.test(s.patternErrorMessage));
  if (type === "string" && s.format === "date") {
    control = el("input", { type: "date", id });
  } else if (type === "integer") {
    control = el("input", { type: "text", inputmode: "numeric", id, size: "6", autocomplete: "off" });
  } else if (type === "string" && s.maxLength >= 400 && !isUrl) { // an address is one line
    control = el("textarea", { id, rows: s.maxLength > 400 ? "8" : "3" });
  } else {
    control = el("input", { type: "text", id, inputmode: isUrl ? "url" : undefined,
      spellcheck: name === "id" ? "false" : undefined, autocomplete: "off" });
  }
  control.setAttribute("data-field", name);
  control.setAttribute("name", path);
  control.setAttribute("aria-describedby", described);
  if (s.maxLength) control.setAttribute("data-max", s.maxLength);
  wrap.appendChild(control);
  wrap.appendChild(error);
  if (MARKDOWN.indexOf(name) >= 0) wrap.appendChild(preview(control));
  return wrap;
}

export function addRow(ctx, rows, name, s, path) {
  const row = el("fieldset", { "class": "bidra-row" });
  rows.appendChild(row);
  renumber(ctx, rows, name, s, path);
  return row;
}

// Rows are rebuilt from their values whenever one is added or removed, so
// that every control's path (partners.0.name …) stays in step with its place.
function renumber(ctx, rows, name, s, path) {
  const kept = Array.prototype.map.call(rows.children, readRow);
  rows.innerHTML = "";
  kept.forEach((values, i) => {
    const row = el("fieldset", { "class": "bidra-row", "data-path": path + "." + i });
    row.appendChild(el("legend", {}, (ROW_LABEL[name] || "Rad") + " " + (i + 1)));
    const req = s.items.required || [];
    for (const sub of Object.keys(s.items.properties)) {
      row.appendChild(field(ctx, sub, s.items.properties[sub], req.indexOf(sub) >= 0, cell(path, i, sub)));
    }
    if (kept.length > 1) {
      const remove = el("button", { type: "button", "class": "md-button bidra-remove" },
        "Ta bort " + (ROW_LABEL[name] || "rad").toLowerCase() + " " + (i + 1));
      remove.addEventListener("click", () => {
        rows.removeChild(row);
        renumber(ctx, rows, name, s, path);
        ctx.onInput({ target: rows });
      });
      row.appendChild(remove);
    }
    rows.appendChild(row);
    for (const sub of Object.keys(values)) {
      const control = row.querySelector('[name="' + cell(path, i, sub) + '"]');
      if (!control) continue;
      if (control.type === "radio" || control.type === "checkbox") {
        row.querySelectorAll('[name="' + cell(path, i, sub) + '"]').forEach((c) => {
          c.checked = values[sub].indexOf(c.value) >= 0;
        });
      } else control.value = values[sub][0] || "";
    }
  });
}

// A row's values by property: {name: ["Region Kronoberg"], sector: ["offentlig-sektor"]}.
function readRow(row) {
  const values = {};
  row.querySelectorAll("[data-field]").forEach((c) => {
    const key = c.getAttribute("data-field");
    values[key] = values[key] || [];
    if (c.type === "radio" || c.type === "checkbox") { if (c.checked) values[key].push(c.value); }
    else values[key].push(c.value);
  });
  return values;
}

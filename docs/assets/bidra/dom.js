// Making elements, and finding a field's element by its path (title, partners.0.name …).

export function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

// The id of a field's control: partners.0.name -> bidra-falt-partners-0-name.
export function domId(path) {
  return "bidra-falt-" + path.replace(/[^a-z0-9]+/gi, "-");
}

// The path of one field in row i of a list: partners.0.name.
export function cell(path, i, sub) {
  return path + "." + i + "." + sub;
}

// A field's element (the .bidra-field, or a row's fieldset) by its path.
export function scopeOf(root, path) {
  return root.querySelector('[data-path="' + path + '"]');
}

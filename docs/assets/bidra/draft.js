// The draft: what has been typed, kept in this browser's localStorage (never sent) and put back on the next visit.
import { el } from "./dom.js";
import { collect, setValue } from "./values.js";
import { slug } from "./util.js";

const KEY = "spets-bidra-fallstudie";

export function save(ctx) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(collect(ctx)));
  } catch (err) { /* private browsing or full storage: the form works without */ }
}

export function forget() {
  try {
    window.localStorage.removeItem(KEY);
  } catch (err) { /* nothing stored */ }
}

// Fills the form with the stored draft, if any, and says so above it.
export function restore(ctx, form) {
  let data = null;
  try {
    data = JSON.parse(window.localStorage.getItem(KEY) || "null");
  } catch (err) {
    data = null;
  }
  if (!data || typeof data !== "object" || !Object.keys(data).length) return;
  const props = ctx.schema.properties;
  try {
    for (const name of Object.keys(props)) {
      if (data[name] !== undefined) setValue(ctx, name, props[name], data[name], name);
    }
  } catch (err) { // a draft the form no longer fits: drop it rather than break the form
    forget();
    return;
  }
  ctx.idTouched = typeof data.id === "string" && data.id !== slug(String(data.title || ""));
  form.insertBefore(el("p", { "class": "bidra-draft", id: "bidra-utkast" },
    "Formuläret är ifyllt med det du skrev senast i den här webbläsaren. " +
    "Vill du börja om, tryck på ”Töm formuläret” längst ner."), form.firstChild);
}

// The finished file: the box that shows it, with the "Öppna GitHub" link, download and copy.
import { el } from "./dom.js";
import { newFileUrl, uploadUrl } from "./github.js";
import { toYaml } from "./yaml.js";

// The box, hidden until a file passes; built once with the form.
export function resultSection() {
  const box = el("section", { "class": "bidra-result", id: "bidra-resultat", hidden: "hidden", tabindex: "-1" });
  box.appendChild(el("h2", { id: "bidra-filnamn" }, "Din fil"));
  box.appendChild(el("p", {}, "Filen är klar och har klarat samma kontroll som görs när du skickar in den. " +
    "Välj ett sätt att skicka in den:"));
  const buttons = el("div", { "class": "bidra-buttons" });
  buttons.appendChild(el("a", { "class": "md-button md-button--primary", id: "bidra-github", target: "_blank",
    rel: "noopener" }, "Öppna GitHub och skapa filen"));
  const download = el("button", { type: "button", "class": "md-button", id: "bidra-ladda-ner" }, "Ladda ner filen");
  const copy = el("button", { type: "button", "class": "md-button", id: "bidra-kopiera" }, "Kopiera texten");
  buttons.appendChild(download);
  buttons.appendChild(copy);
  box.appendChild(buttons);
  box.appendChild(el("p", { "class": "bidra-status", id: "bidra-status", role: "status" }));
  box.appendChild(el("label", { "for": "bidra-yaml" }, "Filens innehåll (YAML)"));
  box.appendChild(el("textarea", { id: "bidra-yaml", readonly: "readonly", rows: "16", spellcheck: "false" }));
  download.addEventListener("click", () => {
    const text = document.getElementById("bidra-yaml").value;
    const a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "text/yaml;charset=utf-8" })),
      download: box.getAttribute("data-file") });
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
    status("Filen " + box.getAttribute("data-file") + " har laddats ner.");
  });
  copy.addEventListener("click", () => {
    const area = document.getElementById("bidra-yaml");
    const done = () => status("Texten är kopierad. Klistra in den i en ny fil på GitHub.");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(done, () => fallbackCopy(area, done));
    } else fallbackCopy(area, done);
  });
  return box;
}

function fallbackCopy(area, done) {
  area.select();
  try {
    if (document.execCommand("copy")) { done(); return; }
  } catch (err) { /* fall through to the message */ }
  status("Kopieringen fungerade inte: markera texten i rutan och kopiera den med Ctrl+C (⌘+C på Mac).");
}

function status(text) {
  document.getElementById("bidra-status").textContent = text;
}

export function hideResult() {
  const box = document.getElementById("bidra-resultat");
  if (box) box.hidden = true;
}

// ctx.config: the form element's settings (form.js); data has passed the validator.
export function showResult(ctx, data, focus) {
  const { config } = ctx;
  const file = data.id + ".yml";
  const text = toYaml(data, ctx.schema, config.modeline);
  const box = document.getElementById("bidra-resultat");
  box.setAttribute("data-file", file);
  document.getElementById("bidra-filnamn").textContent = "Din fil: " + config.folder + "/" + file;
  document.getElementById("bidra-yaml").value = text;
  const link = document.getElementById("bidra-github");
  const url = newFileUrl(config, file, text);
  status("");
  if (url === null) {
    link.hidden = true;
    status("Texten är för lång för att skickas med en länk. Ladda ner filen och ladda upp den på GitHub: " +
      uploadUrl(config));
  } else {
    link.hidden = false;
    link.href = url;
  }
  box.hidden = false;
  if (focus) box.focus();
}

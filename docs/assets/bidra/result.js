// The finished file: the box that shows it, with its two routes ("Öppna GitHub", "Skicka med e-post"), download and copy.
import { el } from "./dom.js";
import { newFileUrl, uploadUrl } from "./github.js";
import { mailUrl } from "./mail.js";
import { toYaml } from "./yaml.js";

// The box, hidden until a file passes; built once with the form. The e-mail
// route only when the site has an address for the editors (ctx.config.email).
export function resultSection(ctx) {
  const box = el("section", { "class": "bidra-result", id: "bidra-resultat", hidden: "hidden", tabindex: "-1" });
  box.appendChild(el("h2", { id: "bidra-filnamn" }, "Din fil"));
  box.appendChild(el("p", {}, "Filen är klar och har klarat samma kontroll som görs när du skickar in den. " +
    "Välj ett sätt att skicka in den:"));
  const routes = box.appendChild(el("div", { "class": "bidra-buttons" }));
  routes.appendChild(el("a", { "class": "md-button md-button--primary", id: "bidra-github", target: "_blank",
    rel: "noopener" }, "Öppna GitHub och skapa filen"));
  const email = ctx.config.email;
  if (email) {
    const send = routes.appendChild(el("button", { type: "button", "class": "md-button",
      id: "bidra-epost-knapp", "aria-controls": "bidra-epost" }, "Skicka med e-post"));
    box.appendChild(mailStep(email));
    send.addEventListener("click", () => {
      download(box);
      const file = box.getAttribute("data-file");
      document.getElementById("bidra-epost-lank").href = mailUrl(email, file, file.replace(/\.yml$/, ""));
      document.getElementById("bidra-epost-fil").textContent = file;
      document.getElementById("bidra-epost").hidden = false;
      status("Filen " + file + " har laddats ner.");
    });
  }
  box.appendChild(el("p", { "class": "bidra-status", id: "bidra-status", role: "status" }));
  const buttons = box.appendChild(el("div", { "class": "bidra-buttons" }));
  const save = buttons.appendChild(el("button", { type: "button", "class": "md-button", id: "bidra-ladda-ner" },
    "Ladda ner filen"));
  const copy = buttons.appendChild(el("button", { type: "button", "class": "md-button", id: "bidra-kopiera" },
    "Kopiera texten"));
  box.appendChild(el("label", { "for": "bidra-yaml" }, "Filens innehåll (YAML)"));
  box.appendChild(el("textarea", { id: "bidra-yaml", readonly: "readonly", rows: "16", spellcheck: "false" }));
  save.addEventListener("click", () => {
    download(box);
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

// The second step of the e-mail route, shown once the file is downloaded.
function mailStep(email) {
  const step = el("div", { "class": "bidra-epost", id: "bidra-epost", hidden: "hidden" });
  const what = step.appendChild(el("p", {}, "Nästa steg: skriv ett mejl till redaktionen och bifoga filen "));
  what.appendChild(el("code", { id: "bidra-epost-fil" }));
  what.appendChild(document.createTextNode(", som du just laddade ner. E-postprogrammet kan inte bifoga den åt " +
    "dig. Redaktionen lägger sedan in fallstudien på GitHub."));
  step.appendChild(el("p")).appendChild(el("a", { id: "bidra-epost-lank", "class": "md-button" },
    "Skriv ett mejl till redaktionen"));
  step.appendChild(el("p", {}, "Fungerar inte länken? Skicka filen till " + email + "."));
  return step;
}

function download(box) {
  const text = document.getElementById("bidra-yaml").value;
  const a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "text/yaml;charset=utf-8" })),
    download: box.getAttribute("data-file") });
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
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
  const changed = box.getAttribute("data-file") !== file || document.getElementById("bidra-yaml").value !== text;
  box.setAttribute("data-file", file);
  document.getElementById("bidra-filnamn").textContent = "Din fil: " + config.folder + "/" + file;
  document.getElementById("bidra-yaml").value = text;
  const link = document.getElementById("bidra-github");
  const url = newFileUrl(config, file, text);
  const mail = document.getElementById("bidra-epost");
  if (mail && changed) mail.hidden = true; // a changed file has to be downloaded again
  if (changed || focus) status("");
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

// The contribution form's entry point: starts on the element marked data-spets-form, with the settings on it.
//
//   <div data-spets-form="case_study" data-schema="../../schema/case_study.schema.json"
//        data-repo="https://github.com/…" data-branch="main" data-folder="case_studies"
//        data-modeline="# yaml-language-server: $schema=../schema/case_study.schema.json"
//        data-taken="chalmers-volvo-cars lnu-ikea …" data-email="redaktionen@…">
//
// Static, no server and no third party: the form is built from the same JSON
// Schema that editors use (fields.js), checked in the browser as `spets check`
// would (validate.js), and written as a YAML file for the folder (yaml.js)
// that GitHub's "new file" page receives in its link, or that goes by e-mail
// to the editors (result.js). Nothing leaves the browser until the
// contributor chooses to send it.
import { follow } from "./depends.js";
import { el, scopeOf } from "./dom.js";
import * as draft from "./draft.js";
import { field } from "./fields.js";
import { showErrors } from "./report.js";
import { hideResult, resultSection, showResult } from "./result.js";
import { slug, utcToday } from "./util.js";
import { errorTexts, problems } from "./validate.js";
import { collect } from "./values.js";
import { LEFT_OUT, ONLY_WHEN, SECTIONS } from "./words.js";
import { toYaml } from "./yaml.js";

// The data- attributes the element must carry; each becomes ctx.config[name].
const SETTINGS = ["schema", "repo", "branch", "folder", "modeline"];
// And those it may leave empty: the ids taken (a list) and the editors' address ("": no e-mail route).
const OPTIONAL = ["taken", "email"];

const root = document.querySelector("[data-spets-form]");
if (root) start(root);

async function start(root) {
  try {
    const config = settings(root);
    const response = await fetch(config.schema);
    if (!response.ok) throw new Error("HTTP " + response.status + ": " + config.schema);
    const schema = await response.json();
    // The English texts (`en`) are optional and added later by the editors:
    // the form neither asks for them nor writes them.
    for (const name of LEFT_OUT) delete schema.properties[name];
    const ctx = { root, config, schema, idTouched: false, attempted: false, left: new Set() };
    ctx.onInput = (e) => onInput(ctx, e);
    build(ctx);
    // For the tests (and the curious): the validator and the YAML writer with this form's schema.
    window.spetsBidra = {
      errors: (data) => errorTexts(schema, data, utcToday(), config.taken),
      yaml: (data) => toYaml(data, schema, config.modeline),
    };
  } catch (error) {
    console.error(error);
    root.innerHTML = "";
    root.appendChild(el("p", { "class": "bidra-fatal", role: "alert" },
      "Formuläret kunde inte läsas in. Ladda om sidan, eller använd GitHub " +
      "på något av sätten som beskrivs ovan."));
  }
}

function settings(root) {
  const config = {};
  for (const name of SETTINGS) {
    const value = (root.getAttribute("data-" + name) || "").trim();
    if (!value) throw new Error("The form's element has no data-" + name);
    config[name] = value;
  }
  for (const name of OPTIONAL) config[name] = (root.getAttribute("data-" + name) || "").trim();
  config.taken = config.taken.split(/\s+/).filter(Boolean);
  return config;
}

function build(ctx) {
  const { root, schema } = ctx;
  root.innerHTML = "";
  const form = el("form", { "class": "bidra-form", novalidate: "novalidate" });
  form.appendChild(el("div", { "class": "bidra-summary", id: "bidra-summary", tabindex: "-1", hidden: "hidden" }));
  form.appendChild(el("p", { "class": "bidra-sr", id: "bidra-meddelande", role: "status" }));
  const props = schema.properties;
  const required = schema.required || [];
  const sections = SECTIONS.map(([title, names]) => [title, names.filter((n) => props[n])]);
  const rest = Object.keys(props).filter((n) => !sections.some((s) => s[1].indexOf(n) >= 0));
  if (rest.length) sections.push(["Övrigt", rest]);
  for (const [title, names] of sections) {
    const fs = el("fieldset", { "class": "bidra-section" });
    fs.appendChild(el("legend", {}, title));
    for (const name of names) fs.appendChild(field(ctx, name, props[name], required.indexOf(name) >= 0, name));
    form.appendChild(fs);
  }
  const actions = el("div", { "class": "bidra-actions" });
  actions.appendChild(el("button", { type: "submit", "class": "md-button md-button--primary", id: "bidra-skapa" },
    "Skapa filen"));
  const clear = el("button", { type: "button", "class": "md-button", id: "bidra-tom" }, "Töm formuläret");
  clear.addEventListener("click", () => {
    if (!window.confirm("Vill du tömma formuläret? Det du har skrivit försvinner.")) return;
    draft.forget();
    ctx.attempted = false;
    ctx.idTouched = false;
    ctx.left = new Set();
    build(ctx);
  });
  actions.appendChild(clear);
  form.appendChild(actions);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    ctx.attempted = true;
    produce(ctx, true);
  });
  form.addEventListener("input", ctx.onInput);
  form.addEventListener("change", ctx.onInput);
  // A field's message shows when it is left (a group of choices: when focus leaves the group).
  form.addEventListener("focusout", (e) => {
    const scope = e.target.closest(".bidra-field");
    if (!scope || (e.relatedTarget && scope.contains(e.relatedTarget))) return;
    ctx.left.add(scope.getAttribute("data-path"));
    produce(ctx, false);
  });
  // The browser scrolls a focused control only until some of it shows, and
  // not clear of the sticky header: a text area would show a sliver. Bring
  // it (and the ring round it) into view below the header; one taller than
  // half the window, its top part with its label.
  form.addEventListener("focusin", (e) => {
    const box = e.target.getBoundingClientRect();
    const header = document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0;
    if (box.top < header) e.target.scrollIntoView({block: "start"});
    else if (box.bottom > innerHeight) e.target.scrollIntoView({block: box.height < innerHeight / 2 ? "end" : "start"});
  });
  root.appendChild(form);
  root.appendChild(resultSection(ctx));
  prefill(ctx, form);
  draft.restore(ctx, form);
  follow(ctx);
}

// Today's date as published, and "Inskickad av lärosätet"; a draft overrides
// them. The fields shown only at times start hidden (depends.js shows them).
function prefill(ctx, form) {
  const input = form.querySelector('[data-path="published"] input');
  if (input) input.value = utcToday();
  const submitted = form.querySelector('input[name="provenance"][value="submitted"]');
  if (submitted) submitted.checked = true;
  for (const name of Object.keys(ONLY_WHEN)) {
    const scope = scopeOf(form, name);
    if (scope) scope.hidden = true;
  }
}

// Every change: the id follows the title until typed by hand; the fields
// that depend on others follow; the messages of the fields already left (all,
// once "Skapa filen" has been pressed) follow the typing; the draft is saved.
function onInput(ctx, e) {
  const target = e.target;
  if (target.name === "id") ctx.idTouched = target.value.trim() !== "";
  if (target.name === "title" && !ctx.idTouched) {
    const id = ctx.root.querySelector('[name="id"]');
    if (id) id.value = slug(target.value);
  }
  follow(ctx);
  produce(ctx, false);
  draft.save(ctx);
}

// Checks the form and shows its problems; once "Skapa filen" has been
// pressed and nothing is wrong, the file.
function produce(ctx, focus) {
  const data = collect(ctx);
  const errors = problems(ctx.schema, data, utcToday(), ctx.config.taken);
  showErrors(ctx, errors, focus);
  if (errors.length || !ctx.attempted) hideResult();
  else showResult(ctx, data, focus);
}

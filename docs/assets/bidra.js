/* SPETS kunskapsbank: the case-study form at /bidra/fallstudie/.
 *
 * Static, no server and no third party: the form is built from the same JSON
 * Schema that editors use (published by the site under /schema/, generated
 * from spets/model.py), validated in the browser with the small validator
 * below (the subset of JSON Schema that spets/schema.py writes), and turned
 * into a YAML file for case_studies/. Every string a contributor writes is
 * emitted as a JSON-style double-quoted scalar or, for multi-line Markdown, as
 * an indented block literal, so no text can change the structure of the file.
 */
(function () {
  "use strict";

  var root = document.getElementById("bidra");
  if (!root) return;

  var FOLDER = "case_studies";
  var MAX_URL = 16000; // longer "new file" links are refused by some servers
  var DRAFT = "spets-bidra-fallstudie"; // localStorage key: the draft stays in this browser only

  // Sections of the form and, for some fields, plainer words than the schema's.
  var SECTIONS = [
    ["Om fallet", ["title", "summary", "id", "institutions", "partners", "started", "ended", "status"]],
    ["Berättelsen", ["background", "activities", "results", "lessons", "challenges"]],
    ["Koppla till kunskapsbanken", ["phases", "topics", "methods", "tools", "roles", "success_factors"]],
    ["Källor", ["sources"]],
    ["Om texten", ["provenance", "last_reviewed", "published"]]
  ];
  var HELP = {
    id: "Blir filens namn. Fylls i automatiskt från titeln; ändra vid behov. Små bokstäver a–z, siffror och bindestreck.",
    title: "Kort och beskrivande, t.ex. ”Linnéuniversitetet och IKEA – The Bridge”.",
    summary: "En eller två meningar som visas i listor och sökresultat.",
    institutions: "Välj lärosätet eller lärosätena som deltar i partnerskapet.",
    partners: "Organisationerna utanför akademin, med sektor.",
    started: "Året då partnerskapet började, t.ex. 2013.",
    ended: "Lämna tomt om partnerskapet pågår.",
    background: "Hur och varför partnerskapet kom till. Du kan använda Markdown: **fet**, listor med - och tomma rader mellan stycken.",
    activities: "Hur partnerskapet är organiserat och vad parterna gör tillsammans.",
    phases: "I vilka faser av partnerskapets livscykel fallet hör hemma.",
    topics: "Vad fallet handlar om.",
    methods: "Metoder i kunskapsbanken som fallet använde (valfritt).",
    tools: "Verktyg i kunskapsbanken som fallet använde (valfritt).",
    roles: "Roller som var inblandade (valfritt).",
    success_factors: "Framgångsfaktorer som fallet belyser (valfritt).",
    sources: "Minst en källa som fakta kommer ifrån, med fullständig webbadress (https://…).",
    provenance: "Välj ”Inskickad av lärosätet” om du skriver för ditt lärosäte.",
    last_reviewed: "Datum då lärosätet granskade texten. Lämna dagens datum om du skriver för lärosätet.",
    published: "Dagens datum, ifyllt automatiskt.",
    status: "",
    "partners.name": "Organisationens namn, t.ex. ”Region Kronoberg”.",
    "partners.sector": "",
    "sources.title": "Källans titel, t.ex. ”Linnéuniversitetet: Strategiska partnerskap”.",
    "sources.url": "Hela adressen, som börjar med https://."
  };
  var ADD_LABEL = { partners: "Lägg till en partner", sources: "Lägg till en källa" };
  var ROW_LABEL = { partners: "Partner", sources: "Källa" };

  var schema = null;
  var idTouched = false;
  var attempted = false;

  fetch(root.getAttribute("data-schema"))
    .then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    })
    .then(function (s) {
      schema = s;
      build();
      // For the tests (and the curious): the validator and the YAML writer.
      window.spetsBidra = {
        errors: function (data) {
          return problems(data).map(function (e) { return e.path + ": " + message(e); });
        },
        yaml: toYaml
      };
    })
    .catch(function (error) {
      console.error(error);
      root.innerHTML = "";
      root.appendChild(el("p", { "class": "bidra-fatal", role: "alert" },
        "Formuläret kunde inte läsas in. Ladda om sidan, eller använd GitHub " +
        "på något av sätten som beskrivs ovan."));
    });

  // ------------------------------------------------------------------ DOM

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== undefined && attrs[k] !== null && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function baseType(s) {
    return Array.isArray(s.type) ? s.type[0] : s.type;
  }

  function domId(path) {
    return "bidra-falt-" + path.replace(/[^a-z0-9]+/gi, "-");
  }

  function utcToday() {
    return new Date().toISOString().slice(0, 10);
  }

  function build() {
    root.innerHTML = "";
    var form = el("form", { "class": "bidra-form", novalidate: "novalidate" });
    var summary = el("div", { "class": "bidra-summary", id: "bidra-summary", tabindex: "-1", hidden: "hidden" });
    form.appendChild(summary);
    var props = schema.properties;
    var required = schema.required || [];
    var sections = SECTIONS.map(function (s) { return [s[0], s[1].filter(function (n) { return props[n]; })]; });
    var rest = Object.keys(props).filter(function (n) {
      return !sections.some(function (s) { return s[1].indexOf(n) >= 0; });
    });
    if (rest.length) sections.push(["Övrigt", rest]);
    sections.forEach(function (section) {
      var fs = el("fieldset", { "class": "bidra-section" });
      fs.appendChild(el("legend", {}, section[0]));
      section[1].forEach(function (name) {
        fs.appendChild(field(name, props[name], required.indexOf(name) >= 0, name));
      });
      form.appendChild(fs);
    });
    var actions = el("div", { "class": "bidra-actions" });
    var make = el("button", { type: "submit", "class": "md-button md-button--primary", id: "bidra-skapa" }, "Skapa filen");
    actions.appendChild(make);
    var clear = el("button", { type: "button", "class": "md-button", id: "bidra-tom" }, "Töm formuläret");
    clear.addEventListener("click", function () {
      if (!window.confirm("Vill du tömma formuläret? Det du har skrivit försvinner.")) return;
      forget();
      attempted = false;
      idTouched = false;
      build();
    });
    actions.appendChild(clear);
    form.appendChild(actions);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      attempted = true;
      produce(true);
    });
    form.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    root.appendChild(form);
    root.appendChild(resultSection());
    prefill(form);
    restore(form);
  }

  // ------------------------------------------------------------ the draft

  function save() {
    try {
      window.localStorage.setItem(DRAFT, JSON.stringify(collect()));
    } catch (err) { /* private browsing or full storage: the form works without */ }
  }

  function forget() {
    try {
      window.localStorage.removeItem(DRAFT);
    } catch (err) { /* nothing stored */ }
  }

  function restore(form) {
    var data = null;
    try {
      data = JSON.parse(window.localStorage.getItem(DRAFT) || "null");
    } catch (err) {
      data = null;
    }
    if (!data || typeof data !== "object" || !Object.keys(data).length) return;
    try {
      Object.keys(schema.properties).forEach(function (name) {
        if (data[name] !== undefined) setValue(name, schema.properties[name], data[name], name);
      });
    } catch (err) {  // a draft the form no longer fits: drop it rather than break the form
      forget();
      return;
    }
    idTouched = typeof data.id === "string" && data.id !== slug(String(data.title || ""));
    form.insertBefore(el("p", { "class": "bidra-draft", id: "bidra-utkast" },
      "Formuläret är ifyllt med det du skrev senast i den här webbläsaren. " +
      "Vill du börja om, tryck på ”Töm formuläret” längst ner."), form.firstChild);
  }

  // A field's element, and the path of one field in row i of a list.
  function scopeOf(path) {
    return root.querySelector('[data-path="' + path + '"]');
  }

  function cell(path, i, sub) {
    return path + "." + i + "." + sub;
  }

  function setValue(name, s, value, path) {
    var type = baseType(s);
    var scope = scopeOf(path);
    if (!scope || value === null) return;
    if ((type === "array" && s.items.enum) || (type === "string" && s.enum)) {
      var wanted = [].concat(value);
      scope.querySelectorAll('input[name="' + path + '"]').forEach(function (c) {
        c.checked = wanted.indexOf(c.value) >= 0;
      });
      return;
    }
    if (type === "array") {
      if (!Array.isArray(value)) return;
      var rows = scope.querySelector(".bidra-rowlist");
      while (rows.children.length < Math.min(value.length, s.maxItems || 50)) addRow(rows, name, s, path);
      value.forEach(function (item, i) {
        if (!item || typeof item !== "object") return;
        Object.keys(item).forEach(function (sub) {
          if (s.items.properties[sub]) setValue(sub, s.items.properties[sub], item[sub], cell(path, i, sub));
        });
      });
      return;
    }
    var control = scope.querySelector('[name="' + path + '"]');
    if (control && control.type !== "date") control.value = String(value);
    else if (control && validDate(String(value))) control.value = String(value);
  }

  function prefill(form) {
    var today = utcToday();
    ["published", "last_reviewed"].forEach(function (name) {
      var input = form.querySelector('[data-path="' + name + '"] input');
      if (input) input.value = today;
    });
    var submitted = form.querySelector('input[name="provenance"][value="submitted"]');
    if (submitted) submitted.checked = true;
  }

  function onInput(e) {
    var target = e.target;
    if (target.name === "id") idTouched = target.value.trim() !== "";
    if (target.name === "title" && !idTouched) {
      var id = root.querySelector('[name="id"]');
      if (id) id.value = slug(target.value);
    }
    if (attempted) produce(false);
    else hideResult();
    save();
  }

  function slug(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");
  }

  function field(name, s, isRequired, path) {
    var wrap = el("div", { "class": "bidra-field", "data-path": path });
    var id = domId(path);
    var type = baseType(s);
    var key = path.replace(/\.\d+\./g, ".");
    var help = HELP[key] !== undefined ? HELP[key] : s.description || "";
    var labelText = (s.title || name) + (isRequired ? " *" : " (valfritt)");
    var error = el("p", { "class": "bidra-error", id: id + "-fel", hidden: "hidden" });
    var helpNode = help ? el("p", { "class": "bidra-help", id: id + "-hjalp" }, help) : null;
    var described = (helpNode ? id + "-hjalp " : "") + id + "-fel";

    if ((type === "string" && s.enum) || (type === "array" && s.items.enum)) {
      var multi = type === "array";
      var group = el("fieldset", { "class": "bidra-choices" + (multi && s.items.enum.length > 8 ? " bidra-choices--many" : ""),
        "aria-describedby": described, id: id });
      group.appendChild(el("legend", {}, labelText));
      if (helpNode) group.appendChild(helpNode);
      var values = multi ? s.items.enum : s.enum;
      var labels = (multi ? s.items.enumDescriptions : s.enumDescriptions) || [];
      values.forEach(function (value, i) {
        if (value === null) return;
        var optId = id + "-" + value;
        var option = el("div", { "class": "bidra-option" });
        option.appendChild(el("input", { type: multi ? "checkbox" : "radio", name: path, value: value, id: optId,
          "data-field": name }));
        option.appendChild(el("label", { "for": optId }, labels[i] || value));
        group.appendChild(option);
      });
      wrap.appendChild(group);
      wrap.appendChild(error);
      return wrap;
    }
    if (type === "array" && baseType(s.items) === "object") {
      var box = el("fieldset", { "class": "bidra-rows", id: id, "aria-describedby": described });
      box.appendChild(el("legend", {}, labelText));
      if (helpNode) box.appendChild(helpNode);
      var rows = el("div", { "class": "bidra-rowlist" });
      box.appendChild(rows);
      var add = el("button", { type: "button", "class": "md-button bidra-add", "data-add": path }, ADD_LABEL[name] || "Lägg till");
      add.addEventListener("click", function () {
        addRow(rows, name, s, path);
        onInput({ target: add });
      });
      box.appendChild(error);
      box.appendChild(add);
      wrap.appendChild(box);
      for (var n = 0; n < Math.max(1, s.minItems || 0); n++) addRow(rows, name, s, path);
      return wrap;
    }
    wrap.appendChild(el("label", { "for": id }, labelText));
    if (helpNode) wrap.appendChild(helpNode);
    var control;
    var isUrl = Boolean(s.patternErrorMessage && /adress/.test(s.patternErrorMessage));
    if (type === "string" && s.format === "date") {
      control = el("input", { type: "date", id: id });
    } else if (type === "integer") {
      control = el("input", { type: "text", inputmode: "numeric", id: id, size: "6", autocomplete: "off" });
    } else if (type === "string" && s.maxLength >= 400 && !isUrl) {  // an address is one line
      control = el("textarea", { id: id, rows: s.maxLength > 400 ? "8" : "3" });
    } else {
      control = el("input", { type: "text", id: id, inputmode: isUrl ? "url" : undefined,
        spellcheck: name === "id" ? "false" : undefined, autocomplete: "off" });
    }
    control.setAttribute("data-field", name);
    control.setAttribute("name", path);
    control.setAttribute("aria-describedby", described);
    if (s.maxLength) control.setAttribute("data-max", s.maxLength);
    wrap.appendChild(control);
    wrap.appendChild(error);
    return wrap;
  }

  function addRow(rows, name, s, path) {
    var row = el("fieldset", { "class": "bidra-row" });
    rows.appendChild(row);
    renumber(rows, name, s, path);
    return row;
  }

  // Rows are rebuilt from their values whenever one is added or removed, so
  // that every control's path (partners.0.name …) stays in step with its place.
  function renumber(rows, name, s, path) {
    var kept = Array.prototype.map.call(rows.children, readRow);
    rows.innerHTML = "";
    kept.forEach(function (values, i) {
      var row = el("fieldset", { "class": "bidra-row", "data-path": path + "." + i });
      row.appendChild(el("legend", {}, (ROW_LABEL[name] || "Rad") + " " + (i + 1)));
      var req = s.items.required || [];
      Object.keys(s.items.properties).forEach(function (sub) {
        row.appendChild(field(sub, s.items.properties[sub], req.indexOf(sub) >= 0, cell(path, i, sub)));
      });
      if (kept.length > 1) {
        var remove = el("button", { type: "button", "class": "md-button bidra-remove" }, "Ta bort " + (ROW_LABEL[name] || "rad").toLowerCase() + " " + (i + 1));
        remove.addEventListener("click", function () {
          rows.removeChild(row);
          renumber(rows, name, s, path);
          onInput({ target: rows });
        });
        row.appendChild(remove);
      }
      rows.appendChild(row);
      Object.keys(values).forEach(function (sub) {
        var control = row.querySelector('[name="' + cell(path, i, sub) + '"]');
        if (!control) return;
        if (control.type === "radio" || control.type === "checkbox") {
          row.querySelectorAll('[name="' + cell(path, i, sub) + '"]').forEach(function (c) {
            c.checked = values[sub].indexOf(c.value) >= 0;
          });
        } else control.value = values[sub][0] || "";
      });
    });
  }

  function readRow(row) {
    var values = {};
    row.querySelectorAll("[data-field]").forEach(function (c) {
      var key = c.getAttribute("data-field");
      values[key] = values[key] || [];
      if (c.type === "radio" || c.type === "checkbox") { if (c.checked) values[key].push(c.value); }
      else values[key].push(c.value);
    });
    return values;
  }

  // ----------------------------------------------------------- form → data

  function collect() {
    var data = {};
    var required = schema.required || [];
    Object.keys(schema.properties).forEach(function (name) {
      var value = read(name, schema.properties[name], required.indexOf(name) >= 0, name);
      if (value !== undefined) data[name] = value;
    });
    return data;
  }

  function read(name, s, isRequired, path) {
    var type = baseType(s);
    var scope = scopeOf(path);
    if (!scope) return undefined;
    if (type === "array" && s.items.enum) {
      var picked = Array.prototype.filter.call(scope.querySelectorAll('input[name="' + path + '"]'),
        function (c) { return c.checked; }).map(function (c) { return c.value; });
      return picked.length || isRequired ? picked : undefined;
    }
    if (type === "string" && s.enum) {
      var checked = scope.querySelector('input[name="' + path + '"]:checked');
      return checked ? checked.value : undefined;
    }
    if (type === "array") {
      var rows = scope.querySelectorAll(":scope > .bidra-rows > .bidra-rowlist > .bidra-row");
      var items = [];
      Array.prototype.forEach.call(rows, function (row, i) {
        var item = {};
        var req = s.items.required || [];
        Object.keys(s.items.properties).forEach(function (sub) {
          var v = read(sub, s.items.properties[sub], req.indexOf(sub) >= 0, cell(path, i, sub));
          if (v !== undefined) item[sub] = v;
        });
        if (Object.keys(item).length || (i === 0 && isRequired)) items.push(item);
      });
      return items.length || isRequired ? items : undefined;
    }
    var control = scope.querySelector('[name="' + path + '"]');
    var raw = control.value.replace(/\r\n?/g, "\n");
    if (control.tagName === "TEXTAREA") {
      // Trailing spaces at line ends are invisible and trip yamllint; drop them.
      raw = raw.split("\n").map(function (line) { return line.replace(/[ \t]+$/, ""); }).join("\n")
        .replace(/\n{3,}/g, "\n\n"); // Markdown reads more blank lines as one; yamllint would not
    }
    raw = raw.trim();
    if (raw === "") return undefined;
    if (type === "integer") return /^-?\d+$/.test(raw) ? parseInt(raw, 10) : raw;
    return raw;
  }

  // ------------------------------------------------------------- validator

  // The subset of JSON Schema draft-07 that spets/schema.py writes.
  function validate(s, value, path, errors) {
    var types = [].concat(s.type || []);
    if (types.length && !types.some(function (t) { return isType(value, t); })) {
      errors.push({ path: path, kw: "type", s: s, value: value });
      return;
    }
    if (value === null) return;
    if (s.enum && s.enum.indexOf(value) < 0) errors.push({ path: path, kw: "enum", s: s, value: value });
    if (typeof value === "string") {
      var length = Array.from(value).length; // code points, as JSON Schema and Python count
      if (s.minLength !== undefined && length < s.minLength) errors.push({ path: path, kw: "minLength", s: s });
      else if (s.pattern && !new RegExp(s.pattern, "u").test(value)) errors.push({ path: path, kw: "pattern", s: s });
      else if (s.format === "date" && !validDate(value)) errors.push({ path: path, kw: "format", s: s });
      if (s.maxLength !== undefined && length > s.maxLength) errors.push({ path: path, kw: "maxLength", s: s, n: length });
    }
    if (typeof value === "number") {
      if ((s.minimum !== undefined && value < s.minimum) || (s.maximum !== undefined && value > s.maximum)) {
        errors.push({ path: path, kw: "range", s: s, value: value });
      }
    }
    if (Array.isArray(value)) {
      if (s.minItems !== undefined && value.length < s.minItems) errors.push({ path: path, kw: "minItems", s: s });
      if (s.maxItems !== undefined && value.length > s.maxItems) errors.push({ path: path, kw: "maxItems", s: s });
      if (s.uniqueItems && new Set(value.map(function (v) { return JSON.stringify(v); })).size !== value.length) {
        errors.push({ path: path, kw: "uniqueItems", s: s });
      }
      if (s.items) value.forEach(function (v, i) { validate(s.items, v, path + "." + i, errors); });
    } else if (value !== null && typeof value === "object") {
      var props = s.properties || {};
      (s.required || []).forEach(function (name) {
        if (!(name in value)) errors.push({ path: join(path, name), kw: "required", s: props[name] || {} });
      });
      Object.keys(value).forEach(function (name) {
        if (props[name]) validate(props[name], value[name], join(path, name), errors);
        else if (s.additionalProperties === false) errors.push({ path: path, kw: "additional", s: s, value: name });
      });
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

  function validDate(text) {
    var d = new Date(text + "T00:00:00Z");
    return !isNaN(d) && d.toISOString().slice(0, 10) === text;
  }

  // Everything `spets check` would say: the schema, then the rest.
  function problems(data) {
    var errors = validate(schema, data, "", []);
    extraChecks(data, errors);
    return errors;
  }

  // What `spets check` says beyond the schema.
  function extraChecks(data, errors) {
    if (typeof data.started === "number" && typeof data.ended === "number" && data.ended < data.started) {
      errors.push({ path: "ended", text: "Slutåret " + data.ended + " ligger före startåret " + data.started + "." });
    }
    var today = utcToday();
    ["published", "last_reviewed"].forEach(function (name) {
      if (typeof data[name] === "string" && validDate(data[name]) && data[name] > today) {
        errors.push({ path: name, text: "Datumet " + data[name] + " ligger i framtiden." });
      }
    });
  }

  function message(e) {
    if (e.text) return e.text;
    var s = e.s || {};
    var type = baseType(s);
    var year = type === "integer" && s.minimum >= 1000;
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

  // ------------------------------------------------------------ showing it

  function showErrors(errors, focus) {
    root.querySelectorAll(".bidra-error").forEach(function (p) { p.hidden = true; p.textContent = ""; });
    root.querySelectorAll("[aria-invalid]").forEach(function (c) { c.removeAttribute("aria-invalid"); });
    root.querySelectorAll(".bidra-field--fel").forEach(function (f) { f.classList.remove("bidra-field--fel"); });
    var summary = document.getElementById("bidra-summary");
    summary.innerHTML = "";
    var shown = [];
    errors.forEach(function (e) {
      var path = e.path;
      var scope = scopeOf(path);
      while (!scope && path.indexOf(".") >= 0) {
        path = path.slice(0, path.lastIndexOf("."));
        scope = scopeOf(path);
      }
      if (!scope || !scope.classList.contains("bidra-field")) scope = scope && scope.closest(".bidra-field");
      if (!scope) scope = root.querySelector(".bidra-field");
      var p = Array.prototype.filter.call(scope.querySelectorAll(".bidra-error"),
        function (n) { return n.closest(".bidra-field") === scope; })[0];
      if (!p || !p.hidden) return; // one message per field: the first
      p.textContent = message(e);
      p.hidden = false;
      scope.classList.add("bidra-field--fel");
      scope.querySelectorAll("input, textarea").forEach(function (c) {
        if (c.closest(".bidra-field") === scope) c.setAttribute("aria-invalid", "true");
      });
      shown.push({ scope: scope, text: p.textContent });
    });
    if (!shown.length) { summary.hidden = true; return; }
    shown.sort(function (a, b) {  // in the order of the form, not of the schema
      return a.scope.compareDocumentPosition(b.scope) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    summary.appendChild(el("p", {}, shown.length === 1 ? "Ett fält behöver rättas:" :
      shown.length + " fält behöver rättas:"));
    var list = el("ul");
    shown.forEach(function (item) {
      var li = el("li");
      var target = item.scope.querySelector("input, textarea, fieldset");
      var a = el("a", { href: "#" + (target ? target.id : "") }, label(item.scope) + ": " + item.text);
      li.appendChild(a);
      list.appendChild(li);
    });
    summary.appendChild(list);
    summary.hidden = false;
    if (focus) summary.focus();
  }

  function label(scope) {
    var node = scope.querySelector("label, legend");
    var row = scope.closest(".bidra-row");
    var text = node ? node.textContent.replace(/ \*$| \(valfritt\)$/, "") : "";
    return row ? row.querySelector("legend").textContent + ", " + text.toLowerCase() : text;
  }

  function produce(focus) {
    var data = collect();
    var errors = problems(data);
    showErrors(errors, focus);
    if (errors.length) {
      hideResult();
      return;
    }
    showResult(data, focus);
  }

  function resultSection() {
    var box = el("section", { "class": "bidra-result", id: "bidra-resultat", hidden: "hidden", tabindex: "-1" });
    box.appendChild(el("h2", { id: "bidra-filnamn" }, "Din fil"));
    box.appendChild(el("p", {}, "Filen är klar och har klarat samma kontroll som görs när du skickar in den. " +
      "Välj ett sätt att skicka in den:"));
    var buttons = el("div", { "class": "bidra-buttons" });
    buttons.appendChild(el("a", { "class": "md-button md-button--primary", id: "bidra-github", target: "_blank",
      rel: "noopener" }, "Öppna GitHub och skapa filen"));
    var download = el("button", { type: "button", "class": "md-button", id: "bidra-ladda-ner" }, "Ladda ner filen");
    var copy = el("button", { type: "button", "class": "md-button", id: "bidra-kopiera" }, "Kopiera texten");
    buttons.appendChild(download);
    buttons.appendChild(copy);
    box.appendChild(buttons);
    box.appendChild(el("p", { "class": "bidra-status", id: "bidra-status", role: "status" }));
    box.appendChild(el("label", { "for": "bidra-yaml" }, "Filens innehåll (YAML)"));
    box.appendChild(el("textarea", { id: "bidra-yaml", readonly: "readonly", rows: "16", spellcheck: "false" }));
    download.addEventListener("click", function () {
      var text = document.getElementById("bidra-yaml").value;
      var a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "text/yaml;charset=utf-8" })),
        download: box.getAttribute("data-file") });
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 0);
      status("Filen " + box.getAttribute("data-file") + " har laddats ner.");
    });
    copy.addEventListener("click", function () {
      var area = document.getElementById("bidra-yaml");
      var done = function () { status("Texten är kopierad. Klistra in den i en ny fil på GitHub."); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(done, function () { fallbackCopy(area, done); });
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

  function hideResult() {
    var box = document.getElementById("bidra-resultat");
    if (box) box.hidden = true;
  }

  function showResult(data, focus) {
    var file = data.id + ".yml";
    var text = toYaml(data);
    var box = document.getElementById("bidra-resultat");
    box.setAttribute("data-file", file);
    document.getElementById("bidra-filnamn").textContent = "Din fil: " + FOLDER + "/" + file;
    document.getElementById("bidra-yaml").value = text;
    var link = document.getElementById("bidra-github");
    var repo = (root.getAttribute("data-repo") || "").replace(/\/+$/, "");
    var url = repo + "/new/main/" + FOLDER + "?filename=" + encodeURIComponent(file) +
      "&value=" + encodeURIComponent(text);
    status("");
    if (url.length > MAX_URL) {
      link.hidden = true;
      status("Texten är för lång för att skickas med en länk. Ladda ner filen och ladda upp den på GitHub: " +
        repo + "/upload/main/" + FOLDER);
    } else {
      link.hidden = false;
      link.href = url;
    }
    box.hidden = false;
    if (focus) box.focus();
  }

  // ------------------------------------------------------------ data → YAML

  var PLAIN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
  var RESERVED = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"];
  var NOT_IN_LITERAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;

  function toYaml(data) {
    var lines = ["# yaml-language-server: $schema=../schema/case_study.schema.json"];
    Object.keys(schema.properties).forEach(function (key) {
      if (data[key] === undefined) return;
      lines.push("");
      emit(lines, key, data[key], "", schema.properties[key]);
    });
    return lines.join("\n") + "\n";
  }

  function emit(lines, key, value, indent, s) {
    if (Array.isArray(value)) {
      lines.push(indent + key + ":");
      value.forEach(function (item) {
        if (item !== null && typeof item === "object") {
          var first = true;
          Object.keys(item).forEach(function (sub) {
            var sub_s = (s.items.properties || {})[sub] || {};
            var before = lines.length;
            emit(lines, sub, item[sub], indent + "    ", sub_s);
            if (first) lines[before] = indent + "  - " + lines[before].slice(indent.length + 4);
            first = false;
          });
        } else {
          lines.push(indent + "  - " + scalar(item, s.items || {}));
        }
      });
      return;
    }
    if (typeof value === "string" && value.indexOf("\n") >= 0 && value === value.trim() &&
        !NOT_IN_LITERAL.test(value)) {
      // A block literal: every line indented, so nothing in it is read as YAML.
      // Only for text that starts with a visible character (YAML takes the
      // indentation from the first line) and ends with one (the last line
      // break is the only one kept); anything else is written double-quoted.
      lines.push(indent + key + ": |");
      value.split("\n").forEach(function (line) {
        lines.push(line === "" ? "" : indent + "  " + line);
      });
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
    return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }
})();

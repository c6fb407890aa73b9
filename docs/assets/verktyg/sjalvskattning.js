// The self-assessment on a tool's page (spets/templates/_tool.j2): each
// party chooses a level per area; the page draws both sides and the gap
// (an SVG chart and a table with the same figures), suggests the methods
// of the weakest areas, prints the result and saves it as a JSON file that
// can be opened again. Everything stays in the browser: no request, no storage.
// Without JavaScript the form stays hidden and the tables to fill in by hand remain.

const SIDES = ["larosatet", "partnern"];
const FILE_VERSION = 1;
const SVG_NS = "http://www.w3.org/2000/svg";

// What the script says, in the page's language (the English edition's pages are lang="en").
const WORDS = {
  sv: {
    locale: "sv-SE", sides: { larosatet: "Lärosätet", partnern: "Partnern" }, and: " och ",
    lowest: (sides) => `lägst nivå, ${sides}`, widest: (gap) => `störst skillnad, ${gap} steg`,
    chart: "Diagram: lärosätets och partnerns nivå i varje område. Samma siffror står i tabellen under diagrammet.",
    gap: (gap) => `Skillnad ${gap}`, none: "inte valt",
    keyLarosatet: " Lärosätet (hel stapel)", keyPartnern: " Partnern (randig stapel)", scale: (s) => `Skalan: ${s}.`,
    choose: "Välj en nivå för minst ett område, så föreslås metoder för de svagaste områdena.",
    allTop: "Alla områden är på den högsta nivån och parterna är överens.",
    weakest: "De områden som har lägst nivå eller där parterna skiljer sig mest åt, och metoder som hjälper där:",
    saved: (name) => `Sparade filen ${name}. Öppna den här igen med ”Öppna en sparad fil”.`,
    notJson: (name) => `${name} är inte en fil som den här sidan har sparat (den är inte JSON).`,
    notOurs: (name) => `${name} är inte en sparad självskattning från det här verktyget.`,
    noArea: (area) => `Området ${area} i filen finns inte i självskattningen.`,
    noValue: (v, area) => `Värdet ${v} för ${area} i filen går inte att välja.`,
    cleared: "Formuläret är tömt.", opened: (name, n) => `Öppnade ${name}: ${n} områden.`,
  },
  en: {
    locale: "en-GB", sides: { larosatet: "Institution", partnern: "Partner" }, and: " and ",
    lowest: (sides) => `lowest level, ${sides}`, widest: (gap) => `widest gap, ${gap} steps`,
    chart: "Chart: the institution's and the partner's level in each area. The same figures are in the table below the chart.",
    gap: (gap) => `Gap ${gap}`, none: "not chosen",
    keyLarosatet: " Institution (solid bar)", keyPartnern: " Partner (striped bar)", scale: (s) => `Scale: ${s}.`,
    choose: "Choose a level for at least one area, and methods for the weakest areas are suggested.",
    allTop: "All areas are at the highest level and the parties agree.",
    weakest: "The areas with the lowest level or where the parties differ most, and methods that help there:",
    saved: (name) => `Saved the file ${name}. Open it here again with “Open a saved file”.`,
    notJson: (name) => `${name} is not a file this page has saved (it is not JSON).`,
    notOurs: (name) => `${name} is not a saved self-assessment from this tool.`,
    noArea: (area) => `The area ${area} in the file is not in the self-assessment.`,
    noValue: (v, area) => `The value ${v} for ${area} in the file cannot be chosen.`,
    cleared: "The form is cleared.", opened: (name, n) => `Opened ${name}: ${n} areas.`,
  },
};
const say = WORDS[document.documentElement.lang === "en" ? "en" : "sv"];
const SIDE_NAMES = say.sides;

const number = (v) => v.toLocaleString(say.locale, { maximumFractionDigits: 2 });

/** The answers in the form: one record per area. */
function read(areas) {
  return areas.map((a) => {
    const value = (side) => (a.selects[side].value === "" ? null : Number(a.selects[side].value));
    const larosatet = value("larosatet"), partnern = value("partnern");
    const both = larosatet !== null && partnern !== null;
    const given = [larosatet, partnern].filter((v) => v !== null);
    return {
      name: a.name, larosatet, partnern, mal: value("mal"),
      level: given.length ? given.reduce((s, v) => s + v, 0) / given.length : null,
      gap: both ? Math.abs(larosatet - partnern) : null,
    };
  });
}

/** The weakest areas: those at the lowest level (below the top of the scale),
 * and those where the parties differ most (if they differ at all). */
export function weakest(rows, top) {
  const rated = rows.filter((r) => r.level !== null);
  if (!rated.length) return [];
  const low = Math.min(...rated.map((r) => r.level));
  const gaps = rows.filter((r) => r.gap !== null);
  const wide = gaps.length ? Math.max(...gaps.map((r) => r.gap)) : 0;
  return rows.flatMap((r, i) => {
    const reasons = [];
    if (r.level !== null && r.level === low && low < top) {
      const sides = SIDES.filter((s) => r[s] !== null).map((s) => `${SIDE_NAMES[s].toLowerCase()} ${number(r[s])}`);
      reasons.push(say.lowest(sides.join(say.and)));
    }
    if (r.gap !== null && wide > 0 && r.gap === wide) reasons.push(say.widest(number(r.gap)));
    return reasons.length ? [{ index: i, name: r.name, reasons }] : [];
  });
}

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** Both sides as bars per area, drawn at the width of its box so that its
 * text is the page's size; a hatched bar for the partner, and every bar
 * with its side and value in words, so colour carries nothing alone. */
function chart(rows, levels, width) {
  const top = levels.length;
  const labelW = 78, valueW = 64, pad = 4;
  const barH = 14, lineH = 20;
  const x0 = labelW + pad, scale = Math.max(60, width - x0 - valueW) / top;
  const rowH = lineH + 2 * (barH + 6) + 12;
  const axisH = 18;
  const height = axisH + rows.length * rowH;
  const svg = el("svg:svg", {
    viewBox: `0 0 ${width} ${height}`, width, height, role: "img", class: "spets-assess__svg-img",
    "aria-label": say.chart,
  });
  const defs = el("svg:defs", {}, el("svg:pattern", { id: "spets-assess-hatch", width: 6, height: 6,
    patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
  el("svg:rect", { width: 6, height: 6, class: "spets-assess__hatch-bg" }),
  el("svg:line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "spets-assess__hatch-line" })));
  svg.append(defs);
  for (let k = 0; k <= top; k++) {  // the scale: a line and a number per level
    const x = x0 + k * scale;
    svg.append(el("svg:line", { x1: x, y1: axisH - 4, x2: x, y2: height, class: "spets-assess__grid" }));
    if (k) svg.append(el("svg:text", { x, y: axisH - 6, "text-anchor": "middle", class: "spets-assess__axis" }, String(k)));
  }
  rows.forEach((r, i) => {
    const y = axisH + i * rowH;
    const g = el("svg:g", { class: "spets-assess__row", "data-area": i });
    g.append(el("svg:text", { x: 0, y: y + 15, class: "spets-assess__area-name" }, r.name));
    const gapText = r.gap === null ? "" : say.gap(number(r.gap));
    g.append(el("svg:text", { x: width, y: y + 15, "text-anchor": "end", class: "spets-assess__gap", "data-gap": r.gap ?? "" }, gapText));
    SIDES.forEach((side, s) => {
      const by = y + lineH + s * (barH + 6);
      const v = r[side];
      g.append(el("svg:text", { x: 0, y: by + barH - 2, class: "spets-assess__side" }, SIDE_NAMES[side]));
      if (v !== null) {
        g.append(el("svg:rect", { x: x0, y: by, width: v * scale, height: barH, "data-side": side, "data-value": v,
          class: `spets-assess__bar spets-assess__bar--${side}` }));
      }
      g.append(el("svg:text", { x: x0 + (v ?? 0) * scale + 6, y: by + barH - 2, class: "spets-assess__value" },
        v === null ? say.none : number(v)));
    });
    svg.append(g);
  });
  return svg;
}

/** An area's name that would run into its gap is shortened with "…" (the
 * table under the chart has it whole). Measured once the chart is on the page. */
function fitNames(box, width) {
  for (const g of box.querySelectorAll(".spets-assess__row")) {
    const name = g.querySelector(".spets-assess__area-name"), gap = g.querySelector(".spets-assess__gap");
    const room = width - (gap.textContent ? gap.getComputedTextLength() + 12 : 0);
    const full = name.textContent;
    let keep = full.length;
    while (keep > 1 && name.getComputedTextLength() > room) name.textContent = full.slice(0, --keep).trimEnd() + "…";
  }
}

function legend(levels) {
  const swatch = (side) => el("svg:svg", { width: 28, height: 14, "aria-hidden": "true", class: "spets-assess__swatch" },
    el("svg:rect", { x: 0, y: 0, width: 28, height: 14, class: `spets-assess__bar spets-assess__bar--${side}` }));
  const scale = levels.map((name, i) => `${i + 1} = ${name}`).join(", ");
  return [
    el("span", { class: "spets-assess__key" }, swatch("larosatet"), say.keyLarosatet),
    " ",
    el("span", { class: "spets-assess__key" }, swatch("partnern"), say.keyPartnern),
    el("br"),
    say.scale(scale),
  ];
}

function init(root) {
  const tool = root.closest(".spets-assess-tool");
  const levels = JSON.parse(root.dataset.levels);
  const top = levels.length;
  const form = root.querySelector(".spets-assess__form");
  const nameInput = root.querySelector("#spets-assess-name");
  const areas = [...root.querySelectorAll(".spets-assess__area")].map((fs) => ({
    name: fs.dataset.name,
    selects: Object.fromEntries([...fs.querySelectorAll("select")].map((s) => [s.dataset.side, s])),
    methods: [...tool.querySelectorAll(`.spets-assess-methods [data-area="${fs.dataset.area}"] a`)],
  }));
  const box = root.querySelector(".spets-assess__svg");
  const tbody = root.querySelector(".spets-assess__rows");
  const status = root.querySelector(".spets-assess__status");
  const list = root.querySelector(".spets-assess__suggestions");
  const message = root.querySelector(".spets-assess__message");
  const fileInput = root.querySelector(".spets-assess__file");
  root.querySelector(".spets-assess__legend").append(...legend(levels));

  function update() {
    const rows = read(areas);
    const filled = rows.some((r) => r.level !== null || r.mal !== null);
    tool.classList.toggle("is-filled", filled);
    const name = nameInput.value.trim();
    root.querySelector(".spets-assess__for").textContent = name ? `: ${name}` : "";
    const width = Math.max(280, Math.floor(box.clientWidth || 600));
    box.replaceChildren(chart(rows, levels, width));
    fitNames(box, width);
    const cell = (v) => el("td", {}, v === null ? "–" : number(v));
    tbody.replaceChildren(...rows.map((r) => el("tr", {}, el("td", {}, r.name), cell(r.larosatet), cell(r.partnern),
      cell(r.gap), cell(r.mal))));
    const weak = weakest(rows, top);
    list.replaceChildren(...weak.map((w) => {
      const links = areas[w.index].methods.flatMap((a, i) => [i ? ", " : "", el("a", { href: a.getAttribute("href") }, a.textContent)]);
      return el("li", { "data-area": w.index }, el("strong", {}, w.name), ` (${w.reasons.join("; ")}): `, ...links);
    }));
    if (!rows.some((r) => r.level !== null)) {
      status.textContent = say.choose;
    } else if (!weak.length) {
      status.textContent = say.allTop;
    } else {
      status.textContent = say.weakest;
    }
  }

  function save() {
    const data = {
      verktyg: root.dataset.tool, version: FILE_VERSION, partnerskap: nameInput.value.trim(),
      sparad: new Date().toISOString().slice(0, 10),
      nivaer: levels,
      omraden: read(areas).map(({ name, larosatet, partnern, mal }) => ({ namn: name, larosatet, partnern, mal })),
    };
    const blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const slug = data.partnerskap.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const a = el("a", { href: url, download: `${root.dataset.tool}${slug ? "-" + slug : ""}-${data.sparad}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    message.textContent = say.saved(a.download);
  }

  /** Fill the form from a saved file; every problem in words, nothing half-done. */
  function load(text, fileName) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error(say.notJson(fileName));
    }
    if (!data || typeof data !== "object" || data.verktyg !== root.dataset.tool || !Array.isArray(data.omraden)) {
      throw new Error(say.notOurs(fileName));
    }
    const plan = [];
    for (const item of data.omraden) {
      const area = areas.find((a) => a.name === item?.namn);
      if (!area) throw new Error(say.noArea(JSON.stringify(String(item?.namn))));
      for (const side of [...SIDES, "mal"]) {
        const v = item[side] ?? "";
        const option = [...area.selects[side].options].find((o) => o.value === String(v));
        if (!option) throw new Error(say.noValue(JSON.stringify(String(v)), area.name));
        plan.push([area.selects[side], option.value]);
      }
    }
    form.reset();
    for (const [select, value] of plan) select.value = value;
    nameInput.value = typeof data.partnerskap === "string" ? data.partnerskap.slice(0, 120) : "";
    update();
    return data.omraden.length;
  }

  root.addEventListener("change", (event) => {
    if (event.target === fileInput) return;
    update();
  });
  nameInput.addEventListener("input", update);
  root.addEventListener("click", (event) => {
    const action = event.target.closest("[data-action]")?.dataset.action;
    if (action === "print") window.print();
    else if (action === "save") save();
    else if (action === "open") fileInput.click();
    else if (action === "clear") {
      form.reset();
      update();
      message.textContent = say.cleared;
    }
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    if (!file) return;
    try {
      const n = load(await file.text(), file.name);
      message.textContent = say.opened(file.name, n);
    } catch (error) {
      message.textContent = error.message;
    }
    fileInput.value = "";
  });
  // The chart is drawn at its box's width: again when that changes.
  let width = box.clientWidth;
  new ResizeObserver(() => {
    if (box.clientWidth !== width) {
      width = box.clientWidth;
      update();
    }
  }).observe(box);

  root.hidden = false;
  tool.classList.add("is-live");
  update();
}

for (const root of document.querySelectorAll("[data-spets-assess]")) init(root);

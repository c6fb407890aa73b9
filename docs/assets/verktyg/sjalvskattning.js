// The self-assessment on a tool's page (spets/templates/_tool.j2): each
// party chooses a level per area; the page draws both sides and the gap
// (an SVG chart and a table with the same figures), suggests the methods
// of the weakest areas, prints the result and saves it as a JSON file that
// can be opened again. Everything stays in the browser: no request, no storage.
// Without JavaScript the form stays hidden and the tables to fill in by hand remain.

const SIDES = ["larosatet", "partnern"];
const SIDE_NAMES = { larosatet: "Lärosätet", partnern: "Partnern" };
const FILE_VERSION = 1;
const SVG_NS = "http://www.w3.org/2000/svg";

const number = (v) => v.toLocaleString("sv-SE", { maximumFractionDigits: 2 });

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
      reasons.push(`lägst nivå, ${sides.join(" och ")}`);
    }
    if (r.gap !== null && wide > 0 && r.gap === wide) reasons.push(`störst skillnad, ${number(r.gap)} steg`);
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
    "aria-label": "Diagram: lärosätets och partnerns nivå i varje område. Samma siffror står i tabellen under diagrammet.",
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
    const gapText = r.gap === null ? "" : `Skillnad ${number(r.gap)}`;
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
        v === null ? "inte valt" : number(v)));
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
    el("span", { class: "spets-assess__key" }, swatch("larosatet"), " Lärosätet (hel stapel)"),
    " ",
    el("span", { class: "spets-assess__key" }, swatch("partnern"), " Partnern (randig stapel)"),
    el("br"),
    `Skalan: ${scale}.`,
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
      status.textContent = "Välj en nivå för minst ett område, så föreslås metoder för de svagaste områdena.";
    } else if (!weak.length) {
      status.textContent = "Alla områden är på den högsta nivån och parterna är överens.";
    } else {
      status.textContent = "De områden som har lägst nivå eller där parterna skiljer sig mest åt, och metoder som hjälper där:";
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
    message.textContent = `Sparade filen ${a.download}. Öppna den här igen med ”Öppna en sparad fil”.`;
  }

  /** Fill the form from a saved file; every problem in words, nothing half-done. */
  function load(text, fileName) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error(`${fileName} är inte en fil som den här sidan har sparat (den är inte JSON).`);
    }
    if (!data || typeof data !== "object" || data.verktyg !== root.dataset.tool || !Array.isArray(data.omraden)) {
      throw new Error(`${fileName} är inte en sparad självskattning från det här verktyget.`);
    }
    const plan = [];
    for (const item of data.omraden) {
      const area = areas.find((a) => a.name === item?.namn);
      if (!area) throw new Error(`Området ${JSON.stringify(String(item?.namn))} i filen finns inte i självskattningen.`);
      for (const side of [...SIDES, "mal"]) {
        const v = item[side] ?? "";
        const option = [...area.selects[side].options].find((o) => o.value === String(v));
        if (!option) throw new Error(`Värdet ${JSON.stringify(String(v))} för ${area.name} i filen går inte att välja.`);
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
      message.textContent = "Formuläret är tömt.";
    }
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    if (!file) return;
    try {
      const n = load(await file.text(), file.name);
      message.textContent = `Öppnade ${file.name}: ${n} områden.`;
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

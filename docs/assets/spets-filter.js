// Search and filters for SPETS kunskapsbank.
//
// Works on the forms that spets/templates/filter_form.html.j2 writes, as
// they are: the form, its counts and the status line are in the page as
// built, and the form's own small script has already done what the address
// says before the page was first drawn (the filters folded on a phone, a
// listing's filtered-out cards hidden), so nothing here moves the page.
//   data-spets-filter="search"  the search page: the index answers (spets-search.js);
//   data-spets-filter="cards"   a listing page: the cards on the page are filtered.
// The form's state is the URL (?q=avtal&amne=forankring&fas=…), so a filtered
// view can be shared and bookmarked, and the back button steps through it.
// Every filter narrows: values of one facet combine with AND, like the rest.
(function () {
  "use strict";

  // What the script says, in the page's language (the template's own words
  // are in spets/english.py).
  const WORDS = {
    sv: {
      hits: (n) => (n === 1 ? "1 träff" : n + " träffar"),
      none: "Inga träffar",
      empty: "Skriv ett sökord eller välj ett filter.",
      describe: (q, chosen) => (q ? ` för ”${q}”` : "") +
        (chosen.length ? ` med ${chosen.length === 1 ? "filtret" : "filtren"} ${chosen.join(", ")}` : ""),
      some: (n, matched, words) => `${WORDS.sv.hits(n)} med minst ${matched} av ${words} sökord`,
      left: (small) => ` (utan småorden ${small.join(", ")})`,
      respelled: (spelled) => ` Visar träffar för ${spelled.join(", ")}.`,
      page: "Sida",
      more: (name) => "Läs mer om " + name + " →",
      notLoaded: "Sökningen kunde inte laddas. Försök igen om en stund, eller bläddra i listorna.",
      noIndex: "Sökningen kunde inte hämta sitt index. Ladda om sidan och försök igen.",
      filterPrefix: /^Filtrera /,
      all: (n, noun) => `Visar alla ${n} ${noun}.`,
      shown: (visible, n, noun) => `Visar ${visible} av ${n} ${noun}`,
    },
    en: {
      hits: (n) => (n === 1 ? "1 result" : n + " results"),
      none: "No results",
      empty: "Type a search word or choose a filter.",
      describe: (q, chosen) => (q ? ` for “${q}”` : "") +
        (chosen.length ? ` with the ${chosen.length === 1 ? "filter" : "filters"} ${chosen.join(", ")}` : ""),
      some: (n, matched, words) => `${WORDS.en.hits(n)} with at least ${matched} of ${words} search words`,
      left: (small) => ` (without the small words ${small.join(", ")})`,
      respelled: (spelled) => ` Showing results for ${spelled.join(", ")}.`,
      page: "Page",
      more: (name) => "Read more about " + name + " →",
      notLoaded: "The search could not be loaded. Try again in a while, or browse the lists.",
      noIndex: "The search could not fetch its index. Reload the page and try again.",
      filterPrefix: /^Filter /,
      all: (n, noun) => `Showing all ${n} ${noun}.`,
      shown: (visible, n, noun) => `Showing ${visible} of ${n} ${noun}`,
    },
  };

  const form = document.querySelector("form[data-spets-filter]");
  if (!form) return;
  const status = document.querySelector(".spets-status");
  const root = new URL(form.dataset.root, location.href); // the site's root
  // The page's language: the English edition's pages say everything in English.
  const lang = document.documentElement.lang === "en" ? "en" : "sv";
  const say = WORDS[lang];

  // ------------------------------------------------------------ state

  function readState() {
    const data = new FormData(form);
    const filters = {};
    for (const [key, value] of data) {
      if (key !== "q" && value) (filters[key] = filters[key] || []).push(String(value));
    }
    return { q: String(data.get("q") || "").trim(), filters };
  }

  function stateFromUrl() {
    const params = new URLSearchParams(location.search);
    form.elements.q.value = params.get("q") || "";
    for (const input of form.querySelectorAll("input[type=checkbox], input[type=radio]")) {
      const wanted = params.getAll(input.name);
      input.checked = input.value ? wanted.includes(input.value) : wanted.length === 0;
    }
  }

  function stateToUrl(push) {
    const { q, filters } = readState();
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    for (const [key, values] of Object.entries(filters)) {
      for (const value of values) params.append(key, value);
    }
    const query = params.toString();
    const url = location.pathname + (query ? "?" + query : "");
    if (url !== location.pathname + location.search) {
      history[push ? "pushState" : "replaceState"](null, "", url);
    }
  }

  // ----------------------------------------------------------- counts

  // counts: {facet: {value: n}}; a value nobody has is dimmed, not hidden,
  // so the form does not jump around while one types.
  function showCounts(counts) {
    for (const span of form.querySelectorAll("[data-count]")) {
      const [facet, value] = span.dataset.count.split(":");
      const n = (counts[facet] && counts[facet][value]) || 0;
      span.textContent = "(" + n + ")";
      span.parentElement.classList.toggle("spets-zero", n === 0 && !span.parentElement.querySelector("input").checked);
    }
  }

  // The visible name of a filter value: its label without the count.
  function valueName(input) {
    return input.parentElement.textContent.replace(/\(\d+\)\s*$/, "").trim();
  }

  function describe(q, filters) {
    const chosen = [];
    for (const [key, values] of Object.entries(filters)) {
      for (const value of values) {
        const input = form.querySelector(`input[name="${CSS.escape(key)}"][value="${CSS.escape(value)}"]`);
        chosen.push(input ? valueName(input) : value);
      }
    }
    return say.describe(q, chosen);
  }

  // ------------------------------------------------------------ search

  // The excerpt is text with the hits marked, built as DOM nodes: nothing in
  // an indexed page can become markup here.
  function excerpt(parts) {
    const out = document.createElement("p");
    out.className = "spets-result__excerpt";
    for (const [text, isHit] of parts) {
      out.append(isHit ? Object.assign(document.createElement("mark"), { textContent: text }) : text);
    }
    return out;
  }

  function resultItem(page, parts) {
    const li = document.createElement("li");
    li.className = "spets-result";
    const kind = document.createElement("p");
    kind.className = "spets-result__kind";
    kind.textContent = page.kind || say.page;
    const title = document.createElement("a");
    title.className = "spets-result__title";
    title.href = new URL(page.url, root).href;
    title.textContent = page.title || page.url;
    // A heading, so that a screen reader can jump from result to result.
    const heading = document.createElement("h2");
    heading.className = "spets-result__heading";
    heading.append(title);
    li.append(kind, heading, excerpt(parts));
    return li;
  }

  async function setupSearch() {
    const list = document.querySelector(".spets-results");
    const more = document.querySelector(".spets-more");
    const about = document.querySelector(".spets-about");
    const PAGE = 10;
    let index;
    try {
      const engine = await import(new URL("assets/spets-search.js", root).href);
      index = await engine.open(root, form.dataset.index);
    } catch (error) {
      console.error(error);
      status.textContent = say.notLoaded;
      return;
    }

    // The newest search: its text, all its pages, how many of them are on
    // the page. Only the newest search may write to the page.
    let current = { q: "", pages: [], shown: 0 };

    // The next PAGE results of one search. `fresh` replaces the list only
    // once they are ready, so it never flashes empty while one types.
    async function showMore(search, fresh) {
      const next = search.pages.slice(search.shown, search.shown + PAGE);
      search.shown += next.length; // taken now: a second click gets the page after
      more.disabled = true;
      const parts = await Promise.all(next.map((n) => index.excerpt(n, search.q)));
      if (search !== current) return; // a newer search has changed the list meanwhile
      if (fresh) list.replaceChildren();
      next.forEach((n, i) => list.append(resultItem(index.page(n), parts[i])));
      more.disabled = false;
      more.hidden = search.shown >= search.pages.length;
    }

    // "About" points to the page of the one value chosen, e.g. the topic's page.
    function showAbout(q, filters) {
      const keys = Object.keys(filters);
      const one = !q && keys.length === 1 && filters[keys[0]].length === 1;
      const input = one && form.querySelector(`input[name="${CSS.escape(keys[0])}"][value="${CSS.escape(filters[keys[0]][0])}"]`);
      about.hidden = !input || !input.dataset.url;
      if (!about.hidden) {
        about.replaceChildren(Object.assign(document.createElement("a"), {
          href: new URL(input.dataset.url, root).href,
          textContent: say.more(valueName(input)),
        }));
      }
    }

    async function run() {
      const { q, filters } = readState();
      const search = (current = { q, pages: [], shown: 0 });
      showAbout(q, filters);
      let found;
      try {
        found = await index.search(q, filters);
      } catch (error) {
        // E.g. offline, or the site was published anew and this page's index is gone.
        console.warn(error);
        if (search === current) status.textContent = say.noIndex;
        return;
      }
      if (search !== current) return;
      showCounts(found.counts);
      if (!found.words && Object.keys(filters).length === 0) {
        list.replaceChildren();
        more.hidden = true;
        status.textContent = q ? `${say.none}${describe(q, filters)}.` : say.empty;
        return;
      }
      search.pages = found.pages;
      // Words found only with å, ä or ö put back: the excerpts mark those.
      const respelled = Object.entries(found.respelled || {});
      for (const [typed, spelled] of respelled) search.q = search.q.replace(typed, spelled);
      await showMore(search, true);
      if (search !== current) return;
      // A question typed as a sentence: say which words did not count.
      const n = found.pages.length;
      const some = found.matched < found.words && n ? say.some(n, found.matched, found.words) : "";
      const left = found.left.length ? say.left(found.left) : "";
      const also = respelled.length ? say.respelled(respelled.map(([, w]) => w)) : "";
      status.textContent = (some || (n ? say.hits(n) : say.none)) + describe(q, filters) + left + "." + also;
    }

    more.addEventListener("click", async () => {
      const first = list.children.length;
      await showMore(current);
      const link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus(); // keyboard users continue where the new results start
    });
    // Typing faster than the index answers must not queue a search per key:
    // while one runs, remember only that the field changed, then search once
    // more for whatever it says by then.
    let running = false;
    let again = false;
    async function latest() {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          await run();
        } while (again);
      } finally {
        running = false;
      }
    }
    form.elements.q.addEventListener("input", () => {
      stateToUrl(false);
      latest();
    });
    return latest;
  }

  // ------------------------------------------------------ listing cards

  function normalise(text) {
    return text.toLocaleLowerCase(lang).replace(/\s+/g, " ");
  }

  function setupCards() {
    const cards = Array.from(document.querySelectorAll(".spets-cards .spets-card"));
    const texts = cards.map((card) => normalise(card.textContent));
    const noun = form.getAttribute("aria-label").replace(say.filterPrefix, "");
    const keys = Array.from(form.querySelectorAll("fieldset[data-facet]"), (fieldset) => fieldset.dataset.facet);
    // The form's script hid the cards the address filters out; from now on
    // run() does, the same cards, so taking its style away moves nothing.
    const first = document.getElementById("spets-filter-first");

    function run() {
      const { q, filters } = readState();
      const words = normalise(q).split(" ").filter(Boolean);
      const counts = {};
      let visible = 0;
      cards.forEach((card, i) => {
        const has = (key) => (card.dataset[key] || "").split(" ");
        const match = words.every((w) => texts[i].includes(w)) &&
          Object.entries(filters).every(([key, values]) => values.every((v) => has(key).includes(v)));
        card.hidden = !match;
        if (!match) return;
        visible += 1;
        for (const key of keys) {
          counts[key] = counts[key] || {};
          for (const value of has(key)) counts[key][value] = (counts[key][value] || 0) + 1;
        }
      });
      showCounts(counts);
      status.textContent = visible === cards.length && !words.length
        ? say.all(cards.length, noun)
        : say.shown(visible, cards.length, noun) + describe(q, filters) + ".";
      if (first) first.remove();
    }
    form.elements.q.addEventListener("input", () => {
      stateToUrl(false);
      run();
    });
    return run;
  }

  // ------------------------------------------------------------ wiring

  // The header's search sent an empty field (?q= and nothing else: its
  // icon, on a phone the only part shown): the reader asked to search, so
  // the cursor goes into the field. Every other way here (the menu, a link
  // to a filtered search, a search with words) leaves focus where the
  // browser puts it, at the top of the page, where a screen reader starts.
  function askedToSearch() {
    const params = new URLSearchParams(location.search);
    return form.dataset.spetsFilter === "search" && params.has("q") && !params.get("q").trim() &&
      Array.from(params.keys()).every((key) => key === "q");
  }

  async function start() {
    stateFromUrl();
    if (askedToSearch()) form.elements.q.focus();
    const run = form.dataset.spetsFilter === "search" ? await setupSearch() : setupCards();
    if (!run) return;
    form.addEventListener("change", (event) => {
      if (event.target.name === "q") return;
      stateToUrl(true);
      run();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      stateToUrl(true);
      run();
    });
    form.querySelector(".spets-filter__clear").addEventListener("click", () => {
      form.reset();
      for (const input of form.querySelectorAll("input[type=radio][value='']")) input.checked = true;
      form.elements.q.value = "";
      stateToUrl(true);
      run();
      form.elements.q.focus();
    });
    window.addEventListener("popstate", () => {
      stateFromUrl();
      run();
    });
    run();
  }

  start();
})();

"""Benchmark: `make bench` or `python bench/bench.py 100 1000 5000`.

For each N it writes a synthetic, valid knowledge base of N entries (half
methods, a fifth tools, the rest case studies) into a temporary folder and
measures, in the same run:

- `spets check` time (CPU seconds, user + system, as every time here);
- the full `mkdocs build` time, and per entry;
- the HTML size of the median method page (it must not grow with N);
- the build time of a bare Material site with the same pages as plain
  Markdown: each entry twice, as our site has it in Swedish and under en/
  (the synthetic entries have no English, so both show the same text), and
  each hand-written page of docs/ and docs/en/, with our theme settings,
  Markdown extensions and nav; and our build time as a ratio of it (each
  site built BUILDS times, in turn, into a RAM disk when there is one: the
  medians of the times and of the pairs' ratios);
- search (spets/search.py, written by our build): the size of the index,
  and, in headless chromium (if installed), what a reader's first search
  transfers and how long each later keystroke takes to show results, for a
  word on about a third of the pages and for one on all.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json  # JSON is YAML: generated text needs no YAML quoting
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
TAXONOMY = REPO / "tests" / "fixtures" / "kb" / "taxonomy"
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# Text with the word frequencies of real prose (Zipf: the word of rank r is
# used in proportion to 1/r), so that a search word is on some pages and not
# on all. The ranks are those measured on the real content (54 entries, 19,000
# words, at this commit): function words first, "partnerskap" 11th and on
# every page, "avtal" 53rd, "styrgrupp" 133rd (on a third of the pages),
# "förankring" 362nd. Around them, 3,000 made-up words.
DOMAIN = {"och": 1, "en": 2, "som": 3, "för": 4, "med": 5, "i": 6, "att": 7, "ett": 8,
          "det": 9, "till": 10, "partnerskap": 11, "är": 12, "om": 13, "på": 15,
          "lärosäte": 31, "samverkan": 40, "avtal": 53, "forskning": 60, "kommun": 80,
          "utbildning": 100, "styrgrupp": 133, "handlingsplan": 200, "uppföljning": 250,
          "förankring": 362, "studenter": 400, "examensarbete": 500, "koordinator": 700}
SYLLABLES = ["ka", "lo", "mi", "ne", "sa", "tu", "vi", "ber", "dag", "fel", "gran", "hus",
             "or", "rö", "sk", "ting", "und", "ö"]


def _vocabulary(size: int = 3000) -> tuple[list[str], list[float]]:
    rng = random.Random(0)
    filler = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size * 2)}
                    - set(DOMAIN))[:size]
    rng.shuffle(filler)
    words = filler[:]
    for word, rank in sorted(DOMAIN.items(), key=lambda item: item[1]):
        words.insert(rank - 1, word)
    return words, [1 / rank for rank in range(1, len(words) + 1)]


VOCABULARY, WEIGHTS = _vocabulary()
PHASES = ["identifiera", "etablera", "genomfora", "folja-upp", "fornya-avsluta"]
TOPICS = ["forankring", "avtal", "oanvant"]
LAROSATEN = ["chalmers", "kth", "liu", "lnu", "umu", "lu"]


def text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(VOCABULARY, WEIGHTS, k=words)).capitalize() + "."


def entry(kind: str, i: int, rng: random.Random, n_methods: int, n_tools: int):
    """(folder, id, file text, data) of one synthetic entry."""
    title = f"{text(rng, 4)[:-1]} {i}"
    common = {
        "summary": text(rng, 25),
        "phases": rng.sample(PHASES, 2),
        "topics": rng.sample(TOPICS, 1),
        "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }
    method = lambda: f"m-{rng.randrange(n_methods):05d}"  # noqa: E731
    if kind == "method":
        id_, folder = f"m-{i:05d}", "methods"
        body = {"description": text(rng, 120), "why": text(rng, 60),
                "steps": [text(rng, 30) for _ in range(4)],
                "effort": {"level": "medium", "time": "En halvdag"},
                "roles": ["partneransvarig"], "considerations": text(rng, 40),
                "related": sorted({method() for _ in range(2)} - {id_})}
    elif kind == "tool":
        id_, folder = f"t-{i:05d}", "tools"
        body = {"type": "checklist", "description": text(rng, 60), "how_to_use": text(rng, 40),
                "content": "\n".join(f"- {text(rng, 10)}" for _ in range(12)),
                "methods": sorted({method() for _ in range(2)})}
    else:
        id_, folder = f"c-{i:05d}", "case_studies"
        body = {"institutions": rng.sample(LAROSATEN, 1),
                "partners": [{"name": f"Partner {i}", "sector": "naringsliv"}],
                "started": rng.randint(2005, 2020), "status": "ongoing",
                "status_checked": common["published"],
                "background": text(rng, 80), "activities": text(rng, 150),
                "methods": sorted({method() for _ in range(3)}),
                "tools": [f"t-{rng.randrange(n_tools):05d}"],
                "sources": [{"title": "Källa", "url": f"https://example.org/{i}"}],
                "provenance": "compiled"}
    data = {"id": id_, "title": title, **common, **body}
    return folder, id_, json.dumps(data, ensure_ascii=False, indent=1), data


def plain_markdown(data: dict) -> str:
    parts = [f"# {data['title']}", data["summary"]]
    for key in ("description", "why", "background", "activities", "how_to_use", "content"):
        if key in data:
            parts += [f"## {key}", data[key]]
    if "steps" in data:
        parts += ["## Steg"] + [f"{n}. {s}" for n, s in enumerate(data["steps"], 1)]
    return "\n\n".join(parts) + "\n"


def write_corpus(root: Path, n: int) -> None:
    rng = random.Random(n)
    n_methods, n_tools = max(1, n // 2), max(1, n // 5)
    kinds = ["method"] * n_methods + ["tool"] * n_tools + ["case_study"] * (n - n_methods - n_tools)
    shutil.copytree(TAXONOMY, root / "ours" / "taxonomy")
    # The hand-written pages link to real entries; here they are only text.
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "ours" / "mkdocs.yml").write_text(config.replace("\n  - spets\n", "\n  - spets:\n      partial: true\n", 1),
                                              encoding="utf-8")
    shutil.copytree(REPO / "docs", root / "ours" / "docs")
    shutil.copytree(REPO / "overrides", root / "ours" / "overrides")
    bare_docs = root / "bare" / "docs"
    (bare_docs / "poster").mkdir(parents=True)
    (bare_docs / "index.md").write_text("# Start\n", encoding="utf-8")
    counters = {}
    for kind in kinds:
        i = counters[kind] = counters.get(kind, -1) + 1
        folder, id_, yaml_text, data = entry(kind, i, rng, n_methods, n_tools)
        (root / "ours" / folder).mkdir(exist_ok=True)
        (root / "ours" / folder / f"{id_}.yml").write_text(yaml_text, encoding="utf-8")
        (bare_docs / "poster" / f"{id_}.md").write_text(plain_markdown(data), encoding="utf-8")
        (bare_docs / "en" / "poster").mkdir(parents=True, exist_ok=True)
        (bare_docs / "en" / "poster" / f"{id_}.md").write_text(plain_markdown(data), encoding="utf-8")
    # The bare site gets the same treatment as ours: our theme settings,
    # Markdown extensions and nav (a page of its own for each item), entries outside it.
    ours = yaml.safe_load(config)
    theme = {k: v for k, v in ours["theme"].items() if k != "custom_dir"}
    english_pages = [p.relative_to(REPO / "docs").as_posix() for p in (REPO / "docs" / "en").rglob("*.md")]
    for path in [*_nav_pages(ours["nav"]), *english_pages]:
        (bare_docs / path).parent.mkdir(parents=True, exist_ok=True)
        (bare_docs / path).write_text(f"# {path}\n\nEn sida i menyn.\n", encoding="utf-8")
    (root / "bare" / "mkdocs.yml").write_text(json.dumps({
        "site_name": "Bare", "theme": theme, "plugins": [{"search": {"lang": "sv"}}],
        "markdown_extensions": ours["markdown_extensions"], "nav": ours["nav"],
        "not_in_nav": "/poster/\n/en/\n"}, ensure_ascii=False), encoding="utf-8")


def _nav_pages(nav) -> list[str]:
    """The page files a MkDocs nav names."""
    out = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        out += _nav_pages(value) if isinstance(value, list) else [value]
    return out


def timed(*args: str, cwd: Path) -> float:
    """The CPU seconds (user + system) the command took: unlike the time on
    the clock, it does not grow when other work shares the machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{r.stdout[-2000:]}{r.stderr[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TYPICAL, COMMON = "styrgruppens", "partnerskapet"  # on a third of the pages; on all of them

# Types a word into the search field key by key: each key sets the field,
# fires `input` and waits until the status line (written after the results)
# changes. Returns the milliseconds per key.
TYPE_WORD = """async (word) => {
  const input = document.querySelector('#s-q');
  const status = document.querySelector('.spets-status');
  input.value = '';
  const times = [];
  for (const key of word) {
    const changed = new Promise((done) => {
      const seen = new MutationObserver(() => { seen.disconnect(); done(); });
      seen.observe(status, { childList: true, characterData: true, subtree: true });
    });
    const start = performance.now();
    input.value += key;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await changed;
    await new Promise(requestAnimationFrame);
    times.push(performance.now() - start);
  }
  return times;
}"""


def search_in_browser(site: Path) -> dict:
    """In chromium: what a first search transfers (kB) and how long later keys take (ms)."""
    if not Path(CHROMIUM).exists():
        return {}
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/sok/"
    fetched: list[int] = []

    def on_response(response):
        # The search engine and its index; a server gzips them (all text).
        if "/sokindex/" in response.url or "/assets/spets-s" in response.url:
            fetched.append(len(gzip.compress(response.body())))

    def settled(page, text):
        page.wait_for_function(f"/{text}/.test(document.querySelector('.spets-status').textContent)")
        page.wait_for_load_state("networkidle")

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            # The first search, cold: everything from opening ?q=… to its results.
            page = browser.new_page()
            page.on("response", on_response)
            page.goto(f"{base}?q={TYPICAL}")
            settled(page, "träff")
            first_kb = sum(fetched) / 1024
            page.close()
            # Typing, in a fresh page: the first key loads the index, later keys are timed.
            page = browser.new_page()
            page.goto(base)
            settled(page, "Skriv")
            first_key, *typical = page.evaluate(TYPE_WORD, TYPICAL)
            common = page.evaluate(TYPE_WORD, COMMON)[1:]
            # The same on a CPU four times slower (Chrome's own throttling),
            # for readers on an old phone or laptop.
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
            slow = page.evaluate(TYPE_WORD, COMMON)[1:]
            page.close()
            browser.close()
    finally:
        server.shutdown()
    return {"first_kb": first_kb, "first_key_ms": first_key,
            "key_ms": statistics.median(typical), "key_max_ms": max(typical),
            "common_ms": statistics.median(common), "common_max_ms": max(common),
            "slow_ms": statistics.median(slow), "slow_max_ms": max(slow)}


# The built sites go to a RAM disk when there is one: on a virtual disk, the
# time to create a file swung fivefold between runs (the journal's state),
# which swamped what the builds themselves cost.
RAM_DISK = Path("/dev/shm")
BUILDS = 3  # builds of each site, in turn: ours, bare, ours, bare, …


def build(project: Path, site: Path) -> float:
    """CPU seconds of `mkdocs build` into a new `site` (the last one removed
    first: MkDocs would otherwise spend the timed run deleting it)."""
    shutil.rmtree(site, ignore_errors=True)
    return timed(str(BIN / "mkdocs"), "build", "-d", str(site), cwd=project)


def bench(n: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp, \
            tempfile.TemporaryDirectory(dir=RAM_DISK if RAM_DISK.is_dir() else None) as out:
        root = Path(tmp)
        write_corpus(root, n)
        # The median of three: one check takes about a second, and one run
        # alone moved by 15 % on a shared machine.
        check = statistics.median(timed(str(BIN / "spets"), "check", cwd=root / "ours") for _ in range(3))
        # In pairs, and the median pair's ratio: the machine's speed drifts
        # by 10-15 % within minutes, the same for both builds of a pair.
        pairs = []
        for _ in range(BUILDS):
            pairs.append([build(root / name, Path(out) / name) for name in ("ours", "bare")])
        ours, bare = (statistics.median(p[i] for p in pairs) for i in (0, 1))
        ratio = statistics.median(o / b for o, b in pairs)
        site = Path(out) / "ours"
        # The median method page: one page's size depends on how many cards
        # its random links give it, the median on what every page carries.
        page = statistics.median(p.stat().st_size for p in (site / "metoder").glob("m-*/index.html"))
        index = [p.stat().st_size for p in (site / "sokindex").rglob("*") if p.is_file()]
        search = search_in_browser(site)
    return {"n": n, "check": check, "build": ours, "per_entry_ms": 1000 * ours / n,
            "page_kb": page / 1024, "bare": bare, "ratio": ratio,
            "index_mb": sum(index) / 2**20, "index_files": len(index), **search}


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [100, 1000, 5000]
    print(f"{'N':>6} {'check s':>8} {'build s':>8} {'ms/entry':>9} {'page kB':>8} {'bare s':>7} "
          f"{'ratio':>6} {'index MB':>8} {'files':>6} {'1st kB':>7} {'1st key':>7} {'key ms':>7} {'max ms':>7} {'all ms':>7} {'max ms':>7} {'4× ms':>6} {'max ms':>7}")
    rows = []
    for n in sizes:
        r = bench(n)
        rows.append(r)
        search = (f" {r['first_kb']:>7.0f} {r['first_key_ms']:>7.0f} {r['key_ms']:>7.0f} {r['key_max_ms']:>7.0f} "
                  f"{r['common_ms']:>7.0f} {r['common_max_ms']:>7.0f} {r['slow_ms']:>6.0f} {r['slow_max_ms']:>7.0f}"
                  if "first_kb" in r else "   (no chromium: search not measured)")
        print(f"{r['n']:>6} {r['check']:>8.2f} {r['build']:>8.2f} {r['per_entry_ms']:>9.1f} "
              f"{r['page_kb']:>8.1f} {r['bare']:>7.2f} {r['ratio']:>6.2f} {r['index_mb']:>8.1f} "
              f"{r['index_files']:>6}" + search,
              flush=True)
    if len(rows) > 1:
        growth = rows[-1]["page_kb"] / rows[0]["page_kb"] - 1
        print(f"Entry page size at N={rows[-1]['n']} vs N={rows[0]['n']}: {growth:+.1%}")
    print(f"index MB / files: the search index on disk. 1st kB: what opening the search for {TYPICAL!r} "
          f"transfers of the search engine and its index, gzipped as a server would send them. 1st key: ms from the first key typed on a freshly opened search page (the index loads then) to its results. key ms / max ms: median and "
          f"slowest time from a key to its results, typing {TYPICAL!r} (on about a third of the "
          f"pages); all ms / max ms: the same for {COMMON!r}, which is on every page; 4× ms / max ms: the same again with the CPU "
          f"throttled four times (Chrome's CPU throttling).")


if __name__ == "__main__":
    main(sys.argv[1:])

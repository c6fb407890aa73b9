"""Hostile content in a real browser (Debian's chromium via Playwright): on
every page of the built fixture, no script from content runs, no element
carries an event handler or a script link, and the hostile text is shown
as the text it is."""

from __future__ import annotations

import pytest

from conftest import need_chromium

need_chromium()
pytestmark = pytest.mark.browser

# Runs before any script of the page: every way content could announce
# itself (the payloads all call alert) is recorded instead of shown.
TRAP = """
window.__ran = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__ran.push(name + ": " + args.join(" ")); };
}
"""

# What must never be found in a page, whoever put it there.
INSPECT = """() => {
  const bad = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.startsWith("on")) bad.push(el.tagName + " " + attr.name);
      if (["href", "src", "action", "formaction", "xlink:href"].includes(attr.name)
          && /^(javascript|data|vbscript):/.test(value)) bad.push(el.tagName + " " + attr.name + "=" + value);
    }
  }
  const content = document.querySelector("article.md-content__inner");
  // Our own forms (search and filters, the contribution form, the 404 page's search) are allowed.
  for (const el of content.querySelectorAll("script, iframe, img, svg, object, embed, style, form, base, meta, link"))
    // … and the pictures made from the data (spets/figures.py): an SVG of escaped names;
    // … and the filter form's own scripts, at its end and after a listing's cards (filter_form.html.j2);
    // … and the module of a tool filled in on the page, after its content or its form (_tool.j2).
    if (!el.matches("form[data-spets-filter], [data-spets-form] form, form.spets-notfound-search, figure.spets-figure > svg, " +
                    "form[data-spets-filter] > script:last-child, form[data-spets-filter] ~ .spets-cards + script, " +
                    ":is(.spets-tool-content, section.spets-assess) + script[type=module][src*='assets/verktyg/']:empty"))
      bad.push("in content: " + el.outerHTML.slice(0, 80));
  for (const el of document.querySelectorAll("script")) {
    // JSON-LD is data, not code: it may quote hostile text, but must stay one JSON value.
    if (el.type === "application/ld+json") {
      try { JSON.parse(el.textContent); } catch (e) { bad.push("JSON-LD broken: " + el.textContent.slice(0, 80)); }
    } else if (el.textContent.includes("alert(")) bad.push("script text: " + el.textContent.slice(0, 80));
  }
  if (getComputedStyle(document.body).display === "none") bad.push("body hidden");
  return {bad, ran: window.__ran, text: content.innerText, title: document.title};
}"""


@pytest.fixture(scope="module")
def visited(built_fixture, base_url, browser):
    """Every HTML page of the site, opened once: {site path: what INSPECT found}."""
    site = built_fixture / "site"
    paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    found = {}
    page = browser.new_page()
    page.add_init_script(TRAP)
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path in paths:
        page.goto(base_url + path.removesuffix("index.html"), wait_until="load")
        found[path] = {**page.evaluate(INSPECT), "dialogs": list(dialogs), "errors": list(errors)}
        dialogs.clear()
        errors.clear()
    page.close()
    return found


def test_every_page_kind_is_visited(visited):
    for path in ("index.html", "metoder/index.html", "metoder/fientlig/index.html", "verktyg/avtalslista/index.html",
                 "fallstudier/umu-partner/index.html", "roller/index.html", "roller/fientlig-roll/index.html",
                 "faser/index.html", "faser/folja-upp/index.html", "amnen/forankring/index.html",
                 "larosaten/index.html", "larosaten/fientligt/index.html", "begrepp/index.html", "404.html"):
        assert path in visited


def test_no_script_from_content_runs_on_any_page(visited):
    failures = {path: {k: v for k, v in seen.items() if k in ("bad", "ran", "dialogs", "errors") and v}
                for path, seen in visited.items()}
    assert {path: f for path, f in failures.items() if f} == {}


@pytest.mark.parametrize("path, shown", [
    ("metoder/fientlig/index.html", ["<script>alert('titel')</script> {{ 7*7 }}", "{# kommentar #}", "{{ config }}",
                                     "<div onclick=\"alert('div')\">", "<img src=x onerror=\"alert('img')\">",
                                     "<script>alert('entitet')</script>", "bild) extern",
                                     "[Gemensam styrgrupp][styrgrupp]", "<script>alert('källa')</script>"]),
    ("metoder/index.html", ["Fientlig <script>alert('titel')</script>", "<img src=x onerror=alert(1)>"]),
    ("roller/fientlig-roll/index.html", ["<img src=x onerror=alert('roll')> {{ 7*7 }}",
                                         "<script>alert('rollbeskrivning')</script>"]),
    ("roller/index.html", ["<img src=x onerror=alert('roll')> {{ 7*7 }}"]),
    ("larosaten/fientligt/index.html", ["<script>alert('lärosäte')</script> Fientliga högskolan"]),
    ("begrepp/index.html", ["<svg onload=alert('begrepp')> {% raw %}", "<iframe srcdoc="]),
    ("fallstudier/umu-partner/index.html", ["<script>alert('partner')</script> {{ 7*7 }}",
                                            "<img src=x onerror=alert('utmaning')> {% if 1 %}x{% endif %}"]),
    ("verktyg/avtalslista/index.html", ["<script>alert('verktyg')</script>", "<svg onload=alert('verktygskälla')>"]),
])
def test_hostile_text_is_shown_as_text(visited, path, shown):
    text = visited[path]["text"]
    for literal in shown:
        assert literal in text, literal
    assert "49" not in text  # {{ 7*7 }} was never evaluated


def test_hostile_title_stays_text_in_the_tab(visited):
    assert visited["metoder/fientlig/index.html"]["title"].startswith("Fientlig <script>alert('titel')</script>")

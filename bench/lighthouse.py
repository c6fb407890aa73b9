"""Lighthouse, measured: `make lighthouse` or `python bench/lighthouse.py`.

Builds the site into a temporary folder, serves it on a free local port and
runs Lighthouse 12.2.3 (npm, through npx; not a dependency of the project or
of `make test`) with its default mobile emulation on four pages: the start
page, a listing, an entry page and a search. Prints the four category scores
per page and the audits that fail, and exits with 1 when a page is under the
target (performance 95, accessibility, best practices and SEO 100).

The server answers as GitHub Pages does: text gzipped when the browser asks
for it, and `Cache-Control: max-age=600`. `--plain` serves without either
(Python's http.server as it is), to see what compression is worth: Lighthouse
simulates a slow 4G connection from the bytes transferred, so the performance
score depends on them.

Performance varies from run to run; each page is measured `--runs` times
(3 by default) and the run with the median performance score is reported.
Needs node/npx (the first run downloads Lighthouse into npm's cache) and
Chromium (Debian's `chromium`, or CHROME_PATH). With Chromium 156 the
audits that name elements from the trace (layout-shifts, the LCP element)
fail in Lighthouse 12.2.3 and show nothing; the metrics and scores are
still computed. A PerformanceObserver for "layout-shift" in a page says
which elements move.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LIGHTHOUSE = "lighthouse@12.2.3"
TARGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGES = ["", "metoder/", "metoder/partnerskapsavtal/", "sok/?q=avtal"]
# What GitHub Pages compresses (it gzips text; images and fonts go as they are).
TEXT = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv")


class Handler(http.server.SimpleHTTPRequestHandler):
    """A static server with GitHub Pages' compression and cache header."""

    production = True

    def log_message(self, *args):
        pass

    def end_headers(self):
        if self.production:
            self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        url_path = self.path.split("?")[0].split("#")[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and url_path.endswith("/"):
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.production and wants_gzip and path.is_file() and path.suffix in TEXT):
            return super().send_head()  # redirects, 404s, images: as http.server does them
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def build(dest: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    r = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(dest)],
                       cwd=REPO, capture_output=True, text=True, env=env)
    if r.returncode:
        sys.exit(f"Bygget misslyckades:\n{r.stdout}{r.stderr}")


def serve(directory: Path, production: bool):
    handler = functools.partial(type("H", (Handler,), {"production": production}), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


def chrome_path() -> str:
    found = os.environ.get("CHROME_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        sys.exit("Chromium saknas (apt-get install chromium, eller sätt CHROME_PATH).")
    return found


def lighthouse(url: str, out: Path, chrome: str) -> dict:
    npx = shutil.which("npx")
    if not npx:
        sys.exit("npx saknas: Lighthouse körs med Node.js (apt-get install npm).")
    cmd = [npx, "--yes", LIGHTHOUSE, url, "--form-factor=mobile", "--output=json",
           f"--output-path={out}", "--chrome-flags=--headless=new --no-sandbox", "--quiet"]
    r = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chrome})
    if r.returncode or not out.exists():
        sys.exit(f"Lighthouse misslyckades på {url}:\n{r.stdout}{r.stderr}")
    return json.loads(out.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, int]:
    return {k: round((report["categories"][k]["score"] or 0) * 100) for k in TARGET}


def failing(report: dict) -> list[str]:
    """The audits that cost points: in a category under its target, scored
    and under 1 (performance: under 0.9, Lighthouse's own "passed"), with
    what Lighthouse shows for them (a metric's value, the elements found)."""
    out = []
    for key, target in TARGET.items():
        cat = report["categories"][key]
        if round(cat["score"] * 100) >= target and key != "performance":
            continue
        for ref in cat["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit["score"] is None or audit["scoreDisplayMode"] in ("informative", "notApplicable", "manual"):
                continue
            limit = 0.9 if key == "performance" else 1
            if audit["score"] >= limit:
                continue
            detail = audit.get("displayValue") or ""
            items = (audit.get("details") or {}).get("items") or []
            nodes = [i["node"].get("snippet", "")[:70] for i in items if isinstance(i, dict) and "node" in i][:3]
            out.append(f"{key}: {ref['id']} ({audit['score']:.2f}) {detail} {' | '.join(nodes)}".rstrip())
    return out


def metrics(report: dict) -> str:
    a = report["audits"]
    return ", ".join(f"{name} {a[key].get('displayValue', '?')}" for name, key in
                     (("FCP", "first-contentful-paint"), ("LCP", "largest-contentful-paint"),
                      ("TBT", "total-blocking-time"), ("CLS", "cumulative-layout-shift"),
                      ("SI", "speed-index")))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="körningar per sida (medianen visas)")
    ap.add_argument("--plain", action="store_true", help="utan gzip och cachehuvud (http.server som den är)")
    ap.add_argument("--out", type=Path, help="mapp för Lighthouses JSON-rapporter")
    ap.add_argument("pages", nargs="*", default=PAGES, help="sidor, relativt webbplatsens rot")
    args = ap.parse_args(argv)
    chrome = chrome_path()
    with tempfile.TemporaryDirectory() as tmp:
        site, out = Path(tmp) / "site", args.out or Path(tmp) / "reports"
        out.mkdir(parents=True, exist_ok=True)
        build(site)
        base, server = serve(site, production=not args.plain)
        # Lighthouse's TBT (and so LCP) is the CPU time it sees, times four:
        # a busy machine scores lower. Its benchmark index and the load say how busy.
        print(f"Lighthouse {LIGHTHOUSE.split('@')[1]}, mobil, {args.runs} körning(ar) per sida, "
              f"{'utan komprimering' if args.plain else 'gzip och max-age=600 som GitHub Pages'}, "
              f"belastning {os.getloadavg()[0]:.1f} på {os.cpu_count()} kärnor")
        rows, under = [], []
        try:
            for path in args.pages:
                reports = []
                for i in range(args.runs):
                    name = (path.strip("/").replace("/", "_").replace("?", "_") or "start") + f"-{i}.json"
                    reports.append(lighthouse(base + path, out / name, chrome))
                perf = [scores(r)["performance"] for r in reports]
                median = sorted(reports, key=lambda r: scores(r)["performance"])[len(reports) // 2]
                s = scores(median)
                bench = round(median["environment"].get("benchmarkIndex", 0))
                rows.append((path or "/", s, perf, f"{metrics(median)}, benchmarkIndex {bench}", failing(median)))
                if any(s[k] < t for k, t in TARGET.items()):
                    under.append(path or "/")
        finally:
            server.shutdown()
        width = max(len(r[0]) for r in rows)
        print(f"\n{'sida'.ljust(width)}  perf  a11y  bp   seo   (perf per körning)")
        for path, s, perf, _, _ in rows:
            print(f"{path.ljust(width)}  {s['performance']:>4}  {s['accessibility']:>4}  "
                  f"{s['best-practices']:>4}  {s['seo']:>4}  {perf}")
        for path, s, _, m, fails in rows:
            print(f"\n{path}: {m}")
            for f in fails:
                print(f"  {f}")
        if args.out:
            print(f"\nRapporterna: {out}")
        if under:
            print(f"\nUnder målet ({', '.join(f'{k} {v}' for k, v in TARGET.items())}): {', '.join(under)}")
            return 1
        print("\nAlla sidor når målet.")
        return 0


if __name__ == "__main__":
    sys.exit(main())

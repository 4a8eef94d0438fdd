"""What a reader on a cheap phone waits for: bytes by type and paint times of four page kinds.

Run through `scripts/bench-pages [--site site] [--runs 3]`. It serves a built site from a small
local server twice, gzipping text as GitHub Pages and Netlify do and plain as a bare server does,
and opens in Debian's Chromium, each time with an empty cache, at 390×844 under the slow profile
of issue 19 (DevTools network emulation at 400 kbit/s both ways and 400 ms round trip, the CPU
slowed 4×):

- the home page, the newest article, that article's category (a list) and a search: the search
  page opened with `?q=` as the header's search box sends it, timed from the navigation start
  until the first result is on screen ("search"), and the query typed in the home page's
  header, timed from its Enter key until the first result is on screen ("typed", bytes after
  Enter: what the box fetched while the reader typed is not counted again);
- for each: bytes received by type (document, stylesheet, script, image, fetch, other: the bytes
  on the wire, so gzip shows), first and largest contentful paint, and every request the page
  made that failed or that the page does not need (a sitemap, a 404).

Not a test: figures vary with the machine's load. The README's "Trang trên điện thoại" section
records the ones we decided by.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.browser import chromium, serve_process  # noqa: E402

# The slow profile: a 3G-like mobile link and a cheap phone's CPU.
KBIT = 400
RTT_MS = 400
CPU_SLOWDOWN = 4
VIEWPORT = {"width": 390, "height": 844}
TEXT_TYPES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".mjs")

# Requests no page needs: Material's sitemap look-ups and anything that ends in an error.
UNNEEDED = re.compile(r"sitemap\.xml")

# Paint marks on the page's own clock (0 = navigation start); `results`: the first search
# result in the list, the next frame after it arrives; `after`: the same from the Enter key of a
# query typed on the page before (its time kept in sessionStorage, on the shared epoch clock).
MARKS = """
(() => {
  const marks = (window.__benchPages = { fcp: null, lcp: null, results: null, after: null });
  addEventListener("keydown", (event) => {
    if (event.key === "Enter")
      sessionStorage.setItem("benchAsked", performance.timeOrigin + event.timeStamp);
  }, true);
  const found = () => {
    marks.results = performance.now();
    const asked = Number(sessionStorage.getItem("benchAsked"));
    if (asked) marks.after = performance.timeOrigin + marks.results - asked;
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === "first-contentful-paint") marks.fcp = entry.startTime;
  }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    marks.lcp = entries[entries.length - 1].startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  addEventListener("DOMContentLoaded", () => {
    const list = document.querySelector(".bt-search__results");
    if (!list) return;
    new MutationObserver(() => {
      if (list.querySelector(".bt-search__result") && marks.results === null)
        requestAnimationFrame(() => marks.results ?? found());
    }).observe(list, { childList: true });
  });
})();
"""


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files as GitHub Pages serves them: text gzipped (level 6) when the server was
    started with gzip and the browser accepts it (Pagefind's index files are compressed
    already), ten minutes of browser cache, the site's 404 page for a missing address."""

    gzip_text = False
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        body = path.read_bytes()
        headers = {"Content-Type": self.guess_type(str(path))}
        if (
            self.gzip_text
            and path.suffix in TEXT_TYPES
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            body = gzip.compress(body, 6, mtime=0)
            headers["Content-Encoding"] = "gzip"
        # GitHub Pages' caching: a page met again within ten minutes is not fetched again.
        headers["Cache-Control"] = "max-age=600"
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Once(body)

    def send_error(self, code, message=None, explain=None):
        # The site's own 404 page, as static hosts serve it.
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class _Once:
    """A file-like body for SimpleHTTPRequestHandler.copyfile."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def read(self, size: int = -1) -> bytes:
        body, self.body = self.body, b""
        return body

    def close(self) -> None:
        pass


def run_server(folder: str, gzip_text: bool) -> None:
    """The server's own process (`--serve`): prints its port, serves until killed."""
    handler = functools.partial(type("H", (Handler,), {"gzip_text": gzip_text}), directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    print(f"port {server.server_address[1]}", flush=True)
    server.serve_forever()


def serve_apart(folder: Path, gzip_text: bool):
    """This script's server (`--serve`) in a process of its own."""
    command = [sys.executable, __file__, "--serve", str(folder)] + (["--gzip"] if gzip_text else [])
    return serve_process(command)


def pages_of(site: Path, query: str) -> dict[str, str]:
    """The four addresses measured, relative to the site root: the home page, the newest article
    (the first article link of the home page), its category (its breadcrumb's second link) and
    the search page with `query`."""
    home = (site / "index.html").read_text(encoding="utf-8")
    article = next(m.group(1) for m in re.finditer(r'href="\.?/?(\d{4}/\d{2}/[^"#]+/)"', home))
    page = (site / article / "index.html").read_text(encoding="utf-8")
    category = re.search(r'href="(?:\.\./)*(chuyen-muc/[^"]+/)"', page).group(1)
    return {
        "home": "",
        "article": article,
        "list": category,
        "search": "tim-kiem/?q=" + quote(query),
        "typed": "",
    }


KINDS = {
    "Document": "html",
    "Stylesheet": "css",
    "Script": "js",
    "Image": "img",
    "Font": "font",
    "Fetch": "fetch",
    "XHR": "fetch",
}


# A reader typing about seven characters a second (as scripts/bench-search).
KEY_DELAY_MS = 150


def measure(browser, url: str, search: bool, typed: str | None = None) -> dict:
    """One page opened in a fresh context (empty cache) under the slow profile. With `typed`,
    the page is the home page: once it has loaded, the reader types `typed` in the header's
    search box and presses Enter; bytes and times are those of what follows Enter."""
    context = browser.new_context(
        viewport=VIEWPORT, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    context.add_init_script(MARKS)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": RTT_MS,
            "downloadThroughput": KBIT * 1000 / 8,
            "uploadThroughput": KBIT * 1000 / 8,
        },
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    requests: dict[str, dict] = {}

    def sent(event):
        requests.setdefault(event["requestId"], {"url": event["request"]["url"]})

    def received(event):
        entry = requests.setdefault(event["requestId"], {"url": event["response"]["url"]})
        entry.update(type=event["type"], status=event["response"]["status"])

    def finished(event):
        if event["requestId"] in requests:
            requests[event["requestId"]]["bytes"] = event["encodedDataLength"]

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.responseReceived", received)
    cdp.on("Network.loadingFinished", finished)
    # Workers' own requests (Pagefind's) are seen by Playwright, not by the page's session.
    worker_bytes: dict[str, int] = {}

    page.on("requestfinished", lambda r: _note_worker(r, requests, worker_bytes))
    page.goto(url, wait_until="load", timeout=120_000)
    if typed is not None:
        _quiet(page, requests)
        page.focus("#bt-header-q")
        page.keyboard.type(typed, delay=KEY_DELAY_MS)
        for key in list(requests):
            del requests[key]
        worker_bytes.clear()
        page.keyboard.press("Enter")
        page.wait_for_url("**/?q=*", timeout=60_000)
    if search:
        _until(page, "window.__benchPages.results !== null", 60)
    _quiet(page, requests)
    marks = page.evaluate("window.__benchPages")
    context.close()
    by_type: dict[str, int] = {}
    for entry in requests.values():
        kind = KINDS.get(entry.get("type", ""), "other")
        by_type[kind] = by_type.get(kind, 0) + entry.get("bytes", 0)
    for size in worker_bytes.values():
        by_type["fetch"] = by_type.get("fetch", 0) + size
    total = sum(by_type.values())
    unneeded = sorted(
        {
            f"{urlsplit(e['url']).path} ({e.get('status')})"
            for e in requests.values()
            if UNNEEDED.search(e["url"]) or (e.get("status") or 200) >= 400
        }
    )
    return {
        "bytes": total,
        "before_images": total - by_type.get("img", 0),
        "by_type": by_type,
        "requests": len(requests) + len(worker_bytes),
        "fcp_s": _seconds(marks["fcp"]),
        "lcp_s": _seconds(marks["lcp"]),
        "results_s": _seconds(marks["after"] if typed is not None else marks["results"]),
        "unneeded": unneeded,
    }


def _note_worker(request, requests: dict, worker_bytes: dict) -> None:
    """A request the page's CDP session did not see (a worker's): its encoded body size."""
    if any(entry["url"] == request.url for entry in requests.values()):
        return
    with contextlib.suppress(Exception):
        worker_bytes[request.url] = request.sizes()["responseBodySize"]


def _seconds(ms: float | None) -> float | None:
    return None if ms is None else round(ms / 1000, 2)


def _until(page, expression: str, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while not page.evaluate(expression):
        if time.perf_counter() > deadline:
            raise TimeoutError(expression)
        time.sleep(0.05)


def _quiet(page, requests: dict, settle: float = 1.5) -> None:
    """Wait until no new request has started for `settle` seconds (late scripts' fetches, such as
    a sitemap read after the load event, count too)."""
    seen, still = len(requests), time.perf_counter()
    deadline = still + 30
    while time.perf_counter() < deadline:
        time.sleep(0.1)
        if len(requests) != seen:
            seen, still = len(requests), time.perf_counter()
        elif time.perf_counter() - still >= settle:
            return


def median_of(runs: list[dict]) -> dict:
    """The median run by largest paint (or search time), its bytes and requests kept whole."""
    key = "results_s" if runs[0]["results_s"] is not None else "lcp_s"
    ordered = sorted(runs, key=lambda r: r[key] or 0)
    result = dict(ordered[len(ordered) // 2])
    for name in ("fcp_s", "lcp_s", "results_s"):
        values = [r[name] for r in runs if r[name] is not None]
        result[name] = round(statistics.median(values), 2) if values else None
    return result


def bench(site: Path, runs: int, query: str) -> dict:
    pages = pages_of(site, query)
    report: dict[str, dict] = {}
    with chromium() as browser:
        for mode in ("gzip", "plain"):
            with serve_apart(site, mode == "gzip") as base:
                for kind, address in pages.items():
                    results = [
                        measure(
                            browser,
                            urljoin(base, address),
                            kind in ("search", "typed"),
                            query if kind == "typed" else None,
                        )
                        for _ in range(runs)
                    ]
                    report[f"{kind} {mode}"] = median_of(results) | {"address": "/" + address}
                    print_row(f"{kind} {mode}", report[f"{kind} {mode}"])
    return report


def print_row(name: str, row: dict) -> None:
    kb = lambda n: f"{n / 1024:.1f}"  # noqa: E731
    types = " ".join(f"{k} {kb(v)}" for k, v in sorted(row["by_type"].items()))
    search = f"  results {row['results_s']} s" if row["results_s"] is not None else ""
    print(
        f"{name:<15} {kb(row['bytes']):>7} KB (before images {kb(row['before_images']):>6})"
        f"  FCP {row['fcp_s']} s  LCP {row['lcp_s']} s{search}  [{types}]"
        f"  {row['requests']} requests"
        + (f"  UNNEEDED: {', '.join(row['unneeded'])}" if row["unneeded"] else ""),
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(REPO / "site"), help="a built site (site/)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; medians reported")
    parser.add_argument("--query", default="doan", help="the search asked")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    parser.add_argument("--gzip", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        run_server(args.serve, args.gzip)
        return 0
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"Chưa có trang đã dựng trong {site}: chạy scripts/build trước.", file=sys.stderr)
        return 1
    print(
        f"390×844, {KBIT} kbit/s, RTT {RTT_MS} ms, CPU ×{CPU_SLOWDOWN}, empty cache, "
        f"median of {args.runs}; KB on the wire",
        flush=True,
    )
    report = bench(site, args.runs, args.query)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

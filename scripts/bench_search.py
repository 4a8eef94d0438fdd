"""Compare search engines on a synthetic site: build time added, bytes and time to a first result.

Run through `scripts/bench-search [--count 10000]`. It writes a synthetic site (once, kept under
.cache/), builds it without search, then with Material's search and with bantin-search
(Pagefind), and drives Debian's Chromium over each built site. Not a test: figures vary with
the machine; docs/search.md records the ones we decided by.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import search_steps  # noqa: E402
from bantin.model.addresses import page_file  # noqa: E402
from bantin.model.text import fold  # noqa: E402
from bantin.tools.synthetic import write_project  # noqa: E402

from tests.browser import chromium, serve_process  # noqa: E402

QUERIES = [
    "doan",
    "xay dung",
    "dai hoi",
    "Hà Giang",
    "ha giang",
    "chuyen doi so",
    "doan thanh nien yen khanh",
]
VARIANTS = {
    "none": "  - bantin-articles\n",
    "material": "  - bantin-articles\n  - search:\n      lang: vi\n",
    "pagefind": "  - bantin-articles\n  - bantin-search\n",
}


def build(root: Path, variant: str) -> tuple[Path, float]:
    """Build the synthetic site with one search set-up; returns its folder and the seconds taken."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site = root / f"site-{variant}"
    config = root / f"{variant}.yml"
    config.write_text(
        f"INHERIT: mkdocs.yml\nsite_dir: {site}\nplugins:\n  - bantin\n{VARIANTS[variant]}",
        encoding="utf-8",
    )
    started = time.perf_counter()
    mkdocs_build(load_config(str(config)))
    return site, time.perf_counter() - started


def fold_material_index(site: Path) -> float:
    """Our folding applied to Material's index: a folded copy of every text; returns seconds."""
    started = time.perf_counter()
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        doc["text"] = doc["text"] + " " + fold(doc["text"])
        doc["title"] = doc["title"] + " " + fold(doc["title"])
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    return time.perf_counter() - started


def _gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


class Traffic:
    """Bytes of every response a page receives, as sent by our plain (uncompressed) server, and
    as a host that gzips text would send them (the README's nginx set-up; Pagefind's index
    files and WebAssembly are gzip-compressed already, so they count the same).

    Each address counts once: a browser keeps what it fetched (a second Pagefind instance asks
    for the same WebAssembly, which a real host serves from cache or as a 304)."""

    TEXT = (".js", ".css", ".json", ".html", "/")

    def __init__(self, page) -> None:
        self.responses: dict[str, tuple[int, int]] = {}
        page.on("requestfinished", self._finished)

    def _finished(self, request) -> None:
        # Redirects, aborted requests and requests still finishing as the page closes have no
        # body to read.
        with contextlib.suppress(Exception):
            response = request.response()
            if response is not None:
                body = response.body()
                text = request.url.split("?")[0].endswith(self.TEXT)
                sent = len(gzip.compress(body, 6)) if text else len(body)
                self.responses.setdefault(request.url, (len(body), sent))

    def total(self, part: str = "", gzipped: bool = False) -> int:
        return sum(sizes[gzipped] for url, sizes in self.responses.items() if part in url)


# Timestamps taken in the page, on the page's own clock (`performance.now()`, 0 = navigation
# start): `asked` is the Enter key's event time (0 for a search address opened with ?q=),
# `first` the next frame after the first result is in the list, `done` the next frame after the
# status line announces the count (every result of the first page shown).
TIMING = """
(() => {
  const marks = (window.__benchSearch = { asked: 0 });
  const frame = (name) => requestAnimationFrame(() => (marks[name] ??= performance.now()));
  addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    Object.assign(marks, { asked: event.timeStamp, first: undefined, done: undefined });
  }, true);
  addEventListener("DOMContentLoaded", () => {
    const list = document.querySelector(".bt-search__results");
    const status = document.querySelector(".bt-search__status");
    new MutationObserver(() => {
      if (list.querySelector(".bt-search__result")) frame("first");
    }).observe(list, { childList: true });
    new MutationObserver(() => {
      if (/^(Tìm thấy|Không tìm thấy)/.test(status.textContent)) frame("done");
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
})();
"""


# A reader typing about seven characters a second.
KEY_DELAY_MS = 150


def _fresh(browser, *scripts: str):
    """A new browser context (empty cache) that records the page's search timestamps."""
    context = browser.new_context()
    for script in (TIMING, *scripts):
        context.add_init_script(script)
    return context, context.new_page()


def _until(page, expression: str, timeout: float = 60) -> None:
    """Wait until `expression` is true in the page, asking every 20 ms from here. Playwright's
    own waits inject a script and poll at every animation frame, in the page being measured."""
    deadline = time.perf_counter() + timeout
    while not page.evaluate(expression):
        if time.perf_counter() > deadline:
            raise TimeoutError(expression)
        time.sleep(0.02)


def _marks(page) -> tuple[float, float]:
    """Seconds from the query asked to its first result, and to every result with the count."""
    _until(page, "window.__benchSearch.done !== undefined")
    marks = page.evaluate("window.__benchSearch")
    return (
        round((marks["first"] - marks["asked"]) / 1000, 3) if marks.get("first") else None,
        round((marks["done"] - marks["asked"]) / 1000, 3),
    )


def pagefind_first_query(browser, base: str, query: str) -> dict:
    """Fresh browsers (empty caches) open /tim-kiem/ and ask a first query four ways.

    `at_once_*`: Enter the moment the script is ready (shards.json and Pagefind's module read),
    while the page is still opening its first index; `idle_*`: Enter once the page is idle, as
    a reader who takes a second to type; `typed_*`: typed a key at a time from the moment the
    script is ready, then Enter (the page fetches the words' index chunks while the reader
    types; `typed_bytes`: what it loaded); `address_*`: /tim-kiem/?q=… opened (a reader coming
    from another page's search box), from navigation start. `*_first_s`: until the first
    result is on the page; `*_s`: until the status line announces the count, every result of
    the first page shown. Then, on the first page: `bytes`, everything the search loaded by
    then (scripts, wasm, index chunks, the shown results' fragments); `older_*`, the same for
    the button that extends the search to the older years; `second_s`, a second query.
    """
    context, page = _fresh(browser)
    traffic = Traffic(page)
    started = time.perf_counter()
    page.goto(base + "tim-kiem/")
    _until(page, "document.querySelector('.bt-search[data-ready]') !== null")
    ready = time.perf_counter() - started
    _type(page, query)
    first, done = _marks(page)
    result = {
        "query": query,
        "ready_s": round(ready, 3),
        "at_once_first_s": first,
        "at_once_s": done,
        "search_bytes": _search_bytes(traffic),
        "search_gzip_bytes": _search_bytes(traffic, gzipped=True),
        "page_bytes": traffic.total(),
        "status": page.locator(".bt-search__status").inner_text(),
        "top": page.locator(".bt-search__result h2").all_inner_texts()[:3],
    }
    older = page.locator(".bt-search__older")
    if older.is_visible():
        before = result["search_bytes"], result["search_gzip_bytes"]
        started = time.perf_counter()
        older.click()
        page.wait_for_function(
            "location.search.includes('older=1') && !document.querySelector("
            "'.bt-search__status').textContent.startsWith('Đang')",
            timeout=60_000,
        )
        result["older_s"] = round(time.perf_counter() - started, 3)
        result["older_bytes"] = _search_bytes(traffic) - before[0]
        result["older_gzip_bytes"] = _search_bytes(traffic, gzipped=True) - before[1]
        result["older_status"] = page.locator(".bt-search__status").inner_text()
    _type(page, "tinh nguyen he")
    result["second_s"] = _marks(page)[1]
    context.close()
    context, page = _fresh(browser)
    page.goto(base + "tim-kiem/")
    page.wait_for_load_state("networkidle")
    _type(page, query)
    result["idle_first_s"], result["idle_s"] = _marks(page)
    context.close()
    context, page = _fresh(browser)
    traffic = Traffic(page)
    page.goto(base + "tim-kiem/")
    _until(page, "document.querySelector('.bt-search[data-ready]') !== null")
    _type(page, query, KEY_DELAY_MS)
    result["typed_first_s"], result["typed_s"] = _marks(page)
    result["typed_bytes"] = _search_bytes(traffic)
    context.close()
    context, page = _fresh(browser)
    page.goto(base + "tim-kiem/?" + urlencode({"q": query}))
    result["address_first_s"], result["address_s"] = _marks(page)
    context.close()
    return result


WAYS = ("typed", "at_once", "idle", "address")


def traced(browser, base: str, query: str, way: str) -> dict[str, float]:
    """One first query asked one of the four ways (see pagefind_first_query), traced step by
    step (search_steps)."""
    context, page = _fresh(browser, search_steps.WORKER_LOG)
    requests: list = []
    page.on("requestfinished", lambda request: requests.append((request.url, request.timing)))
    if way == "address":
        page.goto(base + "tim-kiem/?" + urlencode({"q": query}))
    else:
        page.goto(base + "tim-kiem/")
        if way == "idle":
            page.wait_for_load_state("networkidle")
        else:
            _until(page, "document.querySelector('.bt-search[data-ready]') !== null")
        _type(page, query, KEY_DELAY_MS if way == "typed" else 0)
    _until(page, "window.__benchSearch.done !== undefined")
    time.sleep(0.2)  # the last requests' timings
    result = search_steps.steps(page, requests, page.evaluate("window.__benchSearch"))
    context.close()
    return result


def trace(site: str, runs: int, queries: str | None) -> dict:
    """Each way's steps over the queries and runs: medians and ranges, printed."""
    report = {}
    with chromium() as browser, serve_apart(Path(site)) as base:
        for way in WAYS:
            results = [
                traced(browser, base, query, way)
                for _ in range(runs)
                for query in (queries.split(",") if queries else QUERIES)
            ]
            report[way] = search_steps.medians(results)
            print(json.dumps({way: report[way]}, ensure_ascii=False), flush=True)
    return report


def _search_bytes(traffic: Traffic, gzipped: bool = False) -> int:
    return traffic.total("/pagefind/", gzipped) + traffic.total("bantin-search.js", gzipped)


def _type(page, query: str, delay: float = 0) -> None:
    """The query typed (at once: one input event, as pasted; or a key every `delay` ms) and
    Enter pressed. Keyboard events only: a selector would inject Playwright's script first."""
    page.evaluate("document.querySelector('#bt-search-q').select()")
    if delay:
        page.keyboard.type(query, delay=delay)
    else:
        page.keyboard.insert_text(query)
    page.keyboard.press("Enter")


TIMES = tuple(
    f"{way}{part}_s" for way in ("at_once", "idle", "typed", "address") for part in ("_first", "")
)


def summary(runs: list[dict]) -> dict:
    """Per query, each time's median and range over the runs, and the bytes' range."""
    by_query: dict[str, list[dict]] = {}
    for run in runs:
        by_query.setdefault(run["query"], []).append(run)
    table = {}
    for query, results in by_query.items():
        row = {}
        for name in (*TIMES, "second_s", "search_bytes", "search_gzip_bytes", "typed_bytes"):
            values = sorted(r[name] for r in results if r.get(name) is not None)
            if values:
                row[name] = [statistics.median(values), values[0], values[-1]]
        table[query] = row
    return table


def material_first_query(browser, base: str, query: str) -> dict:
    """Cold: open the home page, open Material's search, type; time and bytes to the first result."""
    context = browser.new_context()
    page = context.new_page()
    traffic = Traffic(page)
    started = time.perf_counter()
    page.goto(base)
    page.fill("input[data-md-component=search-query]", query)
    page.wait_for_selector(".md-search-result__item", timeout=180_000)
    cold = time.perf_counter() - started
    titles = page.locator(".md-search-result__item h1").all_inner_texts()[:3]
    search_bytes = traffic.total("search")
    context.close()
    return {
        "query": query,
        "cold_s": round(cold, 3),
        "search_bytes": search_bytes,
        "page_bytes": traffic.total(),
        "top": titles,
    }


def index_runs(root: Path) -> dict:
    """The indexing step alone (bantin-search's on_post_build) over the site built in `root`:
    with no cache, warm with nothing changed, and warm after one article page changed (the
    newest, then the oldest).
    CPU seconds include Pagefind's process; wall seconds depend on the machine's load."""
    from mkdocs.config import load_config

    config = load_config(str(root / "pagefind.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config.plugins["bantin-articles"].on_pre_build(config=config)
    search = config.plugins["bantin-search"]
    shutil.rmtree(root / search.config.cache_dir, ignore_errors=True)
    runs = {"cold": _timed(lambda: search.on_post_build(config=config))}
    runs["warm"] = _timed(lambda: search.on_post_build(config=config))
    from bantin.articles import catalog_of

    articles = catalog_of(config).articles
    # The newest article (a quarter re-indexed) and the oldest (a whole year; bantin bench
    # edits the first file of content/articles/, an article of the oldest year).
    for name, article in (("one_edit_recent", articles[0]), ("one_edit_oldest", articles[-1])):
        page = Path(config.site_dir) / page_file(article.url)
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace("</h1>", " (đã sửa)</h1>", 1), encoding="utf-8")
        try:
            runs[name] = _timed(lambda: search.on_post_build(config=config))
        finally:
            page.write_text(html, encoding="utf-8")
    search.on_post_build(config=config)
    return runs


def _timed(step) -> dict:
    before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    started = time.perf_counter()
    step()
    wall = time.perf_counter() - started
    after = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(
        (a.ru_utime + a.ru_stime) - (b.ru_utime + b.ru_stime)
        for a, b in zip(after, before, strict=True)
    )
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2)}


HTTP_SERVER = [sys.executable, "-m", "http.server", "-b", "127.0.0.1", "-p", "HTTP/1.1"]


@contextlib.contextmanager
def serve_apart(folder: Path):
    """Python's HTTP server (HTTP/1.1, keep-alive) in a process of its own."""
    with serve_process([*HTTP_SERVER, "-d", str(folder), "0"]) as base:
        yield base


def compare(sites: list[str], runs: int, queries: str | None) -> dict:
    """Every query over each built site, the sites taking turns so that they share the
    machine's load; prints each result, then each site's medians and ranges."""
    report: dict = {}
    with chromium() as browser, contextlib.ExitStack() as stack:
        bases = {site: stack.enter_context(serve_apart(Path(site))) for site in sites}
        for _ in range(runs):
            for site, base in bases.items():
                for query in queries.split(",") if queries else QUERIES:
                    result = pagefind_first_query(browser, base, query)
                    result["load"] = round(os.getloadavg()[0], 1)
                    report.setdefault(site, {"runs": []})["runs"].append(result)
                    print(json.dumps({site: result}, ensure_ascii=False), flush=True)
    for site, entry in report.items():
        loads = [run["load"] for run in entry["runs"]]
        entry["load"] = [min(loads), max(loads)]
        entry["summary"] = summary(entry["runs"])
        print(
            json.dumps(
                {site: {"load": entry["load"], "summary": entry["summary"]}}, ensure_ascii=False
            )
        )
    return report


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="articles (10000)")
    parser.add_argument("--root", type=Path, help="where the synthetic site lives")
    parser.add_argument("--engines", default="material,pagefind")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here too")
    parser.add_argument(
        "--built",
        help="only query this site built with bantin-search (or several, comma-separated)",
    )
    parser.add_argument("--runs", type=int, default=1, help="with --built: times over (1)")
    parser.add_argument("--queries", help="with --built: comma-separated queries (issue 7's)")
    parser.add_argument(
        "--steps", action="store_true", help="with --built: where a first query's time goes"
    )
    parser.add_argument(
        "--index", action="store_true", help="only time the indexing step over the built site"
    )
    args = parser.parse_args()
    root = args.root or REPO / ".cache" / f"bench-search-{args.count}"
    if args.index:
        print(json.dumps(index_runs(root)), flush=True)
        return
    if args.built:
        if args.steps:
            report = trace(args.built, args.runs, args.queries)
        else:
            report = compare(args.built.split(","), args.runs, args.queries)
        if args.out:
            args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        return
    if not (root / "mkdocs.yml").exists():
        shutil.rmtree(root, ignore_errors=True)
        write_project(root, args.count)
    engines = args.engines.split(",")
    report: dict = {"articles": args.count}
    _, base_time = build(root, "none")
    report["build_without_search_s"] = round(base_time, 1)
    sites = {}
    for engine in engines:
        site, seconds = build(root, engine)
        sites[engine] = site
        entry = {"build_s": round(seconds, 1), "added_s": round(seconds - base_time, 1)}
        if engine == "material":
            index = site / "search" / "search_index.json"
            entry["index_bytes"] = index.stat().st_size
            entry["index_gzip_bytes"] = _gzip_size(index)
            entry["fold_s"] = round(fold_material_index(site), 1)
            entry["folded_index_bytes"] = index.stat().st_size
            entry["folded_index_gzip_bytes"] = _gzip_size(index)
        else:
            entry["bundle_bytes"] = folder_bytes(site / "pagefind")
            entry["bundle_files"] = sum(1 for p in (site / "pagefind").rglob("*") if p.is_file())
        report[engine] = entry
        print(json.dumps({engine: entry}, ensure_ascii=False), flush=True)
    with chromium() as browser:
        for engine in engines:
            measure = material_first_query if engine == "material" else pagefind_first_query
            queries = QUERIES if engine == "pagefind" else QUERIES[:1]
            with serve_apart(sites[engine]) as base:
                report[engine]["queries"] = [measure(browser, base, query) for query in queries]
            print(json.dumps({engine: report[engine]["queries"]}, ensure_ascii=False), flush=True)
    if args.out:
        args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

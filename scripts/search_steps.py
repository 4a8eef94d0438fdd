"""Where a first query's time goes, step by step: `scripts/bench-search --built SITE --steps`.

The page is traced on its own clock: the messages bantin-search.js exchanges with Pagefind's
worker, the requests' timings and the result list's changes (bench_search.TIMING). docs/search.md
("Where a first query's time goes") has the figures and what each step holds.
"""

from __future__ import annotations

import statistics

# Wraps the Worker constructor (Pagefind's) and the page's first fetch (bantin-search.js reading
# shards.json, the moment the module runs), and logs each worker message and reply by method.
WORKER_LOG = """
(() => {
  const log = (window.__benchSteps = []);
  const note = (event) => log.push({ t: performance.now(), event });
  const fetched = window.fetch;
  window.fetch = (...args) => {
    note("module");
    window.fetch = fetched;
    return fetched(...args);
  };
  const Real = window.Worker;
  window.Worker = function (url, options) {
    const worker = new Real(url, options);
    note("worker");
    const methods = {};
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, ...rest) => {
      methods[message.id] = message.method;
      note("post:" + message.method);
      return post(message, ...rest);
    };
    worker.addEventListener("message", (event) => note("reply:" + methods[event.data.id]));
    return worker;
  };
})();
"""

STEPS = (
    "navigation → bantin-search.js runs",
    "navigation → worker created",
    "worker created → newest shards merged",
    "asked → search sent to the worker",
    "index chunks fetched",
    "chunks arrived → Pagefind's results",
    "asked → Pagefind's results",
    "results → first result shown",
    "first result",
    "all ten, with the count",
)


def steps(page, requests: list, marks: dict) -> dict[str, float]:
    """One traced query's steps, in milliseconds; `requests` holds (url, Playwright timing)."""
    log = [(entry["t"], entry["event"]) for entry in page.evaluate("window.__benchSteps")]
    origin = page.evaluate("performance.timeOrigin")
    asked = marks["asked"]

    def first(event: str, after: float = float("-inf")) -> float | None:
        return next((t for t, name in log if name == event and t >= after), None)

    def span(part: str, after: float = float("-inf")) -> tuple[float, float] | None:
        times = [
            (timing["startTime"] - origin, timing["startTime"] - origin + timing["responseEnd"])
            for url, timing in requests
            if part in url and timing["startTime"] - origin >= after
        ]
        return (min(t[0] for t in times), max(t[1] for t in times)) if times else None

    sent = first("post:search", asked)
    found = first("reply:search", sent)
    result = {}
    if asked == 0:  # opened with ?q=: the page's start-up is part of the wait
        merged = max(t for t, name in log if name == "reply:mergeIndex")
        result[STEPS[0]] = first("module")
        result[STEPS[1]] = first("worker")
        result[STEPS[2]] = merged - first("worker")
    result[STEPS[3]] = sent - asked
    # Chunks the query needs, fetched after the last keystroke (none when typed: loaded already).
    chunks = span(".pf_index", asked - 300 if asked else 0)
    if chunks:
        result[STEPS[4]] = chunks[1] - chunks[0]
        result[STEPS[5]] = max(found - chunks[1], 0)
    result[STEPS[6]] = found - asked
    result[STEPS[7]] = marks["first"] - found
    result[STEPS[8]] = marks["first"] - asked
    result[STEPS[9]] = marks["done"] - asked
    return result


def medians(runs: list[dict[str, float]]) -> dict[str, list[float]]:
    """Each step's median, lowest and highest over the runs, in milliseconds."""
    table = {}
    for step in STEPS:
        values = sorted(run[step] for run in runs if step in run)
        if values:
            table[step] = [round(statistics.median(values)), round(values[0]), round(values[-1])]
    return table

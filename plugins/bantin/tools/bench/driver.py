"""One timed build in this process, with the time of each phase.

`python -m bantin.tools.bench.driver mkdocs.yml` builds like `bantin build` (into a new folder that
replaces site/, carrying unchanged files over from it) and prints one JSON line:
the build's seconds and the exclusive seconds of each phase. Phases are measured by wrapping
MkDocs' build steps and every plugin's event handlers, so no plugin carries timing code; time
spent in a nested step (a plugin event inside page rendering) counts for that step only.
"""

from __future__ import annotations

import functools
import json
import logging
import resource
import sys
import time
from collections import defaultdict

PHASES = (
    "read+validate",
    "markdown",
    "indexes",
    "templates",
    "writing",
    "images",
    "search",
    "other plugins",
    "mkdocs",
)
"""In report order; `mkdocs` is what is left: scanning files, the nav, cleaning site/, anchors."""


class Clock:
    """Exclusive time per phase over nested calls."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self._children: list[float] = []

    def wrap(self, phase: str, func):
        @functools.wraps(func)
        def timed(*args, **kwargs):
            start = time.perf_counter()
            self._children.append(0.0)
            try:
                return func(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                self.totals[phase] += elapsed - self._children.pop()
                if self._children:
                    self._children[-1] += elapsed

        return timed


def plugin_phase(name: str, event: str) -> str:
    """The phase a plugin's event belongs to, from the plugin's name in mkdocs.yml."""
    short = name.rsplit("/", 1)[-1]
    if short == "search" or short.endswith("-search"):
        return "search"
    if "image" in short:
        return "images"
    if short == "bantin-articles":
        if event in ("config", "pre_build", "files"):
            return "read+validate"
        return "writing" if event == "post_build" else "markdown"
    if short.startswith("bantin"):
        return "indexes"
    return "other plugins"


def instrument(config, clock: Clock) -> None:
    """Wrap the engine's build steps and each plugin's handlers of this config with `clock`."""
    from ...engine.host import instrument_build

    instrument_build(config, clock.wrap, plugin_phase)


def timed_build(config_file: str) -> dict:
    from ...engine.atomic import build_atomically

    start = time.perf_counter()
    clock = Clock()
    loaded = start

    def prepare(config) -> None:
        nonlocal loaded
        loaded = time.perf_counter()
        instrument(config, clock)

    build_atomically(config_file, prepare=prepare)
    seconds = time.perf_counter() - loaded
    phases = {phase: round(clock.totals.get(phase, 0.0), 4) for phase in PHASES[:-1]}
    phases["mkdocs"] = round(seconds - sum(phases.values()), 4)
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "seconds": seconds,
        "config_seconds": loaded - start,
        "phases": phases,
        "own_mb": own_mb,
    }


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    print(json.dumps(timed_build(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

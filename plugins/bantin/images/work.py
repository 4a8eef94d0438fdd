"""The encoding work of a build: in this process, or spread over worker processes.

Pillow releases the GIL while it decodes, resizes and encodes WebP, but not while FreeType draws
text nor while it encodes a JPEG into memory, and those two are most of a share card: in threads,
a site's cards were drawn on one core. Worker processes use every core, and `start` returns
while they work, so the build can go on with something else.

A job makes one source's missing products or one share card, writes the cache entry itself
(content-addressed and atomic, see `cache.write_entry`) and returns what it stored. Results come
back in the order of the jobs whichever worker finished first, and a job's bytes depend only on
its inputs, so the site is the same byte for byte with one worker or many.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..engine.host import plugin_logger
from ..engine.lifeline import tie_to_parent
from . import encode
from .cache import Stored
from .products import Settings, make, make_card
from .sharecard import CardPainter

log = plugin_logger(__name__)

CARD_BATCH = 16
"""Cards sent to a worker at a time: one card is ~5 ms, so one at a time would spend a good part
of it on messages between processes."""
SOURCE_COST = 60
"""A source image's work in cards (~5 ms each): a 1600-pixel cover with all its products takes
~0.3 s, a 12-megapixel phone photo ~1.1 s."""
POOL_THRESHOLD = 100
"""Work (in cards) below which starting worker processes (~0.5 s, in parallel) costs more than
it saves, unless the configuration asks for workers explicitly."""


def available_cpus() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # Not on Linux.
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Workshop:
    """What every job of one build needs; pickled once into each worker."""

    settings: Settings
    store: Path
    """The cache folder where jobs write their entries."""
    site_name: str = ""
    logo: bytes | None = None
    """A readable logo for the cards; None draws them without one."""

    def painter(self) -> CardPainter:
        logo = encode.load(self.logo, self.settings.max_pixels) if self.logo else None
        return CardPainter(self.site_name, logo)


@dataclass(frozen=True)
class SourceJob:
    """Make the missing products of one source image."""

    path: Path
    missing: tuple[tuple[str, str], ...]
    """(product, cache key) pairs."""

    cost = SOURCE_COST

    def run(self, bench: _Bench) -> dict[str, list[Stored]] | str:
        """The stored entries by product, or why the image cannot be published."""
        try:
            return make(
                self.path.read_bytes(), dict(self.missing), bench.shop.settings, bench.shop.store
            )
        except encode.ImageProblem as problem:
            return str(problem)


@dataclass(frozen=True)
class CardJob:
    """Draw and store the share card of one article without a cover."""

    title: str
    date_line: str
    key: str

    cost = 1

    def run(self, bench: _Bench) -> list[Stored]:
        image = bench.painter().draw(self.title, self.date_line)
        return make_card(image, self.key, bench.shop.settings, bench.shop.store)


Job = SourceJob | CardJob


class _Bench:
    """Where jobs run (this process or one worker): the workshop, and its card painter made on
    the first card, since loading the font and drawing the card's base costs more than a card."""

    def __init__(self, shop: Workshop):
        self.shop = shop
        self._painter: CardPainter | None = None

    def painter(self) -> CardPainter:
        if self._painter is None:
            self._painter = self.shop.painter()
        return self._painter


def run(jobs: Sequence[Job], shop: Workshop, workers: int | None) -> list:
    """Each job's result, in the order of `jobs` (see `start`)."""
    pending = start(jobs, shop, workers)
    try:
        return pending.results()
    finally:
        pending.close()


def start(jobs: Sequence[Job], shop: Workshop, workers: int | None) -> Pending:
    """Start the jobs. `workers` None: as many processes as CPUs when the work is worth it; 1: in
    this process, before returning; more: that many processes, the build going on meanwhile."""
    wanted = available_cpus() if workers is None else workers
    small = workers is None and sum(job.cost for job in jobs) < POOL_THRESHOLD
    batches = _batches(jobs)
    if wanted <= 1 or len(batches) <= 1 or small:
        bench = _Bench(shop)
        return Pending([[job.run(bench) for job in jobs]])
    processes = min(wanted, len(batches))
    log.info(f"Ảnh: {len(jobs)} việc mã hoá chia cho {processes} tiến trình")
    # Spawned, not forked: `mkdocs serve` has threads running, and a forked child can inherit a
    # lock one of them held.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        processes, mp_context=context, initializer=_start, initargs=(shop, os.getpid())
    )
    return Pending([pool.submit(_run_batch, batch) for batch in batches], pool)


class Pending:
    """Jobs under way: their results in job order, waited for as they are asked for."""

    def __init__(self, batches: list, pool: ProcessPoolExecutor | None = None):
        self._batches = batches
        """Per batch, its results or the future of them."""
        self._pool = pool

    def results(self, count: int | None = None) -> list:
        """The results of the first `count` jobs (all by default), waiting for them."""
        found: list = []
        for batch in self._batches:
            if count is not None and len(found) >= count:
                break
            found += batch.result() if isinstance(batch, Future) else batch
        return found[:count]

    def close(self) -> None:
        """Drop what has not started (a failed build) and let the worker processes end."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _batches(jobs: Sequence[Job]) -> list[list[Job]]:
    """Source images one by one (each is long), cards in groups; in the order of `jobs`."""
    batches: list[list[Job]] = []
    for job in jobs:
        if isinstance(job, CardJob) and batches and _open_card_batch(batches[-1]):
            batches[-1].append(job)
        else:
            batches.append([job])
    return batches


def _open_card_batch(batch: list[Job]) -> bool:
    return isinstance(batch[0], CardJob) and len(batch) < CARD_BATCH


_worker: _Bench | None = None
"""The job bench of a worker process; it lives as long as the process, one build's pool."""


def _start(shop: Workshop, parent: int) -> None:
    global _worker
    tie_to_parent(parent)  # a killed build takes its workers with it
    _worker = _Bench(shop)


def _run_batch(batch: list[Job]) -> list:
    assert _worker is not None, "a worker runs jobs after _start"
    return [job.run(_worker) for job in batch]

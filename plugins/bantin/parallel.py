"""Pages rendered by several processes: MkDocs renders them one after another in one.

Rendering Material's templates is the largest cost of a cold build, and MkDocs' page loop uses
one core. Once every page is read (the last `on_env`), the build forks helpers that take pages
from the end of the list while MkDocs takes them from the start, until they meet: a page is
claimed once, under a lock, in memory shared by the processes. MkDocs skips the pages a helper
took through `File.is_modified`, the switch of its dirty builds, so this only runs in a build
that may skip pages (`bantin build`, `--dirty`).

A helper runs MkDocs' own page step (context, `on_page_context`, template, `on_post_page`,
writing the file) and sends back what the parent must know: which pages it wrote, the articles
each one read (for the page cache and incremental builds), and what it logged, replayed in the
parent so `--strict` counts it. Pages a helper could not finish (an error, a crash) are rendered
again by the parent, so an error reads exactly as in a serial build.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from mkdocs.commands import build as mkdocs_build
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.plugins.bantin.parallel")

MIN_PAGES = 50
"""Below this many pages to render, forking costs more than it saves (`workers: auto`)."""


def worker_count(option: int, pages: int) -> int:
    """How many processes render: `option` 0 is one per core, for enough pages."""
    if option == 0:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
        return min(cores, 8) if pages >= MIN_PAGES else 1
    return max(1, min(option, pages))


@dataclass
class Report:
    """What one helper did, sent to the parent when it stops."""

    written: list[int] = field(default_factory=list)
    reads: dict[str, dict | None] = field(default_factory=dict)
    """Page cache reads of the pages written (src_uri → articles read, or None for `pages`)."""
    cache_keys: list[str] = field(default_factory=list)
    records: list[tuple[str, int, str]] = field(default_factory=list)
    """(logger, level, message) of what the written pages logged, in order."""


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _silence_and_collect() -> _Collector:
    """In a helper: nothing reaches the terminal; records go to the parent with the report."""
    collector = _Collector()
    root, mkdocs = logging.getLogger(), logging.getLogger("mkdocs")
    for logger in (root, mkdocs):
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
    root.addHandler(collector)
    if not mkdocs.propagate:  # MkDocs' command line keeps its records from the root logger
        mkdocs.addHandler(collector)
    return collector


class ParallelPages:
    """The pages of one build's page loop, shared between MkDocs (from the start) and
    `helpers` forked processes (from the end). `render(index)` renders one page in a helper;
    `page_cache` exposes `reads` and `used` of the page cache, or is None."""

    def __init__(self, files: Sequence[File], helpers: int, render: Callable[[int], None], cache):
        self.files = list(files)
        self.helpers = helpers
        self.render = render
        self.cache = cache
        context = multiprocessing.get_context("fork")
        self._lock = context.Lock()
        self._taken = context.RawArray("b", len(self.files))
        self._last = context.RawValue("i", len(self.files) - 1)
        self._mine: set[int] = set()
        """The pages MkDocs was told to render in this process."""
        self._processes: list = []
        self._pipes: list = []
        self._context = context

    def start(self) -> None:
        for index, file in enumerate(self.files):
            file.is_modified = self._ask(index)  # type: ignore[method-assign]
        gc.collect()
        gc.freeze()  # helpers then share the parent's objects instead of copying them
        try:
            for _ in range(self.helpers):
                receive, send = self._context.Pipe(duplex=False)
                process = self._context.Process(target=self._helper, args=(send,), daemon=True)
                process.start()
                send.close()
                self._processes.append(process)
                self._pipes.append(receive)
        finally:
            gc.unfreeze()

    def _ask(self, index: int) -> Callable[[], bool]:
        """MkDocs' question for one page: does this process render it?"""

        def is_modified() -> bool:
            if index not in self._mine:
                with self._lock:
                    if self._taken[index]:
                        return False
                    self._taken[index] = 1
                self._mine.add(index)
            return True

        return is_modified

    def _take_from_end(self) -> int | None:
        with self._lock:
            index = self._last.value
            while index >= 0 and self._taken[index]:
                index -= 1
            if index < 0:
                return None
            self._taken[index] = 1
            self._last.value = index - 1
            return index

    def _helper(self, pipe) -> None:
        collector = _silence_and_collect()
        report = Report()
        while (index := self._take_from_end()) is not None:
            start = len(collector.records)
            try:
                self.render(index)
            except Exception:
                del collector.records[start:]  # the parent renders it again and says why
                break
            report.written.append(index)
        if self.cache is not None:
            sources = {self.files[index].src_uri for index in report.written}
            report.reads = {src: reads for src, reads in self.cache.reads.items() if src in sources}
            report.cache_keys = sorted(self.cache.used)
        report.records = collector.records
        pipe.send(report)
        pipe.close()

    def join(self) -> list[int]:
        """Wait for the helpers, take in what they did; the pages they took and did not write,
        for the parent to render itself."""
        written: set[int] = set()
        for process, pipe in zip(self._processes, self._pipes, strict=True):
            try:
                report: Report | None = pipe.recv()
            except (EOFError, OSError):
                report = None
            process.join()
            pipe.close()
            if report is None:
                log.debug(f"Page helper {process.pid} stopped without a report")
                continue
            written.update(report.written)
            for name, level, message in report.records:
                logging.getLogger(name).log(level, message)
            if self.cache is not None:
                self.cache.reads.update(report.reads)
                self.cache.used.update(report.cache_keys)
        self._processes, self._pipes = [], []
        log.info(
            f"Dựng trang song song: {len(self.files)} trang, tiến trình phụ dựng {len(written)}"
            f" trang ({self.helpers} tiến trình phụ)"
        )
        for file in self.files:
            file.is_modified = _always  # type: ignore[method-assign]
        return [i for i in range(len(self.files)) if i not in self._mine and i not in written]

    def stop(self) -> None:
        """After a failed build: no helper outlives it."""
        for process in self._processes:
            process.kill()
            process.join()
        self._processes, self._pipes = [], []


def _always() -> bool:
    return True


def build_page(page, config, doc_files, nav, env) -> None:
    """MkDocs' own page step, as its page loop runs it."""
    mkdocs_build._build_page(
        page, config, doc_files, nav, env, dirty=False, excluded=page.file.inclusion.is_excluded()
    )

"""Pages read and rendered by several processes: MkDocs does one page after another on one core.

Rendering Material's templates and converting Markdown are the largest costs of a cold build.
Both loops are shared the same way (`Split`): forked helpers take pages from the end of the list
while MkDocs takes them from the start, until they meet; a page is claimed once, under a lock in
shared memory. This only runs in a build that may skip pages (`bantin build`, `--dirty`).

- Rendering (`ParallelPages`, forked at the last `on_env`): MkDocs skips a page a helper took
  through `File.is_modified`, the switch of its dirty builds. A helper runs MkDocs' own page step
  (context, `on_page_context`, template, `on_post_page`, writing the file) and sends back the
  pages it wrote, the articles each one read (for the page cache and incremental builds) and
  what it logged, replayed in the parent so `--strict` counts it. A page a helper could not
  finish (an error, a crash) is rendered again by the parent: an error reads as in a serial build.
- Reading (`ParallelMarkdown`, forked at the last `on_nav`): helpers convert articles' Markdown
  into the Markdown cache; MkDocs then reads those pages from the cache, as in a warm build.
"""

from __future__ import annotations

import functools
import gc
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from . import host
from .host import File, plugin_logger
from .lifeline import tie_to_parent

log = plugin_logger(__name__)

MIN_PAGES = 50
"""Below this many pages to render, forking costs more than it saves (`workers: auto`)."""


RENDER_EVENTS = ("page_context", "post_page")
"""The plugin events MkDocs runs while rendering a page."""
READ_EVENTS = ("page_read_source", "page_markdown")
"""The plugin events a reading helper runs before converting a page."""
OWN_PACKAGE = "bantin."


def foreign_handlers(config, events: Sequence[str]) -> list[str]:
    """Handlers of `events` from outside this package: what they gather in a helper would be
    lost (a search index of half the pages), so their presence keeps the loop in one process."""
    return [
        f"{event}: {handler.__module__}"
        for event in events
        for handler in config.plugins.events.get(event, [])
        if not (handler.__module__ or "").startswith(OWN_PACKAGE)
    ]


def worker_count(option: int, pages: int) -> int:
    """How many processes share a loop: `option` 0 is one per core, for enough pages. Helpers are
    forked (they share the build's state as it is); where there is no fork, one process."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if option == 0:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
        return min(cores, 8) if pages >= MIN_PAGES else 1
    return max(1, min(option, pages))


@dataclass
class Report:
    """What one helper did, sent to the parent when it stops."""

    done: list[int] = field(default_factory=list)
    records: list[tuple[str, int, str]] = field(default_factory=list)
    """(logger, level, message) of what the jobs done logged, in order."""
    extra: object = None


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _silence_and_collect() -> _Collector:
    """In a helper: nothing reaches the terminal; records go to the parent with the report."""
    collector = _Collector()
    root, engine = logging.getLogger(), host.logger()
    for logger in (root, engine):
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
    root.addHandler(collector)
    if not engine.propagate:  # MkDocs' command line keeps its records from the root logger
        engine.addHandler(collector)
    return collector


class Split:
    """`count` jobs shared by this process, which takes them in order, and `helpers` forked
    processes, which take them from the end; each job is claimed once, under a lock in shared
    memory. A helper runs `work(index)`; `report(done)` gives what it sends back besides the
    jobs it did. A helper stops at its first failing job, which it leaves undone."""

    def __init__(
        self,
        count: int,
        helpers: int,
        work: Callable[[int], None],
        report: Callable[[list[int]], object] | None = None,
        *,
        replay_logs: bool = True,
    ):
        self.helpers, self.work, self.report = helpers, work, report
        self.replay_logs = replay_logs
        context = multiprocessing.get_context("fork")
        self._context = context
        self._lock = context.Lock()
        self._taken = context.RawArray("b", count)
        self._through = context.RawArray("b", count)
        """Set by a helper when it is through with a job, done or failed."""
        self._last = context.RawValue("i", count - 1)
        self.mine: set[int] = set()
        """The jobs this process claimed."""
        self.in_helper = False
        self._processes: list = []
        self._pipes: list = []

    def start(self) -> None:
        self._parent = os.getpid()
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

    def claim(self, index: int) -> bool:
        """Whether this process does job `index`: False when a helper took it first. A
        helper's own question (its reading goes through the same hook) is always yes."""
        if self.in_helper:
            return True
        if index not in self.mine:
            with self._lock:
                if self._taken[index]:
                    return False
                self._taken[index] = 1
            self.mine.add(index)
        return True

    def wait(self, index: int) -> None:
        """Until the helper that took job `index` is through with it, or gone."""
        while not self._through[index]:
            if not any(process.is_alive() for process in self._processes):
                return
            time.sleep(0.0005)

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
        tie_to_parent(self._parent)
        self.in_helper = True
        collector = _silence_and_collect()
        report = Report()
        while (index := self._take_from_end()) is not None:
            start = len(collector.records)
            try:
                self.work(index)
            except Exception:
                del collector.records[start:]  # the parent does it again and says why
                break
            finally:
                self._through[index] = 1
            report.done.append(index)
        report.records = collector.records if self.replay_logs else []
        report.extra = self.report(report.done) if self.report is not None else None
        pipe.send(report)
        pipe.close()

    def join(self) -> tuple[set[int], list]:
        """Wait for the helpers: the jobs they did and their reports' extras. What they
        logged is logged here, in the order each helper logged it."""
        done: set[int] = set()
        extras: list = []
        for process, pipe in zip(self._processes, self._pipes, strict=True):
            try:
                report: Report | None = pipe.recv()
            except (EOFError, OSError):
                report = None
            process.join()
            pipe.close()
            if report is None:
                log.debug(f"Helper {process.pid} stopped without a report")
                continue
            done.update(report.done)
            for name, level, message in report.records:
                logging.getLogger(name).log(level, message)
            extras.append(report.extra)
        self._processes, self._pipes = [], []
        return done, extras

    def stop(self) -> None:
        """After a failed build: no helper outlives it."""
        for process in self._processes:
            process.kill()
            process.join()
        self._processes, self._pipes = [], []


class ParallelPages:
    """MkDocs' page loop shared with helpers: MkDocs skips the pages a helper took, as it skips
    unchanged pages in a dirty build. `render(index)` renders one of `files`; `cache` is the
    page cache (its `reads` and `used` come back from the helpers), or None."""

    def __init__(self, files: Sequence[File], helpers: int, render: Callable[[int], None], cache):
        self.files = list(files)
        self.render = render
        self.cache = cache
        self.split = Split(len(self.files), helpers, render, self._report)

    @classmethod
    def of_loop(cls, files: Sequence[File], helpers: int, cache, config, doc_files, nav, env):
        """MkDocs' page loop over `doc_files`, of which `files` are to be rendered."""

        def render(index: int) -> None:
            host.build_page(
                files[index].page,
                config,
                doc_files,
                nav,
                env,
                excluded=files[index].inclusion.is_excluded(),
            )

        return cls(files, helpers, render, cache)

    def start(self) -> None:
        for index, file in enumerate(self.files):
            host.set_modified(file, functools.partial(self.split.claim, index))
        self.split.start()

    def _report(self, done: list[int]) -> tuple[dict, list[str]] | None:
        if self.cache is None:
            return None
        sources = {self.files[index].src_uri for index in done}
        reads = {src: reads for src, reads in self.cache.reads.items() if src in sources}
        return reads, sorted(self.cache.used)

    def join(self) -> list[int]:
        """Wait for the helpers and take in what they did; the pages they took and did not
        write, for the parent to render itself."""
        written, extras = self.split.join()
        for extra in extras:
            if extra is not None and self.cache is not None:
                self.cache.reads.update(extra[0])
                self.cache.used.update(extra[1])
        log.info(
            f"Dựng trang song song: {len(self.files)} trang, tiến trình phụ dựng {len(written)}"
            f" trang ({self.split.helpers} tiến trình phụ)"
        )
        for file in self.files:
            host.set_modified(file, _always)
        mine = self.split.mine
        return [i for i in range(len(self.files)) if i not in mine and i not in written]

    def stop(self) -> None:
        self.split.stop()


class ParallelMarkdown:
    """Articles' Markdown converted ahead by helpers into the Markdown cache, from the end of
    MkDocs' reading loop, while MkDocs reads from the start. Before converting a page, MkDocs'
    process calls `ahead(src_uri)`: a page a helper took is waited for, then read from the
    cache like a warm build's. A page whose conversion a helper did not store is converted by
    MkDocs as usual, so a helper changes how long reading takes, never what it gives."""

    def __init__(self, pages: Sequence, helpers: int, convert: Callable[[int], None]):
        self.index = {page.file.src_uri: i for i, page in enumerate(pages)}
        self.split = Split(len(pages), helpers, convert, replay_logs=False)

    @classmethod
    def of_pages(cls, pages: Sequence, helpers: int, config, files):
        """MkDocs' reading loop, for `pages` (article pages, which convert through the cache)."""

        def convert(index: int) -> None:
            page = pages[index]
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(
                page.markdown, page=page, config=config, files=files
            )
            page.render(config, files)

        return cls(pages, helpers, convert)

    def start(self) -> None:
        self.split.start()

    def ahead(self, src_uri: str) -> None:
        index = self.index.get(src_uri)
        if index is not None and not self.split.claim(index):
            self.split.wait(index)

    def join(self) -> None:
        converted, _ = self.split.join()
        log.info(
            f"Đọc bài song song: {len(self.index)} bài, tiến trình phụ đọc {len(converted)}"
            f" bài ({self.split.helpers} tiến trình phụ)"
        )

    def stop(self) -> None:
        self.split.stop()


def _always() -> bool:
    return True

"""The page of one article: its Markdown comes from the catalog, its HTML from the Markdown cache
when it can (and what the engine reads from a rendered page is stored and restored with it)."""

from __future__ import annotations

import logging

from ..model.article import Article
from . import host
from .host import AnchorLink, File, Files, MkDocsConfig, Page, get_toc
from .mdcache import Entry, MarkdownCache, entry_key


class ArticlePage(Page):
    """An article's page. The catalog has already read and split the file, so MkDocs need not
    read it or parse its front matter again; the conversion goes through `cache` when given."""

    def __init__(
        self, file: File, config: MkDocsConfig, article: Article, cache: MarkdownCache | None
    ):
        super().__init__(None, file, config)
        self.article = article
        self.cache = cache

    def read_source(self, config: MkDocsConfig) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is not None:
            super().read_source(config)
            return
        self.markdown, self.meta = self.article.body, {}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.cache is None or self.markdown is None:
            super().render(config, files)
            return
        key = entry_key(
            self.cache.fingerprint,
            self.file.src_uri,
            self.file.url,
            self.file.inclusion.is_excluded(),
            self.markdown,
        )
        if self.cache.ahead is not None:
            self.cache.ahead(self.file.src_uri)
        entry = self.cache.get(key)
        if entry is not None and _lookups_hold(entry, files):
            self._restore(entry, files)
            return
        recorder = _RecordingFiles(files)
        with _Warnings() as warnings:
            super().render(config, recorder)  # type: ignore[arg-type]
        self.cache.put(key, self._entry(recorder, warnings.records))

    def _entry(self, recorder: _RecordingFiles, warnings: list[list]) -> Entry:
        title, anchors, links_to_anchors = host.render_state(self)
        return Entry(
            content=self.content or "",
            toc=[_token(link) for link in self.toc],
            title=title,
            anchors=anchors,
            links_to_anchors=links_to_anchors,
            lookups=recorder.lookups,
            warnings=warnings,
        )

    def _restore(self, entry: Entry, files: Files) -> None:
        for name, level, message in entry.warnings:
            logging.getLogger(name).log(level, message)
        self.content = entry.content
        self.toc = get_toc(entry.toc)
        host.restore_render_state(self, files, entry.title, entry.anchors, entry.links_to_anchors)


def _signature(file: File | None) -> list | None:
    """What MkDocs' link resolution reads from a target file."""
    if file is None:
        return None
    return [file.src_uri, file.url, file.inclusion.name]


def _lookups_hold(entry: Entry, files: Files) -> bool:
    return all(
        _signature(files.get_file_from_path(path)) == answer
        for path, answer in entry.lookups.items()
    )


def _token(link: AnchorLink) -> dict:
    """The inverse of MkDocs' `get_toc` for one heading."""
    return {
        "level": link.level,
        "id": link.id,
        "name": link.title,
        "children": [_token(child) for child in link.children],
    }


class _RecordingFiles:
    """`Files` that remembers every path looked up during one conversion, and the answer."""

    def __init__(self, files: Files):
        self._files = files
        self.lookups: dict[str, list | None] = {}

    def get_file_from_path(self, path: str) -> File | None:
        file = self._files.get_file_from_path(path)
        self.lookups[path] = _signature(file)
        return file

    def __getattr__(self, name: str):
        return getattr(self._files, name)


class _Warnings(logging.Handler):
    """Collects the records of level INFO and above logged while converting one page."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.records: list[list] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append([record.name, record.levelno, record.getMessage()])

    # MkDocs' loggers do not reach the root logger when run from its CLI; Markdown's do.
    LOGGERS = (host.NAME, "MARKDOWN")

    def __enter__(self) -> _Warnings:
        for name in self.LOGGERS:
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        for name in self.LOGGERS:
            logging.getLogger(name).removeHandler(self)

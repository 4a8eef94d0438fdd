"""A content-addressed cache of Markdown conversions, in `.cache/bantin/markdown/`.

Converting an article's Markdown is the largest per-page cost after templates, and a warm build
(CI restoring `.cache/`, or `serve` after one save) converts the same text again. An entry is
keyed by everything the conversion reads: the Markdown text, the page's source path and address,
the extension list and options, the source of every extension module in use, and MkDocs' link
settings. Links to other files are the one input from outside the text: the entry records each
lookup MkDocs made and is used only while every lookup still gives the same answer. Warnings
emitted while converting are stored and replayed, so `--strict` fails on a cached page too.

The folder is safe to delete; entries are JSON in the sealed store (`store`): a damaged one is a miss.
Extensions outside a known list (which may keep state of their own) turn the cache off.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import inspect
import json
import sys
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath

import markdown

from . import host
from .host import Theme, plugin_logger
from .store import Store

FORMAT = "1"
"""Bump when the shape of an entry changes."""

PURE_EXTENSION_PACKAGES = ("markdown.", "pymdownx.", "material.", host.PREFIX, "bantin.")
"""Packages whose Markdown extensions keep no state outside the conversion they run in."""

log = plugin_logger(__name__)


class Unstable(ValueError):
    """A value with no complete, run-independent text form."""


VALUES = (datetime.date, datetime.time, datetime.timedelta, zoneinfo.ZoneInfo, PurePath)
"""Types whose repr is their whole value."""


def stable(value, known: Callable[[object], object] | None = None) -> object:
    """A JSON-able, run-independent and complete form of a value, or `Unstable`. `known` may
    give the form of some objects itself (a memoised digest), or None to let `stable` decide."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if known is not None and (form := known(value)) is not None:
        return form
    if isinstance(value, list | tuple):
        return [stable(item, known) for item in value]
    if isinstance(value, dict):
        return {str(key): stable(item, known) for key, item in sorted(value.items(), key=str)}
    if isinstance(value, set | frozenset):  # sets iterate in an order set by the hash seed
        return sorted((stable(item, known) for item in value), key=repr)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: stable(getattr(value, f.name), known) for f in dataclasses.fields(value)}
        return [type(value).__qualname__, fields]
    if isinstance(value, Theme):
        return [
            "Theme",
            value.name,
            value.dirs,
            sorted(value.static_templates),
            stable({key: str(item) if key == "locale" else item for key, item in value.items()}),
        ]
    if isinstance(value, enum.Enum):
        return f"{type(value).__qualname__}.{value.name}"
    if isinstance(value, VALUES):
        return repr(value)
    if isinstance(value, Mapping):
        return stable(dict(value), known)
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    # Any other object may hide state its repr does not show: no key can be made from it.
    raise Unstable(f"{type(value).__module__}.{type(value).__qualname__}")


def _module_source(obj) -> str:
    module = sys.modules.get(type(obj).__module__)
    try:
        return inspect.getsource(module) if module else ""
    except (OSError, TypeError):
        return type(obj).__module__


def fingerprint(extensions: list, configs: dict, link_settings: dict) -> str | None:
    """What every conversion of this build shares, or None when caching would not be safe."""
    try:
        md = markdown.Markdown(extensions=extensions, extension_configs=configs or {})
        settings = stable([extensions, configs, link_settings])
    except Unstable as error:
        log.debug(f"Markdown cache off: config value without a stable form {error}")
        return None
    parts = [*md.registeredExtensions]
    for registry in (
        md.preprocessors,
        md.parser.blockprocessors,
        md.inlinePatterns,
        md.treeprocessors,
        md.postprocessors,
    ):
        parts.extend(registry)
    digest = hashlib.sha256()
    digest.update(json.dumps([FORMAT, markdown.__version__, host.VERSION, settings]).encode())
    for module in sorted({type(part).__module__ for part in parts}):
        if not module.startswith(PURE_EXTENSION_PACKAGES):
            log.debug(f"Markdown cache off: extension module {module} may keep state")
            return None
    for source in sorted({_module_source(part) for part in parts}):
        digest.update(source.encode())
    return digest.hexdigest()


def entry_key(fingerprint: str, src_uri: str, url: str, excluded: bool, text: str) -> str:
    digest = hashlib.sha256()
    for part in (fingerprint, src_uri, url, str(excluded), text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass
class Entry:
    """One conversion: its outputs, the file lookups it made and the warnings it printed."""

    content: str
    toc: list
    title: str | None
    anchors: list[str]
    links_to_anchors: dict[str, dict[str, str]]
    lookups: dict[str, list | None]
    warnings: list[list] = field(default_factory=list)
    """[logger name, level, message] for each record of level INFO or above."""


@dataclass
class MarkdownCache:
    """The cache folder of one build; `used` lists the keys this build read or wrote."""

    folder: Path
    fingerprint: str
    used: set[str] = field(default_factory=set)
    ahead: Callable[[str], None] | None = None
    """Called with a page's source path before its lookup, so that a helper process converting
    the same page can store it first (see `parallel`)."""

    def __post_init__(self) -> None:
        self.store = Store(self.folder, ".json")
        self.store.used = self.used

    def get(self, key: str) -> Entry | None:
        data = self.store.get(key)
        if data is None:
            return None
        try:
            return Entry(**json.loads(data))
        except (ValueError, TypeError):
            return None

    def put(self, key: str, entry: Entry) -> None:
        data = json.dumps(entry.__dict__, ensure_ascii=False).encode("utf-8")
        if not self.store.put(key, data):
            log.debug("Markdown cache not written")

    def prune(self) -> None:
        """Forget entries this build did not use, so the folder stays the size of the site."""
        self.store.prune()

"""The host engine: MkDocs 1.6 or ProperDocs 1.6 (its maintained fork), chosen once per process.

Every name bantin takes from the engine comes through this module, and it alone spells the
engine's package name; every private name of the engine bantin relies on (a page's render
state, the dirty-build switch of a file, the page-building step) is wrapped here or used only
elsewhere in `bantin/engine/`. A port to another engine starts in this file.

Which engine: the one already running (`mkdocs build` or `properdocs build` imported it before
our plugins), else `BANTIN_ENGINE` (`mkdocs` or `properdocs`), else ProperDocs when installed
(only its extra installs it: Material requires mkdocs, so mkdocs is there either way), else
MkDocs. Under ProperDocs its import redirect is switched on, so Material's own `mkdocs.*`
imports reach the same classes as ours.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import os
import sys
from collections.abc import Callable

ENGINES = ("mkdocs", "properdocs")
"""The engines bantin runs on, by package name."""


def _choose() -> str:
    running = sys.modules.get("mkdocs")
    if running is not None:  # ProperDocs' redirect puts itself under this name
        return running.__name__
    if "properdocs" in sys.modules:
        return "properdocs"
    wanted = os.environ.get("BANTIN_ENGINE", "").strip().lower()
    if wanted:
        if wanted not in ENGINES:
            raise ImportError(f"BANTIN_ENGINE={wanted!r}: chỉ nhận {' hoặc '.join(ENGINES)}")
        return wanted
    return "properdocs" if importlib.util.find_spec("properdocs") is not None else "mkdocs"


NAME = _choose()
"""The package name of the engine in use: its modules, loggers and entry points start with it."""

if NAME == "properdocs":
    importlib.import_module("properdocs.replacement")


def _module(name: str):
    return importlib.import_module(f"{NAME}.{name}")


_plugins = _module("plugins")
_build = _module("commands.build")
_exceptions = _module("exceptions")
_files = _module("structure.files")
_pages = _module("structure.pages")
_toc = _module("structure.toc")
_config = _module("config")

VERSION: str = importlib.import_module(NAME).__version__
PREFIX = f"{NAME}."
"""The prefix of the engine's module names: code from there is known not to hide inputs."""

BasePlugin = _plugins.BasePlugin
CombinedEvent = _plugins.CombinedEvent
event_priority = _plugins.event_priority
config_options = _module("config.config_options")
Config = _module("config.base").Config
MkDocsConfig = _module("config.defaults").MkDocsConfig
load_config = _config.load_config
Abort = _exceptions.Abort
BuildError = _exceptions.MkDocsException
PluginError = _exceptions.PluginError
File = _files.File
Files = _files.Files
InclusionLevel = _files.InclusionLevel
Page = _pages.Page
Navigation = _module("structure.nav").Navigation
AnchorLink = _toc.AnchorLink
get_toc = _toc.get_toc
Theme = _module("theme").Theme
build = _build.build


def plugin_logger(module: str) -> logging.Logger:
    """The logger of one of our modules, as the engine names plugin loggers
    (`get_plugin_logger`: `<engine>.plugins.<module>`, so the engine shows its records and
    `--strict` counts its warnings). The logger itself, not the engine's adapter, which would
    put "bantin: " before each message: ours begin with `path:line: field:`, as `bantin check`
    prints them."""
    return _plugins.get_plugin_logger(module).logger


def run_command_line(argv: list[str], prog_name: str) -> None:
    """The engine's own command line with `argv` (`bantin serve` runs `serve --dirty`)."""
    cli = importlib.import_module(f"{NAME}.__main__").cli
    cli.main(argv, prog_name=prog_name, standalone_mode=False)


def logger(name: str = "") -> logging.Logger:
    """The engine's logger `name` (`commands.build`), or its root logger."""
    return logging.getLogger(f"{NAME}.{name}" if name else NAME)


# -- Private names of the engine, wrapped -------------------------------------------------------


def render_state(page) -> tuple[str | None, list[str], dict[str, dict[str, str]]]:
    """What rendering a page's Markdown leaves on it besides content and TOC, which the engine
    reads later (the title from the first heading, the anchors present, the links to anchors
    by target path, for its anchor validation): (title, anchors, links by src_uri)."""
    links = page.links_to_anchors or {}
    return (
        page._title_from_render,
        sorted(page.present_anchor_ids or ()),
        {file.src_uri: targets for file, targets in links.items()},
    )


def restore_render_state(page, files, title, anchors, links_by_src) -> None:
    """The inverse of `render_state`. Links to anchors are kept only when the engine will check
    them (its page logger at DEBUG or above), as its own rendering does."""
    page._title_from_render = title
    page.present_anchor_ids = set(anchors)
    if logger("structure.pages").getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = {
            files.get_file_from_path(src): targets for src, targets in links_by_src.items()
        }


def set_modified(file, answer: Callable[[], bool]) -> None:
    """In a dirty build the engine asks each file `is_modified()` whether to build it again;
    `answer` replaces that question for this file."""
    file.is_modified = answer


def has_generated_content(file) -> bool:
    """Whether a file's content was given in memory (a generated file), not read from disk."""
    return file._content is not None


def build_page(page, config, files, nav, env, *, excluded: bool) -> None:
    """The engine's own step for one page: context, `on_page_context`, template,
    `on_post_page`, writing the file."""
    _build._build_page(page, config, files, nav, env, dirty=False, excluded=excluded)


def set_template_class(env, template_class) -> None:
    """The class of templates the Jinja environment compiles."""
    env.template_class = template_class


def translations_size(translations) -> int:
    """How many messages a theme's gettext translations hold (0 for none)."""
    return len(getattr(translations, "_catalog", {}) or {})


def is_dirty_build_notice(record: logging.LogRecord) -> bool:
    """The engine's warning that a dirty build may leave navigation stale, by its text."""
    return record.getMessage().startswith("A 'dirty' build is being performed")


def build_logger() -> logging.Logger:
    """The logger of the engine's build command (where the dirty-build notice comes from)."""
    return logger("commands.build")


def instrument_build(config, wrap: Callable, plugin_phase: Callable[[str, str], str]) -> None:
    """Wrap the engine's build steps and each plugin handler of `config` with
    `wrap(phase, function)`, for the bench; `plugin_phase(name, event)` names a handler's phase."""
    utils = _module("utils")
    _build._populate_page = wrap("markdown", _build._populate_page)
    _build._build_page = wrap("templates", _build._build_page)
    _build._build_theme_template = wrap("templates", _build._build_theme_template)
    _build._build_extra_template = wrap("templates", _build._build_extra_template)
    utils.write_file = wrap("writing", utils.write_file)
    File.copy_file = wrap("writing", File.copy_file)
    Files.copy_static_files = wrap("writing", Files.copy_static_files)
    owners = {id(plugin): name for name, plugin in config.plugins.items()}
    origins = config.plugins._event_origins
    for event, handlers in config.plugins.events.items():
        for index, handler in enumerate(handlers):
            name = owners.get(id(getattr(handler, "__self__", None)), "")
            handlers[index] = wrap(plugin_phase(name, event), handler)
            # The engine names the plugin running an event (File.generated_by) by its handler.
            if handler in origins:
                origins[handlers[index]] = origins[handler]

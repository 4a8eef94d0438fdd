"""Renamed and retired options: MkDocs' `Deprecated`, told without failing a strict build.

MkDocs turns a deprecation into a configuration warning, and `--strict` aborts on any: a site
whose CI builds strictly (every site `bantin init` makes) would stop publishing the day it
upgrades Bản Tin, although its option still works. So the message goes to the build log at INFO
and `bantin check` prints it as a warning (an annotation in a pull request), and the site keeps
building until someone edits the line.
"""

from __future__ import annotations

from .host import config_options as c
from .host import plugin_logger

log = plugin_logger(__name__)


class Deprecated(c.Deprecated):
    """An option that still works (validated by `option_type`, or moved to `moved_to`) and says
    what replaces it."""

    def pre_validation(self, config, key_name: str) -> None:
        super().pre_validation(config, key_name)
        # MkDocs collects these as configuration warnings after validation; told here instead.
        while self.warnings:
            log.info(self.warnings.pop(0))


def deprecations(config) -> list[tuple[str, str, str]]:
    """(plugin, option, message) of each deprecated option still set in mkdocs.yml. (An option
    moved to a new name leaves no trace to find: its value has moved by now.)"""
    return [
        (name, key, option.message.format(key))
        for name, plugin in config.plugins.items()
        for key, option in getattr(plugin, "config_scheme", ())
        if isinstance(option, c.Deprecated) and plugin.config.get(key) is not None
    ]

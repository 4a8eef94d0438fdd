"""The site a command works on: its MkDocs config, address formats and registries."""

from __future__ import annotations

from pathlib import Path

from ..model.addresses import Addresses


def load_site(config_file: str):
    """The MkDocs config of the site, with our plugin's address formats."""
    from .host import load_config

    config = load_config(config_file)
    plugin = config.plugins.get("bantin-articles")
    addresses = Addresses.from_mapping(dict(plugin.config.addresses)) if plugin else Addresses()
    return config, addresses


def load_registries(config_file: str):
    """(config, registries, errors) of the site's content/_data registries."""
    from ..model.catalog import read_registries

    config, addresses = load_site(config_file)
    root = Path(config.config_file_path).parent
    registries, errors = read_registries(Path(config.docs_dir), root, addresses)
    return config, registries, errors

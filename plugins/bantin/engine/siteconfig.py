"""The site a command works on: its MkDocs config, address formats and registries."""

from __future__ import annotations

from pathlib import Path

from ..model.addresses import Addresses


def load_site(config_file: str):
    """The MkDocs config of the site, with our plugin's address formats."""
    from .host import load_config

    config = load_config(config_file)
    try:
        shared_registry(config)
    except ImportError as error:
        # A staff command gets one line to act on, not a traceback.
        raise SystemExit(f"lỗi: mkdocs.yml: plugins → bantin → registry: {error}") from None
    plugin = config.plugins.get("bantin-articles")
    addresses = Addresses.from_mapping(dict(plugin.config.addresses)) if plugin else Addresses()
    return config, addresses


def load_registries(config_file: str):
    """(config, registries, errors) of the site's registries (content/_data or shared)."""
    from ..model.catalog import read_registries

    config, addresses = load_site(config_file)
    root = Path(config.config_file_path).parent
    registries, errors = read_registries(registry_dir(config), root, addresses)
    return config, registries, errors


PACKAGE_PREFIX = "package:"


def shared_registry(config) -> Path | None:
    """The registry folder the `bantin` plugin shares with other sites, if it names one."""
    plugin = config.plugins.get("bantin")
    value = plugin.config.registry if plugin is not None else None
    if not value:
        return None
    return resolve_registry(value, Path(config.config_file_path).parent)


def resolve_registry(value: str, root: Path) -> Path:
    """`package:NAME`: the folder of an installed Python package (a registry published with pip,
    so every site of a province pins the same version); else a folder relative to `root`."""
    if value.startswith(PACKAGE_PREFIX):
        from importlib import import_module

        module = import_module(value[len(PACKAGE_PREFIX) :].strip())
        return Path(module.__file__).parent
    return (root / Path(value).expanduser()).resolve()


def registry_dir(config) -> Path:
    """Where units.yml, categories.yml and links.yml are: shared, else the site's content/_data."""
    from ..model.catalog import DATA_DIR

    return shared_registry(config) or Path(config.docs_dir) / DATA_DIR


def links_file(config, data_file: str | None = None) -> tuple[Path, Path]:
    """(links.yml, the folder its logo paths start from). Logos of the site's own links.yml are
    relative to content/, as ever; a shared registry's are relative to the registry folder,
    which every site sharing it can reach. `data_file` is bantin-links' deprecated option."""
    docs_dir = Path(config.docs_dir)
    if data_file:
        return docs_dir / data_file, docs_dir
    shared = shared_registry(config)
    if shared is not None:
        return shared / "links.yml", shared
    return registry_dir(config) / "links.yml", docs_dir

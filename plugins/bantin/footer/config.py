"""Configuration of the `bantin-links` plugin (mkdocs.yml → plugins → bantin-links)."""

from __future__ import annotations

from ..engine.deprecation import Deprecated
from ..engine.host import Config
from ..engine.host import config_options as c


class LinksConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the linked-websites footer off."""
    data_file = Deprecated(
        message="bantin-links: tuỳ chọn '{}' đã cũ từ bản 0.2.0: links.yml nằm cùng units.yml và "
        "categories.yml trong thư mục danh mục (content/_data/, hoặc thư mục dùng chung ghi ở "
        "plugins → bantin → registry). Tuỳ chọn vẫn dùng được; xoá dòng này khi links.yml đã ở đó.",
        option_type=c.Type(str),
    )
    """Deprecated (0.2.0): the list of linked websites, relative to docs_dir. Superseded by the
    registry folder (`bantin` plugin's `registry`), which holds links.yml beside units.yml so
    sites sharing a registry share their links; still honoured when set."""
    logo_height = c.Type(int, default=40)
    """Height of every logo in the footer grid, in CSS pixels."""
    logo_max_width = c.Type(int, default=160)
    """Widest a logo may be, in CSS pixels; wider ones are scaled down and centred."""
    logo_dir = c.Type(str, default="assets/links")
    """Where the normalised logos go in the built site."""
    cache_dir = c.Type(str, default=".cache/bantin/links")
    """Normalised logos kept between builds, relative to the folder of mkdocs.yml."""

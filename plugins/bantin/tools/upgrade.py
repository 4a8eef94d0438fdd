"""What a site's own files lack for the installed Bản Tin: `bantin check` prints it as warnings.

An upgrade never edits a site. Instead each `site_version` says what its sites must change, and a
site's mkdocs.yml records the version its files follow (`bantin init` writes it): a site behind
is told what to change, a site ahead is told to upgrade the tool.
"""

from __future__ import annotations

from pathlib import Path

from .. import SITE_VERSION, __version__
from ..engine.deprecation import deprecations
from ..model.errors import ContentError

CHANGES = {
    1: "từ Bản Tin 0.2.0, giao diện và cấu hình mặc định nằm trong gói: thêm `- bantin:` với "
    "`site_version: 1` đầu danh sách plugins, rồi xoá khỏi mkdocs.yml những gì đã chép từ trang "
    "mẫu (theme.custom_dir trỏ vào theme của Bản Tin, nav, validation, extra_css, "
    "extra_javascript, markdown_extensions); xem CHANGELOG.md",
}
"""What each site_version asks of a site, in Vietnamese, from the version before it."""


def lagging(config) -> list[ContentError]:
    """Warnings about the site's files against what this version of Bản Tin expects."""
    config_file = Path(config.config_file_path)
    shown = config_file.name
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    found: list[ContentError] = []
    plugin = config.plugins.get("bantin")
    have = plugin.config.site_version if plugin is not None else None
    line = _line_of(text, "site_version") or _line_of(text, "plugins") or 1
    if plugin is None or have is None:
        found.append(
            ContentError(shown, line, "site_version", f"tệp của trang theo bản cũ. {CHANGES[1]}")
        )
    elif have < SITE_VERSION:
        for version in range(have + 1, SITE_VERSION + 1):
            found.append(
                ContentError(shown, line, "site_version", f"lên {version}: {CHANGES[version]}")
            )
    elif have > SITE_VERSION:
        found.append(
            ContentError(
                shown,
                line,
                "site_version",
                f"trang cần Bản Tin mới hơn bản đang cài ({__version__}, site_version "
                f"{SITE_VERSION}); hãy chạy pip install -r requirements.txt",
            )
        )
    for plugin_name, key, message in deprecations(config):
        where = _line_of(text, key) or 1
        found.append(ContentError(shown, where, f"plugins → {plugin_name} → {key}", message))
    home = Path(config.docs_dir) / "index.md"
    if not home.is_file():
        found.append(
            ContentError(
                shown,
                _line_of(text, "docs_dir") or 1,
                "docs_dir",
                f"thiếu trang chủ {home.name} trong {Path(config.docs_dir).name}/ (bantin init "
                "viết tệp này: front matter `template: bantin/home.html`)",
            )
        )
    return found


def _line_of(text: str, key: str) -> int | None:
    """The first line where `key:` is written in mkdocs.yml (1-based)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().lstrip("- ").startswith(f"{key}:"):
            return number
    return None

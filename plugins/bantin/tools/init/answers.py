"""What `bantin init` needs to know about the organisation and its site, checked once."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ... import SITE_VERSION, __version__
from ...model.text import clean, slugify

KINDS = {
    "tinh-doan": "Tỉnh đoàn",
    "thanh-doan": "Thành đoàn",
    "doan-khoi": "Đoàn khối",
    "doan-xa": "Đoàn xã, phường, đặc khu",
    "doan-truong": "Đoàn trường",
    "doan-co-so": "Đoàn cơ sở",
    "khac": "tổ chức Đoàn khác",
}
"""Kinds of organisation (flag value → what staff read)."""

HOSTS = {
    "github": "GitHub Pages",
    "netlify": "Netlify",
    "cloudflare": "Cloudflare Pages",
    "other": "máy chủ khác (nginx, hosting của tỉnh…)",
}
"""Where the site is published (flag value → what staff read)."""

DEFAULT_PARENT = "Trung ương Đoàn TNCS Hồ Chí Minh"
SOURCE_URL = "https://github.com/bantin-doan/bantin"
"""Where sites install Bản Tin from (git tag of the installed version), unless --source says."""


class InitError(Exception):
    """What stopped `bantin init`, in Vietnamese."""


@dataclass(frozen=True)
class SiteAnswers:
    name: str
    kind: str
    parent: str
    url: str
    host: str
    parent_url: str | None = None
    category: str = "Tin tức - Sự kiện"
    """The chuyên mục of the welcome article (the first of a shared registry's)."""
    registry: str | None = None
    """A shared registry folder, as mkdocs.yml will name it (relative to the site's folder)."""
    source: str = ""
    """The line of requirements.txt that installs Bản Tin."""

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def host_label(self) -> str:
        return HOSTS[self.host]

    @property
    def parent_link(self) -> tuple[str, str] | None:
        """The parent unit in the footer's links, unless it is the national one (listed anyway)."""
        if self.parent and self.parent_url and self.parent != DEFAULT_PARENT:
            return (self.parent, self.parent_url)
        return None

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def version(self) -> str:
        return __version__

    @property
    def site_version(self) -> int:
        return SITE_VERSION


def guess_kind(name: str) -> str:
    """The kind a name starts with ("Tỉnh đoàn Lào Cai" → tinh-doan), else "khac"."""
    folded = slugify(name)
    for kind in KINDS:
        if kind != "khac" and folded.startswith(kind):
            return kind
    return "khac"


def check_url(url: str) -> str:
    """An http(s) address with its trailing slash (MkDocs' site_url)."""
    url = clean(url)
    if not url.startswith(("https://", "http://")) or " " in url:
        raise InitError(f"địa chỉ trang '{url}' cần dạng https://ten-mien.vn/")
    return url if url.endswith("/") else url + "/"


def default_source(version: str = __version__) -> str:
    """Bản Tin at the git tag of this version: an upgrade is a new tag in requirements.txt."""
    return f"bantin @ git+{SOURCE_URL}@v{version}"


def registry_reference(registry: Path, target: Path) -> str:
    """The shared registry as the new site's mkdocs.yml names it: relative when it can be."""
    registry, target = registry.resolve(), target.resolve()
    try:
        return Path(os.path.relpath(registry, target)).as_posix()
    except ValueError:  # another drive on Windows
        return str(registry)

"""The linked websites (liên kết website) of content/_data/links.yml, read and validated.

Pure: no MkDocs here. Every problem becomes a `ContentError` naming the line, all collected.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from ..model import contentfiles, records
from ..model.catalog import shown_path
from ..model.errors import ContentError
from .logos import probe

FIELDS = ("name", "url", "logo", "group")
# Words staff reach for instead of our keys, so an unknown key can suggest the right one.
SYNONYMS = {
    "link": "url", "href": "url", "website": "url", "web": "url", "dia_chi": "url",
    "title": "name", "ten": "name", "tên": "name",
    "image": "logo", "anh": "logo", "ảnh": "logo", "icon": "logo",
    "nhom": "group", "nhóm": "group", "category": "group",
}  # fmt: skip


@dataclass(frozen=True)
class Link:
    """One linked website; `logo` is a path relative to docs_dir, already checked to be an image."""

    name: str
    url: str
    group: str | None = None
    logo: str | None = None
    line: int = 1


@dataclass(frozen=True)
class LinkGroup:
    """Links sharing a `group`, in the order of the file; `name` is None for ungrouped links."""

    name: str | None
    links: tuple[Link, ...]


def group_links(links: tuple[Link, ...] | list[Link]) -> tuple[LinkGroup, ...]:
    """Groups in order of first appearance, each keeping the file's order of its links."""
    groups: dict[str | None, list[Link]] = {}
    for link in links:
        groups.setdefault(link.group, []).append(link)
    return tuple(LinkGroup(name, tuple(members)) for name, members in groups.items())


def is_web_address(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in url


def read_links(
    path: Path, root: Path, logo_base: Path
) -> tuple[tuple[Link, ...], list[ContentError]]:
    """The links of a site from `path`, logos relative to `logo_base`; errors name the file from
    `root`."""
    return load_links(path, shown_path(path, root), logo_base)


def load_links(
    path: Path, shown: str, docs_dir: Path
) -> tuple[tuple[Link, ...], list[ContentError]]:
    """Read links.yml; a missing file means no linked websites, not an error."""
    reader = records.RecordReader(shown)
    fail = reader.fail
    data = reader.records(path, docs_dir, missing=None) or records.LineList()
    links: list[Link] = []
    seen: dict[str, int] = {}
    for item, line in zip(data, data.item_lines, strict=True):
        before = len(reader.errors)
        if reader.entry(item, line, FIELDS, SYNONYMS) is None:
            continue
        name, url, logo, group = (reader.text(item, key) for key in FIELDS)
        if not name:
            fail(item.line, "name", "thiếu tên website (name)")
        if not url:
            fail(item.line, "url", "thiếu địa chỉ website (url)")
        elif not is_web_address(url):
            fail(
                item.line_of("url"), "url", f"cần địa chỉ bắt đầu bằng https://, nhận được '{url}'"
            )
        elif url in seen:
            fail(item.line_of("url"), "url", f"địa chỉ trùng với mục ở dòng {seen[url]}")
        else:
            seen[url] = item.line
        if logo:
            logo = _logo(logo, docs_dir, item.line_of("logo"), fail)
        if len(reader.errors) == before:
            links.append(Link(name=name, url=url, group=group or None, logo=logo, line=item.line))
    return tuple(links), reader.errors


def _logo(logo: str, docs_dir: Path, line: int, fail) -> str | None:
    """The logo as a docs-relative POSIX path, if it is a readable image inside docs_dir."""
    relative = PurePosixPath(logo.lstrip("/"))
    if ".." in relative.parts:
        fail(line, "logo", f"đường dẫn ảnh phải nằm trong thư mục content/, nhận được '{logo}'")
        return None
    source = docs_dir / relative
    if not source.is_file():
        fail(line, "logo", f"không tìm thấy ảnh '{logo}' (đường dẫn tính từ thư mục content/)")
        return None
    if contentfiles.leaves(docs_dir, source):
        fail(line, "logo", f"'{logo}' {contentfiles.outside_message(source)}")
        return None
    if problem := probe(source):
        fail(line, "logo", f"'{logo}' {problem}")
        return None
    return relative.as_posix()

"""The linked websites (liên kết website) of content/_data/links.yml, read and validated.

Pure: no MkDocs here. Every problem becomes a `ContentError` naming the line, all collected.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from ..model import records
from ..model.catalog import shown_path
from ..model.errors import ContentError
from ..model.text import clean
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
    errors: list[ContentError] = []

    def fail(line: int, field: str, message: str) -> None:
        errors.append(ContentError(shown, line, field, message))

    if not path.is_file():
        return (), errors
    try:
        data = records.load(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        fail(1, "mã hoá", "tệp không phải UTF-8; hãy lưu lại với mã hoá UTF-8")
        return (), errors
    except records.YamlSyntaxError as error:
        fail(error.line, "YAML", str(error))
        return (), errors
    if data is None:
        return (), errors
    if not isinstance(data, records.LineList):
        fail(1, "tệp", "cần một danh sách, mỗi mục bắt đầu bằng '- name: ...'")
        return (), errors

    links: list[Link] = []
    seen: dict[str, int] = {}
    for item, line in zip(data, data.item_lines, strict=True):
        if not isinstance(item, records.LineDict):
            fail(line, "mục", "mỗi mục cần dạng 'name: ...' và 'url: ...'")
            continue
        before = len(errors)
        for key in item:
            if key not in FIELDS:
                hint = SYNONYMS.get(str(key).lower()) or next(
                    iter(difflib.get_close_matches(str(key), FIELDS, n=1)), None
                )
                suggestion = f"; có phải '{hint}'?" if hint else ""
                fail(item.line_of(key), str(key), f"trường không có trong links.yml{suggestion}")
        name = _text(item, "name", fail)
        url = _text(item, "url", fail)
        group = _text(item, "group", fail)
        logo = _text(item, "logo", fail)
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
        if len(errors) == before:
            links.append(Link(name=name, url=url, group=group or None, logo=logo, line=item.line))
    return tuple(links), errors


def _text(item: records.LineDict, key: str, fail) -> str | None:
    value = item.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        fail(item.line_of(key), key, "cần một chuỗi văn bản")
        return None
    return clean(str(value))


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
    if problem := probe(source):
        fail(line, "logo", f"'{logo}' {problem}")
        return None
    return relative.as_posix()

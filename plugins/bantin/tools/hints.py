"""A hint for each problem `bantin check` reports: what to write instead."""

from __future__ import annotations

import re
from pathlib import Path

from ..model.errors import ContentError
from .importer.dates import find_dates, front_matter_value

_EXAMPLES = {
    "title": "title: Tỉnh đoàn Ninh Bình kiểm tra công tác Đoàn năm 2024",
    "date": "date: 2024-10-16 (hoặc 2024-10-16T08:30 nếu có giờ)",
    "unit": "unit: <tên đơn vị trong content/_data/units.yml>",
    "category": "category: <tên chuyên mục trong content/_data/categories.yml>",
}


def hint(error: ContentError, root: Path) -> str | None:
    """A short Vietnamese hint for `error`, or None when its message already says it all."""
    message = error.message
    if message.startswith("thiếu trường bắt buộc"):
        name = message.rsplit("'", 2)[-2]
        return f"thêm dòng: {_EXAMPLES.get(name, name + ': ...')}"
    if error.field == "date":
        value = _value_on_line(root / error.path, error.line, "date")
        dates = [found for found in find_dates(value or "") if found.on()]
        if dates:
            return f"viết: date: {front_matter_value(dates[0].on(), dates[0].at)}"
        return f"ví dụ: {_EXAMPLES['date']}"
    if error.field in ("unit", "category") and message.startswith("không có"):
        registry = "units.yml" if error.field == "unit" else "categories.yml"
        return f"chép đúng tên (hoặc một alias) trong content/_data/{registry}, hoặc thêm mục mới vào đó"
    if error.field == "mã hoá":
        return "bài chép từ cổng thông tin cũ (TCVN3, Windows-1258)? dùng: bantin import TỆP --out content/articles"
    if error.field == "front matter" and message.startswith("thiếu front matter"):
        return "tệp chỉ có chữ? dùng: bantin new (bài mới) hoặc bantin import TỆP --out content/articles"
    return None


def _value_on_line(path: Path, line: int, key: str) -> str | None:
    try:
        text = path.read_text(encoding="utf-8-sig").split("\n")[line - 1]
    except (OSError, UnicodeDecodeError, IndexError):
        return None
    match = re.match(rf"\s*{key}\s*:\s*(.*)$", text)
    return match.group(1).strip().strip("'\"") if match else None

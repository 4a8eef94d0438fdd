"""Text hygiene of article files: things that build fine but read or search worse.

Warnings, never errors: NFD letters (some keyboards), non-breaking and double spaces (pasted from
portals), control characters in the body (pasted too; the build removes them), and straight
quotes in an article that otherwise uses curly ones.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .errors import ContentError
from .text import without_controls

FIELD = "văn bản"
_PER_KIND = 3
"""Lines reported per kind and file; the rest are counted."""
_CODE = re.compile(r"`[^`]*`|<[^>]*>|\{:[^}]*\}|\]\([^)]*\)")
_DOUBLE = re.compile(r"\S {2,}(?=\S)")


def warnings(path: Path, shown: str) -> list[ContentError]:
    """Hygiene warnings for one article file (unreadable files are the checker's errors)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    curly = "“" in text or "”" in text
    nfd = unicodedata.normalize("NFC", text) != text
    controls = without_controls(text) != text
    if not (nfd or controls or "\u00a0" in text or "  " in text or (curly and '"' in text)):
        return []  # the common case, decided without looking at lines
    lines = text.replace("\r\n", "\n").split("\n")
    found: dict[str, list[int]] = {
        "nfd": [], "control": [], "nbsp": [], "double": [], "straight": []
    }  # fmt: skip
    fenced = False
    body_from = _body_start(lines)
    for number, line in enumerate(lines, start=1):
        if nfd and unicodedata.normalize("NFC", line) != line:
            found["nfd"].append(number)
        if number < body_from:
            continue
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if controls and without_controls(line) != line:
            found["control"].append(number)
        if fenced:
            continue
        prose = _CODE.sub("", line)
        if "\u00a0" in prose:
            found["nbsp"].append(number)
        if _DOUBLE.search(prose):
            found["double"].append(number)
        if curly and '"' in prose:
            found["straight"].append(number)
    messages = {
        "nfd": "chữ ở dạng tổ hợp (NFD) do bộ gõ tạo ra; Bản Tin vẫn đọc đúng, nhưng nên lưu lại "
        "ở dạng dựng sẵn (NFC) để tìm kiếm và so sánh chính xác",
        "control": "có ký tự điều khiển vô hình (dán từ trang web cũ); Bản Tin bỏ chúng khi "
        "build, hãy xoá khỏi tệp",
        "nbsp": "có dấu cách không ngắt (NBSP) dán từ trang web cũ; hãy thay bằng dấu cách thường",
        "double": "có hai dấu cách liền nhau; hãy để một dấu cách",
        "straight": 'có dấu nháy thẳng (") trong khi bài dùng nháy cong (“ ”); hãy dùng “ ” cho thống nhất',
    }
    result = []
    for kind, numbers in found.items():
        for index, number in enumerate(numbers[:_PER_KIND]):
            more = len(numbers) - _PER_KIND
            suffix = f" (và {more} dòng khác)" if index == _PER_KIND - 1 and more > 0 else ""
            result.append(ContentError(shown, number, FIELD, f"cảnh báo: {messages[kind]}{suffix}"))
    return result


def _body_start(lines: list[str]) -> int:
    """First line after the front matter (1 when there is none)."""
    if not lines or lines[0].strip() != "---":
        return 1
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            return number + 1
    return 1

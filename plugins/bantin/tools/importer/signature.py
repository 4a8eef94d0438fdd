"""The signature that closes an article, and the author an editor writes from it.

"Ngọc Tú", "BTV", "ANH DUY", "Tin, ảnh: Minh Khang", "Tác giả bài viết: Doãn Thị Ý",
"CTV Yến Khanh - TH", "THẾ HIỆP – HUYỆN ĐOÀN PHÙ MỸ", "Hoa Mận – Đoàn Khối các cơ quan tỉnh".
"""

from __future__ import annotations

import re

_LABEL = re.compile(
    r"^(?:tác\s*giả(?:\s*bài\s*viết)?|người\s*viết|thực\s*hiện|tin|ảnh|bài|"
    r"(?:tin|bài)\s*(?:,|và)?\s*ảnh)\s*:\s*",
    re.IGNORECASE,
)
_ROLE = re.compile(r"^(?:CTV|PV|Phóng\s+viên|Cộng\s+tác\s+viên)\s+(?=\w)")
# After a dash: the writer's unit ("– Huyện đoàn Phù Mỹ") or a short code ("- TH"), not a name.
_AFFILIATION = re.compile(
    r"\s+[-–—]\s+(?:(?:huyện|tỉnh|thành|quận|thị|xã|khối)\s+đoàn|đoàn\s|chi\s+đoàn|liên\s+đội|"
    r"hội\s|trường\s|ban\s|văn\s+phòng|[A-ZĐ]{1,3}$).*$",
    re.IGNORECASE,
)
_END = re.compile(r"[.;:,…!?]$")


def looks_like_signature(text: str) -> bool:
    """A short closing line that names who wrote the article."""
    name = author_name(text)
    return (
        0 < len(name.split()) <= 6
        and len(text) <= 70
        and not re.search(r"\d", name)
        and not _END.search(text.rstrip("."))
        and name[0].isupper()
    )


def author_name(text: str) -> str:
    """The author as an editor writes it from the signature line."""
    name = _ROLE.sub("", _LABEL.sub("", text.strip())).strip()
    name = _AFFILIATION.sub("", name).strip() or name
    words = name.split()
    if name.isupper() and (len(words) > 1 or len(name) > 4):
        name = name.title()  # "ANH DUY" → "Anh Duy"; "BTV" stays an acronym
    return name

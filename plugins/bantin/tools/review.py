"""Articles still marked `review: [...]` (by `bantin import`), reported by `bantin check` as warnings
so an unsure title, date or unit is not forgotten once the article is published."""

from __future__ import annotations

import re
from pathlib import Path

from ..model.article import Article
from ..model.catalog import shown_path
from ..model.errors import ContentError

_KEY = re.compile(r"^review\s*:")


def pending(articles: list[Article], docs_dir: Path, root: Path) -> list[ContentError]:
    warnings = []
    for article in articles:
        if not article.review:
            continue
        path = docs_dir / article.src
        warnings.append(
            ContentError(
                shown_path(path, root),
                _line_of_review(path),
                "review",
                f"cảnh báo: cần người biên tập xem lại: {', '.join(article.review)}; "
                "sửa xong hãy xoá dòng review",
            )
        )
    return warnings


def _line_of_review(path: Path) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").split("\n"), start=1):
        if _KEY.match(line):
            return number
    return 1

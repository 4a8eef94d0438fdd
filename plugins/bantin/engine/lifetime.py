"""How long what we build on is maintained, said once per run to whoever runs a build.

Material for MkDocs, our theme, gets critical and security fixes only until 5 May 2027; MkDocs
1.x has had no release since August 2024 and ProperDocs 1.6 continues it. Material's own notice
(English, printed only under the `mkdocs` command) is switched off by NO_MKDOCS_2_WARNING in
scripts/ and CI; this one replaces it, in Vietnamese and English, with our plan (README, "What
we depend on and until when").
"""

from __future__ import annotations

import sys
from datetime import date

MATERIAL_END_OF_LIFE = date(2027, 5, 5)

_said = False


def notice(today: date | None = None) -> str:
    today = today or date.today()
    if today <= MATERIAL_END_OF_LIFE:
        vi = "chỉ còn được vá lỗi nghiêm trọng và lỗi bảo mật đến ngày 05/05/2027"
        en = "gets critical and security fixes only until 5 May 2027"
    else:
        vi = "đã ngừng được bảo trì từ ngày 05/05/2027"
        en = "has not been maintained since 5 May 2027"
    return (
        f"Lưu ý: Material for MkDocs (giao diện của Bản Tin) {vi}. Kế hoạch: dùng MkDocs 1.6 "
        "hoặc ProperDocs 1.6 (bản tiếp nối được bảo trì) đến hết hạn đó, rồi chuyển sang giao "
        "diện kế nhiệm; xem README, mục “What we depend on and until when”.\n"
        f"Note: Material for MkDocs (Bản Tin's theme) {en}. Plan: MkDocs 1.6 or ProperDocs 1.6 "
        "(its maintained fork) until then, then its successor; see the README, "
        "“What we depend on and until when”."
    )


def say_once() -> None:
    """Print the notice to stderr, once per process (a `serve` rebuilds many times)."""
    global _said
    if not _said:
        _said = True
        print(notice(), file=sys.stderr)

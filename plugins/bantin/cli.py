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
    catalog, errors = build_catalog(
        Path(config.docs_dir),
        Path(config.config_file_path).parent,
        addresses,
        ReadOptions(include_drafts=True, include_future=True),
        only=only,
    )
    errors = sorted([*errors, *_image_errors(config, catalog)])
    for error in errors:
        print(format_error(error, args.format))
    if errors:
        print(summary_line(len(errors)), file=sys.stderr)
        return 1
    print("Không có lỗi nội dung.", file=sys.stderr)
    return 0


def _image_errors(config, catalog) -> list[ContentError]:
    """Bad covers and body images, when the site uses the bantin-images plugin."""
    plugin = config.plugins.get("bantin-images")
    if plugin is None or not plugin.config.enabled:
        return []
    from .images.collect import problems

    root = Path(config.config_file_path).parent
    return problems(catalog.articles, Path(config.docs_dir), root, plugin.config.max_pixels)


def bench_images(args: argparse.Namespace) -> int:
    from .images.bench import run

    print(run(args.photos).report())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bantin", description="Công cụ Bản Tin")
    commands = parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check", help="kiểm tra bài viết và danh mục, không build")
    checker.add_argument("paths", nargs="*", help="tệp hoặc thư mục bài viết (mặc định: tất cả)")
    checker.add_argument("-f", "--config", default="mkdocs.yml", help="tệp cấu hình MkDocs")
    checker.add_argument("--format", choices=("text", "github"), default="text")
    checker.set_defaults(run=check)
    images = commands.add_parser(
        "bench-images", help="đo tốc độ mã hoá ảnh (lần đầu và khi build lại)"
    )
    images.add_argument("--photos", type=int, default=12, help="số ảnh 4000×3000 tổng hợp")
    images.set_defaults(run=bench_images)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())

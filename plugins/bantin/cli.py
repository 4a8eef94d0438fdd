"""The `bantin` command for staff and CI: `check` validates content without building; `build`
builds the site atomically (the previous `site/` stays until a build succeeds)."""

from __future__ import annotations

import argparse
import logging
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
        message = _escape_data(f"{error.field}: {error.message}")
        path = _escape_property(error.path)
        return f"::error file={path},line={error.line},title=Bản Tin::{message}"
    return str(error)


def _escape_data(text: str) -> str:
    """GitHub workflow-command escaping of the message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Properties (file=...) end at ',' and '::', so those are escaped too."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


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


def build(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import MkDocsException

    from .output import build_atomically

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        site = build_atomically(args.config, strict=args.strict, site_dir=args.site_dir)
    except MkDocsException as error:
        print(f"{error}\nBuild thất bại; thư mục site cũ được giữ nguyên.", file=sys.stderr)
        return 1
    print(f"Đã build xong vào {site}.", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bantin", description="Công cụ Bản Tin")
    commands = parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check", help="kiểm tra bài viết và danh mục, không build")
    checker.add_argument("paths", nargs="*", help="tệp hoặc thư mục bài viết (mặc định: tất cả)")
    checker.add_argument("-f", "--config", default="mkdocs.yml", help="tệp cấu hình MkDocs")
    checker.add_argument("--format", choices=("text", "github"), default="text")
    checker.set_defaults(run=check)
    builder = commands.add_parser("build", help="build trang vào site/, chỉ thay khi thành công")
    builder.add_argument("-f", "--config", default="mkdocs.yml", help="tệp cấu hình MkDocs")
    builder.add_argument("-d", "--site-dir", help="thư mục kết quả (mặc định: site_dir)")
    builder.add_argument(
        "-s", "--strict", action="store_true", default=None, help="dừng khi có cảnh báo"
    )
    builder.set_defaults(run=build)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())

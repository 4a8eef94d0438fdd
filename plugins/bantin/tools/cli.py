"""The `bantin` command for staff and CI: `check` validates content without building; `import` and
`new` write articles; `build` builds the site atomically (the previous `site/` stays until a
build succeeds)."""

from __future__ import annotations

import argparse
import logging
import sys
from functools import partial
from pathlib import Path

from .. import __version__
from ..engine.readcache import CACHE_FILE, ReadCache
from ..engine.siteconfig import links_file, registry_dir
from ..engine.siteconfig import load_site as _load_site
from ..model import hygiene
from ..model.catalog import ReadOptions, article_files, build_catalog, shown_path
from ..model.errors import ContentError, Report, summary_line
from . import new, review, upgrade
from .argvi import Parser, add_command
from .bench import command as bench_command
from .hints import hint
from .importer import command as importer_command
from .init import command as init_command


def _link_errors(config) -> list[ContentError]:
    """Problems in the linked-websites list (links.yml), when the bantin-links plugin is on."""
    from ..footer.registry import read_links

    plugin = config.plugins.get("bantin-links")
    if plugin is None or not plugin.config.enabled:
        return []
    root = Path(config.config_file_path).parent
    path, logo_base = links_file(config, plugin.config.data_file)
    return read_links(path, root, logo_base)[1]


def format_error(
    error: ContentError, style: str, advice: str | None = None, level: str = "error"
) -> str:
    if style == "github":
        message = f"{error.field}: {error.message}" + (f" (gợi ý: {advice})" if advice else "")
        path = _escape_property(error.path)
        return f"::{level} file={path},line={error.line},title=Bản Tin::{_escape_data(message)}"
    return str(error) + (f"\n    gợi ý: {advice}" if advice else "")


def _escape_data(text: str) -> str:
    """GitHub workflow-command escaping of the message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Properties (file=...) end at ',' and '::', so those are escaped too."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def check(args: argparse.Namespace) -> int:
    config, addresses = _load_site(args.config)
    only = [Path(path) for path in args.paths] if args.paths else None
    docs_dir, root = Path(config.docs_dir), Path(config.config_file_path).parent
    # A whole-site check shares the build's cache of articles read without errors; their
    # reading would find nothing new while the file, registries and code are the same.
    open_cache = partial(ReadCache, root / CACHE_FILE) if only is None else None
    catalog, errors = build_catalog(
        docs_dir,
        root,
        addresses,
        ReadOptions(include_drafts=True, include_future=True),
        only=only,
        open_cache=open_cache,
        data_dir=registry_dir(config),
    )
    document_errors, document_warnings = _document_problems(config, catalog, only)
    # One report, as the build makes: the same problem found twice (a link out of content/ seen
    # by the scan and by a registry's reader) is printed once.
    report = Report()
    report.add([*errors, *_image_errors(config, catalog), *document_errors])
    if not args.paths:
        report.add(_link_errors(config))
    errors = report.errors
    for error in errors:
        print(format_error(error, args.format, hint(error, root)))
    # Hygiene warnings, and what the site's files lack for this version, print but never change
    # the exit code.
    warnings = review.pending(list(catalog.articles), docs_dir, root) + document_warnings
    if not args.paths:
        warnings.extend(upgrade.lagging(config))
    for path in article_files(docs_dir, only):
        warnings.extend(hygiene.warnings(path, shown_path(path, root)))
    for warning in sorted(warnings):
        print(format_error(warning, args.format, level="warning"))
    if warnings:
        print(f"{len(warnings)} cảnh báo (chỉ để nhắc, không làm lệnh thất bại).", file=sys.stderr)
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
    from ..images.collect import problems

    root = Path(config.config_file_path).parent
    articles = [*catalog.articles, *catalog.flawed]
    return problems(articles, Path(config.docs_dir), root, plugin.config.max_pixels)


def _document_problems(config, catalog, only) -> tuple[list[ContentError], list[ContentError]]:
    """Errors in the documents register and warnings for numbers cited in articles that it
    lacks, when the site uses the bantin-documents plugin. The whole register is read (a
    citation is checked against all of it); errors are those of the files asked for."""
    plugin = config.plugins.get("bantin-documents")
    if plugin is None or not plugin.config.enabled:
        return [], []
    from ..model.addresses import DocumentAddresses
    from ..model.register import (
        document_files,
        read_register,
        unregistered_citations,
    )

    docs_dir, root = Path(config.docs_dir), Path(config.config_file_path).parent
    addresses = DocumentAddresses.from_mapping(dict(plugin.config.addresses))
    register, errors = read_register(docs_dir, root, catalog.units, registry_dir(config), addresses)
    if only is not None:
        asked = {shown_path(path, root) for path in document_files(docs_dir, only)}
        errors = [error for error in errors if error.path in asked]
    warnings = []
    if document_files(docs_dir):
        asked_articles = {path.resolve() for path in article_files(docs_dir, only)}
        articles = [a for a in catalog.articles if (docs_dir / a.src).resolve() in asked_articles]
        warnings = unregistered_citations(register, articles, docs_dir, root)
    return errors, warnings


def bench_images(args: argparse.Namespace) -> int:
    from ..images.bench import run

    print(run(args.photos).report())
    return 0


CHECK_EXAMPLES = """
Ví dụ:
  bantin check                            kiểm tra mọi bài và danh mục
  bantin check content/articles/2024      chỉ kiểm tra một thư mục
  bantin check --format github            in lỗi dạng chú thích của GitHub Actions

Mỗi lỗi in dạng tệp:dòng: trường: thông báo, kèm gợi ý cách sửa. Cảnh báo về chữ (dạng NFD,
hai dấu cách, nháy thẳng lẫn nháy cong) chỉ để nhắc, không làm lệnh thất bại.
"""

BUILD_EXAMPLES = """
Ví dụ:
  bantin build --strict                   build vào site/ (như scripts/build)
  bantin build -d /tmp/thu                build vào thư mục khác

Trang được build vào một thư mục tạm bên cạnh site/ và chỉ thay site/ khi build thành công:
bài lỗi hay liên kết hỏng không bao giờ làm hỏng trang đang chạy.
"""


def build(args: argparse.Namespace) -> int:
    from ..engine import host, lifetime
    from ..engine.atomic import build_atomically

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = host.logger()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    lifetime.say_once()
    try:
        site = build_atomically(args.config, strict=args.strict, site_dir=args.site_dir)
    except host.BuildError as error:
        print(f"{error}\nBuild thất bại; thư mục site cũ được giữ nguyên.", file=sys.stderr)
        return 1
    print(f"Đã build xong vào {site}.", file=sys.stderr)
    return 0


SERVE_EXAMPLES = """
Ví dụ:
  bantin serve                            xem trước ở http://127.0.0.1:8000
  bantin serve -a 0.0.0.0:8000            cho máy khác trong mạng nội bộ xem

Trang tự cập nhật mỗi khi lưu tệp; bản nháp và bài hẹn ngày cũng hiện. Bấm Ctrl+C để dừng.
"""


def serve(args: argparse.Namespace) -> int:
    """MkDocs' own `serve --dirty` (what scripts/serve runs), without bash: after a save only
    what the change touched is rebuilt."""
    from ..engine.host import run_command_line

    argv = ["serve", "--dirty", "-f", args.config, "-a", args.dev_addr]
    if args.open:
        argv.append("--open")
    # MkDocs stops on Ctrl+C itself ("Shutting down...").
    run_command_line(argv, "bantin serve")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="bantin",
        description="Công cụ Bản Tin cho cán bộ truyền thông: kiểm tra, nhập và tạo bài viết.",
        epilog="Xem hướng dẫn từng lệnh: bantin check --help, bantin import --help, bantin new --help",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"bantin {__version__}",
        help="in phiên bản rồi thoát",
    )
    commands = parser.add_subparsers(dest="command", required=True, title="lệnh", metavar="LỆNH")
    checker = add_command(
        commands,
        "check",
        "kiểm tra bài viết và danh mục, không build",
        "Kiểm tra bài viết và danh mục mà không build trang.",
        CHECK_EXAMPLES,
    )
    checker.add_argument(
        "paths", nargs="*", metavar="ĐƯỜNG_DẪN", help="tệp hoặc thư mục bài viết (mặc định: tất cả)"
    )
    checker.add_argument(
        "--format", choices=("text", "github"), default="text", help="dạng in lỗi (mặc định: text)"
    )
    checker.set_defaults(run=check)
    importer_command.add_parser(commands)
    new.add_parser(commands)
    bench_command.add_parser(commands)
    builder = add_command(
        commands,
        "build",
        "build trang vào site/, chỉ thay khi thành công",
        "Build trang vào site/ qua một thư mục tạm; site/ cũ giữ nguyên nếu build thất bại.",
        BUILD_EXAMPLES,
    )
    builder.add_argument("-d", "--site-dir", help="thư mục kết quả (mặc định: site_dir)")
    builder.add_argument(
        "-s", "--strict", action="store_true", default=None, help="dừng khi có cảnh báo"
    )
    builder.set_defaults(run=build)
    server = add_command(
        commands,
        "serve",
        "xem trước trang, tự cập nhật khi lưu tệp",
        "Xem trước trang trên máy ở http://127.0.0.1:8000, có bản nháp và bài hẹn ngày.",
        SERVE_EXAMPLES,
    )
    server.add_argument(
        "-a", "--dev-addr", default="127.0.0.1:8000", metavar="ĐỊA_CHỈ:CỔNG", help="nơi phục vụ"
    )
    server.add_argument("--open", action="store_true", help="mở trình duyệt")
    server.set_defaults(run=serve)
    init_command.add_parser(commands)
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

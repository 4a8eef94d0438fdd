"""The `bantin` command for staff and CI: `check` validates content without building; `import` and
`new` write articles."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import hygiene, review
from .argvi import Parser
from .catalog import ReadOptions, article_files, build_catalog, shown_path
from .errors import ContentError, summary_line
from .hints import hint
from .site import load_site as _load_site


def format_error(
    error: ContentError, style: str, advice: str | None = None, level: str = "error"
) -> str:
    if style == "github":
        message = f"{error.field}: {error.message}" + (f" (gợi ý: {advice})" if advice else "")
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} file={error.path},line={error.line},title=Bản Tin::{message}"
    return str(error) + (f"\n    gợi ý: {advice}" if advice else "")


def check(args: argparse.Namespace) -> int:
    config, addresses = _load_site(args.config)
    only = [Path(path) for path in args.paths] if args.paths else None
    docs_dir, root = Path(config.docs_dir), Path(config.config_file_path).parent
    catalog, errors = build_catalog(
        docs_dir, root, addresses, ReadOptions(include_drafts=True, include_future=True), only=only
    )
    for error in errors:
        print(format_error(error, args.format, hint(error, root)))
    # Hygiene warnings print but never change the exit code.
    warnings = review.pending(list(catalog.articles), docs_dir, root)
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


CHECK_EXAMPLES = """
Ví dụ:
  bantin check                            kiểm tra mọi bài và danh mục
  bantin check content/articles/2024      chỉ kiểm tra một thư mục
  bantin check --format github            in lỗi dạng chú thích của GitHub Actions

Mỗi lỗi in dạng tệp:dòng: trường: thông báo, kèm gợi ý cách sửa. Cảnh báo về chữ (dạng NFD,
hai dấu cách, nháy thẳng lẫn nháy cong) chỉ để nhắc, không làm lệnh thất bại.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="bantin",
        description="Công cụ Bản Tin cho cán bộ truyền thông: kiểm tra, nhập và tạo bài viết.",
        epilog="Xem hướng dẫn từng lệnh: bantin check --help, bantin import --help, bantin new --help",
    )
    commands = parser.add_subparsers(dest="command", required=True, title="lệnh", metavar="LỆNH")
    checker = commands.add_parser(
        "check",
        help="kiểm tra bài viết và danh mục, không build",
        description="Kiểm tra bài viết và danh mục mà không build trang.",
        epilog=CHECK_EXAMPLES,
    )
    checker.add_argument("paths", nargs="*", help="tệp hoặc thư mục bài viết (mặc định: tất cả)")
    checker.add_argument(
        "-f", "--config", default="mkdocs.yml", metavar="MKDOCS_YML", help="tệp cấu hình MkDocs"
    )
    checker.add_argument(
        "--format", choices=("text", "github"), default="text", help="dạng in lỗi (mặc định: text)"
    )
    checker.set_defaults(run=check)
    _add_import(commands)
    _add_new(commands)
    return parser


IMPORT_EXAMPLES = """
Ví dụ:
  bantin import cu/*.txt --out content/articles
  bantin import cu/ --out content/articles --unit "Tỉnh đoàn Bắc Kạn"
  bantin import bai.txt --out content/articles --dry-run --json

Mỗi tệp văn bản (chép từ cổng thông tin cũ) thành một bài Markdown ở DIR/NĂM/tên-bài.md.
Công cụ nhận ra tiêu đề, dòng ngày tháng, nhãn chuyên mục, chú thích ảnh, chữ ký tác giả, và
bỏ các dòng rác của cổng (thanh công cụ, bộ đếm lượt xem...) — mọi dòng bỏ đi đều được liệt kê.
Trường nào không chắc được ghi vào review: [...] để người biên tập xem lại. Không bao giờ ghi
đè tệp đã có. Đọc được UTF-8 (có hoặc không BOM), Windows-1258 và TCVN3 (ABC).
"""


def _add_import(commands) -> None:
    def run(args: argparse.Namespace) -> int:
        from .importer.command import run as run_import

        return run_import(args)

    importer = commands.add_parser(
        "import",
        help="chuyển bài văn bản cũ (.txt) thành bài Markdown",
        description="Chuyển bài viết dạng văn bản thuần từ cổng thông tin cũ thành bài Markdown.",
        epilog=IMPORT_EXAMPLES,
    )
    importer.add_argument(
        "files", nargs="+", metavar="TỆP", help="tệp .txt hoặc thư mục chứa chúng"
    )
    importer.add_argument(
        "--out", required=True, metavar="DIR", help="thư mục ghi bài, thường là content/articles"
    )
    importer.add_argument(
        "--unit", help="đơn vị mặc định khi bài không nêu rõ (tên trong units.yml)"
    )
    importer.add_argument(
        "--category", metavar="TÊN", help="chuyên mục mặc định khi bài không có nhãn"
    )
    importer.add_argument(
        "--encoding",
        choices=("utf-8", "windows-1258", "tcvn3"),
        help="mã hoá của tệp (mặc định: tự nhận)",
    )
    importer.add_argument("--dry-run", action="store_true", help="chỉ xem kết quả, không ghi tệp")
    importer.add_argument("--json", action="store_true", help="in kết quả từng tệp dạng JSON")
    importer.add_argument(
        "-f", "--config", default="mkdocs.yml", metavar="MKDOCS_YML", help="tệp cấu hình MkDocs"
    )
    importer.set_defaults(run=run)


NEW_EXAMPLES = """
Ví dụ:
  bantin new                              hỏi lần lượt tiêu đề, đơn vị, chuyên mục, tác giả
  bantin new --title "Ra quân Chiến dịch hè 2025" --unit "yen khanh" --category "tinh nguyen"

Đơn vị và chuyên mục được tìm gần đúng (có dấu hay không dấu, một phần tên). Ngày là hôm nay
theo giờ Việt Nam. Tệp được đặt tên theo tiêu đề trong content/articles/NĂM/ và không bao giờ
ghi đè tệp đã có.
"""


def _add_new(commands) -> None:
    def run(args: argparse.Namespace) -> int:
        from .new import run as run_new

        return run_new(args)

    new = commands.add_parser(
        "new",
        help="tạo một bài viết mới",
        description="Tạo tệp bài viết mới với front matter đầy đủ.",
        epilog=NEW_EXAMPLES,
    )
    new.add_argument("--title", metavar="TIÊU_ĐỀ", help="tiêu đề bài")
    new.add_argument("--unit", metavar="TÊN", help="đơn vị (tên, alias, hoặc một phần tên)")
    new.add_argument("--category", metavar="TÊN", help="chuyên mục (tên, alias, hoặc một phần tên)")
    new.add_argument("--author", metavar="TÊN", help="tác giả, in cuối bài")
    new.add_argument("--tags", metavar="THẺ", help="các thẻ, cách nhau bởi dấu phẩy")
    new.add_argument(
        "--date", metavar="NGÀY", help="ngày đăng YYYY-MM-DD (mặc định: hôm nay, giờ Việt Nam)"
    )
    new.add_argument("--draft", action="store_true", help="đánh dấu là bản nháp")
    new.add_argument(
        "--no-input", action="store_true", help="không hỏi; thiếu thông tin thì báo lỗi"
    )
    new.add_argument(
        "-f", "--config", default="mkdocs.yml", metavar="MKDOCS_YML", help="tệp cấu hình MkDocs"
    )
    new.set_defaults(run=run)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())

"""`bantin init DIR`: asks (or reads flags), refuses a folder that has files, writes the site."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ...model.text import clean
from ..argvi import HelpFormatter
from ..new import NewError, Prompt
from .answers import (
    DEFAULT_PARENT,
    HOSTS,
    KINDS,
    InitError,
    SiteAnswers,
    check_url,
    default_source,
    guess_kind,
    registry_reference,
)
from .skeleton import SiteFile, site_files

EXAMPLES = """
Ví dụ:
  bantin init trang-tin                   hỏi lần lượt tên tổ chức, địa chỉ trang, nơi đăng
  bantin init trang-tin --name "Tỉnh đoàn Lào Cai" --url https://tinhdoanlaocai.vn/ \\
      --host github --no-input
  bantin init xa-vi-du --name "Đoàn xã Ví Dụ" --url https://vidu.example.vn/ \\
      --registry ../danh-muc-chung --no-input     dùng chung danh mục với các trang khác

Thư mục phải trống hoặc chưa có: bantin init không bao giờ ghi đè hay sửa tệp nào.
Sau đó: cd THƯ_MỤC, bantin serve để xem trước, bantin build --strict để dựng trang.
"""


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "init",
        help="tạo một trang tin mới trong thư mục trống",
        description="Tạo một trang tin hoàn chỉnh (cấu hình, nội dung mẫu, danh mục, quy trình "
        "đăng trang, hướng dẫn) trong một thư mục trống, build được ngay.",
        epilog=EXAMPLES,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("folder", metavar="THƯ_MỤC", help="thư mục của trang mới (trống)")
    parser.add_argument("--name", metavar="TÊN", help='tên tổ chức, ví dụ "Tỉnh đoàn Lào Cai"')
    parser.add_argument(
        "--kind", choices=sorted(KINDS), help="loại tổ chức (mặc định: đoán từ tên)"
    )
    parser.add_argument(
        "--parent", metavar="TÊN", help=f'đơn vị cấp trên (mặc định: "{DEFAULT_PARENT}")'
    )
    parser.add_argument("--parent-url", metavar="ĐỊA_CHỈ", help="trang web của đơn vị cấp trên")
    parser.add_argument(
        "--url", metavar="ĐỊA_CHỈ", help="địa chỉ công khai, ví dụ https://tinhdoan.vn/"
    )
    parser.add_argument("--host", choices=sorted(HOSTS), help="nơi đăng trang (mặc định: github)")
    parser.add_argument(
        "--registry",
        metavar="THƯ_MỤC",
        help="danh mục dùng chung (units.yml, categories.yml, links.yml)",
    )
    parser.add_argument(
        "--source",
        metavar="YÊU_CẦU",
        help="dòng cài Bản Tin trong requirements.txt (mặc định: thẻ git của bản này)",
    )
    parser.add_argument(
        "--no-input", action="store_true", help="không hỏi; thiếu thông tin thì báo lỗi"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, read: Callable[[str], str] = input) -> int:
    started = time.perf_counter()
    target = Path(args.folder)
    try:
        refuse_if_not_empty(target)
        answers = ask(args, Prompt(not args.no_input and sys.stdin.isatty(), read), target)
        written = write_site(target, site_files(answers))
    except (InitError, NewError) as error:
        print(f"lỗi: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    seconds = time.perf_counter() - started
    print(
        f"Đã tạo trang {answers.name} trong {target} ({len(written)} tệp, {seconds:.1f} giây).\n"
        f"Tiếp theo:\n  cd {target}\n  bantin serve            xem trước ở http://127.0.0.1:8000\n"
        "  bantin new              viết bài mới\n  bantin build --strict   dựng trang vào site/\n"
        "Hướng dẫn chi tiết: README.md trong thư mục trang.",
        file=sys.stderr,
    )
    return 0


def refuse_if_not_empty(target: Path) -> None:
    """Only an empty or missing folder: nothing of what is there can be overwritten or mixed in."""
    if target.exists() and not target.is_dir():
        raise InitError(f"{target} là một tệp, không phải thư mục; hãy chọn tên thư mục khác")
    if target.is_dir() and (present := sorted(p.name for p in target.iterdir())):
        shown = ", ".join(present[:5]) + (", …" if len(present) > 5 else "")
        raise InitError(
            f"thư mục {target} đã có tệp ({shown}); bantin init chỉ tạo trang trong thư mục "
            "trống hoặc chưa có và không ghi đè, không sửa tệp nào. Hãy chọn thư mục khác"
        )


def ask(args: argparse.Namespace, prompt: Prompt, target: Path) -> SiteAnswers:
    name = clean(args.name or "") or prompt.text(
        "tên tổ chức", "--name", note="ví dụ Tỉnh đoàn Lào Cai"
    )
    kind = args.kind or _ask_kind(prompt, guess_kind(name))
    if args.parent is not None:
        parent = clean(args.parent)
    else:
        parent = prompt.text(
            "đơn vị cấp trên", "--parent", optional=True, note=f"Enter: {DEFAULT_PARENT}"
        )
        parent = parent or DEFAULT_PARENT
    url = _ask_url(args.url, prompt)
    host = args.host or _pick_host(prompt)
    registry, category = None, "Tin tức - Sự kiện"
    if args.registry:
        registry = registry_reference(Path(args.registry), target)
        category = shared_registry_category(Path(args.registry), name)
    return SiteAnswers(
        name=name,
        kind=kind,
        parent=parent,
        parent_url=clean(args.parent_url) if args.parent_url else None,
        url=url,
        host=host,
        registry=registry,
        category=category,
        source=args.source or default_source(),
    )


def _ask_url(given: str | None, prompt: Prompt) -> str:
    """The site's address; asked again after a bad answer, an error for a bad flag."""
    while True:
        answer = given or prompt.text("địa chỉ trang", "--url", note="ví dụ https://tinhdoan.vn/")
        try:
            return check_url(answer)
        except InitError as error:
            if given or not prompt.interactive:
                raise
            print(f"{error}. Thử lại.", file=sys.stderr)


def _ask_kind(prompt: Prompt, guess: str) -> str:
    """The kind of organisation; Enter keeps the one its name starts with."""
    if not prompt.interactive:
        return guess
    kinds = list(KINDS)
    for number, kind in enumerate(kinds, start=1):
        print(f"  {number}. {KINDS[kind]}", file=sys.stderr)
    while True:
        answer = prompt.read(f"Loại tổ chức (số 1–{len(kinds)}, Enter: {KINDS[guess]}): ").strip()
        if not answer:
            return guess
        if answer.isdigit() and 1 <= int(answer) <= len(kinds):
            return kinds[int(answer) - 1]


def _pick_host(prompt: Prompt) -> str:
    if not prompt.interactive:
        return "github"
    print("Nơi đăng trang:", file=sys.stderr)
    label = prompt.pick("nơi đăng trang", list(HOSTS.values()))
    return next(key for key, value in HOSTS.items() if value == label)


def shared_registry_category(registry: Path, name: str) -> str:
    """The first chuyên mục of a shared registry, once it is known to hold the organisation."""
    from ...model.addresses import Addresses
    from ...model.catalog import read_registries

    registries, errors = read_registries(registry, Path.cwd(), Addresses())
    if errors:
        raise InitError(
            f"danh mục dùng chung {registry} có lỗi:\n" + "\n".join(f"  {e}" for e in errors)
        )
    if registries.units.resolve(name) is None:
        nearest = ", ".join(registries.units.nearest(name))
        raise InitError(
            f"không có đơn vị '{name}' trong {registries.units_path}"
            + (f" (có phải: {nearest}?)" if nearest else "")
            + "; thêm đơn vị vào danh mục dùng chung trước, hoặc ghi --name đúng tên trong đó"
        )
    first = next(iter(registries.categories), None)
    if first is None:
        raise InitError(f"{registries.categories_path} chưa có chuyên mục nào")
    return first.name


def write_site(target: Path, files: list[SiteFile]) -> list[Path]:
    """Writes each file, never over an existing one (`x` mode), with Unix line ends."""
    written = []
    for file in files:
        path = target / Path(*file.path.parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(file.text)
        except FileExistsError:
            raise InitError(f"đã có tệp {path}; không ghi đè") from None
        written.append(path)
    return written

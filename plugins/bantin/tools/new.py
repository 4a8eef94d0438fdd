"""`bantin new`: a new article file from flags or by asking, named by its title, never overwriting."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..engine.siteconfig import load_registries
from ..model.catalog import ARTICLES_DIR
from ..model.dates import today
from ..model.frontmatter import Plain, article_text
from ..model.lookup import candidates
from ..model.registry import Unit
from ..model.text import clean, slugify
from .argvi import add_command

BODY = "<!-- Viết sapo (đoạn mở đầu) ở đây, rồi nội dung bài. Chú thích ảnh: một dòng chữ, dòng sau ghi {: .bt-caption } -->\n"


class NewError(Exception):
    """What stopped the command, in Vietnamese."""


class Prompt:
    """Asks on the terminal; without one (CI, scripts) every missing value is an error instead."""

    def __init__(self, interactive: bool, read: Callable[[str], str] = input):
        self.interactive = interactive
        self.read = read

    def text(self, label: str, flag: str, optional: bool = False, note: str = "") -> str:
        if not self.interactive:
            if optional:
                return ""
            raise NewError(f'thiếu {label}: hãy thêm {flag} "..."')
        question = label[0].upper() + label[1:] + (f" ({note})" if note else "")
        while True:
            value = clean(self.read(f"{question}: "))
            if value or optional:
                return value

    def pick(self, label: str, names: list[str]) -> str:
        for number, name in enumerate(names, start=1):
            print(f"  {number}. {name}", file=sys.stderr)
        while True:
            answer = self.read(f"Chọn {label} (số 1–{len(names)}): ").strip()
            if answer.isdigit() and 1 <= int(answer) <= len(names):
                return names[int(answer) - 1]


def choose(
    registry, given: str | None, label: str, flag: str, prompt: Prompt, usable, instead=None
) -> str:
    """The registry name staff mean by `given` (asked for when missing). `instead(entry)` gives,
    for an entry typed exactly but not `usable`, the name to use and why, or raises NewError."""
    wanted = given
    while True:
        if not wanted:
            wanted = prompt.text(label, flag, note="gõ một phần tên, có dấu hay không dấu đều được")
        exact = registry.resolve(wanted)
        if exact is not None and instead is not None and not usable(exact):
            name, why = instead(exact)
            print(f"{label.capitalize()}: {why}", file=sys.stderr)
            return name
        found = candidates(registry, wanted, usable)
        if len(found) == 1:
            if clean(wanted) != found[0]:
                why = _why_left_out(registry, wanted, found[0], instead)
                print(
                    f"{label.capitalize()}: dùng '{found[0]}' cho '{wanted}'{why}", file=sys.stderr
                )
            return found[0]
        if found and prompt.interactive:
            return prompt.pick(label, found)
        if not prompt.interactive:
            options = f" (có phải: {', '.join(found)}?)" if found else " trong danh mục"
            raise NewError(
                f"không chọn được {label} '{wanted}'{options}; hãy ghi rõ {flag} \"...\""
            )
        print(f"Không tìm thấy {label} '{wanted}'. Thử lại.", file=sys.stderr)
        wanted = None


def _why_left_out(registry, wanted: str, chosen: str, instead) -> str:
    """Why a name matching `wanted` was passed over for `chosen` (an ended unit for its
    successor), so staff see the registry's reason rather than a silent swap."""
    if instead is None:
        return ""
    for name in candidates(registry, wanted):
        if name == chosen:
            continue
        try:
            successor, why = instead(registry.resolve(name))
        except NewError:
            continue
        if successor == chosen:
            return f": {why}"
    return ""


def _active(day: date) -> Callable[[Unit], bool]:
    """New articles go to units that exist on their date (not those dissolved in 2025)."""
    return lambda unit: (
        (unit.valid_to is None or unit.valid_to >= day)
        and (unit.valid_from is None or unit.valid_from <= day)
    )


def _successor(units, day: date) -> Callable[[Unit], tuple[str, str]]:
    """For a unit that did not exist on `day`: its successor then (following the chain), and
    the sentence that says so; NewError when there is none."""
    active = _active(day)

    def instead(unit: Unit) -> tuple[str, str]:
        ended = unit
        seen = {unit.slug}
        while not active(unit):
            if unit.successor is None or unit.successor in seen:
                when = (
                    f"đã kết thúc ngày {ended.valid_to:%d/%m/%Y}"
                    if ended.valid_to
                    else "chưa có vào ngày đó"
                )
                raise NewError(
                    f"đơn vị '{ended.name}' {when} và không có đơn vị kế tục vào ngày "
                    f"{day:%d/%m/%Y}; hãy chọn đơn vị khác với --unit"
                )
            seen.add(unit.successor)
            unit = units.get(unit.successor)
        when = f"kết thúc ngày {ended.valid_to:%d/%m/%Y}" if ended.valid_to else "chưa có"
        why = (
            f"'{ended.name}' đã {when}, nên bài ngày {day:%d/%m/%Y} ghi đơn vị kế tục "
            f"'{unit.name}' (theo units.yml)"
        )
        return unit.name, why

    return instead


def run(args: argparse.Namespace, read: Callable[[str], str] = input) -> int:
    try:
        path = create(args, read)
    except NewError as error:
        print(f"lỗi: {error}", file=sys.stderr)
        return 1
    print(path)
    print("Đã tạo bài mới. Mở tệp để viết, rồi chạy: bantin check", file=sys.stderr)
    return 0


def create(args: argparse.Namespace, read: Callable[[str], str] = input) -> Path:
    config, registries, errors = load_registries(args.config)
    if errors:
        raise NewError("danh mục có lỗi; chạy bantin check để xem")
    interactive = not args.no_input and sys.stdin.isatty()
    prompt = Prompt(interactive, read)
    try:
        day = date.fromisoformat(args.date) if args.date else today()
    except ValueError:
        raise NewError(f"ngày '{args.date}' cần dạng YYYY-MM-DD") from None
    title = clean(args.title or "") or prompt.text("tiêu đề", "--title")
    unit = choose(
        registries.units,
        args.unit,
        "đơn vị",
        "--unit",
        prompt,
        _active(day),
        _successor(registries.units, day),
    )
    category = choose(
        registries.categories, args.category, "chuyên mục", "--category", prompt, lambda _: True
    )
    author = (
        clean(args.author)
        if args.author is not None
        else prompt.text(
            "tác giả", "--author", optional=True, note="chữ ký cuối bài, Enter để bỏ trống"
        )
    )
    slug = slugify(title)
    if not slug:
        raise NewError("tiêu đề không tạo được tên tệp; hãy dùng chữ hoặc số")
    folder = Path(config.docs_dir) / ARTICLES_DIR / str(day.year)
    path = folder / f"{slug}.md"
    fields = {
        "title": title,
        "date": Plain(day.isoformat()),
        "unit": unit,
        "category": category,
        "author": author or None,
        "tags": [clean(tag) for tag in args.tags.split(",") if clean(tag)] if args.tags else None,
        "draft": True if args.draft else None,
    }
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(article_text(fields, BODY))
    except FileExistsError:
        raise NewError(
            f"đã có tệp {path}; không ghi đè. Hãy đổi tiêu đề hoặc mở tệp đó để sửa"
        ) from None
    return path


EXAMPLES = """
Ví dụ:
  bantin new                              hỏi lần lượt tiêu đề, đơn vị, chuyên mục, tác giả
  bantin new --title "Ra quân Chiến dịch hè 2025" --unit "yen khanh" --category "tinh nguyen"

Đơn vị và chuyên mục được tìm gần đúng (có dấu hay không dấu, một phần tên). Ngày là hôm nay
theo giờ Việt Nam. Tệp được đặt tên theo tiêu đề trong content/articles/NĂM/ và không bao giờ
ghi đè tệp đã có.
"""


def add_parser(commands) -> None:
    """`bantin new`, with its Vietnamese help."""
    new = add_command(
        commands,
        "new",
        "tạo một bài viết mới",
        "Tạo tệp bài viết mới với front matter đầy đủ.",
        EXAMPLES,
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
    new.set_defaults(run=run)

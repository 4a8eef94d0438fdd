"""`bantin import FILES... --out DIR`: the batch, the files written, the report."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ...engine.siteconfig import load_registries
from ...model.lookup import candidates
from ...model.registry import unknown_message
from ..argvi import add_command
from ..progress import Progress
from .convert import Imported, Importer, NothingToImport, Options
from .decode import EncodingError

LABELS = {
    "title": "tiêu đề",
    "date": "ngày",
    "unit": "đơn vị",
    "category": "chuyên mục",
    "author": "tác giả",
}


def inputs(paths: list[str]) -> list[Path]:
    """Files as given; a folder stands for the .txt files in it."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        found.extend(sorted(path.rglob("*.txt")) if path.is_dir() else [path])
    return found


def run(args: argparse.Namespace) -> int:
    _, registries, errors = load_registries(args.config)
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        return 1
    names = {}
    for key, registry, kind, path in (
        ("unit", registries.units, "đơn vị", registries.units_path),
        ("category", registries.categories, "chuyên mục", registries.categories_path),
    ):
        given = getattr(args, key)
        found = candidates(registry, given) if given else [None]
        if len(found) != 1:
            print(f"lỗi: {unknown_message(kind, given, path, found)}", file=sys.stderr)
            return 2
        names[key] = found[0]
        if given and registry.resolve(given) is None:
            print(f"{kind.capitalize()}: dùng '{found[0]}' cho '{given}'", file=sys.stderr)
    importer = Importer(registries, Options(names["unit"], names["category"], args.encoding))
    files = inputs(args.files)
    out = Path(args.out)
    progress = Progress(len(files), "Nhập bài")
    records, taken, failed = [], set(), 0
    for path in files:
        record = _one(importer, path, out, taken, args.dry_run)
        failed += record["status"] not in ("written", "dry-run")
        records.append(record)
        progress.step(path.name)
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for record in records:
            print(_human(record))
    _summary(records)
    return 1 if failed else 0


def _one(importer: Importer, path: Path, out: Path, taken: set, dry_run: bool) -> dict:
    record: dict = {"input": str(path)}
    try:
        imported = importer.convert(path.read_bytes())
    except FileNotFoundError:
        return record | {"status": "error", "error": "không tìm thấy tệp"}
    except PermissionError:
        return record | {"status": "error", "error": "không có quyền đọc tệp"}
    except OSError as error:
        return record | {"status": "error", "error": f"không đọc được tệp ({error.strerror})"}
    except (EncodingError, NothingToImport) as error:
        return record | {"status": "error", "error": str(error)}
    target = out / str(imported.year) / f"{imported.slug}.md"
    record |= _describe(imported) | {"output": str(target)}
    if target.exists() or target in taken:
        return record | {"status": "exists", "error": "tệp đích đã có; không ghi đè"}
    taken.add(target)
    if dry_run:
        return record | {"status": "dry-run"}
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(imported.text())
    except FileExistsError:
        return record | {"status": "exists", "error": "tệp đích đã có; không ghi đè"}
    return record | {"status": "written"}


def _describe(imported: Imported) -> dict:
    fields = {name: imported.fields.get(name) for name in LABELS}
    # A date the text does not hold is reported as missing, not as the stand-in written for it.
    fields["date"] = imported.guesses["date"].value
    fields["captions"] = imported.captions
    return {
        "encoding": imported.encoding,
        "normalised": list(imported.fixes),
        "fields": fields,
        "confidence": {
            name: {"level": g.confidence, "source": g.source, "candidates": list(g.candidates)}
            for name, g in imported.guesses.items()
        },
        "dropped": [
            {"line": d.number, "text": d.text, "reason": d.reason} for d in imported.dropped
        ],
        "blank_lines": imported.blank_lines,
        "lines": {str(number): role for number, role in imported.roles.items()},
        "review": imported.review,
        "draft": imported.draft,
    }


def _human(record: dict) -> str:
    if "fields" not in record:
        return f"{record['input']}: lỗi: {record['error']}"
    lines = [f"{record['input']} → {record['output']}"]
    if record["status"] == "exists":
        lines[0] += f"  (bỏ qua: {record['error']})"
    for name, label in LABELS.items():
        value = record["fields"][name] or "(không có)"
        sure = record["confidence"][name]
        lines.append(f"  {label}: {value}  [{sure['level']}, {sure['source']}]")
    if record["fields"]["captions"]:
        lines.append(f"  chú thích ảnh: {len(record['fields']['captions'])}")
    lines.extend(f"  bỏ dòng {d['line']}: {d['text']!r} ({d['reason']})" for d in record["dropped"])
    if record["review"]:
        lines.append(f"  cần xem lại: {', '.join(record['review'])}")
    if record["draft"]:
        lines.append("  để dạng nháp (draft: true) vì thiếu thông tin bắt buộc")
    return "\n".join(lines)


def _summary(records: list[dict]) -> None:
    done = [r for r in records if r["status"] in ("written", "dry-run")]
    review = sum(1 for r in done if r.get("review"))
    skipped = sum(1 for r in records if r["status"] == "exists")
    errors = sum(1 for r in records if r["status"] == "error")
    verb = "Sẽ nhập" if any(r["status"] == "dry-run" for r in records) else "Đã nhập"
    print(
        f"{verb} {len(done)} bài ({review} bài cần xem lại), bỏ qua {skipped} tệp đã có, "
        f"{errors} tệp lỗi.",
        file=sys.stderr,
    )
    if review:
        print(
            "Bài có dòng review: [...] cần người biên tập xem lại các trường đó; "
            "sửa xong thì xoá dòng review (và draft: true nếu có).",
            file=sys.stderr,
        )


EXAMPLES = """
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


def add_parser(commands) -> None:
    """`bantin import`, with its Vietnamese help."""
    importer = add_command(
        commands,
        "import",
        "chuyển bài văn bản cũ (.txt) thành bài Markdown",
        "Chuyển bài viết dạng văn bản thuần từ cổng thông tin cũ thành bài Markdown.",
        EXAMPLES,
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
    importer.set_defaults(run=run)

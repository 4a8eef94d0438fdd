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
from .archive import Archive, copy_images
from .convert import STAND_IN_DATE, Imported, Importer, NothingToImport, Options
from .decode import EncodingError

LABELS = {
    "title": "tiêu đề",
    "date": "ngày",
    "unit": "đơn vị",
    "category": "chuyên mục",
    "author": "tác giả",
}


SUFFIXES = (".txt", ".html", ".htm")
"""What a folder given as input stands for: pasted texts and saved pages."""


def inputs(paths: list[str]) -> list[Path]:
    """Files as given; a folder stands for the texts and saved pages in it (not in the pages'
    own NAME_files/ folders)."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            found.append(path)
            continue
        found.extend(
            sorted(
                file
                for file in path.rglob("*")
                if file.suffix.lower() in SUFFIXES
                and file.is_file()
                and not any(part.endswith("_files") for part in file.relative_to(path).parts[:-1])
            )
        )
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
    images = Path(args.images) if args.images else out.parent / "images"
    archive = Archive(out)
    progress = Progress(len(files), "Nhập bài")
    records, failed = [], 0
    for path in files:
        try:
            record = _one(importer, path, archive, images, args.dry_run)
        except Exception as error:  # one bad file never stops an archive: it is named instead
            record = {
                "input": str(path),
                "status": "error",
                "error": f"lỗi không lường trước: {error!r}",
            }
        failed += record["status"] not in ("written", "dry-run")
        records.append(record)
        progress.step(path.name)
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for record in records:
            print(_human(record))
        print(_table(records))
    _summary(records)
    return 1 if failed else 0


def _one(importer: Importer, path: Path, archive: Archive, images: Path, dry_run: bool) -> dict:
    record: dict = {"input": str(path)}
    try:
        imported = importer.convert(path.read_bytes(), path)
    except FileNotFoundError:
        return record | {"status": "error", "error": "không tìm thấy tệp"}
    except PermissionError:
        return record | {"status": "error", "error": "không có quyền đọc tệp"}
    except OSError as error:
        return record | {"status": "error", "error": f"không đọc được tệp ({error.strerror})"}
    except (EncodingError, NothingToImport) as error:
        return record | {"status": "error", "error": str(error)}
    record |= _describe(imported)
    if existing := archive.existing(imported):
        return record | {
            "status": "exists",
            "output": str(existing),
            "error": f"bài đã có trên trang ({existing}); không ghi đè",
        }
    if earlier := archive.repeated(imported):
        return record | {"status": "exists", "error": f"trùng với {earlier} trong lần nhập này"}
    placed = archive.place(imported, str(path))
    target = placed.target
    record |= {"output": str(target), "address": placed.note}
    if dry_run:
        return record | {"status": "dry-run"}
    links, problems = copy_images(imported, target, images) if imported.images else ({}, [])
    record |= {"images": sorted(links.values()), "image_problems": problems}
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(imported.text(links))
    except FileExistsError:
        return record | {"status": "exists", "error": "tệp đích đã có; không ghi đè"}
    return record | {"status": "written"}


def _describe(imported: Imported) -> dict:
    fields = {name: imported.fields.get(name) for name in LABELS}
    # A date the text does not hold is reported as missing, not as the stand-in written for it.
    fields["date"] = imported.guesses["date"].value
    fields["captions"] = imported.captions
    return {
        "source": imported.source,
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
    lines = [f"{record['input']} → {record.get('output', '(không ghi)')}"]
    if record["status"] == "exists":
        lines[0] += f"  (bỏ qua: {record['error']})"
    if record.get("address"):
        lines.append(f"  địa chỉ: {record['address']}")
    lines.extend(f"  ảnh bỏ qua: {problem}" for problem in record.get("image_problems", []))
    for name, label in LABELS.items():
        value = record["fields"][name] or "(không có)"
        sure = record["confidence"][name]
        lines.append(f"  {label}: {value}  [{sure['level']}, {sure['source']}]")
    if record["fields"]["captions"]:
        lines.append(f"  chú thích ảnh: {len(record['fields']['captions'])}")
    lines.extend(f"  bỏ dòng {d['line']}: {d['text']!r} ({d['reason']})" for d in record["dropped"])
    if record["review"]:
        lines.append(f"  cần xem lại: {', '.join(record['review'])}")
    if record["fields"]["date"] is None:
        lines.append(
            f"  bài không ghi ngày: tạm ghi {STAND_IN_DATE.isoformat()} (không phải ngày thật), "
            "hãy điền ngày đăng"
        )
    if record["draft"]:
        lines.append("  để dạng nháp (draft: true) vì thiếu thông tin bắt buộc")
    return "\n".join(lines)


_STATUS = {"written": "đã nhập", "dry-run": "sẽ nhập", "exists": "đã có", "error": "lỗi"}


def _table(records: list[dict]) -> str:
    """One row a file: what became of it, where it went, what an editor must check."""
    rows = [("Tệp", "Kết quả", "Bài viết", "Cần xem lại")]
    for record in records:
        note = record.get("error") if record["status"] in ("error", "exists") else None
        review = ", ".join(LABELS[name] for name in record.get("review", []) if name in LABELS)
        rows.append(
            (
                Path(record["input"]).name,
                _STATUS[record["status"]],
                record.get("output") or "",
                note or review or "",
            )
        )
    widths = [min(40, max(len(row[i]) for row in rows)) for i in range(3)]
    lines = []
    for row in rows:
        cells = [_cut(cell, width).ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[3]]).rstrip())
    lines.insert(1, "  ".join("-" * width for width in widths) + "  " + "-" * 11)
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else "…" + text[-(width - 1) :]


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
  bantin import "Trang đã lưu.html" --out content/articles

Mỗi tệp văn bản (chép từ cổng thông tin cũ) thành một bài Markdown ở DIR/NĂM/tên-bài.md.
Công cụ nhận ra tiêu đề, dòng ngày tháng, nhãn chuyên mục, chú thích ảnh, chữ ký tác giả, và
bỏ các dòng rác của cổng (thanh công cụ, bộ đếm lượt xem...) — mọi dòng bỏ đi đều được liệt kê.
Trường nào không chắc được ghi vào review: [...] để người biên tập xem lại. Không bao giờ ghi
đè tệp đã có; bài đã có trên trang (cùng tiêu đề, ngày, đơn vị) được báo và bỏ qua; bài trùng
tên tệp được thêm ngày (hoặc đơn vị) vào địa chỉ. Đọc được UTF-8 (có hoặc không BOM), UTF-16,
Windows-1258, TCVN3 (ABC), chữ UTF-8 bị đọc nhầm (sửa chính xác hoặc báo lỗi), HTML dán vào, và
trang web lưu bằng "Lưu trang" (.html cùng thư mục _files, ảnh được chép vào content/images).
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
        "files",
        nargs="+",
        metavar="TỆP",
        help="tệp .txt, trang đã lưu (.html), hoặc thư mục chứa chúng",
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
    importer.add_argument(
        "--images",
        metavar="DIR",
        help="thư mục chép ảnh của trang đã lưu (mặc định: content/images cạnh --out)",
    )
    importer.add_argument("--dry-run", action="store_true", help="chỉ xem kết quả, không ghi tệp")
    importer.add_argument("--json", action="store_true", help="in kết quả từng tệp dạng JSON")
    importer.set_defaults(run=run)

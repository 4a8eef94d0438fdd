"""The document (văn bản): its front-matter contract, and reading one file into a `Document`.

One Markdown file per document under `content/van-ban/YYYY/`; the front matter says what the
register shows, the body (optional) holds the text when staff paste it. Read with the same
machinery as articles: NFC, lines from the YAML parser, every error at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath

from . import docnumber, records
from .article import (
    FieldError,
    FieldRule,
    _convert_fields,
    _date,
    _resolve,
    _slug,
    _text,
    _texts,
    read_front_matter,
)
from .dates import VIETNAM, Published
from .docfiles import FileProblem, FileType, file_type, named_type, size_label
from .dockinds import DocumentKind, KindRegistry
from .errors import ContentError
from .registry import Unit, UnitRegistry
from .text import slugify

FILES_DIR = "files"
"""Attached files live under content/files/."""
NEEDS = "văn bản cần front matter (giữa hai dòng ---)"
FIELDS_HINT = "number, kind, date, unit, summary"


@dataclass(frozen=True)
class Attachment:
    """A file of a document, checked: `src` is its path from docs_dir (`files/2022/x.pdf`)."""

    src: str
    label: str
    type: FileType
    size: int

    @property
    def size_label(self) -> str:
        return size_label(self.size)

    @property
    def is_pdf(self) -> bool:
        return self.type.suffix == ".pdf"


@dataclass(frozen=True)
class Document:
    """A validated document. Paths are relative to docs_dir, in POSIX form."""

    src: str
    number: str
    """As written in the front matter, NFC: `261-KH/TĐTN-XDĐ`."""
    key: str
    """The number's one key (`docnumber`): `261-KH/TDTN-XDD`."""
    kind: DocumentKind
    issued: date
    unit: Unit
    summary: str
    """The trích yếu: what the document is about."""
    slug: str
    url: str
    body: str = ""
    body_line: int = 1
    number_line: int = 1
    signer: str = ""
    field: str = ""
    files: tuple[Attachment, ...] = ()
    replaces: tuple[str, ...] = ()
    """Numbers, as written, of the documents this one replaces."""
    replaced_by: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return f"{self.kind.name} số {self.number}"

    @property
    def published(self) -> Published:
        """The date of issue as a moment, as articles have: the search shards documents by it."""
        return Published(datetime.combine(self.issued, time(0, 0), VIETNAM), has_time=False)

    @property
    def year(self) -> int:
        return self.issued.year

    @property
    def date_label(self) -> str:
        return f"{self.issued:%d/%m/%Y}"

    @property
    def sort_key(self) -> tuple:
        """Newest first when sorted ascending; then by number, so the order is stable."""
        return (-self.issued.toordinal(), self.key)

    @property
    def search_terms(self) -> str:
        """The number as readers type it: with spaces for its separators, and run together."""
        spaced = " ".join(self.key.replace("/", " ").replace("-", " ").split())
        return f"{self.number} {spaced} {spaced.replace(' ', '')}"


def _number(value) -> str:
    text = _text(value)
    if docnumber.parse(text) is None:
        raise FieldError(
            f"số/ký hiệu cần dạng số-KÝ HIỆU/CƠ QUAN, ví dụ 261-KH/TĐTN-XDĐ; nhận được '{text}'"
        )
    return text


def _files(value):
    if isinstance(value, str | records.LineDict):
        value = [value]
    if not isinstance(value, list):
        raise FieldError("cần một danh sách tệp, ví dụ [../../files/2022/ke-hoach-261.pdf]")
    return value


def _day(value) -> date:
    return _date(value).moment.date()


FIELDS: dict[str, FieldRule] = {
    "number": FieldRule(_number, required=True),
    "kind": FieldRule(_text, required=True),
    "date": FieldRule(_day, required=True),
    "unit": FieldRule(_text, required=True),
    "summary": FieldRule(_text, required=True),
    "signer": FieldRule(_text),
    "field": FieldRule(_text),
    "files": FieldRule(_files),
    "replaces": FieldRule(_texts),
    "replaced_by": FieldRule(_texts),
    "slug": FieldRule(_slug),
}
"""The document's front-matter contract: each key, its converter, and whether it is required."""


@dataclass(frozen=True)
class Registries:
    units: UnitRegistry
    kinds: KindRegistry
    units_path: str
    kinds_path: str


def read_document(
    path: Path,
    src: str,
    shown: str,
    registries: Registries,
    document_url: Callable[[int, str], str],
) -> tuple[Document | None, list[ContentError]]:
    """Read and validate one document file; returns the document or every error found in it."""
    report = records.RecordReader(shown)
    read = read_front_matter(path, report, NEEDS, FIELDS_HINT)
    if read is None or read[0] is None:
        return None, report.errors
    data, body, closing_line = read
    values = _convert_fields(data, report, FIELDS)
    unit = _resolve(values, data, "unit", "đơn vị", registries.units, registries.units_path, report)
    kind = _resolve(
        values, data, "kind", "loại văn bản", registries.kinds, registries.kinds_path, report
    )
    parsed = docnumber.parse(values["number"]) if "number" in values else None
    if kind is not None and parsed is not None and not kind.uses(parsed.kind):
        report.fail(
            data.line_of("number"),
            "number",
            f"ký hiệu '{parsed.kind}' trong số '{values['number']}' không phải của loại "
            f"'{kind.name}' (dùng {', '.join(kind.symbols)})",
        )
    files = _attachments(data, path, src, report) if "files" in values else ()
    for key in ("replaces", "replaced_by"):
        for number in values.get(key, ()):
            if docnumber.parse(number) is None:
                report.fail(data.line_of(key), key, f"'{number}' không phải số/ký hiệu văn bản")
    if report.errors or parsed is None:
        return None, report.errors
    slug = values.get("slug") or slugify(values["number"])
    issued = values["date"]
    document = Document(
        src=src,
        number=values["number"],
        key=parsed.key,
        kind=kind,
        issued=issued,
        unit=unit,
        summary=values["summary"],
        slug=slug,
        url=document_url(issued.year, slug),
        body=body,
        body_line=closing_line + 1,
        number_line=data.line_of("number"),
        signer=values.get("signer", ""),
        field=values.get("field", ""),
        files=files,
        replaces=values.get("replaces", ()),
        replaced_by=values.get("replaced_by", ()),
    )
    return document, []


def _attachments(
    data, path: Path, src: str, report: records.RecordReader
) -> tuple[Attachment, ...]:
    items = data["files"] if isinstance(data["files"], list) else [data["files"]]
    lines = getattr(data["files"], "item_lines", [])
    docs_dir = path.parents[len(PurePosixPath(src).parts) - 1]
    found = []
    for position, item in enumerate(items):
        line = lines[position] if position < len(lines) else data.line_of("files")
        label = ""
        if isinstance(item, dict):
            label = _text(item["label"]) if isinstance(item.get("label"), str) else ""
            item = item.get("path")
        if not isinstance(item, str) or not item.strip():
            report.fail(
                line, "files", "mỗi tệp cần một đường dẫn, hoặc dạng {path: ..., label: ...}"
            )
            continue
        try:
            relative = _inside_files(item.strip(), src, docs_dir)
            kind = file_type(docs_dir / relative)
            size = (docs_dir / relative).stat().st_size
        except FileProblem as problem:
            report.fail(line, "files", f"'{item.strip()}': {problem}")
            continue
        label = label or PurePosixPath(relative).name
        found.append(Attachment(relative, label, kind, size))
    return tuple(found)


def _inside_files(value: str, src: str, docs_dir: Path) -> str:
    """The file's path from docs_dir: relative to the document, or from content/ when it starts
    with `/`; it must be a file under content/files/, and no link may lead outside it."""
    if "://" in value:
        raise FileProblem("tệp đính kèm phải nằm trong content/files/, không phải địa chỉ web")
    parts = [] if value.startswith("/") else list(PurePosixPath(src).parent.parts)
    for part in PurePosixPath(value.lstrip("/")).parts:
        if part == "..":
            if not parts:
                raise FileProblem("đường dẫn đi ra ngoài content/")
            parts.pop()
        elif part != ".":
            parts.append(part)
    relative = "/".join(parts)
    named_type(relative)
    if not relative.startswith(FILES_DIR + "/"):
        raise FileProblem(
            f"tệp đính kèm phải nằm trong content/{FILES_DIR}/ (đang trỏ tới content/{relative})"
        )
    target = docs_dir / relative
    if not target.is_file():
        raise FileProblem(f"không tìm thấy tệp (tìm ở content/{relative})")
    root = (docs_dir / FILES_DIR).resolve()
    if root not in target.resolve().parents:
        raise FileProblem(
            "tệp là liên kết (symlink) ra ngoài content/files/; hãy chép tệp thật vào"
        )
    return relative

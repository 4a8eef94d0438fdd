"""Files attached to documents: which types are published, and proof that a file is what its
name says.

Readers download these files from an official site, so only office documents are accepted,
and each is checked by its first bytes and structure, not by its name: a "PDF" that is an
HTML page would run script on our origin when opened, a `.docx` holding macros or an archive
could carry anything. Accepted: PDF, Word (DOC, DOCX), Excel (XLS, XLSX) and OpenDocument
(ODT, ODS).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Microsoft's compound file: the old .doc and .xls."""
ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class FileType:
    suffix: str
    label: str
    """What a reader sees beside the link: "PDF", "Word"."""
    mime: str


TYPES = {
    ".pdf": FileType(".pdf", "PDF", "application/pdf"),
    ".doc": FileType(".doc", "Word", "application/msword"),
    ".docx": FileType(
        ".docx",
        "Word",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ".xls": FileType(".xls", "Excel", "application/vnd.ms-excel"),
    ".xlsx": FileType(
        ".xlsx", "Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    ".odt": FileType(".odt", "ODT", "application/vnd.oasis.opendocument.text"),
    ".ods": FileType(".ods", "ODS", "application/vnd.oasis.opendocument.spreadsheet"),
}
ACCEPTED = "PDF, DOC, DOCX, XLS, XLSX, ODT, ODS"

REFUSED = {
    **dict.fromkeys(
        (".html", ".htm", ".xhtml", ".svg", ".svgz", ".xml", ".js", ".mjs"),
        "trình duyệt sẽ chạy mã trong tệp này trên trang của ta",
    ),
    **dict.fromkeys(
        (
            ".exe",
            ".msi",
            ".bat",
            ".cmd",
            ".com",
            ".scr",
            ".ps1",
            ".sh",
            ".vbs",
            ".jar",
            ".apk",
            ".dll",
            ".app",
            ".dmg",
        ),
        "tệp chạy được (chương trình) không bao giờ được đăng",
    ),
    **dict.fromkeys(
        (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz"),
        "tệp nén có thể chứa bất cứ thứ gì; hãy đính kèm từng tệp PDF, Word, Excel",
    ),
    **dict.fromkeys(
        (".docm", ".xlsm", ".dotm", ".xltm"),
        "tệp có macro (mã chạy được); hãy lưu lại dạng .docx/.xlsx",
    ),
}

_OOXML_PART = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml"}
_ODF_MIME = {".odt": TYPES[".odt"].mime, ".ods": TYPES[".ods"].mime}


class FileProblem(ValueError):
    """Why a file cannot be published, in Vietnamese for staff."""


def named_type(name: str) -> FileType:
    """The type a file name claims, when it is one we publish."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in REFUSED:
        raise FileProblem(f"không nhận tệp '{suffix}': {REFUSED[suffix]}")
    kind = TYPES.get(suffix)
    if kind is None:
        raise FileProblem(f"không nhận tệp '{suffix or name}'; chỉ nhận {ACCEPTED}")
    return kind


def file_type(path: Path) -> FileType:
    """The file's type when its name and its bytes agree and it is one we publish."""
    kind = named_type(path.name)
    suffix = kind.suffix
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        raise FileProblem(f"không đọc được tệp ({error.strerror or error})") from None
    if not head:
        raise FileProblem("tệp rỗng (0 byte)")
    if suffix == ".pdf":
        if b"%PDF-" not in head:
            raise FileProblem("tệp không phải PDF (không có dấu hiệu %PDF- ở đầu tệp)")
    elif suffix in (".doc", ".xls"):
        if not head.startswith(OLE2):
            raise FileProblem(f"tệp không phải {kind.label} dạng {suffix} (không đúng cấu trúc)")
    else:
        _check_package(path, suffix, head, kind)
    return kind


def _check_package(path: Path, suffix: str, head: bytes, kind: FileType) -> None:
    """DOCX, XLSX, ODT and ODS are ZIP packages: the right main part, and no macros."""
    wrong = FileProblem(f"tệp không phải {kind.label} dạng {suffix} (không đúng cấu trúc)")
    if not head.startswith(ZIP):
        raise wrong
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            if suffix in _ODF_MIME:
                if "mimetype" not in names or package.read("mimetype").strip() != _ODF_MIME[
                    suffix
                ].encode("ascii"):
                    raise wrong
            elif _OOXML_PART[suffix] not in names:
                raise wrong
    except (zipfile.BadZipFile, OSError, KeyError):
        raise wrong from None
    if any(name.lower().endswith("vbaproject.bin") or name.startswith("Basic/") for name in names):
        raise FileProblem("tệp có macro (mã chạy được); hãy lưu lại không kèm macro")


def size_label(size: int) -> str:
    """ "12 KB", "1,4 MB": Vietnamese decimal comma."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")

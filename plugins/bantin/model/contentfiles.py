"""What may be read and published from content/: files inside it, of types that cannot run.

MkDocs copies every file of docs_dir into the site as it is, following links. Two things make
that unsafe for a site where many people add files:

- a symbolic link can point out of content/ (`ln -s /etc/passwd content/images/a.txt`), and the
  file it points at would be read and published;
- a file of a type the browser runs (SVG and HTML carry scripts, and so do XML, CSS, JS…) would
  run on our origin when a reader opens its address.

So the rule is an allowlist, checked once per build over the whole folder (`scan`): Markdown
(cleaned by the sanitiser), raster images (covers and body images are re-encoded; others are
checked to start as their type does), documents checked the same way, and plain text without a
`<`. Everything else, and every link that leaves content/, is refused with an error at the file,
and never read or published. Links that stay inside content/ are allowed: they add nothing that
is not there already. Hidden files and folders (`.git`, `.DS_Store`) are skipped, as MkDocs skips
them. The registries folder `_data/` is never published; only its links are checked.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import ContentError

FIELD = "tệp"
DATA_DIR = "_data"


@dataclass(frozen=True)
class Kind:
    """A type of file published from content/, and how its first bytes (or, for text, all of
    it) prove it."""

    label: str
    proven: Callable[[bytes], bool]
    text: bool = False


def _starts(*magics: bytes) -> Callable[[bytes], bool]:
    return lambda head: head.startswith(magics)


def _plain_text(head: bytes) -> bool:
    """UTF-8 text with no `<`: no browser takes it for markup, even when it sniffs."""
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return "<" not in text


_OFFICE = _starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
_ZIPPED = _starts(b"PK\x03\x04")

PUBLISHED: dict[str, Kind] = {
    ".jpg": Kind("ảnh JPEG", _starts(b"\xff\xd8\xff")),
    ".jpeg": Kind("ảnh JPEG", _starts(b"\xff\xd8\xff")),
    ".png": Kind("ảnh PNG", _starts(b"\x89PNG\r\n\x1a\n")),
    ".gif": Kind("ảnh GIF", _starts(b"GIF87a", b"GIF89a")),
    ".webp": Kind("ảnh WebP", lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP"),
    ".ico": Kind("biểu tượng ICO", _starts(b"\x00\x00\x01\x00")),
    ".pdf": Kind("tài liệu PDF", _starts(b"%PDF-")),
    ".doc": Kind("tài liệu Word", _OFFICE),
    ".xls": Kind("bảng tính Excel", _OFFICE),
    ".ppt": Kind("trình chiếu PowerPoint", _OFFICE),
    ".docx": Kind("tài liệu Word", _ZIPPED),
    ".xlsx": Kind("bảng tính Excel", _ZIPPED),
    ".pptx": Kind("trình chiếu PowerPoint", _ZIPPED),
    ".odt": Kind("tài liệu OpenDocument", _ZIPPED),
    ".ods": Kind("bảng tính OpenDocument", _ZIPPED),
    ".odp": Kind("trình chiếu OpenDocument", _ZIPPED),
    ".zip": Kind("tệp nén ZIP", _ZIPPED),
    ".mp3": Kind("âm thanh MP3", _starts(b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")),
    ".mp4": Kind("video MP4", lambda head: head[4:8] == b"ftyp"),
    ".txt": Kind("văn bản thuần", _plain_text, text=True),
    "": Kind("văn bản thuần", _plain_text, text=True),
}
"""Every type published from content/ besides Markdown, by lower-case suffix ("" for names such
as `CNAME`). A type is here only when browsers never run it, and only when its first bytes can
show that the file is of that type and not a web page under another name."""

RASTER = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp"})
"""What an article may show as an image (Pillow decodes them; covers and body images are
re-encoded)."""

_HEAD = 512
_HINTS = {
    ".svg": "ảnh SVG có thể chứa mã chạy trong trình duyệt người đọc; hãy xuất sang PNG hoặc JPEG",
    ".svgz": "ảnh SVG có thể chứa mã chạy trong trình duyệt người đọc; hãy xuất sang PNG hoặc JPEG",
    ".html": "trang HTML chạy được mã trên trang của ta; hãy chép nội dung sang một tệp .md",
    ".htm": "trang HTML chạy được mã trên trang của ta; hãy chép nội dung sang một tệp .md",
}


@dataclass(frozen=True)
class Refused:
    """Paths (from docs_dir, POSIX) that are never read nor published: files, and folders with
    everything under them."""

    files: frozenset[str] = frozenset()
    folders: frozenset[str] = frozenset()

    def __contains__(self, src: str) -> bool:
        return src in self.files or any(
            src == folder or src.startswith(folder + "/") for folder in self.folders
        )


@dataclass(frozen=True)
class Inventory:
    """The files of content/ (paths from docs_dir, POSIX), and those refused among them."""

    files: frozenset[str] = frozenset()
    refused: Refused = field(default_factory=Refused)


@dataclass
class _Scan:
    docs_dir: Path
    shown: Callable[[Path], str]
    errors: list[ContentError] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    folders: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)

    def refuse(self, src: str, message: str, folder: bool = False) -> None:
        (self.folders if folder else self.files).add(src)
        self.errors.append(ContentError(self.shown(self.docs_dir / src), 1, FIELD, message))


def scan(docs_dir: Path, shown: Callable[[Path], str]) -> tuple[Inventory, list[ContentError]]:
    """Every file of content/, those that must not be read or published, and why (one error
    each). `shown` turns a path into what staff see in messages."""
    state = _Scan(docs_dir, shown)
    real_root = docs_dir.resolve()
    for folder, dirs, names in os.walk(docs_dir, followlinks=True):
        here = Path(folder)
        relative = here.relative_to(docs_dir).as_posix()
        prefix = "" if relative == "." else relative + "/"
        if relative != "." and _loops(here, docs_dir):
            # A link to a folder above it: MkDocs would walk it until the path is too long.
            dirs.clear()
            state.refuse(
                relative, "là liên kết vòng về một thư mục chứa nó; hãy xoá liên kết", folder=True
            )
            continue
        for name in list(dirs):
            if name.startswith(".") or not _inside(here / name, real_root):
                dirs.remove(name)
                if not name.startswith("."):
                    state.refuse(prefix + name, outside_message(here / name), folder=True)
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = here / name
            state.seen.add(prefix + name)
            if not _inside(path, real_root):
                state.refuse(prefix + name, outside_message(path))
            elif not prefix.startswith(DATA_DIR + "/") and (problem := _type_problem(path)):
                state.refuse(prefix + name, problem)
    refused = Refused(frozenset(state.files), frozenset(state.folders))
    return Inventory(frozenset(state.seen), refused), sorted(state.errors)


def _loops(folder: Path, docs_dir: Path) -> bool:
    """Whether `folder` is, links followed, one of the folders it is written under."""
    real = folder.resolve()
    parent = folder.parent
    while True:
        if parent.resolve() == real:
            return True
        if parent == docs_dir or docs_dir not in parent.parents:
            return False
        parent = parent.parent


def inside(docs_dir: Path, path: Path) -> bool:
    """Whether `path`, links followed, is a file or folder of content/."""
    return _inside(path, docs_dir.resolve())


def leaves(docs_dir: Path, path: Path) -> bool:
    """Whether `path`, written as a path under content/, leads out of it through a link."""
    written = Path(os.path.abspath(path))
    root = Path(os.path.abspath(docs_dir))
    return (written == root or root in written.parents) and not inside(docs_dir, path)


def _inside(path: Path, real_root: Path) -> bool:
    real = path.resolve()
    return real == real_root or real_root in real.parents


def image_type_problem(src: str) -> str:
    """Why an image named by an article is not one we can re-encode."""
    suffix = PurePosixPath(src).suffix.lower()
    hint = _HINTS.get(suffix, "hãy dùng ảnh JPEG, PNG hoặc WebP")
    return f"không dùng được tệp {suffix or 'không đuôi'} làm ảnh: {hint}"


def outside_message(path: Path) -> str:
    return (
        f"là liên kết tới '{os.path.realpath(path)}', ngoài thư mục content/: Bản Tin không đọc "
        "và không xuất bản tệp ngoài content/; hãy chép tệp vào content/ thay cho liên kết"
    )


def _type_problem(path: Path) -> str | None:
    """Why a file of content/ cannot be published, in Vietnamese; None when it can."""
    suffix = PurePosixPath(path.name).suffix.lower()
    if suffix == ".md":
        return None
    kind = PUBLISHED.get(suffix)
    if kind is None:
        hint = _HINTS.get(suffix, "trình duyệt có thể chạy mã trong loại tệp này")
        allowed = ", ".join(sorted(s for s in PUBLISHED if s))
        return f"không xuất bản tệp {suffix or 'này'}: {hint} (chỉ nhận .md và {allowed})"
    try:
        with path.open("rb") as file:
            head = file.read(-1 if kind.text else _HEAD)
    except OSError as error:
        return f"không đọc được tệp ({error.strerror})"
    if not kind.proven(head):
        return (
            f"nội dung không phải {kind.label} như đuôi '{suffix or path.name}' cho biết "
            "(có thể là trang web đổi tên); hãy lưu lại tệp đúng định dạng"
        )
    return None

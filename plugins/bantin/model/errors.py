"""Content errors a journalist can act on: `path:line: field: message`, all collected, reported once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one file, located by line; `field` is the front-matter key or a part of the file."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class ContentErrors(Exception):
    """Raised where reading must stop at once; carries every error found so far."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


def summary_line(count: int) -> str:
    """The closing line of an error report, in Vietnamese."""
    return f"Có {count} lỗi nội dung; hãy sửa rồi chạy lại."

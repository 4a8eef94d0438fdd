"""Content errors a journalist can act on: `path:line: field: message`, all collected, reported once."""

from __future__ import annotations

from collections.abc import Iterable
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


class Report:
    """The content errors of one run, from every part that reads content (articles, registries,
    images, links, files of content/): each part adds what it finds, and the run reports them
    once, sorted by file and line, each once, closed by `summary_line`."""

    def __init__(self) -> None:
        self._errors: set[ContentError] = set()

    def add(self, errors: Iterable[ContentError]) -> None:
        self._errors.update(errors)

    @property
    def errors(self) -> list[ContentError]:
        return sorted(self._errors)

    def __bool__(self) -> bool:
        return bool(self._errors)

    def __str__(self) -> str:
        return "\n".join([*map(str, self.errors), summary_line(len(self._errors))])

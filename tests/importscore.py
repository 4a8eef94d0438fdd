"""Scoring `bantin import` against articles copied from real portals (tests/fixtures/import-real/).

Each folder holds the inputs and an `expected.yml` with what a careful editor writes (see the
README there). The score counts, over the title, date, author and category of every article:
fields right, fields written as certain but wrong; and over the text: body paragraphs lost, portal
furniture or HTML residue leaked into the article, and files refused or accepted wrongly.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REAL = Path(__file__).parent / "fixtures" / "import-real"
FIELDS = ("title", "date", "author", "category")
# What must never reach an imported article: tags, entities, zero-width characters, replacement
# characters, and the marks UTF-8 leaves when read as Windows-1252.
_RESIDUE = re.compile(
    r"<[a-zA-Z/!][^>]*>|&(?:[a-zA-Z]{2,8}|#\d+|#x[0-9a-fA-F]+);|[\u200b-\u200f\u2060\ufeff\ufffd]"
    r"|Ã[\u0080-\u00bf]|Ä[‘’\u0090-\u00bf]|áº|á»|â€"
)


def key(text: str) -> str:
    """Words only, lower case: what two renderings of the same paragraph share."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", text).lower()))


def plain(markdown: str) -> str:
    """The imported Markdown body back to the words a reader sees."""
    text = re.sub(r"\n\{:[^}]*\}", "", markdown)
    text = re.sub(r"\\(.)", r"\1", text)
    return html.unescape(text.replace("**", ""))


@dataclass
class FileScore:
    name: str
    right: dict[str, bool] = field(default_factory=dict)
    certain_wrong: list[str] = field(default_factory=list)
    got: dict[str, object] = field(default_factory=dict)
    lost: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    wrong_error: str | None = None


@dataclass
class Score:
    files: list[FileScore]

    @property
    def fields(self) -> tuple[int, int]:
        marks = [ok for f in self.files for ok in f.right.values()]
        return sum(marks), len(marks)

    @property
    def share(self) -> float:
        right, total = self.fields
        return right / total if total else 1.0

    def count(self, attribute: str) -> int:
        return sum(len(getattr(f, attribute)) for f in self.files)

    def files_with(self, attribute: str) -> int:
        return sum(1 for f in self.files if getattr(f, attribute))

    @property
    def wrong_errors(self) -> int:
        return sum(1 for f in self.files if f.wrong_error)

    def summary(self) -> str:
        right, total = self.fields
        return (
            f"fields right {right}/{total} ({self.share:.1%}), certain but wrong "
            f"{self.count('certain_wrong')}, text lost {self.count('lost')} paragraphs in "
            f"{self.files_with('lost')} files, leaks {self.count('leaks')} in "
            f"{self.files_with('leaks')} files, wrong errors {self.wrong_errors}"
        )

    def report(self) -> str:
        lines = []
        for f in self.files:
            bad = [name for name, ok in f.right.items() if not ok]
            if not (bad or f.lost or f.leaks or f.wrong_error):
                continue
            lines.append(f"{f.name}:")
            lines.extend(f"  {name}: got {f.got.get(name)!r}" for name in bad)
            lines.extend(f"  lost: {text[:90]!r}" for text in f.lost)
            lines.extend(f"  leak: {text[:90]!r}" for text in f.leaks)
            if f.wrong_error:
                lines.append(f"  {f.wrong_error}")
        return "\n".join([*lines, self.summary()])


def expectations(folder: Path) -> dict[str, dict]:
    return yaml.safe_load((folder / "expected.yml").read_text(encoding="utf-8"))


def _lines(raw: bytes) -> list[str]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        text = raw.decode("utf-8-sig")
    return [" ".join(line.split()) for line in re.split(r"\r\n|\r|\n", text)]


def expected_body(raw: bytes, expected: dict) -> list[str]:
    """The paragraphs that must reach the article: given, or every line that is not `not_body`."""
    if "body" in expected:
        return list(expected["body"])
    skip = {key(line) for line in expected.get("not_body", [])}
    skip.add(key(expected.get("title") or ""))
    body = []
    for line in _lines(raw):
        for old, new in (expected.get("replace") or {}).items():
            line = line.replace(old, new)
        if key(line) and key(line) not in skip:
            body.append(line)
    return body


def _same(name: str, want, got) -> bool:
    if want is None:
        return got is None
    if got is None:
        return False
    want, got = str(want), str(got)
    if name == "date" and "T" not in want:
        return got[:10] == want
    return " ".join(want.split()) == " ".join(got.split())


def score_file(name: str, raw: bytes, expected: dict, convert) -> FileScore:
    """`convert(name, raw)` returns (values by field, fields flagged for review, body) or raises."""
    result = FileScore(name)
    try:
        values, review, body = convert(name, raw)
    except Exception as error:
        if not expected.get("error"):
            result.wrong_error = f"refused: {error}"
        return result
    if expected.get("error"):
        result.wrong_error = "imported a file that must be refused"
        return result
    seen = plain(body)
    for name_ in FIELDS:
        want, got = expected.get(name_), values.get(name_)
        result.got[name_] = got
        if name_ == "category" and want is None:
            ok = got is None or name_ in review
        else:
            ok = _same(name_, want, got)
        result.right[name_] = ok
        if not ok and name_ not in review:
            result.certain_wrong.append(name_)
    seen_key = key(seen)
    result.lost = [p for p in expected_body(raw, expected) if key(p) not in seen_key]
    paragraphs = {key(p) for p in re.split(r"\n\s*\n", seen)}
    body_keys = {key(p) for p in expected_body(raw, expected)}
    for line in expected.get("not_body", []):
        k = key(line)
        if not k or any(k in b for b in body_keys):
            continue  # a word of the body ("Chia sẻ") inside a paragraph is no leak
        if k in paragraphs or (len(k) >= 20 and k in seen_key):
            result.leaks.append(line)
    texts = [seen, *(str(v) for v in values.values() if v)]
    residue = dict.fromkeys(m.group(0) for t in texts for m in _RESIDUE.finditer(t))
    result.leaks.extend(residue)
    return result


def score(folder: Path, convert) -> Score:
    files = []
    for name, expected in sorted(expectations(folder).items()):
        path = folder / name
        files.append(
            score_file(
                name, path.read_bytes(), expected, lambda _, raw, path=path: convert(path, raw)
            )
        )
    return Score(files)

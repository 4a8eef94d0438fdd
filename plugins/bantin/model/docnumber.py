"""Document numbers (số/ký hiệu) as staff really type them, reduced to one key.

A Youth Union document is cited by its number and symbol, `261-KH/TĐTN-XDĐ`: the number, the
symbol of its kind (KH: Kế hoạch), then the issuing body's codes. Staff type the same citation
many ways: "Kế hoạch số 261- KH/TĐTN-XDĐ", "KH 261/TĐTN-XDĐ", "261/KH-TĐTN-XDĐ" (the state's
order), with spaces, en dashes, an Icelandic `Ð` pasted from old portals, or no marks at all.
`key` and `NumberFinder` reduce each of them to `261-KH/TDTN-XDD`: the number without leading
zeros, the kind's symbol and the issuer's codes folded to upper-case ASCII.

Recognition in prose asks for a kind symbol the register knows (KH, CV…) and an issuer code in
capitals, so dates (04/5/2022), phone numbers and "Nghị quyết Đại hội" are never taken for
documents.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212_"
SLASHES = "/\u2044\u2215\uff0f"
_DASH = f"[{DASHES}]"
_SLASH = f"\\s*[{SLASHES}]\\s*"
_UPPER = "A-Z\u0110\u00d0"
_LETTER = "A-Za-z\u0110\u0111\u00d0\u00f0"
_CODE = f"[{_UPPER}][{_UPPER}0-9]*(?![^\\W_])"
"""One code of the issuer (TĐTN, XDĐ, UBND): capitals, then capitals or digits, a whole word."""
_ISSUER = f"{_CODE}(?:\\s*{_DASH}\\s*{_CODE})*"
_NUMBER = "(?<![\\w/.,])\\d{1,5}"
_YEAR = f"(?:{_SLASH}(?P<{{}}>(?:19|20)\\d\\d))?"
_ANY_KIND = f"[{_UPPER}][{_LETTER}]{{0,4}}(?![^\\W_])"
_SO = "[Ss][ốỐoO]"


def fold(text: str) -> str:
    """Upper-case ASCII for comparing symbols: `TĐTN`, `TÐTN` and `tdtn` are all `TDTN`."""
    text = text.translate({0x110: "D", 0x111: "d", 0xD0: "D", 0xF0: "d"})
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).upper()


def _codes(issuer: str) -> str:
    return "-".join(fold(code) for code in re.split(f"\\s*{_DASH}\\s*", issuer.strip()))


def make_key(number: str, kind: str, issuer: str, year: str | None = None) -> str:
    """`261-KH/TDTN-XDD`; a number with its year (state style) keeps it: `12/2020-ND/CP`."""
    head = str(int(number)) + (f"/{year}" if year else "")
    return f"{head}-{fold(kind)}/{_codes(issuer)}"


@dataclass(frozen=True)
class Parsed:
    """A number as written in a document's front matter, split into its parts."""

    number: str
    kind: str
    """The kind's symbol as written (`KH`, `CTr`)."""
    issuer: str
    year: str | None = None

    @property
    def key(self) -> str:
        return make_key(self.number, self.kind, self.issuer, self.year)


def _shapes(kind: str, lead: str = "") -> list[str]:
    """The orders a citation comes in, each a regex with named groups (suffixed by shape)."""
    return [
        # 261/KH-TĐTN-XDĐ, 12/2020/NĐ-CP: the state's order (kind after the slash).
        f"(?P<n1>{_NUMBER}){_YEAR.format('y1')}{_SLASH}(?P<k1>{kind})\\s*{_DASH}\\s*(?P<i1>{_ISSUER})",
        # 261-KH/TĐTN-XDĐ, 261 - KH / TĐTN - XDĐ, 261 KH/TĐTN: the Youth Union's order.
        f"(?P<n2>{_NUMBER})\\s*(?:{_DASH}\\s*)?(?P<k2>{kind}){_SLASH}(?P<i2>{_ISSUER})",
        # KH 261/TĐTN-XDĐ, KH số 261/TĐTN-XDĐ: the symbol first.
        f"(?<![\\w{DASHES}])(?P<k3>{kind})\\s+(?:{_SO}\\s*:?\\s*)?(?P<n3>\\d{{1,5}}){_SLASH}(?P<i3>{_ISSUER})",
    ]


_WHOLE = re.compile(f"\\s*(?:{_SO}\\s*:?\\s*)?(?:{'|'.join(_shapes(_ANY_KIND))})\\s*", re.UNICODE)


def parse(text: str) -> Parsed | None:
    """A whole number as written in front matter ("261-KH/TĐTN-XDĐ", "Số: 261-KH/TĐTN-XDĐ"),
    or None when it has no number, kind symbol and issuer."""
    match = _WHOLE.fullmatch(unicodedata.normalize("NFC", text))
    if match is None:
        return None
    return _parts(match)


def _parts(match: re.Match) -> Parsed:
    groups = {name[0]: value for name, value in match.groupdict().items() if value and name[1:]}
    return Parsed(groups["n"], groups["k"], groups["i"], groups.get("y"))


def key(text: str) -> str | None:
    """The one key of a number written any way; None when `text` is not a document number."""
    parsed = parse(text)
    return parsed.key if parsed is not None else None


@dataclass(frozen=True)
class Found:
    """A citation found in a text: where it is (the kind's name and "số" included) and its key."""

    start: int
    end: int
    key: str
    text: str


def _alternation(words: Iterable[str], flexible_space: bool) -> str:
    """Longest first, so `CTr` is tried before `CT`; spaces inside names match any spacing."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        pattern = "".join(_letter_class(ch) for ch in word)
        if flexible_space:
            pattern = re.sub(r"(\\ )+", r"\\s+", pattern)
        parts.append(pattern)
    return "|".join(parts)


def _letter_class(ch: str) -> str:
    """A letter of a symbol in either case, and `Đ` in its look-alikes (`D`, `Ð`)."""
    if ch in "ĐđÐðDd":
        return "[ĐđÐðDd]"
    if ch.isalpha():
        return f"[{re.escape(ch.upper())}{re.escape(ch.lower())}]"
    return re.escape(ch)


_HINT = re.compile(f"\\d[\\s{DASHES}{_LETTER}]{{0,12}}[{SLASHES}]\\s*[{_UPPER}]")
"""What every citation holds, a number then (within a symbol's reach) a slash and a capital:
cheap to look for, so the full pattern runs only around it (`_windows`). On 1,000 synthetic
articles (one in five citing a document) scanning took 0.69 s with the full pattern over every
text, 0.26 s over the texts holding this, 0.05 s around it (same 200 citations found)."""
_BEFORE, _AFTER = 40, 60
"""Reach of a citation around its hint: "Chương trình số " before the number, the issuer's
codes after the slash."""


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` that may hold a citation, merged where they overlap, in order."""
    windows: list[tuple[int, int]] = []
    for hint in _HINT.finditer(text):
        start, end = max(0, hint.start() - _BEFORE), min(len(text), hint.end() + _AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


class NumberFinder:
    """Finds citations of documents in prose, for the kinds of a register.

    `symbols` maps each kind symbol (`KH`) to nothing in particular but its presence; `names`
    maps a kind's name or alias ("Kế hoạch") to its main symbol, so "Kế hoạch số 261/TĐTN-XDĐ",
    written without the symbol, still reads as `261-KH/TDTN-XDD`.
    """

    def __init__(self, symbols: Iterable[str], names: dict[str, str]):
        symbols = [s for s in symbols if s]
        self.names = {fold(name): symbol for name, symbol in names.items()}
        if not symbols:
            self.pattern = None
            return
        kind = f"(?:{_alternation(symbols, False)})(?![^\\W_])"
        lead = ""
        if names:
            lead = f"(?:(?P<w>{_alternation(names, True)})\\s+(?:{_SO}\\s*:?\\s*)?)?"
        named = ""
        if names:
            # Kế hoạch số 261/TĐTN-XDĐ: the kind from its name, the symbol left out.
            named = (
                f"|(?P<w4>{_alternation(names, True)})\\s+{_SO}\\s*:?\\s*"
                f"(?P<n4>\\d{{1,5}}){_SLASH}(?P<i4>{_ISSUER})"
            )
        shapes = "|".join(_shapes(kind))
        self.pattern = re.compile(f"(?<![\\w])(?:{lead}(?:{shapes}){named})")

    def find(self, text: str) -> list[Found]:
        if self.pattern is None:
            return []
        found = []
        for start, end in _windows(text):
            found.extend(self._find(text, start, end))
        return found

    def _find(self, text: str, start: int, end: int) -> list[Found]:
        found = []
        for match in self.pattern.finditer(text, start, end):
            groups = {name: value for name, value in match.groupdict().items() if value}
            if "n4" in groups:
                symbol = self.names.get(fold(re.sub(r"\s+", " ", groups["w4"])))
                if symbol is None:
                    continue
                found_key = make_key(groups["n4"], symbol, groups["i4"])
            else:
                found_key = _parts(match).key
            found.append(Found(match.start(), match.end(), found_key, match.group(0)))
        return found

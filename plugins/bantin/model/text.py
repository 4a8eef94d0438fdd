"""Vietnamese text helpers: normalisation, folding, slugs and alphabetical order."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")

# Combining marks that make a new letter of the alphabet (ă, â, ê, ô, ơ, ư) rather than a tone.
_LETTER_MARKS = {"\u0306": 1, "\u0302": 2, "\u031b": 3}
# Tones in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def nfc(value: str) -> str:
    """Compose Vietnamese typed on any keyboard (NFD or NFC) into NFC."""
    return unicodedata.normalize("NFC", value)


_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def prose_lines(markdown: str, first_line: int):
    """(line number, line) of Markdown outside fenced code: what links and images are read from."""
    fenced = False
    for number, line in enumerate(markdown.splitlines(), start=first_line):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield number, line


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_controls(value: str) -> str:
    """Text without control characters (tab and line breaks aside): pasted from old portals,
    they are invisible in an editor and make pages and feeds invalid."""
    return _CONTROLS.sub("", value)


def clean(value: str) -> str:
    """NFC, non-breaking and repeated spaces collapsed, ends trimmed."""
    return _SPACES.sub(" ", nfc(value).replace("\u00a0", " ")).strip()


def fold(value: str) -> str:
    """Lower-case text without tones or letter marks; `đ` becomes `d` (it is not a combining mark)."""
    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return clean(stripped).casefold()


def match_key(value: str) -> str:
    """Key for registry look-ups: case-, NFC/NFD- and whitespace-insensitive, tones kept."""
    return clean(value).casefold()


def slugify(value: str, max_length: int = 80) -> str:
    """ASCII slug: "Xây dựng Đoàn" → "xay-dung-doan"; long titles cut at a word boundary."""
    slug = _NON_SLUG.sub("-", fold(value)).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
    return slug


_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}


def _split_letter(ch: str) -> tuple[str, int]:
    """One character → (base letter with its letter marks, tone rank)."""
    parts = unicodedata.normalize("NFD", ch.lower())
    base, marks = parts[0], parts[1:]
    tone = 0
    letter_marks = ""
    for mark in marks:
        if mark in _TONE_MARKS:
            tone = _TONE_MARKS[mark]
        else:
            letter_marks += mark
    return unicodedata.normalize("NFC", base + letter_marks), tone


def vi_sort_key(value: str) -> tuple:
    """Sort key in Vietnamese dictionary order: a ă â b c d đ e ê …, tones compared after letters.

    Python's default order puts Đ, Ơ, Ư after Z and tones anywhere.
    """
    letters: list[tuple[int, str]] = []
    tones: list[int] = []
    for ch in nfc(value):
        letter, tone = _split_letter(ch)
        rank = _LETTER_RANK.get(letter)
        # Letters outside the alphabet (digits, spaces, punctuation) sort before letters, by code point.
        letters.append((1, chr(rank + 0x100)) if rank is not None else (0, letter))
        tones.append(tone)
    return tuple(letters), tuple(tones), value

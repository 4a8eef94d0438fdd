"""Bytes of a legacy article → clean Unicode text, whatever keyboard and portal produced them.

UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are. Anything else is a legacy
Vietnamese encoding: Windows-1258 or TCVN3. Both decodings are tried and the one whose letters
look like Vietnamese wins; when neither does, or both do, we say so instead of guessing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .mojibake import MojibakeError, repair, strip_invisible
from .tcvn3 import decode_tcvn3

ENCODINGS = ("utf-8", "windows-1258", "tcvn3")
"""The names accepted by `--encoding`."""

_VOWELS = "aăâeêioôơuưy"
_TONES = "\u0300\u0309\u0303\u0301\u0323"
_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for base in _VOWELS + _VOWELS.upper()
    for tone in ("", *_TONES)
) | frozenset("đĐ")
_TONED = frozenset(
    ch for ch in _LETTERS if any(t in unicodedata.normalize("NFD", ch) for t in _TONES)
)
_WORD = re.compile(r"\w+")


class EncodingError(ValueError):
    """The encoding cannot be decided; the message (Vietnamese) says what to do."""


@dataclass(frozen=True)
class Decoded:
    text: str
    """NFC, lines ended by \\n; non-breaking spaces are left for the line reader."""
    encoding: str
    fixes: tuple[str, ...] = ()
    """What was normalised on the way: BOM, CRLF, NFD (shown to staff in the report)."""


def decode(raw: bytes, encoding: str | None = None) -> Decoded:
    """Decode `raw`; `encoding` (one of ENCODINGS) skips the guess."""
    fixes: list[str] = []
    if encoding is None:
        text, encoding = _unicode(raw, fixes)
        if text is None:
            text, encoding = _legacy(raw)
    else:
        text = _with(raw, encoding, fixes)
    if "\r" in text:
        fixes.append("CRLF")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        text, repaired = repair(text)
    except MojibakeError as error:
        raise EncodingError(str(error)) from None
    if repaired:
        fixes.append("mojibake")
    text, invisible = strip_invisible(text)
    if invisible:
        fixes.append("zero-width")
    composed = unicodedata.normalize("NFC", text)
    if composed != text and encoding == "utf-8":
        fixes.append("NFD")
    return Decoded(composed, encoding, tuple(fixes))


def _unicode(raw: bytes, fixes: list[str]) -> tuple[str | None, str]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        fixes.append("BOM")
        return raw.decode("utf-16"), "utf-16"
    if raw.startswith(b"\xef\xbb\xbf"):
        fixes.append("BOM")
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None, ""


def _with(raw: bytes, encoding: str, fixes: list[str]) -> str:
    if encoding == "utf-8":
        text, _ = _unicode(raw, fixes)
        if text is None:
            raise EncodingError("tệp không phải UTF-8; hãy bỏ --encoding để công cụ tự đoán")
        return text
    if encoding == "windows-1258":
        return raw.decode("cp1258", errors="replace")
    if encoding == "tcvn3":
        return decode_tcvn3(raw)
    raise EncodingError(f"không biết mã hoá '{encoding}'; chọn một trong: {', '.join(ENCODINGS)}")


def _legacy(raw: bytes) -> tuple[str, str]:
    candidates = {
        "windows-1258": raw.decode("cp1258", errors="replace"),
        "tcvn3": decode_tcvn3(raw),
    }
    scores = {name: vietnamese_score(text) for name, text in candidates.items()}
    best = max(scores, key=scores.get)
    other = min(scores, key=scores.get)
    if scores[best] >= 0.9 and scores[best] - scores[other] >= 0.1:
        return candidates[best], best
    shown = ", ".join(f"{name}: {score:.0%} chữ hợp lệ" for name, score in scores.items())
    raise EncodingError(
        "không xác định được mã hoá của tệp: không phải UTF-8, và thử các mã cũ cũng không ra "
        f"chữ tiếng Việt rõ ràng ({shown}). Hãy mở tệp trong Word hoặc Notepad, lưu lại với mã "
        "hoá UTF-8, hoặc chỉ rõ mã hoá bằng --encoding windows-1258 hay --encoding tcvn3."
    )


def vietnamese_score(text: str) -> float:
    """Share of non-ASCII letters that make Vietnamese: right letters, one tone per word at most."""
    text = unicodedata.normalize("NFC", text)
    good = bad = 0
    for word in _WORD.findall(text):
        foreign = [ch for ch in word if ord(ch) > 0x7F]
        if not foreign:
            continue
        wrong = sum(ch not in _LETTERS for ch in foreign)
        toned = sum(ch in _TONED for ch in word)
        if toned > 1:
            wrong = len(foreign)
        good += len(foreign) - wrong
        bad += wrong
    # Symbols, replacement characters and stray combining marks outside words count against.
    bad += sum(
        1
        for ch in text
        if ord(ch) > 0x7F and not ch.isalnum() and not ch.isspace() and ch not in "–—…“”‘’•«»°"
    )
    total = good + bad
    return good / total if total else 0.0

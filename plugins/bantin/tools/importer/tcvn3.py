"""TCVN3 (TCVN 5712:1993 VN3, the ".Vn" fonts of the ABC keyboard era) → Unicode.

Python has no codec for it and no maintained package ships one, so the table is written out here.
VN3 holds lower-case letters with tones and the seven upper-case letters Ă Â Ê Ô Ơ Ư Đ without
tones; upper-case letters with tones were drawn by switching to a capitals font (.VnTimeH) over the
same bytes, so they decode as lower case and must be fixed by hand.
"""

from __future__ import annotations

_UPPER = {0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ"}
_LOWER = {0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ"}

# Each base letter with its five tones in VN3 order: huyền, hỏi, ngã, sắc, nặng.
_TONED = {
    "a": ((0xB5, 0xB6, 0xB7, 0xB8, 0xB9), "àảãáạ"),
    "ă": ((0xBB, 0xBC, 0xBD, 0xBE, 0xC6), "ằẳẵắặ"),
    "â": ((0xC7, 0xC8, 0xC9, 0xCA, 0xCB), "ầẩẫấậ"),
    "e": ((0xCC, 0xCE, 0xCF, 0xD0, 0xD1), "èẻẽéẹ"),
    "ê": ((0xD2, 0xD3, 0xD4, 0xD5, 0xD6), "ềểễếệ"),
    "i": ((0xD7, 0xD8, 0xDC, 0xDD, 0xDE), "ìỉĩíị"),
    "o": ((0xDF, 0xE1, 0xE2, 0xE3, 0xE4), "òỏõóọ"),
    "ô": ((0xE5, 0xE6, 0xE7, 0xE8, 0xE9), "ồổỗốộ"),
    "ơ": ((0xEA, 0xEB, 0xEC, 0xED, 0xEE), "ờởỡớợ"),
    "u": ((0xEF, 0xF1, 0xF2, 0xF3, 0xF4), "ùủũúụ"),
    "ư": ((0xF5, 0xF6, 0xF7, 0xF8, 0xF9), "ừửữứự"),
    "y": ((0xFA, 0xFB, 0xFC, 0xFD, 0xFE), "ỳỷỹýỵ"),
}


def _table() -> dict[int, str]:
    table = {byte: chr(byte) for byte in range(0x80)}
    table.update(_UPPER)
    table.update(_LOWER)
    for codes, letters in _TONED.values():
        table.update(zip(codes, letters, strict=True))
    return table


TABLE = _table()
"""Byte → Unicode character; bytes missing here are not text in VN3."""


def decode_tcvn3(raw: bytes) -> str:
    """Decode VN3 bytes; a byte that is not text becomes U+FFFD (counted against the guess)."""
    return "".join(TABLE.get(byte, "\ufffd") for byte in raw)

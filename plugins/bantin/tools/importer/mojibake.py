"""Text that went through a wrong encoding on its way to us: repaired exactly, or refused.

The usual accident is UTF-8 read as Windows-1252 and saved again ("TÃ¡Â»â€°nh Ä‘oÃ n" for
"Tỉnh đoàn"). ftfy knows those round trips and undoes them when every byte survived. When some
did not (a byte Windows-1252 lacks turned into '?' on the way), no repair can be exact, and we
refuse the file rather than import half-broken words.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

# Only the encoding repairs: quotes, widths, ligatures and entities stay as the reporter wrote them.
_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
)
# Marks UTF-8 leaves when read as Windows-1252: Ã/Ä/Æ before a continuation byte, áº/á», â€.
_MARKS = re.compile(r"[ÃÄÆ][\u0080-\u00bf‘’“”•–—˜™šœžŸ¡-¿]|á[º»]|â€")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
"""Zero-width spaces and joiners, word joiners, stray BOMs and soft hyphens: never text."""


class MojibakeError(ValueError):
    """Mis-encoded text that cannot be repaired exactly; the message (Vietnamese) says where."""


def strip_invisible(text: str) -> tuple[str, int]:
    """`text` without zero-width characters, and how many were removed."""
    cleaned, count = _INVISIBLE.subn("", text)
    return cleaned, count


def repair(text: str) -> tuple[str, bool]:
    """(`text` repaired, whether it needed a repair); raises MojibakeError when it cannot be exact."""
    if not _MARKS.search(text) or not is_bad(text):
        return text, False
    fixed = ftfy.fix_text(text, _CONFIG)
    left = _MARKS.search(fixed)
    if left is None and not is_bad(fixed):
        return unicodedata.normalize("NFC", fixed), True
    where = left or _MARKS.search(text)
    number = text.count("\n", 0, where.start()) + 1 if where else 1
    line = text.split("\n")[number - 1].strip()
    raise MojibakeError(
        f"dòng {number}: chữ bị lỗi mã hoá (UTF-8 bị đọc nhầm thành Windows-1252, ví dụ "
        f"'{line[:60]}') và đã mất ký tự nên không khôi phục chính xác được. Hãy chép lại bài "
        "từ trang gốc (hoặc mở tệp gốc bằng trình duyệt và lưu lại với mã hoá UTF-8)."
    )

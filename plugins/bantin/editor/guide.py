"""The staff guide to the editor, in Vietnamese, for the README that `bantin init` writes."""

from __future__ import annotations

from pathlib import Path

GUIDE = Path(__file__).with_name("HUONG-DAN.md")


def staff_guide() -> str:
    """The guide's Markdown: a `##` section on turning the editor on, signing in, writing,
    saving a draft and sending it for approval."""
    return GUIDE.read_text(encoding="utf-8")

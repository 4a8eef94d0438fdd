"""Share addresses for Facebook and Zalo: plain links, so no third-party script is loaded."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class ShareLinks:
    facebook: str
    zalo: str


def share_links(url: str) -> ShareLinks:
    """Where to send a reader who wants to share `url` (an absolute address)."""
    # Zalo's share page takes the address as base64 of {"url": ...} in `d`.
    payload = base64.b64encode(json.dumps({"url": url}).encode()).decode()
    return ShareLinks(
        facebook=f"https://www.facebook.com/sharer/sharer.php?u={quote(url, safe='')}",
        zalo=f"https://button-share.zalo.me/share_external?d={quote(payload, safe='')}",
    )

"""The portal's furniture around an article, as it comes along when a page is selected and pasted.

Furniture is never the article's text, title or signature: toolbars and buttons, share and comment
widgets, rating and view counters, loading placeholders, image file names, copyright notices. After
a heading of related news or comments, everything to the end of the page is furniture too.
Patterns are whole-line and written for what portals print, not for any one site.
"""

from __future__ import annotations

import re

_WORDS = re.IGNORECASE
_LINES = [
    (re.compile(r"PublishingPortal|Block_\w+", _WORDS), "khối giao diện của cổng thông tin"),
    (re.compile(r"^(?:tăng|giảm)\s+cỡ\s+chữ|^xem\s+với\s+cỡ\s+chữ", _WORDS), "thanh công cụ"),
    (re.compile(r"^trang\s+chủ(?:\s*[>»/|›].*)?$", _WORDS), "đường dẫn trang của cổng thông tin"),
    (
        re.compile(
            r"^(?:in\s+(?:bài(?:\s+viết)?|trang)|gửi\s+(?:email|e-mail|bài\s+viết|cho\s+bạn\s+bè|"
            r"bình\s+luận|hình(?:\s+gửi\s+bình\s+luận)?)|gửi|bản\s+in|chia\s+sẻ(?:\s+bài\s+viết)?|"
            r"chia\s+sẻ\s*:.*|quay\s+(?:lại|lên\s+trên)|trở\s+về|lên\s+đầu\s+trang|"
            r"về\s+trang\s+trước|nghe\s+đọc\s+bài\s+viết|đọc\s+bài|lưu\s+bài|theo\s+dõi\s+.{1,40}"
            r"\s+trên\s+google\s+news|google\s+news|facebook|twitter|zalo|tweet|like|share|"
            r"share\s+on\s+\w+|email|print|đánh\s+giá\s+bài\s+viết|click\s+để\s+đánh\s+giá\s+bài\s+viết|"
            r"chi\s+tiết|đang\s+tải\s*(?:\.\.\.|…)?|loading\s*(?:\.\.\.|…)?|xin\s+chờ\s*(?:\.\.\.|…)?)"
            r"(?:\s*[|/]\s*\w+)*\s*:?$",
            _WORDS,
        ),
        "nút của cổng thông tin",
    ),
    (
        re.compile(
            r"^(?:tổng\s+số\s+điểm\s+của\s+bài\s+viết.*|\d+\s+comments?|bình\s+luận\s*\(\d+\)|"
            r"bình\s+luận\s+của\s+bạn|nội\s+dung\s+bình\s+luận|chưa\s+có\s+bình\s+luận\s+nào.*|"
            r"hãy\s+là\s+người\s+đầu\s+tiên\s+bình\s+luận.*|hủy\s+trả\s+lời|trả\s+lời|"
            r"email\s+của\s+bạn\s+sẽ\s+không\s+được\s+hiển\s+thị\s+công\s+khai\.?|"
            r"lưu\s+ý\s*:.*ý\s+kiến.*|gửi\s+file\s+đính\s+kèm.*|"
            r"\(\*\)\s*không\s+sao\s+chép.*|không\s+sao\s+chép\s+dưới\s+mọi\s+hình\s+thức.*|"
            r"(?:số\s+)?lượt\s+(?:xem|thích)\s*:?\s*[\d.,]*|posted\s+in\s+.{1,60}|"
            r"admin(?:istrator)?|quản\s+trị(?:\s+viên)?)$",
            _WORDS,
        ),
        "tiện ích bình luận, đánh giá hoặc bản quyền của cổng",
    ),
    (
        re.compile(
            r"^(?:IMG|DSC|DSCN|DJI|Screenshot)[\s_-]*\w*$|^z\d{8,}[\w-]*$|^[\w-]+\.(?:jpe?g|png|gif|webp)$",
            _WORDS,
        ),
        "tên tệp ảnh",
    ),
    (re.compile(r"^[\d\s]+$"), "bộ đếm hoặc số thứ tự ảnh"),
    (re.compile(r"^[|.,;:*•·\-–—_=~#>/\\]+$"), "dấu rời"),
]
_TAIL = re.compile(
    r"^(?:ý\s+kiến\s+bạn\s+đọc|bình\s+luận|viết\s+bình\s+luận|để\s+lại\s+(?:một\s+)?bình\s+luận|"
    r"tin\s+(?:cùng\s+chuyên\s+mục|liên\s+quan|khác|mới(?:\s+nhất)?|đọc\s+nhiều(?:\s+nhất)?|"
    r"nổi\s+bật|xem\s+nhiều)|tin,\s+ảnh\s+liên\s+quan|bài\s+(?:viết\s+)?liên\s+quan|"
    r"các\s+tin\s+(?:khác|đã\s+đưa|cùng\s+chuyên\s+mục|liên\s+quan)|những\s+tin\s+(?:mới|cũ)\s+hơn|"
    r"xem\s+thêm|đọc\s+thêm|có\s+thể\s+bạn\s+quan\s+tâm|quan\s+tâm\s+nhất|mới\s+nhất|"
    r"từ\s+khóa|từ\s+khoá|tags?|liên\s+kết\s+website)\s*:?$",
    _WORDS,
)


_BUTTONS = re.compile(
    r"facebook|zalo|twitter|linkedin|pinterest|telegram|messenger|tweet|like|share|email|e-mail|"
    r"in\s+bài(?:\s+viết)?|bản\s+in|gửi\s+(?:email|bài\s+viết|cho\s+bạn\s+bè)|chia\s+sẻ|"
    r"lưu\s+bài|bình\s+luận|print|copy\s+link|sao\s+chép\s+liên\s+kết",
    re.IGNORECASE,
)


def junk_reason(text: str) -> str | None:
    """Why a cleaned line is portal furniture, or None when it is content."""
    for pattern, reason in _LINES:
        if pattern.search(text):
            return reason
    if _BUTTONS.search(text) and not _BUTTONS.sub("", text).strip(" |/-:·•,()0123456789"):
        return "nút chia sẻ của cổng thông tin"  # "Facebook Zalo In bài viết" on one line
    return None


def opens_tail(text: str) -> bool:
    """A heading after which the page holds related news, tags or comments, not the article."""
    return bool(_TAIL.match(text))

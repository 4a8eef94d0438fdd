"""The web editor's "Văn bản" collection: one form per document, made from the document
contract (`model.document.FIELDS`) and the registries, as `editor.schema` makes the articles'.

A document is filed as `content/van-ban/{year}/{number as slug}.md`; its files are uploaded to
`content/files/{year}/` and written relative to the document (`../../files/2022/x.pdf`), which
is what `bantin check` reads.
"""

from __future__ import annotations

from datetime import date

from ..editor.schema import ENTRY_FOLDER, _field, unit_options
from ..model.docfiles import TYPES
from ..model.dockinds import DocumentKind
from ..model.document import FILES_DIR
from ..model.register import DOCUMENTS_DIR
from ..model.registry import Unit

NUMBER_PATTERN = r"^\s*\d{1,5}\s*[-–]?\s*[A-Za-zĐđ]+\s*/\s*\S+"
"""A loose shape of `261-KH/TĐTN-XDĐ`; `bantin check` reads the number exactly."""


def document_collection(
    units: list[Unit], kinds: list[DocumentKind], content: str, today: date
) -> dict:
    """ "Văn bản": `content/van-ban/{year}/{number}.md`, files in `content/files/{year}/`."""
    accept = ",".join(sorted({kind.mime for kind in TYPES.values()} | set(TYPES)))
    return {
        "name": "documents",
        "label": "Văn bản",
        "label_singular": "văn bản",
        "description": "Sổ văn bản: kế hoạch, hướng dẫn, công văn... Mỗi văn bản là một tệp "
        "trong content/van-ban/NĂM/, tệp đính kèm trong content/files/NĂM/.",
        "folder": f"{content}/{DOCUMENTS_DIR}",
        "path": "{{fields.date | date('YYYY')}}/{{slug}}",
        "slug": "{{fields.number}}",
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": True,
        "media_folder": f"/{content}/{FILES_DIR}/{ENTRY_FOLDER}",
        "public_folder": f"../../{FILES_DIR}/{ENTRY_FOLDER}",
        "sortable_fields": {
            "fields": ["date", "number", "kind"],
            "default": {"field": "date", "direction": "descending"},
        },
        "summary": "{{kind}} số {{number}} — {{date | date('DD/MM/YYYY')}}",
        "fields": [
            _field(
                "number",
                "Số/ký hiệu",
                "Như trên văn bản, ví dụ 261-KH/TĐTN-XDĐ. Ký hiệu (KH) phải đúng loại văn bản.",
                required=True,
                pattern=[NUMBER_PATTERN, "Cần dạng số-KÝ HIỆU/CƠ QUAN, ví dụ 261-KH/TĐTN-XDĐ"],
            ),
            _field(
                "kind",
                "Loại văn bản",
                "Theo danh mục loại văn bản của trang (document-kinds.yml).",
                "select",
                required=True,
                options=[
                    {"label": f"{kind.name} ({', '.join(kind.symbols)})", "value": kind.name}
                    for kind in kinds
                ],
            ),
            _field(
                "date",
                "Ngày ban hành",
                "Ngày ký ban hành văn bản.",
                "datetime",
                required=True,
                format="YYYY-MM-DD",
                date_format="DD/MM/YYYY",
                time_format=False,
            ),
            _field(
                "unit",
                "Cơ quan ban hành",
                "Đơn vị ban hành văn bản, gõ vài chữ của tên.",
                "select",
                required=True,
                options=unit_options(units, today),
                dropdown_threshold=0,
            ),
            _field(
                "summary",
                "Trích yếu",
                "Văn bản về việc gì, như dòng trích yếu trên văn bản.",
                "text",
                required=True,
            ),
            _field("signer", "Người ký", "Ví dụ: Phó Bí thư Tỉnh đoàn."),
            _field("field", "Lĩnh vực", "Ví dụ: Xây dựng Đoàn."),
            _field(
                "files",
                "Tệp đính kèm",
                "Bản ký (PDF) và tệp Word, Excel nếu có. Không nhận HTML, SVG, tệp nén, tệp chạy.",
                "list",
                field={
                    "name": "file",
                    "label": "Tệp",
                    "widget": "file",
                    "accept": accept,
                    "choose_url": False,
                },
            ),
            _field(
                "replaces",
                "Thay thế văn bản",
                "Số/ký hiệu của văn bản mà văn bản này thay thế, mỗi số một dòng.",
                "list",
            ),
            _field(
                "body",
                "Toàn văn",
                "Không bắt buộc: dán nội dung văn bản nếu muốn người đọc xem ngay trên trang.",
                "markdown",
                modes=["rich_text", "raw"],
                sanitize_preview=True,
            ),
        ],
    }

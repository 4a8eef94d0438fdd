"""The editor's configuration (Sveltia CMS `config.yml`), made from the site's registries.

Pure: no MkDocs here. `editor_config` returns a plain dict that the plugin dumps as YAML; every
collection, field, label and hint is decided here, so the editor cannot drift from the article
contract (`bantin.model.article.FIELDS`) or from `content/_data/`. The rules `bantin check` applies and
the CMS can express are written as `required` and `pattern`; the ones it cannot (a unit that had
ended before the article's date) are left to `bantin check`, which the hints name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model.catalog import ARTICLES_DIR, DATA_DIR
from ..model.registry import Category, Unit
from ..model.text import vi_sort_key

# Sveltia stores what the date picker shows with this dayjs format: minutes, no zone, which the
# article contract reads as Vietnam time (`bantin.model.dates.parse_date`).
DATE_FORMAT = "YYYY-MM-DDTHH:mm"
# Same alphabet as `bantin.model.text.slugify`'s output; the messages say it in Vietnamese.
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
WEB_PATTERN = r"^https?://[^\s/]+\S*$"
# `bantin.model.text.slugify` cuts at 80 characters; Sveltia cuts there too (mid-word, see docs/editor.md).
SLUG_MAX = 80
# The article's year, as the folder `bantin new` files it under: `content/articles/2026/`.
ARTICLE_YEAR = "{{fields.date | date('YYYY')}}"
# The same year for its photos: the folder the article was filed in (Sveltia fills media folders
# from the entry's path, not from its fields).
ENTRY_FOLDER = "{{dirname}}"
# Registries nest units this deep at most in the editor (Trung ương → tỉnh → huyện → cơ sở → chi
# đoàn); a deeper tree is still edited by hand, and the editor says so.
UNIT_DEPTH = 5


# What the repository's history says for each kind of save, in Vietnamese.
COMMIT_MESSAGES = {
    "create": "Thêm {{collection}} “{{slug}}” (soạn trên web)",
    "update": "Sửa {{collection}} “{{slug}}” (soạn trên web)",
    "delete": "Xóa {{collection}} “{{slug}}” (soạn trên web)",
    "uploadMedia": "Tải lên ảnh “{{path}}”",
    "deleteMedia": "Xóa ảnh “{{path}}”",
}


@dataclass(frozen=True)
class EditorOptions:
    """What the editor needs beyond the registries, from the plugin's config and mkdocs.yml."""

    repo: str
    branch: str = "main"
    content_dir: str = "content"
    """docs_dir, relative to the repository's root (where the CMS reads and commits)."""
    site_url: str | None = None
    site_name: str = ""
    workflow: bool = True
    auth_url: str | None = None
    """An OAuth client (e.g. sveltia-cms-auth on Cloudflare Workers); else sign-in is by token."""
    api_root: str | None = None
    """A GitHub Enterprise or test API root; None for api.github.com."""
    own_registries: bool = True
    """The registries are this site's `content/_data/`; a registry shared with other sites lives
    elsewhere (another repository or package) and is not edited from this site's editor."""
    logo: str | None = None


def editor_config(
    units: list[Unit], categories: list[Category], options: EditorOptions, today: date
) -> dict:
    """The whole `config.yml` for Sveltia CMS, as a dict in the order it is written."""
    content = options.content_dir.strip("/")
    backend: dict = {
        "name": "github",
        "repo": options.repo,
        "branch": options.branch,
        "commit_messages": COMMIT_MESSAGES,
    }
    if options.auth_url:
        backend["base_url"] = options.auth_url
    else:
        # No OAuth client of the unit's own: staff sign in with a fine-grained personal token.
        backend["auth_methods"] = ["token"]
    if options.api_root:
        backend["api_root"] = options.api_root
        backend["graphql_api_root"] = options.api_root.rstrip("/") + "/graphql"
    config: dict = {"backend": backend}
    if options.workflow:
        config["publish_mode"] = "editorial_workflow"
    if options.site_url:
        config["site_url"] = options.site_url
    if options.logo:
        config["logo_url"] = options.logo
    config.update(
        {
            "media_folder": f"{content}/images",
            "public_folder": "/images",
            "slug": {
                "encoding": "ascii",
                "clean_accents": True,
                "sanitize_replacement": "-",
                "maxlength": SLUG_MAX,
            },
            "collections": [
                article_collection(units, categories, content, today),
                pages_collection(content),
            ]
            + ([registries_collection(content)] if options.own_registries else []),
        }
    )
    return config


def _field(name: str, label: str, hint: str, widget: str = "string", **more) -> dict:
    """One widget; every field carries a Vietnamese label and a hint, and is optional unless said."""
    field = {"name": name, "label": label, "widget": widget, "hint": hint}
    field["required"] = more.pop("required", False)
    field.update(more)
    return field


def unit_options(units: list[Unit], today: date) -> list[dict]:
    """Units as select options: those current on `today` first (alphabetical), ended ones after.

    An ended unit stays choosable, since an article about 2022 keeps the unit of 2022; its label
    says when it ended and where its news continues, and `bantin check` refuses it for an article
    dated after that day.
    """
    by_slug = {unit.slug: unit for unit in units}

    def current(unit: Unit) -> bool:
        return (unit.valid_to is None or unit.valid_to >= today) and (
            unit.valid_from is None or unit.valid_from <= today
        )

    def label(unit: Unit) -> str:
        if current(unit):
            return unit.name
        if unit.valid_from is not None and unit.valid_from > today:
            return f"{unit.name} (từ {unit.valid_from:%d/%m/%Y})"
        note = f"đã kết thúc {unit.valid_to:%d/%m/%Y}"
        if unit.successor in by_slug:
            note += f", nay là {by_slug[unit.successor].name}"
        return f"{unit.name} ({note})"

    ordered = sorted(units, key=lambda unit: (not current(unit), vi_sort_key(unit.name)))
    return [{"label": label(unit), "value": unit.name} for unit in ordered]


def article_fields(units: list[Unit], categories: list[Category], today: date) -> list[dict]:
    """One widget per front-matter field of the contract, in the order `bantin new` writes them."""
    return [
        _field(
            "title",
            "Tiêu đề",
            "Tiêu đề bài viết, viết hoa như câu thường. Tên tệp và địa chỉ bài được tạo từ tiêu đề.",
            required=True,
        ),
        _field(
            "date",
            "Ngày giờ đăng",
            "Giờ Việt Nam. Bài đặt ngày trong tương lai sẽ tự hiện vào ngày đó.",
            "datetime",
            required=True,
            format=DATE_FORMAT,
            time_format="HH:mm",
            date_format="DD/MM/YYYY",
            default="{{now}}",
        ),
        _field(
            "unit",
            "Đơn vị",
            "Gõ vài chữ của tên, có dấu hay không dấu. Các đơn vị đang hoạt động ở đầu danh sách; "
            "đơn vị đã kết thúc chỉ dùng cho bài viết trước ngày kết thúc (bantin check kiểm tra).",
            "select",
            required=True,
            options=unit_options(units, today),
            # Always a list to search in (typed with or without tones), even with few units.
            dropdown_threshold=0,
        ),
        _field(
            "category",
            "Chuyên mục",
            "Chuyên mục của bài, theo danh mục chuyên mục của trang.",
            "select",
            required=True,
            options=[{"label": c.name, "value": c.name} for c in categories],
        ),
        _field("author", "Tác giả", "Chữ ký in cuối bài, ví dụ: Ban Xây dựng Đoàn."),
        _field(
            "tags",
            "Thẻ",
            "Từ khóa của bài, mỗi thẻ một dòng, ví dụ: hội nghị.",
            "list",
        ),
        _field(
            "summary",
            "Tóm tắt (sapo)",
            "Để trống thì lấy đoạn đầu của bài.",
            "text",
        ),
        _field(
            "cover",
            "Ảnh đại diện",
            "Ảnh JPEG, PNG hoặc WebP, chụp bằng điện thoại cũng được: trang tự thu nhỏ và xóa "
            "thông tin vị trí (GPS).",
            "image",
            accept="image/jpeg,image/png,image/webp",
            choose_url=False,
        ),
        _field("cover_caption", "Chú thích ảnh đại diện", "Một câu mô tả ảnh đại diện."),
        _field(
            "featured",
            "Tin nổi bật",
            "Bật để đưa bài lên khối tin nổi bật ở trang chủ.",
            "boolean",
            default=False,
        ),
        _field(
            "draft",
            "Bản nháp",
            "Bật thì bài chưa hiện trên trang (vẫn xem được khi chạy thử).",
            "boolean",
            default=False,
        ),
        _field(
            "body",
            "Nội dung",
            "Đoạn đầu là sapo. Chèn ảnh có chú thích bằng nút “Ảnh có chú thích”.",
            "markdown",
            required=True,
            modes=["rich_text", "raw"],
            sanitize_preview=True,
        ),
    ]


def article_collection(
    units: list[Unit], categories: list[Category], content: str, today: date
) -> dict:
    """ "Bài viết": `content/articles/{year}/{slug}.md`, photos in `content/images/{year}/`."""
    return {
        "name": "articles",
        "label": "Bài viết",
        "label_singular": "bài viết",
        "description": "Tin bài của trang. Mỗi bài là một tệp trong content/articles/NĂM/.",
        "folder": f"{content}/{ARTICLES_DIR}",
        "path": f"{ARTICLE_YEAR}/{{{{slug}}}}",
        "slug": "{{title}}",
        "extension": "md",
        # Registered by bantin-editor.js: the built-in parser, our writer (`bantin new`'s style).
        "format": "yaml-frontmatter",
        "create": True,
        "media_folder": f"/{content}/images/{ENTRY_FOLDER}",
        "public_folder": f"../../images/{ENTRY_FOLDER}",
        "sortable_fields": {
            "fields": ["date", "title", "unit", "category"],
            "default": {"field": "date", "direction": "descending"},
        },
        "summary": "{{title}} — {{date | date('DD/MM/YYYY')}}",
        "fields": article_fields(units, categories, today),
    }


def pages_collection(content: str) -> dict:
    """Static pages (Giới thiệu…): `content/*.md`, a title and the body."""
    return {
        "name": "pages",
        "label": "Trang tĩnh",
        "label_singular": "trang tĩnh",
        "description": "Các trang như Giới thiệu, nằm ngay trong thư mục content/.",
        "folder": content,
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": True,
        "slug": "{{title}}",
        "media_folder": f"/{content}/images",
        "public_folder": "images",
        "fields": [
            _field("title", "Tiêu đề", "Tên trang, hiện trên thanh điều hướng.", required=True),
            _field("body", "Nội dung", "Nội dung trang, viết như bài viết.", "markdown"),
        ],
    }


def _unit_fields(depth: int) -> list[dict]:
    fields = [
        _field("name", "Tên đơn vị", "Tên đầy đủ, ví dụ: Huyện đoàn Yên Khánh.", required=True),
        _field(
            "aliases",
            "Tên khác",
            "Tên viết tắt hoặc tên cũ bài viết có thể dùng, mỗi tên một dòng.",
            "list",
        ),
        _field(
            "slug",
            "Địa chỉ (slug)",
            "Để trống thì tạo từ tên. Chỉ chữ thường không dấu, số và dấu '-'.",
            pattern=[SLUG_PATTERN, "Chỉ dùng a-z, 0-9 và '-', ví dụ huyen-doan-yen-khanh"],
        ),
        _field(
            "website",
            "Trang web",
            "Địa chỉ bắt đầu bằng https://",
            pattern=[WEB_PATTERN, "Cần địa chỉ bắt đầu bằng https://"],
        ),
        _field(
            "valid_from",
            "Thành lập từ ngày",
            "Dạng NĂM-THÁNG-NGÀY, ví dụ 2025-07-01.",
            pattern=[DAY_PATTERN, "Cần dạng YYYY-MM-DD"],
        ),
        _field(
            "valid_to",
            "Kết thúc ngày",
            "Ngày cuối cùng đơn vị hoạt động (sáp nhập, giải thể), dạng YYYY-MM-DD.",
            pattern=[DAY_PATTERN, "Cần dạng YYYY-MM-DD"],
        ),
        _field(
            "successor",
            "Đơn vị kế tục",
            "Tên đơn vị tiếp nhận tin bài sau khi đơn vị này kết thúc (phải có trong danh mục).",
        ),
    ]
    if depth > 1:
        fields.append(
            _field(
                "children",
                "Đơn vị trực thuộc",
                "Các đơn vị cấp dưới.",
                "list",
                collapsed=True,
                summary="{{fields.name}}",
                fields=_unit_fields(depth - 1),
            )
        )
    return fields


# Said on every registry: the CMS rewrites the YAML, so the file's `#` comments go.
_COMMENTS_GO = " Lưu ở đây sẽ bỏ các dòng ghi chú (#) trong tệp."


def _registry_file(
    name: str, label: str, path: str, hint: str, fields: list[dict], required: bool = True
) -> dict:
    """One registry: a YAML file that is a list (`root: true`), each item summarised by name."""
    items = _field(
        name,
        label,
        hint + _COMMENTS_GO,
        "list",
        root=True,
        required=required,
        summary="{{fields.name}}",
        fields=fields,
    )
    return {"name": name, "label": label, "file": path, "format": "yaml", "fields": [items]}


def registries_collection(content: str) -> dict:
    """The registries themselves, validated as far as the CMS can as `bantin check` does."""
    data = f"{content}/{DATA_DIR}"
    category_fields = [
        _field("name", "Tên", "Tên chuyên mục hiện trên trang.", required=True),
        _field("aliases", "Tên khác", "Tên bài viết có thể dùng.", "list"),
        _field(
            "slug",
            "Địa chỉ (slug)",
            "Để trống thì tạo từ tên.",
            pattern=[SLUG_PATTERN, "Chỉ dùng a-z, 0-9 và '-'"],
        ),
        _field("description", "Mô tả", "Một câu giới thiệu chuyên mục.", "text"),
    ]
    link_fields = [
        _field("name", "Tên", "Tên cơ quan, tờ báo...", required=True),
        _field(
            "url",
            "Địa chỉ",
            "Bắt đầu bằng https://",
            required=True,
            pattern=[WEB_PATTERN, "Cần địa chỉ bắt đầu bằng http:// hoặc https://"],
        ),
        _field(
            "logo",
            "Logo",
            "Ảnh PNG, JPEG, WebP hoặc GIF; trang tự thu về cùng chiều cao.",
            "image",
            media_folder=f"/{content}/images/links",
            public_folder="images/links",
            choose_url=False,
        ),
        _field("group", "Nhóm", "Ví dụ: Báo chí; các liên kết cùng nhóm đứng cạnh nhau."),
    ]
    return {
        "name": "registries",
        "label": "Danh mục",
        "label_singular": "danh mục",
        "description": "Đơn vị, chuyên mục và liên kết website dùng chung cho mọi bài viết.",
        "files": [
            _registry_file(
                "units",
                "Đơn vị",
                f"{data}/units.yml",
                "Các đơn vị cấp cao nhất; mỗi đơn vị có thể có đơn vị trực thuộc.",
                _unit_fields(UNIT_DEPTH),
            ),
            _registry_file(
                "categories",
                "Chuyên mục",
                f"{data}/categories.yml",
                "Theo thứ tự trên thanh menu.",
                category_fields,
            ),
            _registry_file(
                "links",
                "Liên kết website",
                f"{data}/links.yml",
                "Hiện ở chân mọi trang, theo nhóm.",
                link_fields,
                required=False,
            ),
        ],
    }

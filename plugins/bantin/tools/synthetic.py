"""A deterministic synthetic news site of the genre, for benchmarks and large-site tests.

`write_project(root, count)` writes `root/mkdocs.yml` (inheriting the repository's mkdocs.yml, so
every plugin of the real site runs; from an installed wheel, which has no repository, the same
plugins spelled out) and `root/content/` with registries and `count` articles of
about 600 words: realistic units (some ended in 2025), categories, tags, ten years of dates and a
cover on one article in ten.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

from ..model.text import slugify

REPO = Path(__file__).resolve().parents[3]

STANDALONE = """theme:
  name: material
plugins:
  - bantin:
      site_version: 1
  - bantin-articles
  - bantin-indexes
  - bantin-documents
  - bantin-links
  - bantin-images
  - bantin-publish
  - bantin-search
"""
"""The sample site's plugins, for `bantin bench` run from a wheel (no repository mkdocs.yml)."""

PROVINCES = [
    "Ninh Bình", "Quảng Ninh", "Bắc Kạn", "Hậu Giang", "Trà Vinh", "Hà Giang", "Đắk Lắk",
    "Thừa Thiên Huế", "Kiên Giang", "Lạng Sơn", "Điện Biên", "Sóc Trăng",
]  # fmt: skip
DISTRICTS = [
    "Yên Khánh", "Tiên Yên", "Ba Chẽ", "Ngân Sơn", "Chợ Đồn", "Vị Thủy", "Cầu Ngang", "Đồng Văn",
    "Ea Kar", "Phú Vang", "Cao Lộc", "Mường Nhé", "Mỹ Xuyên", "Ứng Hòa", "Ông Đốc", "Ân Thi",
]  # fmt: skip
CATEGORIES = [
    ("Tin tức - Sự kiện", "tin-tuc-su-kien"),
    ("Xây dựng Đoàn", "xay-dung-doan"),
    ("Phong trào thanh niên", "phong-trao-thanh-nien"),
    ("Tình nguyện", "tinh-nguyen"),
    ("Công tác Đội và thiếu nhi", "cong-tac-doi-va-thieu-nhi"),
]
TAGS = [
    "kiểm tra", "đại hội", "chuyển đổi số", "tình nguyện hè", "hiến máu", "khởi nghiệp",
    "6 tháng đầu năm", "tổng kết", "tập huấn", "an sinh xã hội", "môi trường", "thiếu nhi",
    "đoàn viên", "chi đoàn", "biên giới", "tuổi trẻ sáng tạo", "Tháng Thanh niên", "xuân tình nguyện",
]  # fmt: skip
EVENTS = [
    "kiểm tra công tác Đoàn và phong trào thanh thiếu nhi",
    "tổ chức Đại hội đại biểu Đoàn TNCS Hồ Chí Minh",
    "ra quân Chiến dịch Thanh niên tình nguyện hè",
    "tổng kết công tác Đoàn và phong trào thanh thiếu nhi",
    "tập huấn nghiệp vụ công tác Đoàn cho cán bộ cơ sở",
    "phát động Tháng Thanh niên",
    "trao học bổng cho thiếu nhi có hoàn cảnh khó khăn",
    "ra mắt tổ chuyển đổi số cộng đồng",
    "tổ chức Ngày hội hiến máu tình nguyện",
    "giao ban cụm thi đua",
]
SENTENCES = [
    "Tham dự hội nghị có các đồng chí trong Ban Thường vụ, Ban Chấp hành và đại diện cấp ủy, chính quyền địa phương.",
    "Qua kiểm tra cho thấy, Ban Thường vụ đã chủ động bám sát sự chỉ đạo của cấp ủy trong việc triển khai nhiệm vụ.",
    "Các công trình, phần việc thanh niên được triển khai hiệu quả, huy động đông đảo đoàn viên, thanh niên tham gia.",
    "Việc thành lập các tổ chuyển đổi số cộng đồng được thực hiện bài bản, đa dạng hình thức.",
    "Tuy nhiên, việc sinh hoạt chi đoàn ở một số cơ sở chưa đảm bảo theo quy định.",
    "Công tác phối hợp huy động nguồn lực, vận động xã hội hóa được tăng cường và đạt kết quả tốt.",
    "Đoàn kiểm tra đã phân tích, làm rõ và hướng dẫn các nội dung còn khó khăn, vướng mắc.",
    "Trên cơ sở kết quả đạt được, đơn vị tiếp tục phát huy vai trò xung kích của tuổi trẻ.",
    "Hội nghị đã thảo luận, thống nhất các giải pháp thực hiện nhiệm vụ trong thời gian tới.",
    "Các đại biểu đề xuất tăng cường tập huấn, bồi dưỡng kỹ năng cho đội ngũ cán bộ Đoàn cơ sở.",
    "Đồng chí Bí thư phát biểu chỉ đạo, đề nghị các cấp bộ Đoàn quan tâm công tác phát triển đoàn viên.",
    "Phong trào đã lan tỏa mạnh mẽ, nhận được sự đồng tình, ủng hộ của nhân dân trên địa bàn.",
    "Dịp này, Ban tổ chức đã trao tặng 50 suất quà cho thiếu nhi có hoàn cảnh đặc biệt khó khăn.",
    "Đoàn viên, thanh niên ra quân vệ sinh môi trường, trồng cây xanh dọc các tuyến đường.",
    "Kết quả đánh giá, xếp loại được công khai, minh bạch trước Ban Chấp hành.",
    "Việc quản lý đoàn viên trên phần mềm được thực hiện đúng hướng dẫn của Trung ương Đoàn.",
]
CAPTIONS = [
    "Quang cảnh hội nghị",
    "Đại biểu phát biểu tại hội nghị",
    "Các đại biểu chụp ảnh lưu niệm",
]


DISTRICTS_ENDED = date(2025, 6, 30)
"""The district level was abolished then: no article of a Huyện đoàn is dated later."""


def _units(rng: random.Random) -> tuple[str, list[dict]]:
    """units.yml text and a flat list of {name, ended} for choosing authors' units."""
    lines = ["- name: Trung ương Đoàn TNCS Hồ Chí Minh", "  slug: trung-uong-doan", "  children:"]
    flat = [{"name": "Trung ương Đoàn TNCS Hồ Chí Minh"}]
    for province in PROVINCES:
        name = f"Tỉnh đoàn {province}"
        lines += [f"    - name: {name}", "      children:"]
        flat.append({"name": name})
        for district in rng.sample(DISTRICTS, 6):
            child = f"Huyện đoàn {district} ({province})"
            lines += [f"        - name: {child}", f"          valid_to: {DISTRICTS_ENDED}"]
            flat.append({"name": child, "ended": DISTRICTS_ENDED})
    return "\n".join(lines) + "\n", flat


def _categories() -> str:
    return "".join(f"- name: {name}\n  slug: {slug}\n" for name, slug in CATEGORIES)


def _cover_pool(content: Path, rng: random.Random) -> list[str]:
    from PIL import Image

    folder = content / "images" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    covers = []
    for index in range(12):
        colour = tuple(rng.randrange(40, 220) for _ in range(3))
        path = folder / f"anh-{index:02d}.jpg"
        Image.new("RGB", (1600, 900), colour).save(path, quality=80)
        covers.append(path.relative_to(content).as_posix())
    return covers


def _body(rng: random.Random, words: int) -> str:
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 6)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
        if rng.random() < 0.15:
            paragraphs.append(f"{rng.choice(CAPTIONS)}\n{{: .bt-caption }}")
    return "\n\n".join(paragraphs)


def write_content(content: Path, count: int, seed: int = 0, words: int = 600) -> None:
    """Registries and `count` articles under `content/` (which must not hold articles yet)."""
    rng = random.Random(seed)
    data = content / "_data"
    data.mkdir(parents=True, exist_ok=True)
    units_text, units = _units(rng)
    (data / "units.yml").write_text(units_text, encoding="utf-8")
    (data / "categories.yml").write_text(_categories(), encoding="utf-8")
    covers = _cover_pool(content, rng)
    start = datetime(2016, 1, 1, 7, 0)
    span = (datetime(2025, 12, 31) - start).total_seconds()
    for index in range(count):
        chosen = rng.choice(units)
        unit = chosen["name"]
        moment = start + timedelta(seconds=int(rng.random() * span))
        if "ended" in chosen and moment.date() > chosen["ended"]:
            moment = datetime.combine(chosen["ended"], moment.time())  # its last day
        event = rng.choice(EVENTS)
        title = f"{unit} {event} năm {moment.year} (số {index + 1})"
        tags = rng.sample(TAGS, rng.randint(1, 3))
        # Numbered: slugs are cut at 80 characters, which dropped the "(số N)" that told
        # titles apart, and one file then overwrote another (7,135 articles out of 10,000).
        slug = f"{slugify(title, 70)}-{index + 1}"
        lines = [
            "---",
            f'title: "{title}"',
            f"slug: {slug}",
            f"date: {moment:%Y-%m-%dT%H:%M}",
            f'unit: "{unit}"',
            f"category: {rng.choice(CATEGORIES)[0]}",
            f"author: {rng.choice(['Ban Xây dựng Đoàn', 'Văn phòng', 'Ngọc Tú', 'Anh Duy'])}",
            f"tags: [{', '.join(tags)}]",
        ]
        if index % 10 == 0:
            lines.append(f"cover: ../../{rng.choice(covers)}")
            lines.append(f"cover_caption: {rng.choice(CAPTIONS)}")
        if index % 50 == 0:
            lines.append("featured: true")
        lines += ["---", "", _body(rng, words), ""]
        folder = content / "articles" / f"{moment.year}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{slug}.md").write_text("\n".join(lines), encoding="utf-8")
    (content / "index.md").write_text(
        "---\ntitle: Trang chủ\ntemplate: bantin/home.html\nhide: [navigation, toc]\n---\n",
        encoding="utf-8",
    )


def write_config(root: Path, extra: str = "") -> Path:
    """`root/mkdocs.yml` inheriting the repository's site config, with docs in `root/content`."""
    config = root / "mkdocs.yml"
    base = REPO / "mkdocs.yml"
    head = f"INHERIT: {base}\n" if base.is_file() else STANDALONE
    config.write_text(
        head + "site_name: Bản Tin thử nghiệm\n"
        "site_url: https://example.org/\n"
        f"docs_dir: {root / 'content'}\n"
        f"site_dir: {root / 'site'}\n"
        "nav:\n"
        "  - Trang chủ: index.md\n" + extra,
        encoding="utf-8",
    )
    return config


def write_project(root: Path, count: int, seed: int = 0, words: int = 600) -> Path:
    """A whole synthetic site under `root`; returns its mkdocs.yml."""
    write_content(root / "content", count, seed, words)
    return write_config(root)

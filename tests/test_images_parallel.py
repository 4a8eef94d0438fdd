"""Images made by worker processes are the very bytes made in the build's own process."""

from __future__ import annotations

import logging
import multiprocessing
from pathlib import Path

import pytest
from bantin.engine import host
from bantin.engine.host import Abort
from bantin.tools.synthetic import write_config
from PIL import Image

from tests.conftest import FIXTURES, TinySite, new_tiny_site
from tests.imaging import phone_photo, plain_jpeg

WITH_IMAGES = """---
title: {title}
date: 2022-06-0{day}
unit: HĐ Yên Khánh
category: xây dựng đoàn
{cover}---

Đoạn mở đầu.

![Đại biểu dự hội nghị](../../images/{body})
Quang cảnh hội nghị
{{: .bt-caption }}
"""
WITHOUT_IMAGES = """---
title: {title}
date: 2022-05-{day:02d}
unit: HĐ Yên Khánh
category: xây dựng đoàn
---

Bài không có ảnh: ảnh chia sẻ được vẽ.
"""
BROKEN_COVER = "2022/bia-hong.md"
PLUGINS = """\
plugins:
  - bantin
  - bantin-articles
  - bantin-indexes
  - bantin-links
  - bantin-images:
      workers: {workers}
  - bantin-publish
"""
"""The site's plugins but search, whose Pagefind index is not the same from one build to the next."""


def _site(root: Path, workers: int) -> TinySite:
    """Covers and body photos (EXIF, rotated, transparent, broken) and cards to draw."""
    site = new_tiny_site(root)
    write_config(site.root, PLUGINS.format(workers=workers))
    images = site.content / "images"
    images.mkdir()
    (images / "dien-thoai.jpg").write_bytes(phone_photo())
    (images / "rong.jpg").write_bytes(phone_photo(2000, 1000))
    (images / "xanh.jpg").write_bytes(plain_jpeg(1600, 900))  # 16:9, its own thumbnail crop
    Image.new("RGBA", (900, 500), (200, 30, 30, 128)).save(images / "trong-suot.png")
    (images / "hong.jpg").write_bytes((FIXTURES / "images" / "truncated.jpg").read_bytes())
    articles = [
        ("Hội nghị có ảnh bìa", "cover: ../../images/dien-thoai.jpg\n", "rong.jpg"),
        ("Ảnh trong suốt", "cover: ../../images/xanh.jpg\n", "trong-suot.png"),
        ("Ảnh bìa hỏng", "cover: ../../images/hong.jpg\n", "xanh.jpg"),
        ("Ảnh trong bài hỏng", "", "hong.jpg"),
    ]
    for day, (title, cover, body) in enumerate(articles, start=1):
        name = BROKEN_COVER if title == "Ảnh bìa hỏng" else f"2022/anh-{day}.md"
        site.article(name, WITH_IMAGES.format(title=title, day=day, cover=cover, body=body))
    for day in range(1, 21):
        title = f"Tuổi trẻ Yên Khánh ra quân tình nguyện hè đợt {day}"
        site.article(f"2022/khong-anh-{day}.md", WITHOUT_IMAGES.format(title=title, day=day))
    return site


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _build(site: TinySite, caplog) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=f"{host.NAME}.plugins.bantin"):
        site.build(strict=False)
    return [record.getMessage() for record in caplog.records]


def test_one_worker_and_two_publish_the_same_bytes_and_the_same_errors(tmp_path, caplog):
    alone, shared = _site(tmp_path / "alone", 1), _site(tmp_path / "shared", 2)
    alone_log, shared_log = _build(alone, caplog), _build(shared, caplog)

    assert any("chia cho 2 tiến trình" in line for line in shared_log)
    assert not any("tiến trình" in line for line in alone_log)
    published = _files(shared.site)
    assert _files(alone.site) == published
    share_cards = [name for name in published if name.endswith("-share.jpg")]
    assert len(share_cards) >= 21  # the 20 articles without images, and the broken cover's

    def problems(log: list[str]) -> list[str]:
        return [line for line in log if ": ảnh: " in line or ": cover: " in line]

    assert problems(alone_log) == problems(shared_log)
    assert [line.split(": ", 2)[:2] for line in problems(shared_log)] == [
        ["content/articles/2022/anh-4.md:10", "ảnh"],
        [f"content/articles/{BROKEN_COVER}:6", "cover"],
    ]
    # The article whose cover cannot be read still gets a drawn share card.
    page = shared.page("2022/06/anh-bia-hong/")
    card = page.find("meta", property="og:image")["content"]
    assert card.rsplit("/", 1)[-1] in {name.rsplit("/", 1)[-1] for name in share_cards}


def test_a_strict_build_stopped_by_a_bad_image_leaves_no_worker_behind(tmp_path):
    site = _site(tmp_path, 2)
    with pytest.raises(Abort):
        site.build(strict=True)
    assert not multiprocessing.active_children()
    assert not site.site.exists()

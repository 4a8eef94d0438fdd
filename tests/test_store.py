"""A damaged or deleted cache costs time, never a wrong page: entries are verified when read."""

from __future__ import annotations

import shutil
from pathlib import Path

from bantin.engine.store import Store, seal, unseal
from PIL import Image

from tests.imaging import phone_photo, plain_jpeg

ADDRESS = "2022/06/gia-lua-vu-he/"
ARTICLE = """---
title: Giá lúa vụ hè
date: 2022-06-04
unit: HĐ Yên Khánh
category: xây dựng đoàn
cover: ../../images/bia.jpg
---

Đoàn viên hỏi giá lúa vụ hè.

![Cánh đồng](../../images/dong.jpg)
"""
WORD, FLIPPED = "giá lúa".encode(), "ghá lúa".encode()  # "i" and "h" differ by one bit


def _site_with_photos(site) -> None:
    images = site.content / "images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "bia.jpg").write_bytes(phone_photo())
    (images / "dong.jpg").write_bytes(plain_jpeg(900, 500))
    site.article("2022/gia-lua.md", ARTICLE)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.relative_to(folder).as_posix().startswith("pagefind/")
    }


def _flip(path: Path, word: bytes, flipped: bytes) -> None:
    """One bit of `path` changed in place, as a failing disk or a stray write would."""
    data = path.read_bytes()
    assert word in data
    with path.open("r+b") as stream:  # every copy of the word (a summary repeats the body)
        for start in range(len(data)):
            if data.startswith(word, start):
                stream.seek(start + 1)
                stream.write(flipped[1:2])


def _body(site) -> str:
    return site.page(ADDRESS).select_one(".bt-article__body").get_text(" ", strip=True)


def test_a_sealed_entry_reads_back_only_whole_and_unchanged(tmp_path):
    store = Store(tmp_path / "store")
    assert store.put("ab12", b"noi dung")
    assert store.get("ab12") == b"noi dung"
    path = store.path("ab12")
    blob = path.read_bytes()
    path.write_bytes(blob[:-1])  # torn
    assert store.get("ab12") is None
    assert not path.exists()  # a bad entry is removed, so it is made again
    assert unseal(seal(b"x")[:-1] + b"y") is None
    assert unseal(b"not sealed at all") is None


def test_a_truncated_image_in_the_cache_is_encoded_again_not_published(tiny_site):
    _site_with_photos(tiny_site)
    tiny_site.build()
    cold = _files(tiny_site.site)
    entries = sorted((tiny_site.root / ".cache" / "images").glob("*/*.webp"))
    assert entries
    with entries[0].open("r+b") as stream:  # in place: the published link shares the inode
        stream.truncate(100)
    shutil.rmtree(tiny_site.site)
    tiny_site.build()
    assert _files(tiny_site.site) == cold
    for path in tiny_site.site.rglob("*.webp"):
        with Image.open(path) as image:
            image.load()


def test_a_flipped_bit_in_the_article_cache_never_reaches_the_page(tiny_site):
    _site_with_photos(tiny_site)
    tiny_site.build()
    assert "giá lúa" in _body(tiny_site)
    cache = tiny_site.root / ".cache" / "bantin"
    _flip(cache / "articles.pickle", WORD, FLIPPED)
    # Nothing else may hold the text: the page comes from the article cache or a fresh reading.
    for folder in ("markdown", "pages", "incremental"):
        shutil.rmtree(cache / folder, ignore_errors=True)
    shutil.rmtree(tiny_site.site)
    tiny_site.build()
    assert "giá lúa" in _body(tiny_site)
    assert "ghá" not in _body(tiny_site)


def test_a_flipped_bit_in_a_markdown_entry_never_reaches_the_page(tiny_site):
    _site_with_photos(tiny_site)
    tiny_site.build()
    cache = tiny_site.root / ".cache" / "bantin"
    [entry] = [p for p in (cache / "markdown").rglob("*.json") if WORD in p.read_bytes()]
    _flip(entry, WORD, FLIPPED)
    for folder in ("pages", "incremental"):
        shutil.rmtree(cache / folder, ignore_errors=True)
    shutil.rmtree(tiny_site.site)
    tiny_site.build()
    assert "giá lúa" in _body(tiny_site)
    assert "ghá" not in _body(tiny_site)


HOOK = """
import shutil
from pathlib import Path


def on_env(env, config, files):
    shutil.rmtree(Path(config.config_file_path).parent / ".cache")
    return env
"""


def test_deleting_the_cache_during_a_build_only_makes_it_slower(tiny_site):
    _site_with_photos(tiny_site)
    (tiny_site.root / "delete_cache.py").write_text(HOOK, encoding="utf-8")
    config = tiny_site.config.read_text(encoding="utf-8")
    tiny_site.build()  # every image and page is in the cache now
    expected = _files(tiny_site.site)
    tiny_site.config.write_text(config + "hooks:\n  - delete_cache.py\n", encoding="utf-8")
    # After MkDocs read the pages and our plugins looked up the images, before it copies them.
    tiny_site.build()
    assert _files(tiny_site.site) == expected

"""The sample site in content/ builds strictly, and each seed article reads as its original."""

import shutil
from pathlib import Path

import pytest
from bantin.tools.synthetic import REPO
from bs4 import BeautifulSoup

from tests.conftest import build

SEEDS = {
    "2022/06/tinh-doan-ninh-binh-kiem-tra-huyen-doan-yen-khanh-cong-tac-doan-va-phong-trao": (
        "Thứ Bảy, 04/06/2022", "Huyện đoàn Yên Khánh", "Ban Xây dựng Đoàn", "Quang cảnh hội nghị"),
    "2019/06/kiem-tra-cong-tac-doan-va-phong-trao-thanh-nien-6-thang-dau-giao-ban-cum-thi-dua": (
        "Thứ Năm, 20/06/2019", "Tỉnh đoàn Quảng Ninh", "BTV", None),
    "2023/01/tong-ket-cong-tac-ho-tro-nang-cao-chat-luong-hoat-dong-cong-tac-doan-va-phong": (
        "Thứ Năm, 12/01/2023", "Tỉnh đoàn Bắc Kạn", "Ngọc Tú", "Bí thư Tỉnh đoàn Triệu Tiến Trình chủ trì Hội nghị"),
    "2023/12/tu-doan-kiem-tra-phong-trao-thanh-thieu-nhi-tinh-hau-giang-nam-2023": (
        "Thứ Bảy, 02/12/2023, 20:34", "Tỉnh đoàn Hậu Giang", "Huỳnh Khen", None),
    "2024/10/doan-khoi-cac-co-quan-va-doanh-nghiep-tinh-tra-vinh-kiem-tra-cong-tac-doan-va": (
        "Thứ Tư, 16/10/2024", "Đoàn khối các cơ quan và doanh nghiệp tỉnh Trà Vinh", "Anh Duy",
        "Quang cảnh Hội nghị"),
}  # fmt: skip


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("sample") / "site"
    config = tmp_path_factory.mktemp("cfg") / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: {REPO / 'content'}\nsite_dir: {site}\n",
        encoding="utf-8",
    )
    build(config, strict=True)
    yield site
    shutil.rmtree(site, ignore_errors=True)


@pytest.mark.parametrize("address", sorted(SEEDS))
def test_each_seed_article_reads_correctly(sample_site, address):
    date_line, unit, author, caption = SEEDS[address]
    page = BeautifulSoup(
        (sample_site / address / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert len(page.find_all("h1")) == 1
    assert page.select_one(".bt-dateline time").get_text() == date_line
    assert page.select_one(".bt-dateline__unit").get_text() == unit
    assert page.select_one(".bt-dateline__category").get_text() == "Xây dựng Đoàn"
    assert page.select_one(".bt-author").get_text() == author
    body = page.select_one(".bt-article__body").get_text()
    for junk in ("PublishingPortal", "Tăng cỡ chữ", "Liên kết website", "1991"):
        assert junk not in body
    if caption:
        # Captions now sit under the illustrations that stand in for the original photos.
        captions = [c.get_text() for c in page.select(".bt-caption, figure figcaption")]
        assert f"{caption} (ảnh minh họa)" in captions


def test_every_sentence_of_the_seeds_is_kept(sample_site):
    seeds = REPO / "tests" / "fixtures" / "seeds"  # copies of ../shared/seeds, so CI has them
    text = " ".join(
        BeautifulSoup((sample_site / a / "index.html").read_text(encoding="utf-8"), "html.parser")
        .select_one(".md-content")
        # As a reader sees it: no space added around inline elements (the link a cited
        # document's number becomes is inside a sentence).
        .get_text()
        for a in SEEDS
    )
    text = " ".join(text.split())
    for seed in sorted(seeds.glob("*.txt")):
        for line in seed.read_text(encoding="utf-8").splitlines():
            line = " ".join(line.replace("\u00a0", " ").split())
            if len(line) > 40 and not line.startswith(("Xây dựng Đoàn", "PublishingPortal")):
                assert line in text, (seed.name, line[:60])

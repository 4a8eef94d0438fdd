"""The search index split by publication date and kept between builds: what readers download
stays the same, and a build re-indexes only the shard whose articles changed."""

import json
import logging
import re
import shutil
from pathlib import Path

import pytest
from bantin.engine import host
from bantin.search.cache import COPIES

from tests.test_search import fragments

YEARS = {
    "ha-giang-dai-hoi.md": "2022",
    "hau-giang-tinh-nguyen.md": "2023",
    "markup-in-text.md": "2024",
}

# Pagefind writes its filter tables from a Rust HashMap: their order, hence their names and the
# metadata and entry files naming them, change from run to run (Pagefind/pagefind#638).
# Everything else, index chunks and fragments included, is the same for the same pages.
UNORDERED = re.compile(
    r"([\d-]+/)?(filter/.*\.pf_filter|pagefind\..*\.pf_meta|pagefind-entry\.json)"
)


MARKUP_PAGE = "2024/03/thanh-nien-b-sang-tao-b-voi-i/"


@pytest.fixture
def years_site(tiny_site):
    for name, year in YEARS.items():
        tiny_site.fixture(f"search/{name}", f"{year}/{name}")
    return tiny_site


def bundle(site: Path) -> dict[str, bytes]:
    folder = site / "pagefind"
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def entries(root: Path) -> set[str]:
    """The cache's bundles (one per shard, one for the scripts)."""
    folder = root / ".cache" / "bantin" / "search"
    return {path.name for path in folder.iterdir() if path.is_dir() and path.name != COPIES}


def copies(root: Path) -> set[str]:
    """The rewritten pages Pagefind read, kept by digest."""
    return {path.name for path in (root / ".cache" / "bantin" / "search" / COPIES).rglob("*.*")}


def reindexed(caplog) -> str:
    """The shards the last build indexed again, as its log line names them."""
    (line,) = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Chỉ mục tìm")]
    caplog.clear()
    return line.split("lập chỉ mục lại: ")[1].split(";")[0]


def test_one_bundle_per_shard_and_the_scripts_once(years_site):
    years_site.build()
    folder = years_site.site / "pagefind"
    manifest = json.loads((folder / "shards.json").read_text(encoding="utf-8"))
    # The two newest years by quarter (shard_months: 3, split_years: 2), older years whole.
    assert manifest["shards"] == [
        {"name": "2024-01", "year": 2024, "month": 1, "pages": 1},
        {"name": "2023-04", "year": 2023, "month": 4, "pages": 1},
        {"name": "2022", "year": 2022, "month": 0, "pages": 1},
    ]
    # Three articles are fewer than recent_articles (200): a first query searches them all.
    assert manifest["recent"] == ["2024-01", "2023-04", "2022"]
    assert manifest["units"] == ["Tỉnh đoàn Hà Giang", "Tỉnh đoàn Hậu Giang", "Tỉnh đoàn Ninh Bình"]
    assert manifest["categories"] == ["Tình nguyện", "Xây dựng Đoàn"]
    for shard in ("2022", "2023-04", "2024-01"):
        (stored,) = fragments(years_site.site, shard)
        assert stored["url"].startswith(f"/{shard[:4]}/")
        assert not (folder / shard / "pagefind.js").exists()
    assert {path.name for path in folder.glob("*.js")} == {"pagefind.js", "pagefind-worker.js"}
    assert (folder / "wasm.unknown.pagefind").is_file()
    (placeholder,) = (folder / "fragment").iterdir()
    assert placeholder.name == manifest["placeholder"] + ".pf_fragment"


def test_shards_of_months_and_a_first_query_on_the_newest_until_enough_articles(years_site):
    years_site.config.write_text(
        years_site.config.read_text(encoding="utf-8")
        + "plugins:\n  - bantin\n  - bantin-articles\n  - bantin-search:\n"
        + "      recent_articles: 2\n      shard_months: 6\n      split_years: 1\n",
        encoding="utf-8",
    )
    years_site.build()
    manifest = json.loads((years_site.site / "pagefind" / "shards.json").read_text("utf-8"))
    # 2024-03-26 in the first half of the newest year; 2023 and 2022 whole.
    assert [shard["name"] for shard in manifest["shards"]] == ["2024-01", "2023", "2022"]
    assert manifest["recent"] == ["2024-01", "2023"]


def test_warm_build_reuses_the_cache_and_an_edit_reindexes_its_year_only(years_site, caplog):
    caplog.set_level(logging.INFO, logger=f"{host.NAME}.plugins.bantin")
    years_site.build()
    assert reindexed(caplog) == "2024-01, 2023-04, 2022"
    cold = bundle(years_site.site)
    cached = entries(years_site.root)
    assert len(cached) == 4
    rewritten = copies(years_site.root)
    assert len(rewritten) == 3  # one article per year

    years_site.build()
    assert reindexed(caplog) == "không phần nào"
    assert bundle(years_site.site) == cold
    assert entries(years_site.root) == cached

    # The title shows on the 2024 article's page too (previous in its category), outside what
    # Pagefind reads of it: only 2023 is indexed again.
    article = years_site.content / "articles" / "2023" / "hau-giang-tinh-nguyen.md"
    text = article.read_text("utf-8").replace("cầu nông thôn", "đường làng")
    article.write_text(text.replace("ra quân", "khởi động"), "utf-8")
    years_site.build()
    assert "Hậu Giang khởi động" in years_site.page(MARKUP_PAGE).get_text()
    assert reindexed(caplog) == "2023-04"
    warm = bundle(years_site.site)
    assert len(entries(years_site.root) - cached) == 1  # the old 2023 entry is gone
    assert len(cached - entries(years_site.root)) == 1
    # Only the edited article was rewritten for Pagefind; its old copy is gone.
    assert len(copies(years_site.root) - rewritten) == len(rewritten - copies(years_site.root)) == 1
    changed = {name for name in warm if warm[name] != cold.get(name)}
    assert changed and all(name.startswith("2023-04/") for name in changed)
    (stored,) = fragments(years_site.site, "2023-04")
    assert "đường làng" in stored["meta"]["summary"].replace("d\u0335", "đ")

    shutil.rmtree(years_site.root / ".cache")
    years_site.build()
    assert reindexed(caplog) == "2024-01, 2023-04, 2022"
    assert ordered(bundle(years_site.site)) == ordered(warm)


def ordered(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files whose names and bytes do not depend on the run; the others counted by folder."""
    kept = {name: data for name, data in files.items() if not UNORDERED.fullmatch(name)}
    for name in files.keys() - kept.keys():
        folder = name.rsplit("/", 1)[0] if "/" in name else ""
        kept[f"{folder} unordered"] = kept.get(f"{folder} unordered", b"") + b"."
    return kept

"""`bantin bench` on a tiny corpus: every measurement runs and is reported (speed is not tested)."""

from __future__ import annotations

from bantin.tools.bench.hugo import hugo_front_matter, write_site
from bantin.tools.cli import main
from bantin.tools.synthetic import write_content


def test_bench_reports_every_measurement_of_a_small_corpus(tmp_path, capsys):
    assert main(["bench", "-n", "20", "--runs", "1", "--workdir", str(tmp_path)]) == 0
    text = capsys.readouterr().out
    for row in ("cold build", "warm build, no change", "warm build, one edit", "bantin check"):
        assert row in text
    for phase in ("read+validate", "markdown", "templates", "writing", "search"):
        assert phase in text
    pages = list((tmp_path / "bantin-20" / "site").rglob("index.html"))
    assert len(pages) >= 20


def test_hugo_copy_of_the_corpus_keeps_the_articles_and_gives_dates_an_offset(tmp_path):
    assert hugo_front_matter("---\ndate: 2019-03-27T01:46\n---\n") == (
        "---\ndate: 2019-03-27T01:46:00+07:00\n---\n"
    )
    write_content(tmp_path / "content", 20, seed=1)
    site = write_site(tmp_path / "content", tmp_path / "hugo")
    articles = sorted((site / "content" / "articles").rglob("*.md"))
    assert len(articles) == 20
    assert "+07:00\n" in articles[0].read_text(encoding="utf-8")
    assert (site / "layouts" / "page.html").is_file()

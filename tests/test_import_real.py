"""`bantin import` on articles copied from real portals, scored field by field and line by line.

The figures are printed (run with -s to see them); the targets of issue 20 are asserted on the
development set. The held-aside fifth is scored by its own test, kept for the final measurement.
"""

from __future__ import annotations

import pytest

from tests.importing import sample_site
from tests.importscore import FIELDS, REAL, expectations, score


@pytest.fixture(scope="module")
def convert(tmp_path_factory):
    from bantin.engine.siteconfig import load_registries
    from bantin.tools.importer import Importer

    config = sample_site(tmp_path_factory.mktemp("site"))
    _, registries, errors = load_registries(str(config))
    assert not errors
    importer = Importer(registries)

    def run(path, raw: bytes):
        imported = importer.convert(raw, path)
        values = {field: imported.guesses[field].value for field in FIELDS}
        return values, set(imported.review), imported.body

    return run


@pytest.mark.parametrize(
    ("folder", "at_least"),
    [("dev", 40), ("saved", 5), ("heldout", 9)],
    ids=["development set", "saved pages", "held-aside fifth"],
)
def test_the_set_meets_the_targets(convert, folder, at_least):
    """Issue 20's targets: ≥95% of fields right, no text lost, no leak, no wrong refusal; and no
    field written as certain that is wrong (an editor only confirms what is flagged)."""
    result = score(REAL / folder, convert)
    print("\n" + result.report())
    assert len(result.files) >= at_least
    assert result.count("lost") == 0
    assert result.count("leaks") == 0
    assert result.wrong_errors == 0
    assert result.count("certain_wrong") == 0
    assert result.share >= 0.95


def test_saved_pages_keep_their_own_photos_and_nothing_else(tmp_path):
    from bantin.engine.siteconfig import load_registries
    from bantin.tools.importer import Importer

    _, registries, _ = load_registries(str(sample_site(tmp_path)))
    importer = Importer(registries)
    for name, expected in expectations(REAL / "saved").items():
        path = REAL / "saved" / name
        imported = importer.convert(path.read_bytes(), path)
        assert len(imported.images) == expected["images"], name
        assert all(image.path.parent.name == f"{path.stem}_files" for image in imported.images)
        assert imported.source == expected["source"]

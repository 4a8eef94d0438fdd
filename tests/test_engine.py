"""The engine boundary: one engine per process, the one asked for, reached only through bantin/engine/."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from bantin.engine import host
from bantin.tools.synthetic import REPO

PACKAGE = REPO / "plugins" / "bantin"

ENGINE_PRIVATE = re.compile(
    r"\b(_build_page|_populate_page|_build_theme_template|_build_extra_template|_event_origins"
    r"|_title_from_render|present_anchor_ids|links_to_anchors|template_class)\b"
    r"|\.is_modified\s*=|\._content\b|\._catalog\b|A 'dirty' build"
)
"""Private names of MkDocs (and ProperDocs) bantin relies on."""
ENGINE_PACKAGE = re.compile(
    r"^\s*(from|import) (mkdocs|properdocs)\b|[\"'](mkdocs|properdocs)\.(?!yml)", re.M
)


def test_the_engine_in_use_is_the_one_asked_for_and_material_runs_on_it():
    wanted = os.environ.get("BANTIN_ENGINE")
    if wanted:
        assert wanted == host.NAME
    assert host.Page.__module__.startswith(host.PREFIX)
    # Material imports `mkdocs.*`: under ProperDocs those names are ProperDocs' modules.
    from material.plugins.search.plugin import SearchPlugin

    assert issubclass(SearchPlugin, host.BasePlugin)
    assert sys.modules["mkdocs"].__name__ == host.NAME


def _sources_outside_the_engine() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] != "engine"
    ]


def test_engine_private_names_and_package_names_are_used_only_in_the_engine_package():
    found = []
    for path in _sources_outside_the_engine():
        text = path.read_text(encoding="utf-8")
        for pattern in (ENGINE_PRIVATE, ENGINE_PACKAGE):
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(REPO)}:{line}: {match.group(0).strip()}")
    assert found == []


def test_only_host_imports_the_engine_so_both_engines_run_everything():
    """Under ProperDocs there is no `mkdocs` package to import before host redirects it."""
    sources = [p for p in sorted(PACKAGE.rglob("*.py")) if p != PACKAGE / "engine" / "host.py"]
    sources += sorted((REPO / "tests").glob("*.py"))
    imports = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r"\s*(from|import) (mkdocs|properdocs)\b", line)
    ]
    assert imports == []


def test_the_model_imports_no_engine():
    """Every module of the content model imports in a process where no engine, no template
    engine and nothing of bantin/engine/ gets loaded, not even indirectly."""
    modules = sorted(path.stem for path in (PACKAGE / "model").glob("*.py"))
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module('bantin.model.' + name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('mkdocs', 'properdocs', 'material', 'jinja2') or m.startswith('bantin.engine'))\n"
        "print(loaded)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "__init__" in modules and "catalog" in modules
    assert run.stdout.strip() == "[]"


def test_the_end_of_life_notice_names_the_date_and_says_when_it_has_passed():
    from datetime import date

    from bantin.engine.lifetime import notice

    before, after = notice(date(2027, 5, 5)), notice(date(2027, 5, 6))
    assert "05/05/2027" in before and "5 May 2027" in before
    assert "chỉ còn được vá" in before and "đã ngừng" in after
    assert "What we depend on and until when" in before

"""The deploy workflow: actionlint passes, and it runs the checks and deploys as the README says."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bantin.tools.cli import main as bantin

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "site.yml"


def actionlint(path: Path) -> subprocess.CompletedProcess:
    tool = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert tool, "actionlint is installed with the test extras (pip install -e .[test])"
    return subprocess.run(
        [tool, "-no-color", "-oneline", str(path)], capture_output=True, text=True, check=False
    )


def test_actionlint_passes_on_the_workflow():
    result = actionlint(WORKFLOW)
    assert result.stdout + result.stderr == ""
    assert result.returncode == 0


def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    """The lint above is live: the same workflow with a job depending on a missing job fails."""
    broken = tmp_path / ".github" / "workflows" / "site.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(WORKFLOW.read_text().replace("needs: build", "needs: biuld"))
    result = actionlint(broken)
    assert result.returncode == 1
    assert "biuld" in result.stdout


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def test_pull_requests_get_annotations_a_strict_build_and_the_tests(workflow):
    assert "pull_request" in workflow["on"]
    runs = "\n".join(step.get("run", "") for step in workflow["jobs"]["build"]["steps"])
    assert ".venv/bin/bantin check --format github" in runs
    assert runs.index("bantin check") < runs.index("scripts/build") < runs.index("scripts/test")


def test_main_and_a_daily_run_deploy_to_pages(workflow):
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert len(workflow["on"]["schedule"]) == 1
    upload = next(
        step
        for step in workflow["jobs"]["build"]["steps"]
        if step.get("uses", "").startswith("actions/upload-pages-artifact")
    )
    assert upload["with"]["path"] == "site/"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "pull_request" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages")
    assert workflow["permissions"] == {"contents": "read"}


def test_pip_cache_is_keyed_on_the_dependency_file(workflow):
    cache = next(
        step
        for step in workflow["jobs"]["build"]["steps"]
        if step.get("uses", "").startswith("actions/cache")
    )
    assert cache["with"]["path"] == "~/.cache/pip"
    assert "hashFiles('pyproject.toml')" in cache["with"]["key"]


def test_annotations_survive_file_names_with_commas(tiny_site, monkeypatch, capsys):
    """A comma would end GitHub's `file=` property and lose the annotation's place."""
    tiny_site.fixture("bad/bad-date.md", "2023/tin mới, bản 2.md")
    monkeypatch.chdir(tiny_site.root)
    assert bantin(["check", "--format", "github"]) == 1
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith(
        "::error file=content/articles/2023/tin mới%2C bản 2.md,line=3,title=Bản Tin::date: "
    )

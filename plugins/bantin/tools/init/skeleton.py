"""The files of a new site: every file under `skeleton/` is a Jinja template of one file.

Conventions, so that adding a file to new sites is dropping a template into `skeleton/`:
- the template's path, less its `.jinja` suffix, is the file's path in the site; a folder or file
  name starting `dot-` starts with `.` instead (`dot-github/` → `.github/`), since packages drop
  hidden files;
- paths are templates too (`content/articles/[[ year ]]/…`);
- delimiters are `[[ … ]]`, `[% … %]` and `[# … #]`, so GitHub's `${{ … }}`, Jinja in the site's
  own overrides, and Markdown pass through untouched;
- a template that renders to nothing but whitespace writes no file (host-specific files say
  `[% if answers.host == "netlify" %]…[% endif %]`);
- values that go into YAML pass through the `yaml` filter (a quoted, escaped scalar).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import jinja2

from ...editor.guide import staff_guide
from ...model.dates import today
from ...model.dockinds import DEFAULT_KINDS
from .answers import InitError, SiteAnswers

SKELETON = Path(__file__).parent / "skeleton"
SUFFIX = ".jinja"


@dataclass(frozen=True)
class SiteFile:
    path: PurePosixPath
    """Relative to the site's folder."""
    text: str


def _yaml(value) -> str:
    """A YAML scalar that reads back as `value` (JSON is YAML; Vietnamese stays readable)."""
    return json.dumps(value, ensure_ascii=False)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(SKELETON),
        variable_start_string="[[",
        variable_end_string="]]",
        block_start_string="[%",
        block_end_string="%]",
        comment_start_string="[#",
        comment_end_string="#]",
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    env.filters["yaml"] = _yaml
    return env


def templates() -> list[PurePosixPath]:
    """Every template of the skeleton, relative to it, in a stable order."""
    return sorted(
        PurePosixPath(path.relative_to(SKELETON).as_posix())
        for path in SKELETON.rglob(f"*{SUFFIX}")
        if path.is_file()
    )


def site_files(answers: SiteAnswers) -> list[SiteFile]:
    """The files of the new site, rendered: a template rendering to whitespace is left out."""
    names = templates()
    if not names:
        raise InitError(f"không thấy mẫu tệp nào trong {SKELETON}; hãy cài lại Bản Tin")
    env = environment()
    day = today()
    context = {
        "answers": answers,
        "today": day,
        "year": f"{day.year:04d}",
        "editor_guide": staff_guide(),
        "document_kinds": DEFAULT_KINDS.read_text(encoding="utf-8").rstrip("\n"),
    }
    files = []
    for template in names:
        text = env.get_template(template.as_posix()).render(context)
        if not text.strip():
            continue
        path = env.from_string(_site_path(template)).render(context)
        files.append(SiteFile(PurePosixPath(path), text))
    return files


def _site_path(template: PurePosixPath) -> str:
    parts = [
        "." + part[len("dot-") :] if part.startswith("dot-") else part for part in template.parts
    ]
    parts[-1] = parts[-1].removesuffix(SUFFIX)
    return "/".join(parts)

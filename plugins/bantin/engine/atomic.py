"""Atomic output: build into a sibling temporary folder, swap it into `site/` only on success.

MkDocs empties `site_dir` right after `on_pre_build` and aborts a strict build only after
`on_post_build`, so a plugin cannot keep the previous site safe without redirecting the output
and re-counting MkDocs' warnings itself. `bantin build` does it from the outside instead: MkDocs
builds into `site.building-*` next to `site/` (the same file system, so the swap is a rename),
and whatever makes the build fail (a content error, a strict-mode warning, a crash) leaves
`site/` byte-for-byte as it was. The build is a dirty one for MkDocs: `bantin-articles` decides
which files are unchanged (`incremental`) and links them over from the site being replaced.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path

from .host import BuildError

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2

_REPLACING: ContextVar[Path | None] = ContextVar("bantin_replacing", default=None)


def replacing() -> Path | None:
    """The site folder the running `build_atomically` will replace, if one is running."""
    return _REPLACING.get()


def build_atomically(
    config_file: str | os.PathLike,
    *,
    strict: bool | None = None,
    site_dir: str | None = None,
    prepare: Callable | None = None,
) -> Path:
    """Build the site of `config_file`; on success its folder holds the new site, else the old.
    `prepare(config)` runs on the loaded config first (the bench instruments it)."""
    from .host import build, load_config

    options = {"strict": strict} if strict is not None else {}
    if site_dir is not None:
        options["site_dir"] = os.fspath(site_dir)
    config = load_config(os.fspath(config_file), **options)
    target = site_folder(Path(config.site_dir))
    target.parent.mkdir(parents=True, exist_ok=True)
    discard_leftovers(target)
    try:
        staging = Path(
            tempfile.mkdtemp(
                prefix=BUILDING.format(name=target.name, pid=os.getpid()), dir=target.parent
            )
        )
    except PermissionError:
        raise SiteFolderError(
            f"không tạo được thư mục tạm cạnh {target} (thư mục {target.parent} không cho ghi): "
            "Bản Tin build vào đó rồi mới thay site, để trang đang chạy không bao giờ dở dang"
        ) from None
    try:
        readable_by_all(staging)
        # Our own freshly loaded config, not a plugin rewriting the user's during a build.
        config.site_dir = str(staging)
        if prepare is not None:
            prepare(config)
        token = _REPLACING.set(target)
        try:
            build(config, dirty=True)
        finally:
            _REPLACING.reset(token)
        swap_into(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


class SiteFolderError(BuildError):
    """The site folder cannot be replaced safely; the message is for staff, in Vietnamese."""


def site_folder(site_dir: Path) -> Path:
    """The folder the build replaces. A `site` that is a symbolic link (to a web server's root,
    say) is followed: the new site is swapped in where it points, and the link stays, so the
    web root goes on being updated rather than being cut off by a folder put in its place."""
    if site_dir.is_symlink():
        return Path(os.path.realpath(site_dir))
    return site_dir


BUILDING = "{name}.building-{pid}-"
"""Prefix of the folder a build writes into, with the pid of the process building, so that the
next build can tell the folder of a build that was killed (removed) from one still running."""


def readable_by_all(folder: Path) -> None:
    """mkdtemp makes 0700 folders; a web server serving site/ needs the usual umask mode."""
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)


def swap_into(staging: Path, target: Path) -> None:
    """Put `staging` at `target`: one atomic exchange where Linux allows it, else two renames."""
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):
        discard(staging, target)
        return
    previous = Path(tempfile.mkdtemp(prefix=f"{target.name}.previous-", dir=target.parent))
    previous.rmdir()
    target.rename(previous)
    staging.rename(target)
    discard(previous, target)


TRASH = ".{name}.old-"
"""Prefix of a replaced site waiting to be deleted, hidden beside the site folder."""


def discard(folder: Path, site: Path) -> None:
    """Delete a replaced site without making the caller wait: it is renamed out of sight first
    (nothing can mistake it for the site), then a detached `rm -rf` removes its tens of
    thousands of files while CI goes on to deploy. Leftovers from an interrupted deletion are
    removed the same way by the next build."""
    trash = Path(tempfile.mkdtemp(prefix=TRASH.format(name=site.name), dir=site.parent))
    try:
        folder.rename(trash)
    except OSError:
        trash.rmdir()
        trash = folder
    _remove_later(trash)


def discard_leftovers(target: Path) -> None:
    """Remove replaced sites left by an interrupted deletion, and the folders of builds that
    were killed (their process is gone): a killed build once left 3.7 MB behind for ever."""
    for leftover in target.parent.glob(TRASH.format(name=target.name) + "*"):
        _remove_later(leftover)
    for stale in target.parent.glob(f"{target.name}.building-*"):
        if not _running(stale.name[len(target.name) + len(".building-") :]):
            _remove_later(stale)


def _running(rest: str) -> bool:
    """Whether the build named by the rest of a building folder's name (`PID-random`) runs."""
    pid = rest.split("-", 1)[0]
    if not pid.isdigit():
        return False  # a folder of a version without pids: nothing can be running it
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_later(folder: Path) -> None:
    rm = shutil.which("rm")
    if rm is None:
        shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        subprocess.Popen(
            [rm, "-rf", "--", str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """renameat2(RENAME_EXCHANGE): readers of `second` never see it missing. False if unsupported."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    libc = ctypes.CDLL(name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return result == 0

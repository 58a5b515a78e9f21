"""`careerpath site`: a self-contained static web site of a dataset.

    build_site(dataset, "site", title="Our career framework", force=False)

The site is built in a hidden sibling folder and renamed into place only once
complete, so DIR is never left half-written; an existing DIR is replaced only
with `force`, and only if it is empty or a site careerpath wrote before.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from importlib import resources
from pathlib import Path

from careerpath.model import Dataset
from careerpath.output import OutputError, sigterm_raises
from careerpath.site.index_page import index_page
from careerpath.site.markup import role_file
from careerpath.site.path_page import path_page
from careerpath.site.role_page import role_page

DEFAULT_TITLE = "Career framework"
MARKER = ".careerpath-site"
ASSETS = ("site.css", "search.js", "pathfind.js", "path.js")


def write_pages(dataset: Dataset, folder: Path, title: str) -> int:
    """Write every page and asset into the existing empty `folder`; return the page count."""
    (folder / "roles").mkdir()
    (folder / "assets").mkdir()
    moves_in: dict[str, list] = {}  # type: ignore[type-arg]
    moves_out: dict[str, list] = {}  # type: ignore[type-arg]
    for move in dataset.progressions:
        moves_out.setdefault(move.source_id, []).append(move)
        moves_in.setdefault(move.target_id, []).append(move)
    for role in dataset.roles.values():
        text = role_page(dataset, role, title, moves_in.get(role.id, []), moves_out.get(role.id, []))
        (folder / "roles" / role_file(role.id)).write_text(text, encoding="utf-8")
    (folder / "index.html").write_text(index_page(dataset, title), encoding="utf-8")
    (folder / "path.html").write_text(path_page(dataset, title), encoding="utf-8")
    assets = resources.files("careerpath.site") / "assets"
    for name in ASSETS:
        (folder / "assets" / name).write_text((assets / name).read_text(encoding="utf-8"),
                                              encoding="utf-8")
    (folder / MARKER).write_text("written by careerpath site; replaced by `careerpath site --force`\n",
                                 encoding="utf-8")
    return len(dataset.roles) + 2


def _foreign(target: Path) -> list[str]:
    """Files in an old site that careerpath did not write there (a CNAME, notes)."""
    known = {"index.html", "path.html", MARKER, "roles", "assets",
             *(f"assets/{name}" for name in ASSETS)}  # and roles/*.html
    found = []
    for entry in sorted(target.rglob("*")):
        name = entry.relative_to(target).as_posix()
        is_page = name.startswith("roles/") and name.count("/") == 1 \
            and name.endswith(".html") and entry.is_file() and not entry.is_symlink()
        if name not in known and not is_page:
            found.append(name)
    return found


def _check_target(target: Path, force: bool, out: str) -> None:
    """Refuse what must not be replaced; `out` is the folder as the user wrote it."""
    if not out.strip() or out == "-":
        raise OutputError("-o needs the name of a folder to write the site to, got "
                          f"'{out}'")
    if not target.exists() and not target.is_symlink():
        if not target.parent.is_dir():
            parent = os.path.dirname(out.rstrip("/")) or "."
            raise OutputError(f"cannot write {out}: folder {parent} does not exist")
        return
    if not force:
        raise OutputError(f"{out} already exists; add --force to replace it")
    if target.is_symlink() or not target.is_dir():
        raise OutputError(f"{out} exists and is not a folder; refusing to replace it")
    if any(target.iterdir()) and not (target / MARKER).is_file():
        raise OutputError(f"{out} is not a site careerpath wrote (no {MARKER} in it); "
                          "refusing to replace it")
    foreign = _foreign(target)
    if foreign:  # replacing the folder would delete them
        shown = ", ".join(foreign[:3]) + (" …" if len(foreign) > 3 else "")
        raise OutputError(f"{out} holds files a site does not write ({shown}); not "
                          "replacing it, even with --force")


def build_site(dataset: Dataset, out: str, title: str | None = None, *, force: bool = False) -> int:
    """Write the site to `out` in full or not at all; return the number of pages."""
    target = Path(os.path.abspath(out))  # "." and "site/" have a real name and parent
    _check_target(target, force, out)
    with sigterm_raises():  # SIGTERM, like Ctrl-C, runs the clean-up below
        return _build(dataset, target, out, title, force)


def _build(dataset: Dataset, target: Path, out: str, title: str | None, force: bool) -> int:
    try:
        building = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".new"))
    except OSError as error:
        raise OutputError(f"cannot write {out}: {error.strerror}") from None
    old: Path | None = None
    try:
        os.chmod(building, 0o777 & ~_umask())
        pages = write_pages(dataset, building, title or DEFAULT_TITLE)
        if target.exists():
            _check_target(target, force, out)  # again: it may have changed while we built
            old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old"))
            os.replace(target, old)
        elif target.is_symlink():
            raise OutputError(f"{out} exists and is not a folder; refusing to replace it")
        os.rename(building, target)
    except OSError as error:
        raise OutputError(f"cannot write {out}: {error.strerror}") from None
    finally:
        if old is not None and not target.exists():
            # Failed or interrupted between the two renames: put the previous site back.
            os.replace(old, target)
            old = None
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(building)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    return pages


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

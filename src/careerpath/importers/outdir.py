"""Write a dataset folder so that it appears complete or not at all.

The files go to a temporary sibling folder, which is checked and then renamed
into place. Replacing an existing folder (`--force`) moves the old one aside
only once the new one is complete, and removes it after; the temporary folder
never outlives the call, even on Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from careerpath.errors import UsageError
from careerpath.output import sigterm_raises

# What an imported dataset folder holds: `--force` replaces only such a folder,
# so a mistyped OUT (a home folder, a project) is never deleted.
DATASET_FILES = frozenset({"roles.yaml", "progressions.yaml", "ATTRIBUTION.txt"})


def check_target(out: Path, force: bool) -> None:
    """Refuse (exit 2) before any work when OUT cannot or must not be replaced."""
    if not out.exists() and not out.is_symlink():
        if not out.parent.is_dir():
            raise UsageError(f"cannot write {out}: folder {out.parent} does not exist")
        return
    if out.is_symlink() or not out.is_dir():
        raise UsageError(f"{out} exists and is not a folder; name a new folder to write")
    if not force:
        raise UsageError(f"{out} already exists; add --force to replace it")
    others = sorted(entry.name for entry in out.iterdir() if entry.name not in DATASET_FILES)
    if others:
        shown = ", ".join(others[:3]) + (" …" if len(others) > 3 else "")
        raise UsageError(f"{out} holds files an import does not write ({shown}); "
                         "not replacing it, even with --force")


def write_folder(out: Path, files: dict[str, str], *, force: bool,
                 check: Callable[[Path], None] | None = None) -> None:
    """Write `files` (name -> text) as the folder `out`, atomically.

    `check(folder)` runs on the complete temporary folder before it is put in
    place; whatever it raises leaves `out` untouched.
    """
    check_target(out, force)
    with sigterm_raises():  # SIGTERM, like Ctrl-C, runs the clean-up (exit 143)
        try:
            temp = Path(tempfile.mkdtemp(dir=out.parent, prefix=_prefix(out), suffix=".tmp"))
        except OSError as error:
            raise UsageError(f"cannot write {out}: {error.strerror}") from None
        try:
            for name, text in files.items():
                _write_file(temp / name, text)
            os.chmod(temp, 0o777 & ~_umask())
            if check is not None:
                _check(check, temp, out)
            _put_in_place(temp, out, force)
        except OSError as error:
            raise UsageError(f"cannot write {out}: {error.strerror}") from None
        finally:
            shutil.rmtree(temp, ignore_errors=True)


def _prefix(out: Path) -> str:
    """The temporary siblings' name start: OUT's name, cut so that any name OUT may
    have (up to 255 bytes) leaves room for the random part and the suffix."""
    name = out.name.encode("utf-8")[:100].decode("utf-8", errors="ignore")
    return f".{name}."


def _check(check: Callable[[Path], None], temp: Path, out: Path) -> None:
    """Run `check` on the temporary folder; its problems name OUT's files, not the
    temporary folder (which is gone by the time they are read)."""
    from careerpath.errors import DataError, Problem

    def renamed(problem: Problem) -> Problem:
        parts = Path(problem.file).parts
        if temp.name not in parts:
            return problem
        inside = parts[parts.index(temp.name) + 1:]
        return problem._replace(file=str(Path(out, *inside)))

    try:
        check(temp)
    except DataError as error:
        raise DataError([renamed(problem) for problem in error.problems]) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_file(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as stream:
        stream.write(text)
        stream.flush()
        os.fsync(stream.fileno())


def _put_in_place(temp: Path, out: Path, force: bool) -> None:
    check_target(out, force)  # again: something may have appeared meanwhile
    if not out.exists():
        os.rename(temp, out)
        return
    old = Path(tempfile.mkdtemp(dir=out.parent, prefix=_prefix(out), suffix=".old"))
    try:
        os.rename(out, old / out.name)
        try:
            os.rename(temp, out)
        except BaseException:
            os.rename(old / out.name, out)  # put the old folder back
            raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


def check_dataset_folder(folder: Path) -> None:
    """Raise DataError if careerpath's own loader would refuse the folder written."""
    from careerpath.datafiles import PROGRESSIONS_FILE, ROLES_FILE
    from careerpath.errors import DataError
    from careerpath.loader import DataSource, check_dataset

    source = DataSource(folder / ROLES_FILE, folder / PROGRESSIONS_FILE, str(folder))
    dataset, problems = check_dataset(source)
    if dataset is None:
        raise DataError(problems)

"""Load a dataset folder into the model, reporting every problem at once."""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from careerpath.datafiles import (
    DATA_ENV,
    PROGRESSIONS_FILE,
    ROLES_FILE,
    max_file_bytes,
    read_data_file,
)
from careerpath.errors import DataError, DatasetMissing, Problem, UsageError
from careerpath.model import Dataset


class DataSource(NamedTuple):
    """Where a dataset's two files are, and how to name them in messages."""

    roles: Path
    progressions: Path
    label: str  # "built-in" or the folder as the user gave it

    def display(self, path: Path) -> str:
        return path.name if self.label == "built-in" else str(path)


def builtin_source() -> DataSource:
    # The data ships as the package careerpath.data (see pyproject.toml); its
    # folder is where its __init__ is, in a wheel and in an editable install.
    import careerpath.data

    folder = Path(careerpath.data.__file__).parent
    return DataSource(folder / ROLES_FILE, folder / PROGRESSIONS_FILE, "built-in")


def locate(data_dir: str | None = None, *, origin: str = "--data") -> DataSource:
    """`--data DIR` beats $CAREERPATH_DATA beats the built-in dataset.

    `origin` names where `data_dir` came from in messages ("--data", or
    "validate" for its DIR argument), so no message blames an option not given.
    """
    if data_dir is not None and not data_dir.strip():  # `--data "$DIR"` with DIR unset
        raise UsageError(f"{origin} needs the name of a dataset folder, got '{data_dir}'")
    given = data_dir or os.environ.get(DATA_ENV) or None
    if given is None:
        return builtin_source()
    where = origin if data_dir else DATA_ENV
    folder = Path(given)
    try:
        mode = os.stat(folder).st_mode
    except (FileNotFoundError, NotADirectoryError):
        mode = None
    except OSError as error:  # a folder above it unreadable, a name too long, a loop
        raise UsageError(f"{where}: cannot open '{given}': {error.strerror}") from None
    if mode is not None and stat.S_ISREG(mode):
        raise UsageError(f"{where}: '{given}' is a file; give the folder that holds "
                         f"{ROLES_FILE} and {PROGRESSIONS_FILE}")
    if mode is None or not stat.S_ISDIR(mode):
        raise UsageError(f"{where}: '{given}' is not a folder (a dataset folder holds "
                         f"{ROLES_FILE} and {PROGRESSIONS_FILE}; start one with: "
                         f"careerpath init {given})")
    missing = [name for name in (ROLES_FILE, PROGRESSIONS_FILE) if not _exists(folder / name)]
    if len(missing) == 2 and not any(_exists(folder / f"{name.rsplit('.', 1)[0]}.yml")
                                     for name in missing):
        raise DatasetMissing([(given, f"no {ROLES_FILE} or {PROGRESSIONS_FILE} here; start a "
                               f"dataset with: careerpath init {given}")])
    if missing:
        raise DatasetMissing([_missing_file(folder, name) for name in missing])
    return DataSource(folder / ROLES_FILE, folder / PROGRESSIONS_FILE, given)


def _exists(path: Path) -> bool:
    """Whether anything is there (a link to nowhere counts: reading it will say why)."""
    try:
        os.lstat(path)
    except OSError:
        return False
    return True


def _missing_file(folder: Path, name: str) -> tuple[str, str]:
    """Say which file is missing, and what is there instead if it is close."""
    stem = name.rsplit(".", 1)[0]
    near = sorted(path.name for path in folder.glob(f"{stem}.*") if path.name != name)
    if near:
        return str(folder / name), f"not found; {folder / near[0]} is there: name it {name}"
    return str(folder / name), (f"not found; a dataset folder holds {ROLES_FILE} and "
                                f"{PROGRESSIONS_FILE} (start one with: careerpath init {folder})")


def load_dataset(data_dir: str | None = None, *, use_cache: bool = True) -> Dataset:
    """Load and validate the active dataset; raise DataError listing every problem.

    A valid dataset is kept in the cache (see `cache.py`), so the next run with
    unchanged files skips parsing and validation.
    """
    source = locate(data_dir)
    with gc_paused():
        return _load(source, use_cache)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a dataset is built.

    Loading makes hundreds of thousands of objects, none of them in reference
    cycles; the collector would walk them again and again for nothing (it
    halves the time to parse a large dataset).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def role_names(data_dir: str | None = None) -> list[tuple[str, str, tuple[str, ...]]]:
    """(id, title, aliases) of every role of the active dataset, for shell completion:
    from the cache's small names file when it is current, else from the dataset."""
    from careerpath import cache, cache_names

    source = locate(data_dir)
    files = [source.roles, source.progressions]
    hashed = None if cache.disabled() else cache.files_hash(files, max_file_bytes())
    if hashed is not None:
        names = cache_names.load_names(files, *hashed)
        if names is not None:
            return names
    with gc_paused():
        dataset = _load(source, use_cache=True)
    if hashed is not None:  # the entry was there without its names file (or both were just made)
        cache_names.store_names(files, hashed[0], dataset)
    return [(role.id, role.title, role.aliases) for role in dataset.roles.values()]


def _load(source: DataSource, use_cache: bool) -> Dataset:
    from careerpath import cache

    files = [source.roles, source.progressions]
    hashed = stamp = None
    if use_cache and not cache.disabled():
        limit = max_file_bytes()
        stamp = cache.files_stamp(files)

        def reparse() -> Dataset:
            return _parse(source, files, True, stamp)

        # Files unchanged since an entry was made are known by their stamp: hashing
        # tens of megabytes would cost more than the rest of the answer.
        if stamp is not None and all(size <= limit for _, _, size, _, _ in stamp):
            cached = cache.load(files, None, source.label, sum(s[2] for s in stamp), reparse,
                                stamp)
            if cached is not None:
                return cached
        # Hashing in chunks: a cached run never holds the files' bytes.
        hashed = cache.files_hash(files, limit)
        if hashed is not None:
            cached = cache.load(files, hashed[0], source.label, hashed[1], reparse)
            if cached is not None:
                return cached
    return _parse(source, files, hashed is not None, stamp)


def _parse(source: DataSource, files: list[Path], caching: bool,
           stamp: list[list[int]] | None = None) -> Dataset:
    """Read, parse and validate the files; store the dataset in the cache if `caching`
    (with `stamp`, taken before reading, if the files still have it)."""
    from careerpath import cache

    contents = [read_data_file(path) for path in files]
    dataset, problems = check_dataset(source, contents)
    if problems or dataset is None:
        raise DataError(problems)
    readable = [c for c in contents if isinstance(c, bytes)]
    if caching and len(readable) == len(files):
        digest = cache.content_hash(readable)
        if stamp is not None and cache.files_stamp(files) != stamp:
            stamp = None  # changed while read: known by the hash alone
        if cache.store(files, digest, dataset, stamp):
            from careerpath.cache_names import store_names

            store_names(files, digest, dataset)  # for shell completion
    return dataset


def check_dataset(source: DataSource, contents: list[bytes | OSError] | None = None,
                  ) -> tuple[Dataset | None, list[Problem]]:
    """Parse and validate both files. Returns the dataset (None if unusable) and problems."""
    from careerpath.validate import check  # YAML parsing: needed only without the cache

    if contents is None:
        contents = [read_data_file(source.roles), read_data_file(source.progressions)]
    with gc_paused():
        return check(source.display(source.roles), source.display(source.progressions),
                     contents, source.label)


def roles_without_moves(dataset: Dataset) -> list[str]:
    """Roles no move leads into or out of: allowed, but probably an oversight."""
    connected = {p.source_id for p in dataset.progressions}
    connected |= {p.target_id for p in dataset.progressions}
    return [role_id for role_id in dataset.roles if role_id not in connected]


def blank_source() -> DataSource:
    """A minimal, commented two-role framework to start a company's own from."""
    import careerpath.templates

    folder = Path(careerpath.templates.__file__).parent
    return DataSource(folder / ROLES_FILE, folder / PROGRESSIONS_FILE, "blank template")


def write_builtin_copy(folder: str, *, force: bool, blank: bool = False) -> list[str]:
    """Copy the built-in dataset's two files (or the blank template's) into `folder`."""
    from careerpath.output import write_atomic

    source = blank_source() if blank else builtin_source()
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise UsageError(f"{folder} exists and is not a folder")
    files = [(source.roles, target / source.roles.name),
             (source.progressions, target / source.progressions.name)]
    existing = [str(dest) for _, dest in files if dest.exists()]
    if existing and not force:
        verb = "already exists" if len(existing) == 1 else "already exist"
        raise UsageError(f"{' and '.join(existing)} {verb}; add --force to replace")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot create {folder}: {error.strerror}") from None
    for origin, dest in files:
        write_atomic(str(dest), origin.read_text(encoding="utf-8"), force=force)
    return [str(dest) for _, dest in files]

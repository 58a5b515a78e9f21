"""Load a dataset folder into the model, reporting every problem at once."""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from careerpath.errors import DataError, Problem, UsageError
from careerpath.model import Dataset

ROLES_FILE = "roles.yaml"
PROGRESSIONS_FILE = "progressions.yaml"
DATA_ENV = "CAREERPATH_DATA"


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


def locate(data_dir: str | None = None) -> DataSource:
    """`--data DIR` beats $CAREERPATH_DATA beats the built-in dataset."""
    given = data_dir or os.environ.get(DATA_ENV) or None
    if given is None:
        return builtin_source()
    folder = Path(given)
    origin = "--data" if data_dir else DATA_ENV
    try:
        is_folder = stat.S_ISDIR(os.stat(folder).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        is_folder = False
    except OSError as error:  # a folder above it unreadable, a name too long, a loop
        raise UsageError(f"{origin}: cannot open '{given}': {error.strerror}") from None
    if not is_folder:
        raise UsageError(f"{origin}: '{given}' is not a folder (a dataset folder holds "
                         f"{ROLES_FILE} and {PROGRESSIONS_FILE})")
    return DataSource(folder / ROLES_FILE, folder / PROGRESSIONS_FILE, given)


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


def _load(source: DataSource, use_cache: bool) -> Dataset:
    from careerpath import cache

    files = [source.roles, source.progressions]
    contents = [_read_bytes(path) for path in files]
    readable = [c for c in contents if isinstance(c, bytes)]
    caching = use_cache and not cache.disabled() and len(readable) == len(files)
    digest = cache.content_hash(readable) if caching else ""
    if caching:
        cached = cache.load(files, digest, source.label, sum(len(c) for c in readable))
        if cached is not None:
            return cached
    dataset, problems = check_dataset(source, contents)
    if problems or dataset is None:
        raise DataError(problems)
    if caching:
        cache.store(files, digest, dataset)
    return dataset


class NotRegularFile(OSError):
    """A data file that is a device, a pipe or a folder: never read (it could hang or
    never end)."""


class FileTooLarge(OSError):
    """A data file over MAX_FILE_BYTES: refused before a byte of it is read."""


def _read_bytes(path: Path) -> bytes | OSError:
    """The file's bytes, or the reason it cannot be used, without ever reading more
    than the size limit or blocking on a FIFO."""
    from careerpath.yamlread import MAX_FILE_BYTES

    try:
        # O_NONBLOCK: opening a FIFO with no writer must not hang; a regular
        # file ignores it.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        return error
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device or a pipe"
            return NotRegularFile(0, f"not a regular file ({kind}); a dataset file "
                                  "must be a plain file")
        if info.st_size > MAX_FILE_BYTES:
            return FileTooLarge(0, f"file is too large ({info.st_size / 1024 / 1024:.0f} "
                                f"MiB; the limit is {MAX_FILE_BYTES // 1024 // 1024} MiB)")
        with os.fdopen(os.dup(handle), "rb") as stream:
            # read(n) allocates n bytes up front: ask for the size fstat gave (plus
            # one, to see a file growing meanwhile), and only then up to the limit.
            data = stream.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += stream.read(MAX_FILE_BYTES + 1 - len(data))
            return data
    except OSError as error:
        return error
    finally:
        os.close(handle)


def check_dataset(source: DataSource, contents: list[bytes | OSError] | None = None,
                  ) -> tuple[Dataset | None, list[Problem]]:
    """Parse and validate both files. Returns the dataset (None if unusable) and problems."""
    from careerpath.validate import check  # YAML parsing: needed only without the cache

    if contents is None:
        contents = [_read_bytes(source.roles), _read_bytes(source.progressions)]
    with gc_paused():
        return check(source.display(source.roles), source.display(source.progressions),
                     contents, source.label)


def roles_without_moves(dataset: Dataset) -> list[str]:
    """Roles no move leads into or out of: allowed, but probably an oversight."""
    connected = {p.source_id for p in dataset.progressions}
    connected |= {p.target_id for p in dataset.progressions}
    return [role_id for role_id in dataset.roles if role_id not in connected]

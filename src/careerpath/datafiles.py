"""A dataset's two files: their names, the environment variable that picks a
dataset, and how a data file is read safely."""

from __future__ import annotations

import os
import stat
from pathlib import Path

ROLES_FILE = "roles.yaml"
PROGRESSIONS_FILE = "progressions.yaml"
DATA_ENV = "CAREERPATH_DATA"
MAX_FILE_ENV = "CAREERPATH_MAX_FILE_MB"
DEFAULT_MAX_FILE_MB = 64


def max_file_bytes() -> int:
    """The size a data file may have: 64 MiB, or $CAREERPATH_MAX_FILE_MB MiB.

    The limit keeps a mistaken or hostile file from costing the memory it
    claims; a user with a really large dataset raises it.
    """
    given = os.environ.get(MAX_FILE_ENV, "").strip()
    if not given:
        return DEFAULT_MAX_FILE_MB * 1024 * 1024
    if not given.isascii() or not given.isdigit() or int(given) < 1:
        from careerpath.errors import UsageError

        raise UsageError(f"{MAX_FILE_ENV} must be a whole number of MiB >= 1, got '{given}'")
    return int(given) * 1024 * 1024


class NotRegularFile(OSError):
    """A data file that is a device, a pipe or a folder: never read (it could hang or
    never end)."""


class FileTooLarge(OSError):
    """A data file over the size limit: refused before a byte of it is read."""


def read_data_file(path: Path, *, what: str = "a dataset file",
                   limit: int | None = None) -> bytes | OSError:
    """The file's bytes, or the reason it cannot be used, without ever reading more
    than the size limit or blocking on a FIFO.

    Every file careerpath reads from a user (the dataset, a profile, a lint
    config, an import's sources) comes through here; `what` names it in the
    message for a file that is not a plain one.
    """
    limit = max_file_bytes() if limit is None else limit
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
            return NotRegularFile(0, f"not a regular file ({kind}); {what} "
                                  "must be a plain file")
        if info.st_size > limit:
            return FileTooLarge(0, _too_large(info.st_size, limit))
        with os.fdopen(os.dup(handle), "rb") as stream:
            # read(n) allocates n bytes up front: ask for the size fstat gave (plus
            # one, to see a file growing meanwhile), and only then up to the limit.
            data = stream.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += stream.read(limit + 1 - len(data))
        if len(data) > limit:  # it grew past the limit while being read
            return FileTooLarge(0, "file grew past the size limit while being read")
        return data
    except OSError as error:
        return error
    finally:
        os.close(handle)


def _too_large(size: int, limit: int) -> str:
    if limit < 1024 * 1024:
        return f"file is too large ({size} bytes; the limit is {limit} bytes)"
    return (f"file is too large ({size / 1024 / 1024:.0f} MiB; the limit is "
            f"{limit // 1024 // 1024} MiB: raise it with {MAX_FILE_ENV})")

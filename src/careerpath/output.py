"""Writing answers out: atomically to files, and without tracebacks to closed pipes."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from careerpath.errors import UsageError


class OutputError(UsageError):
    """The answer cannot be written where the user asked (exit 2)."""


def write_atomic(target: str, text: str, *, force: bool) -> None:
    """Write `text` to `target` in full or not at all.

    The text goes to a temporary file in the same folder, which is then renamed
    over the target (or linked to it, when the target must not be replaced), so
    a reader never sees a partial file and an interrupted write leaves nothing.
    """
    import tempfile

    path = Path(target)
    folder = path.parent
    if path.is_dir():
        raise OutputError(f"{target} is a folder; name a file to write")
    if path.exists() and not path.is_file():
        # A device or a pipe (/dev/null, a FIFO): renaming over it would replace
        # it, and "partial" means nothing there, so write to it directly.
        _write_special(path, text)
        return
    if path.exists() and not force:
        raise OutputError(f"{target} already exists; add --force to replace it")
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: folder {folder} does not exist")
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp_name, 0o666 & ~umask)
        if force:
            os.replace(temp_name, path)
        else:
            # link() refuses to replace a file that appeared meanwhile: no race.
            os.link(temp_name, path)
    except FileExistsError:
        raise OutputError(f"{target} already exists; add --force to replace it") from None
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)


def _write_special(path: Path, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}") from None


@contextlib.contextmanager
def stdout_errors() -> Iterator[None]:
    """A full disk or a closed stdout is a one-line error, not a traceback."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader has gone (`| head`): Typer exits quietly
    except OSError as error:
        raise OutputError(f"cannot write the answer: {error.strerror}") from None


def write_stdout(text: str) -> None:
    with stdout_errors():
        sys.stdout.write(text)


def protect_streams() -> None:
    """Never crash on an encoding the terminal lacks (PYTHONIOENCODING=ascii)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")

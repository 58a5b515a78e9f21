"""Writing answers out: atomically to files, and without tracebacks to closed pipes.

`-o FILE` never loses anything of the user's: a regular file is replaced
atomically (and only with --force), keeping its permission bits; a symlink is
written through (to a regular file: its target is replaced atomically, the
link stays); a device or a pipe is written directly; a folder is refused.
An interruption (Ctrl-C or SIGTERM) leaves no temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import signal
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from careerpath.errors import UsageError

TERMINATED_EXIT = 128 + signal.SIGTERM


class OutputError(UsageError):
    """The answer cannot be written where the user asked (exit 2)."""


def write_atomic(target: str, text: str, *, force: bool) -> None:
    """Write `text` to `target` in full or not at all (see the module's docstring)."""
    if not target:
        raise OutputError("the output file name is empty; name a file, or '-' for stdout")
    descriptor = _open_descriptor(target)
    if descriptor is not None:
        _write_descriptor(target, descriptor, text)
        return
    try:
        found = os.stat(target)  # follows a symlink: what matters is what it points to
    except FileNotFoundError:
        found = None
    except OSError as error:  # ENAMETOOLONG, EACCES on a folder above it, ELOOP...
        raise OutputError(f"cannot write {target}: {error.strerror}") from None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise OutputError(f"{target} is a folder; name a file to write")
    if target.endswith(("/", os.sep)):  # `-o newdir/`: a folder was meant, and it is missing
        raise OutputError(f"cannot write {target}: folder {target.rstrip('/')} does not exist")
    if found is not None and not stat.S_ISREG(found.st_mode):
        # A device or a pipe (/dev/null, a FIFO, /dev/stdout): renaming over it
        # would replace it, and "partial" means nothing there, so write directly.
        _write_special(target, text)
        return
    if found is not None and not force:
        raise OutputError(f"{target} already exists; add --force to replace it")
    # Through a symlink (even a dangling one): the file replaced or made is its
    # target, so the link itself stays.
    real = Path(os.path.realpath(target)) if os.path.islink(target) else Path(target)
    folder = real.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: folder {folder} does not exist")
    with sigterm_raises():
        _replace(target, real, text, found)


def _replace(target: str, real: Path, text: str, found: os.stat_result | None) -> None:
    import tempfile

    try:
        # A short fixed prefix: a temporary name built from a long target name
        # could exceed the 255-byte limit the target itself keeps.
        handle, temp_name = tempfile.mkstemp(dir=real.parent, prefix=".careerpath-",
                                             suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        _copy_mode(temp_name, found)
        if found is not None:
            os.replace(temp_name, real)
        else:
            # link() refuses to replace a file that appeared meanwhile: no race.
            os.link(temp_name, real)
    except FileExistsError:
        raise OutputError(f"{target} already exists; add --force to replace it") from None
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)


def _copy_mode(temp_name: str, found: os.stat_result | None) -> None:
    """A replaced file keeps its permission bits (0600 stays 0600); a new one gets the
    umask's. As root, also its owner, so replacing a user's file keeps it theirs."""
    if found is None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp_name, 0o666 & ~umask)
        return
    if os.geteuid() == 0:
        with contextlib.suppress(OSError):
            os.chown(temp_name, found.st_uid, found.st_gid)
    os.chmod(temp_name, stat.S_IMODE(found.st_mode) & 0o777)


_FD_LINK = re.compile(r"/(?:dev/fd|proc/self/fd|proc/thread-self/fd|proc/(\d+)/fd)/(\d+)\Z")
_STD_NAMES = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}


def _open_descriptor(target: str) -> int | None:
    """The descriptor `target` names, if it is one of ours (/dev/stdout, /dev/fd/3,
    /proc/self/fd/1, or a link to one). Opening such a name would truncate an
    `>> log` the shell opened for appending, and replacing it would replace the
    file behind it: the answer is written to the descriptor instead."""
    path = os.path.abspath(target)
    for _ in range(40):  # the kernel's own limit on links followed
        if path in _STD_NAMES:
            return _STD_NAMES[path]
        found = _FD_LINK.match(path)
        if found:
            pid = found.group(1)
            return int(found.group(2)) if pid is None or int(pid) == os.getpid() else None
        try:
            link = os.readlink(path)
        except OSError:  # not a link (or not there): an ordinary name
            return None
        path = os.path.normpath(os.path.join(os.path.dirname(path), link))
    return None


def _write_descriptor(target: str, descriptor: int, text: str) -> None:
    try:
        with sigterm_raises(), os.fdopen(os.dup(descriptor), "w", encoding="utf-8",
                                         newline="") as stream:
            stream.write(text)
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror}") from None


def _write_special(target: str, text: str) -> None:
    try:
        with sigterm_raises(), open(target, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as error:
        raise OutputError(f"cannot write {target}: {error.strerror}") from None


class Terminated(SystemExit):
    """SIGTERM arrived during a write: unwind (running the clean-ups) and exit 143."""


def _raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated(TERMINATED_EXIT)


@contextlib.contextmanager
def sigterm_raises() -> Iterator[None]:
    """While a temporary file exists, SIGTERM raises instead of killing the process,
    so the `finally` that deletes the file runs (Ctrl-C does so already)."""
    try:
        previous = signal.signal(signal.SIGTERM, _raise_terminated)
    except ValueError:  # not the main thread: signals cannot be handled here
        yield
        return
    if previous == signal.SIG_IGN:  # someone chose to ignore SIGTERM: keep it that way
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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


class _ClosedStream(io.TextIOBase):
    """Stands in for a standard stream the shell closed (`careerpath roles >&-`):
    Python then sets sys.stdout to None, and the first print would be a traceback."""

    def __init__(self, name: str) -> None:
        self._name = name

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, f"standard {self._name} is closed")

    def flush(self) -> None:
        pass

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise io.UnsupportedOperation("closed stream")


def protect_streams() -> None:
    """Never crash on an encoding the terminal lacks (PYTHONIOENCODING=ascii), nor on
    a closed stdout or stderr."""
    if sys.stdout is None:
        sys.stdout = _ClosedStream("output")
    if sys.stderr is None:  # nowhere to say anything: messages are dropped
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")

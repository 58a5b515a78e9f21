"""Run one function in a second process while this one goes on.

A cold run on a large dataset reads two files of YAML; on a machine with two
cores the second file can be read at the same time as the first. The child is
a fork of this process (so it has the data and the modules already) and sends
its result back through a pipe with `marshal`, so the result must be made of
plain values: tuples, lists, dicts, str, numbers, bool and None.

Whatever goes wrong in the child (no fork on this system, no memory, a bug, a
signal) the parent runs the function itself: a second process only ever makes
an answer faster, never different or missing.
"""

from __future__ import annotations

import marshal
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any


class Job:
    """`function(*args)`, started in a child process when the system allows it."""

    def __init__(self, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.function, self.args = function, args
        self.pid: int | None = None
        self.reader: int | None = None

    def start(self) -> None:
        if not hasattr(os, "fork"):
            return  # Windows: the parent does it all
        threading = sys.modules.get("threading")
        if threading is not None and threading.active_count() > 1:
            return  # another thread (a progress bar) could hold a lock the child needs
        try:
            reader, writer = os.pipe()
        except OSError:
            return
        # Ctrl-C or SIGTERM held back over the fork: delivered a moment later, once
        # the child's pid is known, so the parent can stop the child it just made.
        held = {signal.SIGINT, signal.SIGTERM}
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, held) \
            if hasattr(signal, "pthread_sigmask") else None
        pid = None
        try:
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child's coverage is not collected
                self._child(reader, writer, mask)
            self.pid, self.reader = pid, reader
            os.close(writer)
        except OSError:
            os.close(reader)
            os.close(writer)
        except BaseException:
            if pid:
                _stop(pid)
            raise
        finally:
            if mask is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)

    def _child(self, reader: int, writer: int,  # pragma: no cover - in the child
               mask: Any) -> None:
        status = 1
        try:
            # Ctrl-C and termination end the child at once, without a traceback;
            # the parent handles them for both.
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            if mask is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            os.close(reader)
            data = marshal.dumps(self.function(*self.args))
            with os.fdopen(writer, "wb") as stream:
                stream.write(data)
            status = 0
        finally:
            os._exit(status)  # no atexit handlers, no flushing of the parent's buffers

    def result(self) -> Any:
        """The function's result: the child's, or computed here if the child failed."""
        pid, reader = self.pid, self.reader
        self.pid = self.reader = None
        if pid is None or reader is None:
            return self.function(*self.args)
        try:
            with os.fdopen(reader, "rb") as stream:
                data = stream.read()
            _, status = os.waitpid(pid, 0)
            pid = None
            if status == 0:
                return marshal.loads(data)
        except (OSError, EOFError, ValueError, TypeError):
            pass
        finally:
            if pid is not None:
                _stop(pid)
        return self.function(*self.args)

    def cancel(self) -> None:
        """Stop the child if its result was never asked for."""
        if self.reader is not None:
            os.close(self.reader)
        if self.pid is not None:
            _stop(self.pid)
        self.pid = self.reader = None


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass


@contextmanager
def started(function: Callable[..., Any], *args: Any, fork: bool = True) -> Iterator[Job]:
    """A Job for `function(*args)`, in a child process if `fork`; a child whose
    result is not collected (the parent raised) is stopped on the way out."""
    from careerpath.output import sigterm_raises

    job = Job(function, args)
    # SIGTERM, like Ctrl-C, raises while a child may run, so the child is stopped
    # with the parent (exit 143) instead of reading on alone.
    with sigterm_raises() if fork else nullcontext():
        try:
            if fork:
                job.start()  # a Ctrl-C held over the fork may land as it returns
            yield job
        finally:
            job.cancel()

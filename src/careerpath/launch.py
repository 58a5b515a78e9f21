"""The `careerpath` command's entry point: start-up with the cyclic collector paused
and Ctrl-C held back.

Importing Typer, Rich and our modules makes some hundred thousand objects, nearly
all alive until the process exits; the collector would walk them again and again
while they are made (about 3 ms of a 90 ms start). So it is paused over the
imports, and what they made is frozen (moved out of its sight) before it resumes:
a later collection walks only what the command itself makes.

A Ctrl-C that lands inside an import can surface as something other than a
KeyboardInterrupt (Python 3.11 wraps one raised while a class is made in a
RuntimeError, and drops one raised in an import lock's callback with an
"Exception ignored" message). So SIGINT is blocked over those ~60 ms and delivered
once they are done, where it is a plain KeyboardInterrupt: exit 130, no traceback.
"""

import gc

INTERRUPTED_EXIT = 130  # 128 + SIGINT, what Typer exits with on a later Ctrl-C


def main() -> None:
    try:
        _import_the_commands()
        from careerpath.cli import main as run_command  # imported: a lookup

        run_command()
    except KeyboardInterrupt:
        _interrupted()
    except RuntimeError as error:  # a Ctrl-C wrapped as above, in a later lazy import
        if not isinstance(error.__cause__, KeyboardInterrupt):
            raise
        _interrupted()
    except SystemExit as leaving:
        if leaving.code == INTERRUPTED_EXIT:  # Typer's own answer to a Ctrl-C
            _ignore_more_interrupts()
        raise


def _import_the_commands() -> None:
    import signal

    held = {signal.SIGINT}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, held) \
        if hasattr(signal, "pthread_sigmask") else None
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        import careerpath.cli  # noqa: F401  # imported for its side effect: loaded
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a held Ctrl-C lands here


def _interrupted() -> None:
    _ignore_more_interrupts()
    raise SystemExit(INTERRUPTED_EXIT) from None


def _ignore_more_interrupts() -> None:
    # Already stopping: a second Ctrl-C during the exit would only print
    # "Exception ignored ... KeyboardInterrupt" from the interpreter's shutdown.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)

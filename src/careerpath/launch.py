"""The `careerpath` command's entry point: start-up with the cyclic collector paused.

Importing Typer, Rich and our modules makes some hundred thousand objects, nearly
all alive until the process exits; the collector would walk them again and again
while they are made (about 3 ms of a 90 ms start). So it is paused over the
imports, and what they made is frozen (moved out of its sight) before it resumes:
a later collection walks only what the command itself makes.
"""

import gc

INTERRUPTED_EXIT = 130  # 128 + SIGINT, what Typer exits with on a later Ctrl-C


def main() -> None:
    try:
        _start()
    except KeyboardInterrupt:
        # Ctrl-C during the imports, before Typer listens for it: as quiet as later.
        raise SystemExit(INTERRUPTED_EXIT) from None


def _start() -> None:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        from careerpath.cli import main as run_command
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
    run_command()

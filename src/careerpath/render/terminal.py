"""An answer for the terminal, paged the way git pages when it is taller than the screen."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys

from rich.console import RenderableType

from careerpath.render.console import make_console


def show(renderable: RenderableType, *, no_color: bool, page: bool) -> None:
    """Print to the terminal; through $PAGER (default `less -FRX`) if it is too tall."""
    console = make_console(no_color=no_color)
    if not page or not _pager_command():
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    text = captured.get()
    if text.count("\n") < console.height:
        sys.stdout.write(text)
        return
    _page(text)


def _pager_command() -> list[str]:
    """$PAGER as git reads it; empty or `cat` means no paging."""
    chosen = os.environ.get("PAGER")
    if chosen is None:
        return ["less"]
    words = shlex.split(chosen)
    return [] if not words or words == ["cat"] else words


def _page(text: str) -> None:
    # git's defaults: quit if one screen (F), keep colours (R), no screen clearing (X).
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    try:
        pager = subprocess.Popen(_pager_command(), stdin=subprocess.PIPE, env=env,
                                 encoding=sys.stdout.encoding or "utf-8", errors="replace")
    except OSError:
        sys.stdout.write(text)  # no such pager: just print
        return
    assert pager.stdin is not None
    try:
        pager.stdin.write(text)
        pager.stdin.close()
    except BrokenPipeError:
        pass  # the reader quit the pager early
    pager.wait()

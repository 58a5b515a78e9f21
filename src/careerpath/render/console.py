"""The one place a Rich console is made: no markup, no emoji codes, no highlighting."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType


def make_console(*, no_color: bool = False, file: io.StringIO | None = None) -> Console:
    # markup/emoji/highlight off: data text must never be interpreted.
    return Console(file=file, markup=False, emoji=False, highlight=False,
                   no_color=no_color or None, soft_wrap=False)


def to_string(renderable: RenderableType) -> str:
    """What the text output looks like on a non-terminal: plain, no colour codes."""
    buffer = io.StringIO()
    console = make_console(no_color=True, file=buffer)
    console.print(renderable)
    return buffer.getvalue()

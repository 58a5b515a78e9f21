"""The one place a Rich console is made: no markup, no emoji codes, no highlighting."""

from __future__ import annotations

import io
import os

from rich.console import Console, RenderableType


def make_console(*, no_color: bool = False, file: io.StringIO | None = None,
                 force_terminal: bool | None = None) -> Console:
    # --no-color, NO_COLOR and TERM=dumb mean no escape codes at all (not even bold),
    # so the output can be read by anything.
    plain = no_color or bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    # markup/emoji/highlight off: data text must never be interpreted.
    return Console(file=file, markup=False, emoji=False, highlight=False, soft_wrap=False,
                   color_system=None if plain else "auto", force_terminal=force_terminal)


def to_string(renderable: RenderableType) -> str:
    """What the text output looks like on a non-terminal: plain, no escape codes."""
    buffer = io.StringIO()
    make_console(no_color=True, file=buffer).print(renderable)
    return buffer.getvalue()

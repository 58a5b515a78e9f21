"""The one place a Rich console is made: no markup, no emoji codes, no highlighting."""

from __future__ import annotations

import io
import os

from rich.console import Console, RenderableType

# Text for a file or a pipe is laid out at this width, whatever the terminal:
# the same command writes the same file from a cron job, a narrow window or CI.
FILE_WIDTH = 100
# A terminal narrower than this (or COLUMNS=0/1 from a broken environment)
# cannot show a table; lay out at FILE_WIDTH rather than one letter a line.
MIN_WIDTH = 20


def _terminal_width() -> int | None:
    """The width Rich should use, or None to let it ask the terminal."""
    given = os.environ.get("COLUMNS", "")
    if given.strip().isascii() and given.strip().isdigit() and int(given) >= MIN_WIDTH:
        return int(given)
    if given:  # COLUMNS=0, 1, 'abc': ignore it, and never fall back to it
        return _measured_width()
    return None


def _measured_width() -> int:
    import shutil

    try:
        columns = os.get_terminal_size(1).columns
    except OSError:
        columns = shutil.get_terminal_size((FILE_WIDTH, 25)).columns
    return columns if columns >= MIN_WIDTH else FILE_WIDTH


def make_console(*, no_color: bool = False, file: io.StringIO | None = None,
                 force_terminal: bool | None = None, width: int | None = None) -> Console:
    """A console for `file` (default: stdout), as wide as the terminal, or `width`.

    A COLUMNS under MIN_WIDTH is ignored. For a file or a pipe use `to_string`."""
    # --no-color, NO_COLOR and TERM=dumb mean no escape codes at all (not even bold),
    # so the output can be read by anything.
    plain = no_color or bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    # markup/emoji/highlight off: data text must never be interpreted.
    return Console(file=file, markup=False, emoji=False, highlight=False, soft_wrap=False,
                   color_system=None if plain else "auto", force_terminal=force_terminal,
                   width=width if width is not None else _terminal_width())


def to_string(renderable: RenderableType, *, width: int = FILE_WIDTH) -> str:
    """What the text output looks like in a file or a pipe: plain, FILE_WIDTH wide,
    without the spaces Rich pads lines with (they only make diffs noisy)."""
    from rich.cells import cell_len

    # Rich crops every line to the width, one by one (half the time of 10,000 lines of
    # `path --all`), though its renderables and ours never draw past the width; so
    # print uncropped, and crop only should a line turn out too wide after all.
    lines = _printed(renderable, width, crop=False)
    if any(cell_len(line) > width for line in lines):
        lines = _printed(renderable, width, crop=True)
    return "".join(line.rstrip() + "\n" for line in lines)


def _printed(renderable: RenderableType, width: int, crop: bool) -> list[str]:
    buffer = io.StringIO()
    make_console(no_color=True, file=buffer, width=width).print(renderable, crop=crop)
    return buffer.getvalue().splitlines()


def pipe_width() -> int:
    """The width of text for a pipe: an explicit COLUMNS (20 or more), else FILE_WIDTH.

    A pipe has no width of its own; `COLUMNS=60 careerpath ... | less` asks for
    60. An interactive shell does not export COLUMNS, so a plain pipe, a cron
    job or CI gets FILE_WIDTH. A file written with -o is always FILE_WIDTH.
    """
    given = os.environ.get("COLUMNS", "").strip()
    if given.isascii() and given.isdigit() and int(given) >= MIN_WIDTH:
        return int(given)
    return FILE_WIDTH

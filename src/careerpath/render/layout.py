"""Layouts that hold at any width: a table where it fits, stacked cards where not.

A table is shown only where Rich can draw it without cutting any cell to `…`,
so no id or title is ever truncated; below that width the same rows are shown
one card per row, as wrapped text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.text import Text


class Responsive:
    """Render `wide` if it fits in the width given, else `narrow()`."""

    def __init__(self, wide: RenderableType, narrow: Callable[[], RenderableType]) -> None:
        self.wide = wide
        self.narrow = narrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Rich cuts a cell that does not fit to `…` (or a no-wrap column's text to
        # the width): render the table, and fall back to cards if anything was cut.
        lines = console.render_lines(self.wide, options, pad=False, new_lines=True)
        text = "".join(segment.text for line in lines for segment in line)
        widest = max((Segment.get_line_length(line) for line in lines), default=0)
        if "…" in text or widest > options.max_width:
            yield self.narrow()
            return
        for line in lines:
            yield from line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.wide)


def card(heading: Text, details: Iterable[RenderableType], indent: int = 2) -> Group:
    """A heading line and its details indented under it."""
    return Group(heading, *(Padding(detail, (0, 0, 0, indent), expand=False)
                            for detail in details))


def cards(title: RenderableType | None, items: Iterable[Group]) -> Group:
    parts: list[RenderableType] = [title] if title is not None else []
    parts += list(items)
    return Group(*parts)

"""Layouts that hold at any width: a table where it fits, stacked cards where not.

A table is shown only where Rich can draw it without cutting any cell to `…`,
so no id or title is ever truncated; below that width the same rows are shown
one card per row, as wrapped text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text


class Responsive:
    """Render `wide` if it fits in the width given (and is at least `min_width`),
    else `narrow()`."""

    def __init__(self, wide: RenderableType, narrow: Callable[[], RenderableType],
                 min_width: int = 0) -> None:
        self.wide = wide
        self.narrow = narrow
        self.min_width = min_width  # below it the table reads badly even uncut

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width < self.min_width:
            yield self.narrow()
            return
        from rich.table import Table  # what made `wide` imported it; a path view has none

        from careerpath.render.plaintable import draw

        plain = draw(self.wide, console, options) if isinstance(self.wide, Table) else None
        if plain is not None:  # exactly what Rich would draw, 40 times sooner
            if "…" in "".join(plain):
                yield self.narrow()
                return
            for row in plain:
                yield Segment(row)
                yield Segment.line()
            return
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


def segments(text: Text, console: Console) -> Iterable[Segment]:
    """`text` as segments, its own style included: Rich's `Text.render` drops the
    base style of a text without spans (`Text("new → 3", "bold")` came out plain)."""
    if text.spans or not text.style:
        return text.render(console)
    return [Segment(text.plain, console.get_style(text.style, default=Style.null()))]


class Hanging:
    """Rows of a prefix (a bullet, an arrow) and a text wrapped under a hanging
    indent, so a wrapped line never runs back under the bullet:

        • Lead the directors who run the
          ecommerce functions
    """

    def __init__(self, rows: Iterable[tuple[Text, Text] | tuple[Text, Text, int]]) -> None:
        self.rows: list[tuple[Text, Text, int]] = []
        for prefix, body, *hang in rows:
            self.rows.append((prefix, body, hang[0] if hang else prefix.cell_len))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        newline = Segment.line()
        for prefix, body, hang in self.rows:
            room = max(1, options.max_width - max(prefix.cell_len, hang))
            plain = body.plain
            # It fits, as it is: nothing to wrap. (Wrapping would also expand tabs,
            # and crop whitespace past the width counted in characters: a zero-width
            # one, such as U+2028, fits in cells but not so.)
            if body.cell_len <= room and len(plain) <= room and "\n" not in plain and \
                    "\t" not in plain:
                yield from segments(prefix, console)
                yield from segments(body, console)
                yield newline
                continue
            for index, line in enumerate(body.wrap(console, room) or [Text("")]):
                if index:
                    yield Segment(" " * hang)
                else:
                    yield from segments(prefix, console)
                yield from segments(line, console)
                yield newline

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest_word = widest_line = 0
        for prefix, body, hang in self.rows:
            lead = max(prefix.cell_len, hang)
            words = [cell_len(word) for word in body.plain.split()] or [0]
            lines = [cell_len(line) for line in body.plain.splitlines()] or [0]
            widest_word = max(widest_word, lead + max(words))
            widest_line = max(widest_line, lead + max(lines))
        return Measurement(widest_word, widest_line).clamp(max_width=options.max_width)


def card(heading: Text, details: Iterable[RenderableType], indent: int = 2) -> Group:
    """A heading line and its details indented under it."""
    from rich.padding import Padding

    return Group(heading, *(Padding(detail, (0, 0, 0, indent), expand=False)
                            for detail in details))


def cards(title: RenderableType | None, items: Iterable[Group]) -> Group:
    parts: list[RenderableType] = [title] if title is not None else []
    parts += list(items)
    return Group(*parts)

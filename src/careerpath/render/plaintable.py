"""A Rich table drawn as plain text without Rich's layout engine, where that is exact.

Rich lays a table out cell by cell through its general renderer: about 0.4 ms a
row, so 100 rows of `next --depth 3` took 37 ms, more than the rest of the
command. When nothing is styled (a file, a pipe, --no-color, NO_COLOR) and every
cell fits at its natural width, the layout is simple enough to write down: each
column as wide as its widest line plus one space each side, lines justified left
or right, rows as tall as their tallest cell (a header's text at its foot), the
HEAVY_HEAD box. `draw` gives those lines, or None for any table outside that case
(Rich draws it then); tests/test_plaintable.py checks it against Rich on random
tables.
"""

from __future__ import annotations

from rich import box
from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, ConsoleOptions
from rich.table import Table
from rich.text import Text


def draw(table: Table, console: Console, options: ConsoleOptions) -> list[str] | None:
    """The table's lines exactly as Rich draws them in `options.max_width` without
    colour, or None where that needs Rich's own layout."""
    if not _simple(table, console, options):
        return None
    columns = []  # each column's cells' lines, the header first
    for column in table.columns:
        cells = [_lines(cell) for cell in (column.header, *column.cells)]
        if None in cells:
            return None
        columns.append([lines for lines in cells if lines is not None])
    widths = [max(cell_len(line) for lines in cells for line in lines) + 2 for cells in columns]
    table_width = sum(widths) + len(widths) + 1  # and a rule at each edge and between
    if table_width > options.max_width:
        return None
    justify = [str(column.justify) for column in table.columns]
    drawn = _title(table.title, table_width)
    if drawn is None:
        return None
    drawn.append("┏" + "┳".join("━" * width for width in widths) + "┓")
    rows = list(zip(*columns))
    drawn += _row(rows[0], widths, justify, "┃", bottom=True)
    drawn.append("┡" + "╇".join("━" * width for width in widths) + "┩")
    for row in rows[1:]:
        drawn += _row(row, widths, justify, "│")
    drawn.append("└" + "┴".join("─" * width for width in widths) + "┘")
    return drawn


def _simple(table: Table, console: Console, options: ConsoleOptions) -> bool:
    """Only the tables careerpath makes, in a console that shows no style."""
    return (console.color_system is None and not console.legacy_windows
            and not options.ascii_only and table.box is box.HEAVY_HEAD
            and table.show_header and table.show_edge and not table.show_footer
            and not table.show_lines and not table.leading and not table.row_styles
            and not table.expand and table.width is None and table.min_width is None
            and table.padding == (0, 1, 0, 1) and table.pad_edge and not table.caption
            and not table.collapse_padding and table.title_justify == "left"
            and bool(table.columns) and all(
                column.justify in ("left", "right") and column.vertical == "top"
                and column.width is None and column.min_width is None
                and column.max_width is None and column.ratio is None
                for column in table.columns))


def _lines(cell: object) -> list[str] | None:
    """A cell's lines, if Rich shows them as they are: printable text, no blank line
    and no space at either end (where Rich's wrapping and justifying trim)."""
    if isinstance(cell, Text):
        if cell.end != "\n" or cell.justify is not None or cell.overflow is not None:
            return None
        plain = cell.plain
    elif isinstance(cell, str):
        plain = cell
    else:
        return None
    if plain == "":
        return [""]
    lines = plain.split("\n")
    if not all(line and line.isprintable() and line.strip() == line and (
            line.isascii() or 0 not in map(get_character_cell_size, line)) for line in lines):
        return None  # a mark of no width (combining, joiner) Rich may place otherwise
    return lines


def _title(title: object, width: int) -> list[str] | None:
    """The title above the table, padded to its width, when it fits on one line."""
    if not title:  # None, "" or an empty Text: Rich leaves the line out
        return []
    lines = _lines(title)
    if lines is None or len(lines) != 1 or cell_len(lines[0]) > width:
        return None
    return [lines[0] + " " * (width - cell_len(lines[0]))]


def _row(cells: tuple[list[str], ...], widths: list[int],
         justify: list[str], rule: str, bottom: bool = False) -> list[str]:
    """One row's lines; a short cell's text at the top, or in the header at the bottom."""
    height = max(len(lines) for lines in cells)
    drawn = []
    for number in range(height):
        parts = []
        for lines, width, side in zip(cells, widths, justify):
            at = number - (height - len(lines)) if bottom else number
            line = lines[at] if 0 <= at < len(lines) else ""
            room = " " * (width - 2 - cell_len(line))
            parts.append(f" {room}{line} " if side == "right" else f" {line}{room} ")
        drawn.append(rule + rule.join(parts) + rule)
    return drawn

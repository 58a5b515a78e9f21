"""The plain table drawer gives exactly Rich's lines, or declines."""

from __future__ import annotations

import io
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table
from rich.text import Text

from careerpath.render.console import make_console, to_string
from careerpath.render.layout import Responsive
from careerpath.render.plaintable import draw

# Mostly words as data has them (letters, digits, punctuation, wide CJK and emoji, the
# ellipsis Responsive looks for); sometimes anything: combining and invisible marks,
# control characters, line breaks, spaces at either end, nothing.
NICE = st.lists(st.text(st.sampled_from("abZ9-·…é漢字🙂"), min_size=1, max_size=6),
                min_size=1, max_size=3).map(" ".join)
HOSTILE = st.text(st.sampled_from("ab Z9-·…é\u0301漢字🙂\t\x1b\u200b\u2028\n "), max_size=12)


def cells(words: st.SearchStrategy[str]) -> st.SearchStrategy[str | Text]:
    return words | words.map(lambda text: Text(text, "bold")) | st.builds(
        lambda a, b: Text.assemble((a, "bold"), "\n", (b, "cyan")), words, words)


@st.composite
def tables(draw_from: Any) -> Table:
    """Half of them as careerpath's tables are; half with a hostile cell or two."""
    CELLS = cells(NICE) if draw_from(st.booleans()) else cells(
        st.one_of(NICE, NICE, NICE, HOSTILE))
    title = draw_from(st.none() | CELLS)
    table = Table(title=title, title_justify="left", expand=False)
    count = draw_from(st.integers(1, 4))
    for _ in range(count):
        table.add_column(draw_from(CELLS), justify=draw_from(st.sampled_from(["left", "right"])),
                         no_wrap=draw_from(st.booleans()), style=draw_from(
                             st.sampled_from(["", "magenta", "dim"])))
    for _ in range(draw_from(st.integers(0, 5))):
        table.add_row(*(draw_from(CELLS) for _ in range(count)))
    return table


def rich_lines(table: Table, width: int) -> list[str]:
    buffer = io.StringIO()
    make_console(no_color=True, file=buffer, width=width).print(table)
    return buffer.getvalue().split("\n")[:-1]


def drawn_lines(table: Table, width: int) -> list[str] | None:
    console = make_console(no_color=True, file=io.StringIO(), width=width)
    return draw(table, console, console.options)


@settings(max_examples=600, deadline=None)
@given(tables(), st.integers(10, 200))
def test_the_lines_rich_draws_or_none(table: Table, width: int) -> None:
    drawn = drawn_lines(table, width)
    if drawn is not None:
        assert drawn == rich_lines(table, width)


def test_an_ordinary_table_is_drawn_and_a_narrow_one_left_to_rich() -> None:
    table = Table(title=Text("3 roles", "italic"), title_justify="left")
    table.add_column("Level", justify="right", style="magenta")
    table.add_column("Role (id)", no_wrap=True)
    table.add_row("1", Text.assemble(("Data Analyst", "bold"), "\n", ("analyst", "cyan")))
    table.add_row("10", Text.assemble(("漢字 Head", "bold"), "\n", ("hod", "cyan")))
    drawn = drawn_lines(table, 40)
    assert drawn == rich_lines(table, 40) == [
        "3 roles                 ",
        "┏━━━━━━━┳━━━━━━━━━━━━━━┓",
        "┃ Level ┃ Role (id)    ┃",
        "┡━━━━━━━╇━━━━━━━━━━━━━━┩",
        "│     1 │ Data Analyst │",
        "│       │ analyst      │",
        "│    10 │ 漢字 Head    │",
        "│       │ hod          │",
        "└───────┴──────────────┘",
    ]
    assert drawn_lines(table, 24) == drawn
    assert drawn_lines(table, 23) is None  # a column short: Rich wraps or cuts


def test_colour_and_ascii_terminals_are_left_to_rich() -> None:
    table = Table()
    table.add_column("a")
    coloured = Console(file=io.StringIO(), force_terminal=True, color_system="standard")
    assert draw(table, coloured, coloured.options) is None
    ascii_only = Console(file=io.TextIOWrapper(io.BytesIO(), encoding="ascii"),
                         color_system=None)
    assert ascii_only.options.ascii_only
    assert draw(table, ascii_only, ascii_only.options) is None


def test_a_cell_rich_would_cut_still_makes_cards() -> None:
    table = Table()
    table.add_column("Role")
    table.add_row("Manager… of things")
    shown = io.StringIO()
    make_console(no_color=True, file=shown, width=80).print(
        Responsive(table, lambda: Text("as cards")))
    assert shown.getvalue() == "as cards\n"


def overview(lines: list[str]) -> Any:
    from careerpath.render.text_path import Overview, Parts

    view = Overview.__new__(Overview)
    view.rows = [(f"{number}.", Parts(("2 moves, 4 years: ", ""), (line, "dim"), style="bold"))
                 for number, line in enumerate(lines, 1)]
    return view


TITLES = st.lists(st.text(st.sampled_from("abZ9-·…é"), min_size=1, max_size=9), min_size=1,
                  max_size=3).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(TITLES, min_size=1, max_size=12).map(" → ".join), min_size=1,
                max_size=12), st.integers(20, 160))
def test_the_plain_overview_of_paths_is_richs_grid(lines: list[str], width: int) -> None:
    view = overview(lines)
    assert to_string(view, width=width) == to_string(view.grid(), width=width)


def test_the_plain_overview_never_cuts_wide_text_where_richs_grid_did() -> None:
    """Rich's grid cut this line, exactly as wide as its column, to `…`."""
    view = overview(["9字字字 99999字 → 9"])
    assert to_string(view, width=20) == "1. 2 moves, 4 years:\n   9字字字 99999字 →\n   9\n"
    assert "…" in to_string(view.grid(), width=20)


class WrappedHanging:
    """Hanging's rows as Rich's wrapping draws them, every row wrapped (the reference)."""

    def __init__(self, rows: list[tuple[Text, Text, int]]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: Any) -> Any:
        from rich.segment import Segment

        for prefix, body, hang in self.rows:
            room = max(1, options.max_width - max(prefix.cell_len, hang))
            for index, line in enumerate(body.wrap(console, room) or [Text("")]):
                yield from (prefix.render(console) if index == 0 else [Segment(" " * hang)])
                yield from line.render(console)
                yield Segment.line()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["• ", "→ ", ""]), NICE | HOSTILE), min_size=1,
                max_size=6),
       st.integers(10, 120))
@example([("• ", ""), ("• ", "999999999\u2028")], 11)  # a zero-width space past the width
def test_hanging_rows_that_fit_are_drawn_as_wrapping_would(rows: list[tuple[str, str]],
                                                           width: int) -> None:
    from careerpath.render.layout import Hanging

    texts = [(Text(prefix, "dim"), Text(body), len(prefix)) for prefix, body in rows]
    assert to_string(Hanging(texts), width=width) == to_string(WrappedHanging(texts), width=width)

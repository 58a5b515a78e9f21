"""The whole ladder (or what one role leads to), level by level, for the terminal."""

from __future__ import annotations

from functools import partial
from itertools import groupby

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careerpath.answers import GraphAnswer
from careerpath.model import Dataset
from careerpath.render.layout import Hanging, Responsive, card
from careerpath.render.richtext import LATERAL, PROMOTION, data_text
from careerpath.wording import plural


def ladder(answer: GraphAnswer, dataset: Dataset) -> RenderableType:
    """The graph level by level, lowest first, each role with its moves out."""
    moves_out: dict[str, list[tuple[str, str]]] = {}
    for move in answer.progressions:
        moves_out.setdefault(move.source_id, []).append((move.target_id, move.kind))
    if answer.root is None:
        heading = Text(f"The career ladder: {plural(len(answer.roles), 'role')}, "
                       f"{plural(len(answer.progressions), 'move')}", "bold")
    else:
        heading = Text.assemble("Reachable from ", data_text(answer.root.title, "bold"),
                                f": {plural(len(answer.roles), 'role')}, "
                                f"{plural(len(answer.progressions), 'move')}")
    legend = Text.assemble((PROMOTION, "green"), " promotion   ", (LATERAL, "yellow"),
                           " lateral move", style="dim")
    parts: list[RenderableType] = [heading, legend]
    levels = []
    for level, roles in groupby(answer.roles, key=lambda role: role.level):
        rows = []
        for role in roles:
            targets = sorted(moves_out.get(role.id, []),
                             key=lambda item: (item[1] != "promotion",
                                               dataset.roles[item[0]].level, item[0]))
            moves = [_move_row(dataset, target_id, kind) for target_id, kind in targets]
            rows.append((data_text(role.title, "bold" if moves else ""), moves))
        levels.append((level, rows))
    # Every level switches to the stacked form together, at the width where any
    # title or move would have to wrap in the two columns.
    titles = max((title.cell_len for _, rows in levels for title, _ in rows), default=0)
    widest_move = max((arrow.cell_len + move.cell_len for _, rows in levels for _, moves in rows
                   for arrow, move in moves), default=1)
    for level, rows in levels:
        parts.append(Text(f"\nLevel {level}", "bold magenta"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column()
        stacked = []
        for title, moves in rows:
            cell = Hanging(moves) if moves else Text("·", "dim")
            grid.add_row(Text("  ").append_text(title), cell)
            stacked.append(Padding(card(title, [Hanging(moves)] if moves else []),
                                   (0, 0, 0, 2), expand=False))
        parts.append(Responsive(grid, partial(Group, *stacked), min_width=titles + widest_move + 4))
    return Group(*parts)


def _move_row(dataset: Dataset, target_id: str, kind: str) -> tuple[Text, Text]:
    """`━━▶ ` and `Ecommerce Director (4)`: the arrow hangs, the title wraps under itself."""
    target = dataset.roles[target_id]
    arrow = Text(f"{PROMOTION if kind == 'promotion' else LATERAL} ",
                 "green" if kind == "promotion" else "yellow")
    return arrow, data_text(target.title).append(f" ({target.level})", "magenta")

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
from careerpath.render.layout import Responsive, card
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
    for level, roles in groupby(answer.roles, key=lambda role: role.level):
        parts.append(Text(f"\nLevel {level}", "bold magenta"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column()
        stacked = []
        for role in roles:
            targets = sorted(moves_out.get(role.id, []),
                             key=lambda item: (item[1] != "promotion",
                                               dataset.roles[item[0]].level, item[0]))
            cell = Text()
            for index, (target_id, kind) in enumerate(targets):
                target = dataset.roles[target_id]
                if index:
                    cell.append("\n")
                style = "green" if kind == "promotion" else "yellow"
                cell.append(PROMOTION if kind == "promotion" else LATERAL, style)
                cell.append(" ").append_text(data_text(target.title))
                cell.append(f" ({target.level})", "magenta")
            title = data_text(role.title, "bold" if role.id in moves_out else "")
            grid.add_row(Text("  ").append_text(title), cell or Text("·", "dim"))
            stacked.append(Padding(card(title, [cell] if cell else []), (0, 0, 0, 2),
                                   expand=False))
        parts.append(Responsive(grid, partial(Group, *stacked)))
    return Group(*parts)

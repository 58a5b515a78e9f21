"""The two larger terminal views: the side-by-side comparison and the ladder picture."""

from __future__ import annotations

from itertools import groupby

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from careerpath.model import Dataset
from careerpath.queries import Comparison, GraphAnswer
from careerpath.render.text import (
    CHANGE_MARK,
    CHANGE_STYLE,
    LATERAL,
    PROMOTION,
    _bullets,
    _t,
    typical,
)


def _level_cell(level: int | None) -> Text:
    if level is None:
        return Text("–", "dim")
    return Text.assemble(("●" * level, "green"), ("○" * (5 - level), "dim"), f" {level}")


def comparison(answer: Comparison, dataset: Dataset) -> RenderableType:
    change = answer.level_change
    direction = "up" if change > 0 else "down" if change < 0 else "same level"
    steps = f"{abs(change)} level{'s' if abs(change) != 1 else ''} {direction}" if change else \
        direction
    heading = Text.assemble(_t(answer.source.title, "bold"), (" → ", "dim"),
                            _t(answer.target.title, "bold"),
                            (f"   level {answer.source.level} → {answer.target.level} ({steps})",
                             "magenta"))
    skills = Table(title="Skills", title_justify="left")
    skills.add_column("Skill")
    skills.add_column(Text.assemble(_t(answer.source.title)), no_wrap=True)
    skills.add_column(Text.assemble(_t(answer.target.title)), no_wrap=True)
    skills.add_column("Change")
    for item in answer.skills:
        style = CHANGE_STYLE[item.change]
        label = f"{CHANGE_MARK[item.change]} {item.change}"
        skills.add_row(_t(item.name), _level_cell(item.before), _level_cell(item.after),
                       Text(label, style))
    duties = Table(title="Responsibilities", title_justify="left")
    duties.add_column(Text.assemble("Only as ", _t(answer.source.title)), ratio=1,
                      vertical="top")
    duties.add_column(Text.assemble("Only as ", _t(answer.target.title)), ratio=1,
                      vertical="top")
    duties.add_row(_bullets(answer.only_source) or Text("none", "dim"),
                   _bullets(answer.only_target) or Text("none", "dim"))
    path = answer.path
    if path is None:
        route = Text.assemble("No path from ", _t(answer.source.title, "bold"), " to ",
                              _t(answer.target.title, "bold"), " in the data.")
    else:
        route = Text("Shortest path: ", "bold")
        for index, role_id in enumerate(path.roles):
            if index:
                arrow = PROMOTION if path.steps[index - 1].kind == "promotion" else LATERAL
                route.append(f" {arrow} ", "dim")
            route.append_text(_t(dataset.roles[role_id].title))
        route.append(f"\n{path.moves} move{'s' if path.moves != 1 else ''} · "
                     f"{typical(path.years)}", "dim")
    return Group(heading, Text(""), skills, duties, route)


def ladder(answer: GraphAnswer, dataset: Dataset) -> RenderableType:
    """The graph level by level, lowest first, each role with its moves out."""
    moves_out: dict[str, list[tuple[str, str]]] = {}
    for move in answer.progressions:
        moves_out.setdefault(move.source_id, []).append((move.target_id, move.kind))
    if answer.root is None:
        heading = Text(f"The career ladder: {len(answer.roles)} roles, "
                       f"{len(answer.progressions)} moves", "bold")
    else:
        heading = Text.assemble("Reachable from ", _t(answer.root.title, "bold"),
                                f": {len(answer.roles)} roles, "
                                f"{len(answer.progressions)} moves")
    legend = Text.assemble((PROMOTION, "green"), " promotion   ", (LATERAL, "yellow"),
                           " lateral move", style="dim")
    parts: list[RenderableType] = [heading, legend]
    for level, roles in groupby(answer.roles, key=lambda role: role.level):
        parts.append(Text(f"\nLevel {level}", "bold magenta"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column()
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
                cell.append(" ").append_text(_t(target.title))
                cell.append(f" ({target.level})", "magenta")
            title = _t(role.title, "bold" if role.id in moves_out else "")
            grid.add_row(Text("  ").append_text(title), cell or Text("·", "dim"))
        parts.append(grid)
    return Group(*parts)

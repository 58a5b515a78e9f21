"""The side-by-side comparison of two roles, for the terminal."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from careerpath.answers import Comparison
from careerpath.model import Dataset
from careerpath.render.layout import Responsive, card, cards
from careerpath.render.richtext import (
    CHANGE_MARK,
    CHANGE_STYLE,
    LATERAL,
    PROMOTION,
    bullets,
    data_text,
    typical,
)
from careerpath.wording import plural


def _level_cell(level: int | None) -> Text:
    if level is None:
        return Text("–", "dim")
    return Text.assemble(("●" * level, "green"), ("○" * (5 - level), "dim"), f" {level}")


def comparison(answer: Comparison, dataset: Dataset) -> RenderableType:
    change = answer.level_change
    direction = "up" if change > 0 else "down" if change < 0 else "same level"
    steps = f"{abs(change)} level{'s' if abs(change) != 1 else ''} {direction}" if change else \
        direction
    heading = Text.assemble(data_text(answer.source.title, "bold"), (" → ", "dim"),
                            data_text(answer.target.title, "bold"),
                            (f"   level {answer.source.level} → {answer.target.level} ({steps})",
                             "magenta"))
    skills: RenderableType = Responsive(_skills_table(answer), lambda: _skills_cards(answer)) \
        if answer.skills else Text("Skills: neither role lists any in the data", "dim")
    # Two columns of sentences narrower than about 30 columns each read badly.
    duties = Responsive(_duties_table(answer), lambda: _duties_cards(answer), min_width=70)
    return Group(heading, Text(""), skills, duties, _route(answer))


def _skills_table(answer: Comparison) -> Table:
    skills = Table(title="Skills", title_justify="left")
    skills.add_column("Skill")
    skills.add_column(Text.assemble(data_text(answer.source.title)), no_wrap=True)
    skills.add_column(Text.assemble(data_text(answer.target.title)), no_wrap=True)
    skills.add_column("Change")
    for item in answer.skills:
        style = CHANGE_STYLE[item.change]
        label = f"{CHANGE_MARK[item.change]} {item.change}"
        skills.add_row(data_text(item.name), _level_cell(item.before), _level_cell(item.after),
                       Text(label, style))
    return skills


def _skills_cards(answer: Comparison) -> RenderableType:
    items = []
    for item in answer.skills:
        line = Text.assemble(_level_cell(item.before), " → ", _level_cell(item.after), "  ",
                             (f"{CHANGE_MARK[item.change]} {item.change}",
                              CHANGE_STYLE[item.change]))
        items.append(card(data_text(item.name, "bold"), [line]))
    return cards(Text("Skills", "italic"), items)


def _duties_table(answer: Comparison) -> Table:
    duties = Table(title="Responsibilities", title_justify="left")
    duties.add_column(Text.assemble("Only as ", data_text(answer.source.title)), ratio=1,
                      vertical="top")
    duties.add_column(Text.assemble("Only as ", data_text(answer.target.title)), ratio=1,
                      vertical="top")
    duties.add_row(bullets(answer.only_source),
                   bullets(answer.only_target))
    return duties


def _duties_cards(answer: Comparison) -> RenderableType:
    return cards(Text("Responsibilities", "italic"), [
        card(Text.assemble("Only as ", data_text(answer.source.title, "bold")),
             [bullets(answer.only_source)]),
        card(Text.assemble("Only as ", data_text(answer.target.title, "bold")),
             [bullets(answer.only_target)])])


def _route(answer: Comparison) -> Text:
    path = answer.path
    if path is None:
        route = Text.assemble("No path from ", data_text(answer.source.title, "bold"), " to ",
                              data_text(answer.target.title, "bold"), " in the data.")
    else:
        route = Text("Shortest path: ", "bold")
        for index, role in enumerate(path.roles):
            if index:
                arrow = PROMOTION if path.steps[index - 1].move.kind == "promotion" else LATERAL
                route.append(f" {arrow} ", "dim")
            route.append_text(data_text(role.title))
        route.append(f"\n{plural(path.moves, 'move')} · {typical(path.years)}", "dim")
    return route

"""Terminal output with Rich.

Every piece of data text goes in as a `Text` object built by `_t`, never as a
markup string, and through `textsafe` first: a title like "[bold]x" or one
holding an escape sequence is shown exactly as written, and harmlessly.
"""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from careerpath.model import (
    EXPERIENCE_LEVELS,
    CareerPath,
    Dataset,
    Progression,
    Role,
    Years,
    proficiency_label,
)
from careerpath.queries import (
    Comparison,
    GraphAnswer,
    LevelsAnswer,
    NextAnswer,
    PathAnswer,
    RoleCard,
    RoleList,
    SearchAnswer,
    SkillsAnswer,
    skills_to_build,
)
from careerpath.render import Unsupported
from careerpath.textsafe import one_line, visible

PROMOTION = "━━▶"
LATERAL = "┄┄▷"
CHANGE_MARK = {"gained": "+", "raised": "↑", "same": "=", "lowered": "↓", "dropped": "−"}
CHANGE_STYLE = {"gained": "green", "raised": "cyan", "same": "dim", "lowered": "yellow",
                "dropped": "red"}


def _t(text: str | None, style: str = "", *, wrap: bool = False) -> Text:
    """Data text as a Rich Text: never parsed as markup, control characters made visible."""
    if text is None:
        return Text("")
    return Text(visible(text) if wrap else one_line(text), style=style)


def _role_line(role: Role) -> Text:
    line = Text.assemble(_t(role.title, "bold"), ("  ", ""), (f"level {role.level}", "magenta"))
    if role.track:
        line.append(" · ", "dim").append_text(_t(role.track, "dim"))
    return line


def _title_and_id(role: Role) -> Text:
    """A table cell: the title, and the id to type below it."""
    return Text.assemble(_t(role.title, "bold"), "\n", _t(role.id, "cyan"))


def typical(years: Years | None) -> str:
    return f"typically {years}" if years else "typical years not given"


def bar(level: int) -> Text:
    return Text.assemble(("●" * level, "green"), ("○" * (5 - level), "dim"))


def _bullets(items: tuple[str, ...] | list[str], style: str = "") -> Text:
    text = Text()
    for index, item in enumerate(items):
        if index:
            text.append("\n")
        text.append("• ", "dim").append_text(_t(item, style, wrap=True))
    return text


@singledispatch
def render(answer: Any, dataset: Dataset) -> RenderableType:
    raise Unsupported


@render.register
def _(answer: RoleList, dataset: Dataset) -> RenderableType:
    table = Table(title=f"{len(answer.roles)} roles", title_justify="left", expand=False)
    table.add_column("Level", justify="right", style="magenta")
    table.add_column("Role (id)")
    table.add_column("Track", style="dim")
    for role in answer.roles:
        table.add_row(str(role.level), _title_and_id(role), _t(role.track))
    return table


def _moves_text(moves: list[Progression], dataset: Dataset, outgoing: bool) -> Text:
    text = Text()
    for index, move in enumerate(moves):
        other = dataset.roles[move.target_id if outgoing else move.source_id]
        arrow = PROMOTION if move.kind == "promotion" else LATERAL
        if index:
            text.append("\n")
        text.append(f"{arrow} " if outgoing else "", "dim")
        text.append_text(_t(other.title, "bold")).append(f" (level {other.level})", "magenta")
        text.append(f" · {move.kind}", "dim")
        if move.years:
            text.append(f" · {typical(move.years)}", "dim")
    return text or Text("none", "dim")


@render.register
def _(answer: RoleCard, dataset: Dataset) -> RenderableType:
    role = answer.role
    parts: list[RenderableType] = []
    if role.summary:
        parts.append(_t(role.summary, wrap=True))
    if role.specialization_of:
        parent = dataset.roles[role.specialization_of]
        parts.append(Text("A kind of ", "dim").append_text(_t(parent.title, "bold")))

    def section(title: str, body: RenderableType) -> None:
        if parts:
            parts.append(Text(""))
        parts.append(Text(title, "bold underline"))
        parts.append(Padding(body, (0, 0, 0, 2), expand=False))

    if role.responsibilities:
        section("Responsibilities", _bullets(role.responsibilities))
    if any(role.activities.values()):
        section("Day to day, by experience", _levels_table(role))
    if role.skills:
        section("Skills", _skills_table(SkillsAnswer(role).ranked()))
    if role.outcomes:
        section("What the business gains", _bullets(role.outcomes))
    section("Moves into this role", _moves_text(answer.previous, dataset, outgoing=False))
    section("Moves out of this role", _moves_text(answer.next, dataset, outgoing=True))
    subtitle = Text(role.id, "cyan")
    if role.aliases:
        subtitle.append(" · also: ", "dim").append_text(_t(", ".join(role.aliases), "dim"))
    return Panel(Group(*parts), title=_role_line(role), title_align="left",
                 subtitle=subtitle, subtitle_align="left", expand=False, width=None)


def _skills_table(ranked: list[tuple[str, int]]) -> Table:
    table = Table.grid(padding=(0, 2))
    for name, level in ranked:
        table.add_row(_t(name), bar(level), Text(f"{level} {proficiency_label(level)}", "dim"))
    return table


def _step_details(path: CareerPath, index: int, dataset: Dataset) -> Table:
    move = path.steps[index]
    source, target = dataset.roles[move.source_id], dataset.roles[move.target_id]
    heading = Text(move.kind, "yellow" if move.kind == "lateral" else "green")
    if move.years:
        heading.append(f" · {typical(move.years)}", "dim")
    lines: list[RenderableType] = [heading]
    if move.note:
        lines.append(_t(move.note, "italic dim", wrap=True))
    build = skills_to_build(source, target)
    lines.append(Text("skills to build:" if build else "no new skills to build",
                      "bold" if build else "dim"))
    skills = Table.grid(padding=(0, 1))
    skills.add_column(width=3, justify="right")
    skills.add_column()
    skills.add_column(no_wrap=True, style="dim")
    for change in build:
        before = "new" if change.before is None else str(change.before)
        assert change.after is not None
        skills.add_row(Text(CHANGE_MARK[change.change], CHANGE_STYLE[change.change]),
                       _t(change.name),
                       f"{before} → {change.after} {proficiency_label(change.after)}")
    if build:
        lines.append(skills)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="center", style="dim")
    grid.add_column()
    height = 2 + len(build) + (1 if move.note else 0)
    grid.add_row("│\n" * (height - 1) + "▼", Group(*lines))
    return grid


def _path_view(path: CareerPath, dataset: Dataset) -> Group:
    lines: list[RenderableType] = []
    for index, role_id in enumerate(path.roles):
        role = dataset.roles[role_id]
        lines.append(Text.assemble((f"{index + 1:>2}. ", "bold cyan"), _role_line(role)))
        if index < path.moves:
            lines.append(_step_details(path, index, dataset))
    total = path.years
    lines.append(Text(f"{path.moves} move{'s' if path.moves != 1 else ''} · "
                      + (f"typically {total} in all" if total else
                         "typical years not in the data for every move"), "bold"))
    return Group(*lines)


@render.register
def _(answer: PathAnswer, dataset: Dataset) -> RenderableType:
    heading = Text.assemble(_t(answer.source.title, "bold"), (" → ", "dim"),
                            _t(answer.target.title, "bold"))
    parts: list[RenderableType] = [heading]
    for number, path in enumerate(answer.paths, 1):
        if len(answer.paths) > 1:
            parts.append(Text(f"\nPath {number} of {len(answer.paths)}", "bold underline"))
        parts.append(Text(""))
        parts.append(_path_view(path, dataset))
    return Group(*parts)


@render.register
def _(answer: NextAnswer, dataset: Dataset) -> RenderableType:
    table = Table(title=Text.assemble("Reachable from ", _t(answer.role.title, "bold"),
                                      f" within {answer.depth} move"
                                      + ("s" if answer.depth != 1 else "")),
                  title_justify="left")
    table.add_column("Moves", justify="right")
    table.add_column("Level", justify="right", style="magenta")
    table.add_column("Role (id)")
    table.add_column("First move", no_wrap=True)
    direct = {p.target_id: p for p in dataset.moves_out(answer.role.id)}
    with_years = any(p.years for p in direct.values())
    if with_years:
        table.add_column("Typical years", style="dim", no_wrap=True)
    for item in answer.reachable:
        role = dataset.roles[item.role_id]
        cells: list[Any] = [str(item.moves), str(role.level), _title_and_id(role),
                            Text(item.first_kind, "green" if item.first_kind == "promotion"
                                 else "yellow")]
        if with_years:
            move = direct.get(item.role_id) if item.moves == 1 else None
            cells.append(str(move.years) if move and move.years else "")
        table.add_row(*cells)
    return table


@render.register
def _(answer: SkillsAnswer, dataset: Dataset) -> RenderableType:
    title = Text.assemble("Skills of ", _t(answer.role.title, "bold"))
    if not answer.role.skills:
        return title.append(": none in the data")
    return Group(title, Padding(_skills_table(answer.ranked()), (0, 0, 0, 2), expand=False))


def _levels_table(role: Role) -> Table:
    table = Table(expand=False, show_lines=False)
    shown = [level for level in EXPERIENCE_LEVELS if role.activities.get(level)]
    for level in shown:
        table.add_column(level.capitalize(), ratio=1, vertical="top")
    table.add_row(*(_bullets(role.activities[level]) for level in shown))
    return table


@render.register
def _(answer: LevelsAnswer, dataset: Dataset) -> RenderableType:
    title = Text.assemble(_t(answer.role.title, "bold"), " day to day, as experience grows")
    return Group(title, _levels_table(answer.role))


@render.register
def _(answer: Comparison, dataset: Dataset) -> RenderableType:
    from careerpath.render.text_extra import comparison

    return comparison(answer, dataset)


@render.register
def _(answer: SearchAnswer, dataset: Dataset) -> RenderableType:
    count = len(answer.hits)
    table = Table(title=Text.assemble(f"{count} role{'s' if count != 1 else ''} matching “",
                                      _t(answer.text), "”"),
                  title_justify="left")
    table.add_column("Level", justify="right", style="magenta")
    table.add_column("Role (id)")
    table.add_column("Matched in", style="dim")
    for hit in answer.hits:
        table.add_row(str(hit.role.level), _title_and_id(hit.role), ", ".join(hit.matched))
    return table


@render.register
def _(answer: GraphAnswer, dataset: Dataset) -> RenderableType:
    from careerpath.render.text_extra import ladder

    return ladder(answer, dataset)

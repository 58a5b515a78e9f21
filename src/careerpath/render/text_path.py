"""A career path in the terminal.

Each move is one line that says what kind of move it is and where it goes,
with the skills that move asks to build indented under it; a summary closes
each path. Nothing is drawn in a side column, so wrapped lines at any width
never break the picture.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careerpath.answers import PathAnswer, PathDetail, PathStep, SkillGap
from careerpath.model import proficiency_label
from careerpath.render.layout import Responsive, card
from careerpath.render.richtext import KIND_STYLE, data_text, role_line
from careerpath.wording import plural

INDENT = 4


def _mark(gap: SkillGap) -> Text:
    return Text("+", "green") if gap.have is None else Text("↑", "cyan")


def _gap(gap: SkillGap) -> Text:
    have = "new" if gap.have is None else str(gap.have)
    return Text(f"{have} → {gap.need} {proficiency_label(gap.need)}", "bold")


def gap_table(gaps: list[SkillGap]) -> RenderableType:
    """`+ SEO   new → 3 working`: the mark, the skill, and the gap (never dimmed)."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=1)
    table.add_column()
    table.add_column(no_wrap=True)
    for gap in gaps:
        table.add_row(_mark(gap), data_text(gap.name), _gap(gap))

    def narrow() -> RenderableType:
        return Group(*(card(Text.assemble(_mark(gap), " ", data_text(gap.name)), [_gap(gap)])
                       for gap in gaps))
    return Responsive(table, narrow)


def _step(step: PathStep) -> RenderableType:
    move = step.move
    line = Text("→ ", "bold").append(move.kind, KIND_STYLE.get(move.kind, ""))
    line.append(" to ").append_text(data_text(step.target.title, "bold"))
    if move.years:
        line.append(f" · typically {move.years}", "dim")
    parts: list[RenderableType] = [line]
    if move.note:
        parts.append(Padding(data_text(move.note, "italic", wrap=True), (0, 0, 0, 2), expand=False))
    if step.skills:
        parts.append(Padding(Text("skills to build:"), (0, 0, 0, 2), expand=False))
        parts.append(Padding(gap_table(step.skills), (0, 0, 0, 4), expand=False))
    else:
        parts.append(Padding(Text("no new skills to build", "dim"), (0, 0, 0, 2), expand=False))
    return Padding(Group(*parts), (0, 0, 0, INDENT), expand=False)


def _summary(path: PathDetail, answer: PathAnswer) -> list[RenderableType]:
    years = (f"typically {path.years} in all" if path.years else
             "typical years not in the data for every move")
    lines: list[RenderableType] = [Text(f"{plural(path.moves, 'move')} · {years}", "bold")]
    start = (Text.assemble("your profile (", data_text(answer.profile), ")")
             if answer.profile else data_text(path.roles[0].title))
    if path.skills:
        lines.append(Text.assemble("Every skill to build from ", start,
                                   f" ({plural(len(path.skills), 'skill')}, "
                                   f"{plural(path.points, 'point')}):"))
        lines.append(Padding(gap_table(path.skills), (0, 0, 0, 2), expand=False))
    else:
        lines.append(Text.assemble("No skill to build beyond what ", start, " has."))
    return lines


def path_detail_view(path: PathDetail, answer: PathAnswer) -> Group:
    lines: list[RenderableType] = []
    for index, role in enumerate(path.roles):
        lines.append(Text.assemble((f"{index + 1:>2}. ", "bold cyan"), role_line(role)))
        if index < path.moves:
            lines.append(_step(path.steps[index]))
    lines.append(Text(""))
    lines += _summary(path, answer)
    return Group(*lines)


def count_line(answer: PathAnswer) -> Text:
    """How many paths are shown, and honestly whether more exist."""
    shown = plural(len(answer.paths), "path")
    if answer.stopped_early:
        return Text(f"Searched {plural(answer.examined, 'candidate')} and stopped: showing the "
                    f"{shown} found; more may exist.", "yellow")
    if answer.more:
        total = f" ({answer.total} in all)" if answer.total else ""
        return Text(f"{shown} shown; more exist{total}.")
    if answer.more is None and len(answer.paths) > 1:
        return Text(f"{shown}.")
    return Text(f"{shown}, all there are." if len(answer.paths) > 1 else "")


def _overview(answer: PathAnswer) -> Table:
    """One line per path: moves, years, and the titles joined by arrows."""
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="bold cyan")
    table.add_column()
    for number, path in enumerate(answer.paths, 1):
        points = f"{plural(path.points, 'point')}, " if answer.easiest else ""
        line = Text(f"{plural(path.moves, 'move')}, {points}"
                    f"{path.years if path.years else 'years not given'}: ", "bold")
        for index, role in enumerate(path.roles):
            if index:
                line.append(" → ", "dim")
            line.append_text(data_text(role.title))
        table.add_row(f"{number}.", line)
    return table


def path_view(answer: PathAnswer) -> RenderableType:
    heading = Text.assemble(data_text(answer.source.title, "bold"), (" → ", "dim"),
                            data_text(answer.target.title, "bold"))
    parts: list[RenderableType] = [heading]
    if answer.easiest:
        parts.append(Text("Ordered by the skill points to build (the easiest first).", "dim"))
    if answer.fastest and not answer.years_known:
        parts.append(Text("The data gives no typical years, so --fastest orders by moves.",
                          "yellow"))
    several = len(answer.paths) > 1
    count = count_line(answer)
    if count.plain:
        parts.append(count)
    if several:
        parts += [Text(""), _overview(answer)]
    for number, path in enumerate(answer.paths, 1):
        if several:
            parts.append(Text(f"\nPath {number} of {len(answer.paths)}", "bold underline"))
        parts.append(Text(""))
        parts.append(path_detail_view(path, answer))
    return Group(*parts)

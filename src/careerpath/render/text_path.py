"""A career path in the terminal.

Each move is one line that says what kind of move it is and where it goes,
with the skills that move asks to build indented under it; a summary closes
each path. Nothing is drawn in a side column, so wrapped lines at any width
never break the picture.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from careerpath.answers import MAX_PATHS, PathAnswer, PathDetail, PathStep, SkillGap
from careerpath.model import proficiency_label
from careerpath.render.layout import segments
from careerpath.render.richtext import KIND_STYLE, data_text, role_line
from careerpath.wording import capped_note, path_heading, plural

INDENT = 4


def _mark(gap: SkillGap) -> Text:
    return Text("+", "green") if gap.have is None else Text("↑", "cyan")


def _gap(gap: SkillGap) -> Text:
    have = "new" if gap.have is None else str(gap.have)
    return Text(f"{have} → {gap.need} {proficiency_label(gap.need)}", "bold")


Line = tuple[int, Text, int]  # indent, text, how much further a wrapped line hangs


class Lines:
    """Indented lines, each wrapped under its own indent (plus its hang) where it is too long.

    A path answer can run to thousands of lines (`path --all --limit 100`):
    drawing them as plain lines is several times faster than nesting Rich
    groups, paddings and tables, and reads the same.
    """

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        newline = Segment.line()
        plain = console.color_system is None  # no styles to draw: plain strings are enough
        for indent, text, hang in self.lines:
            pad = Segment(" " * indent) if indent else None
            if plain and indent + text.cell_len <= width:
                yield Segment(" " * indent + text.plain)
                yield newline
                continue
            if indent + text.cell_len <= width:
                if pad:
                    yield pad
                yield from segments(text, console)
                yield newline
                continue
            hanging = Segment(" " * (indent + hang))
            for index, part in enumerate(text.wrap(console, max(1, width - indent - hang))):
                if index:
                    yield hanging
                elif pad:
                    yield pad
                yield from segments(part, console)
                yield newline


def gap_lines(gaps: list[SkillGap], indent: int, width: int) -> list[Line]:
    """`+ SEO   new → 3 working`: mark, skill and gap aligned in columns where
    they fit the width, else each skill over its gap."""
    names = [data_text(gap.name) for gap in gaps]
    changes = [_gap(gap) for gap in gaps]
    name_width = max((name.cell_len for name in names), default=0)
    gap_width = max((change.cell_len for change in changes), default=0)
    aligned = indent + 2 + name_width + 1 + gap_width <= width
    lines: list[Line] = []
    for gap, name, change in zip(gaps, names, changes):
        line = Text.assemble(_mark(gap), " ", name)
        if aligned:
            lines.append((indent, line.append(" " * (name_width - name.cell_len + 1))
                          .append_text(change), 2))
        else:
            lines += [(indent, line, 2), (indent + 4, change, 0)]
    return lines


class PathDetailView:
    """One path: each role, the move out of it with its skills, then the summary."""

    def __init__(self, path: PathDetail, answer: PathAnswer) -> None:
        self.path = path
        self.answer = answer

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        lines: list[Line] = []
        for index, role in enumerate(self.path.roles):
            lines.append((0, Text.assemble((f"{index + 1:>2}. ", "bold cyan"), role_line(role)), 4))
            if index < self.path.moves:
                lines += _step(self.path.steps[index], width)
        lines.append((0, Text(""), 0))
        lines += _summary(self.path, self.answer, width)
        yield Lines(lines)


def _step(step: PathStep, width: int) -> list[Line]:
    move = step.move
    line = Text("→ ", "bold").append(move.kind, KIND_STYLE.get(move.kind, ""))
    line.append(" to ").append_text(data_text(step.target.title, "bold"))
    if move.years:
        line.append(f" · typically {move.years}", "dim")
    lines: list[Line] = [(INDENT, line, 2)]
    if move.note:
        lines += [(INDENT + 2, part, 0) for part in
                  data_text(move.note, "italic", wrap=True).split("\n")]
    if step.skills:
        lines.append((INDENT + 2, Text("skills to build:"), 0))
        lines += gap_lines(step.skills, INDENT + 4, width)
    else:
        lines.append((INDENT + 2, Text("no new skills to build", "dim"), 0))
    return lines


def _summary(path: PathDetail, answer: PathAnswer, width: int) -> list[Line]:
    years = (f"typically {path.years} in all" if path.years else
             "typical years not in the data for every move" if answer.years_known else
             "the data gives no typical years")
    lines: list[Line] = [(0, Text(f"{plural(path.moves, 'move')} · {years}", "bold"), 0)]
    start = (Text.assemble("your profile (", data_text(answer.profile), ")")
             if answer.profile else data_text(path.roles[0].title))
    if path.skills:
        lines.append((0, Text.assemble("Every skill to build from ", start,
                                       f" ({plural(len(path.skills), 'skill')}, "
                                       f"{plural(path.points, 'point')}):"), 0))
        lines += gap_lines(path.skills, 2, width)
    else:
        lines.append((0, Text.assemble("No skill to build beyond what ", start, " has."), 0))
    return lines


def count_line(answer: PathAnswer) -> Text:
    """How many paths are shown, and honestly whether more exist."""
    shown = plural(len(answer.paths), "path")
    if answer.stopped_early:
        easier = ", and an easier one" if answer.easiest else ""
        return Text(f"Searched {plural(answer.examined, 'candidate')} and stopped: showing the "
                    f"{shown} found; more may exist{easier}.", "yellow")
    total = f" ({answer.total:,} in all)" if answer.total else ""
    if answer.more and len(answer.paths) == 1:
        return Text(f"The best of several paths{total}; --all lists the others.", "dim")
    if answer.more:
        return Text(f"{shown} shown{capped_note(len(answer.paths), MAX_PATHS)}; more exist{total}.")
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
            numbered = path_heading(number, len(answer.paths), answer.total, answer.more)
            parts.append(Text(f"\n{numbered}", "bold underline"))
        parts.append(Text(""))
        parts.append(PathDetailView(path, answer))
    return Group(*parts)

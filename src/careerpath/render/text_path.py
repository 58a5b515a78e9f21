"""A career path in the terminal.

Each move is one line that says what kind of move it is and where it goes,
with the skills that move asks to build indented under it; a summary closes
each path. Nothing is drawn in a side column, so wrapped lines at any width
never break the picture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from careerpath.answers import MAX_PATHS, PathAnswer, PathDetail, PathStep, SkillGap
from careerpath.model import proficiency_label
from careerpath.render.layout import segments
from careerpath.render.richtext import KIND_STYLE, data_text, role_line_parts
from careerpath.textsafe import one_line
from careerpath.wording import capped_note, path_heading, plural

if TYPE_CHECKING:
    from rich.table import Table

INDENT = 4


Part = tuple[str, str]  # a piece of a line: its text and its style


class Parts:
    """A line as (text, style) pieces, styled as a whole by `style`: as cheap to build
    as tuples, and made into a Rich Text (the same one the pieces assemble to) only to
    draw it in colour or to wrap it; a file or a pipe needs neither."""

    __slots__ = ("parts", "style")

    def __init__(self, *parts: Part, style: str = "") -> None:
        self.parts, self.style = parts, style

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.parts)

    def text(self) -> Text:
        return Text.assemble(*self.parts, style=self.style)


def _mark(gap: SkillGap) -> Part:
    return ("+", "green") if gap.have is None else ("↑", "cyan")


def _gap(gap: SkillGap) -> Part:
    have = "new" if gap.have is None else str(gap.have)
    return (f"{have} → {gap.need} {proficiency_label(gap.need)}", "bold")


Line = tuple[int, Parts, int]  # indent, text, how much further a wrapped line hangs


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
        run: list[str] = []  # plain lines not yet given to Rich: one segment for them all
        for indent, parts, hang in self.lines:
            line = parts.plain
            if indent + cell_len(line) <= width:
                if plain:
                    run.append(" " * indent + line + "\n")
                    continue
                if indent:
                    yield Segment(" " * indent)
                yield from segments(parts.text(), console)
                yield newline
                continue
            if run:
                yield Segment("".join(run))
                run.clear()
            pad = Segment(" " * indent) if indent else None
            hanging = Segment(" " * (indent + hang))
            wrapped = parts.text().wrap(console, max(1, width - indent - hang))
            for index, part in enumerate(wrapped):
                if index:
                    yield hanging
                elif pad:
                    yield pad
                yield from segments(part, console)
                yield newline
        if run:
            yield Segment("".join(run))


def gap_lines(gaps: list[SkillGap], indent: int, width: int) -> list[Line]:
    """`+ SEO   new → 3 working`: mark, skill and gap aligned in columns where
    they fit the width, else each skill over its gap."""
    names = [one_line(gap.name) for gap in gaps]
    changes = [_gap(gap) for gap in gaps]
    name_width = max(map(cell_len, names), default=0)
    gap_width = max((cell_len(change) for change, _ in changes), default=0)
    aligned = indent + 2 + name_width + 1 + gap_width <= width
    lines: list[Line] = []
    for gap, name, change in zip(gaps, names, changes):
        if aligned:
            room = " " * (name_width - cell_len(name) + 1)
            lines.append((indent, Parts(_mark(gap), (" ", ""), (name, ""), (room, ""), change), 2))
        else:
            lines += [(indent, Parts(_mark(gap), (" ", ""), (name, "")), 2),
                      (indent + 4, Parts((change[0], ""), style=change[1]), 0)]
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
            lines.append((0, Parts((f"{index + 1:>2}. ", "bold cyan"), *role_line_parts(role)),
                          4))
            if index < self.path.moves:
                lines += _step(self.path.steps[index], width)
        lines.append((0, Parts(), 0))
        lines += _summary(self.path, self.answer, width)
        yield Lines(lines)


def _step(step: PathStep, width: int) -> list[Line]:
    move = step.move
    parts = [("→ ", ""), (move.kind, KIND_STYLE.get(move.kind, "")), (" to ", ""),
             (one_line(step.target.title), "bold")]
    if move.years:
        parts.append((f" · typically {move.years}", "dim"))
    lines: list[Line] = [(INDENT, Parts(*parts, style="bold"), 2)]
    if move.note:
        lines += [(INDENT + 2, Parts((part.plain, ""), style="italic"), 0) for part in
                  data_text(move.note, "italic", wrap=True).split("\n")]
    if step.skills:
        lines.append((INDENT + 2, Parts(("skills to build:", "")), 0))
        lines += gap_lines(step.skills, INDENT + 4, width)
    else:
        lines.append((INDENT + 2, Parts(("no new skills to build", ""), style="dim"), 0))
    return lines


def _summary(path: PathDetail, answer: PathAnswer, width: int) -> list[Line]:
    years = (f"typically {path.years} in all" if path.years else
             "typical years not in the data for every move" if answer.years_known else
             "the data gives no typical years")
    lines: list[Line] = [(0, Parts((f"{plural(path.moves, 'move')} · {years}", ""),
                                   style="bold"), 0)]
    start: list[Part] = ([("your profile (", ""), (one_line(answer.profile), ""), (")", "")]
                         if answer.profile else [(one_line(path.roles[0].title), "")])
    if path.skills:
        lines.append((0, Parts(("Every skill to build from ", ""), *start,
                               (f" ({plural(len(path.skills), 'skill')}, "
                                f"{plural(path.points, 'point')}):", "")), 0))
        lines += gap_lines(path.skills, 2, width)
    else:
        lines.append((0, Parts(("No skill to build beyond what ", ""), *start, (" has.", "")), 0))
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


class Overview:
    """One line per path: its number, then moves, years, and the titles joined by
    arrows, wrapped beside the number. Rich's grid draws it in colour; plain, the
    same lines are written directly (100 rows: 57 ms in the grid, 2 ms so)."""

    def __init__(self, answer: PathAnswer) -> None:
        self.rows = [(f"{number}.", _overview_line(path, answer.easiest))
                     for number, path in enumerate(answer.paths, 1)]

    def grid(self) -> Table:
        from rich.table import Table  # only in colour: 5 ms to import

        table = Table.grid(padding=(0, 1))
        table.add_column(justify="right", style="bold cyan")
        table.add_column()
        for number, line in self.rows:
            table.add_row(number, line.text())
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if console.color_system is not None:
            yield self.grid()
            return
        # The grid's layout: numbers right-justified, one space, then the line wrapped
        # in the rest of the width, as Rich narrows the only column wider than that.
        numbers = max(len(number) for number, _ in self.rows)
        room = options.max_width - numbers - 1
        drawn = []
        for number, line in self.rows:
            plain = line.plain
            wrapped = [plain] if cell_len(plain) <= room else [
                part.plain.rstrip() for part in line.text().wrap(console, room)]
            drawn.append(f"{number:>{numbers}} {wrapped[0]}\n")
            drawn += [f"{'':>{numbers}} {part}\n" for part in wrapped[1:]]
        yield Segment("".join(drawn))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.grid())


def _overview_line(path: PathDetail, easiest: bool) -> Parts:
    points = f"{plural(path.points, 'point')}, " if easiest else ""
    parts = [(f"{plural(path.moves, 'move')}, {points}"
              f"{path.years if path.years else 'years not given'}: ", "")]
    for index, role in enumerate(path.roles):
        if index:
            parts.append((" → ", "dim"))
        parts.append((one_line(role.title), ""))
    return Parts(*parts, style="bold")


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
        parts += [Text(""), Overview(answer)]
    for number, path in enumerate(answer.paths, 1):
        if several:
            numbered = path_heading(number, len(answer.paths), answer.total, answer.more)
            parts.append(Text(f"\n{numbered}", "bold underline"))
        parts.append(Text(""))
        parts.append(PathDetailView(path, answer))
    return Group(*parts)

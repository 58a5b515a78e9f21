"""Terminal views of a profile's fit: `match` and `gap`."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from careerpath.answers import GapAnswer, MatchAnswer, RoleFit, SkillGap
from careerpath.render.layout import Responsive, card, cards
from careerpath.render.richtext import data_text, title_and_id
from careerpath.render.text_path import Line, Lines, Parts
from careerpath.textsafe import one_line
from careerpath.wording import plural

TABLE_ROWS = 100  # above this, `match` is drawn as plain lines (5,000 rows: 8 s -> 0.2 s)


def percent(coverage: float) -> str:
    return f"{coverage * 100:.0f} %"


def gap_words(gaps: list[SkillGap], between: str = ", ") -> Text:
    text = Text()
    for index, item in enumerate(gaps):
        if index:
            text.append(between)
        have = "new" if item.have is None else str(item.have)
        text.append_text(data_text(item.name)).append(f" {have} → {item.need}", "bold")
    return text or Text("nothing", "dim")


def _fit_card(fit: RoleFit) -> Group:
    return card(data_text(fit.role.title, "bold"), [
        data_text(fit.role.id, "cyan"),
        Text.assemble((percent(fit.coverage), "bold green"), " covered · ",
                      (plural(fit.points, "point"), "bold"), " to build · ",
                      (f"level {fit.role.level}", "magenta")),
        Text.assemble(("largest gaps: ", "dim"), gap_words(fit.gaps))])


def _fit_lines(fit: RoleFit) -> list[Line]:
    """A card as plain lines, each one style: building styled spans costs more than
    drawing them when there are thousands of roles."""
    gaps = ", ".join(f"{one_line(g.name)} {'new' if g.have is None else g.have} → {g.need}"
                     for g in fit.gaps) or "nothing"
    return [(0, Parts((one_line(fit.role.title), ""), style="bold"), 0),
            (2, Parts((one_line(fit.role.id), ""), style="cyan"), 0),
            (2, Parts((f"{percent(fit.coverage)} covered · {plural(fit.points, 'point')} to "
                       f"build · level {fit.role.level}", "")), 0),
            (2, Parts((f"largest gaps: {gaps}", "")), 2)]


def match_view(answer: MatchAnswer) -> RenderableType:
    title = Text.assemble("Roles by how much of them your skills cover (",
                          data_text(answer.profile), ")")
    if len(answer.fits) > TABLE_ROWS:  # Rich lays a table out in O(rows x columns): lines
        return Group(title, Lines([line for fit in answer.fits for line in _fit_lines(fit)]))
    table = Table(title=title, title_justify="left")
    table.add_column("Covered", justify="right", style="bold green")
    table.add_column("Role (id)", no_wrap=True)  # too narrow: cards
    table.add_column("Level", justify="right", style="magenta")
    table.add_column("To build", justify="right")
    table.add_column("Largest gaps")
    for fit in answer.fits:
        table.add_row(percent(fit.coverage), title_and_id(fit.role), str(fit.role.level),
                      plural(fit.points, "point"), gap_words(fit.gaps, "\n"))
    return Responsive(table, lambda: cards(title, [_fit_card(fit) for fit in answer.fits]))


def gap_view(answer: GapAnswer) -> RenderableType:
    role = answer.role
    heading = Text.assemble("Your skills against ", data_text(role.title, "bold"),
                            (f" (level {role.level})", "magenta"))
    table = Table(title="What the role asks for", title_justify="left")
    table.add_column("Skill")
    table.add_column("Have", justify="right")
    table.add_column("Need", justify="right")
    table.add_column("Gap", justify="right", style="bold")
    for item in answer.skills:
        table.add_row(data_text(item.name), "–" if item.have is None else str(item.have),
                      str(item.need), str(item.gap) if item.gap else Text("0", "dim"))

    def narrow() -> RenderableType:
        return cards(Text("What the role asks for", "italic"), [
            card(data_text(item.name, "bold"), [Text(
                f"have {'–' if item.have is None else item.have} · need {item.need} · "
                f"gap {item.gap}")]) for item in answer.skills])
    total = sum(item.gap for item in answer.skills)
    summary = Text(f"{plural(total, 'point')} to build" if total else
                   "You cover every skill the role asks for.", "bold")
    extra = Text.assemble(("You also have: ", "dim"), Text(", ").join(
        Text.assemble(data_text(name), f" {level}") for name, level in answer.extra)
        if answer.extra else Text("nothing beyond what the role asks for", "dim"))
    return Group(heading, Text(""), Responsive(table, narrow), summary, extra)

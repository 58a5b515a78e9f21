"""Terminal output with Rich: one view per answer (the larger ones in text_path,
text_compare and text_ladder). Data text always goes through `richtext.data_text`."""

from __future__ import annotations

from functools import singledispatch
from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.text import Text

from careerpath.answers import (
    Comparison,
    GapAnswer,
    GraphAnswer,
    LevelsAnswer,
    MatchAnswer,
    NextAnswer,
    PathAnswer,
    RoleCard,
    RoleList,
    SearchAnswer,
    SkillsAnswer,
    ranked_skills,
)
from careerpath.model import EXPERIENCE_LEVELS, Dataset, Progression, Role
from careerpath.render.layout import Hanging, Responsive, card, cards
from careerpath.render.richtext import (
    LATERAL,
    PROMOTION,
    bullets,
    data_text,
    role_line,
    skills_table,
    title_and_id,
    typical,
)
from careerpath.wording import plural

if TYPE_CHECKING:
    from rich.table import Table

# rich.table, rich.padding and rich.panel are imported by the views that draw them:
# a path draws none, and rich.table alone takes 5 ms to import (its fractions).


@singledispatch
def render(answer: Any, dataset: Dataset) -> RenderableType:
    raise TypeError(f"no renderer for {type(answer).__name__}")


@render.register
def _(answer: RoleList, dataset: Dataset) -> RenderableType:
    from rich.table import Table

    title = Text(plural(len(answer.roles), "role"), "italic")
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("Level", justify="right", style="magenta")
    table.add_column("Role (id)", no_wrap=True)  # too narrow: cards
    table.add_column("Also called")
    table.add_column("Track", style="dim")
    for role in answer.roles:
        table.add_row(str(role.level), title_and_id(role), _aliases(role), data_text(role.track))

    def narrow() -> RenderableType:
        return cards(title, (role_card_lines(role) for role in answer.roles))
    return Responsive(table, narrow)


def _aliases(role: Role) -> Text:
    return data_text(", ".join(role.aliases))


def role_card_lines(role: Role, *extra: Text) -> Group:
    """A role as a stacked card: title, then the id to type, level, track, aliases."""
    facts = Text.assemble((f"level {role.level}", "magenta"))
    if role.track:
        facts.append(" · ", "dim").append_text(data_text(role.track, "dim"))
    details: list[RenderableType] = [data_text(role.id, "cyan"), facts]
    if role.aliases:
        details.append(Text("also: ", "dim").append_text(_aliases(role)))
    return card(data_text(role.title, "bold"), [*details, *extra])


def _moves_text(moves: list[Progression], dataset: Dataset, outgoing: bool) -> RenderableType:
    """One line a move, its note and sources under it, each wrapped under its own indent."""
    rows: list[tuple[Text, Text, int]] = []
    detail = Text("    ")
    for move in moves:
        other = dataset.roles[move.target_id if outgoing else move.source_id]
        arrow = PROMOTION if move.kind == "promotion" else LATERAL
        line = Text.assemble(data_text(other.title, "bold"), (f" (level {other.level})", "magenta"),
                             (f" · {move.kind}", "dim"))
        if move.years:
            line.append(f" · {typical(move.years)}", "dim")
        rows.append((Text(f"{arrow} " if outgoing else "", "dim"), line, 4))
        if move.note:
            rows.append((detail, data_text(move.note, "italic", wrap=True), 4))
        if move.modelled:
            rows.append((detail, Text("the dataset's own modelling, not stated by the sources",
                                      "dim"), 4))
        for cited in dataset.citations(move.source):
            rows.append((detail, Text("source: ", "dim").append_text(data_text(cited, "dim")), 4))
    return Hanging(rows) if rows else Text("none", "dim")


def proficiency_note(dataset: Dataset) -> Text | None:
    """The dataset's own word on where its proficiency numbers come from."""
    said = dataset.framework.proficiency
    return data_text(said, "dim italic", wrap=True) if said else None


@render.register
def _(answer: RoleCard, dataset: Dataset) -> RenderableType:
    from rich.padding import Padding
    from rich.panel import Panel

    role = answer.role
    parts: list[RenderableType] = []
    if role.summary:
        parts.append(data_text(role.summary, wrap=True))
    if role.specialization_of:
        parent = dataset.roles[role.specialization_of]
        parts.append(Text("A kind of ", "dim").append_text(data_text(parent.title, "bold")))

    def section(title: str, body: RenderableType) -> None:
        if parts:
            parts.append(Text(""))
        parts.append(Text(title, "bold underline"))
        parts.append(Padding(body, (0, 0, 0, 2), expand=False))

    if role.responsibilities:
        section("Responsibilities", bullets(role.responsibilities))
    if any(role.activities.values()):
        section("Day to day, by experience", _levels_table(role))
    if role.skills:
        note = proficiency_note(dataset)
        section("Skills", Group(skills_table(ranked_skills(role)), *([note] if note else [])))
    if role.outcomes:
        section("What the business gains", bullets(role.outcomes))
    section("Moves into this role", _moves_text(answer.previous, dataset, outgoing=False))
    section("Moves out of this role", _moves_text(answer.next, dataset, outgoing=True))
    cited = dataset.citations(role.source, modelled=role.modelled)
    if cited:
        section("Sources", bullets(cited))
    # The heading goes inside the box, where it wraps, not in its border, where
    # a narrow terminal would cut it.
    names = Text.assemble(("id: ", "dim"), data_text(role.id, "cyan"))
    if role.aliases:
        names.append(" · also: ", "dim").append_text(_aliases(role))
    heading = [role_line(role), names, Text("")]
    return Panel(Group(*heading, *parts), expand=False, width=None)


@render.register
def _(answer: PathAnswer, dataset: Dataset) -> RenderableType:
    from careerpath.render.text_path import path_view

    note = proficiency_note(dataset)
    return Group(path_view(answer), note) if note else path_view(answer)


@render.register
def _(answer: NextAnswer, dataset: Dataset) -> RenderableType:
    from rich.table import Table

    title = Text.assemble("Reachable from ", data_text(answer.role.title, "bold"),
                          f" within {plural(answer.depth, 'move')}")
    table = Table(title=title, title_justify="left")
    table.add_column("Moves", justify="right")
    table.add_column("Level", justify="right", style="magenta")
    table.add_column("Role (id)", no_wrap=True)  # too narrow: cards
    table.add_column("First move", no_wrap=True)
    direct = {p.target_id: p for p in dataset.moves_out(answer.role.id)}
    with_years = any(p.years for p in direct.values())

    def years(item: Any) -> str:
        move = direct.get(item.role_id) if item.moves == 1 else None
        return f" · typically {move.years}" if move and move.years else ""

    if with_years:
        table.add_column("Typical years", style="dim", no_wrap=True)
    for item in answer.reachable:
        role = dataset.roles[item.role_id]
        cells: list[Any] = [str(item.moves), str(role.level), title_and_id(role),
                            Text(item.first_kind, "green" if item.first_kind == "promotion"
                                 else "yellow")]
        if with_years:
            cells.append(years(item).removeprefix(" · typically "))
        table.add_row(*cells)

    def narrow() -> RenderableType:  # every column of the table, as a card
        return cards(title, (role_card_lines(
            dataset.roles[item.role_id],
            Text(f"{plural(item.moves, 'move')} away · first move: {item.first_kind}"
                 f"{years(item)}")) for item in answer.reachable))
    return Responsive(table, narrow)


@render.register
def _(answer: SkillsAnswer, dataset: Dataset) -> RenderableType:
    title = Text.assemble("Skills of ", data_text(answer.role.title, "bold"))
    if not answer.role.skills:
        return title.append(": none in the data")
    from rich.padding import Padding

    note = proficiency_note(dataset)
    return Group(title, Padding(skills_table(answer.ranked), (0, 0, 0, 2), expand=False),
                 *([note] if note else []))


def _levels_table(role: Role) -> RenderableType:
    """Entry, mid and senior side by side where they fit, else one under another."""
    from rich.table import Table

    table: Table = Table(expand=False, show_lines=False)
    shown = [level for level in EXPERIENCE_LEVELS if role.activities.get(level)]
    for level in shown:
        table.add_column(level.capitalize(), ratio=1, vertical="top")
    table.add_row(*(bullets(role.activities[level]) for level in shown))

    def narrow() -> RenderableType:
        return cards(None, (card(Text(level.capitalize(), "bold"), [bullets(role.activities[level])])
                            for level in shown))
    # Side by side only where each column gets about 22 cells of text.
    return Responsive(table, narrow, min_width=25 * len(shown) + 1)


@render.register
def _(answer: LevelsAnswer, dataset: Dataset) -> RenderableType:
    title = Text.assemble(data_text(answer.role.title, "bold"), " day to day, as experience grows")
    return Group(title, _levels_table(answer.role))


@render.register
def _(answer: Comparison, dataset: Dataset) -> RenderableType:
    from careerpath.render.text_compare import comparison

    note = proficiency_note(dataset)
    return Group(comparison(answer, dataset), note) if note else comparison(answer, dataset)


@render.register
def _(answer: SearchAnswer, dataset: Dataset) -> RenderableType:
    from rich.table import Table

    count = len(answer.hits)
    title = Text.assemble(f"{plural(count, 'role')} matching “", data_text(answer.text), "”")
    table = Table(title=title, title_justify="left")
    table.add_column("Level", justify="right", style="magenta")
    table.add_column("Role (id)", no_wrap=True)  # too narrow: cards
    table.add_column("Matched in", style="dim")
    for hit in answer.hits:
        table.add_row(str(hit.role.level), title_and_id(hit.role), ", ".join(hit.matched))

    def narrow() -> RenderableType:
        return cards(title, (role_card_lines(hit.role, Text("matched in " + ", ".join(hit.matched),
                                                             "dim")) for hit in answer.hits))
    return Responsive(table, narrow)


@render.register
def _(answer: GraphAnswer, dataset: Dataset) -> RenderableType:
    from careerpath.render.text_ladder import ladder

    return ladder(answer, dataset)


@render.register
def _(answer: MatchAnswer, dataset: Dataset) -> RenderableType:
    from careerpath.render.text_me import match_view

    return match_view(answer)


@render.register
def _(answer: GapAnswer, dataset: Dataset) -> RenderableType:
    from careerpath.render.text_me import gap_view

    return gap_view(answer)

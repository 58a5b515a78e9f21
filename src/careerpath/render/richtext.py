"""The pieces every terminal view is built from.

Every piece of data text goes in as a `Text` object built by `data_text`, never
as a markup string, and through `textsafe` first: a title like "[bold]x" or one
holding an escape sequence is shown exactly as written, and harmlessly.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from careerpath.model import Role, Years, proficiency_label
from careerpath.render.layout import Hanging, Responsive, card
from careerpath.textsafe import one_line, visible

PROMOTION = "━━▶"
LATERAL = "┄┄▷"
CHANGE_MARK = {"gained": "+", "raised": "↑", "same": "=", "lowered": "↓", "dropped": "−"}
CHANGE_STYLE = {"gained": "green", "raised": "cyan", "same": "dim", "lowered": "yellow",
                "dropped": "red"}
KIND_STYLE = {"promotion": "green", "lateral": "yellow"}


def data_text(text: str | None, style: str = "", *, wrap: bool = False) -> Text:
    """Data text as a Rich Text: never parsed as markup, control characters made visible."""
    if text is None:
        return Text("")
    return Text(visible(text) if wrap else one_line(text), style=style)


def role_line(role: Role) -> Text:
    return Text.assemble(*role_line_parts(role))


def role_line_parts(role: Role) -> list[tuple[str, str]]:
    """A role's title, level and track as (text, style) pieces."""
    parts = [(one_line(role.title), "bold"), ("  ", ""), (f"level {role.level}", "magenta")]
    if role.track:
        parts += [(" · ", "dim"), (one_line(role.track), "dim")]
    return parts


def title_and_id(role: Role) -> Text:
    """A table cell: the title, and the id to type below it."""
    return Text.assemble(data_text(role.title, "bold"), "\n", data_text(role.id, "cyan"))


def typical(years: Years | None) -> str:
    return f"typically {years}" if years else "typical years not given"


def bar(level: int) -> Text:
    return Text.assemble(("●" * level, "green"), ("○" * (5 - level), "dim"))


def bullets(items: tuple[str, ...] | list[str], style: str = "") -> RenderableType:
    """One bullet an item, a wrapped item hanging under its first word; `none` if empty."""
    if not items:
        return Text("none", "dim")
    return Hanging((Text("• ", "dim"), data_text(item, style, wrap=True)) for item in items)


def skills_table(ranked: list[tuple[str, int]]) -> RenderableType:
    """Skill, bar and label in columns; each skill over its bar where too narrow."""
    from rich.table import Table  # here: a path view needs none (5 ms to import)

    table = Table.grid(padding=(0, 2))
    for name, level in ranked:
        table.add_row(data_text(name), bar(level),
                      Text(f"{level} {proficiency_label(level)}", "dim"))

    def narrow() -> RenderableType:
        return Group(*(card(data_text(name), [Text.assemble(
            bar(level), "  ", (f"{level} {proficiency_label(level)}", "dim"))])
            for name, level in ranked))
    return Responsive(table, narrow)

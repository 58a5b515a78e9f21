"""Shell completion of role names (bash, zsh, fish through Typer's machinery).

`careerpath show sen<TAB>` offers the roles one of whose names (id, title,
alias) starts with what was typed: the id where it matches, else that name as
one word; each with the role's title as the description (zsh, fish). The
dataset comes from the cache, so completing stays fast on large datasets.
"""

from __future__ import annotations

import os
from typing import Any

MAX_CANDIDATES = 200


def complete_role(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """(word to type, title) for every role one of whose names starts with `incomplete`."""
    from careerpath.errors import CareerPathError
    from careerpath.loader import role_names

    root = ctx.find_root() if ctx is not None else None
    params = getattr(root, "params", {}) or {}
    try:
        roles = role_names(params.get("data") or os.environ.get("CAREERPATH_DATA") or None)
    except (CareerPathError, OSError):
        return []  # a broken dataset offers nothing; the command itself will say why
    offers: dict[str, tuple[str, str]] = {}
    for role_id, title, aliases in roles:
        for name in (role_id, title, *aliases):
            word = typed_form(name, incomplete)
            if word is not None:
                offers.setdefault(role_id, (word, title))
                break
    from careerpath.textsafe import one_line

    return [(word, one_line(title)) for word, title in sorted(offers.values())[:MAX_CANDIDATES]]


def typed_form(name: str, incomplete: str) -> str | None:
    """`name` as one shell word starting with exactly what was typed, or None.

    Shells keep only candidates that start with the typed text, so a title is
    offered with dashes for spaces (`Senior-Ecommerce-Manager`), which the
    lookup reads as the same name, and with the user's own prefix.
    """
    # With a space typed (inside quotes) the name is offered as written.
    word = name if " " in incomplete else "-".join(name.split())
    if word.startswith(incomplete):
        return word
    if word.casefold().startswith(incomplete.casefold()):
        return incomplete + word[len(incomplete):]
    return None


def plain_completion_help() -> None:
    """zsh and fish show each role's title beside it; Typer (< 0.29) passes that text
    through Rich's markup renderer, which costs importing Rich (and rendering every
    title) and would read a title like `[bold]x` as markup. Our help texts hold no
    markup (`rich_markup_mode=None`), so they are shown as they are."""
    import typer._completion_classes as classes

    if hasattr(classes, "_sanitize_help_text"):
        classes._sanitize_help_text = _as_written


def _as_written(text: str) -> str:
    return text

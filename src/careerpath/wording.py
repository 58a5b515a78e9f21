"""Small pieces of English shared by every output: counts with the right plural."""

from __future__ import annotations


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """`1 role`, `2 roles`, `0 roles`; `plural_form` for irregular nouns."""
    word = noun if count == 1 else (plural_form or noun + "s")
    return f"{count:,} {word}"


def capped_note(shown: int, most: int) -> str:
    """` (at most 1,000 at once)` when `shown` reached the cap on paths, else ``."""
    return f" (at most {most:,} at once)" if shown >= most else ""


def path_heading(number: int, shown: int, total: int | None, more: bool | None) -> str:
    """`Path 1 of 56` when the total is known; otherwise it says only what is shown,
    and whether more exist (`Path 1 of 10 shown, more exist`)."""
    if total is not None and total >= shown:
        return f"Path {number:,} of {total:,}"
    if more:
        return f"Path {number:,} of {shown:,} shown, more exist"
    if more is None:
        return f"Path {number:,} of {shown:,} shown, more may exist"
    return f"Path {number:,} of {shown:,}"

"""Small pieces of English shared by every output: counts with the right plural."""

from __future__ import annotations


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """`1 role`, `2 roles`, `0 roles`; `plural_form` for irregular nouns."""
    word = noun if count == 1 else (plural_form or noun + "s")
    return f"{count} {word}"

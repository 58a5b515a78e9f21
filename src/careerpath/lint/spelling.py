"""The skill-spelling rule: one skill written two ways across the dataset."""

from __future__ import annotations

import re
from collections.abc import Iterator

from careerpath.lint.base import Context, Finding

_NOT_WORD = re.compile(r"[\W_]+")


def _normal(name: str) -> str:
    """Case, spacing and punctuation removed: `Web-Analytics` == `web analytics`."""
    return " ".join(_NOT_WORD.sub(" ", name.casefold()).split())


def _allowed_edits(text: str) -> int:
    """Short names differ meaningfully by one letter (SEO, SEM); long ones less so."""
    if len(text) < 5:
        return 0
    return 1 if len(text) < 16 else 2


def within(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance (insert, delete, substitute) of a and b is <= limit."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char != other)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def _same_skill(a: str, b: str) -> bool:
    first, second = _normal(a), _normal(b)
    if first == second:
        return True
    limit = min(_allowed_edits(first), _allowed_edits(second))
    return limit > 0 and within(first.replace(" ", ""), second.replace(" ", ""), limit)


def skill_spelling(ctx: Context) -> Iterator[Finding]:
    users: dict[str, list[str]] = {}  # spelling -> role ids, in data order
    for role in ctx.dataset.roles.values():
        for name in role.skills:
            users.setdefault(name, []).append(role.id)
    names = list(users)
    for index, name in enumerate(names):
        for other in names[index + 1:]:
            if not _same_skill(name, other):
                continue
            # Report the less used spelling at each place it is written (ties: the later one).
            rare, common = (other, name) if len(users[other]) <= len(users[name]) else (name, other)
            for role_id in users[rare]:
                count = len(users[common])
                yield Finding(ctx.where.skill(role_id, rare),
                              f"skill '{rare}' is probably '{common}' spelled another way "
                              f"(as {count} role{'s' if count > 1 else ''} write it)")

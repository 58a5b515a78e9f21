"""The skill-spelling rule: one skill written two ways across the dataset."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations

from careerpath.lint.base import Context, Finding

# Punctuation and spacing do not tell skills apart, except + and # (C, C++, C#).
_NOT_WORD = re.compile(r"[^\w+#]+|_+")
_DIGITS = re.compile(r"\d+")


def _normal(name: str) -> str:
    """Case, spacing and punctuation removed: `Web-Analytics` == `web analytics`."""
    return " ".join(_NOT_WORD.sub(" ", name.casefold()).split())


def allowed_edits(text: str) -> int:
    """Short names differ meaningfully by one letter (SEO, SEM; Design, Resign)."""
    if len(text) < 8:
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


def _deletions(text: str, depth: int) -> set[str]:
    """`text` with up to `depth` characters deleted: two texts within `depth` edits
    share one of these, so only such pairs need the full comparison."""
    found, frontier = {text}, {text}
    for _ in range(depth):
        frontier = {word[:i] + word[i + 1:] for word in frontier for i in range(len(word))}
        found |= frontier
    return found


def same_skill(first: str, second: str) -> bool:
    """Normalised names already compared: the same, or a letter or two apart with the
    same first letter and the same numbers (`Skill 1` and `Skill 2` differ)."""
    a, b = first.replace(" ", ""), second.replace(" ", "")
    if a == b:
        return True
    limit = min(allowed_edits(a), allowed_edits(b))
    return (limit > 0 and a[0] == b[0] and _DIGITS.findall(a) == _DIGITS.findall(b)
            and within(a, b, limit))


def _candidates(names: list[str]) -> set[tuple[int, int]]:
    """Pairs of indexes into `names` (normalised) that may be one skill."""
    buckets: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        squeezed = name.replace(" ", "")
        for variant in _deletions(squeezed, allowed_edits(squeezed)):
            buckets.setdefault(variant, []).append(index)
    return {pair for members in buckets.values() for pair in combinations(members, 2)}


def skill_spelling(ctx: Context) -> Iterator[Finding]:
    users: dict[str, list[str]] = {}  # spelling -> role ids, in data order
    for role in ctx.dataset.roles.values():
        for name in role.skills:
            users.setdefault(name, []).append(role.id)
    names = list(users)
    normal = [_normal(name) for name in names]
    likely: dict[str, str] = {}  # a spelling -> the most used one it probably is
    for i, j in sorted(_candidates(normal)):
        if not same_skill(normal[i], normal[j]):
            continue
        name, other = names[i], names[j]
        # The less used spelling is the suspect (ties: the later one).
        rare, common = (other, name) if len(users[other]) <= len(users[name]) else (name, other)
        if rare not in likely or len(users[common]) > len(users[likely[rare]]):
            likely[rare] = common  # one report per spelling: against its most used match
    order = {name: place for place, name in enumerate(names)}
    for rare in sorted(likely, key=order.__getitem__):
        common = likely[rare]
        count = len(users[common])
        for role_id in users[rare]:
            yield Finding(ctx.where.skill(role_id, rare),
                          f"skill '{rare}' is probably '{common}' spelled another way "
                          f"(as {count} role{'s write' if count > 1 else ' writes'} it)")

"""Strict checking of a decoded cache entry: any shape or type mismatch means "no entry".

An entry is only read from a folder the user owns (see cache.py), but it may
still be damaged (a full disk, a crash, a hand edit). Everything the rest of
careerpath relies on is checked here, field by field, so a damaged entry can
never cause a traceback later, nor a graph that validation would refuse
(unknown roles, self-loops, duplicate moves, a promotion that does not go up).
"""

from __future__ import annotations

import math
from typing import Any

from careerpath.model import EXPERIENCE_LEVELS, MOVE_KINDS

_KEYS = {"format", "hash", "files", "roles", "progressions", "names", "framework", "sources"}


def _is_int(value: Any, low: int, high: int | None = None) -> bool:
    return type(value) is int and value >= low and (high is None or value <= high)


def _is_text(value: Any) -> bool:
    return type(value) is str


def _is_optional_text(value: Any) -> bool:
    return value is None or type(value) is str


def _is_texts(value: Any) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


def _role_ok(values: Any) -> bool:
    if type(values) is not list or len(values) != 13:
        return False
    (role_id, title, level, aliases, track, summary, duties, activities, skills, parent,
     outcomes, source, modelled) = values
    return (_is_text(role_id) and role_id != "" and _is_text(title) and _is_int(level, 1)
            and _is_texts(aliases) and _is_optional_text(track) and _is_optional_text(summary)
            and _is_texts(duties) and type(activities) is dict
            and all(key in EXPERIENCE_LEVELS and _is_texts(items)
                    for key, items in activities.items())
            and type(skills) is dict and all(_is_int(v, 1, 5) for v in skills.values())
            and _is_optional_text(parent) and _is_texts(outcomes) and _is_texts(source)
            and type(modelled) is bool)


def _all_years_ok(years: tuple[Any, ...]) -> bool:
    """Each is null or [min, max], finite, 0 <= min <= max."""
    ranges = [value for value in years if value is not None]
    if not all(type(value) is list and len(value) == 2 for value in ranges):
        return False
    if not ranges:
        return True
    lows, highs = zip(*ranges)
    # NaN fails every comparison; infinity fails `< inf`.
    return {type(v) for v in lows + highs} <= {int, float} and all(
        0 <= low <= high < math.inf for low, high in ranges)


def _moves_ok(moves: Any, levels: dict[str, int]) -> bool:
    """Every move joins two known roles, once, never a role to itself, and a
    promotion goes up a level. Column by column: 20,000 moves cost a few ms."""
    if type(moves) is not list or not all(type(v) is list and len(v) == 7 for v in moves):
        return False
    if not moves:
        return True
    sources, targets, kinds, years, notes, origins, modelled = zip(*moves)
    pairs = set(zip(sources, targets))
    return (set(sources) <= levels.keys() and set(targets) <= levels.keys()
            and len(pairs) == len(moves) and not any(a == b for a, b in pairs)
            and set(kinds) <= set(MOVE_KINDS)
            and _all_years_ok(years)
            and {type(text) for text in notes} <= {str, type(None)}
            and all(_is_texts(cited) for cited in origins)
            and {type(flag) for flag in modelled} <= {bool}
            and all(levels[target] > levels[source]
                    for source, target, kind in zip(sources, targets, kinds)
                    if kind == "promotion"))


def _names_ok(names: Any, levels: dict[str, int]) -> bool:
    return type(names) is dict and all(
        type(ids) is list and ids and all(type(i) is str and i in levels for i in ids)
        for ids in names.values())


def check_entry(stored: Any, form: int, digest: str, files: list[str]) -> bool:
    """True if `stored` (decoded JSON) is a complete, consistent entry for these files."""
    if type(stored) is not dict or set(stored) != _KEYS or stored["format"] != form \
            or stored["hash"] != digest or stored["files"] != files:
        return False
    roles = stored["roles"]
    if type(roles) is not list or not roles or not all(_role_ok(values) for values in roles):
        return False
    levels = {values[0]: values[2] for values in roles}
    if len(levels) != len(roles):  # a duplicate id
        return False
    if any(values[9] is not None and (values[9] not in levels or values[9] == values[0])
           for values in roles):
        return False
    return (_moves_ok(stored["progressions"], levels) and _names_ok(stored["names"], levels)
            and _framework_ok(stored["framework"]) and _sources_ok(stored["sources"]))


def _framework_ok(values: Any) -> bool:
    return type(values) is list and len(values) == 3 and all(map(_is_optional_text, values))


def _sources_ok(sources: Any) -> bool:
    return type(sources) is list and all(
        type(values) is list and len(values) == 6 and _is_text(values[0])
        and _is_text(values[1]) and all(map(_is_optional_text, values[2:]))
        for values in sources)

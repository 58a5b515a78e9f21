"""Strict checking of a cache entry: any shape or type mismatch means "no entry".

An entry is only read from a folder the user owns (see cache.py), but it may
still be damaged (a full disk, a crash, a hand edit). Everything the rest of
careerpath relies on is checked here, field by field, so a damaged entry can
never cause a traceback later. The graph is checked in bulk and by a CRC-32
(see ids_ok, moves_ok); each role's text field by field when it is decoded.
"""

from __future__ import annotations

import math
import operator
import sys
from array import array
from collections.abc import Mapping
from itertools import chain
from typing import Any

from careerpath.model import EXPERIENCE_LEVELS, NO_YEARS


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


def role_ok(values: Any, role_id: str, known: Mapping[str, int]) -> bool:
    """One role's values as decoded from an entry: the right shape, its own id,
    and a parent (`specialization_of`) that is another known role."""
    return (_role_ok(values) and values[0] == role_id
            and (values[9] is None or (values[9] in known and values[9] != role_id)))


def names_ok(names: Any, known: Mapping[str, int]) -> bool:
    return type(names) is dict and all(
        type(ids) is list and ids and all(type(i) is str and i in known for i in ids)
        for ids in names.values())


def extras_ok(extras: Any, moves: int) -> bool:
    """{move number: [note, sources, modelled]}."""
    return type(extras) is dict and all(
        key.isdigit() and int(key) < moves and type(values) is list and len(values) == 3
        and _is_optional_text(values[0]) and _is_texts(values[1]) and type(values[2]) is bool
        for key, values in extras.items())


_HEADER = {"format", "hash", "files", "framework", "sources", "counts", "most_years", "sizes",
           "crc", "skills_crc", "stamp"}


def header_ok(head: dict[str, Any], form: int, digest: str | None, files: list[str],
              stamp: object, sections: int) -> bool:
    """The header is for these files, in this format, and well formed. The files are
    known by their hash, or (`digest` None) by their `stamp` (cache.files_stamp)."""
    counts, sizes, most = head.get("counts"), head.get("sizes"), head.get("most_years")
    same = head.get("hash") == digest if digest is not None else (
        stamp is not None and head.get("stamp") == stamp)
    return (set(head) == _HEADER and head["format"] == form and same
            and type(head["hash"]) is str
            and head["files"] == files and _framework_ok(head["framework"])
            and _sources_ok(head["sources"]) and type(counts) is list and len(counts) == 2
            and _is_int(counts[0], 1) and _is_int(counts[1], 0)
            and type(sizes) is list and len(sizes) == sections
            and all(_is_int(size, 0) for size in sizes) and _is_int(head["crc"], 0)
            and _is_int(head["skills_crc"], 0)
            and type(most) in (int, float) and 0 <= most < math.inf)  # type: ignore[operator]


def ids_ok(parts: list[Any], roles: int) -> list[str] | None:
    """The role ids if they and the levels (the sections every command uses) are
    consistent: as many as the header counts, distinct, none empty; else None."""
    try:
        ids = bytes(parts[0]).decode("utf-8").split("\n")
    except UnicodeDecodeError:
        return None
    levels = parts[1]
    if (len(ids) != roles or len(set(ids)) != roles or "" in ids or len(levels) != roles
            or (roles and min(levels) < 1)):
        return None
    return ids


def moves_ok(parts: list[Any], roles: int, moves: int) -> bool:
    """Whether the move sections (see cache_entry) are consistent; checked the first
    time the graph is used (`skills` never uses it; `show` and `next` check only the
    moves they read, see role_moves_ok).

    Checked in bulk, at C speed: counts, every number in range, no self-loop, years
    finite, never negative but for NO_YEARS as a pair, low never above high, every
    role's moves grouped in bounds. What only a deliberate edit that also fixed the
    CRC could break (a duplicate move, a promotion that does not go up, groups that
    disagree with the columns) is not re-checked here: it cannot cause an error, and
    the folder is the user's.
    """
    source, target, lateral, low, high = parts[2:7]
    if not all(len(column) == moves for column in parts[2:7]):
        return False
    if not moves:
        return all(offsets_ok(parts, roles, moves, outgoing) for outgoing in (True, False))
    lanes = _Lanes(moves)
    return (lanes.below(source, roles) and lanes.below(target, roles)
            and not bytes(lateral).translate(None, b"\0\1")  # only 0 and 1
            and lanes.differ(source, target) and _years_ok(low, high)
            and all(offsets_ok(parts, roles, moves, outgoing)
                    and lanes.below(parts[8 if outgoing else 10], moves)
                    for outgoing in (True, False)))


def offsets_ok(parts: list[Any], roles: int, moves: int, outgoing: bool) -> bool:
    """Where each role's moves start in a grouped section: from 0 to the count of
    moves, never going down."""
    start, grouped = (parts[7], parts[8]) if outgoing else (parts[9], parts[10])
    return (len(start) == roles + 1 and start[0] == 0 and start[roles] == moves
            and len(grouped) == moves and all(map(operator.le, start[:-1], start[1:])))


def role_moves_ok(parts: list[Any], roles: int, moves: int, number: int,
                  outgoing: bool) -> bool:
    """The moves out of (or into) role `number`, checked as moves_ok checks them all,
    and each one's end the role itself: for a command that reads one role's moves
    (`show`, `next`) before, or without, anything checking every move. The offsets
    must have been checked whole (offsets_ok: a role's neighbours decide where its
    moves end)."""
    if not 0 <= number < roles or not all(len(column) == moves for column in parts[2:7]):
        return False
    start, grouped = (parts[7], parts[8]) if outgoing else (parts[9], parts[10])
    ends = parts[2] if outgoing else parts[3]
    found = grouped[start[number]:start[number + 1]]
    return len(set(found)) == len(found) and all(
        0 <= move < moves and ends[move] == number and move_ok(parts, roles, move)
        for move in found)


def move_ok(parts: list[Any], roles: int, number: int) -> bool:
    """One move's numbers, as moves_ok checks them (its columns must hold it)."""
    source, target, lateral = parts[2][number], parts[3][number], parts[4][number]
    low, high = parts[5][number], parts[6][number]
    return (0 <= source < roles and 0 <= target < roles and source != target and lateral <= 1
            and math.isfinite(low + high) and (
                low == high == NO_YEARS or 0 <= low <= high))


class _Lanes:
    """Bulk checks of columns of `count` 32-bit numbers, at C speed (two to three
    times faster than a loop over the numbers, even one inside `max` or `map`).

    A column read as one big integer holds each number in its own 32-bit lane, and
    arithmetic on the integer works on every lane at once. Where a lane's top bit
    is clear, adding a number below 2**31 to it cannot carry into the next lane:
    the lane's top bit then answers the question for that lane alone.
    """

    def __init__(self, count: int) -> None:
        self.count = count
        self.top = self.each(1 << 31)  # the top bit of every lane
        self.rest = self.top - self.each(1)  # the other 31 bits of every lane

    def each(self, value: int) -> int:
        """`value` in every lane (0 <= value < 2**32)."""
        return int.from_bytes(value.to_bytes(4, sys.byteorder) * self.count, sys.byteorder)

    def below(self, numbers: memoryview, bound: int) -> bool:
        """Every number in 0 .. bound - 1 (bound > 0): no top bit set (no negative
        number), and none set by adding 2**31 - bound (one of `bound` or more)."""
        lanes = int.from_bytes(numbers, sys.byteorder)
        over = self.each((1 << 31) - min(bound, 1 << 31))  # any int32 is below 2**31
        return not lanes & self.top and not (lanes + over) & self.top

    def differ(self, first: memoryview, second: memoryview) -> bool:
        """The columns hold a different number at every place: each lane of their XOR
        is nonzero, so its top bit is set, or adding 2**31 - 1 to the other 31 bits sets it."""
        apart = int.from_bytes(first, sys.byteorder) ^ int.from_bytes(second, sys.byteorder)
        return (((apart & self.rest) + self.rest) | apart) & self.top == self.top


# A double's last byte (little-endian) has its sign bit: 1 for each byte at or above 0x80.
_SIGN = bytes(index >> 7 for index in range(256))


def _years_ok(low: Any, high: Any) -> bool:
    """Finite, never negative but for NO_YEARS, as a pair, and low never above high."""
    if not math.isfinite(sum(low) + sum(high)) or any(map(operator.gt, low, high)):
        return False  # (a NaN or an infinity makes a sum non-finite)
    # Every negative number is NO_YEARS: in each column, as many negatives (by sign
    # bit, read from the bytes at C speed) as NO_YEARS; and as many in one as in the
    # other, so with low <= high they pair up. (From bytes: an array made from a
    # memoryview would read it number by number.)
    missing = array("d", bytes(low)).count(NO_YEARS)
    order = 7 if sys.byteorder == "little" else 0
    return all(bytes(column.cast("B")[order::8]).translate(_SIGN).count(1) == missing
               for column in (low, high)) and array("d", bytes(high)).count(NO_YEARS) == missing


def _framework_ok(values: Any) -> bool:
    return type(values) is list and len(values) == 3 and all(map(_is_optional_text, values))


def _sources_ok(sources: Any) -> bool:
    return type(sources) is list and all(
        type(values) is list and len(values) == 6 and _is_text(values[0])
        and _is_text(values[1]) and all(map(_is_optional_text, values[2:]))
        for values in sources)


def skill_table_ok(table: Any, roles: int) -> bool:
    """The skills section: names, a track or None per role, and per role pairs of
    (a known name's number, a level 1..5), no name twice in one role. In bulk: it is
    read whole, by `match`, over every role."""
    if type(table) is not list or len(table) != 3:
        return False
    names, tracks, skills = table
    if not (_is_texts(names) and type(tracks) is list and len(tracks) == roles
            and all(map(_is_optional_text, tracks)) and type(skills) is list
            and len(skills) == roles and set(map(type, skills)) <= {list}):
        return False
    every = list(chain.from_iterable(skills))
    numbers, levels = every[::2], every[1::2]
    if not numbers:
        return True
    # (map and set at C speed: 5,000 roles' 60,000 numbers in a few milliseconds)
    return (set(map(type, every)) == {int} and not any(len(pairs) % 2 for pairs in skills)
            and min(numbers) >= 0 and max(numbers) < len(names)
            and min(levels) >= 1 and max(levels) <= 5
            and all(len(set(pairs[::2])) * 2 == len(pairs) for pairs in skills))

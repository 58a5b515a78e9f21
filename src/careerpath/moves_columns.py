"""Valid moves checked against the roles as whole columns, and indexed at once.

In a valid dataset every move names known roles, no move repeats or goes
nowhere, and every promotion goes up a level. `summary` (run where the moves
are read, in the second process when there is one) numbers the role ids the
moves name and checks what needs no roles: no move to itself, no pair twice.
`valid_moves` then maps those numbers to the roles' positions, checks the rest
with C loops, and builds the graph index from the columns it already has. When
anything is wrong it returns None, and validate_moves.collect_moves goes move by
move to report each problem in its place.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import Any

from careerpath.model import NO_YEARS, GraphIndex, Progression, Years

# The role ids the moves name (first seen first), and each move's source and
# target as numbers into that list (int32 bytes).
Summary = tuple[list[str], bytes, bytes]


def summary(records: list[Any]) -> Summary | None:
    """The moves' ends as numbers; None if any move is unusable, goes from a role
    to itself, or repeats a pair (those are reported move by move)."""
    values = [record[0] for record in records]
    if None in values:
        return None
    numbers: dict[str, int] = {}
    number = numbers.setdefault
    sources = [number(move[0], len(numbers)) for move in values]
    targets = [number(move[1], len(numbers)) for move in values]
    pairs = set(zip(sources, targets))
    if len(pairs) != len(values) or any(map(int.__eq__, sources, targets)):
        return None
    return list(numbers), array("i", sources).tobytes(), array("i", targets).tobytes()


def valid_moves(records: list[Any], ends: Summary, roles: dict[str, Any],
                report_cited: Callable[[Any], None],
                ) -> tuple[list[Progression], GraphIndex] | None:
    """The moves and the graph index when every move is valid; None otherwise.
    `roles` maps id -> (Role, ...) in data order; `report_cited` checks one
    record's cited sources (the only problem this path reports itself)."""
    names, source_bytes, target_bytes = ends
    position = {role_id: number for number, role_id in enumerate(roles)}
    mapped = [position.get(role_id, -1) for role_id in names]
    if -1 in mapped:
        return None
    source = [mapped[n] for n in _ints(source_bytes)]
    target = [mapped[n] for n in _ints(target_bytes)]
    values = [record[0] for record in records]
    lateral = [int(move[2] != "promotion") for move in values]
    levels = [entry[0].level for entry in roles.values()]
    if any([levels[up] <= levels[down] for down, up, side in zip(source, target, lateral)
            if not side]):
        return None
    for record in records:
        if record[7]:
            report_cited(record)
    spans = [move[3] for move in values]
    low = [NO_YEARS if span is None else span[0] for span in spans]
    high = [NO_YEARS if span is None else span[1] for span in spans]
    made: dict[Any, Years | None] = {None: None}  # one Years for each range
    for span in set(spans):
        made[span] = Years.from_values(span) if span is not None else None
    make = Progression.from_values
    moves = [make((move[0], move[1], move[2], made[move[3]], *move[4:])) for move in values]
    index = GraphIndex.from_columns(list(roles), position, (source, target, lateral),
                                    (low, high))
    return moves, index


def _ints(data: bytes) -> array[int]:
    numbers = array("i")
    numbers.frombytes(data)
    return numbers

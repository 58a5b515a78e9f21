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

import operator
from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

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
                ) -> tuple[Sequence[Progression], GraphIndex] | None:
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
    index = GraphIndex.from_columns(list(roles), position, (source, target, lateral),
                                    (low, high))
    return ValueMoves(values, spans), index


class ValueMoves(Sequence[Progression]):
    """The moves as read, each made into a Progression only when asked for: a
    large dataset has hundreds of thousands, and an answer reads a few (the
    graph index answers the rest). Compares equal to any sequence of the same
    moves, as the tuple it stands for would."""

    __slots__ = ("_made", "_values")

    def __init__(self, values: list[Any], spans: list[Any]) -> None:
        self._values = values
        self._made: dict[Any, Years | None] = {None: None}  # one Years for each range
        for span in set(spans):
            if span is not None:
                self._made[span] = Years.from_values(span)

    def __len__(self) -> int:
        return len(self._values)

    @overload
    def __getitem__(self, number: int) -> Progression: ...

    @overload
    def __getitem__(self, number: slice) -> Sequence[Progression]: ...

    def __getitem__(self, number: int | slice) -> Progression | Sequence[Progression]:
        if isinstance(number, slice):
            return tuple(self._move(move) for move in self._values[number])
        return self._move(self._values[number])

    def __iter__(self) -> Iterator[Progression]:
        return map(self._move, self._values)

    def _move(self, move: Any) -> Progression:
        return Progression.from_values((*move[:3], self._made[move[3]], *move[4:]))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and len(other) == len(self) and \
            all(map(operator.eq, self, other))

    __hash__ = None  # type: ignore[assignment]

    def extras(self) -> dict[str, list[Any]]:
        """What the cache entry keeps of each move beyond the graph (see cache_entry),
        without making the moves."""
        return {str(number): [move[4], list(move[5]), move[6]]
                for number, move in enumerate(self._values)
                if move[4] is not None or move[5] or move[6]}


def _ints(data: bytes) -> array[int]:
    numbers = array("i")
    numbers.frombytes(data)
    return numbers

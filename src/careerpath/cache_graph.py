"""The graph of a cache entry, served lazily: the open entry itself, Dataset.index
until the graph is first used, and the progressions, each made when asked for.

Every part is checked before it is believed (cache_check): every move at once the
first time the graph is used, or one role's moves, each checked, for a command that
reads no more (`show`, `next`). Should a part turn out damaged, the data is parsed
again (which replaces the entry) and from then on everything comes from that parse.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

from careerpath import cache_entry
from careerpath.cache_check import extras_ok, move_ok, moves_ok, offsets_ok, role_moves_ok
from careerpath.model import NO_YEARS, Dataset, GraphIndex, Progression, Years


class Entry:
    """The open entry, and the fresh dataset once a damaged part made us parse."""

    def __init__(self, handle: int, parts: list[Any], places: list[int], sizes: list[int],
                 ids: list[str], moves: int, reparse: Callable[[], Dataset]) -> None:
        self.handle, self.parts, self.ids, self.moves = handle, parts, ids, moves
        self.position = {role_id: number for number, role_id in enumerate(ids)}
        self.moves_checked: bool | None = None
        self.offsets_checked: dict[bool, bool] = {}  # by direction (True: out), once each
        self.roles_at, self.roles_size = places[cache_entry.ROLES], sizes[cache_entry.ROLES]
        self.skills_at, self.skills_size = places[cache_entry.SKILLS], sizes[cache_entry.SKILLS]
        self.reparse = reparse
        self.fresh: Dataset | None = None

    def fallback(self) -> Dataset:
        if self.fresh is None:
            self.fresh = self.reparse()
        return self.fresh

    def moves_usable(self) -> bool:
        """Whether moves come from the entry: its move sections check out (checked
        the first time) and no damage elsewhere made us parse afresh."""
        if self.moves_checked is None:
            self.moves_checked = moves_ok(self.parts, len(self.ids), self.moves)
        return self.moves_checked and self.fresh is None

    def role_moves(self, number: int, outgoing: bool) -> Sequence[int] | None:
        """The moves out of (or into) role `number` and each of them checked, while
        nothing has checked every move; None once something has, or if they fail
        (then the whole graph is checked, and the data parsed again)."""
        if self.moves_checked is not None or self.fresh is not None:
            return None
        if outgoing not in self.offsets_checked:  # once a direction: a pass over the roles
            self.offsets_checked[outgoing] = offsets_ok(self.parts, len(self.ids), self.moves,
                                                        outgoing)
        if not (self.offsets_checked[outgoing] and role_moves_ok(
                self.parts, len(self.ids), self.moves, number, outgoing)):
            self.moves_checked = False  # damaged (even where the bulk check would not look)
            return None
        start, grouped = (7, 8) if outgoing else (9, 10)
        moves: Sequence[int] = self.parts[grouped][self.parts[start][number]:
                                                   self.parts[start][number + 1]]
        return moves

    def move_usable(self, number: int) -> bool:
        """Whether move `number` (known to be in range) comes from the entry."""
        if self.moves_checked is None and self.fresh is None:
            if move_ok(self.parts, len(self.ids), number):
                return True
            self.moves_checked = False  # damaged: so is the entry
        return self.moves_usable()

    def graph(self) -> GraphIndex:
        if not self.moves_usable():
            return self.fallback().index
        # Bases for packing costs need only be large enough: twice the largest high is.
        most = max(0.0, 2 * max(self.parts[6], default=0.0))
        return cache_entry.graph_index(self.parts, most, self.ids, self.position)

    def read_roles(self, start: int, end: int) -> bytes:
        if not 0 <= start <= end <= self.roles_size:
            return b""
        return os.pread(self.handle, end - start, self.roles_at + start)


def _number(value: float) -> float:
    return int(value) if value.is_integer() else value


class LazyIndex:
    """Dataset.index until the graph is first used: then the entry's move sections
    are checked and the real index takes its place. One role's moves (all `show`
    and `next` read) are served, each move checked, without checking them all."""

    def __init__(self, entry: Entry, slot: dict[str, Any]) -> None:
        self._entry, self._slot = entry, slot
        self._index: GraphIndex | None = None

    def __getattr__(self, name: str) -> Any:
        if self._index is None:  # a caller holding this stand-in gets the same index
            self._index = self._slot["index"] = self._entry.graph()
        return getattr(self._index, name)

    @property
    def position(self) -> dict[str, int]:
        entry = self._entry
        if self._index is None and entry.moves_checked is None and entry.fresh is None:
            return entry.position
        return self.__getattr__("position")  # type: ignore[no-any-return]

    def moves_out(self, role: int) -> Sequence[int]:
        found = self._entry.role_moves(role, outgoing=True) if self._index is None else None
        return found if found is not None else self.__getattr__("moves_out")(role)

    def moves_in(self, role: int) -> Sequence[int]:
        found = self._entry.role_moves(role, outgoing=False) if self._index is None else None
        return found if found is not None else self.__getattr__("moves_in")(role)


class LazyMoves(Sequence[Progression]):
    """Progressions, in data order, each made into an object only when asked for."""

    def __init__(self, entry: Entry, ids: list[str]) -> None:
        self._entry, self._ids = entry, ids
        self._extras: dict[str, list[Any]] | None = None

    def __len__(self) -> int:
        entry = self._entry
        return entry.moves if entry.moves_usable() else len(entry.fallback().progressions)

    @overload
    def __getitem__(self, number: int) -> Progression: ...

    @overload
    def __getitem__(self, number: slice) -> Sequence[Progression]: ...

    def __getitem__(self, number: int | slice) -> Progression | Sequence[Progression]:
        if isinstance(number, slice):
            return tuple(self[n] for n in range(len(self))[number])
        entry = self._entry
        if number < 0:
            number += len(self)
        if entry.moves_checked is None and entry.fresh is None:  # one move, checked alone
            if not 0 <= number < entry.moves:
                raise IndexError(number)
            usable = entry.move_usable(number)
        else:
            if not 0 <= number < len(self):
                raise IndexError(number)
            usable = entry.moves_usable()
        extras = self._extras_once() if usable else None
        if extras is None:
            return entry.fallback().progressions[number]
        parts = entry.parts
        low, high = parts[5][number], parts[6][number]
        note, cited, modelled = extras.get(str(number), (None, (), False))
        return Progression.from_values([
            self._ids[parts[2][number]], self._ids[parts[3][number]],
            "lateral" if parts[4][number] else "promotion",
            None if low == NO_YEARS else Years(_number(low), _number(high)),
            note, tuple(cited), modelled])

    def _extras_once(self) -> dict[str, list[Any]] | None:
        if self._extras is None:
            try:
                extras = json.loads(bytes(self._entry.parts[11]))
            except (ValueError, RecursionError):
                return None
            if not extras_ok(extras, self._entry.moves):  # the count the header gives
                return None
            self._extras = extras
        return self._extras

    def __iter__(self) -> Iterator[Progression]:
        return (self[number] for number in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]

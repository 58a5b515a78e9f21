"""A dataset served from a cache entry (layout: cache_entry.py), decoded on demand.

Opening an entry reads its header and graph sections (the ids checked then, the
moves when first used: see cache_graph) and keeps the file open; a role's text is
read and decoded the first time a command asks for that role, and checked then.
Should any part turn out damaged when it is decoded, the entry is no entry after
all: the data is parsed again (which replaces the entry), and from then on every
part comes from that fresh parse.
"""

from __future__ import annotations

import json
import operator
import os
import zlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from careerpath import cache_entry
from careerpath.cache_check import (
    header_ok,
    ids_ok,
    names_ok,
    role_ok,
    skill_table_ok,
)
from careerpath.cache_graph import Entry, LazyIndex, LazyMoves
from careerpath.model import (
    Dataset,
    Framework,
    Role,
    RoleSkills,
    Source,
)

HEADER_READ = 1 << 16


def _role(values: list[Any]) -> Role:
    for index in (3, 6, 10, 11):
        values[index] = tuple(values[index])
    values[7] = {key: tuple(items) for key, items in values[7].items()}
    return Role.from_values(values)


class LazyRoles(Mapping[str, Role]):
    """Roles made into objects only when asked for."""

    def __init__(self, entry: Entry, ids: list[str]) -> None:
        self._entry, self._ids = entry, ids
        self._made: dict[str, Role] = {}

    def __getitem__(self, role_id: str) -> Role:
        role = self._made.get(role_id)
        if role is not None:
            return role
        entry = self._entry
        number = entry.position[role_id]  # KeyError: no such role
        if entry.fresh is None:
            offsets = entry.parts[13]
            try:
                values = json.loads(entry.read_roles(offsets[number], offsets[number + 1] - 1))
            except (ValueError, RecursionError):
                values = None
            if role_ok(values, role_id, entry.position):
                role = self._made[role_id] = _role(values)
                return role
        return entry.fallback().roles[role_id]

    def _all(self) -> None:
        """Decode every role at once (one JSON document), for commands that show all."""
        entry = self._entry
        if len(self._made) == len(self._ids) or entry.fresh is not None:
            return
        try:
            every = json.loads(entry.read_roles(0, entry.roles_size))
        except (ValueError, RecursionError):
            every = None
        if type(every) is not list or len(every) != len(self._ids) or not all(
                role_ok(values, role_id, entry.position)
                for values, role_id in zip(every, self._ids)):
            entry.fallback()
            return
        for values, role_id in zip(every, self._ids):
            if role_id not in self._made:
                self._made[role_id] = _role(values)

    def values(self) -> Any:
        self._all()
        return super().values()

    def items(self) -> Any:
        self._all()
        return super().items()

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, role_id: object) -> bool:
        return role_id in self._entry.position


class LazySkillTable(Mapping[str, RoleSkills]):
    """Dataset.skill_table from the entry's skills section, decoded and checked the
    first time it is used (only `match` and profiles read it); from a fresh parse if
    that section is damaged."""

    def __init__(self, entry: Entry, ids: list[str], crc: int) -> None:
        self._entry, self._ids, self._crc = entry, ids, crc
        self._table: Mapping[str, RoleSkills] | None = None

    def _decoded(self) -> Mapping[str, RoleSkills]:
        if self._table is None:
            self._table = self._decode()
        return self._table

    def _decode(self) -> Mapping[str, RoleSkills]:
        entry = self._entry
        raw = os.pread(entry.handle, entry.skills_size, entry.skills_at)
        table: Any = None
        try:
            table = json.loads(raw) if zlib.crc32(raw) == self._crc else None
        except (ValueError, RecursionError):
            table = None
        if entry.fresh is not None or not skill_table_ok(table, len(self._ids)):
            return entry.fallback().skill_table
        names, tracks, skills = table
        levels = entry.parts[1]
        return {role_id: RoleSkills(levels[number], tracks[number],
                                    dict(zip(map(names.__getitem__, pairs[::2]), pairs[1::2])))
                for number, (role_id, pairs) in enumerate(zip(self._ids, skills))}

    def __getitem__(self, role_id: str) -> RoleSkills:
        return self._decoded()[role_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._decoded())

    def __len__(self) -> int:
        return len(self._ids)


class LazyNames(Mapping[str, list[str]]):
    """The name index, decoded the first time a name is looked up (an exact id
    never needs it)."""

    def __init__(self, entry: Entry) -> None:
        self._entry = entry
        self._names: Mapping[str, list[str]] | None = None

    def _decoded(self) -> Mapping[str, list[str]]:
        if self._names is None:
            try:
                names = json.loads(bytes(self._entry.parts[12]))
            except (ValueError, RecursionError):
                names = None
            self._names = names if names_ok(names, self._entry.position) \
                else self._entry.fallback().names
        return self._names

    def __getitem__(self, name: str) -> list[str]:
        return self._decoded()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._decoded())

    def __len__(self) -> int:
        return len(self._decoded())


def _offsets_ok(offsets: Any, roles: int, size: int) -> bool:
    """Where each role's text starts: after "[", rising, the last at the closing "]"+1."""
    return (len(offsets) == roles + 1 and offsets[0] == 1 and offsets[roles] == size
            and all(map(operator.lt, offsets[:-1], offsets[1:])))


def open_entry(handle: int, size: int, expect: tuple[int, str | None, list[str], object],
               location: str, reparse: Callable[[], Dataset]) -> Dataset | None:
    """The dataset in the entry open as `handle` (`size` bytes), if its header says it
    is for `expect` (format, hash or None, files, stamp; see cache_check.header_ok) and
    its graph sections check out."""
    start = os.pread(handle, min(size, HEADER_READ), 0)
    found = cache_entry.header(start)
    if found is None and len(start) < size:
        found = cache_entry.header(os.pread(handle, size, 0))
    if found is None:
        return None
    head, after = found
    if not header_ok(head, *expect, cache_entry.SECTIONS):
        return None
    places = cache_entry.layout(after, head["sizes"])
    if places[-1] != size:
        return None
    roles_at = places[cache_entry.ROLES]
    data = memoryview(os.pread(handle, roles_at - places[0], places[0]))
    raw = [data[at - places[0]:at - places[0] + length]
           for at, length in zip(places[:cache_entry.ROLES], head["sizes"])]
    parts = cache_entry.typed(raw)
    roles, moves = head["counts"]
    if parts is None or cache_entry.crc(raw) != head["crc"] \
            or not _offsets_ok(parts[13], roles, head["sizes"][cache_entry.ROLES]):
        return None
    ids = ids_ok(parts, roles)
    if ids is None:
        return None
    entry = Entry(handle, parts, places, head["sizes"], ids, moves, reparse)
    framework = Framework(*head["framework"])
    sources = {values[0]: Source(*values) for values in head["sources"]}
    dataset = Dataset(LazyRoles(entry, ids), LazyMoves(entry, ids), location, framework,
                      sources)
    dataset.__dict__["names"] = LazyNames(entry)  # fills the cached_properties
    dataset.__dict__["index"] = LazyIndex(entry, dataset.__dict__)
    dataset.__dict__["skill_table"] = LazySkillTable(entry, ids, head["skills_crc"])
    return dataset

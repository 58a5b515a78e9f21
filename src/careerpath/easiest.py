"""The path that asks a person to learn least (`path --easiest`).

Points of a path: Σ over skills of (the highest level any role after the start
needs - what the person has at the start, when positive): the whole-path total
that `path` shows. Ties: fewest moves, then the default order (moves without
years, typical years, role ids).

Best-first search over simple partial paths. A partial path's key counts the
target's needs as already on the path, so a key never falls as the path grows
(points only rise, moves always do): complete paths therefore come off the heap
in exactly the documented order. A role is entered only if the target, and
every via not yet passed, can still be reached from it. Every candidate queued
(a partial path holding its own skills) counts against a budget, so time and
memory are bounded; when it runs out the answer says the search stopped early,
and `queries.find_path` completes it with the best of the fewest-moves paths.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from typing import NamedTuple

from careerpath.model import CareerPath, Dataset, Progression, folded_skills
from careerpath.pathcost import year_units

BUDGET = 50_000  # candidates queued: about 2 s on 5,000 roles (2 cores)

Key = tuple[int, int, int, int, tuple[str, ...]]


class EasiestSearch(NamedTuple):
    paths: list[CareerPath]
    more: bool | None
    stopped_early: bool
    examined: int
    total: int | None


class _Partial(NamedTuple):
    key: Key
    held: dict[str, int]  # max(start skills, every need so far, the target's needs)
    seen: frozenset[str]  # vias passed


def _step(held: dict[str, int], skills: Mapping[str, int]) -> tuple[int, dict[str, int]]:
    """Points that `skills` add beyond `held`, and `held` raised by them (shared if not)."""
    gain = 0
    raised = held
    for name, need in skills.items():
        level = held.get(name, 0)
        if need > level:
            if raised is held:
                raised = dict(held)
            gain += need - level
            raised[name] = need
    return gain, raised


class _Folded(dict[str, dict[str, int]]):
    """role id -> its skills keyed by `normal_name`, folded when first asked for: skills
    spelled two ways are one skill, as in the path's gaps."""

    def __init__(self, dataset: Dataset) -> None:
        super().__init__()
        self._roles = dataset.roles

    def __missing__(self, role_id: str) -> dict[str, int]:
        folded = self[role_id] = folded_skills(self._roles[role_id].skills)
        return folded


def path_key(dataset: Dataset, roles: tuple[str, ...], have: Mapping[str, int]) -> Key:
    """The --easiest order's key of one whole path."""
    held = folded_skills(have)
    skills = _Folded(dataset)
    points = 0
    for role_id in roles[1:]:
        gain, held = _step(held, skills[role_id])
        points += gain
    units = [year_units(move.years) for move in dataset.path(roles).steps]
    return (points, len(roles) - 1, sum(u is None for u in units), sum(u or 0 for u in units),
            roles)


def easiest_paths(dataset: Dataset, source: str, target: str, have: Mapping[str, int], *,
                  limit: int = 1, via: tuple[str, ...] = (), avoid: tuple[str, ...] = (),
                  promotions_only: bool = False, budget: int | None = None) -> EasiestSearch:
    budget = BUDGET if budget is None else budget
    out: dict[str, list[Progression]] = {}
    for move in dataset.progressions:
        if move.source_id in avoid or move.target_id in avoid:
            continue
        if promotions_only and move.kind != "promotion":
            continue
        out.setdefault(move.source_id, []).append(move)
    vias = frozenset(via) - {source, target}
    to_target = _can_reach(out, target)
    to_via = {role: _can_reach(out, role) for role in vias}
    skills = _Folded(dataset)
    points, held = _step(folded_skills(have), skills[target])
    heap = [_Partial((points, 0, 0, 0, (source,)), held, frozenset())]
    found: list[CareerPath] = []
    examined = 0
    while heap:
        partial = heapq.heappop(heap)
        points, moves, unknown, years, roles = partial.key
        here = roles[-1]
        if here == target:
            if partial.seen == vias:
                if len(found) == limit:
                    return EasiestSearch(found, True, False, examined, None)
                found.append(dataset.path(roles))
            continue
        for move in out.get(here, ()):
            nxt = move.target_id
            seen = partial.seen | {nxt} if nxt in vias else partial.seen
            if nxt in roles or nxt not in to_target or any(
                    nxt not in to_via[v] for v in vias - seen):
                continue
            if examined >= budget:  # every candidate queued counts: each holds its skills
                return EasiestSearch(found, None, True, examined, None)
            examined += 1
            gain, raised = _step(partial.held, skills[nxt])
            units = year_units(move.years)
            key = (points + gain, moves + 1, unknown + (units is None), years + (units or 0),
                   (*roles, nxt))
            heapq.heappush(heap, _Partial(key, raised, seen))
    return EasiestSearch(found, False, False, examined, len(found))


def _can_reach(out: dict[str, list[Progression]], target: str) -> set[str]:
    """The roles from which `target` can be reached with the allowed moves (itself included)."""
    into: dict[str, list[str]] = {}
    for moves in out.values():
        for move in moves:
            into.setdefault(move.target_id, []).append(move.source_id)
    seen, stack = {target}, [target]
    while stack:
        for previous in into.get(stack.pop(), ()):
            if previous not in seen:
                seen.add(previous)
                stack.append(previous)
    return seen

"""The path that asks a person to learn least (`path --easiest`).

Points of a path: Σ over skills of (the highest level any role after the start
needs - what the person has at the start, when positive). Ties: fewest moves,
then the default order (moves without years, typical years, role ids).

Best-first search over simple partial paths. A partial path's key counts the
target's needs as already on the path, so a key never falls as the path grows
(points only rise, moves always do): complete paths therefore come off the heap
in exactly the documented order. Every candidate queued (a partial path with its
own skills held) counts against a budget, so time and memory are bounded; when it
runs out the answer says the search stopped early.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from typing import NamedTuple

from careerpath.model import CareerPath, Dataset, Progression
from careerpath.pathcost import year_units

BUDGET = 100_000  # candidates queued: about 2 s on 5,000 roles (2 cores)


class EasiestSearch(NamedTuple):
    paths: list[CareerPath]
    more: bool | None
    stopped_early: bool
    examined: int
    total: int | None


class _Partial(NamedTuple):
    key: tuple[int, int, int, int, tuple[str, ...]]
    held: dict[str, int]  # highest level needed before the last role (target included)
    seen: frozenset[str]  # vias passed
    last: Mapping[str, int] | None  # the last role's skills, still to raise `held` by


def _gain(held: dict[str, int], skills: Mapping[str, int], have: Mapping[str, int]) -> int:
    """Points that the roles' needs add beyond `held` (both raised to `have`)."""
    return sum(max(0, need - max(held.get(name, 0), have.get(name, 0)))
               for name, need in skills.items())


def _raised(held: dict[str, int], skills: Mapping[str, int]) -> dict[str, int]:
    raised = dict(held)
    for name, need in skills.items():
        if need > raised.get(name, 0):
            raised[name] = need
    return raised


def easiest_paths(dataset: Dataset, source: str, target: str, have: Mapping[str, int], *,
                  limit: int = 1, via: tuple[str, ...] = (), avoid: tuple[str, ...] = (),
                  promotions_only: bool = False, budget: int = BUDGET) -> EasiestSearch:
    out: dict[str, list[Progression]] = {}
    for move in dataset.progressions:
        if move.source_id in avoid or move.target_id in avoid:
            continue
        if promotions_only and move.kind != "promotion":
            continue
        out.setdefault(move.source_id, []).append(move)
    useful = _can_reach(out, target)
    vias = frozenset(via)
    end_skills = dataset.roles[target].skills
    start_held = _raised({}, end_skills)
    start_points = _gain({}, end_skills, have)
    heap: list[_Partial] = [_Partial((start_points, 0, 0, 0, (source,)), start_held,
                                     frozenset({source}) & vias, None)]
    found: list[CareerPath] = []
    examined = 0
    while heap:
        if examined >= budget:
            return EasiestSearch(found, None, True, examined, None)
        partial = heapq.heappop(heap)
        # Raised only when taken: a queued candidate shares its parent's dict.
        held = partial.held if partial.last is None else _raised(partial.held, partial.last)
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
            if nxt in roles or nxt not in useful:
                continue
            examined += 1  # every candidate queued counts: each holds its own skills
            skills = dataset.roles[nxt].skills
            units = year_units(move.years)
            key = (points + _gain(held, skills, have), moves + 1,
                   unknown + (units is None), years + (units or 0), (*roles, nxt))
            heapq.heappush(heap, _Partial(key, held, partial.seen | (frozenset({nxt}) & vias),
                                          skills))
    return EasiestSearch(found, False, False, examined, len(found))


def _can_reach(out: dict[str, list[Progression]], target: str) -> set[str]:
    """The roles from which `target` can be reached with the allowed moves."""
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

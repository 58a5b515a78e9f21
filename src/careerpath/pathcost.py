"""What a path costs in the documented order, and lower bounds on finishing one.

A path's place in the order is a key of three additive parts, then its role ids:
(moves, moves without years, year units) by default, and (moves without years,
year units, moves) with --fastest (docs/design-search.md). Each move adds
(1, 0 or 1, its year units), so a key's parts are sums over moves. They are
packed into one integer, the most significant part highest, with bases larger
than any sum the search ever compares, so integer order is the key's order and
adding integers adds keys.

The bounds are distances to the end computed backwards with Dijkstra, over
roles or over (role, vias seen so far) states; none needs networkx.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from careerpath.model import NO_YEARS, Dataset, Years

# The exact bound for --via may take at most this many steps (heap pushes) of
# Dijkstra over (role, vias seen) states; beyond it (many vias on a big graph)
# the weaker `via_bound` is used.
STATE_BUDGET = 300_000

# (role, mask of vias seen, roles the bound may settle) -> a lower bound on the cost to
# finish, or None: cannot finish. A bound that works incrementally (DistancesTo) may
# answer short of exact once it has settled that many roles.
Bound = Callable[[str, int, int], "int | None"]


def year_units(years: Years | None) -> int | None:
    """Hundredths of a year at the midpoint of the typical range; None if unknown."""
    if years is None:
        return None
    return units(years.min, years.max)


def units(low: float, high: float) -> int:
    return math.floor((low + high) * 50 + 0.5)


class Adjacency(dict[str, dict[str, int]]):
    """role -> {next role: packed cost}, each role's entry made when first asked for."""

    def __init__(self, make: Callable[[str], dict[str, int]]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, role: str) -> dict[str, int]:
        made = self[role] = self._make(role)
        return made

    def get(self, role: str, default: Any = None) -> dict[str, int]:
        return self[role]


class Moves(NamedTuple):
    """The moves a query may use, each with its packed cost, both ways round."""

    out: dict[str, dict[str, int]]
    into: dict[str, dict[str, int]]


def allowed_moves(dataset: Dataset, source: str, target: str, avoid: Iterable[str],
                  promotions_only: bool, fastest: bool) -> Moves:
    """Moves touching no avoided role (and no lateral one with `promotions_only`).

    Moves into the start or out of the end can be on no path (no role twice),
    so they are left out too: that makes the bounds tighter. Nothing is built
    for the whole graph: a role's moves are looked up (in `dataset.index`) when
    the search first reaches it.
    """
    index = dataset.index
    ids, position = index.ids, index.position
    banned = {position[role] for role in avoid if role in position}
    start, end = position.get(source, -1), position.get(target, -1)
    lateral, low, high = index.lateral, index.low, index.high
    pack = _packer(len(ids), units(0, index.most_years), fastest)
    unknown = pack(0, 1, 0)

    def cost(move: int) -> int:
        first = low[move]
        return unknown if first == NO_YEARS else pack(0, 0, units(first, high[move]))

    def side(skip: int, moves: Callable[[int], Sequence[int]], ends: Sequence[int],
             never: int) -> Callable[[str], dict[str, int]]:
        def make(role: str) -> dict[str, int]:
            here = position.get(role, skip)
            if here == skip or here in banned:
                return {}
            return {ids[ends[move]]: cost(move) for move in moves(here)
                    if ends[move] != never and ends[move] not in banned
                    and not (promotions_only and lateral[move])}
        return make

    return Moves(Adjacency(side(end, index.moves_out, index.target, start)),
                 Adjacency(side(start, index.moves_in, index.source, end)))


def _packer(roles: int, most_units: int, fastest: bool) -> Callable[[int, int, int], int]:
    """Pack one move's (moves beyond the first, moves without years, units) parts.

    Every move counts 1 in the moves part; the packer adds that itself. Any sum
    the search compares covers at most `walk` moves: a path (fewer than `roles`)
    plus a bound's walk (at most STATE_BUDGET states, or two shortest paths).
    """
    walk = 3 * roles + STATE_BUDGET + 2
    counts, units = walk + 1, walk * most_units + 1  # bases above any sum of a part
    if fastest:  # (moves without years, year units, moves)
        return lambda extra, unknown, years: (unknown * units + years) * counts + 1 + extra
    return lambda extra, unknown, years: ((1 + extra) * counts + unknown) * units + years


def distances_to(target: str, into: dict[str, dict[str, int]]) -> dict[str, int]:
    """The cost of the cheapest way from each role that can reach `target`."""
    done: dict[str, int] = {}
    queue = [(0, target)]
    while queue:
        distance, here = heapq.heappop(queue)
        if here in done:
            continue
        done[here] = distance
        for previous, cost in into.get(here, {}).items():
            if previous not in done:
                heapq.heappush(queue, (distance + cost, previous))
    return done


class DistancesTo:
    """The cheapest cost from each role to `target`, by a reverse Dijkstra that goes
    no further than the forward search lets it.

    Each question says how many roles the reverse search may have settled by then
    (the forward search allows a few more with every candidate it examines). A role
    not settled within that gets the smallest cost not yet settled: a weaker lower
    bound, which sends the forward search one step further instead. So the two
    searches grow together and meet in the middle, as a bidirectional search does:
    a path of 7 moves across 5,000 roles settles a few hundred roles, not the 3,600
    that proving the exact cost from the start would take. With no path at all, the
    reverse search still finishes (every role that can reach the end settled, every
    other one answered None) after about as many candidates as there are roles.
    """

    def __init__(self, target: str, into: dict[str, dict[str, int]]) -> None:
        self.done: dict[str, int] = {}
        self.queue = [(0, target)]
        self.into = into

    def bound(self, role: str, seen: int = 0, settle: int = 1 << 62) -> int | None:
        """The exact cost from `role`, or a lower bound on it once `settle` roles are
        settled; None when `role` cannot reach the end."""
        done, queue, into = self.done, self.queue, self.into
        while role not in done:
            while queue and queue[0][1] in done:
                heapq.heappop(queue)
            if not queue:
                return None
            if len(done) >= settle:
                return queue[0][0]  # Dijkstra: nothing unsettled costs less
            distance, here = heapq.heappop(queue)
            done[here] = distance
            for previous, cost in into[here].items():
                if previous not in done:
                    heapq.heappush(queue, (distance + cost, previous))
        return done[role]


def reachable_from(source: str, out: dict[str, dict[str, int]]) -> set[str]:
    seen, stack = {source}, [source]
    while stack:
        for nxt in out.get(stack.pop(), {}):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def state_distances(target: str, into: dict[str, dict[str, int]], bits: dict[str, int],
                    roles: set[str]) -> dict[tuple[str, int], int] | None:
    """Cheapest cost from each (role, vias seen) state to (target, all vias seen).

    Only roles in `roles` are used; None when that takes over STATE_BUDGET
    steps. Arriving at a role sets its bit, so before a move into `here` the
    set of vias seen was `seen` or `seen` without `here`'s bit; a role's own
    bit is always set once one stands on it.
    """
    if len(roles) << len(bits) > STATE_BUDGET:
        return None  # more states than steps allowed: not worth trying
    goal = (target, (1 << len(bits)) - 1)
    done: dict[tuple[str, int], int] = {}
    queue = [(0, goal)]
    pushes = 0
    while queue:
        distance, state = heapq.heappop(queue)
        if state in done:
            continue
        done[state] = distance
        if pushes > STATE_BUDGET:
            return None
        here, seen = state
        befores = {seen, seen & ~bits.get(here, 0)}
        for previous, cost in into.get(here, {}).items():
            own = bits.get(previous, 0)
            if previous not in roles:
                continue
            for before in befores:
                if before & own == own and (previous, before) not in done:
                    pushes += 1
                    heapq.heappush(queue, (distance + cost, (previous, before)))
    return done


def via_bound(target: str, moves: Moves, vias: list[str],
              to_end: dict[str, int]) -> Callable[[str, int], int | None]:
    """A cheaper lower bound for many vias: the largest of three.

    From a role with some vias still unseen, the rest of the path costs at
    least (1) the cheapest way to the end, (2) for each unseen via, the cheapest
    way to it plus the cheapest way from it to the end, and (3) the sum over
    the unseen vias, and the end, of the cheapest move into each (the path must
    enter each of them once, by different moves).
    """
    to_via = [distances_to(via, moves.into) for via in vias]
    cheapest_in = [min(moves.into.get(role, {}).values(), default=0) for role in vias]
    last_in = min(moves.into.get(target, {}).values(), default=0)
    entering: dict[int, int] = {}

    def bound(role: str, seen: int) -> int | None:
        best = to_end.get(role)
        if best is None:
            return None
        if seen not in entering:
            entering[seen] = last_in + sum(cost for index, cost in enumerate(cheapest_in)
                                           if not seen >> index & 1)
        best = max(best, entering[seen])
        for index, via in enumerate(vias):
            if not seen >> index & 1:
                there = to_via[index].get(role)
                after = to_end.get(via)
                if there is None or after is None:
                    return None
                best = max(best, there + after)
        return best

    return bound

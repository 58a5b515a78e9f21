"""Path search: the simple paths from one role to another, best first, within a budget.

Paths come out in the documented order (docs/design-search.md): a best-first
(A*) enumeration of partial paths from the start, keyed by (a lower bound on
the key of any path that finishes it, the role ids so far). The bound never
overestimates, so complete paths leave the queue in exactly the documented
order; among equal bounds a prefix sorts before its extensions, so the role ids
break ties lexicographically. Each partial path, when taken from the queue,
puts only its best extension in; the next-best sibling goes in when that one
is taken. So the queue grows by at most one entry per step, and every step
counts against SEARCH_BUDGET.
"""

from __future__ import annotations

import heapq
from typing import NamedTuple

from careerpath.errors import NoAnswer, UsageError
from careerpath.model import CareerPath, Dataset
from careerpath.pathcost import (
    Bound,
    DistancesTo,
    Moves,
    allowed_moves,
    distances_to,
    reachable_from,
    state_distances,
    via_bound,
)

# Partial paths (candidates) the search may examine before it stops early.
SEARCH_BUDGET = 600_000
# Once the answer is complete, further candidates it may examine to learn the exact total:
# enough for the thousands of paths of a small dense framework (8 roles all linked: 1,957);
# on a dataset of thousands of roles the count is all but always in vain, so it gets less,
# and the bound's reverse search stops growing while it counts (its candidates stay cheap).
COUNT_BUDGET = 10_000
LARGE_DATASET, LARGE_COUNT_BUDGET = 1_000, 500
# Stopped early without a path: candidates a depth-first dive may examine to find any one.
DIVE_BUDGET = 100_000


class PathQuery(NamedTuple):
    source: str
    target: str
    limit: int = 1
    fastest: bool = False
    via: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    promotions_only: bool = False


class PathSearch(NamedTuple):
    paths: list[CareerPath]  # best first, in the documented order, at most query.limit
    more: bool | None  # True: more paths exist than shown; False: all shown; None: unknown
    stopped_early: bool  # a work budget ran out before the search was complete
    examined: int  # partial paths the search examined
    total: int | None  # exact number of paths satisfying the query, when known


class _Found(NamedTuple):
    paths: list[tuple[str, ...]]
    more: bool | None
    stopped_early: bool
    examined: int
    total: int | None


def find_paths(dataset: Dataset, query: PathQuery) -> PathSearch:
    """The best `query.limit` paths in order.

    Raises UsageError for contradictory constraints, and NoAnswer when no path
    exists, or when the budget ran out before any path was found.
    """
    vias = checked_vias(query)
    moves = allowed_moves(dataset, query.source, query.target, query.avoid,
                          query.promotions_only, query.fastest)
    bound = _bound(query, moves, vias)
    if bound is None or bound(query.source, 0, SETTLE_FIRST) is None:
        raise NoAnswer(_no_path_reason(dataset, query, vias))
    large = len(dataset.roles) > LARGE_DATASET
    found = _Search(moves, {via: 1 << i for i, via in enumerate(vias)}, bound,
                    query.target).run(query.source, query.limit, large)
    if not found.paths:
        if not found.stopped_early:
            raise NoAnswer(_no_path_reason(dataset, query, vias))
        through = f" through {', '.join(vias)}" if vias else ""
        advice = " — try fewer --via roles" if vias else ""
        raise NoAnswer(f"searched {found.examined:,} candidates without finding a path from "
                       f"{query.source} to {query.target}{through}; one may exist{advice}")
    return PathSearch([dataset.path(path) for path in found.paths], found.more,
                      found.stopped_early, found.examined, found.total)


def checked_vias(query: PathQuery) -> list[str]:
    """The distinct vias in order, without the ends; UsageError for contradictions."""
    for role_id in (query.source, query.target):
        if role_id in query.avoid:
            raise UsageError(f"--avoid names '{role_id}', an end of the path itself")
    if query.source == query.target:
        raise UsageError(f"the path starts and ends at '{query.source}'; name two different roles")
    for role_id in query.via:
        if role_id in query.avoid:
            raise UsageError(f"--via and --avoid both name '{role_id}'; a path cannot both "
                             "pass through it and avoid it")
    if query.limit < 1:
        raise UsageError(f"--limit must be at least 1, got {query.limit}")
    return list(dict.fromkeys(v for v in query.via if v not in (query.source, query.target)))


def _bound(query: PathQuery, moves: Moves, vias: list[str]) -> Bound | None:
    """The tightest affordable lower bound; None when some via is out of reach."""
    if not vias:  # exact, computed only as far as the search asks
        return DistancesTo(query.target, moves.into).bound
    to_end = distances_to(query.target, moves.into)
    ahead = reachable_from(query.source, moves.out)
    if any(via not in ahead or via not in to_end for via in vias):
        return None
    roles = ahead & to_end.keys()
    states = state_distances(query.target, moves.into,
                             {via: 1 << i for i, via in enumerate(vias)}, roles)
    if states is None:
        weaker = via_bound(query.target, moves, vias, to_end)
        return lambda role, seen, settle: weaker(role, seen)
    return lambda role, seen, settle: states.get((role, seen))


# Roles the reverse search behind the bound may settle before the first candidate,
# and for each candidate examined after that (DistancesTo).
SETTLE_FIRST, SETTLE_PER_CANDIDATE = 64, 1

# A sibling group: (the parent path, its cost, its vias seen, its extensions in order as
# (queue key, role, vias seen): the key is kept, as a bound computed later may differ).
_Group = tuple[tuple[str, ...], int, int, list[tuple[int, str, int]]]
# A queue entry: (bound, path, cost so far, vias seen, its group, its place in the group).
_Entry = tuple[int, tuple[str, ...], int, int, _Group | None, int]


class _Search:
    def __init__(self, moves: Moves, bits: dict[str, int], bound: Bound, target: str) -> None:
        self.out, self.bits, self.bound, self.target = moves.out, bits, bound, target
        self.all_seen = (1 << len(bits)) - 1
        self.queue: list[_Entry] = []
        self.examined = 0  # partial paths whose bound was computed
        self.settled_at: int | None = None  # the bound's settling frozen at this
        self.rekeyed = 0  # entries queued again because their bound had grown

    def run(self, source: str, limit: int, large: bool) -> _Found:
        start = self.bound(source, 0, SETTLE_FIRST)
        assert start is not None
        self.queue = [(start, (source,), 0, 0, None, 0)]
        paths: list[tuple[str, ...]] = []
        while self.queue and len(paths) <= limit and self.examined < SEARCH_BUDGET:
            path = self.step()
            if path is not None:
                paths.append(path)
        if len(paths) > limit:  # the answer is complete; is the total cheap to learn?
            spent, counting = self.examined, LARGE_COUNT_BUDGET if large else COUNT_BUDGET
            if large:  # the bound's search stops growing: counting is cheap, and seldom ends
                self.settled_at = self.settle_allowance()
            while self.queue and self.examined < spent + counting:
                if self.step() is not None:
                    paths.append(paths[-1])  # only counted
            total = None if self.queue else len(paths)
            return _Found(paths[:limit], True, False, self.examined, total)
        if not self.queue:
            return _Found(paths, False, False, self.examined, len(paths))
        found = paths + self.complete_in_queue()
        if not found:
            any_one = self.dive(source)
            found = [] if any_one is None else [any_one]
        more = True if len(found) > limit else None
        return _Found(found[:limit], more, True, self.examined, None)

    def step(self) -> tuple[str, ...] | None:
        """Take the best entry; return it if it is a whole path, else extend it."""
        key, path, cost, seen, group, index = heapq.heappop(self.queue)
        if group is not None and index + 1 < len(group[3]):
            self.push(group, index + 1)
        if path[-1] == self.target:
            return path
        rest = self.rest(path[-1], seen)  # the bound may have grown since the key was made
        if rest is None:
            return None
        if cost + rest > key:  # queue it again behind what is now cheaper, unextended
            self.rekeyed += 1
            heapq.heappush(self.queue, (cost + rest, path, cost, seen, None, 0))
            return None
        extensions = self.extensions(path, cost, seen)
        if extensions:
            self.push((path, cost, seen, extensions), 0)
        return None

    def extensions(self, path: tuple[str, ...], cost: int,
                   seen: int) -> list[tuple[int, str, int]]:
        """(queue key, role, vias seen) of each extension that can still finish, best
        first. A key is a lower bound on the cost of any path finishing it."""
        found = []
        for role, move_cost in self.out.get(path[-1], {}).items():
            if role in path:
                continue
            self.examined += 1
            now_seen = seen | self.bits.get(role, 0)
            rest = self.rest(role, now_seen)
            if rest is not None:
                found.append((cost + move_cost + rest, role, now_seen))
        found.sort()
        return found

    def dive(self, source: str) -> tuple[str, ...] | None:
        """Depth first, best extension first: any one whole path, within DIVE_BUDGET.

        Used when the ordered search ran out of budget before finishing any path
        (many vias): a path it finds is shown, marked as found after stopping early.
        """
        stack: list[tuple[tuple[str, ...], int, int]] = [((source,), 0, 0)]
        stop = self.examined + DIVE_BUDGET
        while stack and self.examined < stop:
            path, cost, seen = stack.pop()
            if path[-1] == self.target:
                return path
            for _, role, now_seen in reversed(self.extensions(path, cost, seen)):
                stack.append(((*path, role), cost + self.out[path[-1]][role], now_seen))
        return None

    def rest(self, role: str, seen: int) -> int | None:
        """Lower bound on finishing from `role`; None when no finish is possible."""
        if role == self.target:
            return 0 if seen == self.all_seen else None
        return self.bound(role, seen, self.settle_allowance())

    def settle_allowance(self) -> int:
        """How many roles the bound's reverse search may have settled by now."""
        if self.settled_at is not None:
            return self.settled_at
        return SETTLE_FIRST + SETTLE_PER_CANDIDATE * (self.examined + self.rekeyed)

    def push(self, group: _Group, index: int) -> None:
        parent, cost, _, extensions = group
        key, role, seen = extensions[index]
        cost += self.out[parent[-1]][role]
        heapq.heappush(self.queue, (key, (*parent, role), cost, seen, group, index))

    def complete_in_queue(self) -> list[tuple[str, ...]]:
        """Whole paths found but not yet proven best (queued, or waiting as siblings)."""
        found = []
        for _, path, cost, _, group, index in self.queue:
            if path[-1] == self.target:
                found.append((cost, path))
            if group is not None and any(role == self.target
                                         for _, role, _ in group[3][index + 1:]):
                parent = group[0]
                found.append((group[1] + self.out[parent[-1]][self.target],
                              (*parent, self.target)))
        return [path for _, path in sorted(found)]


def _no_path_reason(dataset: Dataset, query: PathQuery, vias: list[str]) -> str:
    constraints = []
    if query.promotions_only:
        constraints.append("promotions only")
    if query.avoid:
        constraints.append("avoiding " + ", ".join(dict.fromkeys(query.avoid)))
    if vias:
        constraints.append("through " + ", ".join(vias))
    within = f" ({'; '.join(constraints)})" if constraints else ""
    reason = f"no path from {query.source} to {query.target}{within}"
    moves = allowed_moves(dataset, query.source, "", query.avoid, query.promotions_only,
                          query.fastest)
    ahead = sorted(reachable_from(query.source, moves.out) - {query.source},
                   key=lambda r: (-dataset.roles[r].level, r))
    if not ahead:
        return reason + f"; no move leads out of {query.source}"
    shown = ", ".join(ahead[:5]) + (", ..." if len(ahead) > 5 else "")
    return reason + f"; from {query.source} you can reach {shown}"

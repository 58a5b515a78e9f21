"""Graph queries over a dataset. The only module that imports networkx.

Path order is a strict key: (moves, typical years, role ids) by default, or
(typical years, moves, role ids) with `fastest`. Moves and years are folded
into one integer edge weight, so both our single-path Dijkstra and networkx's
k-shortest-paths generator (for alternatives) follow that order; role ids
break the remaining ties.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from careerpath.answers import Reachable
from careerpath.errors import NoAnswer, UsageError
from careerpath.model import CareerPath, Dataset

# How many candidate paths a --via search or a group of tied paths may examine
# before giving up: keeps a pathological query from running for ever.
SEARCH_BUDGET = 20_000


class PathQuery(NamedTuple):
    source: str
    target: str
    limit: int = 1
    fastest: bool = False
    via: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    promotions_only: bool = False


class PathSearch(NamedTuple):
    paths: list[CareerPath]
    more: bool | None
    stopped_early: bool
    examined: int
    total: int | None


Edge = tuple[str, str, int]


def _weighted_edges(dataset: Dataset, query: PathQuery) -> list[Edge]:
    """The moves the query may use, each with its integer cost."""
    # Year units: hundredths of a year at the midpoint of the typical range.
    units = [None if p.years is None else round((p.years.min + p.years.max) * 50)
             for p in dataset.progressions]
    unknown = sum(u for u in units if u is not None) + 1  # costs more than all known years
    year_span = (len(dataset.progressions) + 1) * unknown  # above any path's year cost
    node_count = len(dataset.roles) + 1  # above any path's number of moves
    avoid, fastest = set(query.avoid), query.fastest
    edges = []
    for move, known in zip(dataset.progressions, units):
        if move.source_id in avoid or move.target_id in avoid:
            continue
        if query.promotions_only and move.kind != "promotion":
            continue
        years = unknown if known is None else known
        edges.append((move.source_id, move.target_id,
                      years * node_count + 1 if fastest else year_span + years))
    return edges


def find_paths(dataset: Dataset, query: PathQuery) -> PathSearch:
    """The best `query.limit` paths in order. Raises NoAnswer when there is none."""
    for role_id in (query.source, query.target):
        if role_id in query.avoid:
            raise UsageError(f"--avoid names '{role_id}', an end of the path itself")
    if query.source == query.target:
        raise UsageError(f"the path starts and ends at '{query.source}'; name two different roles")
    edges = _weighted_edges(dataset, query)
    vias = [v for v in query.via if v not in (query.source, query.target)]
    # One Dijkstra answers the everyday question, and tells at once whether any
    # path exists, so networkx (a tenth of a second to import) is loaded only to
    # list alternatives, or when the best walk through the vias repeats a role.
    best = _best_path(edges, query.source, query.target, vias)
    if best is None:
        paths = []
    elif query.limit == 1 and len(set(best)) == len(best):
        paths = [best]
    else:
        paths = _alternatives(dataset, edges, query, vias)
    if not paths:
        raise NoAnswer(_no_path_reason(dataset, edges, query, vias))
    return PathSearch([dataset.path(path) for path in paths], None, False, 0, None)


def _alternatives(dataset: Dataset, edges: list[Edge], query: PathQuery,
                  vias: list[str]) -> list[list[str]]:
    """Several paths in cost order: networkx's k-shortest simple paths, taken lazily."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(role for role in dataset.roles if role not in query.avoid)
    graph.add_weighted_edges_from(edges)
    try:
        candidates: Iterable[list[str]] = nx.shortest_simple_paths(
            graph, query.source, query.target, weight="weight")
        return _ranked(graph, _passing(candidates, vias), query.limit)
    except nx.NetworkXNoPath:
        return []


def _best_path(edges: list[Edge], source: str, target: str,
               vias: list[str]) -> list[str] | None:
    """The cheapest walk through every via role, ties broken by the smallest ids.

    The search runs over states (role, set of via roles seen so far), so the
    vias may come in any order. Distances to the goal state are computed once
    (Dijkstra over the reversed moves); then from the start we always step to
    the smallest-id neighbour that stays on a cheapest walk. Every cost is
    positive, so the walk ends; without vias it is always a simple path.
    """
    bit = {via: 1 << index for index, via in enumerate(vias)}
    goal = (target, (1 << len(vias)) - 1)
    into: dict[str, list[tuple[str, int]]] = {}
    out: dict[str, list[tuple[str, int]]] = {}
    for source_id, target_id, cost in edges:
        into.setdefault(target_id, []).append((source_id, cost))
        out.setdefault(source_id, []).append((target_id, cost))
    to_goal = {goal: 0}
    queue = [(0, goal)]
    while queue:
        distance, state = heapq.heappop(queue)
        if distance > to_goal[state]:
            continue
        here, seen = state
        # Arriving at `here` adds its bit: before it, the set was `seen` or `seen`
        # without it (a role's own bit must be set once one stands on it).
        befores = {seen, seen & ~bit.get(here, 0)}
        for previous, cost in into.get(here, ()):
            own = bit.get(previous, 0)
            for before in befores:
                if before & own != own:
                    continue
                earlier, total = (previous, before), distance + cost
                if total < to_goal.get(earlier, total + 1):
                    to_goal[earlier] = total
                    heapq.heappush(queue, (total, earlier))
    state = (source, bit.get(source, 0))
    if state not in to_goal:
        return None
    path = [source]
    while state != goal:
        here, seen = state
        state = min(
            ((neighbour, seen | bit.get(neighbour, 0)) for neighbour, cost in out[here]
             if cost + to_goal.get((neighbour, seen | bit.get(neighbour, 0)), -1)
             == to_goal[state]),
            key=lambda candidate: candidate[0])
        path.append(state[0])
    return path


def _passing(candidates: Iterable[list[str]], vias: list[str]) -> Iterator[list[str]]:
    examined = 0
    for path in candidates:
        if all(via in path for via in vias):
            yield path
        else:
            examined += 1
            if examined > SEARCH_BUDGET:
                return


def _ranked(graph: Any, candidates: Iterable[list[str]], limit: int) -> list[list[str]]:
    """Take paths in cost order; sort each group of equal cost by role ids."""
    ranked: list[list[str]] = []
    group: list[list[str]] = []
    group_cost = None
    for path in candidates:
        cost = sum(graph[a][b]["weight"] for a, b in zip(path, path[1:]))
        if cost != group_cost:
            ranked.extend(sorted(group))
            group = []
            if len(ranked) >= limit:
                break
            group_cost = cost
        group.append(path)
        if len(group) > SEARCH_BUDGET:
            break
    else:
        ranked.extend(sorted(group))
    return ranked[:limit]


def _no_path_reason(dataset: Dataset, edges: list[Edge], query: PathQuery,
                    vias: list[str]) -> str:
    constraints = []
    if query.promotions_only:
        constraints.append("promotions only")
    if query.avoid:
        constraints.append("avoiding " + ", ".join(query.avoid))
    if vias:
        constraints.append("through " + ", ".join(vias))
    within = f" ({'; '.join(constraints)})" if constraints else ""
    reason = f"no path from {query.source} to {query.target}{within}"
    reachable = sorted(_downstream(edges, query.source) - {query.source},
                       key=lambda r: (-dataset.roles[r].level, r))
    if not reachable:
        return reason + f"; no move leads out of {query.source}"
    shown = ", ".join(reachable[:5]) + (", ..." if len(reachable) > 5 else "")
    return reason + f"; from {query.source} you can reach {shown}"


def _downstream(edges: list[Edge], start: str) -> set[str]:
    out: dict[str, list[str]] = {}
    for source_id, target_id, _ in edges:
        out.setdefault(source_id, []).append(target_id)
    seen, stack = {start}, [start]
    while stack:
        for target_id in out.get(stack.pop(), ()):
            if target_id not in seen:
                seen.add(target_id)
                stack.append(target_id)
    return seen


def reachable(dataset: Dataset, role_id: str, depth: int) -> list[Reachable]:
    """Roles within `depth` moves, by fewest moves; promotion-first routes preferred."""
    out: dict[str, list[tuple[str, str]]] = {}
    for move in dataset.progressions:
        out.setdefault(move.source_id, []).append((move.target_id, move.kind))
    for targets in out.values():
        targets.sort(key=lambda item: (item[1] != "promotion", item[0]))
    found: dict[str, Reachable] = {}
    queue: deque[tuple[str, int, str]] = deque([(role_id, 0, "")])
    while queue:
        here, moves, first_kind = queue.popleft()
        if moves == depth:
            continue
        for target, kind in out.get(here, []):
            if target == role_id or target in found:
                continue
            found[target] = Reachable(target, moves + 1, first_kind or kind)
            queue.append((target, moves + 1, first_kind or kind))
    return sorted(found.values(), key=lambda r: (r.moves, dataset.roles[r.role_id].level,
                                                 dataset.roles[r.role_id].title.casefold()))


def descendants(dataset: Dataset, role_id: str) -> set[str]:
    """The role and every role reachable from it."""
    return {role_id} | {r.role_id for r in reachable(dataset, role_id, len(dataset.roles))}

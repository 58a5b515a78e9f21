"""Graph queries over a dataset. The only module that imports networkx.

Path order is a strict key: (moves, typical years, role ids) by default, or
(typical years, moves, role ids) with `fastest`. Moves and years are folded
into one integer edge weight so networkx's k-shortest-paths generator yields
paths in that order; role ids break the remaining ties.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from careerpath.errors import NoAnswer, UsageError
from careerpath.model import CareerPath, Dataset

# How many candidate paths a --via search or a group of tied paths may examine
# before giving up: keeps a pathological query from running for ever.
SEARCH_BUDGET = 20_000


@dataclass(frozen=True)
class PathQuery:
    source: str
    target: str
    limit: int = 1
    fastest: bool = False
    via: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    promotions_only: bool = False


@dataclass(frozen=True)
class Reachable:
    role_id: str
    moves: int
    first_kind: str  # kind of the first move on the way there


def _build(dataset: Dataset, query: PathQuery) -> Any:
    import networkx as nx

    known_years = [round(p.years.midpoint * 100) for p in dataset.progressions if p.years]
    unknown = sum(known_years) + 1  # a move without years costs more than all known ones
    year_span = (len(dataset.progressions) + 1) * unknown  # above any path's year cost
    node_count = len(dataset.roles) + 1  # above any path's number of moves
    graph = nx.DiGraph()
    graph.add_nodes_from(role for role in dataset.roles if role not in query.avoid)
    for move in dataset.progressions:
        if move.source_id in query.avoid or move.target_id in query.avoid:
            continue
        if query.promotions_only and move.kind != "promotion":
            continue
        years = round(move.years.midpoint * 100) if move.years else unknown
        weight = years * node_count + 1 if query.fastest else year_span + years
        graph.add_edge(move.source_id, move.target_id, weight=weight)
    return graph


def find_paths(dataset: Dataset, query: PathQuery) -> list[CareerPath]:
    """The best `query.limit` paths in order. Raises NoAnswer when there is none."""
    import networkx as nx

    for role_id in (query.source, query.target):
        if role_id in query.avoid:
            raise UsageError(f"--avoid names '{role_id}', an end of the path itself")
    if query.source == query.target:
        raise UsageError(f"the path starts and ends at '{query.source}'; name two different roles")
    graph = _build(dataset, query)
    vias = [v for v in query.via if v not in (query.source, query.target)]
    if query.limit == 1 and not vias:
        best = _best_path(graph, query.source, query.target)
        paths = [best] if best else []
    else:
        try:
            candidates: Iterable[list[str]] = nx.shortest_simple_paths(
                graph, query.source, query.target, weight="weight")
            paths = _ranked(graph, _passing(candidates, vias), query.limit)
        except nx.NetworkXNoPath:
            paths = []
    if not paths:
        raise NoAnswer(_no_path_reason(dataset, graph, query, vias))
    return [dataset.path(path) for path in paths]


def _best_path(graph: Any, source: str, target: str) -> list[str] | None:
    """The cheapest path, ties broken by the smallest sequence of role ids.

    Distances to the target are computed once; then from the source we always
    step to the smallest-id neighbour that stays on a cheapest path.
    """
    import networkx as nx

    to_target = nx.single_source_dijkstra_path_length(graph.reverse(copy=False), target,
                                                      weight="weight")
    if source not in to_target:
        return None
    path = [source]
    while path[-1] != target:
        here = path[-1]
        path.append(min(
            neighbour for neighbour, edge in graph[here].items()
            if neighbour in to_target
            and edge["weight"] + to_target[neighbour] == to_target[here]
        ))
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


def _no_path_reason(dataset: Dataset, graph: Any, query: PathQuery, vias: list[str]) -> str:
    import networkx as nx

    constraints = []
    if query.promotions_only:
        constraints.append("promotions only")
    if query.avoid:
        constraints.append("avoiding " + ", ".join(query.avoid))
    if vias:
        constraints.append("through " + ", ".join(vias))
    within = f" ({'; '.join(constraints)})" if constraints else ""
    reason = f"no path from {query.source} to {query.target}{within}"
    reachable = sorted(nx.descendants(graph, query.source),
                       key=lambda r: (-dataset.roles[r].level, r))
    if not reachable:
        return reason + f"; no move leads out of {query.source}"
    shown = ", ".join(reachable[:5]) + (", ..." if len(reachable) > 5 else "")
    return reason + f"; from {query.source} you can reach {shown}"


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

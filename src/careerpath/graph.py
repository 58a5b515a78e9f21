"""Graph queries over a dataset: paths between roles, and what lies ahead of one.

Path search lives in pathsearch.py (order and bounds in pathcost.py); this
module is the graph layer's one door, so callers import from here.
"""

from __future__ import annotations

from collections import deque

from careerpath.answers import Reachable
from careerpath.model import Dataset
from careerpath.pathsearch import PathQuery, PathSearch, find_paths

__all__ = ["PathQuery", "PathSearch", "Reachable", "descendants", "find_paths", "reachable"]


def reachable(dataset: Dataset, role_id: str, depth: int) -> list[Reachable]:
    """Roles within `depth` moves, by fewest moves; promotion-first routes preferred."""
    def moves_out(role: str) -> list[tuple[str, str]]:
        """(next role, kind): promotions first, then by id. Through Dataset.moves_out,
        so a cached dataset checks only the moves read (cache_graph)."""
        found = [(move.target_id, move.kind) for move in dataset.moves_out(role)]
        return sorted(found, key=lambda item: (item[1] != "promotion", item[0]))

    out: dict[str, list[tuple[str, str]]] = {}
    found: dict[str, Reachable] = {}
    queue: deque[tuple[str, int, str]] = deque([(role_id, 0, "")])
    while queue:
        here, moves, first_kind = queue.popleft()
        if moves == depth:
            continue
        if here not in out:
            out[here] = moves_out(here)
        for target, kind in out[here]:
            if target == role_id or target in found:
                continue
            found[target] = Reachable(target, moves + 1, first_kind or kind)
            queue.append((target, moves + 1, first_kind or kind))
    return sorted(found.values(), key=lambda r: (r.moves, dataset.roles[r.role_id].level,
                                                 dataset.roles[r.role_id].title.casefold()))


def descendants(dataset: Dataset, role_id: str) -> set[str]:
    """The role and every role reachable from it."""
    return {role_id} | {r.role_id for r in reachable(dataset, role_id, len(dataset.roles))}

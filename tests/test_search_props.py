"""find_paths against a brute-force oracle on small random graphs.

The oracle is networkx's all_simple_paths, filtered by the constraints and
sorted by the documented key (docs/design-search.md), written out here again
on purpose rather than imported from the code under test.
"""

from __future__ import annotations

import math
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath import pathcost, pathsearch
from careerpath.errors import NoAnswer, UsageError
from careerpath.graph import PathQuery, find_paths
from careerpath.model import Dataset, Progression, Role, Years

# Ids where one is a prefix of another, so tie-breaking by ids is tested hard.
IDS = ["a", "ab", "b", "b0", "c", "d", "e"]
# None (no years), zero, fractions, halves that round, and ranges.
YEARS = st.one_of(st.none(), st.just((0.0, 0.0)),
                  st.tuples(st.sampled_from([0, 0.005, 0.25, 0.5, 1, 1.25, 1.3, 2, 3]),
                            st.sampled_from([0, 0.5, 0.75, 1, 2, 2.5, 4])))


@st.composite
def datasets(draw: Any) -> Dataset:
    count = draw(st.integers(2, 7))
    ids = draw(st.permutations(IDS))[:count]
    roles = {i: Role(i, f"Role {i}", draw(st.integers(1, 3))) for i in ids}
    pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), min_size=2 * count,
                          max_size=36, unique=True))
    moves = []
    for source, target in pairs:
        if source == target:
            continue
        years = draw(YEARS)
        moves.append(Progression(source, target, draw(st.sampled_from(["promotion", "lateral"])),
                                 None if years is None else Years(min(years), max(years))))
    return Dataset(roles, tuple(moves))


@st.composite
def queries(draw: Any, data: Dataset) -> PathQuery:
    """Mostly well-formed queries; one in ten may repeat an end or clash via with avoid."""
    ids = sorted(data.roles)
    awkward = draw(st.integers(0, 9)) == 0
    source = draw(st.sampled_from(ids))
    target = draw(st.sampled_from(ids if awkward else [i for i in ids if i != source]))
    via = tuple(draw(st.lists(st.sampled_from(ids), max_size=4 if awkward else 2)))  # repeats too
    others = ids if awkward else [i for i in ids if i not in {source, target, *via}]
    avoid = tuple(draw(st.lists(st.sampled_from(others), max_size=2))) if others else ()
    return PathQuery(source, target, draw(st.integers(1, 6)), draw(st.booleans()), via, avoid,
                     draw(st.booleans()))


def documented_key(data: Dataset, roles: list[str], fastest: bool) -> tuple[Any, ...]:
    moves = [data.move(a, b) for a, b in zip(roles, roles[1:])]
    known = [m.years for m in moves if m.years is not None]
    unknown = len(moves) - len(known)
    units = sum(math.floor((y.min + y.max) * 50 + 0.5) for y in known)
    if fastest:
        return (unknown, units, len(moves), tuple(roles))
    return (len(moves), unknown, units, tuple(roles))


def oracle(data: Dataset, query: PathQuery) -> list[list[str]] | None:
    """Every path satisfying the query in the documented order; None: a usage error."""
    import networkx as nx

    ends = (query.source, query.target)
    if query.source == query.target or set(ends + query.via) & set(query.avoid):
        return None
    graph = nx.DiGraph()
    graph.add_nodes_from(data.roles)
    graph.add_edges_from((m.source_id, m.target_id) for m in data.progressions
                         if not {m.source_id, m.target_id} & set(query.avoid)
                         and not (query.promotions_only and m.kind != "promotion"))
    paths = [p for p in nx.all_simple_paths(graph, query.source, query.target)
             if set(query.via) <= set(p)]
    return sorted(paths, key=lambda p: documented_key(data, p, query.fastest))


def check_against_oracle(data: Dataset, query: PathQuery) -> None:
    expected = oracle(data, query)
    if expected is None:
        with pytest.raises(UsageError):
            find_paths(data, query)
        return
    if not expected:
        with pytest.raises(NoAnswer, match=f"^no path from {query.source} to {query.target}"):
            find_paths(data, query)
        return
    found = find_paths(data, query)
    assert [list(p.roles) for p in found.paths] == expected[:query.limit]
    assert found.more == (len(expected) > query.limit)
    assert found.total == len(expected)
    assert not found.stopped_early


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_every_option_combination_matches_the_oracle(draw: st.DataObject) -> None:
    data = draw.draw(datasets())
    check_against_oracle(data, draw.draw(queries(data)))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_the_weaker_via_bound_gives_the_same_answers(draw: st.DataObject) -> None:
    """With no room for the exact (role, vias seen) bound, the fallback bound is used."""
    data = draw.draw(datasets())
    query = draw.draw(queries(data))
    with mock.patch.object(pathcost, "STATE_BUDGET", 0):
        check_against_oracle(data, query)


@settings(max_examples=300, deadline=None)
@given(st.data(), st.integers(1, 12))
def test_a_budget_that_runs_out_never_lies(draw: st.DataObject, budget: int) -> None:
    """Stopped early: what is shown is real and in order; never "no path" when one exists."""
    data = draw.draw(datasets())
    query = draw.draw(queries(data))
    expected = oracle(data, query)
    if expected is None:
        return
    with mock.patch.object(pathsearch, "SEARCH_BUDGET", budget):
        try:
            found = find_paths(data, query)
        except NoAnswer as error:
            if not expected:  # honest either way: proven, or "one may exist"
                return
            assert "one may exist" in str(error)
            return
    shown = [list(p.roles) for p in found.paths]
    assert 0 < len(shown) <= query.limit
    assert all(path in expected for path in shown)
    assert shown == sorted(shown, key=lambda p: documented_key(data, p, query.fastest))
    # The last step may overshoot by one role's extensions; then a count, or a dive.
    assert found.examined <= budget + len(data.roles) + max(pathsearch.COUNT_BUDGET,
                                                            pathsearch.DIVE_BUDGET)
    if found.stopped_early:
        assert found.total is None and found.more is not False
        assert found.more is None or len(expected) > len(shown)
    else:
        assert shown == expected[:query.limit]
        assert found.more == (len(expected) > query.limit)

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


@st.composite
def layered_datasets(draw: Any) -> Dataset:
    """Tie-heavy: a start `s`, 1-3 layers of 1-3 roles, an end `t`; each layer fully or
    partly connected to the next, some moves lateral across a layer, years mostly
    missing or equal, so many paths tie and only the ids break the tie."""
    layers = [[f"l{i}{j}" for j in range(draw(st.integers(1, 3)))]
              for i in range(draw(st.integers(1, 3)))]
    names = [["s"], *layers, ["t"]]
    roles = {name: Role(name, f"Role {name}", depth + 1)
             for depth, layer in enumerate(names) for name in layer}
    years = st.one_of(st.none(), st.just((1.0, 1.0)), st.just((0.0, 0.0)), st.just((0.5, 1.5)))
    moves = []
    for here, there in zip(names, names[1:]):
        for a in here:
            for b in there:
                if draw(st.integers(0, 5)):  # most moves exist
                    y = draw(years)
                    moves.append(Progression(a, b, "promotion", None if y is None else Years(*y)))
    for layer in layers:
        for a in layer:
            for b in layer:
                if a != b and draw(st.integers(0, 3)) == 0:
                    y = draw(years)
                    moves.append(Progression(a, b, "lateral", None if y is None else Years(*y)))
    return Dataset(roles, tuple(moves))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_tie_heavy_layered_graphs_match_the_oracle(draw: st.DataObject) -> None:
    data = draw.draw(layered_datasets())
    ids = sorted(data.roles)
    middle = [i for i in ids if i not in ("s", "t")]
    via = tuple(draw.draw(st.lists(st.sampled_from(middle), max_size=3)))  # repeats too
    others = [i for i in middle if i not in via]
    avoid = tuple(draw.draw(st.lists(st.sampled_from(others), max_size=2))) if others else ()
    query = PathQuery("s", "t", draw.draw(st.integers(1, 30)), draw.draw(st.booleans()), via,
                      avoid, draw.draw(st.booleans()))
    check_against_oracle(data, query)


SKILLS = st.dictionaries(st.sampled_from(["SEO", "seo tools", "Python", "Lead"]),
                         st.integers(1, 5), max_size=3)


def brute_gaps(data: Dataset, roles: list[str]) -> tuple[list[list[tuple[Any, ...]]],
                                                        list[tuple[Any, ...]]]:
    """Per step: each skill the next role asks above the best of every role so far;
    total: each skill the path's roles ask above the start's. (name, have, need)."""
    def best(names: list[str], skill: str) -> int | None:
        levels = [data.roles[n].skills[skill] for n in names if skill in data.roles[n].skills]
        return max(levels) if levels else None

    def ordered(gaps: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        return sorted(gaps, key=lambda g: (-(g[2] - (g[1] or 0)), g[0].casefold()))

    steps = []
    for k in range(1, len(roles)):
        target = data.roles[roles[k]].skills
        steps.append(ordered([(n, best(roles[:k], n), need) for n, need in target.items()
                              if need > (best(roles[:k], n) or 0)]))
    asked = {n for r in roles[1:] for n in data.roles[r].skills}
    total = ordered([(n, best(roles[:1], n), best(roles[1:], n)) for n in asked
                     if (best(roles[1:], n) or 0) > (best(roles[:1], n) or 0)])
    return steps, total


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_skills_to_build_match_a_brute_force_count(draw: st.DataObject) -> None:
    """Every step against the best level held so far; the total against the start; JSON
    and CSV carry exactly that."""
    import csv
    import io
    import json

    from careerpath.queries import find_path
    from careerpath.render import render_answer

    shape = draw.draw(st.sampled_from([datasets(), layered_datasets()]))
    data = draw.draw(shape)
    data = Dataset({i: Role(r.id, r.title, r.level, skills=draw.draw(SKILLS))
                    for i, r in data.roles.items()}, data.progressions)
    ids = sorted(data.roles)
    source, target = draw.draw(st.sampled_from(ids)), draw.draw(st.sampled_from(ids))
    if source == target or not oracle(data, PathQuery(source, target)):
        return
    answer = find_path(data, source, target, limit=5)
    as_json = json.loads(render_answer(answer, "json", data, "path"))
    rows = list(csv.DictReader(io.StringIO(render_answer(answer, "csv", data, "path"))))
    for number, (path, shown) in enumerate(zip(answer.paths, as_json["paths"]), 1):
        steps, total = brute_gaps(data, [r.id for r in path.roles])
        assert [[tuple(g) for g in step.skills] for step in path.steps] == steps
        assert [tuple(g) for g in path.skills] == total
        assert [[(g["name"], g["have"], g["need"]) for g in s["skills"]]
                for s in shown["steps"]] == steps
        assert [(g["name"], g["have"], g["need"]) for g in shown["skills"]] == total
        mine = [row for row in rows if row["path"] == str(number)]
        assert mine[-1]["step"] == "total"
        assert mine[-1]["skills"] == "; ".join(
            f"{n}: {'new' if h is None else h}->{need}" for n, h, need in total)
        assert [row["skills"] for row in mine[1:-1]] == [
            "; ".join(f"{n}: {'new' if h is None else h}->{need}" for n, h, need in step)
            for step in steps]

"""Graph queries on the small fixture: ordering, ties, constraints, reachability."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath import NoAnswer, load_dataset
from careerpath.errors import UsageError
from careerpath.graph import PathQuery, descendants, find_paths, reachable
from careerpath.model import Dataset


@pytest.fixture
def data(small: Path) -> Dataset:
    return load_dataset(str(small))


def routes(data: Dataset, **options: object) -> list[list[str]]:
    query = PathQuery("analyst", "head-of-data", **options)  # type: ignore[arg-type]
    return [list(path.roles) for path in find_paths(data, query)]


def test_default_is_fewest_moves_even_through_a_skip_level(data: Dataset) -> None:
    assert routes(data) == [["analyst", "lead-analyst", "head-of-data"]]


def test_all_orders_by_moves_then_years_then_ids(data: Dataset) -> None:
    assert routes(data, limit=10) == [
        ["analyst", "lead-analyst", "head-of-data"],
        # 3 moves, 9 typical years each (midpoints): tie broken by role ids
        ["analyst", "data-scientist", "analytics-manager", "head-of-data"],
        ["analyst", "senior-analyst", "analytics-manager", "head-of-data"],
        ["analyst", "senior-analyst", "data-scientist", "analytics-manager", "head-of-data"],
    ]


def test_limit_stops_early(data: Dataset) -> None:
    assert len(routes(data, limit=2)) == 2


def test_fastest_orders_by_years(data: Dataset) -> None:
    assert routes(data, limit=10, fastest=True) == [
        ["analyst", "data-scientist", "analytics-manager", "head-of-data"],
        ["analyst", "senior-analyst", "analytics-manager", "head-of-data"],
        ["analyst", "senior-analyst", "data-scientist", "analytics-manager", "head-of-data"],
        ["analyst", "lead-analyst", "head-of-data"],
    ]


def test_fastest_single_path(data: Dataset) -> None:
    assert routes(data, fastest=True) == [
        ["analyst", "data-scientist", "analytics-manager", "head-of-data"]]


def test_via_forces_a_role(data: Dataset) -> None:
    assert routes(data, via=("senior-analyst",)) == [
        ["analyst", "senior-analyst", "analytics-manager", "head-of-data"]]
    assert routes(data, via=("senior-analyst", "data-scientist"), limit=5) == [
        ["analyst", "senior-analyst", "data-scientist", "analytics-manager", "head-of-data"]]


def test_avoid_and_promotions_only(data: Dataset) -> None:
    assert routes(data, avoid=("lead-analyst", "data-scientist")) == [
        ["analyst", "senior-analyst", "analytics-manager", "head-of-data"]]
    assert ["analyst", "senior-analyst", "data-scientist", "analytics-manager",
            "head-of-data"] not in routes(data, limit=10, promotions_only=True)
    assert len(routes(data, limit=10, promotions_only=True)) == 3


def test_years_add_up(data: Dataset) -> None:
    path = find_paths(data, PathQuery("analyst", "head-of-data", limit=2))[1]
    assert path.years is not None and (path.years.min, path.years.max) == (8, 10)


def test_no_path_says_what_is_reachable(data: Dataset) -> None:
    with pytest.raises(NoAnswer, match="no path from head-of-data to analyst; "
                                       "no move leads out of head-of-data"):
        find_paths(data, PathQuery("head-of-data", "analyst"))
    with pytest.raises(NoAnswer, match="no path from analyst to island; from analyst you "
                                       "can reach head-of-data, analytics-manager"):
        find_paths(data, PathQuery("analyst", "island"))


def test_constraints_that_leave_no_path(data: Dataset) -> None:
    with pytest.raises(NoAnswer, match=r"\(through island\)"):
        find_paths(data, PathQuery("analyst", "head-of-data", via=("island",)))
    with pytest.raises(UsageError, match="--avoid names 'analyst'"):
        find_paths(data, PathQuery("analyst", "head-of-data", avoid=("analyst",)))
    with pytest.raises(UsageError, match="starts and ends"):
        find_paths(data, PathQuery("analyst", "analyst"))


def test_reachable_depth_and_first_move(data: Dataset) -> None:
    one = reachable(data, "senior-analyst", 1)
    assert [(r.role_id, r.moves, r.first_kind) for r in one] == [
        ("data-scientist", 1, "lateral"), ("analytics-manager", 1, "promotion")]
    two = reachable(data, "senior-analyst", 2)
    assert [(r.role_id, r.moves, r.first_kind) for r in two][-1] == ("head-of-data", 2,
                                                                     "promotion")
    assert descendants(data, "island") == {"island"}


def test_builtin_headline_path() -> None:
    data = load_dataset()
    path = find_paths(data, PathQuery("ecommerce-coordinator", "chief-digital-officer"))[0]
    assert path.roles == ("ecommerce-coordinator", "ecommerce-manager", "ecommerce-director",
                          "vp-of-ecommerce", "chief-digital-officer")
    senior = find_paths(data, PathQuery("ecommerce-director", "vp-of-ecommerce", limit=5))
    assert [p.roles[1] for p in senior][:2] == ["vp-of-ecommerce", "senior-ecommerce-director"]


def _random_dataset(edges: list[tuple[int, int, int, bool]]) -> Dataset:
    from careerpath.model import Progression, Role, Years

    roles = {f"r{i}": Role(f"r{i}", f"Role {i}", 1 + i // 3) for i in range(9)}
    moves, seen = [], set()
    for a, b, years, lateral in edges:
        source, target = f"r{a}", f"r{b}"
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        promotion = roles[target].level > roles[source].level and not lateral
        moves.append(Progression(source, target, "promotion" if promotion else "lateral",
                                 Years(years, years + years % 2)))
    return Dataset(roles, tuple(moves))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8), st.integers(1, 4),
                          st.booleans()), max_size=30),
       st.lists(st.integers(1, 7), max_size=2, unique=True), st.booleans())
def test_best_path_agrees_with_enumerating_simple_paths(
        edges: list[tuple[int, int, int, bool]], vias: list[int], fastest: bool) -> None:
    """The one-search answer equals the first of networkx's k-shortest simple paths."""
    from careerpath.graph import _alternatives, _weighted_edges

    data = _random_dataset(edges)
    query = PathQuery("r0", "r8", fastest=fastest, via=tuple(f"r{v}" for v in vias))
    via_ids = list(query.via)
    enumerated = _alternatives(data, _weighted_edges(data, query), query, via_ids)
    try:
        found = [list(find_paths(data, query)[0].roles)]
    except NoAnswer:
        found = []
    assert found == enumerated[:1]

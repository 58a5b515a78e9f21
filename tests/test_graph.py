"""Graph queries on the small fixture: ordering, ties, constraints, reachability."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpath import NoAnswer, load_dataset
from careerpath.errors import UsageError
from careerpath.graph import PathQuery, descendants, find_paths, reachable
from careerpath.model import Dataset


@pytest.fixture
def data(small: Path) -> Dataset:
    return load_dataset(str(small))


def routes(data: Dataset, **options: object) -> list[list[str]]:
    query = PathQuery("analyst", "head-of-data", **options)  # type: ignore[arg-type]
    return [list(path.roles) for path in find_paths(data, query).paths]


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
    path = find_paths(data, PathQuery("analyst", "head-of-data", limit=2)).paths[1]
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
    path = find_paths(data, PathQuery("ecommerce-coordinator", "chief-digital-officer")).paths[0]
    assert path.roles == ("ecommerce-coordinator", "ecommerce-manager",
                          "senior-ecommerce-manager", "ecommerce-director", "vp-of-ecommerce",
                          "chief-digital-officer")
    senior = find_paths(data, PathQuery("ecommerce-director", "vp-of-ecommerce", limit=5)).paths
    assert [p.roles[1] for p in senior][:2] == ["vp-of-ecommerce", "senior-ecommerce-director"]


"""Graph queries on the small fixture: ordering, ties, constraints, reachability."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from careerpath import NoAnswer, load_dataset
from careerpath.errors import UsageError
from careerpath.graph import PathQuery, PathSearch, descendants, find_paths, reachable
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
    assert path.roles == ("ecommerce-coordinator", "ecommerce-manager", "ecommerce-director",
                          "vp-of-ecommerce", "chief-digital-officer")
    senior = find_paths(data, PathQuery("ecommerce-director", "vp-of-ecommerce", limit=5)).paths
    assert [p.roles[1] for p in senior][:2] == ["vp-of-ecommerce", "senior-ecommerce-director"]



# Regressions from issue 9: each builds the awkward graph in memory, by ids.

def dataset(levels: dict[str, int],
            moves: list[tuple[str, str, tuple[float, float] | None]]) -> Dataset:
    from careerpath.model import Progression, Role, Years

    roles = {i: Role(i, i.upper(), level) for i, level in levels.items()}
    return Dataset(roles, tuple(
        Progression(a, b, "promotion" if levels[b] > levels[a] else "lateral",
                    None if years is None else Years(*years)) for a, b, years in moves))


def ids(found: PathSearch) -> list[list[str]]:
    return [list(path.roles) for path in found.paths]


def test_a_mix_of_moves_with_and_without_years_does_not_crash() -> None:
    # It did: the old Dijkstra's "no distance" sentinel -1 made a+b's cost look optimal.
    mixed = dataset({"a": 1, "b": 2, "t": 2}, [("a", "t", (2, 2)), ("a", "b", None)])
    found = find_paths(mixed, PathQuery("a", "t", limit=5))
    assert (ids(found), found.more, found.total) == ([["a", "t"]], False, 1)
    assert ids(find_paths(mixed, PathQuery("a", "t", fastest=True))) == [["a", "t"]]


def test_moves_without_years_count_after_moves_with_years() -> None:
    data = dataset({"s": 1, "x": 2, "y": 2, "t": 3},
                   [("s", "x", None), ("x", "t", (0, 0)), ("s", "y", (5, 9)), ("y", "t", (5, 9))])
    assert ids(find_paths(data, PathQuery("s", "t", limit=2))) == [["s", "y", "t"],
                                                                    ["s", "x", "t"]]


def test_zero_and_fractional_years() -> None:
    data = dataset({"s": 1, "x": 2, "y": 2, "t": 3}, [
        ("s", "t", (1, 1)), ("s", "x", (0, 0)), ("x", "t", (0, 0.25)),  # 0.125 -> 13 units
        ("s", "y", (0.005, 0.005)), ("y", "t", (0.06, 0.06))])  # 1 unit + 6 units = 7
    assert ids(find_paths(data, PathQuery("s", "t", limit=3))) == [
        ["s", "t"], ["s", "y", "t"], ["s", "x", "t"]]
    assert ids(find_paths(data, PathQuery("s", "t", limit=3, fastest=True))) == [
        ["s", "y", "t"], ["s", "x", "t"], ["s", "t"]]


def test_year_units_round_half_up_at_the_midpoint() -> None:
    from careerpath.model import Years
    from careerpath.pathcost import year_units

    assert [year_units(Years(a, b)) for a, b in [(0, 0), (0, 0.25), (0.005, 0.005), (1, 3),
                                                 (0.25, 0)]] == [0, 13, 1, 200, 13]
    assert year_units(None) is None


def test_repeated_vias_are_one_via_and_ends_are_dropped(data: Dataset) -> None:
    once = routes(data, via=("data-scientist",), limit=5)
    assert once == [["analyst", "data-scientist", "analytics-manager", "head-of-data"],
                    ["analyst", "senior-analyst", "data-scientist", "analytics-manager",
                     "head-of-data"]]
    assert routes(data, via=("data-scientist", "data-scientist", "analyst", "head-of-data"),
                  limit=5) == once


def test_a_role_both_via_and_avoided_is_a_usage_error(data: Dataset) -> None:
    with pytest.raises(UsageError, match="--via and --avoid both name 'data-scientist'"):
        find_paths(data, PathQuery("analyst", "head-of-data", via=("data-scientist",),
                                   avoid=("data-scientist",)))


def test_no_path_when_the_vias_need_a_role_twice() -> None:
    # s -> x -> v1 -> x -> v2 -> t is a walk, not a path: proven after searching, not guessed.
    data = dataset({"s": 1, "x": 2, "v1": 2, "v2": 2, "t": 3},
                   [("s", "x", None), ("x", "v1", None), ("v1", "x", None), ("x", "v2", None),
                    ("v2", "t", None)])
    with pytest.raises(NoAnswer, match=r"^no path from s to t \(through v1, v2\); from s you "
                                       "can reach t, v1, v2, x$"):
        find_paths(data, PathQuery("s", "t", via=("v1", "v2")))


def layers(count: int = 5, width: int = 8) -> Dataset:
    """A start, `count` layers of `width` fully connected roles, an end; no years."""
    names = [["s"], *([f"l{i}-{j}" for j in range(width)] for i in range(1, count + 1)), ["t"]]
    levels = {name: depth for depth, layer in enumerate(names) for name in layer}
    return dataset(levels, [(a, b, None) for here, there in zip(names, names[1:])
                            for a in here for b in there])


def test_32768_tied_paths_answer_the_first_five_in_order() -> None:
    found = find_paths(layers(), PathQuery("s", "t", limit=5))
    assert ids(found) == [["s", "l1-0", "l2-0", "l3-0", "l4-0", "l5-0", "t"],
                          ["s", "l1-0", "l2-0", "l3-0", "l4-0", "l5-1", "t"],
                          ["s", "l1-0", "l2-0", "l3-0", "l4-0", "l5-2", "t"],
                          ["s", "l1-0", "l2-0", "l3-0", "l4-0", "l5-3", "t"],
                          ["s", "l1-0", "l2-0", "l3-0", "l4-0", "l5-4", "t"]]
    assert (found.more, found.stopped_early, found.total) == (True, False, None)
    from careerpath.pathsearch import COUNT_BUDGET

    assert found.examined < 100 + COUNT_BUDGET  # then it tried, in vain, to count them all


def test_a_small_dense_framework_gets_its_exact_total() -> None:
    # 8 roles, a lateral move between every pair: 1,957 paths from r0 to r7 (counted by
    # networkx). A count budget cut to 2,000 candidates lost this total.
    names = [f"r{n}" for n in range(8)]
    dense = dataset(dict.fromkeys(names, 1), [(a, b, None) for a in names for b in names
                                              if a != b])
    found = find_paths(dense, PathQuery("r0", "r7", limit=10))
    assert (found.more, found.total, found.stopped_early) == (True, 1957, False)


def test_counts_are_honest(data: Dataset) -> None:
    every = find_paths(data, PathQuery("analyst", "head-of-data", limit=10))
    assert (len(every.paths), every.more, every.total, every.stopped_early) == (4, False, 4, False)
    some = find_paths(data, PathQuery("analyst", "head-of-data", limit=2))
    assert (len(some.paths), some.more, some.total, some.stopped_early) == (2, True, 4, False)


def test_a_budget_that_runs_out_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from careerpath import pathsearch

    monkeypatch.setattr(pathsearch, "SEARCH_BUDGET", 60)
    found = find_paths(layers(), PathQuery("s", "t", limit=1_000_000_000))
    assert found.stopped_early and found.total is None and found.more is None
    assert 60 <= found.examined < 68 and 1 < len(found.paths) < 60
    assert ids(found)[0] == ["s", "l1-0", "l2-0", "l3-0", "l4-0", "l5-0", "t"]
    # Out of budget before any path: a depth-first dive finds one to show ...
    monkeypatch.setattr(pathsearch, "SEARCH_BUDGET", 3)
    dived = find_paths(layers(), PathQuery("s", "t", limit=3, via=("l3-7", "l2-5")))
    assert ids(dived) == [["s", "l1-0", "l2-5", "l3-7", "l4-0", "l5-0", "t"]]
    assert (dived.more, dived.stopped_early, dived.total) == (None, True, None)
    # ... and when that runs out too, the answer says a path may exist.
    monkeypatch.setattr(pathsearch, "DIVE_BUDGET", 3)
    with pytest.raises(NoAnswer, match=r"^searched 16 candidates without finding a path from s "
                                       r"to t through l3-7, l2-5; one may exist — try fewer"):
        find_paths(layers(), PathQuery("s", "t", via=("l3-7", "l2-5")))


def test_mixed_years_on_the_command_line(make_dataset: Callable[..., Path],
                                         run: Callable[..., Any]) -> None:
    folder = make_dataset(
        "roles:\n  - {id: a, title: A, level: 1}\n  - {id: b, title: B, level: 2}\n"
        "  - {id: t, title: T, level: 2}\n",
        "progressions:\n  - {from: a, to: t, years: 2}\n  - {from: a, to: b}\n")
    for command in ("path", "compare"):
        result = run("--data", folder, command, "a", "t", "-f", "json")
        assert result.exit_code == 0, result.stderr
        assert result.json()["path" if command == "compare" else "paths"] is not None

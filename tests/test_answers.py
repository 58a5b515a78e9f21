"""The core's complete answers: cumulative skill gaps, constraints named once, plurals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from careerpath import load_dataset
from careerpath.answers import SkillGap
from careerpath.errors import UsageError
from careerpath.queries import find_path
from conftest import Result

Run = Callable[..., Result]

# a --lateral--> b --promotion--> c: c asks for X 3 (held since a) and Y 3 (held since b).
LATERAL_ROLES = """\
roles:
  - {id: a, title: Alpha, level: 1, skills: {X: 3, Z: 1}}
  - {id: b, title: Beta, level: 1, skills: {Y: 3}}
  - {id: c, title: Gamma, level: 2, skills: {X: 3, Y: 3, Z: 2}}
"""
LATERAL_MOVES = """\
progressions:
  - {from: a, to: b, kind: lateral}
  - {from: b, to: c}
"""


def test_a_skill_held_two_steps_back_is_not_asked_again(make_dataset: Callable[..., Path]) -> None:
    data = load_dataset(str(make_dataset(LATERAL_ROLES, LATERAL_MOVES)), use_cache=False)
    path = find_path(data, "a", "c").paths[0]
    assert [step.skills for step in path.steps] == [
        [SkillGap("Y", None, 3)],
        [SkillGap("Z", 1, 2)],  # X 3 is held from a, Y 3 from b
    ]
    assert path.skills == [SkillGap("Y", None, 3), SkillGap("Z", 1, 2)]


def test_start_skills_replace_the_start_role(make_dataset: Callable[..., Path]) -> None:
    data = load_dataset(str(make_dataset(LATERAL_ROLES, LATERAL_MOVES)), use_cache=False)
    path = find_path(data, "a", "c", start_skills={"Y": 1}).paths[0]
    assert path.steps[0].skills == [SkillGap("Y", 1, 3)]
    assert path.skills == [SkillGap("X", None, 3), SkillGap("Y", 1, 3), SkillGap("Z", None, 2)]


def test_a_role_named_twice_as_via_is_one_via(small: Path) -> None:
    data = load_dataset(str(small), use_cache=False)
    answer = find_path(data, "analyst", "hod", via=["senior-analyst", "Senior Data Analyst",
                                                    "SENIOR_ANALYST"])
    assert [role.id for role in answer.paths[0].roles] == [
        "analyst", "senior-analyst", "analytics-manager", "head-of-data"]


@pytest.mark.parametrize(("via", "avoid", "message"), [
    (["lead"], ["lead-analyst"], "'lead-analyst' is named by both --via and --avoid; "
     "a path cannot pass through a role and avoid it"),
    ([], ["Data Analyst"], "--avoid names 'analyst', an end of the path itself"),
])
def test_conflicting_constraints_are_usage_errors(small: Path, via: list[str], avoid: list[str],
                                                  message: str) -> None:
    data = load_dataset(str(small), use_cache=False)
    with pytest.raises(UsageError) as caught:
        find_path(data, "analyst", "hod", via=via, avoid=avoid)
    assert str(caught.value) == message


def test_via_and_avoid_the_same_role_through_the_cli(run: Run, small: Path) -> None:
    result = run("--data", small, "path", "analyst", "hod", "--via", "lead", "--avoid",
                 "Lead Analyst")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("error: 'lead-analyst' is named by both --via and --avoid; "
                             "a path cannot pass through a role and avoid it\n")


ONE_MOVE_ROLES = "roles:\n  - {id: a, title: Alpha, level: 1}\n  - {id: b, title: Beta, level: 2}\n"
ONE_MOVE = "progressions:\n  - {from: a, to: b}\n"


@pytest.mark.parametrize(("args", "expected"), [
    (["roles", "--level", "2"], "1 role"),
    (["validate"], "valid, 2 roles, 1 move"),
    (["graph"], "The career ladder: 2 roles, 1 move"),
    (["path", "a", "b"], "1 move · the data gives no typical years"),
    (["next", "a", "-f", "markdown"], "# Next moves from Alpha (within 1 move)"),
    (["path", "a", "b", "-f", "markdown"], "1 move; typical years in all: not given."),
])
def test_counts_use_the_right_plural(run: Run, make_dataset: Callable[..., Path],
                                     args: list[str], expected: str) -> None:
    folder = make_dataset(ONE_MOVE_ROLES, ONE_MOVE)
    result = run("--data", folder, *args)
    assert result.exit_code == 0, result.stderr
    assert expected in result.stdout
    assert "1 moves" not in result.stdout and "1 roles" not in result.stdout


def test_fastest_without_years_says_so_once(run: Run, make_dataset: Callable[..., Path]) -> None:
    folder = make_dataset(ONE_MOVE_ROLES, ONE_MOVE)
    result = run("--data", folder, "path", "a", "b", "--fastest")
    assert result.exit_code == 0
    assert result.stdout.count("The data gives no typical years, so --fastest orders by moves.") == 1


def layered(layers: int, width: int) -> tuple[str, str]:
    """A start `s`, `layers` layers of `width` fully connected roles, an end `t`; no years,
    so all width**layers paths tie."""
    names = [["s"], *([f"l{i}-{j}" for j in range(width)] for i in range(1, layers + 1)), ["t"]]
    roles = "roles:\n" + "".join(f"  - {{id: {name}, title: Role {name}, level: {depth + 1}}}\n"
                                 for depth, layer in enumerate(names) for name in layer)
    moves = "progressions:\n" + "".join(f"  - {{from: {a}, to: {b}}}\n"
                                        for here, there in zip(names, names[1:])
                                        for a in here for b in there)
    return roles, moves


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_numbered_paths_give_the_total_when_it_is_known(
        run: Run, make_dataset: Callable[..., Path], fmt: str) -> None:
    folder = make_dataset(*layered(2, 3))  # 9 tied paths
    result = run("--data", folder, "path", "s", "t", "--all", "--limit", "2", "-f", fmt)
    assert result.exit_code == 0, result.stderr
    heading = "## " if fmt == "markdown" else ""
    assert f"\n{heading}Path 1 of 9\n" in result.stdout
    assert f"\n{heading}Path 2 of 9\n" in result.stdout
    assert "2 paths shown; more exist (9 in all)." in result.stdout
    assert "Path 1 of 2" not in result.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_numbered_paths_say_more_exist_when_the_total_is_unknown(
        run: Run, make_dataset: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
        fmt: str) -> None:
    from careerpath import pathsearch

    monkeypatch.setattr(pathsearch, "COUNT_BUDGET", 0)  # no work spent on counting them all
    folder = make_dataset(*layered(2, 3))
    result = run("--data", folder, "path", "s", "t", "--all", "--limit", "2", "-f", fmt)
    assert result.exit_code == 0, result.stderr
    heading = "## " if fmt == "markdown" else ""
    assert f"\n{heading}Path 1 of 2 shown, more exist\n" in result.stdout
    assert f"\n{heading}Path 2 of 2 shown, more exist\n" in result.stdout
    assert "2 paths shown; more exist." in result.stdout


def test_a_search_that_stopped_early_numbers_paths_honestly(
        run: Run, make_dataset: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    from careerpath import pathsearch

    monkeypatch.setattr(pathsearch, "SEARCH_BUDGET", 12)
    folder = make_dataset(*layered(2, 3))
    result = run("--data", folder, "path", "s", "t", "--all", "--limit", "20")
    assert result.exit_code == 0, result.stderr
    assert "candidates and stopped: showing the" in result.stdout
    assert "showing the 3 paths found; more may exist." in result.stdout
    assert "\nPath 1 of 3 shown, more may exist\n" in result.stdout


def test_a_huge_limit_is_answered_with_at_most_max_paths(
        run: Run, make_dataset: Callable[..., Path]) -> None:
    """--limit 1000000000: bounded work and output, and the answer says why it stopped."""
    from careerpath.answers import MAX_PATHS

    folder = make_dataset(*layered(3, 11))  # 1,331 tied paths
    result = run("--data", folder, "path", "s", "t", "--limit", "1000000000", "-f", "json")
    assert result.exit_code == 0, result.stderr
    answer = result.json()
    assert (len(answer["paths"]), answer["more"], answer["stopped_early"]) == (MAX_PATHS, True,
                                                                               False)
    assert answer["paths"][0]["roles"] == ["s", "l1-0", "l2-0", "l3-0", "t"]
    text = run("--data", folder, "path", "s", "t", "--limit", "1000000000")
    assert "1,000 paths shown (at most 1,000 at once); more exist (1,331 in all).\n" in text.stdout
    assert "\nPath 1,000 of 1,331\n" in text.stdout


def test_a_short_row_of_an_import_source_uses_the_right_plural(tmp_path: Path) -> None:
    from careerpath.errors import Problem
    from careerpath.importers.tsv import read_table

    (tmp_path / "t.txt").write_text("A\tB\nonly\n", encoding="utf-8")
    problems: list[Problem] = []
    read_table(tmp_path / "t.txt", "t.txt", ("A",), problems)
    assert [p.message for p in problems] == ["1 column where the header has 2"]


SPELLED_TWICE_ROLES = """\
roles:
  - {id: a, title: A, level: 1, skills: {X: 3, Y: 1}}
  - {id: b, title: B, level: 1, skills: {Y: 2, Z: 2}}
  - {id: c, title: C, level: 2, skills: {y: 4, z: 1, W: 5}}
"""


def test_a_skill_spelled_two_ways_is_one_skill_in_paths_and_comparisons(
        run: Run, make_dataset: Callable[..., Path]) -> None:
    # Validation and profiles fold names with normal_name; paths and compare must too,
    # or `y` is asked again after `Y 2` was built, and `z` although `Z 2` is held.
    data = make_dataset(SPELLED_TWICE_ROLES, "progressions:\n  - {from: a, to: b, kind: lateral}\n"
                                             "  - {from: b, to: c}\n")
    path = run("--data", data, "path", "a", "c", "-f", "json").json()["paths"][0]
    assert [step["skills"] for step in path["steps"]] == [
        [{"name": "Z", "have": None, "need": 2}, {"name": "Y", "have": 1, "need": 2}],
        [{"name": "W", "have": None, "need": 5}, {"name": "y", "have": 2, "need": 4}]]
    assert path["skills"] == [{"name": "W", "have": None, "need": 5},
                              {"name": "y", "have": 1, "need": 4},
                              {"name": "Z", "have": None, "need": 2}]
    compared = run("--data", data, "compare", "a", "c", "-f", "json").json()["skills"]
    assert [(s["name"], s["from"], s["to"], s["change"]) for s in compared] == [
        ("W", None, 5, "gained"), ("z", None, 1, "gained"), ("y", 1, 4, "raised"),
        ("X", 3, None, "dropped")]
    easiest = run("--data", data, "path", "a", "c", "--easiest", "-f", "json").json()
    assert easiest["paths"][0]["skills"] == path["skills"]


def test_years_add_up_without_binary_noise(run: Run, make_dataset: Callable[..., Path]) -> None:
    data = make_dataset("roles:\n  - {id: a, title: A, level: 1}\n  - {id: b, title: B, level: 2}\n"
                        "  - {id: c, title: C, level: 3}\n",
                        "progressions:\n  - {from: a, to: b, years: 0.1}\n"
                        "  - {from: b, to: c, years: 0.2}\n")
    assert run("--data", data, "path", "a", "c", "-f", "json").json()["paths"][0]["years"] == {
        "min": 0.3, "max": 0.3}
    assert "0.30000000000000004" not in run("--data", data, "path", "a", "c").stdout

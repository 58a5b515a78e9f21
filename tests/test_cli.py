"""Every command through the CLI: exact output on the fixture, exit codes, stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result

Run = Callable[..., Result]


def plain(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines())


def test_roles_text(run: Run, small: Path) -> None:
    result = run("--data", small, "roles")
    assert result.exit_code == 0, result.stderr
    assert plain(result.stdout) == plain("""\
7 roles
┏━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┓
┃ Level ┃ Role (id)           ┃ Track      ┃
┡━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━┩
│     1 │ Data Analyst        │ data       │
│       │ analyst             │            │
│     1 │ Island Role         │            │
│       │ island              │            │
│     2 │ Data Scientist      │ science    │
│       │ data-scientist      │            │
│     2 │ Senior Data Analyst │ data       │
│       │ senior-analyst      │            │
│     3 │ Analytics Manager   │ management │
│       │ analytics-manager   │            │
│     3 │ Lead Analyst        │ data       │
│       │ lead-analyst        │            │
│     4 │ Head of Data        │ management │
│       │ head-of-data        │            │
└───────┴─────────────────────┴────────────┘
""")
    assert result.stderr == ""


def test_path_text(run: Run, small: Path) -> None:
    result = run("--data", small, "path", "analyst", "hod")
    assert result.exit_code == 0
    assert plain(result.stdout) == plain("""\
Data Analyst → Head of Data

 1. Data Analyst  level 1 · data
 │  promotion · typically 10 years
 │  A rare jump.
 │  skills to build:
 │    + Leadership new → 2 foundational
 ▼    ↑ SQL        2 → 4 practitioner
 2. Lead Analyst  level 3 · data
 │  promotion · typically 1 year
 │  skills to build:
 │    + Budgeting  new → 3 working
 ▼    ↑ Leadership 2 → 4 practitioner
 3. Head of Data  level 4 · management
2 moves · typically 11 years in all
""")


def test_path_json_with_alternatives(run: Run, small: Path) -> None:
    result = run("--data", small, "path", "analyst", "head of data", "--all", "--limit", "2",
                 "--format", "json")
    assert result.json() == {"from": "analyst", "to": "head-of-data", "paths": [
        {"roles": ["analyst", "lead-analyst", "head-of-data"], "moves": 2,
         "years": {"min": 11, "max": 11}},
        {"roles": ["analyst", "data-scientist", "analytics-manager", "head-of-data"],
         "moves": 3, "years": {"min": 8, "max": 10}}]}


@pytest.mark.parametrize(("options", "first"), [
    ([], ["analyst", "lead-analyst", "head-of-data"]),
    (["--fastest"], ["analyst", "data-scientist", "analytics-manager", "head-of-data"]),
    (["--via", "senior data analyst"],
     ["analyst", "senior-analyst", "analytics-manager", "head-of-data"]),
    (["--avoid", "lead", "--avoid", "data-scientist"],
     ["analyst", "senior-analyst", "analytics-manager", "head-of-data"]),
    (["--promotions-only", "--via", "data-scientist"],
     ["analyst", "data-scientist", "analytics-manager", "head-of-data"]),
])
def test_path_options(run: Run, small: Path, options: list[str], first: list[str]) -> None:
    result = run("--data", small, "path", "analyst", "hod", *options, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["paths"][0]["roles"] == first


def test_path_years_null_when_any_move_lacks_years(run: Run) -> None:
    result = run("path", "coordinator", "cdo", "-f", "json")
    assert result.json()["paths"][0]["years"] is None
    assert result.json()["paths"][0]["moves"] == 5


def test_headline_on_builtin_data(run: Run) -> None:
    result = run("path", "coordinator", "cdo")
    assert result.exit_code == 0
    steps = [line for line in result.stdout.splitlines() if line[:3].strip().rstrip(".").isdigit()]
    assert [line.split("  ")[0].split(". ", 1)[1] for line in steps] == [
        "Ecommerce Coordinator", "Ecommerce Manager", "Senior Ecommerce Manager",
        "Ecommerce Director", "VP of Ecommerce", "Chief Digital Officer"]


@pytest.mark.parametrize(("args", "code", "stderr"), [
    (["path", "analyst", "island"], 1,
     "error: no path from analyst to island; from analyst you can reach head-of-data, "
     "analytics-manager, lead-analyst, data-scientist, senior-analyst\n"),
    (["path", "d", "hod"], 2, "error: 'd' is ambiguous: it matches analyst (Data Analyst), "
     "data-scientist (Data Scientist)\n"),
    (["show", "analist"], 2,
     "error: no role named 'analist'; did you mean 'analyst' or 'lead-analyst'? "
     "('careerpath roles' lists them all)\n"),
    (["levels", "island"], 1,
     "error: island has no day-to-day activities by experience level in the data\n"),
    (["search", "zzz"], 1, "error: no role mentions 'zzz'\n"),
    (["search", "  "], 2, "error: give some text to search for\n"),
    (["next", "hod"], 1, "error: no move leads out of head-of-data\n"),
    (["next", "analyst", "--depth", "0"], 2, None),
    (["roles", "--level", "9"], 1, "error: no role matches those filters\n"),
    (["skills", "analyst", "-f", "dot"], 2,
     "error: 'skills' does not take --format dot; use one of: text, json, markdown, csv\n"),
])
def test_errors(run: Run, small: Path, args: list[str], code: int, stderr: str | None) -> None:
    result = run("--data", small, *args)
    assert (result.exit_code, result.stdout) == (code, "")
    if stderr is not None:
        assert result.stderr == stderr
    assert "Traceback" not in result.stderr


def test_invalid_dataset_exit_3(run: Run, make_dataset: Callable[..., Path]) -> None:
    folder = make_dataset(roles="roles:\n  - {id: a, title: A, level: two}\n",
                          progressions="progressions: []\n")
    for args in (["roles"], ["validate"], ["path", "a", "b"]):
        result = run("--data", folder, *args)
        assert result.exit_code == 3
        assert f"{folder}/roles.yaml:2:30: level must be an integer >= 1, got 'two'" in \
            result.stderr
        assert "Traceback" not in result.stderr


def test_unknown_option_is_usage_error(run: Run) -> None:
    result = run("roles", "--bogus")
    assert result.exit_code == 2
    assert "No such option: --bogus" in result.stderr


def test_data_env_and_precedence(run: Run, small: Path, make_dataset: Callable[..., Path]) -> None:
    other = make_dataset(roles="roles:\n  - {id: solo, title: Solo, level: 1}\n",
                         progressions="progressions: []\n", name="other")
    by_env = run("roles", "-f", "json", env={"CAREERPATH_DATA": str(small)})
    assert len(by_env.json()) == 7
    by_option = run("--data", other, "roles", "-f", "json", env={"CAREERPATH_DATA": str(small)})
    assert [r["id"] for r in by_option.json()] == ["solo"]
    builtin = run("roles", "-f", "json")
    assert len(builtin.json()) == 21


def test_roles_json_and_filters(run: Run, small: Path) -> None:
    result = run("--data", small, "roles", "--level", "1", "--track", "DATA", "-f", "json")
    assert result.json() == [{"id": "analyst", "title": "Data Analyst", "level": 1,
                              "track": "data", "aliases": ["analyst jr", "da"]}]


def test_show_json(run: Run, small: Path) -> None:
    card = run("--data", small, "show", "senior-analyst", "-f", "json").json()
    assert card["skills"] == {"SQL": 3, "Excel": 3, "Python": 2}
    assert card["next"] == [
        {"id": "analytics-manager", "kind": "promotion", "years": {"min": 2, "max": 4}},
        {"id": "data-scientist", "kind": "lateral", "years": {"min": 1, "max": 1}}]
    assert card["previous"] == [{"id": "analyst", "kind": "promotion",
                                 "years": {"min": 1, "max": 3}}]
    assert card["activities"] == {} and card["specialization_of"] is None


def test_next_json(run: Run, small: Path) -> None:
    result = run("--data", small, "next", "senior-analyst", "--depth", "2", "-f", "json")
    assert result.json() == {"role": "senior-analyst", "reachable": [
        {"id": "data-scientist", "title": "Data Scientist", "level": 2, "moves": 1,
         "kind": "lateral"},
        {"id": "analytics-manager", "title": "Analytics Manager", "level": 3, "moves": 1,
         "kind": "promotion"},
        {"id": "head-of-data", "title": "Head of Data", "level": 4, "moves": 2,
         "kind": "promotion"}]}


def test_skills_and_levels_json(run: Run, small: Path) -> None:
    assert run("--data", small, "skills", "da", "-f", "json").json() == {
        "role": "analyst", "skills": [{"name": "Excel", "level": 3, "label": "working"},
                                      {"name": "SQL", "level": 2, "label": "foundational"}]}
    assert run("--data", small, "levels", "analyst", "-f", "json").json() == {
        "role": "analyst", "levels": {"entry": ["Run queries", "Fix dashboards"],
                                      "mid": ["Own a report"], "senior": ["Mentor analysts"]}}


def test_compare_json(run: Run, small: Path) -> None:
    result = run("--data", small, "compare", "senior-analyst", "hod", "-f", "json")
    assert result.json() == {
        "from": "senior-analyst", "to": "head-of-data", "level_change": 2,
        "skills": [
            {"name": "Leadership", "from": None, "to": 4, "change": "gained"},
            {"name": "Budgeting", "from": None, "to": 3, "change": "gained"},
            {"name": "SQL", "from": 3, "to": 2, "change": "lowered"},
            {"name": "Excel", "from": 3, "to": None, "change": "dropped"},
            {"name": "Python", "from": 2, "to": None, "change": "dropped"}],
        "responsibilities": {"only_from": ["Build reports"], "only_to": ["Set data strategy"]},
        "path": {"roles": ["senior-analyst", "analytics-manager", "head-of-data"], "moves": 2,
                 "years": {"min": 5, "max": 9}}}
    none = run("--data", small, "compare", "hod", "analyst", "-f", "json").json()
    assert none["path"] is None and none["level_change"] == -3


def test_search_json(run: Run, small: Path) -> None:
    assert run("--data", small, "search", "analyst", "-f", "json").json() == [
        {"id": "analyst", "title": "Data Analyst", "level": 1, "matched": ["title", "aliases"]},
        {"id": "senior-analyst", "title": "Senior Data Analyst", "level": 2,
         "matched": ["title"]},
        {"id": "lead-analyst", "title": "Lead Analyst", "level": 3, "matched": ["title"]}]
    hits = run("--data", small, "search", "metrics", "-f", "json").json()
    assert [(h["id"], h["matched"]) for h in hits] == [
        ("senior-analyst", ["responsibilities"]), ("head-of-data", ["responsibilities"])]


def test_graph_json_from_role(run: Run, small: Path) -> None:
    result = run("--data", small, "graph", "lead", "-f", "json").json()
    assert result == {"roles": [{"id": "lead-analyst", "title": "Lead Analyst", "level": 3},
                                {"id": "head-of-data", "title": "Head of Data", "level": 4}],
                      "progressions": [{"from": "lead-analyst", "to": "head-of-data",
                                        "kind": "promotion", "years": {"min": 1, "max": 1}}]}


def test_graph_text_shows_levels_and_move_kinds(run: Run, small: Path) -> None:
    text = run("--data", small, "graph").stdout
    assert "Level 1" in text and "Level 4" in text
    assert "┄┄▷ Data Scientist (2)" in text and "━━▶ Analytics Manager (3)" in text


def test_validate(run: Run, small: Path) -> None:
    result = run("validate", small)
    assert result.exit_code == 0
    assert result.stdout == f"{small}: valid, 7 roles, 8 moves\n"
    assert result.stderr == "warning: role 'island' has no moves into or out of it\n"
    assert run("validate").stdout == "built-in: valid, 21 roles, 33 moves\n"


def test_init_writes_a_dataset_that_validates(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "mine"
    result = run("init", target)
    assert result.exit_code == 0
    assert run("validate", target).exit_code == 0
    again = run("init", target)
    assert again.exit_code == 2 and "already exist" in again.stderr
    assert run("init", target, "--force").exit_code == 0


@pytest.mark.parametrize("command", ["roles", "show", "path", "next", "skills", "levels",
                                     "compare", "search", "graph", "validate", "init"])
def test_every_command_has_help(run: Run, command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0 and "Usage: careerpath" in result.stdout


def test_version(run: Run) -> None:
    from careerpath import __version__

    assert run("--version").stdout == f"careerpath {__version__}\n"


def test_python_dash_m(small: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "careerpath", "--data", str(small), "path", "analyst", "hod",
         "-f", "json"], capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["paths"][0]["moves"] == 2


# Runs the CLI, then says on stderr whether networkx was imported.
PROBE = ("import sys\nfrom careerpath.cli import main\nsys.argv = ['careerpath', *sys.argv[1:]]\n"
         "try:\n    main()\nexcept SystemExit:\n    pass\n"
         "sys.stderr.write('networkx' in sys.modules and 'NETWORKX' or 'clean')\n")


@pytest.mark.parametrize("args", [["roles"], ["show", "cdo"], ["skills", "vp"],
                                  ["search", "seo"], ["validate"], ["--help"], ["levels", "em"],
                                  ["path", "coordinator", "cdo"],
                                  ["path", "coordinator", "cdo", "--all", "--via", "vp"]])
def test_commands_that_need_no_graph_library_do_not_import_it(args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                          check=False)
    assert done.stderr.endswith("clean"), done.stderr


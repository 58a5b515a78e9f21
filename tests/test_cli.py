"""Every command through the CLI: exact output on the fixture, exit codes, stderr."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from careerpath.cli import app, app_for, invoked_command
from conftest import Result

Run = Callable[..., Result]


def plain(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines())


def test_roles_text(run: Run, small: Path) -> None:
    result = run("--data", small, "roles")
    assert result.exit_code == 0, result.stderr
    assert plain(result.stdout) == plain("""\
7 roles
┏━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┓
┃ Level ┃ Role (id)           ┃ Also called    ┃ Track      ┃
┡━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━┩
│     1 │ Data Analyst        │ analyst jr, da │ data       │
│       │ analyst             │                │            │
│     1 │ Island Role         │                │            │
│       │ island              │                │            │
│     2 │ Data Scientist      │                │ science    │
│       │ data-scientist      │                │            │
│     2 │ Senior Data Analyst │                │ data       │
│       │ senior-analyst      │                │            │
│     3 │ Analytics Manager   │                │ management │
│       │ analytics-manager   │                │            │
│     3 │ Lead Analyst        │                │ data       │
│       │ lead-analyst        │                │            │
│     4 │ Head of Data        │ hod            │ management │
│       │ head-of-data        │                │            │
└───────┴─────────────────────┴────────────────┴────────────┘
""")
    assert result.stderr == ""


def test_path_text(run: Run, small: Path) -> None:
    result = run("--data", small, "path", "analyst", "hod")
    assert result.exit_code == 0
    assert plain(result.stdout) == plain("""\
Data Analyst → Head of Data
The best of several paths (4 in all); --all lists the others.

 1. Data Analyst  level 1 · data
    → promotion to Lead Analyst · typically 10 years
      A rare jump.
      skills to build:
        + Leadership new → 2 foundational
        ↑ SQL        2 → 4 practitioner
 2. Lead Analyst  level 3 · data
    → promotion to Head of Data · typically 1 year
      skills to build:
        + Budgeting  new → 3 working
        ↑ Leadership 2 → 4 practitioner
 3. Head of Data  level 4 · management

2 moves · typically 11 years in all
Every skill to build from Data Analyst (3 skills, 9 points):
  + Leadership new → 4 practitioner
  + Budgeting  new → 3 working
  ↑ SQL        2 → 4 practitioner
""")


def test_path_json_is_the_whole_answer(run: Run, small: Path) -> None:
    result = run("--data", small, "path", "analyst", "head of data", "--format", "json")
    assert result.json() == {
        "from": "analyst", "to": "head-of-data", "more": True, "stopped_early": False,
        "paths": [{
            "roles": ["analyst", "lead-analyst", "head-of-data"], "moves": 2,
            "years": {"min": 11, "max": 11},
            "steps": [
                {"from": {"id": "analyst", "title": "Data Analyst"},
                 "to": {"id": "lead-analyst", "title": "Lead Analyst"},
                 "kind": "promotion", "years": {"min": 10, "max": 10}, "note": "A rare jump.",
                 "skills": [{"name": "Leadership", "have": None, "need": 2},
                            {"name": "SQL", "have": 2, "need": 4}]},
                {"from": {"id": "lead-analyst", "title": "Lead Analyst"},
                 "to": {"id": "head-of-data", "title": "Head of Data"},
                 "kind": "promotion", "years": {"min": 1, "max": 1}, "note": None,
                 "skills": [{"name": "Budgeting", "have": None, "need": 3},
                            {"name": "Leadership", "have": 2, "need": 4}]}],
            "skills": [{"name": "Leadership", "have": None, "need": 4},
                       {"name": "Budgeting", "have": None, "need": 3},
                       {"name": "SQL", "have": 2, "need": 4}]}]}


def test_path_json_alternatives_in_order_with_an_honest_count(run: Run, small: Path) -> None:
    result = run("--data", small, "path", "analyst", "hod", "--all", "--limit", "2", "-f", "json")
    answer = result.json()
    assert [p["roles"] for p in answer["paths"]] == [
        ["analyst", "lead-analyst", "head-of-data"],
        ["analyst", "data-scientist", "analytics-manager", "head-of-data"]]
    assert (answer["more"], answer["stopped_early"]) == (True, False)
    # Measured against the best level held so far: SQL 2 from the start, not "new".
    second = answer["paths"][1]
    assert second["steps"][1]["skills"] == [{"name": "Leadership", "have": None, "need": 3},
                                            {"name": "Budgeting", "have": None, "need": 2},
                                            {"name": "SQL", "have": 2, "need": 3}]
    assert second["years"] == {"min": 8, "max": 10}


def test_path_all_text_lists_paths_first_and_counts_honestly(run: Run, small: Path) -> None:
    result = run("--data", small, "path", "analyst", "hod", "--all")
    lines = plain(result.stdout).splitlines()
    assert lines[:4] == [
        "Data Analyst → Head of Data",
        "4 paths, all there are.",
        "",
        "1. 2 moves, 11 years: Data Analyst → Lead Analyst → Head of Data",
    ]
    assert "Path 4 of 4" in lines


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
    assert result.json()["paths"][0]["moves"] == 4


def test_headline_on_builtin_data(run: Run) -> None:
    result = run("path", "coordinator", "cdo")
    assert result.exit_code == 0
    steps = [line for line in result.stdout.splitlines() if line[:3].strip().rstrip(".").isdigit()]
    assert [line.split("  ")[0].split(". ", 1)[1] for line in steps] == [
        "Ecommerce Coordinator", "Ecommerce Manager", "Ecommerce Director", "VP of Ecommerce",
        "Chief Digital Officer"]


@pytest.mark.parametrize(("args", "code", "stderr"), [
    (["roles", "--level", "9", "--track", "nope"], 1,
     "error: no role matches level 9 and track 'nope'; levels: 1, 2, 3, 4; "
     "tracks: data, management, science\n"),
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
    (["roles", "--level", "9"], 1, "error: no role matches level 9; levels: 1, 2, 3, 4; "
     "tracks: data, management, science\n"),
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
        "path": {
            "roles": ["senior-analyst", "analytics-manager", "head-of-data"], "moves": 2,
            "years": {"min": 5, "max": 9},
            "steps": [
                {"from": {"id": "senior-analyst", "title": "Senior Data Analyst"},
                 "to": {"id": "analytics-manager", "title": "Analytics Manager"},
                 "kind": "promotion", "years": {"min": 2, "max": 4}, "note": None,
                 "skills": [{"name": "Leadership", "have": None, "need": 3},
                            {"name": "Budgeting", "have": None, "need": 2}]},
                {"from": {"id": "analytics-manager", "title": "Analytics Manager"},
                 "to": {"id": "head-of-data", "title": "Head of Data"},
                 "kind": "promotion", "years": {"min": 3, "max": 5}, "note": None,
                 "skills": [{"name": "Budgeting", "have": 2, "need": 3},
                            {"name": "Leadership", "have": 3, "need": 4}]}],
            "skills": [{"name": "Leadership", "have": None, "need": 4},
                       {"name": "Budgeting", "have": None, "need": 3}]}}
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
    assert run("validate").stdout == "built-in: valid, 21 roles, 35 moves\n"


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


TABLE_PROBE = PROBE.replace("'networkx' in sys.modules and 'NETWORKX'",
                            "'rich.table' in sys.modules and 'TABLE'")


@pytest.mark.parametrize("args", [["path", "coordinator", "cdo"],
                                  ["path", "coordinator", "cdo", "--all"]])
def test_a_path_as_text_does_not_import_richs_tables(args: list[str]) -> None:
    """A path draws no table, and rich.table takes 5 ms to import."""
    done = subprocess.run([sys.executable, "-c", TABLE_PROBE, *args], capture_output=True,
                          text=True, check=False)
    assert done.stdout.startswith("Ecommerce Coordinator → Chief Digital Officer")
    assert done.stderr.endswith("clean"), done.stderr


@pytest.mark.parametrize(("name", "starts"), [
    ("roles.json", "["), ("roles.md", "# Roles"), ("roles.csv", "id,title,level"),
    ("roles.txt", "7 roles"), ("roles.out", "7 roles")])
def test_output_format_follows_the_file_extension(run: Run, small: Path, tmp_path: Path,
                                                  name: str, starts: str) -> None:
    target = tmp_path / name
    result = run("--data", small, "roles", "-o", target)
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith(starts)


def test_explicit_format_beats_the_extension(run: Run, small: Path, tmp_path: Path) -> None:
    target = tmp_path / "roles.md"
    assert run("--data", small, "roles", "-o", target, "-f", "json").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("[")


def test_diagram_extensions(run: Run, small: Path, tmp_path: Path) -> None:
    for name, starts in (("p.mmd", "flowchart TD"), ("p.dot", "digraph")):
        assert run("--data", small, "path", "analyst", "hod", "-o", tmp_path / name).exit_code == 0
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(starts)


@pytest.mark.parametrize(("command", "formats"), [
    ("roles", "text, json, markdown or csv"), ("show", "text, json or markdown"),
    ("path", "text, json, markdown, csv, mermaid or dot")])
def test_help_lists_only_the_formats_a_command_takes(run: Run, command: str,
                                                     formats: str) -> None:
    shown = " ".join(run(command, "--help").stdout.split())
    assert f"-f, --format FORMAT {formats} [default" in shown
    assert "{" not in shown and "<int" not in shown and "<str" not in shown
    assert "Examples: careerpath " + command in shown


@pytest.mark.parametrize("args", [["roles", "--data", "{d}"], ["roles", "--no-color", "--data={d}"],
                                  ["path", "analyst", "hod", "--no-cache", "--data", "{d}"]])
def test_global_options_after_the_command(run: Run, small: Path, args: list[str]) -> None:
    result = run(*(arg.format(d=small) for arg in args))
    assert result.exit_code == 0, result.stderr
    assert "Data Analyst" in result.stdout


def test_init_blank_writes_a_valid_commented_template(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    result = run("init", "--blank", folder)
    assert result.exit_code == 0, result.stderr
    text = (folder / "roles.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Your career framework")
    assert run("validate", folder).stdout == f"{folder}: valid, 2 roles, 1 move\n"
    roles = run("roles", "--data", folder, "-f", "json").json()
    assert [role["id"] for role in roles] == ["engineer", "senior-engineer"]
    # the default stays the full built-in ladder
    assert run("init", tmp_path / "full").exit_code == 0
    assert len(run("roles", "--data", tmp_path / "full", "-f", "json").json()) > 2


def test_show_cites_sources_and_says_what_is_modelled(run: Run) -> None:
    text = " ".join(run("show", "senior-manager").stdout.split())
    assert "│ Sources │ │ • Ecommerce Manager career guide (career guide) │" in text
    assert "the dataset's own modelling, not stated by the sources" in text
    assert "estimates" in text  # the dataset's word on its proficiency numbers
    card = run("show", "senior-manager", "-f", "json").json()
    assert card["sources"] == [{"id": "ecommerce-manager-guide",
                                "title": "Ecommerce Manager career guide",
                                "kind": "career guide"}]
    assert card["modelled"] is False


@pytest.mark.parametrize("command", [["skills", "vp"], ["path", "manager", "vp"],
                                     ["compare", "manager", "vp"]])
def test_the_proficiency_statement_is_shown(run: Run, command: list[str]) -> None:
    for fmt in ("text", "markdown"):
        shown = " ".join(run(*command, "-f", fmt).stdout.split())
        assert "none of the sources gives numbers" in shown, (command, fmt)


def every_command() -> list[list[str]]:
    """Every command and subcommand, as the words a user types."""
    import typer.main

    found: list[list[str]] = []

    def walk(command: Any, words: list[str]) -> None:
        children = getattr(command, "commands", None)
        if children:
            for name, child in children.items():
                walk(child, [*words, name])
        else:
            found.append(words)
    walk(typer.main.get_command(app), [])
    return found


@pytest.mark.parametrize("words", every_command(), ids=" ".join)
def test_every_help_has_word_metavars_and_ends_with_examples(run: Run,
                                                             words: list[str]) -> None:
    result = run(*words, "--help")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert not re.search(r"[{<][A-Za-z. |]+[}>]", text), text  # {DIR}, <int range>, <text|json>
    last = text.rstrip().split("\n\n")[-1].splitlines()
    assert last[0] == "  Examples:" and all(
        line.startswith("    careerpath ") or (before.endswith(" \\")
                                              and line.startswith("      "))
        for before, line in zip(last, last[1:])), text  # a long one goes on with " \"
    assert "Example:" not in text  # examples come at the end, not in the description


@pytest.mark.parametrize("columns", [40, 60, 200])
def test_every_help_fits_the_terminal(run: Run, columns: int) -> None:
    """Click never wraps help below 50 columns; careerpath's help fits down to 40, its
    examples kept whole."""
    for words in every_command():
        text = run(*words, "--help", env={"COLUMNS": str(columns)}).stdout
        too_long = [line for line in text.splitlines() if len(line) > columns]
        assert not too_long, (words, too_long)


@pytest.mark.parametrize(("words", "option", "says"), [
    (["init"], "--force", "Replace roles.yaml and progressions.yaml in DIR"),
    (["schema"], "--force", "Replace the schema files in DIR"),
    (["path"], "--me FILE", "instead of FROM's skills."),
    (["match"], "--me FILE", "[default: ./careerpath.me.yaml]"),
    (["gap"], "--me FILE", "[default: ./careerpath.me.yaml]")])
def test_option_help_is_true_for_its_command(run: Run, words: list[str], option: str,
                                             says: str) -> None:
    shown = " ".join(run(*words, "--help").stdout.split())
    assert f"{option} " in shown and says in shown
    assert "match and gap" not in shown
    if words in (["init"], ["schema"]):
        assert "FILE" not in shown


@pytest.mark.parametrize("command", ["lint", "validate"])
def test_a_missing_folder_argument_is_named_not_an_option(run: Run, tmp_path: Path,
                                                          command: str) -> None:
    result = run(command, tmp_path / "missing")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {command}: '{tmp_path}/missing' is not a folder")
    assert "--data" not in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--data", "", "roles"], "--data needs the name of a dataset folder, got ''"),
    (["init", ""], "init needs the name of a folder to create, got ''"),
    (["schema", " "], "schema needs the name of a folder to write to, got ' '"),
    (["schema", "nowhere"], "nowhere is not a folder (it does not exist; create it first)"),
])
def test_an_empty_folder_name_is_refused_not_taken_as_here(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str],
        message: str) -> None:
    # `--data "$DIR"` with DIR unset must not quietly answer from the built-in data.
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"error: {message}\n")
    assert list(tmp_path.iterdir()) == []


def test_a_format_from_the_file_extension_is_not_blamed_on_format(run: Run,
                                                                 tmp_path: Path) -> None:
    result = run("roles", "-o", tmp_path / "r.mmd")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"error: 'roles' cannot write a mermaid file ({tmp_path / 'r.mmd'}); "
                             "name it with one of .txt, .json, .md, .markdown, .csv, or give "
                             "--format\n")
    assert not (tmp_path / "r.mmd").exists()


def test_a_global_option_after_the_command_without_its_value(run: Run) -> None:
    for args in (["roles", "--data"], ["--data"]):
        result = run(*args)
        assert (result.exit_code, result.stderr) == (2, "error: --data needs a value: --data DIR\n")


@pytest.mark.parametrize(("args", "name"), [
    (["show", "x"], "show"),
    (["--data", "d", "--no-color", "path", "a", "b"], "path"),
    (["path", "a", "b", "--data", "d"], "path"),
    (["--data=d", "me", "init"], "me"),
    (["import", "onet", "x"], "import"),
    (["--help"], None),
    (["--version", "show"], None),
    (["--bogus", "show"], None),
    (["--data"], None),
    ([], None),
])
def test_the_command_named_is_found_after_the_global_options(args: list[str],
                                                             name: str | None) -> None:
    assert invoked_command(args) == name


def test_a_run_builds_only_the_command_it_names() -> None:
    one = app_for(["--data", "d", "path", "a", "b"])
    assert [info.name for info in one.registered_commands] == ["path"]
    assert one.registered_groups == []
    me = app_for(["me", "init"])
    assert (me.registered_commands, [g.name for g in me.registered_groups]) == ([], ["me"])
    site = app_for(["site", "out"])  # named after its function, not in app.command()
    assert [info.callback.__name__ for info in site.registered_commands] == ["site"]
    for whole in (["--help"], ["shwo"], []):  # help and unknown names list every command
        assert app_for(whole) is app


def test_the_table_of_command_modules_is_the_whole_app_in_order() -> None:
    from careerpath.cli import COMMAND_MODULES, _name_of

    names = [_name_of(info) for info in app.registered_commands]
    groups = [group.name for group in app.registered_groups]
    assert sorted(names + groups) == sorted(COMMAND_MODULES)
    for name in COMMAND_MODULES:  # each module registers what the table says
        one = app_for([name])
        found = [_name_of(info) for info in one.registered_commands] + \
            [group.name for group in one.registered_groups]
        assert found == [name]


def test_a_run_imports_only_the_module_of_its_command() -> None:
    import subprocess
    import sys

    probe = ("import json, sys\nfrom careerpath.cli import app_for\napp_for(sys.argv[1:])\n"
             "print(json.dumps(sorted(m for m in sys.modules if m.startswith('careerpath.c'))))")
    done = subprocess.run([sys.executable, "-c", probe, "path", "a", "b"], capture_output=True,
                          text=True, check=True)
    loaded = json.loads(done.stdout)
    assert "careerpath.commands" in loaded
    assert not {"careerpath.commands_me", "careerpath.cmd_lint", "careerpath.cmd_site",
                "careerpath.cmd_import"} & set(loaded)


def test_one_command_app_answers_as_the_whole_app(small: Path) -> None:
    from typer.testing import CliRunner

    for args in (["--data", str(small), "path", "analyst", "hod"], ["path"],
                 ["show", "--bogus"], ["--data", str(small), "show", "nobody"]):
        whole = CliRunner().invoke(app, args, prog_name="careerpath")
        one = CliRunner().invoke(app_for(args), args, prog_name="careerpath")
        assert (one.exit_code, one.stdout, one.stderr) == (
            whole.exit_code, whole.stdout, whole.stderr)


ODD_FOLDER = "da\tta\nset\x1b[31m"
ODD_SHOWN = "da\\x09ta\\x0aset\\x1b[31m"


def test_an_error_naming_a_path_stays_one_line(run: Run, tmp_path: Path) -> None:
    """A tab, a newline or an escape in a folder's name is shown as an escape: every
    error is one line, whatever the user typed."""
    result = run("--data", tmp_path / ODD_FOLDER, "roles")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"error: --data: '{tmp_path}/{ODD_SHOWN}' is not a folder")
    missing = run("validate", tmp_path / ODD_FOLDER)
    assert (missing.exit_code, missing.stderr.count("\n")) == (2, 1)
    assert ODD_SHOWN in missing.stderr


def test_validate_names_an_odd_folder_on_one_line(run: Run, tmp_path: Path,
                                                   make_dataset: Callable[..., Path]) -> None:
    good = make_dataset(name=ODD_FOLDER)
    valid = run("validate", good)
    assert valid.exit_code == 0
    assert valid.stdout == f"{tmp_path}/{ODD_SHOWN}: valid, 7 roles, 8 moves\n"
    bad = make_dataset(roles="roles:\n  - id: x\n", progressions="progressions: []\n",
                       name=ODD_FOLDER + "2")
    broken = run("validate", bad)
    assert broken.exit_code == 3
    header, *problems = broken.stderr.splitlines()
    assert header == f"2 problems in {tmp_path}/{ODD_SHOWN}2"
    assert len(problems) == 2 and problems[0].startswith(f"{tmp_path}/{ODD_SHOWN}2/roles.yaml:")


def test_validate_to_a_file_and_lint_name_an_odd_folder_as_validate_does(
        run: Run, tmp_path: Path, make_dataset: Callable[..., Path]) -> None:
    good = make_dataset(name=ODD_FOLDER)
    written = run("validate", good, "-o", "-")
    assert (written.exit_code, written.stdout.splitlines()[-1]) == (
        0, f"{tmp_path}/{ODD_SHOWN}: valid, 7 roles, 8 moves")
    bad = make_dataset(roles="roles:\n  - id: x\n", progressions="progressions: []\n",
                       name=ODD_FOLDER + "2")
    broken = run("validate", bad, "-o", "-")
    assert broken.exit_code == 3
    assert broken.stdout.splitlines()[-1] == f"2 problems in {tmp_path}/{ODD_SHOWN}2"
    linted = run("lint", good)
    assert f"{tmp_path}/{ODD_SHOWN}: " in linted.stdout + linted.stderr

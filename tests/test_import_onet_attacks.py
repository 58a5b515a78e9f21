"""`careerpath import onet` under attack: hand-computed mapping, duplicates, hidden
characters, broken rows that must not cascade, odd output folders, and the
imported dataset's attribution wherever sources are shown (including the site)."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpath.loader import load_dataset
from test_import_onet import (
    CEO,
    CLERK,
    DEV,
    PROG,
    SUPPORT,
    Run,
    imported,
    release_rows,
    skill,
    write_release,
)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def failing(run: Run, rows: dict[str, list[list[str]]]) -> list[str]:
    write_release(Path("rel"), rows)
    result = run("import", "onet", "rel", "-o", "out")
    assert (result.exit_code, result.stdout) == (3, "")
    assert not Path("out").exists()
    assert [p.name for p in Path(".").iterdir() if p.name.startswith(".")] == []
    return result.stderr.splitlines()


def test_skills_and_tasks_computed_by_hand(run: Run, here: Path) -> None:
    rows = release_rows()
    # 1 + 4 x LV / 7 at two decimals on each side of .5: 2.62 -> 2.497, 2.63 -> 2.503,
    # 6.12 -> 4.497, 6.13 -> 4.503; equal importance keeps the file's skill order
    rows["Skills.txt"] = [*skill(DEV, 1, "Math", "4.00", "2.62"), *skill(DEV, 2, "Reading", "4.00", "2.63"),
                          *skill(DEV, 3, "Learning", "3.10", "6.12"),
                          *skill(DEV, 4, "Monitoring", "3.10", "6.13")]
    # Core tasks by numeric Task ID (string order would put 100 before 20), at most 8;
    # the Supplemental task 9 is not Core
    rows["Task Statements.txt"] = [
        [DEV, str(n), f"Task {n}.", "Supplemental" if n == 9 else "Core", "1", "d", "s"]
        for n in (10, 9, 2, 100, 11, 3, 1, 20, 30, 40)]
    write_release(Path("rel"), rows)
    imported(run, Path("rel"))
    role = load_dataset("onet-data").roles["software-developers"]
    assert list(role.skills.items()) == [("Math", 2), ("Reading", 3), ("Learning", 4),
                                         ("Monitoring", 5)]
    assert role.responsibilities == tuple(f"Task {n}." for n in (1, 2, 3, 10, 11, 20, 30, 40))


def test_whole_numbers_written_with_a_decimal_point(run: Run, here: Path) -> None:
    rows = release_rows()
    rows["Job Zones.txt"][0] = [CEO, "5.0", "d", "s"]  # as pandas writes a whole number
    rows["Task Statements.txt"][0] = [DEV, "30.00", "Modify existing software.", "Core", "1", "d", "s"]
    write_release(Path("rel"), rows)
    imported(run, Path("rel"))
    dataset = load_dataset("onet-data")
    assert dataset.roles["chief-executives"].level == 5
    assert dataset.roles["software-developers"].responsibilities == (
        "Analyze user needs.", "Modify existing software.")


@pytest.mark.parametrize(("zone", "expected"), [
    ("0", "'Job Zone' must be a whole number from 1 to 5, got '0'"),
    ("6", "'Job Zone' must be a whole number from 1 to 5, got '6'"),
    ("3.5", "'Job Zone' must be a whole number from 1 to 5, got '3.5'"),
    ("٣", "'Job Zone' must be a whole number from 1 to 5, got '٣'"),
    ("three", "'Job Zone' must be a whole number from 1 to 5, got 'three'"),
])
def test_job_zone_out_of_range(run: Run, here: Path, zone: str, expected: str) -> None:
    rows = release_rows()
    rows["Job Zones.txt"][0] = [CEO, zone, "d", "s"]
    assert failing(run, rows) == [f"rel/Job Zones.txt:2: {expected}"]


def test_duplicate_rows_are_located(run: Run, here: Path) -> None:
    rows = release_rows()
    rows["Skills.txt"].extend(skill(DEV, 1, "Reading Comprehension", "5.00", "7.00"))
    rows["Task Statements.txt"].append([DEV, "7", "Analyze user needs again.", "Core", "1", "d", "s"])
    rows["Related Occupations.txt"].append([DEV, PROG, "Primary-Long", "7"])
    assert failing(run, rows) == [
        "rel/Skills.txt:16: a second IM row for skill 2.A.1.a.1 of 15-1252.00 (first at line 2)",
        "rel/Skills.txt:17: a second LV row for skill 2.A.1.a.1 of 15-1252.00 (first at line 3)",
        "rel/Task Statements.txt:8: a second Task ID 7 for 15-1252.00 (first at line 4)",
        "rel/Related Occupations.txt:9: a second row relating 15-1252.00 to 15-1251.00 "
        "(first at line 6)",
    ]


@pytest.mark.parametrize(("cells", "expected"), [
    ([CLERK, '"Office\tClerks"', "x"], "rel/Occupation Data.txt:7: 4 columns where the header has 3"),
    ([CLERK, "n/a", "x"], "rel/Occupation Data.txt:7: 'Title' is empty or n/a; it needs a value"),
    ([CLERK, "Chief Executives", "x"],
     "rel/Occupation Data.txt:7: duplicate title 'Chief Executives' (first at line 2)"),
])
def test_a_broken_occupation_row_is_reported_once(run: Run, here: Path, cells: list[str],
                                                  expected: str) -> None:
    """Not again as an unknown code in every file that names it."""
    rows = release_rows()
    rows["Job Zones.txt"].append([CLERK, "1", "d", "s"])
    rows["Occupation Data.txt"][5] = cells
    assert failing(run, rows) == [expected]


def test_hidden_characters_in_names_are_located_in_the_release(run: Run, here: Path) -> None:
    rows = release_rows()
    rows["Occupation Data.txt"][0] = [CEO, "Chief\u200bExecutives", "x"]
    rows["Skills.txt"][0] = [DEV, "2.A.1.a.1", "Reading\u202e", *rows["Skills.txt"][0][3:]]
    assert failing(run, rows) == [
        "rel/Occupation Data.txt:2: title 'Chief\\u200bExecutives' contains U+200B "
        "(ZERO WIDTH SPACE), which cannot be seen or reorders text; names must be plain "
        "visible text",
        "rel/Skills.txt:2: skill 'Reading\\u202e' contains U+202E (RIGHT-TO-LEFT OVERRIDE), "
        "which cannot be seen or reorders text; names must be plain visible text",
    ]


def test_alternate_titles_with_hidden_characters_are_left_out(run: Run, here: Path) -> None:
    rows = release_rows()
    rows["Alternate Titles.txt"] += [[CEO, "Boss\u00ad", "C\x07EO", "08"], [CEO, "Head", "n/a", "08"]]
    write_release(Path("rel"), rows)
    result = imported(run, Path("rel"))
    assert "  left out: alternate titles with hidden characters: 2" in result.stdout.splitlines()
    assert load_dataset("onet-data").roles["chief-executives"].aliases == (CEO, "Head")


def test_a_check_failure_names_out_not_the_temporary_folder(here: Path) -> None:
    from careerpath.errors import DataError
    from careerpath.importers.outdir import check_dataset_folder, write_folder

    with pytest.raises(DataError) as caught:
        write_folder(Path("out"), {"roles.yaml": "roles: [\n", "progressions.yaml": "progressions: []\n"},
                     force=False, check=check_dataset_folder)
    assert [p.file for p in caught.value.problems] == [str(Path("out", "roles.yaml"))]
    assert list(here.iterdir()) == []


@pytest.mark.parametrize("length", [200, 255])
def test_long_out_names(run: Run, here: Path, length: int) -> None:
    write_release(Path("rel"))
    out = "é" * (length // 2)  # 2 bytes each: names are limited in bytes
    result = run("import", "onet", "rel", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in here.iterdir()) == sorted(["rel", out])


def test_out_names_too_long_or_a_file(run: Run, here: Path) -> None:
    write_release(Path("rel"))
    Path("file").write_text("mine", encoding="utf-8")
    for out in ("x" * 300, "file"):
        result = run("import", "onet", "rel", "-o", out, "--force")
        assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert Path("file").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in here.iterdir()) == ["file", "rel"]


def test_out_inside_the_release_folder(run: Run, here: Path) -> None:
    write_release(Path("rel"))
    imported(run, Path("rel"), out="rel/onet-data")
    imported(run, Path("rel"), "--force", out="rel/onet-data")  # its own output is not read
    assert run("--data", "rel/onet-data", "validate").exit_code == 0


def test_every_command_works_on_the_imported_data(run: Run, here: Path) -> None:
    write_release(Path("rel"))
    imported(run, Path("rel"))
    assert run("--data", "onet-data", "validate").exit_code == 0
    lint = run("--data", "onet-data", "lint", "--format", "json")
    assert lint.exit_code == 4  # O*NET's own gaps (an occupation without skills), found not failed
    assert {p["rule"] for p in lint.json()["problems"]} <= {
        "no-skills", "no-responsibilities", "no-summary", "unreachable", "dead-end",
        "promotion-drops-skill", "promotion-lowers-skill", "isolated"}
    assert run("--data", "onet-data", "path", SUPPORT, CEO).exit_code == 0
    assert run("--data", "onet-data", "site", "-o", "site").exit_code == 0


def test_the_site_names_the_release_and_its_licence(run: Run, here: Path) -> None:
    write_release(Path("db_30_1_text"))
    imported(run, Path("db_30_1_text"))
    assert run("--data", "onet-data", "site", "-o", "site").exit_code == 0
    cited = ("O*NET 30.1 Database (database); National Center for O*NET Development, for the "
             "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), "
             "CC BY 4.0, https://www.onetcenter.org/database.html")
    page = Path("site/roles/software-developers.html").read_text(encoding="utf-8")
    assert f'<h2 id="source">Sources</h2>\n<ul><li>{cited}</li></ul>' in page
    index = Path("site/index.html").read_text(encoding="utf-8")
    assert f'<h2 id="sources">Sources</h2><ul><li>{cited}</li></ul>' in index


def test_the_readme_error_example_is_real(run: Run, here: Path) -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "README-import.md").read_text(
        encoding="utf-8")
    block = doc.split("nothing is\nwritten, and the exit code is 3:\n\n```\n", 1)[1].split("```", 1)[0]
    rows = release_rows()
    rows["Job Zones.txt"][1] = [rows["Job Zones.txt"][1][0], "6", "d", "s"]
    rows["Skills.txt"][0][4] = "high"
    rows["Skills.txt"][3] = rows["Skills.txt"][3][:4]
    rows["Task Statements.txt"][2][0] = "15-9999.00"
    rows["Related Occupations.txt"][1][2] = "Primary"
    rows["Related Occupations.txt"].append([DEV, PROG, "Primary-Long", "7"])
    write_release(Path("db_30_1_text"), rows)
    result = run("import", "onet", "db_30_1_text", "-o", "out")
    assert (result.exit_code, result.stderr) == (3, block)


@pytest.mark.parametrize("command", [["onet", "rel"], ["csv", "r.csv", "m.csv"]])
def test_an_empty_out_name_is_refused(run: Run, here: Path, command: list[str]) -> None:
    write_release(Path("rel"))
    result = run("import", *command, "-o", "", "--force")
    assert (result.exit_code, result.stderr) == (
        2, "error: -o needs the name of a folder to write, got ''\n")
    assert sorted(p.name for p in here.iterdir()) == ["rel"]
    dash = run("import", *command, "-o", "-")
    assert (dash.exit_code, dash.stderr) == (
        2, "error: -o needs the name of a folder to write; '-' (stdout) cannot hold a "
           "dataset\n")
    assert sorted(p.name for p in here.iterdir()) == ["rel"]

"""`careerpath import onet`: the mapping rule by rule, bad input, and the atomic output folder."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from careerpath.importers import onet_meta
from careerpath.importers.onet import proficiency, slug
from careerpath.loader import load_dataset
from careerpath.model import normal_name
from conftest import Result

CODE = "O*NET-SOC Code"
HEADERS = {
    "Occupation Data.txt": [CODE, "Title", "Description"],
    "Job Zones.txt": [CODE, "Job Zone", "Date", "Domain Source"],
    "Skills.txt": [CODE, "Element ID", "Element Name", "Scale ID", "Data Value", "N",
                   "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress",
                   "Not Relevant", "Date", "Domain Source"],
    "Task Statements.txt": [CODE, "Task ID", "Task", "Task Type", "Incumbents Responding", "Date",
                            "Domain Source"],
    "Related Occupations.txt": [CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index"],
    "Alternate Titles.txt": [CODE, "Alternate Title", "Short Title", "Source(s)"],
}
CEO, CIS, DEV, PROG, SUPPORT, CLERK = ("11-1011.00", "11-3021.00", "15-1252.00", "15-1251.00",
                                       "15-1232.00", "43-9061.00")


def skill(code: str, number: int, name: str, im: str, lv: str, suppress: str = "N",
          not_relevant: str = "N") -> list[list[str]]:
    element = f"2.A.1.a.{number}"
    rest = ["8", "0.1", "1", "2"]
    return [[code, element, name, "IM", im, *rest, "N", "n/a", "08/2023", "Analyst"],
            [code, element, name, "LV", lv, *rest, suppress, not_relevant, "08/2023", "Analyst"]]


def release_rows() -> dict[str, list[list[str]]]:
    return {
        "Occupation Data.txt": [
            [CEO, "Chief Executives", "Plan and direct the organization."],
            [CIS, "Computer and Information Systems Managers", "Direct computing work."],
            [DEV, "Software Developers", "Build software."],
            [PROG, "Computer Programmers", "n/a"],
            [SUPPORT, "Computer User Support Specialists", "Help users."],
            [CLERK, "Office Clerks, General", "File things."],
        ],
        "Job Zones.txt": [[CEO, "5", "08/2023", "Analyst"], [CIS, "4", "08/2023", "Analyst"],
                          [DEV, "4", "08/2023", "Analyst"], [PROG, "3", "08/2023", "Analyst"],
                          [SUPPORT, "2", "08/2023", "Analyst"]],
        "Skills.txt": [
            *skill(DEV, 1, "Reading Comprehension", "3.00", "3.50"),
            *skill(DEV, 2, "Writing", "2.99", "4.00"),
            *skill(DEV, 3, "Mathematics", "3.50", "0.00"),
            *skill(DEV, 4, "Programming", "4.50", "5.25"),
            *skill(DEV, 5, "Science", "4.00", "7.00"),
            *skill(DEV, 6, "Speaking", "3.20", "4.00", not_relevant="Y"),
            *skill(DEV, 7, "Listening", "3.30", "4.00", suppress="Y"),
        ],
        "Task Statements.txt": [
            [DEV, "30", "Modify existing software.", "Core", "40", "08/2023", "Incumbent"],
            [DEV, "12", "Supervise programmers.", "Supplemental", "40", "08/2023", "Incumbent"],
            [DEV, "7", "Analyze user needs.", "Core", "40", "08/2023", "Incumbent"],
            [DEV, "100", "Attend meetings.", "n/a", "n/a", "08/2023", "Analyst"],
            [PROG, "50", "Write code.", "Supplemental", "40", "08/2023", "Incumbent"],
            [PROG, "40", "Test code.", "n/a", "40", "08/2023", "Incumbent"],
        ],
        "Related Occupations.txt": [
            [SUPPORT, PROG, "Primary-Short", "1"],
            [SUPPORT, CLERK, "Primary-Short", "2"],
            [PROG, DEV, "Primary-Short", "1"],
            [PROG, CIS, "Supplemental", "11"],
            [DEV, PROG, "Primary-Short", "1"],
            [DEV, CIS, "Primary-Long", "6"],
            [CIS, CEO, "Primary-Short", "2"],
        ],
        "Alternate Titles.txt": [
            [DEV, "Application Developer", "Dev", "08"],
            [DEV, "Software Engineer", "n/a", "08"],
            [DEV, "software developers", "n/a", "08"],
            [PROG, "Software Engineer", "n/a", "08"],
            [PROG, "Coder", "n/a", "08"],
            [SUPPORT, "Chief Executives", "n/a", "08"],
            [SUPPORT, "Help Desk Technician", "n/a", "08"],
        ],
    }


def write_release(folder: Path, rows: dict[str, list[list[str]]] | None = None, *,
                  line_end: str = "\r\n", bom: bool = False, skip: tuple[str, ...] = ()) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in (release_rows() if rows is None else rows).items():
        if name in skip:
            continue
        lines = ["\t".join(cells) for cells in [HEADERS[name], *table]]
        text = ("\ufeff" if bom else "") + line_end.join(lines) + line_end
        (folder / name).write_text(text, encoding="utf-8", newline="")
    return folder


@pytest.fixture
def release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write_release(tmp_path / "db_30_1_text")


Run = Callable[..., Result]


def imported(run: Run, folder: Path, *options: str, out: str = "onet-data") -> Result:
    result = run("import", "onet", str(folder.name), "-o", out, *options)
    assert result.exit_code == 0, result.stderr
    return result


def roles_json(run: Run, out: str = "onet-data") -> list[dict[str, object]]:
    result = run("--data", out, "roles", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return [{k: v for k, v in role.items() if k != "aliases"} for role in result.json()]


def moves(out: str = "onet-data") -> list[tuple[str, str, str, str | None]]:
    dataset = load_dataset(out)
    return [(p.source_id, p.target_id, p.kind, p.note) for p in dataset.progressions]


def test_one_role_per_occupation_with_a_job_zone(run: Run, release: Path) -> None:
    imported(run, release)
    assert roles_json(run) == [
        {"id": "computer-user-support-specialists", "title": "Computer User Support Specialists",
         "level": 2, "track": "Computer and Mathematical"},
        {"id": "computer-programmers", "title": "Computer Programmers", "level": 3,
         "track": "Computer and Mathematical"},
        {"id": "computer-and-information-systems-managers",
         "title": "Computer and Information Systems Managers", "level": 4, "track": "Management"},
        {"id": "software-developers", "title": "Software Developers", "level": 4,
         "track": "Computer and Mathematical"},
        {"id": "chief-executives", "title": "Chief Executives", "level": 5, "track": "Management"},
    ]


def test_summary_counts(run: Run, release: Path) -> None:
    result = imported(run, release)
    assert result.stdout.splitlines() == [
        "wrote onet-data: 5 roles, 4 moves; try: careerpath --data onet-data roles",
        "  source: O*NET 30.1 Database (USDOL/ETA, CC BY 4.0): see ATTRIBUTION.txt",
        "  occupations: 6",
        "  left out: no Job Zone: 1",
        "  skills: 4",
        "  responsibilities: 4",
        "  aliases from alternate titles: 4",
        "  left out: alternate titles not unique: 3",
        "  promotions: 3",
        "  lateral moves: 1",
        "  left out: downward (lower Job Zone): 1",
        "  left out: other tiers: 1",
        "  left out: an end without Job Zone: 1",
    ]
    assert result.stderr == ""
    check = run("--data", "onet-data", "validate")
    assert (check.exit_code, check.stdout) == (0, "onet-data: valid, 5 roles, 4 moves\n")


def test_card_skills_tasks_and_code_alias(run: Run, release: Path) -> None:
    imported(run, release)
    card = run("--data", "onet-data", "show", DEV, "--format", "json").json()
    assert card["id"] == "software-developers"
    assert card["summary"] == "Build software."
    # importance order; IM 3.0 is in, 2.99 out; LV 5.25 -> 4, 7 -> 5, 0 -> 1, 3.5 -> 3;
    # Not Relevant and Recommend Suppress on the LV row leave the skill out
    assert list(card["skills"].items()) == [("Programming", 4), ("Science", 5), ("Mathematics", 1),
                                            ("Reading Comprehension", 3)]
    assert card["responsibilities"] == ["Analyze user needs.", "Modify existing software."]
    # no Core task: the first tasks by Task ID; `n/a` Description: no summary
    # a unique prefix of the code works too, as for any alias
    assert run("--data", "onet-data", "show", "15-1252", "--format", "json").json()["id"] == \
        "software-developers"
    prog = run("--data", "onet-data", "show", "15-1251.00", "--format", "json").json()
    assert prog["responsibilities"] == ["Test code.", "Write code."]
    assert prog["summary"] is None


def test_aliases_follow_the_uniqueness_rule(run: Run, release: Path) -> None:
    imported(run, release)
    aliases = {role["id"]: role["aliases"] for role in
               run("--data", "onet-data", "roles", "--format", "json").json()}
    assert aliases == {
        "computer-user-support-specialists": [SUPPORT, "Help Desk Technician"],
        "computer-programmers": [PROG, "Coder"],
        "computer-and-information-systems-managers": [CIS],
        "software-developers": [DEV, "Application Developer", "Dev"],
        "chief-executives": [CEO],
    }
    shared = run("--data", "onet-data", "show", "software engineer")
    assert shared.exit_code == 2  # a name two occupations share names neither


@pytest.mark.parametrize(("max_tasks", "expected"), [("1", ["Analyze user needs."]), ("0", [])])
def test_max_tasks(run: Run, release: Path, max_tasks: str, expected: list[str]) -> None:
    imported(run, release, "--max-tasks", max_tasks)
    card = run("--data", "onet-data", "show", "software developers", "--format", "json").json()
    assert card["responsibilities"] == expected


def test_min_importance(run: Run, release: Path) -> None:
    imported(run, release, "--min-importance", "4")
    card = run("--data", "onet-data", "show", DEV, "--format", "json").json()
    assert card["skills"] == {"Programming": 4, "Science": 5}


@pytest.mark.parametrize(("level", "expected"), [
    ("0", 1), ("3.5", 3), ("7", 5), ("5.25", 4), ("0.875", 2), ("0.874", 1), ("2.625", 3),
    ("6.125", 5), ("6.124", 4), ("1.75", 2)])
def test_proficiency_rounds_half_up(level: str, expected: int) -> None:
    assert proficiency(Decimal(level)) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Chief Executives", "chief-executives"), ("Office Clerks, General", "office-clerks-general"),
    ("  Nurse -- Practitioners!  ", "nurse-practitioners"), ("C++ Developers", "c-developers"),
    ("Médecins", "m-decins"), ("日本", "")])
def test_slug(title: str, expected: str) -> None:
    assert slug(title) == expected


def test_id_collisions_and_empty_slugs_use_the_code(run: Run, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    rows = release_rows()
    rows["Occupation Data.txt"] = [[DEV, "C++ Developers", "x"], [PROG, "C Developers", "y"],
                                   [CEO, "日本", "z"]]
    rows["Job Zones.txt"] = [[code, "3", "d", "s"] for code in (DEV, PROG, CEO)]
    rows["Skills.txt"], rows["Task Statements.txt"] = [], []
    rows["Related Occupations.txt"], rows["Alternate Titles.txt"] = [], []
    write_release(tmp_path / "rel", rows)
    imported(run, tmp_path / "rel")
    # "c-developers" reads as the title "C Developers": that occupation keeps it
    assert [(role["id"], role["title"]) for role in roles_json(run)] == [
        ("c-developers", "C Developers"), ("c-developers-15-1252-00", "C++ Developers"),
        ("11-1011-00", "日本")]


SOC_GROUPS = [
    ("11", "Management"), ("13", "Business and Financial Operations"),
    ("15", "Computer and Mathematical"), ("17", "Architecture and Engineering"),
    ("19", "Life, Physical, and Social Science"), ("21", "Community and Social Service"),
    ("23", "Legal"), ("25", "Educational Instruction and Library"),
    ("27", "Arts, Design, Entertainment, Sports, and Media"),
    ("29", "Healthcare Practitioners and Technical"), ("31", "Healthcare Support"),
    ("33", "Protective Service"), ("35", "Food Preparation and Serving Related"),
    ("37", "Building and Grounds Cleaning and Maintenance"), ("39", "Personal Care and Service"),
    ("41", "Sales and Related"), ("43", "Office and Administrative Support"),
    ("45", "Farming, Fishing, and Forestry"), ("47", "Construction and Extraction"),
    ("49", "Installation, Maintenance, and Repair"), ("51", "Production"),
    ("53", "Transportation and Material Moving"), ("55", "Military Specific"),
]


def test_track_is_the_soc_major_group(run: Run, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    rows = {name: [] for name in HEADERS}  # type: dict[str, list[list[str]]]
    for group, _ in SOC_GROUPS:
        rows["Occupation Data.txt"].append([f"{group}-1000.00", f"Job {group}", "d"])
        rows["Job Zones.txt"].append([f"{group}-1000.00", "1", "d", "s"])
    write_release(tmp_path / "rel", rows)
    imported(run, tmp_path / "rel")
    tracks = {role["id"]: role["track"] for role in roles_json(run)}
    assert tracks == {f"job-{group}": name for group, name in SOC_GROUPS}
    assert len(SOC_GROUPS) == 23


def test_moves_by_tier_and_job_zone(run: Run, release: Path) -> None:
    imported(run, release)
    assert moves() == [
        ("computer-and-information-systems-managers", "chief-executives", "promotion",
         "O*NET related occupation: Primary-Short, rank 2"),
        ("software-developers", "computer-and-information-systems-managers", "lateral",
         "O*NET related occupation: Primary-Long, rank 6"),
        ("computer-programmers", "software-developers", "promotion",
         "O*NET related occupation: Primary-Short, rank 1"),
        ("computer-user-support-specialists", "computer-programmers", "promotion",
         "O*NET related occupation: Primary-Short, rank 1"),
    ]


def test_downward_moves_kept_as_lateral(run: Run, release: Path) -> None:
    result = imported(run, release, "--include-downward")
    assert ("software-developers", "computer-programmers", "lateral",
            "O*NET related occupation: Primary-Short, rank 1") in moves()
    assert "  kept as lateral: downward: 1" in result.stdout.splitlines()


@pytest.mark.parametrize("tiers", [["--tiers", "Supplemental"], ["--tiers", "supplemental"]])
def test_tiers(run: Run, release: Path, tiers: list[str]) -> None:
    imported(run, release, *tiers)
    assert moves() == [("computer-programmers", "computer-and-information-systems-managers",
                        "promotion", "O*NET related occupation: Supplemental, rank 11")]


def test_tiers_comma_separated_and_repeated(run: Run, release: Path) -> None:
    imported(run, release, "--tiers", "Primary-Short,Supplemental", "--tiers", "Primary-Short")
    assert len(moves()) == 4  # 3 Primary-Short + 1 Supplemental


def test_unknown_tier_is_a_usage_error(run: Run, release: Path) -> None:
    result = run("import", "onet", release.name, "-o", "out", "--tiers", "Primary")
    assert result.exit_code == 2
    assert "unknown tier 'Primary'" in result.stderr
    assert not Path("out").exists()


def test_path_through_the_imported_data(run: Run, release: Path) -> None:
    imported(run, release)
    result = run("--data", "onet-data", "path", "help desk technician", CEO, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.json()["paths"][0]["roles"] == [
        "computer-user-support-specialists", "computer-programmers", "software-developers",
        "computer-and-information-systems-managers", "chief-executives"]
    text = run("--data", "onet-data", "path", "coder", "chief executives")
    assert text.exit_code == 0
    assert "Software Developers" in text.stdout and "Chief Executives" in text.stdout


def test_attribution_file(run: Run, release: Path) -> None:
    imported(run, release)
    notice = Path("onet-data/ATTRIBUTION.txt").read_text(encoding="utf-8")
    assert "O*NET 30.1 Database" in notice and "CC BY 4.0" in notice
    assert "USDOL/ETA has not approved" in notice
    assert Path("onet-data/roles.yaml").read_text(encoding="utf-8").startswith(
        "# Imported by careerpath from the O*NET 30.1 Database (USDOL/ETA), used under CC BY 4.0.")


def test_dataset_level_source_is_loaded(run: Run, release: Path) -> None:
    imported(run, release, "--min-importance", "3.5")
    dataset = load_dataset("onet-data")
    assert dataset.framework.title == "O*NET 30.1 Database: occupations"
    assert dataset.framework.source == "onet-30-1"
    assert dataset.framework.proficiency == (
        "Proficiency is derived from O*NET's Level ratings of each skill (LV, 0 to 7) as "
        "1 + 4 × LV / 7, rounded half up; a skill is listed when its Importance (IM, 1 to 5) "
        "is at least 3.5.")
    assert {role.source for role in dataset.roles.values()} == {("onet-30-1",)}
    assert {move.source for move in dataset.progressions} == {("onet-30-1",)}
    [source] = dataset.sources.values()
    assert (source.id, source.title, source.kind, source.license, source.publisher) == (
        "onet-30-1", "O*NET 30.1 Database", "database", "CC BY 4.0", onet_meta.PUBLISHER)


def test_release_from_option_or_unknown(run: Run, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_release(tmp_path / "onet")
    result = imported(run, tmp_path / "onet")
    assert "  source: O*NET Database (USDOL/ETA, CC BY 4.0): see ATTRIBUTION.txt" in result.stdout
    result = imported(run, tmp_path / "onet", "--release", "29.3", out="other")
    assert "  source: O*NET 29.3 Database (USDOL/ETA, CC BY 4.0): see ATTRIBUTION.txt" in result.stdout
    assert run("import", "onet", "onet", "-o", "x", "--release", "1\n2").exit_code == 2


def test_source_entry_matches_the_agreed_format() -> None:
    assert onet_meta.source_entry("30.1") == {
        "id": "onet-30-1", "title": "O*NET 30.1 Database", "kind": "database",
        "publisher": onet_meta.PUBLISHER, "license": "CC BY 4.0",
        "url": "https://www.onetcenter.org/database.html"}


@pytest.mark.parametrize(("line_end", "bom"), [("\n", False), ("\r\n", True), ("\r\n", False),
                                             ("\r", False)])
def test_line_ends_and_bom(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           line_end: str, bom: bool) -> None:
    monkeypatch.chdir(tmp_path)
    write_release(tmp_path / "db_30_1_text", line_end=line_end, bom=bom)
    imported(run, tmp_path / "db_30_1_text")
    assert moves()[0][0] == "computer-and-information-systems-managers"
    card = run("--data", "onet-data", "show", DEV, "--format", "json").json()
    assert card["skills"]["Programming"] == 4


def test_optional_files_may_be_missing(run: Run, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    optional = ("Skills.txt", "Task Statements.txt", "Related Occupations.txt",
                "Alternate Titles.txt")
    write_release(tmp_path / "rel", skip=optional)
    result = imported(run, tmp_path / "rel")
    assert result.stdout.splitlines()[-4:] == [
        f"  not found (optional, left out): {name}" for name in optional]
    card = run("--data", "onet-data", "show", DEV, "--format", "json").json()
    assert (card["skills"], card["responsibilities"], card["next"]) == ({}, [], [])


def broken(rows: dict[str, list[list[str]]], name: str, line: int, cells: list[str]) -> None:
    """Replace data row `line` (as numbered in the file, header = line 1) of one table."""
    rows[name][line - 2] = cells


def test_every_problem_located_at_once_and_nothing_written(run: Run, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    rows = release_rows()
    broken(rows, "Job Zones.txt", 3, [CIS, "6", "d", "s"])
    broken(rows, "Skills.txt", 2, [DEV, "2.A.1.a.1", "Reading", "IM", "high", "8", "1", "1", "2",
                                   "N", "n/a", "d", "s"])
    broken(rows, "Skills.txt", 5, [DEV, "2.A.1.a.2", "Writing", "LV"])
    broken(rows, "Task Statements.txt", 4, ["15-9999.00", "7", "Analyze.", "Core", "1", "d", "s"])
    broken(rows, "Task Statements.txt", 5, [DEV, "n/a", "Attend.", "n/a", "1", "d", "s"])
    broken(rows, "Related Occupations.txt", 2, [SUPPORT, "15-1251", "Primary-Short", "1"])
    broken(rows, "Related Occupations.txt", 3, [SUPPORT, CLERK, "Primary", "2"])
    broken(rows, "Alternate Titles.txt", 2, ["99-1011.00", "X", "n/a", "08"])
    write_release(tmp_path / "rel", rows)
    result = run("import", "onet", "rel", "-o", "out")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "rel/Job Zones.txt:3: 'Job Zone' must be a whole number from 1 to 5, got '6'",
        "rel/Skills.txt:2: 'Data Value' must be a number, got 'high'",
        "rel/Skills.txt:5: 4 columns where the header has 13",
        "rel/Task Statements.txt:4: unknown O*NET-SOC code 15-9999.00 (not in Occupation Data.txt)",
        "rel/Task Statements.txt:5: 'Task ID' is empty or n/a; it needs a value",
        "rel/Related Occupations.txt:2: 'Related O*NET-SOC Code' must be an O*NET-SOC code like "
        "11-1021.00, got '15-1251'",
        "rel/Related Occupations.txt:3: unknown Relatedness Tier 'Primary'; expected one of: "
        "Primary-Short, Primary-Long, Supplemental",
        "rel/Alternate Titles.txt:2: unknown SOC major group '99' in code 99-1011.00",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rel"]


@pytest.mark.parametrize(("change", "expected"), [
    (lambda f: (f / "Occupation Data.txt").unlink(),
     "rel/Occupation Data.txt:1: file not found; it is required (is this an unzipped O*NET text "
     "release?)"),
    (lambda f: (f / "Job Zones.txt").write_text("O*NET-SOC Code\tZone\n", encoding="utf-8"),
     "rel/Job Zones.txt:1: missing column 'Job Zone' in the header row"),
    (lambda f: (f / "Skills.txt").write_text("", encoding="utf-8"),
     "rel/Skills.txt:1: the file has no header row"),
    (lambda f: (f / "Task Statements.txt").write_bytes(
        b"O*NET-SOC Code\tTask ID\tTask\n15-1252.00\t1\tCaf\xe9\n"),
     "rel/Task Statements.txt:2: invalid UTF-8 (byte 0xe9); the file must be saved as UTF-8"),
    (lambda f: (f / "Occupation Data.txt").write_text(
        "O*NET-SOC Code\tTitle\tDescription\n11-1011.00\tA\tx\n11-1011.00\tB\ty\n", encoding="utf-8"),
     "rel/Occupation Data.txt:3: duplicate O*NET-SOC code 11-1011.00 (first at line 2)"),
])
def test_file_problems(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                       change: Callable[[Path], None], expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    folder = write_release(tmp_path / "rel")
    change(folder)
    result = run("import", "onet", "rel", "-o", "out")
    assert result.exit_code == 3
    assert expected in result.stderr.splitlines()
    assert not Path("out").exists()


def test_not_a_folder(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("import", "onet", "nowhere", "-o", "out")
    assert (result.exit_code, result.stderr) == (
        2, "error: 'nowhere' is not a folder; give the unzipped O*NET release folder\n")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_refuses_to_replace_without_force(run: Run, release: Path) -> None:
    imported(run, release)
    before = Path("onet-data/roles.yaml").read_bytes()
    result = run("import", "onet", release.name, "-o", "onet-data", "--max-tasks", "1")
    assert (result.exit_code, result.stderr) == (
        2, "error: onet-data already exists; add --force to replace it\n")
    assert Path("onet-data/roles.yaml").read_bytes() == before
    imported(run, release, "--max-tasks", "1", "--force")
    assert Path("onet-data/roles.yaml").read_bytes() != before
    assert leftovers(Path(".")) == []


def test_force_never_replaces_a_folder_with_other_files(run: Run, release: Path) -> None:
    Path("mine").mkdir()
    Path("mine/thesis.tex").write_text("years of work", encoding="utf-8")
    result = run("import", "onet", release.name, "-o", "mine", "--force")
    assert result.exit_code == 2
    assert "holds files an import does not write (thesis.tex)" in result.stderr
    assert Path("mine/thesis.tex").read_text(encoding="utf-8") == "years of work"
    Path("file").write_text("x", encoding="utf-8")
    assert run("import", "onet", release.name, "-o", "file", "--force").exit_code == 2


def test_a_failed_write_keeps_the_old_folder_and_leaves_no_temp(
        run: Run, release: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    imported(run, release)
    before = Path("onet-data/roles.yaml").read_bytes()
    from careerpath.importers import outdir

    def interrupted(folder: Path) -> None:
        assert (folder / "roles.yaml").exists()  # the new folder is complete when checked
        raise KeyboardInterrupt

    monkeypatch.setattr(outdir, "check_dataset_folder", interrupted)
    with pytest.raises(KeyboardInterrupt):
        outdir.write_folder(Path("onet-data"), {"roles.yaml": "x"}, force=True,
                            check=outdir.check_dataset_folder)
    assert Path("onet-data/roles.yaml").read_bytes() == before
    assert leftovers(Path(".")) == []


def test_sigterm_during_the_write_leaves_nothing(tmp_path: Path) -> None:
    import os
    import signal

    from careerpath.importers import outdir

    def killed(folder: Path) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    with pytest.raises(SystemExit) as stopped:  # output.Terminated: exit 143, as for -o
        outdir.write_folder(tmp_path / "out", {"roles.yaml": "x"}, force=False, check=killed)
    assert stopped.value.code == 143
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_output_json_round_trip(run: Run, release: Path) -> None:
    imported(run, release)
    graph = run("--data", "onet-data", "graph", "--format", "json").json()
    assert len(graph["roles"]) == 5 and len(graph["progressions"]) == 4
    json.dumps(graph)


def test_progress_is_reported_step_by_step(release: Path) -> None:
    from careerpath.importers.onet import OnetOptions, import_onet

    seen: list[tuple[str, int, int]] = []
    import_onet(release, OnetOptions(), lambda what, done, total: seen.append((what, done, total)))
    assert seen[0] == ("reading Occupation Data.txt", 0, 7)
    assert seen[-1] == ("done", 7, 7)
    assert [done for _, done, _ in seen] == sorted(done for _, done, _ in seen)


def test_progress_bar_draws_on_a_console() -> None:
    from careerpath.render.progress import progress_bar

    with progress_bar() as update:
        update("reading Skills.txt", 1, 7)


@pytest.mark.parametrize("command", [["import"], ["import", "onet"], ["import", "csv"]])
def test_import_commands_have_help(run: Run, command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Usage: careerpath import" in result.stdout


def test_import_in_a_real_process(release: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "careerpath", "import", "onet", release.name,
                           "-o", "onet-data"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (0, "")  # stderr is not a terminal: no bar
    assert done.stdout.startswith("wrote onet-data: 5 roles, 4 moves;")


NAMES = st.text(alphabet="aAb- _1.", min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(NAMES, st.lists(NAMES, max_size=4)), min_size=1, max_size=6,
                unique_by=lambda t: normal_name(t[0])))
def test_every_name_kept_names_one_role(tmp_path_factory: pytest.TempPathFactory,
                                        occupations: list[tuple[str, list[str]]]) -> None:
    from dataclasses import dataclass

    from careerpath.importers.onet_names import claim_names
    from careerpath.importers.outdir import check_dataset_folder
    from careerpath.importers.yamlwrite import dataset_texts
    from careerpath.model import Role, normal_name

    @dataclass
    class Occ:
        code: str
        title: str

    occupations = [(title, alts) for title, alts in occupations if title.strip()]
    assume(occupations)
    occs = [Occ(f"11-{1000 + n}.00", title.strip()) for n, (title, _) in enumerate(occupations)]
    alternates = {occ.code: alts for occ, (_, alts) in zip(occs, occupations)}
    names = claim_names(occs, alternates, slug, {})
    roles = [Role(names[o.code][0], o.title, 1, names[o.code][1]) for o in occs]
    owners: dict[str, set[str]] = {}
    for role in roles:
        for name in (role.id, *role.aliases):  # titles are given; ids and aliases must not clash
            owners.setdefault(normal_name(name), set()).add(role.id)
    for role in roles:
        owners.setdefault(normal_name(role.title), set()).add(role.id)
    clashes = {name: ids for name, ids in owners.items() if len(ids) > 1}
    # only titles that read alike may share a name: O*NET's own data, not our doing
    titles = {normal_name(role.title) for role in roles}
    assert set(clashes) <= titles
    folder = tmp_path_factory.mktemp("names")
    texts = dataset_texts(roles, [])
    (folder / "roles.yaml").write_text(texts[0], encoding="utf-8")
    (folder / "progressions.yaml").write_text(texts[1], encoding="utf-8")
    check_dataset_folder(folder)


def test_no_occupation_with_a_job_zone(run: Run, release: Path) -> None:
    (release / "Job Zones.txt").write_text("O*NET-SOC Code\tJob Zone\n", encoding="utf-8")
    result = run("import", "onet", release.name, "-o", "out")
    assert (result.exit_code, result.stderr) == (
        3, "db_30_1_text/Job Zones.txt:1: no occupation has a Job Zone: nothing to import\n")
    assert not Path("out").exists()


def test_switch_off_writes_no_framework_or_sources(run: Run, release: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from careerpath.importers import onet_out

    monkeypatch.setattr(onet_out, "WRITE_FRAMEWORK", False)
    imported(run, release)
    text = Path("onet-data/roles.yaml").read_text(encoding="utf-8")
    assert "framework:" not in text and "sources:" not in text and "source:" not in text
    dataset = load_dataset("onet-data")
    assert (dataset.framework.source, dict(dataset.sources)) == (None, {})
    assert Path("onet-data/ATTRIBUTION.txt").exists()


def test_long_cells_are_clipped_in_messages(run: Run, release: Path) -> None:
    rows = release_rows()
    broken(rows, "Job Zones.txt", 2, [CEO, "9" * 500, "d", "s"])
    write_release(release, rows)
    result = run("import", "onet", release.name, "-o", "out")
    assert result.stderr == ("db_30_1_text/Job Zones.txt:2: 'Job Zone' must be a whole number "
                             f"from 1 to 5, got '{'9' * 59}…'\n")

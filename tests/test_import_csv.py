"""`careerpath import csv`, and the YAML writer every import uses (hostile text round trips)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from careerpath.importers.outdir import check_dataset_folder
from careerpath.importers.yamlwrite import dataset_texts, quote
from careerpath.loader import DataSource, check_dataset, load_dataset
from careerpath.model import Progression, Role, Years, normal_name
from careerpath.schema_values import hidden_character
from conftest import Result

Run = Callable[..., Result]

ROLES_CSV = (
    "id,title,level,aliases,track,summary,responsibilities,entry,mid,senior,skills,"
    "specialization_of,outcomes,source,modelled\n"
    'coordinator,Ecommerce Coordinator,1,coord; ec,operations,"Keeps the shop running, daily.",'
    'Update listings; Answer tickets,Learn the tools,Own a category,Train others,'
    '"SEO: 2; Excel: 3",,More sales,Job ad 2024,\n') + """\
manager,Ecommerce Manager,2,,management,,,,,,"SEO: 3; Leadership: 2",,,,
seo,SEO Specialist,1,,marketing,"Multi-line
summary",,,,,SEO: 4,manager,,,yes
"""
MOVES_CSV = """\
from,to,kind,years,note,source,modelled
coordinator,manager,promotion,2; 4,The usual step,,
coordinator,seo,lateral,1.5,,,true
seo,manager,,2-3,,,
"""


@pytest.fixture
def sheets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.chdir(tmp_path)
    roles, moves = tmp_path / "roles.csv", tmp_path / "moves.csv"
    roles.write_text(ROLES_CSV, encoding="utf-8")
    moves.write_text(MOVES_CSV, encoding="utf-8")
    return roles, moves


def test_csv_columns_map_to_the_yaml_fields(run: Run, sheets: tuple[Path, Path]) -> None:
    result = run("import", "csv", "roles.csv", "moves.csv", "-o", "out")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "wrote out: 3 roles, 3 moves; try: careerpath --data out roles",
        "  promotions: 2", "  lateral moves: 1"]
    dataset = load_dataset("out")
    coordinator = dataset.roles["coordinator"]
    assert coordinator == Role(
        "coordinator", "Ecommerce Coordinator", 1, ("coord", "ec"), "operations",
        "Keeps the shop running, daily.", ("Update listings", "Answer tickets"),
        {"entry": ("Learn the tools",), "mid": ("Own a category",), "senior": ("Train others",)},
        {"SEO": 2, "Excel": 3}, None, ("More sales",), ("Job ad 2024",), False)
    seo = dataset.roles["seo"]
    assert (seo.summary, seo.specialization_of, seo.modelled) == ("Multi-line\nsummary", "manager", True)
    assert dataset.progressions == (
        Progression("coordinator", "manager", "promotion", Years(2, 4), "The usual step"),
        Progression("coordinator", "seo", "lateral", Years(1.5, 1.5), None, (), True),
        Progression("seo", "manager", "promotion", Years(2, 3)))
    assert run("--data", "out", "validate").exit_code == 0
    path = run("--data", "out", "path", "coord", "manager", "--format", "json")
    assert path.json()["paths"][0]["roles"] == ["coordinator", "manager"]


def test_excel_style_semicolons_bom_and_crlf(run: Run, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.csv").write_text('\ufeffid;title;level;skills\r\na;A;1;"X: 1; Y: 2"\r\nb;B;2;\r\n',
                             encoding="utf-8", newline="")
    Path("m.csv").write_text("from;to\r\na;b\r\n", encoding="utf-8", newline="")
    assert run("import", "csv", "r.csv", "m.csv", "-o", "out").exit_code == 0
    assert load_dataset("out").roles["a"].skills == {"X": 1, "Y": 2}


def test_every_problem_at_its_csv_line(run: Run, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.csv").write_text(
        "id,title,level,skills\n"
        "a,A,1,\n"
        "B b,Bee,2,\n"            # line 3: bad id
        "c,C,two,\n"              # line 4: level
        "d,\"D\nD\",2,SEO: 6\n"   # lines 5-6: skill out of range, reported at the row's first line
        "a,Other,2,\n"            # line 7: duplicate id
        "e,a,3,SEO: 2; seo: 3\n"  # line 8: title equal to an id; duplicate skill
        "f,F,1,,extra\n",         # line 9: too many cells
        encoding="utf-8")
    Path("m.csv").write_text(
        "from,to,kind,years,colour\n", encoding="utf-8")
    result = run("import", "csv", "r.csv", "m.csv", "-o", "out")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        "r.csv:3: id 'B b' must be lowercase letters, digits and single '-' between them "
        "(e.g. 'senior-manager')",
        "r.csv:4: level must be a whole number >= 1, got 'two'",
        "r.csv:5: skill 'SEO: 6' must be 'Name: N' with N a whole number from 1 to 5",
        "r.csv:5: title 'D\\x0aD' contains U+000A (a control character), which cannot be seen "
        "or reorders text; names must be plain visible text",
        "r.csv:7: duplicate id 'a' (first at line 2)",
        "r.csv:8: duplicate skill 'seo'",
        "r.csv:8: title 'a' is already the id of role 'a' (line 2); names must be unique, "
        "ignoring case, dashes and spacing",
        "r.csv:9: 5 cells where the header has 4 columns",
        "m.csv:1: unknown column 'colour'; known columns: from, to, kind, years, note, source, "
        "modelled",
    ]
    assert not Path("out").exists()


def test_move_problems(run: Run, sheets: tuple[Path, Path]) -> None:
    Path("moves.csv").write_text(
        "from,to,kind,years\n"
        "coordinator,manager,,2\n"
        "coordinator,manager,lateral,\n"     # duplicate
        "manager,coordinator,promotion,\n"   # to a lower level
        "manager,boss,lateral,\n"            # unknown role
        "seo,seo,lateral,\n"                 # self-loop
        "seo,manager,sideways,4 - 2\n",      # kind and years
        encoding="utf-8")
    result = run("import", "csv", "roles.csv", "moves.csv", "-o", "out")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        "moves.csv:3: duplicate move coordinator -> manager (first at line 2)",
        "moves.csv:4: promotion manager (level 2) -> coordinator (level 1) must go to a higher "
        "level; make its kind 'lateral' or fix the levels",
        "moves.csv:5: 'to' names unknown role 'boss'",
        "moves.csv:6: a move from 'seo' to itself is not allowed",
        "moves.csv:7: kind must be 'promotion' or 'lateral', got 'sideways'",
        "moves.csv:7: years must be a number >= 0 or a range 'min; max', got '4 - 2'",
    ]


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "r.csv:1: missing column(s) id, title, level"),
    (b"id,title\na,A\n", "r.csv:1: missing column(s) level"),
    (b"id,title,level\n", "r.csv:1: no roles: the file has a header but no rows"),
    (b"id,Title,level,title\na,A,1,B\n", "r.csv:1: column 'title' appears twice"),
    (b"id,title,level\na,Caf\xe9,1\n", "r.csv:2: invalid UTF-8; save the spreadsheet as "
     "'CSV UTF-8 (comma delimited)'"),
    (b'id,title,level\na,A,1\nb,"B,2\nc,C,3\n', "r.csv:3: a quoted cell opened on this line is "
     "never closed (a stray '\"'?)"),
    (b'id,title,level\na,"A"x,1\n', "r.csv:2: CSV error: ',' expected after '\"'"),
])
def test_file_problems(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                       content: bytes, expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.csv").write_bytes(content)
    Path("m.csv").write_text("from,to\n", encoding="utf-8")
    result = run("import", "csv", "r.csv", "m.csv", "-o", "out")
    assert result.exit_code == 3
    assert expected in result.stderr.splitlines()


def test_missing_file_and_existing_output(run: Run, sheets: tuple[Path, Path]) -> None:
    result = run("import", "csv", "nope.csv", "moves.csv", "-o", "out")
    assert result.exit_code == 3
    assert result.stderr.startswith("nope.csv:1: cannot read the file: No such file")
    Path("out").mkdir()
    result = run("import", "csv", "roles.csv", "moves.csv", "-o", "out")
    assert (result.exit_code, result.stderr) == (
        2, "error: out already exists; add --force to replace it\n")
    assert run("import", "csv", "roles.csv", "moves.csv", "-o", "out", "--force").exit_code == 0


HOSTILE = ["yes", "no", "on", "~", "null", "010", "0x1F", "1:30", "1e3", ".inf", "2024-01-01",
           "- item", "? key", "key: value", "#comment", "&anchor", "*alias", "!tag", "|", ">",
           "'quoted'", '"double"', "back\\slash", "tab\there", "line\nbreak", "cr\rhere",
           "nel\x85here", "ls\u2028here", "ps\u2029here", "bom\ufeffhere", "nul\x00here",
           "del\x7fhere", "esc\x1b[31mred", "bidi\u202eevil", "zero\u200bwidth", "emoji 😀",
           "  padded  ", "{flow}", "[list]", "%percent", "@at", "`tick", "=", "<<"]


def round_trip(titles: list[str], tmp_path: Path) -> list[Role]:
    roles = [Role(f"r{number}", title, 1, (f"alias {title}",), title, title, (title,),
                  {}, {title: 3}) for number, title in enumerate(titles)]
    moves = [Progression("r0", "r1", "lateral", Years(0.5, 2), titles[0])] if len(roles) > 1 else []
    texts = dataset_texts(roles, moves, framework={"title": titles[0]},
                          sources=[{"id": "s", "title": titles[-1]}])
    folder = tmp_path / "rt"
    folder.mkdir(exist_ok=True)
    (folder / "roles.yaml").write_text(texts[0], encoding="utf-8", newline="")
    (folder / "progressions.yaml").write_text(texts[1], encoding="utf-8", newline="")
    check_dataset_folder(folder)
    dataset, problems = check_dataset(DataSource(folder / "roles.yaml",
                                                 folder / "progressions.yaml", str(folder)))
    assert problems == [] and dataset is not None
    assert dataset.framework.title == titles[0]
    assert dataset.progressions == tuple(moves)
    return list(dataset.roles.values())


def test_hostile_titles_round_trip_through_our_own_loader(tmp_path: Path) -> None:
    # Names with hidden characters are refused by the loader (issue 10); the rest,
    # YAML 1.1 look-alikes and markup included, come back exactly as written.
    names = [title for title in HOSTILE if hidden_character(title) is None]
    assert len(names) >= len(HOSTILE) // 2
    roles = round_trip(names, tmp_path)
    assert [role.title for role in roles] == names
    assert [role.skills for role in roles] == [{title: 3} for title in names]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1).filter(lambda t: t.strip()), min_size=1, max_size=4,
                unique_by=normal_name))
def test_any_text_round_trips(tmp_path_factory: pytest.TempPathFactory, titles: list[str]) -> None:
    # hypothesis does not reset function-scoped fixtures: a fresh folder per example
    titles = [t for t in titles if hidden_character(t) is None and not any(
        normal_name(f"alias {t}") == normal_name(u) for u in titles)]
    if not titles:
        return
    roles = round_trip(titles, tmp_path_factory.mktemp("hyp"))
    assert [role.title for role in roles] == titles


def test_quote_is_json_compatible_and_plain_for_plain_text() -> None:
    assert quote("Software Developers") == '"Software Developers"'
    assert quote("a\u2028b\x85c") == '"a\\u2028b\\u0085c"'
    assert quote("😀 é") == '"😀 é"'


CELLS = st.text(alphabet="aA-b ;:1", max_size=5)
IDS = st.sampled_from(["a", "b", "a-1", "c", "A", "a-", ""])
TITLES = st.sampled_from(["T1", "T2", "t1", "a", "T 3", "B"])
ALIASES = st.sampled_from(["", "x1", "x2; x1", "T1", "a", " X1 "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(IDS, TITLES, st.sampled_from(["1", "2", "1", "2", "x", ""]),
                          ALIASES | CELLS, st.sampled_from(["", "S: 1", "S: 1; s: 2", "S: 9"])),
                min_size=1, max_size=3),
       st.lists(st.tuples(IDS, IDS, st.sampled_from(["", "lateral", "promotion"])), max_size=4))
def test_csv_problems_are_found_in_the_csv_never_later(
        tmp_path_factory: pytest.TempPathFactory, roles: list[tuple[str, ...]],
        moves: list[tuple[str, ...]]) -> None:
    import csv as csvlib

    from careerpath.errors import DataError
    from careerpath.importers.csvsource import csv_files

    folder = tmp_path_factory.mktemp("csvprop")
    with open(folder / "r.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csvlib.writer(stream)
        writer.writerow(["id", "title", "level", "aliases", "skills"])
        writer.writerows(roles)
    with open(folder / "m.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csvlib.writer(stream)
        writer.writerow(["from", "to", "kind"])
        writer.writerows(moves)
    try:
        files, _ = csv_files(folder / "r.csv", "r.csv", folder / "m.csv", "m.csv")
    except DataError as error:
        assert {problem.file for problem in error.problems} <= {"r.csv", "m.csv"}
        event("refused")
        return
    event("imported")
    out = folder / "out"
    out.mkdir()
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    check_dataset_folder(out)  # what the CSV checks let through, the loader accepts


def test_a_refused_row_still_counts_for_duplicates_and_moves(run: Run, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The row of 'a' is refused for its level; a second 'a' is still a duplicate, and a
    move naming 'a' is not reported again as naming an unknown role."""
    monkeypatch.chdir(tmp_path)
    Path("r.csv").write_text("id,title,level\na,A,x\na,B,1\nb,C,2\n", encoding="utf-8")
    Path("m.csv").write_text("from,to\na,b\nb,zz\n", encoding="utf-8")
    result = run("import", "csv", "r.csv", "m.csv", "-o", "out")
    assert (result.exit_code, result.stderr.splitlines()) == (3, [
        "r.csv:2: level must be a whole number >= 1, got 'x'",
        "r.csv:3: duplicate id 'a' (first at line 2)",
        "m.csv:3: 'to' names unknown role 'zz'",
    ])


def test_names_are_checked_as_the_validator_checks_them(run: Run, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Hidden characters and names equal but for dashes or spacing: at the CSV line,
    not in a roles.yaml the user never saw."""
    monkeypatch.chdir(tmp_path)
    Path("r.csv").write_text(
        "id,title,level,aliases,skills\n"
        "a,Web\u200bLead,1,\"x\u202e\",Pro\u200bg: 3\n"
        "b,Data Lead,1,,\n"
        "c,C,1,data-lead,\n", encoding="utf-8")
    Path("m.csv").write_text("from,to\na,b\n", encoding="utf-8")
    result = run("import", "csv", "r.csv", "m.csv", "-o", "out")
    assert (result.exit_code, result.stderr.splitlines()) == (3, [
        "r.csv:2: title 'Web\\u200bLead' contains U+200B (ZERO WIDTH SPACE), which cannot be "
        "seen or reorders text; names must be plain visible text",
        "r.csv:2: alias 'x\\u202e' contains U+202E (RIGHT-TO-LEFT OVERRIDE), which cannot be "
        "seen or reorders text; names must be plain visible text",
        "r.csv:2: skill 'Pro\\u200bg' contains U+200B (ZERO WIDTH SPACE), which cannot be "
        "seen or reorders text; names must be plain visible text",
        "r.csv:4: alias 'data-lead' is already the title of role 'b' (line 3); names must be "
        "unique, ignoring case, dashes and spacing",
    ])
    assert not Path("out").exists()

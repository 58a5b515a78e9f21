"""`careerpath lint`: every rule on a small dataset built to break each once, config, formats."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpath.lint import RULES, Settings, lint_dataset
from careerpath.lint.base import Context
from careerpath.lint.locate import Locator
from careerpath.lint.spelling import _candidates, _normal, same_skill, within
from careerpath.loader import locate
from careerpath.model import Dataset, Progression, Role
from conftest import Result

Run = Callable[..., Result]

LINT_ROLES = """\
roles:
  - id: junior
    title: Junior
    level: 1
    track: main
    summary: Starts out.
    responsibilities: [Do the work]
    skills: {Web analytics: 2, SQL: 4, Excel: 4}
  - id: lead
    title: Lead
    level: 2
    track: main
    aliases: [seo, tl]
    summary: Leads.
    responsibilities: [Lead the work]
    skills: {Web analytic: 3, SQL: 3, Team leadership: 3}
  - id: lead-special
    title: Special Lead
    level: 2
    track: main
    specialization_of: lead
    summary: A lead with a specialism.
    responsibilities: [Lead special work]
    skills: {Python: 5, SQL: 3}
  - id: head
    title: Head
    level: 3
    track: main
    summary: Runs it all.
    responsibilities: [Run the work]
    skills: {Web analytics: 4, SQL: 3, Team leadership: 4}
  - id: stuck
    title: Stuck
    level: 2
    track: main
  - id: orphan
    title: Orphan
    level: 3
    track: other
    summary: Nobody gets here.
    responsibilities: [Wait]
    skills: {Patience: 3}
"""
# lead-special -> head leaves Python 5 behind: its specialism, not a drop.
LINT_MOVES = """\
progressions:
  - {from: junior, to: lead}
  - {from: lead, to: head}
  - {from: lead, to: lead-special, kind: lateral}
  - {from: lead-special, to: head}
  - {from: junior, to: stuck, kind: lateral}
"""
EXPECTED = """\
roles.yaml:1:1: proficiency-unexplained: roles rate skills 1-5 but the dataset does not say where \
the numbers come from; add framework: {proficiency: ...}
roles.yaml:13:15: alias-field-term: alias 'seo' of lead is a common term in its field \
('search engine optimisation'); a reader would not take it for the role
roles.yaml:13:20: alias-field-term: alias 'tl' of lead is a common term in its field \
(short for the skill 'Team leadership'); a reader would not take it for the role
roles.yaml:16:14: skill-spelling: skill 'Web analytic' is probably 'Web analytics' spelled \
another way (as 2 roles write it)
roles.yaml:21:5: specialization-core-skills: lead-special is a kind of lead but lacks its core \
skills: Web analytic (3), Team leadership (3)
roles.yaml:32:5: dead-end: role stuck (level 2) has no move out, but track 'main' goes up to level 3
roles.yaml:32:5: no-responsibilities: role stuck has no responsibilities
roles.yaml:32:5: no-skills: role stuck has no skills
roles.yaml:32:5: no-summary: role stuck has no summary
roles.yaml:36:5: unreachable: no entry-level role (level 1) has a path to orphan
progressions.yaml:2:5: promotion-drops-skill: promotion junior -> lead drops skill 'Excel' \
(rated 4 in junior)
progressions.yaml:2:5: promotion-lowers-skill: promotion junior -> lead lowers skill 'SQL' \
from 4 to 3
progressions.yaml:6:31: move-level: lateral move junior (level 1) -> stuck (level 2) crosses \
levels; make it a promotion or fix the levels
"""

CLEAN_ROLES = """\
framework: {proficiency: Our own estimates.}
roles:
  - {id: a, title: Alpha, level: 1, summary: First., responsibilities: [x], skills: {SQL: 2}}
  - {id: b, title: Beta, level: 2, summary: Second., responsibilities: [y], skills: {SQL: 3}}
"""
CLEAN_MOVES = "progressions:\n  - {from: a, to: b}\n"


@pytest.fixture
def broken(make_dataset: Callable[..., Path]) -> Path:
    return make_dataset(roles=LINT_ROLES, progressions=LINT_MOVES)


def test_every_rule_finds_its_problem_once(run: Run, broken: Path) -> None:
    result = run("lint", broken)
    assert result.exit_code == 4
    assert result.stdout == "".join(f"{broken}/{line}\n" for line in EXPECTED.splitlines())
    assert result.stderr == f"{broken}: 13 problems\n"


def test_json_output(run: Run, broken: Path) -> None:
    result = run("lint", broken, "--format", "json")
    assert (result.exit_code, result.stderr) == (4, "")
    answer = result.json()
    assert answer["count"] == 13 == len(answer["problems"])
    assert answer["problems"][-1] == {
        "file": f"{broken}/progressions.yaml", "line": 6, "column": 31, "rule": "move-level",
        "message": "lateral move junior (level 1) -> stuck (level 2) crosses levels; "
                   "make it a promotion or fix the levels"}


def test_clean_dataset(run: Run, make_dataset: Callable[..., Path]) -> None:
    folder = make_dataset(roles=CLEAN_ROLES, progressions=CLEAN_MOVES)
    result = run("lint", folder)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"{folder}: 0 problems\n")
    result = run("--data", folder, "lint", "-f", "json")
    assert (result.exit_code, result.json()) == (0, {"problems": [], "count": 0})


def test_invalid_dataset_exits_3(run: Run, make_dataset: Callable[..., Path]) -> None:
    folder = make_dataset(roles="roles:\n  - {id: a, title: A, level: x}\n",
                          progressions="progressions: []\n")
    result = run("lint", folder)
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == f"{folder}/roles.yaml:2:30: level must be an integer >= 1, got 'x'\n"


def test_invalid_dataset_in_json_is_still_json(run: Run,
                                                make_dataset: Callable[..., Path]) -> None:
    # CI parses stdout: an invalid dataset or lint config is a JSON answer too, exit 3.
    folder = make_dataset(roles="roles:\n  - {id: a, title: \"A\\e\", level: x}\n",
                          progressions="progressions: []\n")
    result = run("lint", folder, "-f", "json")
    assert (result.exit_code, result.stderr) == (3, "")
    answer = result.json()
    assert answer["count"] == len(answer["problems"]) == 2
    assert answer["problems"][1] == {
        "file": f"{folder}/roles.yaml", "line": 2, "column": 34, "rule": "invalid",
        "message": "level must be an integer >= 1, got 'x'"}
    assert "\x1b" not in result.stdout


def test_invalid_config_in_json_is_still_json(run: Run, broken: Path) -> None:
    (broken / "careerpath.lint.yaml").write_text("lint:\n  disable: [dead-ends]\n")
    result = run("lint", broken, "-f", "json")
    assert (result.exit_code, result.stderr) == (3, "")
    assert [p["rule"] for p in result.json()["problems"]] == ["invalid"]


def test_output_to_a_file(run: Run, broken: Path, tmp_path: Path) -> None:
    target = tmp_path / "lint.json"
    assert run("lint", broken, "-f", "json", "-o", target).exit_code == 4
    assert '"count": 13' in target.read_text()
    again = run("lint", broken, "-f", "json", "-o", target)
    assert again.exit_code == 2 and "already exists" in again.stderr


def test_config_disables_rules(run: Run, broken: Path) -> None:
    (broken / "careerpath.lint.yaml").write_text(
        "lint:\n  disable: [no-skills, no-summary, no-responsibilities]\n")
    result = run("lint", broken, "--disable", "dead-end", "--disable", "move-level")
    assert result.exit_code == 4
    rules = {line.split(": ")[1] for line in result.stdout.splitlines()}
    assert rules.isdisjoint({"no-skills", "no-summary", "no-responsibilities", "dead-end",
                             "move-level"})
    assert result.stderr == f"{broken}: 8 problems\n"


@pytest.mark.parametrize("config", ["", "# lint:\n#   disable: [dead-end]\n", "lint:\n",
                                    "lint: {}\n"])
def test_an_empty_config_changes_nothing(run: Run, broken: Path, config: str) -> None:
    (broken / "careerpath.lint.yaml").write_text(config)
    assert run("lint", broken).stderr == f"{broken}: 13 problems\n"


def test_disabling_every_rule_is_clean(run: Run, broken: Path) -> None:
    (broken / "careerpath.lint.yaml").write_text(
        "lint:\n  disable: [" + ", ".join(RULES) + "]\n")
    assert run("lint", broken).exit_code == 0


@pytest.mark.parametrize(("config", "message"), [
    ("lint:\n  disable: [dead-ends]\n",
     "careerpath.lint.yaml:2:13: unknown rule 'dead-ends'; did you mean 'dead-end'?"),
    ("lint:\n  disabled: [dead-end]\n",
     "careerpath.lint.yaml:2:3: unknown key 'disabled' in the lint section; did you mean "
     "'disable'?"),
    ("lint:\n  disable: dead-end\n",
     "careerpath.lint.yaml:2:12: disable must be a list of rule ids"),
    ("lint:\n  field-terms: 3\n",
     "careerpath.lint.yaml:2:16: field-terms must be a list of terms, or a mapping of track "
     "to terms"),
    ("lint: [\n", "careerpath.lint.yaml:2:1: YAML syntax error: did not find expected node "
     "content"),
])
def test_bad_config_is_located(run: Run, broken: Path, config: str, message: str) -> None:
    (broken / "careerpath.lint.yaml").write_text(config)
    result = run("lint", broken)
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == f"{broken}/{message}\n"


def test_bad_config_problems_come_in_file_order(run: Run, broken: Path) -> None:
    (broken / "careerpath.lint.yaml").write_text(
        'lint:\n  disable: [dead-ends, 3]\n  "\\e[1mx": 1\n')
    result = run("lint", broken)
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == "".join(f"{broken}/careerpath.lint.yaml:{line}\n" for line in [
        "2:13: unknown rule 'dead-ends'; did you mean 'dead-end'?",
        "2:24: each item of disable must be text, got an integer (3); put it in quotes",
        "3:3: unknown key '\\x1b[1mx' in the lint section; known keys: disable, field-terms",
    ])


@pytest.mark.parametrize("kind", ["folder", "fifo", "dangling link"])
def test_a_config_that_is_not_a_file_is_refused(run: Run, broken: Path, kind: str) -> None:
    import os

    config = broken / "careerpath.lint.yaml"
    if kind == "folder":
        config.mkdir()
    elif kind == "fifo":
        os.mkfifo(config)  # reading it would wait forever
    else:
        config.symlink_to(broken / "nowhere.yaml")
    result = run("lint", broken)
    assert (result.exit_code, result.stdout) == (3, "")
    reason = {"folder": "not a regular file (a folder); a lint config must be a plain file",
              "fifo": "not a regular file (a device or a pipe); a lint config must be a "
                      "plain file",
              "dangling link": "it is a link to a file that does not exist"}[kind]
    assert result.stderr == f"{config}:1:1: cannot read the file: {reason}\n"


def test_hostile_text_in_lint_messages_is_escaped(run: Run,
                                                  make_dataset: Callable[..., Path]) -> None:
    # Tracks and skill names that validation lets through reach lint's messages:
    # control characters and bidi escaped, markup left as it is (plain output).
    track = "t\\u202eevil\\e[31m\\u2028x"
    roles = f"""\
framework: {{proficiency: Estimates.}}
roles:
  - {{id: a, title: A, level: 1, track: "{track}", summary: s, responsibilities: [x],
     skills: {{"[red]Web analytics[/red]": 3, "[red]web analytic[/red]": 2}}}}
  - {{id: b, title: B, level: 3, track: "{track}", summary: s, responsibilities: [x],
     skills: {{"[red]Web analytics[/red]": 3}}}}
  - {{id: c, title: C, level: 2, track: "{track}", summary: s, responsibilities: [x],
     skills: {{"<b>x</b>": 1}}}}
"""
    folder = make_dataset(roles=roles, progressions="progressions:\n  - {from: a, to: b}\n")
    result = run("lint", folder)
    assert result.exit_code == 4
    assert result.stdout == "".join(f"{folder}/roles.yaml:{line}\n" for line in [
        "4:46: skill-spelling: skill '[red]web analytic[/red]' is probably "
        "'[red]Web analytics[/red]' spelled another way (as 2 roles write it)",
        "7:6: dead-end: role c (level 2) has no move out, but track "
        "'t\\u202eevil\\x1b[31m\\u2028x' goes up to level 3",
        "7:6: unreachable: no entry-level role (level 1) has a path to c",
    ])
    answer = run("lint", folder, "-f", "json").json()
    assert answer["problems"][1]["message"].endswith(
        "track 't\u202eevil\x1b[31m\u2028x' goes up to level 3")
    raw = run("lint", folder, "-f", "json").stdout
    assert not any(char in raw for char in "\u202e\x1b\u2028")


def test_one_role_writes_it(make_dataset: Callable[..., Path]) -> None:
    roles = [Role("r1", "R1", 1, skills={"Web analytics": 1, "SQL": 1}),
             Role("r2", "R2", 1, skills={"Web analytic": 1, "SQL": 1})]
    [found] = RULES["skill-spelling"].check(_context(roles, []))
    assert found.message == ("skill 'Web analytic' is probably 'Web analytics' spelled "
                             "another way (as 1 role writes it)")


def test_unknown_rule_on_the_command_line(run: Run, broken: Path) -> None:
    result = run("lint", broken, "--disable", "nope")
    assert result.exit_code == 2
    assert result.stderr == "error: --disable: unknown rule 'nope'; see careerpath lint --list\n"


def test_field_terms_by_track(run: Run, make_dataset: Callable[..., Path]) -> None:
    roles = CLEAN_ROLES.replace("level: 1,", "level: 1, aliases: [gmv], track: sales,")
    roles = roles.replace("level: 2,", "level: 2, aliases: [nps], track: service,")
    folder = make_dataset(roles=roles, progressions=CLEAN_MOVES)
    assert run("lint", folder).exit_code == 0
    (folder / "careerpath.lint.yaml").write_text(
        "lint:\n  field-terms: {sales: [GMV], marketing: [nps]}\n")
    result = run("lint", folder)
    assert result.stdout == (
        f"{folder}/roles.yaml:3:47: alias-field-term: alias 'gmv' of a is a common term in its "
        "field (listed in careerpath.lint.yaml); a reader would not take it for the role\n")
    (folder / "careerpath.lint.yaml").write_text("lint:\n  field-terms: [nps]\n")
    assert "alias 'nps' of b" in run("lint", folder).stdout


@pytest.mark.parametrize("width", [40, 100, 300])
def test_list_names_every_rule_with_its_doc_wrapped_to_the_width(run: Run, width: int) -> None:
    result = run("lint", "--list", env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= width
    records: list[list[str]] = []
    for line in lines:  # a rule starts at the margin; its doc continues indented
        if line.startswith(" "):
            records[-1].append(line.strip())
        else:
            records.append(line.split(None, 1))
    assert [record[0] for record in records] == list(RULES)
    assert [" ".join(record[1:]) for record in records] == [r.doc for r in RULES.values()]
    if width == 300:
        assert len(lines) == len(RULES)  # one line each where they fit
    assert run("lint", "--list", "-f", "json").json()[0] == {
        "id": "promotion-lowers-skill", "doc": RULES["promotion-lowers-skill"].doc}


def test_docs_list_every_rule() -> None:
    docs = (Path(__file__).parent.parent / "docs" / "README-lint.md").read_text()
    for rule in RULES.values():
        assert f"| `{rule.id}` | {rule.doc} |" in docs


def test_data_text_is_escaped(run: Run, make_dataset: Callable[..., Path]) -> None:
    # Hidden characters in skill names are refused by the loader (exit 3, escaped).
    roles = CLEAN_ROLES.replace("{SQL: 3}", '{"SQL\\e": 3}')
    result = run("lint", make_dataset(roles=roles, progressions=CLEAN_MOVES))
    assert result.exit_code == 3
    assert "\\x1b" in result.stderr and "\x1b" not in result.stderr


SOURCED_ROLES = """\
framework: {proficiency: Our estimates., source: guide}
sources:
  - {id: guide, title: A Guide, kind: career guide}
  - {id: post, title: A Post}
  - {id: spare, title: Never Cited}
roles:
  - {id: a, title: Alpha, level: 1, summary: A., responsibilities: [x], skills: {SQL: 2},
     source: post}
  - {id: b, title: Beta, level: 2, summary: B., responsibilities: [y], skills: {SQL: 3}}
  - {id: c, title: Gamma, level: 3, summary: C., responsibilities: [z], skills: {SQL: 4},
     modelled: true, source: post}
"""
SOURCED_MOVES = """\
progressions:
  - {from: a, to: b, source: post}
  - {from: b, to: c}
  - {from: a, to: c, modelled: true}
"""


def test_source_rules(run: Run, make_dataset: Callable[..., Path]) -> None:
    folder = make_dataset(roles=SOURCED_ROLES, progressions=SOURCED_MOVES)
    result = run("lint", folder)
    assert result.stdout == "".join(f"{folder}/{line}\n" for line in [
        "roles.yaml:5:5: unused-source: source spare is listed but nothing cites it",
        "roles.yaml:9:5: unsourced: role b cites no source and is not marked 'modelled: true'",
        "roles.yaml:11:6: modelled-and-cited: role c is marked 'modelled' (not stated by the "
        "sources) but also cites a source; keep one",
        "progressions.yaml:3:5: unsourced: move b -> c cites no source and is not marked "
        "'modelled: true'",
    ])


def _context(roles: list[Role], moves: list[Progression]) -> Context:
    dataset = Dataset({role.id: role for role in roles}, tuple(moves))
    return Context(dataset, Locator("roles.yaml", "progressions.yaml", None, None), Settings())


def test_move_level_also_catches_what_validation_would() -> None:
    # validate refuses a promotion that does not go up; the rule still says why on its own.
    context = _context([Role("a", "A", 2), Role("b", "B", 2)], [Progression("a", "b")])
    [finding] = RULES["move-level"].check(context)
    assert finding.message == "promotion a (level 2) -> b (level 2) does not go up a level"
    assert tuple(finding.place) == ("progressions.yaml", 1, 1)


def test_roles_without_a_track_are_one_track() -> None:
    roles = [Role("a", "A", 1), Role("b", "B", 2), Role("c", "C", 3)]
    found = list(RULES["dead-end"].check(_context(roles, [Progression("a", "c")])))
    assert [f.message for f in found] == [
        "role b (level 2) has no move out, but the roles without a track go up to level 3"]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Web Analytics", "Web analytics", True), ("Web analytics", "Web analytic", True),
    ("Web-analytics", "web  analytics.", True), ("SEO", "SEM", False), ("SEO", "seo", True),
    ("Data analysis", "Market analysis", False), ("Customer service", "Customer research", False),
    ("Supply chain and fulfilment", "Supply chain and fulfillment", True),
    ("C", "C++", False), ("C#", "C++", False), ("c++", "C ++", True),
    ("Skill 1", "Skill 2", False), ("Python 2 programming", "Python 3 programming", False),
    ("Design", "Resign", False), ("Leadership", "Readership", False),
    ("Budgeting", "Budgetting", True), ("Stakeholder management", "Stakeholder managment", True),
    ("Supply chain management", "Supply chain managing", False),
])
def test_skill_spelling_pairs(a: str, b: str, same: bool) -> None:
    roles = [Role("r1", "R1", 1, skills={a: 1}), Role("r2", "R2", 1, skills={b: 1})]
    found = list(RULES["skill-spelling"].check(_context(roles, [])))
    assert bool(found) is same


def _distance(a: str, b: str) -> int:
    if not a or not b:
        return len(a) + len(b)
    return min(_distance(a[1:], b) + 1, _distance(a, b[1:]) + 1,
               _distance(a[1:], b[1:]) + (a[0] != b[0]))


@given(st.text("ab", max_size=6), st.text("ab", max_size=6), st.integers(0, 3))
def test_within_matches_brute_force_edit_distance(a: str, b: str, limit: int) -> None:
    assert within(a, b, limit) is (_distance(a, b) <= limit)


def test_lint_dataset_is_usable_without_the_cli(broken: Path) -> None:
    from careerpath.loader import check_dataset

    source = locate(str(broken))
    dataset, _ = check_dataset(source)
    assert dataset is not None
    problems = lint_dataset(dataset, source, disable=set(RULES) - {"unreachable"})
    assert [(p.rule, p.line) for p in problems] == [("unreachable", 36)]


@given(st.lists(st.text("aab -+1", max_size=10), max_size=8))
def test_candidate_pairs_miss_no_match(names: list[str]) -> None:
    # The deletion index must find every pair a full comparison would.
    normal = [_normal(name) for name in names]
    brute = {(i, j) for i in range(len(normal)) for j in range(i + 1, len(normal))
             if same_skill(normal[i], normal[j])}
    assert brute <= _candidates(normal)


@st.composite
def _near_names(draw: st.DrawFn) -> list[str]:
    """Names of 6 to 22 letters and copies a few edits away: one and two edits allowed."""
    names = draw(st.lists(st.text("ab", min_size=6, max_size=22), min_size=1, max_size=4))
    for base in list(names):
        text = list(base)
        for _ in range(draw(st.integers(0, 3))):
            at = draw(st.integers(0, len(text)))
            how = draw(st.sampled_from(["insert", "delete", "replace"]))
            if how == "insert":
                text.insert(at, draw(st.sampled_from("ab")))
            elif at < len(text):
                text[at:at + 1] = [] if how == "delete" else [draw(st.sampled_from("ab"))]
        names.append("".join(text))
    return names


@given(_near_names())
def test_candidate_pairs_miss_no_match_in_long_names(names: list[str]) -> None:
    brute = {(i, j) for i in range(len(names)) for j in range(i + 1, len(names))
             if same_skill(names[i], names[j])}
    assert brute <= _candidates(names)



@pytest.mark.parametrize("command", ["lint", "schema"])
def test_help(run: Run, command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0 and "Usage: careerpath" in result.stdout
    summary = next(line for line in run("--help").stdout.splitlines()
                   if line.strip().startswith(command + " "))
    assert not summary.endswith("...")


def test_every_rule_on_5000_roles_takes_seconds(tmp_path: Path) -> None:
    # benchmarks/generate.py's 5,000 roles and 20,000 moves: ~3 s here (2 slow cores);
    # the bound catches a rule that went quadratic, not a slow machine.
    import importlib.util
    import time

    path = Path(__file__).parent.parent / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("generate", path)
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    generate.generate(tmp_path, 5000, 20000)
    started = time.perf_counter()
    from careerpath.lint import lint_source

    problems = lint_source(locate(str(tmp_path)))
    assert time.perf_counter() - started < 30
    assert {p.rule for p in problems} >= {"promotion-drops-skill", "dead-end", "unreachable"}


@pytest.mark.parametrize("command", [["validate"], ["lint"]])
def test_json_reports_a_missing_file_as_json(run: Run, tmp_path: Path, command: list[str]) -> None:
    # CI parses stdout whatever happens: a missing progressions.yaml is a problem in it.
    (tmp_path / "roles.yaml").write_text("roles: []\n", encoding="utf-8")
    result = run(*command, tmp_path, "-f", "json")
    assert (result.exit_code, result.stderr) == (3, "")
    problems = result.json()["problems"]
    assert [(p["file"], p["line"], p["column"]) for p in problems] == [
        (str(tmp_path / "progressions.yaml"), 0, 0)]
    assert problems[0]["message"].startswith("not found; a dataset folder holds roles.yaml")
    if command == ["validate"]:
        assert result.json()["valid"] is False
    else:
        assert problems[0]["rule"] == "invalid"


def test_the_blank_starter_passes_its_own_linter(run: Run, tmp_path: Path) -> None:
    assert run("init", tmp_path / "mine", "--blank").exit_code == 0
    result = run("lint", tmp_path / "mine")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"{tmp_path / 'mine'}: 0 problems\n"


def test_a_misspelling_is_reported_once_against_its_most_used_match(
        run: Run, make_dataset: Callable[..., Path]) -> None:
    roles = "roles:\n" + "".join(
        f"  - {{id: r{n}, title: R{n}, level: 1, summary: s, responsibilities: [x], "
        f"skills: {{{skill}: 2}}}}\n" for n, skill in enumerate(
            ["Web Analytics", "Web Analytics", "Web analytics", "Web analytic"]))
    data = make_dataset("framework: {proficiency: Estimates.}\n" + roles, "progressions: []\n")
    found = run("lint", data, "--disable", "dead-end", "--disable", "unreachable", "-f",
                "json").json()["problems"]
    spelling = [(p["line"], p["message"]) for p in found if p["rule"] == "skill-spelling"]
    assert spelling == [
        (5, "skill 'Web analytics' is probably 'Web Analytics' spelled another way "
            "(as 2 roles write it)"),
        (6, "skill 'Web analytic' is probably 'Web Analytics' spelled another way "
            "(as 2 roles write it)")]

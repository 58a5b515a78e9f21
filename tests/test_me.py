"""Starting from a person: the profile, match, gap, path --me and --easiest."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpath.easiest import easiest_paths
from careerpath.model import Dataset, Progression, Role, Years
from careerpath.pathcost import year_units
from conftest import Result

Run = Callable[..., Result]


def profile(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "me.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_match_ranks_by_coverage_then_level_then_id(run: Run, small: Path,
                                                    tmp_path: Path) -> None:
    me = profile(tmp_path, "skills:\n  sql: 3\n  Excel: 3\n  python: 1\n")
    result = run("--data", small, "match", "--me", me, "-f", "json")
    assert result.exit_code == 0, result.stderr
    rows = result.json()["roles"]
    # analyst needs SQL 2, Excel 3: covered 5/5; senior-analyst SQL 3, Excel 3, Python 2: 7/8
    assert [(r["id"], r["coverage"], r["points"]) for r in rows[:3]] == [
        ("analyst", 1.0, 0), ("senior-analyst", 0.875, 1), ("lead-analyst", 0.5, 3)]
    assert rows[1]["gaps"] == [{"name": "Python", "have": 1, "need": 2}]
    # every role with skills is listed, none without
    assert {r["id"] for r in rows} == {"analyst", "senior-analyst", "data-scientist",
                                       "lead-analyst", "analytics-manager", "head-of-data"}


def test_match_table_lists_each_gap_on_its_own_line(run: Run, small: Path,
                                                     tmp_path: Path) -> None:
    # One gap a line: a gap is never broken across lines, and the column stays narrow.
    me = profile(tmp_path, "skills:\n  sql: 3\n  Excel: 3\n  python: 1\n")
    result = run("--data", small, "match", "--me", me, "--limit", "3")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[lines.index("┡━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━━╇"
                             "━━━━━━━━━━━━━━━━━━━━┩") + 1:] == [
        "│   100 % │ Data Analyst        │     1 │ 0 points │ nothing            │",
        "│         │ analyst             │       │          │                    │",
        "│    88 % │ Senior Data Analyst │     2 │  1 point │ Python 1 → 2       │",
        "│         │ senior-analyst      │       │          │                    │",
        "│    50 % │ Lead Analyst        │     3 │ 3 points │ Leadership new → 2 │",
        "│         │ lead-analyst        │       │          │ SQL 3 → 4          │",
        "└─────────┴─────────────────────┴───────┴──────────┴────────────────────┘"]


def test_match_filters_and_nothing_matching_is_exit_1(run: Run, small: Path,
                                                      tmp_path: Path) -> None:
    me = profile(tmp_path, "skills: {SQL: 2}\n")
    rows = run("--data", small, "match", "--me", me, "--level", "3", "-f", "json").json()
    # lead-analyst: SQL 2 of 4 and Leadership 0 of 2 = 2/6; analytics-manager 2/8
    assert [r["id"] for r in rows["roles"]] == ["lead-analyst", "analytics-manager"]
    result = run("--data", small, "match", "--me", me, "--track", "nowhere")
    assert (result.exit_code, result.stderr) == (
        1, "error: no role with skills in the data matches track 'nowhere'\n")


def test_gap_skill_by_skill(run: Run, small: Path, tmp_path: Path) -> None:
    me = profile(tmp_path, "skills: {SQL: 3, Python: 4, Excel: 1}\n")
    result = run("--data", small, "gap", "hod", "--me", me, "-f", "json")
    assert result.json() == {"role": "head-of-data", "skills": [
        {"name": "Leadership", "have": None, "need": 4, "gap": 4},
        {"name": "Budgeting", "have": None, "need": 3, "gap": 3},
        {"name": "SQL", "have": 3, "need": 2, "gap": 0}],
        "extra": [{"name": "Python", "have": 4}, {"name": "Excel", "have": 1}]}
    csv = run("--data", small, "gap", "hod", "--me", me, "-f", "csv").stdout
    assert csv.splitlines()[:2] == ["name,have,need,gap,kind", "Leadership,,4,4,asked"]


def test_profile_problems_are_located_and_unknown_skills_warned(run: Run, small: Path,
                                                                 tmp_path: Path) -> None:
    me = profile(tmp_path, "role: nobody\nskills:\n  SQL: 9\n  Sequel: 2\nextra: 1\n")
    result = run("--data", small, "match", "--me", me)
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"{me}:1:7: no role named 'nobody' ('careerpath roles' lists them all)",
        f"{me}:3:8: proficiency of skill 'SQL' must be an integer from 1 to 5, got an integer (9)",
        f"{me}:5:1: unknown key 'extra' in a profile; known keys: role, skills"]
    me = profile(tmp_path, "skills:\n  Pyhton: 2\n  SQL: 1\n")
    result = run("--data", small, "match", "--me", me, "-f", "json")
    assert result.exit_code == 0
    assert result.stderr == (f"warning: {me}: skill 'Pyhton' is not in the dataset; "
                             "did you mean 'Python'?\n")


def test_missing_default_profile_says_how_to_make_one(run: Run, small: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("--data", small, "match")
    assert (result.exit_code, result.stderr) == (
        2, "error: no profile at careerpath.me.yaml; write one with: careerpath me init "
           "(or name one with --me FILE)\n")


def test_me_init_prefills_a_role_and_round_trips(run: Run, small: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    result = run("--data", small, "me", "init", "--role", "senior data analyst", "-o", target)
    assert result.exit_code == 0, result.stderr
    assert run("--data", small, "me", "init", "-o", target).exit_code == 2  # no --force
    rows = run("--data", small, "match", "--me", target, "-f", "json").json()["roles"]
    assert rows[0]["id"] == "senior-analyst" and rows[0]["coverage"] == 1.0


def test_path_from_the_profiles_role_measures_from_the_profile(run: Run, small: Path,
                                                               tmp_path: Path) -> None:
    me = profile(tmp_path, "role: lead\nskills: {SQL: 4, Leadership: 3}\n")
    answer = run("--data", small, "path", "hod", "--me", me, "-f", "json").json()
    assert answer["from"] == "lead-analyst"
    assert answer["paths"][0]["skills"] == [{"name": "Budgeting", "have": None, "need": 3},
                                            {"name": "Leadership", "have": 3, "need": 4}]
    text = run("--data", small, "path", "hod", "--me", me).stdout
    assert (f"Every skill to build from your profile ({me}) (2 skills, 4 points):"
            in " ".join(text.split()))
    bare = profile(tmp_path, "skills: {SQL: 1}\n")
    result = run("--data", small, "path", "hod", "--me", bare)
    assert result.exit_code == 2 and "names no role" in result.stderr


def test_easiest_prefers_fewer_points_over_fewer_moves(run: Run, small: Path,
                                                       tmp_path: Path) -> None:
    # Someone who already has Python and Statistics: through data-scientist only SQL 3
    # is new (1 point), while the two-move path through lead-analyst asks SQL 4 (2 points).
    me = profile(tmp_path, "skills: {SQL: 2, Python: 3, Statistics: 3, Leadership: 4, "
                           "Budgeting: 3}\n")
    easiest = run("--data", small, "path", "analyst", "hod", "--easiest", "--me", me,
                  "-f", "json").json()
    assert easiest["paths"][0]["roles"] == [
        "analyst", "data-scientist", "analytics-manager", "head-of-data"]
    # Without them, the lead-analyst path (2 points) beats data-scientist (7) and
    # senior-analyst (6).
    me = profile(tmp_path, "skills: {SQL: 2, Leadership: 4, Budgeting: 3}\n")
    easiest = run("--data", small, "path", "analyst", "hod", "--easiest", "--me", me,
                  "-f", "json").json()
    assert easiest["paths"][0]["roles"] == ["analyst", "lead-analyst", "head-of-data"]


# ---- --easiest against a brute-force oracle -------------------------------------------

SKILLS = ["A", "B", "C"]


@st.composite
def graphs(draw: st.DrawFn) -> tuple[Dataset, dict[str, int], dict[str, object]]:
    count = draw(st.integers(3, 6))
    ids = [f"r{index}" for index in range(count)]
    roles = {}
    for role_id in ids:
        skills = draw(st.dictionaries(st.sampled_from(SKILLS), st.integers(1, 5), max_size=3))
        roles[role_id] = Role(role_id, role_id.upper(), draw(st.integers(1, 3)),
                              skills=skills)
    moves = []
    for source, target in draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)),
                                        max_size=14, unique=True)):
        if source == target:
            continue
        years = draw(st.one_of(st.none(), st.sampled_from([0, 0.5, 1, 2]).map(
            lambda y: Years(y, y)), st.just(Years(1, 3))))
        moves.append(Progression(source, target, draw(st.sampled_from(["promotion", "lateral"])),
                                 years))
    have = draw(st.dictionaries(st.sampled_from(SKILLS), st.integers(1, 5), max_size=3))
    options = {"via": tuple(draw(st.lists(st.sampled_from(ids[1:-1] or ids), max_size=2,
                                          unique=True))),
               "avoid": tuple(draw(st.lists(st.sampled_from(ids[1:-1] or ids), max_size=1))),
               "promotions_only": draw(st.booleans()), "limit": draw(st.integers(1, 4))}
    return Dataset(roles, tuple(moves)), have, options


def oracle(data: Dataset, have: dict[str, int], options: dict[str, object]) -> list[list[str]]:
    graph = nx.DiGraph()
    graph.add_nodes_from(data.roles)
    for move in data.progressions:
        if options["promotions_only"] and move.kind != "promotion":
            continue
        graph.add_edge(move.source_id, move.target_id, move=move)
    source, target = "r0", f"r{len(data.roles) - 1}"
    keys = []
    for path in nx.all_simple_paths(graph, source, target):
        if set(path) & set(options["avoid"]) or not set(options["via"]) <= set(path):  # type: ignore[arg-type]
            continue
        held: dict[str, int] = {}
        for role_id in path[1:]:
            for name, need in data.roles[role_id].skills.items():
                held[name] = max(held.get(name, 0), need)
        points = sum(max(0, level - have.get(name, 0)) for name, level in held.items())
        units = [year_units(graph[a][b]["move"].years) for a, b in itertools.pairwise(path)]
        keys.append((points, len(path) - 1, sum(u is None for u in units),
                     sum(u or 0 for u in units), tuple(path)))
    return [list(key[-1]) for key in sorted(keys)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_easiest_agrees_with_brute_force(case: tuple[Dataset, dict[str, int],
                                                     dict[str, object]]) -> None:
    data, have, options = case
    source, target = "r0", f"r{len(data.roles) - 1}"
    if set(options["avoid"]) & ({source, target} | set(options["via"])):  # type: ignore[arg-type]
        return
    expected = oracle(data, have, options)
    limit = options["limit"]
    found = easiest_paths(data, source, target, have, limit=limit,  # type: ignore[arg-type]
                          via=options["via"], avoid=options["avoid"],  # type: ignore[arg-type]
                          promotions_only=options["promotions_only"])  # type: ignore[arg-type]
    assert [list(path.roles) for path in found.paths] == expected[:limit]  # type: ignore[misc]
    assert found.more == (len(expected) > limit)  # type: ignore[operator]
    assert not found.stopped_early


def test_easiest_counts_every_candidate_it_queues_against_its_budget(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Work and memory are bounded by the budget: counting only the candidates taken
    let --easiest --limit 1000000000 on 5,000 roles take a minute and 900 MB."""
    import heapq

    from careerpath import easiest

    width = 6
    names = [["s"], *([f"l{i}{j}" for j in range(width)] for i in range(4)), ["t"]]
    roles = {n: Role(n, n, depth + 1, skills={f"k{n}": 2})
             for depth, layer in enumerate(names) for n in layer}
    moves = tuple(Progression(a, b, "promotion", None) for here, there in zip(names, names[1:])
                  for a in here for b in there)
    pushed: list[int] = []
    real_push = heapq.heappush
    monkeypatch.setattr(easiest.heapq, "heappush",
                        lambda heap, item: (pushed.append(1), real_push(heap, item)))
    found = easiest_paths(Dataset(roles, moves), "s", "t", {}, limit=1_000_000_000, budget=50)
    assert found.stopped_early and found.more is None
    assert len(pushed) <= 50 + width
    assert found.examined == len(pushed)


def test_easiest_says_no_path_when_proven_and_stays_bounded(run: Run, small: Path,
                                                          tmp_path: Path) -> None:
    # No path reaches analyst: the answer is "no path" (proven), not "one may exist".
    result = run("--data", small, "path", "hod", "analyst", "--easiest")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no path from head-of-data to analyst")


def test_easiest_out_of_budget_ranks_the_fewest_moves_paths(
        small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from careerpath import easiest
    from careerpath.loader import load_dataset
    from careerpath.queries import find_path

    data = load_dataset(str(small), use_cache=False)
    have = {"SQL": 2, "Leadership": 4, "Budgeting": 3}
    exact = find_path(data, "analyst", "hod", easiest=True, start_skills=have, limit=3)
    assert not exact.stopped_early
    monkeypatch.setattr(easiest, "BUDGET", 2)
    cut = find_path(data, "analyst", "hod", easiest=True, start_skills=have, limit=3)
    assert cut.stopped_early and cut.more is True  # the fallback holds more than 3
    # the fallback ranks the paths it has by the same key, so the order still holds
    assert [p.roles for p in cut.paths] == [p.roles for p in exact.paths]


SPELLINGS_ROLES = """\
roles:
  - {id: a, title: Alpha, level: 1, skills: {Café: 2, Web analytics: 3}}
  - {id: b, title: Beta, level: 2, skills: {café: 4, Web-Analytics: 4}}
"""


def test_profile_skills_match_every_spelling_in_the_data(run: Run, make_dataset: Callable[..., Path],
                                                        tmp_path: Path) -> None:
    data = make_dataset(SPELLINGS_ROLES, "progressions:\n  - {from: a, to: b}\n")
    me = profile(tmp_path, "skills:\n  \"Cafe\u0301\": 3\n  web_analytics: 3\n")  # NFD, '_'
    rows = run("--data", data, "match", "--me", me, "-f", "json").json()["roles"]
    assert [(r["id"], r["coverage"], r["points"]) for r in rows] == [("a", 1.0, 0),
                                                                     ("b", 0.75, 2)]
    answer = run("--data", data, "gap", "b", "--me", me, "-f", "json").json()
    assert [s["have"] for s in answer["skills"]] == [3, 3] and answer["extra"] == []
    total = run("--data", data, "path", "a", "b", "--me", me, "-f", "json").json()
    assert total["paths"][0]["skills"] == [{"name": "café", "have": 3, "need": 4},
                                           {"name": "Web-Analytics", "have": 3, "need": 4}]


@pytest.mark.parametrize(("text", "message"), [
    ("skills: {web_analytics: 2, WEB-ANALYTICS: 3}\n",
     "1:28: duplicate skill 'WEB-ANALYTICS' (first at line 1)"),
    ("skills: {SQL: 0}\n", "1:15: proficiency of skill 'SQL' must be an integer from 1 to 5, "
                           "got an integer (0)"),
    ("skills: {SQL: '3'}\n", "1:15: proficiency of skill 'SQL' must be an integer from 1 to 5, "
                             "got '3'"),
    ("skills: {SQL: 3.5}\n", "1:15: proficiency of skill 'SQL' must be an integer from 1 to 5, "
                             "got a number (3.5)"),
    ("skills: {SQL: 010}\n", "1:15: proficiency of skill 'SQL' '010' is not a plain decimal "
                             "number: YAML 1.1 reads it as 8 (octal: it starts with 0); write "
                             "it in plain decimal digits"),
    ("role: data\nskills: {SQL: 3}\n", "1:7: 'data' is ambiguous: it matches "
                                       "analyst (Data Analyst), "),
    ("", "1:1: file is empty"),
])
def test_bad_profiles(run: Run, small: Path, tmp_path: Path, text: str, message: str) -> None:
    me = profile(tmp_path, text)
    result = run("--data", small, "match", "--me", me)
    assert result.exit_code == 3
    assert result.stderr.startswith(f"{me}:{message}")


def test_profile_with_no_known_skill_is_a_warning(run: Run, small: Path, tmp_path: Path) -> None:
    me = profile(tmp_path, "skills: {Cooking: 3}\n")
    result = run("--data", small, "match", "--me", me, "--limit", "1", "-f", "json")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == (
        f"warning: {me}: no skill in the profile is in the dataset, so it covers nothing yet; "
        "list what you can do under 'skills:'")
    assert result.json()["roles"][0]["coverage"] == 0.0


def test_me_must_name_a_regular_file(run: Run, small: Path, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    cases = {"": "error: --me needs a file name\n",
             str(tmp_path): f"error: cannot read the profile {tmp_path}: not a regular file "
                            "(a folder); a profile must be a plain file\n",
             str(fifo): f"error: cannot read the profile {fifo}: not a regular file (a device "
                        "or a pipe); a profile must be a plain file\n",
             str(tmp_path / "none.yaml"): f"error: no profile at {tmp_path / 'none.yaml'} "
                                          "(or name one with --me FILE)\n"}
    for me, message in cases.items():
        result = run("--data", small, "match", "--me", me)
        assert (result.exit_code, result.stderr) == (2, message)


def test_path_to_alone_starts_from_the_default_profile(run: Run, small: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("--data", small, "path", "hod")
    assert (result.exit_code, result.stderr) == (
        2, "error: give FROM and TO (or only TO, with a profile naming your role: "
           "careerpath.me.yaml or --me FILE)\n")
    (tmp_path / "careerpath.me.yaml").write_text("role: lead\nskills: {SQL: 4}\n")
    answer = run("--data", small, "path", "hod", "-f", "json").json()
    assert answer["from"] == "lead-analyst"
    assert {"name": "SQL", "have": 4, "need": 2} not in answer["paths"][0]["skills"]


# ---- match, gap and path --me against brute force ------------------------------------

@st.composite
def profiles(draw: st.DrawFn) -> tuple[Dataset, dict[str, int]]:
    data, have, _ = draw(graphs())
    return data, have


@settings(max_examples=200, deadline=None)
@given(profiles(), st.one_of(st.none(), st.integers(1, 3)))
def test_match_and_gap_agree_with_brute_force(case: tuple[Dataset, dict[str, int]],
                                              level: int | None) -> None:
    from careerpath.errors import NoAnswer
    from careerpath.fit import gap, match
    from careerpath.profile import Profile

    data, have = case
    me = Profile("me.yaml", None, have, [])
    expected = []
    for role in data.roles.values():
        if not role.skills or (level is not None and role.level != level):
            continue
        need = sum(role.skills.values())
        covered = sum(min(have.get(name, 0), n) for name, n in role.skills.items())
        points = sum(max(0, n - have.get(name, 0)) for name, n in role.skills.items())
        expected.append((-covered / need, -role.level, role.id, points))
    expected.sort()
    if not expected:
        with pytest.raises(NoAnswer):
            match(data, me, level=level)
        return
    fits = match(data, me, level=level).fits
    assert [(-f.coverage, -f.role.level, f.role.id, f.points) for f in fits] == expected
    for fit in fits:
        sizes = sorted((n - have.get(name, 0) for name, n in fit.role.skills.items()
                        if n > have.get(name, 0)), reverse=True)
        assert [g.need - (g.have or 0) for g in fit.gaps] == sizes[:3]
        answer = gap(data, me, fit.role)
        assert sum(item.gap for item in answer.skills) == fit.points
        assert {name for name, _ in answer.extra} == set(have) - set(fit.role.skills)


@settings(max_examples=200, deadline=None)
@given(graphs())
def test_path_with_a_profile_measures_from_it(case: tuple[Dataset, dict[str, int],
                                                          dict[str, object]]) -> None:
    from careerpath.errors import NoAnswer
    from careerpath.queries import find_path

    data, have, options = case
    source, target = "r0", f"r{len(data.roles) - 1}"
    try:
        answer = find_path(data, source, target, start_skills=have, limit=4)
    except NoAnswer:
        assert not oracle(data, have, {**options, "via": (), "avoid": ()})
        return
    for path in answer.paths:
        held = dict(have)
        for step, role_id in zip(path.steps, path.roles[1:], strict=True):
            skills = data.roles[role_id.id].skills
            asked = {n: need for n, need in skills.items() if need > held.get(n, 0)}
            assert {(g.name, g.have, g.need) for g in step.skills} == {
                (n, have_level if (have_level := held.get(n)) else None, need)
                for n, need in asked.items()}
            for n, need in skills.items():
                held[n] = max(held.get(n, 0), need)
        assert {(g.name, g.need) for g in path.skills} == {
            (n, level) for n, level in held.items() if level > have.get(n, 0)}


@pytest.mark.parametrize("width", [40, 73, 200])
def test_match_over_many_roles_is_drawn_as_lines(make_dataset: Callable[..., Path],
                                                 width: int) -> None:
    from careerpath.fit import match
    from careerpath.loader import load_dataset
    from careerpath.profile import Profile
    from test_widths import lines_at

    roles = "roles:\n" + "".join(
        f"  - {{id: role-{n}, title: A rather long title for role number {n}, level: 1, "
        f"skills: {{SQL: {1 + n % 5}, Python: 2}}}}\n" for n in range(101))
    data = load_dataset(str(make_dataset(roles, "progressions: []\n")), use_cache=False)
    lines = lines_at(match(data, Profile("me.yaml", None, {"SQL": 3}, [])), data, width)
    assert "┃" not in "".join(lines)  # not a table
    assert max(len(line) for line in lines) <= width
    ids = [line.strip() for line in lines if line.strip().startswith("role-")]
    assert sorted(ids) == sorted(f"role-{n}" for n in range(101))
    if width >= 73:
        # SQL 3 of 3 + Python 0 of 2 = 3/5, ties by id; role-12 < role-17 < role-2 ...
        assert lines[:5] == ["Roles by how much of them your skills cover (me.yaml)",
                             "A rather long title for role number 12", "  role-12",
                             "  60 % covered · 2 points to build · level 1",
                             "  largest gaps: Python new → 2"]


def test_easiest_says_its_order_and_when_it_stopped(run: Run, small: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from careerpath import easiest

    me = profile(tmp_path, "skills: {SQL: 2}\n")
    markdown = run("--data", small, "path", "analyst", "hod", "--easiest", "--me", me,
                   "-f", "markdown").stdout
    line = markdown.splitlines()[2]
    assert line.startswith("Ordered by the skill points to build from your profile (")
    assert line.endswith("me.yaml), the easiest first.")
    plain = run("--data", small, "path", "analyst", "hod", "--easiest", "-f", "markdown").stdout
    assert "build from Data Analyst, the easiest first." in plain
    monkeypatch.setattr(easiest, "BUDGET", 1)
    text = run("--data", small, "path", "analyst", "hod", "--easiest", "--me", me).stdout
    assert ("Searched 1 candidate and stopped: showing the 1 path found; more may exist, and "
            "an easier one.") in " ".join(text.split())
    result = run("--data", small, "path", "analyst", "hod", "--easiest", "--fastest")
    assert (result.exit_code, result.stderr) == (
        2, "error: --easiest and --fastest order paths differently; choose one\n")


def test_me_init_to_stdout_writes_no_file(run: Run, small: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("--data", small, "me", "init", "--role", "island", "-o", "-")
    assert result.exit_code == 0 and not (tmp_path / "-").exists()
    assert result.stdout.splitlines()[3:5] == [
        'role: "island"              # where you are now (optional)',
        "# island lists no skills in this dataset: add yours"]
    (tmp_path / "me.yaml").write_text(result.stdout, encoding="utf-8")
    assert run("--data", small, "gap", "hod", "--me", "me.yaml").exit_code == 0


def test_a_profile_with_no_skills_says_so(run: Run, small: Path, tmp_path: Path) -> None:
    for text in ("role: analyst\n", "role: analyst\nskills: {}\n"):
        me = profile(tmp_path, text)
        result = run("--data", small, "match", "--me", me, "--limit", "1", "-f", "json")
        assert result.exit_code == 0
        assert result.stderr.splitlines()[-1] == (
            f"warning: {me}: the profile lists no skills, so it covers nothing yet; "
            "list what you can do under 'skills:'")


def test_gap_to_a_role_without_skills_is_no_answer(run: Run, make_dataset: Callable[..., Path],
                                                   tmp_path: Path) -> None:
    data = make_dataset("roles:\n  - {id: a, title: Alpha, level: 1, skills: {SQL: 2}}\n"
                        "  - {id: e, title: Epsilon, level: 2}\n",
                        "progressions:\n  - {from: a, to: e}\n")
    me = profile(tmp_path, "skills: {SQL: 2}\n")
    result = run("--data", data, "gap", "e", "--me", me)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == ("error: e (Epsilon) lists no skills in this dataset, so there is "
                             "no gap to measure\n")


def test_a_profile_can_come_from_stdin(run: Run, small: Path) -> None:
    result = run("--data", small, "gap", "hod", "--me", "-", "-f", "json",
                 input="skills: {SQL: 4}\n")
    assert result.exit_code == 0, result.stderr
    assert {"name": "SQL", "have": 4, "need": 2} in [
        {k: s[k] for k in ("name", "have", "need")} for s in result.json()["skills"]]
    bad = run("--data", small, "gap", "hod", "--me", "-", input="skills: {SQL: 9}\n")
    assert bad.exit_code == 3 and bad.stderr.startswith("-:1:15: proficiency of skill 'SQL'")

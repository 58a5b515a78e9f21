"""Every terminal view at 40 to 200 columns: no line wider than the terminal,
nothing cut to `…`, and every id a user must type shown whole on one line."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.segment import Segment

from careerpath import queries
from careerpath.fit import gap, match
from careerpath.loader import load_dataset
from careerpath.model import Dataset
from careerpath.profile import Profile
from careerpath.render import render_answer

WIDTHS = (40, 60, 80, 120, 200)

LONG_ROLES = """\
roles:
  - id: principal-omnichannel-strategist
    title: Principal Omnichannel Customer Experience and Personalisation Strategist
    level: 1
    aliases: [pocxps, omnichannel personalisation strategist]
    track: customer experience and personalisation across every channel
    summary: Sets the direction for how every customer touchpoint is personalised.
    responsibilities: [Own the personalisation roadmap across web, app, email and stores]
    activities:
      entry: [Learn the customer data platform and its segmentation model in depth]
      mid: [Run experiments across channels and report what changed]
      senior: [Set the experimentation standards for the whole organisation]
    skills: {Customer data platform administration: 3, Experimentation design: 2}
  - id: head-of-personalisation-and-loyalty
    title: Head of Personalisation, Loyalty and Lifetime Value Programmes Worldwide
    level: 2
    aliases: [loyalty head]
    track: customer experience and personalisation across every channel
    skills: {Customer data platform administration: 4, Lifetime value modelling: 3}
  - id: chief-customer-officer-emea
    title: Chief Customer Officer, Europe, Middle East and Africa Region
    level: 3
    skills: {Executive stakeholder management: 5}
"""
LONG_MOVES = """\
progressions:
  - {from: principal-omnichannel-strategist, to: head-of-personalisation-and-loyalty,
     years: [2, 4], note: Usually after leading a cross-channel programme end to end.}
  - {from: head-of-personalisation-and-loyalty, to: chief-customer-officer-emea}
  - {from: principal-omnichannel-strategist, to: chief-customer-officer-emea, kind: promotion,
     years: 9}
"""


def answers(data: Dataset, first: str, last: str) -> list[tuple[str, Any, list[str]]]:
    """(command, answer, ids it must show whole) for every terminal view."""
    every = [role.id for role in data.roles.values()]
    skills = {name: 2 for role in data.roles.values() for name in role.skills}
    profile = Profile("a-profile-with-a-long-name.yaml", first, skills, [])
    reach = queries.next_roles(data, first, 3)
    return [
        ("roles", queries.list_roles(data), every),
        ("show", queries.role_card(data, first), [first]),
        ("path", queries.find_path(data, first, last, all_paths=True), []),
        ("next", reach, [item.role_id for item in reach.reachable]),
        ("skills", queries.role_skills(data, last), []),
        ("compare", queries.compare_roles(data, first, last), []),
        ("search", queries.search_roles(data, "e"), []),
        ("graph", queries.ladder_graph(data), []),
        ("match", match(data, profile), [fit.role.id for fit in match(data, profile).fits]),
        ("gap", gap(data, profile, data.roles[last]), []),
    ]


def lines_at(answer: Any, data: Dataset, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None, markup=False,
                      emoji=False, highlight=False)
    rendered = render_answer(answer, "text", data, "test")
    return [(Segment.get_line_length(line) and "".join(s.text for s in line)) or ""
            for line in console.render_lines(rendered, console.options, pad=False)]


@pytest.fixture(params=["built-in", "long titles"])
def data_and_ends(request: pytest.FixtureRequest,
                  make_dataset: Callable[..., Path]) -> tuple[Dataset, str, str]:
    if request.param == "built-in":
        return load_dataset(use_cache=False), "ecommerce-manager", "chief-digital-officer"
    folder = make_dataset(LONG_ROLES, LONG_MOVES)
    return (load_dataset(str(folder), use_cache=False), "principal-omnichannel-strategist",
            "chief-customer-officer-emea")


@pytest.mark.parametrize("width", WIDTHS)
def test_every_view_fits_and_cuts_nothing(data_and_ends: tuple[Dataset, str, str],
                                          width: int) -> None:
    from rich.cells import cell_len

    data, first, last = data_and_ends
    for command, answer, ids in answers(data, first, last):
        lines = lines_at(answer, data, width)
        too_wide = [line for line in lines if cell_len(line) > width]
        assert not too_wide, (command, width, too_wide[:3])
        assert not any("…" in line for line in lines), (command, width)
        for role_id in ids:
            assert any(role_id in line for line in lines), (command, width, role_id)


@pytest.mark.parametrize("width", WIDTHS)
def test_levels_fit(width: int) -> None:
    data = load_dataset(use_cache=False)
    lines = lines_at(queries.role_levels(data, "manager"), data, width)
    assert all(len(line) <= width for line in lines)
    assert not any("…" in line for line in lines)


# --- every command through the CLI, as a user pipes it: `COLUMNS=40 careerpath ... | cat` ----

# lint's and validate's lines name a file first (`FILE:LINE:COL: ...`, `DIR: valid, ...`):
# never wrapped, so editors, CI and a copy and paste read them whole.
RECORD = re.compile(r"^\S+: ")


BOX = re.compile(r"[│┃║]")


def whole(text: str) -> str:
    """The output's words in order, borders dropped: a wrapped title reads whole again."""
    return " ".join(BOX.sub(" ", text).split())


def cases(data: Dataset, first: str, last: str, profile: Profile,
          me: list[str]) -> list[tuple[list[str], list[str], list[str]]]:
    """(arguments, ids that must stand whole on one line, titles that must be shown whole)."""
    every = list(data.roles.values())
    one, two = data.roles[first], data.roles[last]
    reach = [data.roles[item.role_id] for item in queries.next_roles(data, first, 3).reachable]
    hits = [hit.role for hit in queries.search_roles(data, "e").hits]
    fits = [fit.role for fit in match(data, profile).fits]
    return [
        (["roles"], [r.id for r in every], [r.title for r in every]),
        (["show", first], [first], [one.title]),
        (["show", last], [last], [two.title]),
        (["path", first, last], [], [one.title, two.title]),
        (["path", first, last, "--all"], [], [one.title, two.title]),
        (["path", first, last, "--all", "--fastest"], [], [one.title, two.title]),
        (["next", first, "--depth", "3"], [r.id for r in reach], [r.title for r in reach]),
        (["skills", first], [], [one.title]),
        (["levels", first], [], [one.title]),
        (["compare", first, last], [], [one.title, two.title]),
        (["compare", last, first], [], [one.title, two.title]),
        (["search", "e"], [r.id for r in hits], [r.title for r in hits]),
        (["graph"], [], [r.title for r in every]),
        (["graph", first], [], [one.title]),
        (["match", *me], [r.id for r in fits], [r.title for r in fits]),
        (["gap", last, *me], [], [two.title]),
        (["validate"], [], []),
        (["lint"], [], []),
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_command_fits_at_every_width(data_and_ends: tuple[Dataset, str, str], width: int,
                                           run: Callable[..., Any], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command, as piped with COLUMNS set: no line wider, nothing cut, nothing lost.
    lint's and validate's `FILE:LINE:COL: message` records stay one line each, as in
    every linter, so editors and CI can read them."""
    from rich.cells import cell_len

    data, first, last = data_and_ends
    monkeypatch.setenv("COLUMNS", str(width))
    folder = [] if data.location == "built-in" else ["--data", data.location]
    profile_file = tmp_path / "me.yaml"
    import json

    skill = next(iter(data.roles[first].skills))  # a profile that matches the data: no warning
    profile_file.write_text(f"role: {first}\nskills: {{{json.dumps(skill)}: 1}}\n")
    profile = Profile(str(profile_file), first, {skill: 1}, [])
    for args, ids, titles in cases(data, first, last, profile, ["--me", str(profile_file)]):
        result = run(*folder, *args)
        assert result.exit_code in (0, 4), (args, result.stderr)
        lines = result.stdout.splitlines()
        assert lines or args == ["lint"], args
        lines += result.stderr.splitlines()  # lint's and validate's summaries
        exempt = args[0] in ("lint", "validate")
        too_wide = [line for line in lines
                    if cell_len(line) > width and not (exempt and RECORD.match(line))]
        assert not too_wide, (args, width, too_wide[:3])
        assert "…" not in result.stdout, (args, width)
        for role_id in ids:
            assert any(re.search(rf"(?<![\w-]){re.escape(role_id)}(?![\w-])", line)
                       for line in lines), (args, width, role_id)
        shown = whole(result.stdout)
        for title in titles:  # wrapped in prose at most; a table's columns never mix into it
            assert title in shown, (args, width, title)


def after(lines: list[str], start: str) -> str:
    """The line after the first one that contains `start`."""
    index = next(i for i, line in enumerate(lines) if start in line)
    return lines[index + 1]


def test_wrapped_lines_hang_under_their_own_text(run: Callable[..., Any],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    show = run("show", "vp").stdout.splitlines()
    assert after(show, "• Set where the online business is") == \
        "│     heading and how fast it should   │"
    assert after(show, "━━▶ Chief Digital Officer (level") == \
        "│       7) · promotion                 │"
    path = run("path", "coordinator", "manager").stdout.splitlines()
    assert " 1. Ecommerce Coordinator  level 1 ·" in path
    assert after(path, " 1. Ecommerce Coordinator  level 1 ·") == "    ecommerce management"
    ladder = run("graph").stdout.splitlines()
    assert after(ladder, "━━▶ Digital Marketing Ecommerce") == "        Manager (2)"


@pytest.mark.parametrize(("width", "side_by_side"), [(60, False), (76, True), (100, True)])
def test_columns_of_sentences_stack_where_too_narrow(run: Callable[..., Any],
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     width: int, side_by_side: bool) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    levels = run("levels", "manager").stdout
    assert ("┃ Entry" in levels) is side_by_side
    assert ("\nEntry\n" in levels) is not side_by_side
    duties = run("compare", "manager", "director").stdout
    assert ("┃ Only as Ecommerce Manager" in duties) is (width >= 70)
    assert ("\nOnly as Ecommerce Manager\n" in duties) is (width < 70)


def test_the_ladder_switches_every_level_together(run: Callable[..., Any],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")  # Level 3 alone would fit in two columns
    ladder = run("graph").stdout.splitlines()
    assert after(ladder, "Level 3") == "  Senior Ecommerce Manager"
    assert after(ladder, "  Senior Ecommerce Manager") == "    ━━▶ Ecommerce Director (4)"


@pytest.mark.parametrize(("columns", "widest"), [("40", 40), ("60", 60), ("", 100),
                                                 ("5", 100)])
def test_a_pipe_honours_an_explicit_columns_and_a_file_does_not(
        run: Callable[..., Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        columns: str, widest: int) -> None:
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", columns)
    piped = run("compare", "manager", "director").stdout.splitlines()
    assert max(cell_len(line) for line in piped) == widest
    assert not [line for line in piped if line != line.rstrip()]  # no padding spaces
    run("compare", "manager", "director", "-o", tmp_path / "x.txt")
    written = (tmp_path / "x.txt").read_text().splitlines()
    assert max(cell_len(line) for line in written) == 100


@pytest.mark.parametrize("width", [50, 120])
def test_in_colour_the_gaps_are_bold_and_bullets_dim(monkeypatch: pytest.MonkeyPatch,
                                                     width: int) -> None:
    """Rich's Text.render drops a span-less text's own style: the gaps came out plain."""
    from careerpath.render.console import make_console

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    data = load_dataset(use_cache=False)

    def coloured(answer: Any) -> str:
        buffer = io.StringIO()
        make_console(file=buffer, force_terminal=True, width=width).print(
            render_answer(answer, "text", data, "test"))
        return buffer.getvalue()

    path = coloured(queries.find_path(data, "ecommerce-coordinator", "ecommerce-manager"))
    assert "\x1b[1mnew → 3 working" in path
    assert "\x1b[2mnew" not in path
    card = coloured(queries.role_card(data, "vp-of-ecommerce"))
    assert "\x1b[2m• \x1b[0mRepresent ecommerce on the leadership team" in card


@pytest.mark.parametrize("width", ["40", "120"])
def test_next_keeps_typical_years_at_every_width(run: Callable[..., Any], make_dataset: Callable[..., Path],
                                                 width: str) -> None:
    data = make_dataset("roles:\n  - {id: a, title: A, level: 1}\n  - {id: t, title: T, level: 2}\n"
                        "  - {id: u, title: U, level: 3}\n",
                        "progressions:\n  - {from: a, to: t, years: 2}\n  - {from: t, to: u}\n")
    result = run("--data", data, "next", "a", "--depth", "2", env={"COLUMNS": width})
    assert result.exit_code == 0
    assert "2 years" in result.stdout

"""Every terminal view at 40 to 200 columns: no line wider than the terminal,
nothing cut to `…`, and every id a user must type shown whole on one line."""

from __future__ import annotations

import io
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

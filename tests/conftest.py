"""Small fixture datasets, written into tmp_path, and helpers to run the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careerpath.cli import app_for

# A small graph built to have ties, alternatives, a lateral move, a skip-level
# move, typical years (single figures and ranges) and an unreachable role.
#
#   analyst(1) --[1,3]--> senior-analyst(2) --[2,4]--> analytics-manager(3) --[3,5]--> head-of-data(4)
#   analyst(1) --2------> data-scientist(2) --3------> analytics-manager(3)
#   senior-analyst(2) ~~1 lateral~~> data-scientist(2)
#   analyst(1) --10 (skip level)--> lead-analyst(3) --1--> head-of-data(4)
#   island(1): no moves at all
SMALL_ROLES = """\
roles:
  - id: analyst
    title: Data Analyst
    level: 1
    aliases: [analyst jr, da]
    track: data
    summary: Turns raw data into answers.
    responsibilities: [Build reports, Clean data, Answer questions]
    activities:
      entry: [Run queries, Fix dashboards]
      mid: [Own a report]
      senior: [Mentor analysts]
    skills: {SQL: 2, Excel: 3}
  - id: senior-analyst
    title: Senior Data Analyst
    level: 2
    track: data
    responsibilities: [Build reports, Design metrics]
    skills: {SQL: 3, Excel: 3, Python: 2}
  - id: data-scientist
    title: Data Scientist
    level: 2
    track: science
    skills: {Python: 3, Statistics: 3}
  - id: lead-analyst
    title: Lead Analyst
    level: 3
    track: data
    skills: {SQL: 4, Leadership: 2}
  - id: analytics-manager
    title: Analytics Manager
    level: 3
    track: management
    skills: {SQL: 3, Leadership: 3, Budgeting: 2}
  - id: head-of-data
    title: Head of Data
    level: 4
    aliases: [hod]
    track: management
    responsibilities: [Set data strategy, Design metrics]
    skills: {Leadership: 4, Budgeting: 3, SQL: 2}
  - id: island
    title: Island Role
    level: 1
"""

SMALL_PROGRESSIONS = """\
progressions:
  - {from: analyst, to: senior-analyst, years: [1, 3]}
  - {from: analyst, to: data-scientist, years: 2}
  - {from: senior-analyst, to: analytics-manager, years: [2, 4]}
  - {from: data-scientist, to: analytics-manager, years: 3}
  - {from: senior-analyst, to: data-scientist, kind: lateral, years: 1}
  - {from: analytics-manager, to: head-of-data, years: [3, 5]}
  - {from: analyst, to: lead-analyst, years: 10, note: A rare jump.}
  - {from: lead-analyst, to: head-of-data, years: 1}
"""


def write_dataset(folder: Path, roles: str, progressions: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "roles.yaml").write_text(roles, encoding="utf-8")
    (folder / "progressions.yaml").write_text(progressions, encoding="utf-8")
    return folder


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "small", SMALL_ROLES, SMALL_PROGRESSIONS)


@pytest.fixture
def make_dataset(tmp_path: Path) -> Callable[..., Path]:
    def make(roles: str = SMALL_ROLES, progressions: str = SMALL_PROGRESSIONS,
             name: str = "data") -> Path:
        return write_dataset(tmp_path / name, roles, progressions)
    return make


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr

    def json(self) -> Any:
        return json.loads(self.stdout)


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run the CLI in-process; stdout and stderr kept apart; wide, colourless output."""
    monkeypatch.delenv("CAREERPATH_DATA", raising=False)
    monkeypatch.setenv("COLUMNS", "100")

    def invoke(*args: str | Path, env: dict[str, str] | None = None,
               input: str | None = None) -> Result:
        runner = CliRunner()
        words = [str(a) for a in args]
        # As `careerpath` itself does: the app with just the command named, if one is.
        result = runner.invoke(app_for(words), words, env=env, catch_exceptions=False,
                               prog_name="careerpath", input=input)
        return Result(result.exit_code, result.stdout, result.stderr)
    return invoke


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty cache folder: none touches ~/.cache."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("CAREERPATH_NO_CACHE", raising=False)
    return folder / "careerpath"

"""CSV formula injection (OWASP): a text cell a spreadsheet would run is shown as text."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from careerpath.render.escape import csv_cell
from conftest import Result

Run = Callable[..., Result]


@pytest.mark.parametrize(("text", "cell"), [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Data Analyst", "Data Analyst"), ("", ""), ("a=b", "a=b"), ("'quoted", "'quoted"),
])
def test_csv_cell(text: str, cell: str) -> None:
    assert csv_cell(text) == cell


ROLES = """\
roles:
  - id: a
    title: "=HYPERLINK(\\"http://evil\\",\\"x\\")"
    level: 1
    track: "-track"
    skills: {"@SUM(A1)": 2, "+cmd": 3, "-5": 1}
    activities: {entry: ["\\tindented", "=1+1"]}
  - {id: b, title: "Beta", level: 2}
"""


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_output_neutralises_formulas(run: Run, make_dataset: Callable[..., Path]) -> None:
    data = make_dataset(roles=ROLES, progressions="progressions:\n  - {from: a, to: b}\n")
    listed = rows(run("--data", data, "roles", "-f", "csv").stdout)
    assert listed[1] == ["a", "'=HYPERLINK(\"http://evil\",\"x\")", "1", "'-track", ""]
    skills = rows(run("--data", data, "skills", "a", "-f", "csv").stdout)
    assert skills[1:] == [["'+cmd", "3", "working"], ["'@SUM(A1)", "2", "foundational"],
                          ["'-5", "1", "awareness"]]
    levels = rows(run("--data", data, "levels", "a", "-f", "csv").stdout)
    assert levels[1:] == [["entry", "'\tindented"], ["entry", "'=1+1"]]
    path = rows(run("--data", data, "path", "a", "b", "-f", "csv").stdout)
    assert [row[3] for row in path[1:]] == ["'=HYPERLINK(\"http://evil\",\"x\")", "Beta", ""]
    assert [row[4] for row in path[1:]] == ["1", "2", ""]  # numbers we write stay numbers

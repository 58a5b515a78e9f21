"""Every format, parsed back by a real parser, on a dataset full of hostile text."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from careerpath.render.escape import dot as dot_string
from conftest import Result

Run = Callable[..., Result]

HOSTILE_TITLE = ('Lead | *Boss* _x_ `code` [click](http://evil.example) '
                 '<script>alert(1)</script> # "q" %% --> é')
HOSTILE_ROLES = f"""\
roles:
  - id: hostile
    title: {json.dumps(HOSTILE_TITLE)}
    level: 1
    aliases: ["[bold]red[/]", "end"]
    track: "a|b"
    summary: "line one\\nline two with \\e[31mred\\e[0m and \\x9b2J and \\u202eevil and \\a bell"
    responsibilities: ["- not a list", "1. not a list", "<b>html</b> & &amp;", "www.example.com https://x.y"]
    activities:
      entry: ["\\e]8;;http://x\\e\\\\link\\e]8;;\\e\\\\"]
    skills: {{"S|Q*L": 2, "[link=x]y": 3}}
  - id: target
    title: "Plain Target"
    level: 2
    summary: "\\e]52;c;aGVsbG8=\\a clipboard"
    responsibilities: ["Normal duty"]
    skills: {{"S|Q*L": 4}}
"""
HOSTILE_MOVES = """\
progressions:
  - {from: hostile, to: target, years: [1, 2], note: "# not a heading"}
"""
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile(make_dataset: Callable[..., Path]) -> Path:
    return make_dataset(HOSTILE_ROLES, HOSTILE_MOVES, name="hostile")


QUESTIONS = [["roles"], ["show", "hostile"], ["path", "hostile", "target"],
             ["next", "hostile"], ["skills", "hostile"], ["levels", "hostile"],
             ["compare", "hostile", "target"], ["search", "e"], ["graph"]]
FORMATS = {"roles": "text json markdown csv", "show": "text json markdown",
           "path": "text json markdown csv mermaid dot", "graph": "text json markdown csv mermaid dot"}


def cases() -> list[tuple[list[str], str]]:
    return [(args, fmt) for args in QUESTIONS
            for fmt in FORMATS.get(args[0], "text json markdown csv").split()]


@pytest.mark.parametrize(("args", "fmt"), cases())
def test_no_raw_control_character_reaches_the_output(run: Run, hostile: Path, args: list[str],
                                                     fmt: str) -> None:
    result = run("--data", hostile, *args, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert not RAW_CONTROL.search(result.stdout)
    if fmt == "json":
        json.loads(result.stdout)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert len({len(row) for row in rows}) == 1


def test_text_shows_markup_literally(run: Run, hostile: Path) -> None:
    shown = run("--data", hostile, "show", "hostile").stdout
    assert "[bold]red[/]" in shown and "[link=x]y" in shown
    assert "\\x1b[31mred" in shown and "\\x9b2J" in shown and "\\u202eevil" in shown


def test_json_keeps_data_exact(run: Run, hostile: Path) -> None:
    card = run("--data", hostile, "show", "hostile", "-f", "json").json()
    assert card["title"] == HOSTILE_TITLE
    assert "\x1b[31m" in card["summary"] and "\x9b" in card["summary"]


def _tokens(markdown: str) -> list:  # type: ignore[type-arg]
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def _inline_types(tokens: list) -> set[str]:  # type: ignore[type-arg]
    return {child.type for token in tokens for child in (token.children or [])}


def test_markdown_path_structure_survives_hostile_text(run: Run, hostile: Path) -> None:
    markdown = run("--data", hostile, "path", "hostile", "target", "-f", "markdown").stdout
    tokens = _tokens(markdown)
    kinds = {token.type for token in tokens}
    assert "html_block" not in kinds
    assert not {"html_inline", "link_open", "image", "em_open", "strong_open",
                "code_inline"} & _inline_types(tokens)
    headings = ["".join(child.content for child in tokens[i + 1].children or [])
                for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h1"]
    assert headings == [f"Career path: {HOSTILE_TITLE} → Plain Target"]
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 3  # header + one row per step
    cells = [t for t in tokens if t.type in ("td_open", "th_open")]
    assert len(cells) == 12
    fences = [t for t in tokens if t.type == "fence"]
    assert [f.info for f in fences] == ["mermaid"]
    label = fences[0].content.split('["', 1)[1].split("<br/>", 1)[0]
    assert "<script>" not in fences[0].content and '"' not in label


@pytest.mark.parametrize("args", [["show", "hostile"], ["roles"], ["compare", "hostile", "target"],
                                  ["graph"], ["skills", "hostile"]])
def test_markdown_documents_have_no_html_or_links(run: Run, hostile: Path,
                                                  args: list[str]) -> None:
    tokens = _tokens(run("--data", hostile, *args, "-f", "markdown").stdout)
    assert "html_block" not in {t.type for t in tokens}
    assert not {"html_inline", "link_open", "image"} & _inline_types(tokens)
    header_cells = None
    for token in tokens:  # every table row has as many cells as its header
        if token.type == "thead_open":
            header_cells, count = None, 0
        if token.type in ("th_open", "td_open"):
            count += 1
        if token.type == "tr_close":
            header_cells = header_cells or count
            assert count == header_cells
            count = 0


def test_mermaid_labels_are_entity_encoded(run: Run, hostile: Path) -> None:
    chart = run("--data", hostile, "graph", "-f", "mermaid").stdout
    lines = chart.splitlines()
    assert lines[0] == "flowchart TD"
    assert lines[1].startswith('    n0["Lead #124; #42;Boss#42;')
    assert "-.->" not in chart and chart.count("-->") == 1
    for line in lines[1:3]:
        label = line.split('["', 1)[1].rsplit('<br/>level', 1)[0]
        assert not set(label) & set('"[]<>|`%') and "-->" not in label


def test_dot_quotes_every_string(run: Run, hostile: Path) -> None:
    graph = run("--data", hostile, "graph", "-f", "dot").stdout
    label = next(line for line in graph.splitlines() if '"hostile" [label=' in line)
    # Wrapped on DOT's own line breaks (\\n), quotes escaped, nothing else touched.
    assert label.strip() == ('"hostile" [label="Lead | *Boss* _x_ `code`\\n[click](http://evil.exam'
                             '\\nple) <script>alert(1)</s\\ncript> # \\"q\\" %% --> é\\nlevel 1"];')
    assert '"hostile" -> "target" [label="1–2 years"];' in graph
    assert dot_string('a\\b"c') == '"a\\\\b\\"c"'  # backslash and quote escaped


def test_lateral_moves_drawn_differently(run: Run, small: Path) -> None:
    chart = run("--data", small, "graph", "-f", "mermaid").stdout
    assert chart.count("-.->") == 1 and chart.count("-->") == 7
    graph = run("--data", small, "graph", "-f", "dot").stdout
    assert graph.count("style=dashed") == 1
    assert graph.count("rank=same") == 4


def test_mermaid_refuses_huge_graphs(run: Run, make_dataset: Callable[..., Path]) -> None:
    roles = "roles:\n" + "".join(f"  - {{id: r{i}, title: R{i}, level: {i + 1}}}\n"
                                 for i in range(40))
    moves = "progressions:\n" + "".join(f"  - {{from: r{i}, to: r{j}}}\n"
                                        for i in range(40) for j in range(i + 1, 40))
    result = run("--data", make_dataset(roles, moves), "graph", "-f", "mermaid")
    assert result.exit_code == 2
    assert result.stderr == ("error: the graph has 780 moves and mermaid refuses diagrams over "
                             "500 edges; use --format dot, or graph ROLE for a part of it\n")


def test_csv_path_rows(run: Run, small: Path) -> None:
    out = run("--data", small, "path", "analyst", "hod", "-f", "csv").stdout
    assert out == ("path,step,id,title,level,move,years_min,years_max,skills\n"
                   "1,1,analyst,Data Analyst,1,,,,\n"
                   "1,2,lead-analyst,Lead Analyst,3,promotion,10,10,Leadership: new->2; SQL: 2->4\n"
                   "1,3,head-of-data,Head of Data,4,promotion,1,1,"
                   "Budgeting: new->3; Leadership: 2->4\n"
                   "1,total,,,,,11,11,Leadership: new->4; Budgeting: new->3; SQL: 2->4\n")


def test_show_as_markdown_says_the_levels_are_estimates(run: Run) -> None:
    lines = run("show", "vp", "-f", "markdown").stdout.splitlines()
    assert lines[-1] == ("*Proficiency levels are the dataset authors' estimates, read from the "
                         "role descriptions in the sources; none of the sources gives numbers.*")


def test_compare_of_roles_without_skills_says_so(run: Run, make_dataset: Callable[..., Path]) -> None:
    data = make_dataset("roles:\n  - {id: a, title: A, level: 1}\n  - {id: t, title: T, level: 2}\n",
                        "progressions:\n  - {from: a, to: t}\n")
    text = run("--data", data, "compare", "a", "t").stdout.splitlines()
    assert text[2] == "Skills: neither role lists any in the data"
    markdown = run("--data", data, "compare", "a", "t", "-f", "markdown").stdout.splitlines()
    assert markdown[4:7] == ["## Skills", "", "Neither role lists any in the data."]

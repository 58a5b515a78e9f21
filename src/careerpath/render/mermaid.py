"""Mermaid flowcharts. Node ids are generated (n0, n1, ...) so no role id can
collide with mermaid keywords such as `end`; labels are entity-encoded."""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from careerpath.answers import GraphAnswer, PathAnswer, PathDetail
from careerpath.errors import UsageError
from careerpath.model import Dataset, Progression, Role
from careerpath.render.escape import mermaid as label

MAX_EDGES = 500  # mermaid refuses to draw more edges than this by default


def _node(name: str, role: Role) -> str:
    return f'    {name}["{label(role.title)}<br/>level {role.level}"]'


def _edge(source: str, target: str, move: Progression) -> str:
    arrow = "-->" if move.kind == "promotion" else "-.->"
    text = f"|{label(str(move.years))}|" if move.years else ""
    return f"    {source} {arrow}{text} {target}"


def path_lines(path: PathDetail, prefix: str = "n") -> list[str]:
    names = {role.id: f"{prefix}{index}" for index, role in enumerate(path.roles)}
    lines = ["flowchart TD"]
    lines += [_node(names[role.id], role) for role in path.roles]
    lines += [_edge(names[s.source.id], names[s.target.id], s.move) for s in path.steps]
    return lines


def graph_lines(answer: GraphAnswer, dataset: Dataset) -> list[str]:
    if len(answer.progressions) > MAX_EDGES:
        raise UsageError(f"the graph has {len(answer.progressions)} moves and mermaid refuses "
                         f"diagrams over {MAX_EDGES} edges; use --format dot, or graph ROLE "
                         "for a part of it")
    names = {role.id: f"n{index}" for index, role in enumerate(answer.roles)}
    lines = ["flowchart TD"]
    lines += [_node(names[role.id], role) for role in answer.roles]
    lines += [_edge(names[m.source_id], names[m.target_id], m) for m in answer.progressions]
    return lines


@singledispatch
def render(answer: Any, dataset: Dataset) -> str:
    raise TypeError(f"no renderer for {type(answer).__name__}")


@render.register
def _(answer: PathAnswer, dataset: Dataset) -> str:
    if len(answer.paths) == 1:
        return "\n".join(path_lines(answer.paths[0])) + "\n"
    # Several paths: one chart, one subgraph each, node ids kept apart per path.
    lines = ["flowchart TD"]
    for number, path in enumerate(answer.paths, 1):
        lines.append(f'    subgraph p{number}["Path {number}"]')
        lines += ["    " + line for line in path_lines(path, f"p{number}n")[1:]]
        lines.append("    end")
    return "\n".join(lines) + "\n"


@render.register
def _(answer: GraphAnswer, dataset: Dataset) -> str:
    return "\n".join(graph_lines(answer, dataset)) + "\n"

"""Graphviz DOT: the ladder top to bottom, one rank per level, lateral moves dashed."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from functools import singledispatch
from itertools import groupby
from typing import Any

from careerpath.answers import GraphAnswer, PathAnswer
from careerpath.model import Dataset, Progression, Role
from careerpath.render.escape import dot as quote
from careerpath.render.escape import dot_lines


def _digraph(name: str, roles: list[Role], moves: Iterable[Progression]) -> str:
    lines = [f"digraph {quote(name)} {{", "  rankdir=TB; nodesep=0.25; ranksep=0.6;",
             '  node [shape=box, style="rounded,filled", fillcolor="#eef3fb", '
             'fontname="Helvetica"];', '  edge [color="#4a6fa5"];']
    ordered = sorted(roles, key=lambda role: (role.level, role.title.casefold(), role.id))
    for level, group in groupby(ordered, key=lambda role: role.level):
        members = list(group)
        lines.append(f"  subgraph {quote(f'level {level}')} {{ rank=same;")
        for role in members:
            label = dot_lines([*textwrap.wrap(role.title, 24), f"level {level}"])
            lines.append(f"    {quote(role.id)} [label={label}];")
        lines.append("  }")
    for move in moves:
        # Lateral moves do not push the ladder apart: only promotions set the ranks.
        attributes = [] if move.kind == "promotion" else [
            "style=dashed", 'color="#b07d2b"', "constraint=false"]
        if move.years:
            attributes.append(f"label={quote(str(move.years))}")
        suffix = f" [{', '.join(attributes)}]" if attributes else ""
        lines.append(f"  {quote(move.source_id)} -> {quote(move.target_id)}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


@singledispatch
def render(answer: Any, dataset: Dataset) -> str:
    raise TypeError(f"no renderer for {type(answer).__name__}")


@render.register
def _(answer: PathAnswer, dataset: Dataset) -> str:
    roles = {role.id: role for path in answer.paths for role in path.roles}
    moves = {(s.source.id, s.target.id): s.move for path in answer.paths for s in path.steps}
    return _digraph(f"{answer.source.id} to {answer.target.id}", list(roles.values()),
                    moves.values())


@render.register
def _(answer: GraphAnswer, dataset: Dataset) -> str:
    return _digraph("careerpath", answer.roles, answer.progressions)

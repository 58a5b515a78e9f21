"""CSV for spreadsheets and scripts: one header row, every field quoted as needed."""

from __future__ import annotations

import csv
import io
from functools import singledispatch
from typing import Any

from careerpath.model import Dataset, Years, proficiency_label
from careerpath.queries import (
    Comparison,
    GraphAnswer,
    LevelsAnswer,
    NextAnswer,
    PathAnswer,
    RoleList,
    SearchAnswer,
    SkillsAnswer,
)
from careerpath.render import Unsupported
from careerpath.render.escape import csv_cell
from careerpath.textsafe import visible


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else csv_cell(visible(cell)) if isinstance(cell, str)
                         else visible(str(cell)) for cell in row])
    return buffer.getvalue()


def _years(years: Years | None) -> list[Any]:
    return [None, None] if years is None else [years.as_dict()["min"], years.as_dict()["max"]]


@singledispatch
def render(answer: Any, dataset: Dataset) -> str:
    raise Unsupported


@render.register
def _(answer: RoleList, dataset: Dataset) -> str:
    return _csv(["id", "title", "level", "track", "aliases"],
                [[r.id, r.title, r.level, r.track, "; ".join(r.aliases)] for r in answer.roles])


@render.register
def _(answer: PathAnswer, dataset: Dataset) -> str:
    rows = []
    for number, path in enumerate(answer.paths, 1):
        for index, role_id in enumerate(path.roles):
            role = dataset.roles[role_id]
            move = path.steps[index - 1] if index else None
            rows.append([number, index + 1, role.id, role.title, role.level,
                         move.kind if move else None, *_years(move.years if move else None)])
    return _csv(["path", "step", "id", "title", "level", "move", "years_min", "years_max"], rows)


@render.register
def _(answer: NextAnswer, dataset: Dataset) -> str:
    return _csv(["id", "title", "level", "moves", "kind"], [
        [r.role_id, dataset.roles[r.role_id].title, dataset.roles[r.role_id].level, r.moves,
         r.first_kind] for r in answer.reachable])


@render.register
def _(answer: SkillsAnswer, dataset: Dataset) -> str:
    return _csv(["name", "level", "label"],
                [[name, level, proficiency_label(level)] for name, level in answer.ranked()])


@render.register
def _(answer: LevelsAnswer, dataset: Dataset) -> str:
    return _csv(["experience", "activity"], [
        [level, item] for level, items in answer.role.activities.items() for item in items])


@render.register
def _(answer: Comparison, dataset: Dataset) -> str:
    return _csv(["name", "from", "to", "change"],
                [[c.name, c.before, c.after, c.change] for c in answer.skills])


@render.register
def _(answer: SearchAnswer, dataset: Dataset) -> str:
    return _csv(["id", "title", "level", "matched"],
                [[h.role.id, h.role.title, h.role.level, "; ".join(h.matched)]
                 for h in answer.hits])


@render.register
def _(answer: GraphAnswer, dataset: Dataset) -> str:
    return _csv(["from", "to", "kind", "years_min", "years_max"],
                [[p.source_id, p.target_id, p.kind, *_years(p.years)]
                 for p in answer.progressions])

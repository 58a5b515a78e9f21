"""CSV for spreadsheets and scripts: one header row, every field quoted as needed."""

from __future__ import annotations

import csv
import io
from functools import singledispatch
from typing import Any

from careerpath.answers import (
    Comparison,
    GapAnswer,
    GraphAnswer,
    LevelsAnswer,
    MatchAnswer,
    NextAnswer,
    PathAnswer,
    RoleList,
    SearchAnswer,
    SkillGap,
    SkillsAnswer,
)
from careerpath.model import Dataset, Years, proficiency_label
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
    raise TypeError(f"no renderer for {type(answer).__name__}")


@render.register
def _(answer: RoleList, dataset: Dataset) -> str:
    return _csv(["id", "title", "level", "track", "aliases"],
                [[r.id, r.title, r.level, r.track, "; ".join(r.aliases)] for r in answer.roles])


@render.register
def _(answer: PathAnswer, dataset: Dataset) -> str:
    # One row per role on each path (the move that led there, and the skills it asks
    # to build), then one "total" row per path with the whole-path skills.
    rows: list[list[Any]] = []
    for number, path in enumerate(answer.paths, 1):
        start = path.roles[0]
        rows.append([number, 1, start.id, start.title, start.level, None, None, None, None])
        for index, step in enumerate(path.steps, 2):
            role, move = step.target, step.move
            rows.append([number, index, role.id, role.title, role.level, move.kind,
                         *_years(move.years), skill_list(step.skills)])
        rows.append([number, "total", None, None, None, None, *_years(path.years),
                     skill_list(path.skills)])
    return _csv(["path", "step", "id", "title", "level", "move", "years_min", "years_max",
                 "skills"], rows)


def skill_list(gaps: list[SkillGap]) -> str:
    """`SEO: 1->3; Python: new->2`: what to build, in one cell."""
    return "; ".join(f"{gap.name}: {'new' if gap.have is None else gap.have}->{gap.need}"
                     for gap in gaps)


@render.register
def _(answer: NextAnswer, dataset: Dataset) -> str:
    return _csv(["id", "title", "level", "moves", "kind"], [
        [r.role_id, dataset.roles[r.role_id].title, dataset.roles[r.role_id].level, r.moves,
         r.first_kind] for r in answer.reachable])


@render.register
def _(answer: SkillsAnswer, dataset: Dataset) -> str:
    return _csv(["name", "level", "label"],
                [[name, level, proficiency_label(level)] for name, level in answer.ranked])


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


@render.register
def _(answer: MatchAnswer, dataset: Dataset) -> str:
    return _csv(["id", "title", "level", "coverage", "points", "gaps"], [
        [fit.role.id, fit.role.title, fit.role.level, f"{fit.coverage:.4f}", fit.points,
         skill_list(fit.gaps)] for fit in answer.fits])


@render.register
def _(answer: GapAnswer, dataset: Dataset) -> str:
    rows: list[list[Any]] = [[i.name, i.have, i.need, i.gap, "asked"] for i in answer.skills]
    rows += [[name, level, None, None, "extra"] for name, level in answer.extra]
    return _csv(["name", "have", "need", "gap", "kind"], rows)

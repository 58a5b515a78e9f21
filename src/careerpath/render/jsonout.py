"""JSON output, exactly the shapes the contract promises."""

from __future__ import annotations

import re
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
    PathDetail,
    RoleCard,
    RoleList,
    SearchAnswer,
    SkillGap,
    SkillsAnswer,
)
from careerpath.model import Dataset, Progression, Role, Years, proficiency_label
from careerpath.render import jsonindent
from careerpath.textsafe import BIDI, INVISIBLE

# json.dumps escapes C0 controls but passes DEL, C1 controls, bidi overrides and
# line separators through raw when ensure_ascii is off; escape those too.
# Invisible characters too (zero-width, soft hyphen, tags): see textsafe.
_RAW = re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI}{INVISIBLE}]")


def dumps(value: Any) -> str:
    text = jsonindent.dumps(value)  # json.dumps(value, ensure_ascii=False, indent=2), faster
    return _RAW.sub(_json_escape, text) + "\n"


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # JSON writes an astral character as a UTF-16 surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def years(value: Years | None) -> dict[str, float] | None:
    return value.as_dict() if value else None


def _gaps(gaps: list[SkillGap]) -> list[dict[str, Any]]:
    return [{"name": gap.name, "have": gap.have, "need": gap.need} for gap in gaps]


def path_dict(path: PathDetail) -> dict[str, Any]:
    """One path in the contract's shape: roles, totals, and every step in full."""
    steps = [{"from": {"id": step.source.id, "title": step.source.title},
              "to": {"id": step.target.id, "title": step.target.title},
              "kind": step.move.kind, "years": years(step.move.years), "note": step.move.note,
              "skills": _gaps(step.skills)} for step in path.steps]
    return {"roles": [role.id for role in path.roles], "moves": path.moves,
            "years": years(path.years), "steps": steps, "skills": _gaps(path.skills)}


def _move(progression: Progression, other: str) -> dict[str, Any]:
    return {"id": other, "kind": progression.kind, "years": years(progression.years)}


@singledispatch
def render(answer: Any, dataset: Dataset) -> str:
    raise TypeError(f"no renderer for {type(answer).__name__}")


@render.register
def _(answer: RoleList, dataset: Dataset) -> str:
    return dumps([{"id": r.id, "title": r.title, "level": r.level, "track": r.track,
                   "aliases": list(r.aliases)} for r in answer.roles])


def role_dict(role: Role) -> dict[str, Any]:
    return {
        "id": role.id, "title": role.title, "level": role.level, "track": role.track,
        "summary": role.summary, "responsibilities": list(role.responsibilities),
        "activities": {k: list(v) for k, v in role.activities.items()},
        "skills": dict(role.skills), "outcomes": list(role.outcomes),
        "specialization_of": role.specialization_of,
    }


def _source(dataset: Dataset, value: str) -> dict[str, Any]:
    source = dataset.sources.get(value)
    if source is None:
        return {"id": None, "title": value, "kind": None}
    return {"id": source.id, "title": source.title, "kind": source.kind}


@render.register
def _(answer: RoleCard, dataset: Dataset) -> str:
    card = role_dict(answer.role)
    card["sources"] = [_source(dataset, value) for value in answer.role.source]
    card["modelled"] = answer.role.modelled
    card["next"] = [_move(p, p.target_id) for p in answer.next]
    card["previous"] = [_move(p, p.source_id) for p in answer.previous]
    return dumps(card)


@render.register
def _(answer: PathAnswer, dataset: Dataset) -> str:
    return dumps({"from": answer.source.id, "to": answer.target.id, "more": answer.more,
                  "stopped_early": answer.stopped_early,
                  "paths": [path_dict(p) for p in answer.paths]})


@render.register
def _(answer: NextAnswer, dataset: Dataset) -> str:
    rows = [{"id": r.role_id, "title": dataset.roles[r.role_id].title,
             "level": dataset.roles[r.role_id].level, "moves": r.moves, "kind": r.first_kind}
            for r in answer.reachable]
    return dumps({"role": answer.role.id, "reachable": rows})


@render.register
def _(answer: SkillsAnswer, dataset: Dataset) -> str:
    return dumps({"role": answer.role.id, "skills": [
        {"name": name, "level": level, "label": proficiency_label(level)}
        for name, level in answer.ranked]})


@render.register
def _(answer: LevelsAnswer, dataset: Dataset) -> str:
    return dumps({"role": answer.role.id,
                  "levels": {k: list(v) for k, v in answer.role.activities.items()}})


@render.register
def _(answer: Comparison, dataset: Dataset) -> str:
    return dumps({
        "from": answer.source.id, "to": answer.target.id, "level_change": answer.level_change,
        "skills": [{"name": c.name, "from": c.before, "to": c.after, "change": c.change}
                   for c in answer.skills],
        "responsibilities": {"only_from": answer.only_source, "only_to": answer.only_target},
        "path": path_dict(answer.path) if answer.path else None,
    })


@render.register
def _(answer: SearchAnswer, dataset: Dataset) -> str:
    return dumps([{"id": h.role.id, "title": h.role.title, "level": h.role.level,
                   "matched": h.matched} for h in answer.hits])


@render.register
def _(answer: GraphAnswer, dataset: Dataset) -> str:
    return dumps({
        "roles": [{"id": r.id, "title": r.title, "level": r.level} for r in answer.roles],
        "progressions": [{"from": p.source_id, "to": p.target_id, "kind": p.kind,
                          "years": years(p.years)} for p in answer.progressions],
    })


@render.register
def _(answer: MatchAnswer, dataset: Dataset) -> str:
    return dumps({"roles": [{"id": fit.role.id, "title": fit.role.title, "level": fit.role.level,
                             "coverage": round(fit.coverage, 4), "points": fit.points,
                             "gaps": _gaps(fit.gaps)} for fit in answer.fits]})


@render.register
def _(answer: GapAnswer, dataset: Dataset) -> str:
    return dumps({"role": answer.role.id,
                  "skills": [{"name": i.name, "have": i.have, "need": i.need, "gap": i.gap}
                             for i in answer.skills],
                  "extra": [{"name": name, "have": level} for name, level in answer.extra]})

"""JSON output, exactly the shapes the contract promises."""

from __future__ import annotations

import json
import re
from functools import singledispatch
from typing import Any

from careerpath.model import CareerPath, Dataset, Progression, Role, Years, proficiency_label
from careerpath.queries import (
    Comparison,
    GraphAnswer,
    LevelsAnswer,
    NextAnswer,
    PathAnswer,
    RoleCard,
    RoleList,
    SearchAnswer,
    SkillsAnswer,
)
from careerpath.render import Unsupported
from careerpath.textsafe import BIDI, INVISIBLE

# json.dumps escapes C0 controls but passes DEL, C1 controls, bidi overrides and
# line separators through raw when ensure_ascii is off; escape those too.
# Invisible characters too (zero-width, soft hyphen, tags): see textsafe.
_RAW = re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI}{INVISIBLE}]")


def dumps(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _RAW.sub(_json_escape, text) + "\n"


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # JSON writes an astral character as a UTF-16 surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def years(value: Years | None) -> dict[str, float] | None:
    return value.as_dict() if value else None


def path_dict(path: CareerPath) -> dict[str, Any]:
    return {"roles": list(path.roles), "moves": path.moves, "years": years(path.years)}


def _move(progression: Progression, other: str) -> dict[str, Any]:
    return {"id": other, "kind": progression.kind, "years": years(progression.years)}


@singledispatch
def render(answer: Any, dataset: Dataset) -> str:
    raise Unsupported


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


@render.register
def _(answer: RoleCard, dataset: Dataset) -> str:
    card = role_dict(answer.role)
    card["next"] = [_move(p, p.target_id) for p in answer.next]
    card["previous"] = [_move(p, p.source_id) for p in answer.previous]
    return dumps(card)


@render.register
def _(answer: PathAnswer, dataset: Dataset) -> str:
    return dumps({"from": answer.source.id, "to": answer.target.id,
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
        for name, level in answer.ranked()]})


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

"""Questions that need no graph search, and the answer types every renderer takes.

The answer types are NamedTuples rather than dataclasses: a frozen dataclass
costs over half a millisecond to define, and every start of the CLI pays it.
"""

from __future__ import annotations

from typing import NamedTuple

from careerpath.errors import NoAnswer, UsageError
from careerpath.graph import Reachable
from careerpath.model import CareerPath, Dataset, Progression, Role

CHANGE_ORDER = ("gained", "raised", "same", "lowered", "dropped")


class SkillChange(NamedTuple):
    name: str
    before: int | None
    after: int | None

    @property
    def change(self) -> str:
        if self.before is None:
            return "gained"
        if self.after is None:
            return "dropped"
        if self.after > self.before:
            return "raised"
        return "same" if self.after == self.before else "lowered"


# ---- answers: what a command hands to a renderer ------------------------------


class RoleList(NamedTuple):
    roles: list[Role]


class RoleCard(NamedTuple):
    role: Role
    next: list[Progression]
    previous: list[Progression]


class PathAnswer(NamedTuple):
    source: Role
    target: Role
    paths: list[CareerPath]


class NextAnswer(NamedTuple):
    role: Role
    depth: int
    reachable: list[Reachable]


class SkillsAnswer(NamedTuple):
    role: Role

    def ranked(self) -> list[tuple[str, int]]:
        """Strongest first; equal proficiency in name order."""
        return sorted(self.role.skills.items(), key=lambda item: (-item[1], item[0].casefold()))


class LevelsAnswer(NamedTuple):
    role: Role


class Comparison(NamedTuple):
    source: Role
    target: Role
    skills: list[SkillChange]
    only_source: list[str]
    only_target: list[str]
    path: CareerPath | None

    @property
    def level_change(self) -> int:
        return self.target.level - self.source.level


class SearchHit(NamedTuple):
    role: Role
    matched: list[str]
    score: int


class SearchAnswer(NamedTuple):
    text: str
    hits: list[SearchHit]


class GraphAnswer(NamedTuple):
    root: Role | None
    roles: list[Role]  # by level, then title
    progressions: list[Progression]


# ---- queries -------------------------------------------------------------------


def list_roles(dataset: Dataset, level: int | None = None, track: str | None = None) -> RoleList:
    roles = [role for role in dataset.roles.values()
             if (level is None or role.level == level)
             and (track is None or (role.track or "").casefold() == track.casefold())]
    if not roles:
        raise NoAnswer("no role matches those filters")
    return RoleList(sorted(roles, key=lambda role: (role.level, role.title.casefold(), role.id)))


def role_card(dataset: Dataset, role: Role) -> RoleCard:
    return RoleCard(role, dataset.moves_out(role.id), dataset.moves_in(role.id))


def skill_changes(source: Role, target: Role) -> list[SkillChange]:
    """Every skill of either role, gained first, then raised, same, lowered, dropped."""
    names = list(target.skills) + [name for name in source.skills if name not in target.skills]
    changes = [SkillChange(name, source.skills.get(name), target.skills.get(name))
               for name in names]
    return sorted(changes, key=lambda c: (CHANGE_ORDER.index(c.change),
                                          -(c.after or c.before or 0), c.name.casefold()))


def skills_to_build(source: Role, target: Role) -> list[SkillChange]:
    """What a move from `source` to `target` asks a person to gain or raise."""
    return [c for c in skill_changes(source, target) if c.change in ("gained", "raised")]


def compare(source: Role, target: Role, path: CareerPath | None) -> Comparison:
    source_duties = {duty.casefold() for duty in source.responsibilities}
    target_duties = {duty.casefold() for duty in target.responsibilities}
    return Comparison(
        source, target, skill_changes(source, target),
        [duty for duty in source.responsibilities if duty.casefold() not in target_duties],
        [duty for duty in target.responsibilities if duty.casefold() not in source_duties],
        path,
    )


def levels(role: Role) -> LevelsAnswer:
    if not any(role.activities.values()):
        raise NoAnswer(f"{role.id} has no day-to-day activities by experience level in the data")
    return LevelsAnswer(role)


_FIELD_SCORES = {"title": 100, "aliases": 80, "skills": 30, "summary": 20, "responsibilities": 10}


def search(dataset: Dataset, text: str) -> SearchAnswer:
    """Roles whose text contains `text` (ignoring case); title and alias hits first."""
    wanted = text.casefold().strip()
    if not wanted:
        raise UsageError("give some text to search for")
    hits = []
    for role in dataset.roles.values():
        fields = {
            "title": [role.title],
            "aliases": list(role.aliases),
            "summary": [role.summary or ""],
            "responsibilities": list(role.responsibilities),
            "skills": list(role.skills),
        }
        matched = [name for name, texts in fields.items()
                   if any(wanted in value.casefold() for value in texts)]
        if matched:
            score = sum(_FIELD_SCORES[name] for name in matched)
            if role.title.casefold() == wanted or wanted in map(str.casefold, role.aliases):
                score += 1000
            hits.append(SearchHit(role, matched, score))
    if not hits:
        raise NoAnswer(f"no role mentions '{text}'")
    hits.sort(key=lambda hit: (-hit.score, hit.role.level, hit.role.title.casefold()))
    return SearchAnswer(text, hits)


def graph_answer(dataset: Dataset, root: Role | None, role_ids: set[str] | None) -> GraphAnswer:
    keep = set(dataset.roles) if role_ids is None else role_ids
    roles = sorted((dataset.roles[r] for r in keep),
                   key=lambda role: (role.level, role.title.casefold(), role.id))
    moves = [p for p in dataset.progressions if p.source_id in keep and p.target_id in keep]
    return GraphAnswer(root, roles, moves)

"""The answers every renderer takes: plain data, complete, with no heavy imports.

A query builds one of these; text, Markdown, JSON, CSV, Mermaid and DOT only
show it, so every format tells the same story. They are NamedTuples rather
than dataclasses: a frozen dataclass costs over half a millisecond to define,
and every start of the CLI pays it.
"""

# No `from __future__ import annotations`: NamedTuple would compile every field's
# annotation from its string at each start (a third of the time to define them).

from typing import NamedTuple

from careerpath.model import Progression, Role, Years

CHANGE_ORDER = ("gained", "raised", "same", "lowered", "dropped")
# The most paths one answer holds, whatever --limit says: each comes with every step's
# skills, so 27,000 paths of a 5,000-role dataset made 400 MB of JSON and a minute's work.
MAX_PATHS = 1_000


class SkillChange(NamedTuple):
    """One skill's proficiency in two roles (None: the role does not list it)."""

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


class SkillGap(NamedTuple):
    """A skill to build: from `have` (None: not held at all) up to `need`."""

    name: str
    have: int | None
    need: int


class PathStep(NamedTuple):
    """One move of a path, and what it asks to build beyond what is held by then."""

    source: Role
    target: Role
    move: Progression
    skills: list[SkillGap]


class PathDetail(NamedTuple):
    """One path: its roles, its moves and the whole-path total of skills to build."""

    roles: list[Role]
    steps: list[PathStep]
    skills: list[SkillGap]
    years: Years | None  # None when any move has no typical years

    @property
    def moves(self) -> int:
        return len(self.steps)

    @property
    def points(self) -> int:
        """Skill points to build along the whole path: Σ (need - have)."""
        return sum(gap.need - (gap.have or 0) for gap in self.skills)


class PathAnswer(NamedTuple):
    source: Role
    target: Role
    paths: list[PathDetail]
    more: bool | None  # more paths exist than shown (None: unknown, the search stopped early)
    stopped_early: bool  # a search budget ran out; `paths` are the best found
    examined: int  # candidates the search looked at
    total: int | None  # how many paths there are, when known
    fastest: bool = False  # ordered by typical years
    years_known: bool = True  # False: the dataset gives no typical years at all
    easiest: bool = False  # ordered by the points of skill to build
    profile: str | None = None  # skills measured from this profile, not the start role


class Reachable(NamedTuple):
    role_id: str
    moves: int
    first_kind: str  # kind of the first move on the way there


class RoleList(NamedTuple):
    roles: list[Role]


class RoleCard(NamedTuple):
    role: Role
    next: list[Progression]
    previous: list[Progression]


class NextAnswer(NamedTuple):
    role: Role
    depth: int
    reachable: list[Reachable]


class SkillsAnswer(NamedTuple):
    role: Role
    ranked: list[tuple[str, int]]  # strongest first; equal proficiency in name order


class LevelsAnswer(NamedTuple):
    role: Role


class Comparison(NamedTuple):
    source: Role
    target: Role
    skills: list[SkillChange]
    only_source: list[str]
    only_target: list[str]
    path: PathDetail | None

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


def ranked_skills(role: Role) -> list[tuple[str, int]]:
    """A role's skills, strongest first; equal proficiency in name order."""
    return sorted(role.skills.items(), key=lambda item: (-item[1], item[0].casefold()))


class RoleFit(NamedTuple):
    """How much of a role a profile already covers."""

    role: Role
    coverage: float  # Σ min(have, need) / Σ need over the role's skills, 0.0 to 1.0
    points: int  # Σ max(0, need - have): what is still to build
    gaps: list[SkillGap]  # the largest gaps, at most three


class MatchAnswer(NamedTuple):
    profile: str  # where the profile was read from
    fits: list[RoleFit]  # best first
    warnings: list[str]


class GapItem(NamedTuple):
    name: str
    have: int | None
    need: int

    @property
    def gap(self) -> int:
        return max(0, self.need - (self.have or 0))


class GapAnswer(NamedTuple):
    profile: str
    role: Role
    skills: list[GapItem]  # every skill the role asks for, largest gap first
    extra: list[tuple[str, int]]  # what the profile has that the role does not ask for
    warnings: list[str]

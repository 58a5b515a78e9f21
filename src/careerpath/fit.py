"""How a person's skills fit the roles: every role ranked by coverage (`match`),
and one role skill by skill (`gap`)."""

from __future__ import annotations

from collections.abc import Mapping

from careerpath.answers import GapAnswer, GapItem, MatchAnswer, RoleFit, SkillGap
from careerpath.errors import NoAnswer
from careerpath.model import Dataset, Role, normal_name
from careerpath.profile import Profile
from careerpath.textsafe import one_line

SHOWN_GAPS = 3
BULK_SHARE = 4  # shown roles x this > all roles: decode every role in one go


def role_fit(role: Role, skills: Mapping[str, int], have: Mapping[str, int]) -> RoleFit:
    """How `have` covers `skills`, `role`'s as the skill table gives them (the table
    ranks the roles, so it gives the figures shown too)."""
    coverage, points = _score(skills, have)
    gaps = [SkillGap(name, have.get(name), need) for name, need in skills.items()
            if need > have.get(name, 0)]
    gaps.sort(key=lambda g: (-(g.need - (g.have or 0)), g.name.casefold()))
    return RoleFit(role, coverage, points, gaps[:SHOWN_GAPS])


def _score(skills: Mapping[str, int], have: Mapping[str, int]) -> tuple[float, int]:
    """(coverage, points to build): all that ranking needs, without building the gaps."""
    need_total = covered = 0
    for name, need in skills.items():
        held = have.get(name, 0)
        need_total += need
        covered += held if held < need else need
    return covered / need_total, need_total - covered


def match(dataset: Dataset, profile: Profile, *, limit: int | None = None,
          track: str | None = None, level: int | None = None) -> MatchAnswer:
    """Every role with skills, ranked by coverage; ties: higher level, then id."""
    have, table = profile.have, dataset.skill_table
    # Ranked from the skill table: only the roles shown are decoded whole.
    ranked = [(-_score(row.skills, have)[0], -row.level, role_id)
              for role_id, row in table.items()
              if row.skills and (level is None or row.level == level)
              and (track is None or (row.track or "").casefold() == track.casefold())]
    if not ranked:
        wanted = [f"level {level}" if level is not None else "",
                  f"track '{one_line(track)}'" if track is not None else ""]
        filters = " and ".join(part for part in wanted if part)
        raise NoAnswer("no role with skills in the data" + (f" matches {filters}" if filters
                                                             else ""))
    ranked.sort()
    shown = ranked[:limit] if limit else ranked  # the gaps only of the roles shown
    roles: Mapping[str, Role] = dataset.roles
    if len(shown) * BULK_SHARE > len(roles):
        # Many roles: decoded all at once (a cache entry reads them as one document)
        # rather than one read and one decode each.
        roles = dict(roles.items())
    return MatchAnswer(profile.path, [role_fit(roles[role_id], table[role_id].skills, have)
                                      for _, _, role_id in shown], profile.warnings)


def gap(dataset: Dataset, profile: Profile, role: Role) -> GapAnswer:
    """Skill by skill, what `role` asks for against what the profile has; NoAnswer
    for a role that lists no skills (it would seem covered in full)."""
    if not role.skills:
        raise NoAnswer(f"{one_line(role.id)} ({one_line(role.title)}) lists no skills in this "
                       "dataset, so there is no gap to measure")
    items = [GapItem(name, profile.have.get(name), need) for name, need in role.skills.items()]
    items.sort(key=lambda item: (-item.gap, -item.need, item.name.casefold()))
    asked = {normal_name(name) for name in role.skills}
    extra = sorted(((name, level) for name, level in profile.skills.items()
                    if normal_name(name) not in asked),
                   key=lambda item: (-item[1], item[0].casefold()))
    return GapAnswer(profile.path, role, items, extra, profile.warnings)

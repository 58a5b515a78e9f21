"""One function per question, each returning a complete answer (see answers.py).

Roles may be given as `Role` objects or as any name careerpath accepts (id,
title, alias, unique prefix); names are resolved with `find_role`, so an
unknown or ambiguous name raises RoleLookupError (exit 2).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from careerpath.answers import (
    CHANGE_ORDER,
    MAX_PATHS,
    Comparison,
    GraphAnswer,
    LevelsAnswer,
    NextAnswer,
    PathAnswer,
    PathDetail,
    PathStep,
    RoleCard,
    RoleList,
    SearchAnswer,
    SearchHit,
    SkillChange,
    SkillGap,
    SkillsAnswer,
    ranked_skills,
)
from careerpath.errors import NoAnswer, UsageError
from careerpath.lookup import find_role
from careerpath.model import CareerPath, Dataset, Role, folded_skills, normal_name
from careerpath.textsafe import one_line

RoleName = str | Role

DEFAULT_ALL_LIMIT = 10
EASIEST_FALLBACK = 50  # fewest-moves paths to rank when --easiest's budget runs out


def _resolve(dataset: Dataset, role: RoleName) -> Role:
    return role if isinstance(role, Role) else find_role(dataset, role)


def list_roles(dataset: Dataset, level: int | None = None, track: str | None = None) -> RoleList:
    """Every role (optionally at one level or on one track), by level then title."""
    roles = [role for role in dataset.roles.values()
             if (level is None or role.level == level)
             and (track is None or (role.track or "").casefold() == track.casefold())]
    if not roles:
        levels = sorted({role.level for role in dataset.roles.values()})
        tracks = sorted({role.track for role in dataset.roles.values() if role.track},
                        key=str.casefold)
        wanted = " and ".join(part for part in (
            f"level {level}" if level is not None else "",
            f"track '{one_line(track)}'" if track is not None else "") if part)
        raise NoAnswer(f"no role matches {wanted}; levels: "
                       + ", ".join(map(str, levels)) + "; tracks: "
                       + (", ".join(one_line(t) for t in tracks) or "none in the data"))
    return RoleList(sorted(roles, key=lambda role: (role.level, role.title.casefold(), role.id)))


def role_card(dataset: Dataset, role: RoleName) -> RoleCard:
    """A role with the moves out of it and into it."""
    found = _resolve(dataset, role)
    return RoleCard(found, dataset.moves_out(found.id), dataset.moves_in(found.id))


def role_skills(dataset: Dataset, role: RoleName) -> SkillsAnswer:
    """A role's skills, strongest first."""
    found = _resolve(dataset, role)
    return SkillsAnswer(found, ranked_skills(found))


def role_levels(dataset: Dataset, role: RoleName) -> LevelsAnswer:
    """A role's day-to-day activities by experience; NoAnswer when the data has none."""
    found = _resolve(dataset, role)
    if not any(found.activities.values()):
        raise NoAnswer(f"{found.id} has no day-to-day activities by experience level in the data")
    return LevelsAnswer(found)


# ---- paths ---------------------------------------------------------------------


def _unique_ids(dataset: Dataset, names: Iterable[RoleName]) -> list[Role]:
    """Resolve names; a role named twice (by any of its names) counts once."""
    roles: dict[str, Role] = {}
    for name in names:
        role = _resolve(dataset, name)
        roles.setdefault(role.id, role)
    return list(roles.values())


def find_path(dataset: Dataset, source: RoleName, target: RoleName, *,
              limit: int | None = None, all_paths: bool = False, fastest: bool = False,
              via: Sequence[RoleName] = (), avoid: Sequence[RoleName] = (),
              promotions_only: bool = False, easiest: bool = False,
              start_skills: Mapping[str, int] | None = None,
              profile: str | None = None) -> PathAnswer:
    """The best path (or the best `limit` paths) from `source` to `target`.

    Each step says what it asks to build, measured against the best level held
    so far on the path: `start_skills` (default: the start role's skills),
    raised by every role passed through. `easiest` orders paths by the points
    to build from `start_skills` (see easiest.py) instead of by moves.
    `profile` names where `start_skills` came from, for the answer to say so.
    """
    start, end = _resolve(dataset, source), _resolve(dataset, target)
    vias, avoids = _unique_ids(dataset, via), _unique_ids(dataset, avoid)
    _check_constraints(start, end, vias, avoids)
    if easiest and fastest:
        raise UsageError("--easiest and --fastest order paths differently; choose one")
    count = limit if limit is not None else (DEFAULT_ALL_LIMIT if all_paths else 1)
    count = min(count, MAX_PATHS)
    held = start.skills if start_skills is None else start_skills
    via_ids, avoid_ids = tuple(r.id for r in vias), tuple(r.id for r in avoids)
    from careerpath.graph import PathQuery, find_paths

    query = PathQuery(start.id, end.id, count, fastest, via_ids, avoid_ids, promotions_only)
    found: Any = _easiest(dataset, query, held) if easiest else find_paths(dataset, query)
    if not found.paths:
        raise NoAnswer(f"searched {found.examined} candidate paths without finding one from "
                       f"{start.id} to {end.id}; one may exist (try fewer constraints)")
    details = [path_detail(dataset, path, held) for path in found.paths]
    years_known = dataset.index.years_known()
    return PathAnswer(start, end, details, found.more, found.stopped_early, found.examined,
                      found.total, fastest, years_known, easiest, profile)


def _easiest(dataset: Dataset, query: Any, held: Mapping[str, int]) -> Any:
    """--easiest: the exact search, and if its budget runs out, the best of the
    fewest-moves paths after the ones it proved (marked as stopped early)."""
    from careerpath.easiest import easiest_paths, path_key
    from careerpath.graph import find_paths

    find_paths(dataset, query._replace(limit=1))  # raises NoAnswer when no path exists
    found = easiest_paths(dataset, query.source, query.target, held, limit=query.limit,
                          via=query.via, avoid=query.avoid,
                          promotions_only=query.promotions_only)
    if not found.stopped_early:
        return found
    shortest = find_paths(dataset, query._replace(limit=max(query.limit, EASIEST_FALLBACK)))
    proven = {path.roles for path in found.paths}
    others = sorted(path_key(dataset, path.roles, held) for path in shortest.paths
                     if path.roles not in proven)
    paths = found.paths + [dataset.path(key[-1]) for key in others]
    return found._replace(paths=paths[:query.limit],
                          more=True if len(paths) > query.limit else None)


def _check_constraints(start: Role, end: Role, vias: list[Role], avoids: list[Role]) -> None:
    if start.id == end.id:
        raise UsageError(f"the path starts and ends at '{start.id}'; name two different roles")
    avoided = {role.id for role in avoids}
    for role in (start, end):
        if role.id in avoided:
            raise UsageError(f"--avoid names '{role.id}', an end of the path itself")
    for role in vias:
        if role.id in avoided:
            raise UsageError(f"'{role.id}' is named by both --via and --avoid; "
                             "a path cannot pass through a role and avoid it")


def path_detail(dataset: Dataset, path: CareerPath, start_skills: Mapping[str, int]) -> PathDetail:
    """A path with, for each step, the skills to build beyond the best held so far.

    Skills compare by `normal_name` ("Web analytics" and "web-analytics" are one
    skill); each gap is named as the role that asks for it spells it."""
    start = folded_skills(start_skills)
    held, spelled = dict(start), {}
    steps = []
    for move in path.steps:
        source, target = dataset.roles[move.source_id], dataset.roles[move.target_id]
        gaps: dict[str, SkillGap] = {}
        for name, need in target.skills.items():
            key = normal_name(name)
            if need > held.get(key, 0) and need > (gaps[key].need if key in gaps else 0):
                gaps[key] = SkillGap(name, held.get(key), need)
        for key, gap in gaps.items():
            held[key], spelled[key] = gap.need, gap.name
        steps.append(PathStep(source, target, move, _by_size(list(gaps.values()))))
    total = [SkillGap(spelled[key], start.get(key), level) for key, level in held.items()
             if level > start.get(key, 0)]
    return PathDetail([dataset.roles[r] for r in path.roles], steps, _by_size(total), path.years)


def _by_size(gaps: list[SkillGap]) -> list[SkillGap]:
    """Largest gap first, then by name."""
    return sorted(gaps, key=lambda gap: (-(gap.need - (gap.have or 0)), gap.name.casefold()))


def next_roles(dataset: Dataset, role: RoleName, depth: int = 1) -> NextAnswer:
    """The roles reachable from `role` within `depth` moves; NoAnswer when none."""
    from careerpath.graph import reachable

    if depth < 1:
        raise UsageError("--depth must be at least 1")
    start = _resolve(dataset, role)
    found = reachable(dataset, start.id, depth)
    if not found:
        raise NoAnswer(f"no move leads out of {start.id}")
    return NextAnswer(start, depth, found)


# ---- comparing, searching, drawing ---------------------------------------------


def skill_changes(source: Role, target: Role) -> list[SkillChange]:
    """Every skill of either role, gained first, then raised, same, lowered, dropped;
    a skill the two roles spell differently (`normal_name`) is one skill, named as
    the target spells it."""
    before = {normal_name(name): level for name, level in source.skills.items()}
    after = {normal_name(name) for name in target.skills}
    changes = [SkillChange(name, before.get(normal_name(name)), need)
               for name, need in target.skills.items()]
    changes += [SkillChange(name, level, None) for name, level in source.skills.items()
                if normal_name(name) not in after]
    return sorted(changes, key=lambda c: (CHANGE_ORDER.index(c.change),
                                          -(c.after or c.before or 0), c.name.casefold()))


def compare_roles(dataset: Dataset, source: RoleName, target: RoleName) -> Comparison:
    """Two roles side by side, with the default path between them if there is one."""
    first, second = _resolve(dataset, source), _resolve(dataset, target)
    path = None
    if first.id != second.id:
        try:
            path = find_path(dataset, first, second).paths[0]
        except NoAnswer:
            path = None
    first_duties = {duty.casefold() for duty in first.responsibilities}
    second_duties = {duty.casefold() for duty in second.responsibilities}
    return Comparison(
        first, second, skill_changes(first, second),
        [duty for duty in first.responsibilities if duty.casefold() not in second_duties],
        [duty for duty in second.responsibilities if duty.casefold() not in first_duties],
        path,
    )


_FIELD_SCORES = {"title": 100, "aliases": 80, "skills": 30, "summary": 20, "responsibilities": 10}


def search_roles(dataset: Dataset, text: str) -> SearchAnswer:
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
        raise NoAnswer(f"no role mentions '{one_line(text)}'")
    hits.sort(key=lambda hit: (-hit.score, hit.role.level, hit.role.title.casefold()))
    return SearchAnswer(text, hits)


def ladder_graph(dataset: Dataset, root: RoleName | None = None) -> GraphAnswer:
    """The whole progression graph, or the part reachable from `root`."""
    from careerpath.graph import descendants

    start = _resolve(dataset, root) if root is not None else None
    keep = descendants(dataset, start.id) if start is not None else set(dataset.roles)
    roles = sorted((dataset.roles[r] for r in keep),
                   key=lambda role: (role.level, role.title.casefold(), role.id))
    moves = [p for p in dataset.progressions if p.source_id in keep and p.target_id in keep]
    return GraphAnswer(start, roles, moves)

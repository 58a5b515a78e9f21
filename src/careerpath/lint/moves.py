"""Rules about moves: what a promotion does to skills and levels, and the shape of the graph."""

from __future__ import annotations

from collections.abc import Iterator

from careerpath.lint.base import Context, Finding
from careerpath.model import Role

DROP_LEVEL = 4  # a promotion may not drop a skill rated this high


def skill_key(name: str) -> str:
    """How skills are matched between roles: case and spacing do not matter."""
    return " ".join(name.casefold().split())


def _by_key(role: Role) -> dict[str, int]:
    return {skill_key(name): level for name, level in role.skills.items()}


def _promotions(ctx: Context) -> Iterator[tuple[Role, Role]]:
    roles = ctx.dataset.roles
    for move in ctx.dataset.progressions:
        if move.kind == "promotion":
            yield roles[move.source_id], roles[move.target_id]


class _Keyed(dict[str, dict[str, int]]):
    """Role id -> its skills by `skill_key`, each worked out once."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.roles = ctx.dataset.roles

    def __missing__(self, role_id: str) -> dict[str, int]:
        keyed = self[role_id] = _by_key(self.roles[role_id])
        return keyed


def promotion_lowers_skill(ctx: Context) -> Iterator[Finding]:
    keyed = _Keyed(ctx)
    for source, target in _promotions(ctx):
        after = keyed[target.id]
        for name, level in source.skills.items():
            new = after.get(skill_key(name))
            if new is not None and new < level:
                yield Finding(ctx.where.move(source.id, target.id),
                              f"promotion {source.id} -> {target.id} lowers skill '{name}' "
                              f"from {level} to {new}")


def _specialism(role: Role, keyed: _Keyed) -> set[str]:
    """Skills a specialised role has and its general role does not list: the
    specialism, which a move back onto the general ladder may leave behind."""
    if role.specialization_of is None or role.specialization_of not in keyed.roles:
        return set()
    return set(keyed[role.id]) - set(keyed[role.specialization_of])


def promotion_drops_skill(ctx: Context) -> Iterator[Finding]:
    keyed = _Keyed(ctx)
    for source, target in _promotions(ctx):
        after, left_behind = keyed[target.id], _specialism(source, keyed)
        for name, level in source.skills.items():
            key = skill_key(name)
            if level >= DROP_LEVEL and key not in after and key not in left_behind:
                yield Finding(ctx.where.move(source.id, target.id),
                              f"promotion {source.id} -> {target.id} drops skill '{name}' "
                              f"(rated {level} in {source.id})")


def move_level(ctx: Context) -> Iterator[Finding]:
    roles = ctx.dataset.roles
    for move in ctx.dataset.progressions:
        source, target = roles[move.source_id], roles[move.target_id]
        levels = f"{source.id} (level {source.level}) -> {target.id} (level {target.level})"
        if move.kind == "promotion" and target.level <= source.level:
            yield Finding(ctx.where.move(source.id, target.id),
                          f"promotion {levels} does not go up a level")
        elif move.kind == "lateral" and target.level != source.level:
            yield Finding(ctx.where.move(source.id, target.id, "kind"),
                          f"lateral move {levels} crosses levels; make it a promotion "
                          "or fix the levels")


def dead_end(ctx: Context) -> Iterator[Finding]:
    roles = ctx.dataset.roles
    top: dict[str | None, int] = {}
    for role in roles.values():
        top[role.track] = max(top.get(role.track, role.level), role.level)
    with_moves_out = {move.source_id for move in ctx.dataset.progressions}
    for role in roles.values():
        if role.id not in with_moves_out and role.level < top[role.track]:
            track = (f"track '{role.track}' goes" if role.track
                     else "the roles without a track go")
            yield Finding(ctx.where.role(role.id, "id"),
                          f"role {role.id} (level {role.level}) has no move out, but {track} "
                          f"up to level {top[role.track]}")


def unreachable(ctx: Context) -> Iterator[Finding]:
    roles = ctx.dataset.roles
    if not roles:
        return
    entry = min(role.level for role in roles.values())
    reached = [role_id for role_id, role in roles.items() if role.level == entry]
    seen = set(reached)
    out: dict[str, list[str]] = {}
    for move in ctx.dataset.progressions:
        out.setdefault(move.source_id, []).append(move.target_id)
    while reached:
        for target in out.get(reached.pop(), []):
            if target not in seen:
                seen.add(target)
                reached.append(target)
    for role in roles.values():
        if role.id not in seen:
            yield Finding(ctx.where.role(role.id, "id"),
                          f"no entry-level role (level {entry}) has a path to {role.id}")

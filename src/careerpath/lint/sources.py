"""Rules about honesty: where facts and estimates come from."""

from __future__ import annotations

from collections.abc import Iterator

from careerpath.lint.base import Context, Finding


def unsourced(ctx: Context) -> Iterator[Finding]:
    data = ctx.dataset
    if not data.sources:
        return
    for role in data.roles.values():
        if not role.source and not role.modelled:
            yield Finding(ctx.where.role(role.id), f"role {role.id} cites no source and is "
                          "not marked 'modelled: true'")
    for move in data.progressions:
        if not move.source and not move.modelled:
            yield Finding(ctx.where.move(move.source_id, move.target_id),
                          f"move {move.source_id} -> {move.target_id} cites no source and is "
                          "not marked 'modelled: true'")


def modelled_and_cited(ctx: Context) -> Iterator[Finding]:
    data = ctx.dataset
    for role in data.roles.values():
        if role.modelled and role.source:
            yield Finding(ctx.where.role(role.id, "modelled"),
                          f"role {role.id} is marked 'modelled' (not stated by the sources) "
                          "but also cites a source; keep one")
    for move in data.progressions:
        if move.modelled and move.source:
            yield Finding(ctx.where.move(move.source_id, move.target_id, "modelled"),
                          f"move {move.source_id} -> {move.target_id} is marked 'modelled' "
                          "(not stated by the sources) but also cites a source; keep one")


def unused_source(ctx: Context) -> Iterator[Finding]:
    data = ctx.dataset
    cited = {data.framework.source}
    for role in data.roles.values():
        cited.update(role.source)
    for move in data.progressions:
        cited.update(move.source)
    for source_id in data.sources:
        if source_id not in cited:
            yield Finding(ctx.where.source(source_id),
                          f"source {source_id} is listed but nothing cites it")


def proficiency_unexplained(ctx: Context) -> Iterator[Finding]:
    data = ctx.dataset
    if data.framework.proficiency is None and any(r.skills for r in data.roles.values()):
        yield Finding(ctx.where.top("framework"),
                      "roles rate skills 1-5 but the dataset does not say where the numbers "
                      "come from; add framework: {proficiency: ...}")

"""Markdown (CommonMark + GFM tables): documents to keep, paste into a wiki, or share.

All data text goes through `escape.markdown`, so a title holding `|`, `<script>`
or `[link](x)` shows as those characters and never breaks a table.
"""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from careerpath.answers import (
    MAX_PATHS,
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
    ranked_skills,
)
from careerpath.model import EXPERIENCE_LEVELS, Dataset, Role, proficiency_label
from careerpath.render import mermaid as mermaid_render
from careerpath.render.escape import markdown as md
from careerpath.wording import capped_note, path_heading, plural


def table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table; cells must already be escaped. Empty cells stay valid."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def bullets(items: tuple[str, ...] | list[str]) -> list[str]:
    return [f"- {md(item)}" for item in items]


def document(lines: list[str]) -> str:
    return "\n".join(lines).rstrip("\n") + "\n"


def years_text(years: Any) -> str:
    return str(years) if years else "not given"


@singledispatch
def render(answer: Any, dataset: Dataset) -> str:
    raise TypeError(f"no renderer for {type(answer).__name__}")


@render.register
def _(answer: PathAnswer, dataset: Dataset) -> str:
    source, target = answer.source, answer.target
    lines = [f"# Career path: {md(source.title)} → {md(target.title)}", ""]
    count = len(answer.paths)
    if answer.easiest:
        start = f"your profile ({md(answer.profile)})" if answer.profile else md(source.title)
        lines += [f"Ordered by the skill points to build from {start}, the easiest first.", ""]
    if count > 1 or answer.more or answer.stopped_early:
        lines += [path_count_sentence(answer), ""]
    for number, path in enumerate(answer.paths, 1):
        if count > 1:
            lines += [f"## {path_heading(number, count, answer.total, answer.more)}", ""]
        lines += _path_section(path, "###" if count > 1 else "##")
    return document(lines + proficiency_lines(dataset))


def path_count_sentence(answer: PathAnswer) -> str:
    """How many paths are shown, and honestly whether more exist."""
    shown = plural(len(answer.paths), "path")
    if answer.stopped_early:
        return (f"Searched {plural(answer.examined, 'candidate')} and stopped: showing the "
                f"{shown} found; more may exist" + (", and an easier one." if answer.easiest
                                                   else "."))
    if answer.more:
        return f"{shown} shown{capped_note(len(answer.paths), MAX_PATHS)}; more exist" + (
            f" ({answer.total:,} in all)." if answer.total else ".")
    return f"{shown}, all there are." if answer.more is False else f"{shown}."


def gap_line(gap: SkillGap) -> str:
    have = "new" if gap.have is None else str(gap.have)
    return f"- {md(gap.name)}: {have} → {gap.need} ({proficiency_label(gap.need)})"


def _path_section(path: PathDetail, heading: str) -> list[str]:
    lines = [f"{plural(path.moves, 'move')}; typical years in all: {years_text(path.years)}.",
             "", "```mermaid", *mermaid_render.path_lines(path), "```", ""]
    rows = [["1", md(path.roles[0].title), str(path.roles[0].level), ""]]
    rows += [[str(index), md(step.target.title), str(step.target.level),
              years_text(step.move.years)] for index, step in enumerate(path.steps, 2)]
    lines += table(["Step", "Role", "Level", "Typical years in the previous role"], rows)
    for index, role in enumerate(path.roles):
        lines += ["", f"{heading} Step {index + 1}: {md(role.title)} (level {role.level})", ""]
        step = path.steps[index - 1] if index else None
        if step is not None:
            move = step.move
            lines += [f"Move: {move.kind}; typical years before it: {years_text(move.years)}.",
                      ""]
            if move.note:
                lines += [f"Note: {md(move.note)}", ""]
        if role.summary:
            lines += [md(role.summary), ""]
        if role.responsibilities:
            lines += ["Responsibilities:", "", *bullets(role.responsibilities), ""]
        if step is not None:
            lines += ["Skills to gain or raise:", ""]
            lines += [gap_line(gap) for gap in step.skills] or ["- none"]
            lines.append("")
    lines += ["", f"{heading} Every skill to build on this path", ""]
    lines += [gap_line(gap) for gap in path.skills] or ["- none"]
    return lines


def role_section(role: Role, dataset: Dataset, heading: str = "#") -> list[str]:
    lines = [f"{heading} {md(role.title)}", "",
             f"Level {role.level}" + (f" · track: {md(role.track)}" if role.track else "")
             + f" · id: `{role.id}`", ""]
    if role.aliases:
        lines += ["Also called: " + ", ".join(md(alias) for alias in role.aliases) + ".", ""]
    if role.specialization_of:
        lines += [f"A kind of {md(dataset.roles[role.specialization_of].title)}.", ""]
    if role.summary:
        lines += [md(role.summary), ""]
    sub = heading + "#"
    if role.responsibilities:
        lines += [f"{sub} Responsibilities", "", *bullets(role.responsibilities), ""]
    if any(role.activities.values()):
        lines += [f"{sub} Day to day, by experience", "", *_levels_lines(role), ""]
    if role.skills:
        ranked = ranked_skills(role)
        lines += [f"{sub} Skills", "", *table(["Skill", "Proficiency"], [
            [md(name), f"{level} {proficiency_label(level)}"] for name, level in ranked]), ""]
    if role.outcomes:
        lines += [f"{sub} What the business gains", "", *bullets(role.outcomes), ""]
    cited = dataset.citations(role.source, modelled=role.modelled)
    if cited:
        lines += [f"{sub} Sources", "", *bullets(cited), ""]
    return lines


def proficiency_lines(dataset: Dataset) -> list[str]:
    said = dataset.framework.proficiency
    return ["", f"*{md(said)}*"] if said else []


def _levels_lines(role: Role) -> list[str]:
    lines = []
    for level in EXPERIENCE_LEVELS:
        if role.activities.get(level):
            lines += [f"**{level.capitalize()}**", "", *bullets(role.activities[level]), ""]
    return lines[:-1]


def _moves(answer: RoleCard, dataset: Dataset) -> list[str]:
    def source(move: Any) -> str:
        return "; ".join(md(c) for c in dataset.citations(move.source, modelled=move.modelled))

    rows = [[md(dataset.roles[p.source_id].title), "into this role", p.kind,
             years_text(p.years), md(p.note), source(p)] for p in answer.previous]
    rows += [[md(dataset.roles[p.target_id].title), "out of this role", p.kind,
              years_text(p.years), md(p.note), source(p)] for p in answer.next]
    return table(["Role", "Direction", "Kind", "Typical years", "Note", "Source"], rows) \
        if rows else ["None."]


@render.register
def _(answer: RoleCard, dataset: Dataset) -> str:
    lines = role_section(answer.role, dataset)
    lines += ["## Moves", "", *_moves(answer, dataset)]
    # The levels are estimates: said wherever they are shown, as in the text view.
    return document(lines + (proficiency_lines(dataset) if answer.role.skills else []))


@render.register
def _(answer: RoleList, dataset: Dataset) -> str:
    lines = ["# Roles", "", *table(["Level", "Role", "Track", "ID"], [
        [str(r.level), md(r.title), md(r.track), f"`{r.id}`"] for r in answer.roles]), ""]
    for role in answer.roles:
        lines += role_section(role, dataset, "##")
    return document(lines)


@render.register
def _(answer: SkillsAnswer, dataset: Dataset) -> str:
    rows = [[md(name), str(level), proficiency_label(level)] for name, level in answer.ranked]
    return document([f"# Skills: {md(answer.role.title)}", "",
                     *table(["Skill", "Level", "Proficiency"], rows),
                     *proficiency_lines(dataset)])


@render.register
def _(answer: LevelsAnswer, dataset: Dataset) -> str:
    return document([f"# {md(answer.role.title)}: day to day by experience", "",
                     *_levels_lines(answer.role)])


@render.register
def _(answer: NextAnswer, dataset: Dataset) -> str:
    rows = [[str(r.moves), md(dataset.roles[r.role_id].title),
             str(dataset.roles[r.role_id].level), r.first_kind] for r in answer.reachable]
    return document([f"# Next moves from {md(answer.role.title)} (within {plural(answer.depth, 'move')})", "",
                     *table(["Moves", "Role", "Level", "First move"], rows)])


@render.register
def _(answer: SearchAnswer, dataset: Dataset) -> str:
    rows = [[md(h.role.title), str(h.role.level), f"`{h.role.id}`", ", ".join(h.matched)]
            for h in answer.hits]
    return document([f"# Roles matching “{md(answer.text)}”", "",
                     *table(["Role", "Level", "ID", "Matched in"], rows)])


@render.register
def _(answer: Comparison, dataset: Dataset) -> str:
    a, b = answer.source, answer.target
    lines = [f"# {md(a.title)} → {md(b.title)}", "",
             f"Level {a.level} → {b.level} (change: {answer.level_change:+d}).", "",
             "## Skills", "", *(table(["Skill", md(a.title), md(b.title), "Change"], [
                 [md(c.name), "–" if c.before is None else str(c.before),
                  "–" if c.after is None else str(c.after), c.change] for c in answer.skills])
                 if answer.skills else ["Neither role lists any in the data."]),
             "", "## Responsibilities", "", f"Only as {md(a.title)}:", "",
             *(bullets(answer.only_source) or ["- none"]), "", f"Only as {md(b.title)}:", "",
             *(bullets(answer.only_target) or ["- none"]), "", "## Path", ""]
    if answer.path is None:
        lines.append("No path between them in the data.")
    else:
        titles = " → ".join(md(role.title) for role in answer.path.roles)
        lines.append(f"{titles} ({plural(answer.path.moves, 'move')}; typical years: "
                     f"{years_text(answer.path.years)}).")
        lines += ["", "Skills to build on the way:", ""]
        lines += [gap_line(gap) for gap in answer.path.skills] or ["- none"]
    return document(lines + proficiency_lines(dataset))


@render.register
def _(answer: GraphAnswer, dataset: Dataset) -> str:
    title = "the whole ladder" if answer.root is None else f"from {md(answer.root.title)}"
    rows = [[md(dataset.roles[p.source_id].title), md(dataset.roles[p.target_id].title),
             p.kind, years_text(p.years)] for p in answer.progressions]
    lines = [f"# Career graph: {title}", ""]
    if len(answer.progressions) <= mermaid_render.MAX_EDGES:
        lines += ["```mermaid", *mermaid_render.graph_lines(answer, dataset), "```", ""]
    return document(lines + table(["From", "To", "Kind", "Typical years"], rows))


@render.register
def _(answer: MatchAnswer, dataset: Dataset) -> str:
    rows = [[f"{fit.coverage * 100:.0f} %", md(fit.role.title), f"`{fit.role.id}`",
             str(fit.role.level), str(fit.points),
             ", ".join(f"{md(g.name)} {'new' if g.have is None else g.have} → {g.need}"
                       for g in fit.gaps) or "nothing"] for fit in answer.fits]
    return document([f"# Roles by how much of them your skills cover ({md(answer.profile)})",
                     "", *table(["Covered", "Role", "ID", "Level", "Points to build",
                                 "Largest gaps"], rows)])


@render.register
def _(answer: GapAnswer, dataset: Dataset) -> str:
    rows = [[md(i.name), "–" if i.have is None else str(i.have), str(i.need), str(i.gap)]
            for i in answer.skills]
    total = sum(i.gap for i in answer.skills)
    extra = ", ".join(f"{md(name)} {level}" for name, level in answer.extra) or "nothing else"
    return document([f"# Your skills against {md(answer.role.title)} (level {answer.role.level})",
                     "", *table(["Skill", "Have", "Need", "Gap"], rows), "",
                     f"Points to build: {total}.", "", f"You also have: {extra}."])

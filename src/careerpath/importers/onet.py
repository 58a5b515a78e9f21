"""Map an unzipped O*NET text release to careerpath roles and moves.

The rules (the contract, documented in docs/README-import.md):
one role per occupation with a Job Zone (level = Job Zone); id from the title;
the O*NET-SOC code and the unique alternate titles as aliases; skills with
Importance >= a threshold, proficiency from Level; Core tasks as
responsibilities; the SOC major group as track; related occupations of the
chosen tiers as moves, by Job Zone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from careerpath.errors import DataError, Problem
from careerpath.importers import onet_meta as meta
from careerpath.importers.onet_names import claim_names
from careerpath.importers.onet_occupations import (
    Occupation,
    Occupations,
    known,
    read_occupations,
)
from careerpath.importers.tsv import Table, clip, read_table
from careerpath.model import Progression, Role
from careerpath.schema_values import hidden_character

Progress = Callable[[str, int, int], None]  # (what is being done, steps done, steps in all)


@dataclass(frozen=True)
class OnetOptions:
    min_importance: Decimal = Decimal(3)
    max_tasks: int = 8
    tiers: tuple[str, ...] = meta.DEFAULT_TIERS
    include_downward: bool = False
    release: str | None = None  # e.g. "30.1"; by default read from the folder name


@dataclass
class OnetImport:
    """The roles and moves of an import, and what a person should be told about it."""

    roles: list[Role]
    progressions: list[Progression]
    release: str | None
    counts: dict[str, int]
    missing_files: list[str]


def slug(text: str) -> str:
    """Lowercase, each run of characters other than a-z and 0-9 as one '-', trimmed."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def proficiency(level: Decimal) -> int:
    """O*NET Level (0-7) to careerpath proficiency (1-5): 1 + 4 x LV / 7, rounded half up."""
    return math.floor(1 + Fraction(4) * Fraction(level) / 7 + Fraction(1, 2))


def import_onet(folder: Path, options: OnetOptions, progress: Progress | None = None) -> OnetImport:
    """Read the release in `folder`; raise DataError with every problem found."""
    from careerpath.loader import gc_paused  # hundreds of thousands of objects, no cycles

    with gc_paused():
        return _import(folder, options, progress)


def _import(folder: Path, options: OnetOptions, progress: Progress | None) -> OnetImport:
    problems: list[Problem] = []
    tables: dict[str, Table | None] = {}
    steps = len(meta.FILES) + 1
    for done, (name, (columns, required)) in enumerate(meta.FILES.items()):
        if progress is not None:
            progress(f"reading {name}", done, steps)
        tables[name] = read_table(folder / name, str(folder / name), columns, problems,
                                  optional=not required)
    if progress is not None:
        progress("mapping", steps - 1, steps)
    occupations = read_occupations(tables["Occupation Data.txt"])
    counts: dict[str, int] = {"occupations": len(occupations)}
    _job_zones(tables["Job Zones.txt"], occupations)
    _skills(tables["Skills.txt"], occupations, options.min_importance)
    _tasks(tables["Task Statements.txt"], occupations)
    related = _related(tables["Related Occupations.txt"], occupations)
    hidden_names: dict[str, int] = {}
    alternates = _alternates(tables["Alternate Titles.txt"], occupations, hidden_names)
    if problems:
        order = {str(folder / name): number for number, name in enumerate(meta.FILES)}
        raise DataError(sorted(problems, key=lambda p: (order.get(p.file, 0), p.line)))
    imported = [occupation for occupation in occupations.values() if occupation.zone is not None]
    if not imported:
        zones = str(folder / "Job Zones.txt")
        raise DataError([Problem(zones, 1, 0, "no occupation has a Job Zone: nothing to import")])
    name_counts: dict[str, int] = {}
    names = claim_names(imported, alternates, slug, name_counts)
    roles = [_role(occupation, names[occupation.code], options.max_tasks) for occupation in imported]
    counts["roles"] = len(roles)
    counts["left out: no Job Zone"] = len(occupations) - len(roles)
    counts["skills"] = sum(len(role.skills) for role in roles)
    counts["responsibilities"] = sum(len(role.responsibilities) for role in roles)
    counts.update(name_counts)
    counts.update(hidden_names)
    ids = {occupation.code: names[occupation.code][0] for occupation in imported}
    moves = _moves(related, occupations, ids, options, counts)
    if progress is not None:
        progress("done", steps, steps)
    missing = [name for name, table in tables.items() if table is None]
    return OnetImport(roles, moves, meta.release_of(folder, options.release), counts, missing)


def _job_zones(table: Table | None, occupations: Occupations) -> None:
    seen: dict[str, int] = {}
    for row in table or ():
        occupation, zone = known(row, meta.CODE, occupations), row.integer("Job Zone", 1, 5)
        if occupation is None or zone is None:
            continue
        if occupation.code in seen:
            row.problem(f"a second Job Zone for {occupation.code} (first at line {seen[occupation.code]})")
            continue
        seen[occupation.code] = row.line
        occupation.zone = zone


def _skills(table: Table | None, occupations: Occupations, threshold: Decimal) -> None:
    importance: dict[tuple[str, str], Decimal] = {}
    levels: dict[tuple[str, str], tuple[Decimal, str]] = {}
    order: dict[str, int] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for row in table or ():
        occupation = known(row, meta.CODE, occupations)
        element, name = row.required("Element ID"), row.name("Element Name", "skill")
        scale = row.get("Scale ID")
        if scale == "IM":
            value = row.number("Data Value", 1, 5)
        elif scale == "LV":
            value = row.number("Data Value", 0, 7)
        else:  # other scales (none in the releases we know) carry nothing we map
            continue
        if occupation is None or element is None or name is None or value is None:
            continue
        key = (occupation.code, element)
        first = seen.setdefault((*key, scale), row.line)
        if first != row.line:
            row.problem(f"a second {scale} row for skill {element} of {occupation.code} "
                        f"(first at line {first})")
            continue
        order.setdefault(element, len(order))
        if scale == "IM":
            importance[key] = value
        elif "Y" not in (row.get("Not Relevant"), row.get("Recommend Suppress")):
            levels[key] = (value, name)
    for (code, element), value in importance.items():
        level = levels.get((code, element))
        if value >= threshold and level is not None:
            occupations[code].skills.append((-value, order[element], level[1],
                                             proficiency(level[0])))


def _tasks(table: Table | None, occupations: Occupations) -> None:
    seen: dict[tuple[str, int], int] = {}
    for row in table or ():
        occupation = known(row, meta.CODE, occupations)
        task_id, text = row.integer("Task ID", 0), row.required("Task")
        if occupation is None or task_id is None or text is None:
            continue
        first = seen.setdefault((occupation.code, task_id), row.line)
        if first != row.line:
            row.problem(f"a second Task ID {task_id} for {occupation.code} (first at line {first})")
            continue
        occupation.tasks.append((task_id, row.get("Task Type") == "Core", text))


Related = tuple[int, str, int, str, str]  # (tier rank, tier, index, from code, to code)


def _related(table: Table | None, occupations: Occupations) -> list[Related]:
    rows: list[Related] = []
    seen: dict[tuple[str, str], int] = {}
    for row in table or ():
        source = known(row, meta.CODE, occupations)
        target = known(row, "Related O*NET-SOC Code", occupations)
        tier, index = row.required("Relatedness Tier"), row.integer("Index", 1)
        if tier is not None and tier not in meta.TIERS:
            row.problem(f"unknown Relatedness Tier '{clip(tier)}'; expected one of: {', '.join(meta.TIERS)}")
            continue
        if source is None or target is None or tier is None or index is None:
            continue
        first = seen.setdefault((source.code, target.code), row.line)
        if first != row.line:
            row.problem(f"a second row relating {source.code} to {target.code} "
                        f"(first at line {first})")
            continue
        rows.append((meta.TIERS.index(tier), tier, index, source.code, target.code))
    return rows


def _alternates(table: Table | None, occupations: Occupations,
                counts: dict[str, int]) -> dict[str, list[str]]:
    """Alternate and short titles by code; one holding a character that cannot be
    seen (which no name may hold) is left out and counted, not an error: they are
    only extra names."""
    found: dict[str, list[str]] = {}
    hidden = 0
    for row in table or ():
        occupation = known(row, meta.CODE, occupations)
        if occupation is not None:
            names = [name for name in (row.get("Alternate Title"), row.get("Short Title")) if name]
            kept = [name for name in names if hidden_character(name) is None]
            hidden += len(names) - len(kept)
            found.setdefault(occupation.code, []).extend(kept)
    counts["left out: alternate titles with hidden characters"] = hidden
    return found


def _role(occupation: Occupation, names: tuple[str, tuple[str, ...]], max_tasks: int) -> Role:
    role_id, aliases = names
    tasks = sorted(occupation.tasks)
    core = [text for _, is_core, text in tasks if is_core] or [text for _, _, text in tasks]
    skills: dict[str, int] = {}
    seen: set[str] = set()
    for _, _, name, level in sorted(occupation.skills):
        if name.casefold() not in seen:  # skill names are unique, ignoring case
            seen.add(name.casefold())
            skills[name] = level
    assert occupation.zone is not None
    return Role(id=role_id, title=occupation.title, level=occupation.zone, aliases=aliases,
                track=meta.SOC_MAJOR_GROUPS[occupation.code[:2]], summary=occupation.description,
                responsibilities=tuple(core[:max_tasks]), skills=skills)


def _moves(related: list[Related], occupations: Occupations, ids: dict[str, str],
           options: OnetOptions, counts: dict[str, int]) -> list[Progression]:
    """Related occupations of the chosen tiers, both ends imported, as moves by Job Zone."""
    order = {code: number for number, code in enumerate(occupations)}
    tally = dict.fromkeys(("promotions", "lateral moves", "left out: downward (lower Job Zone)",
                           "kept as lateral: downward", "left out: other tiers",
                           "left out: an end without Job Zone"), 0)
    moves: list[Progression] = []
    seen: set[tuple[str, str]] = set()
    for _, tier, index, source, target in sorted(related, key=lambda r: (order[r[3]], r[0], r[2])):
        if tier not in options.tiers:
            tally["left out: other tiers"] += 1
            continue
        if source not in ids or target not in ids:
            tally["left out: an end without Job Zone"] += 1
            continue
        if source == target or (source, target) in seen:
            continue
        seen.add((source, target))
        low, high = occupations[source].zone or 0, occupations[target].zone or 0
        if high < low and not options.include_downward:
            tally["left out: downward (lower Job Zone)"] += 1
            continue
        kind = "promotion" if high > low else "lateral"
        tally["promotions" if kind == "promotion" else "lateral moves"] += 1
        if high < low:
            tally["kept as lateral: downward"] += 1
        note = f"O*NET related occupation: {tier}, rank {index}"
        moves.append(Progression(ids[source], ids[target], kind, None, note))
    counts.update(tally)
    return moves


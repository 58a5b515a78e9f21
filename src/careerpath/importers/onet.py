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
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from careerpath.errors import DataError, Problem
from careerpath.importers import onet_meta as meta
from careerpath.importers.onet_names import claim_names
from careerpath.importers.tsv import Row, Table, clip, read_table
from careerpath.model import Progression, Role, normal_name

Progress = Callable[[str, int, int], None]  # (what is being done, steps done, steps in all)


@dataclass(frozen=True)
class OnetOptions:
    min_importance: Decimal = Decimal(3)
    max_tasks: int = 8
    tiers: tuple[str, ...] = meta.DEFAULT_TIERS
    include_downward: bool = False
    release: str | None = None  # e.g. "30.1"; by default read from the folder name


@dataclass
class Occupation:
    code: str
    title: str
    description: str | None
    line: int
    zone: int | None = None
    # (-importance, skill order, name, proficiency): most important first
    skills: list[tuple[Decimal, int, str, int]] = field(default_factory=list)
    tasks: list[tuple[int, bool, str]] = field(default_factory=list)  # (task id, core, text)


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
    occupations = _occupations(tables["Occupation Data.txt"])
    counts: dict[str, int] = {"occupations": len(occupations)}
    _job_zones(tables["Job Zones.txt"], occupations)
    _skills(tables["Skills.txt"], occupations, options.min_importance)
    _tasks(tables["Task Statements.txt"], occupations)
    related = _related(tables["Related Occupations.txt"], occupations)
    alternates = _alternates(tables["Alternate Titles.txt"], occupations)
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
    ids = {occupation.code: names[occupation.code][0] for occupation in imported}
    moves = _moves(related, occupations, ids, options, counts)
    if progress is not None:
        progress("done", steps, steps)
    missing = [name for name, table in tables.items() if table is None]
    return OnetImport(roles, moves, meta.release_of(folder, options.release), counts, missing)


def _occupations(table: Table | None) -> dict[str, Occupation]:
    occupations: dict[str, Occupation] = {}
    titles: dict[str, int] = {}
    for row in table or ():
        code, title = _code(row, meta.CODE), row.required("Title")
        if code is None or title is None:
            continue
        if code in occupations:
            row.problem(f"duplicate O*NET-SOC code {code} (first at line {occupations[code].line})")
            continue
        folded = normal_name(title)  # the name rule: titles must be typeable apart
        if folded in titles:
            row.problem(f"duplicate title '{clip(title)}' (first at line {titles[folded]})")
            continue
        titles[folded] = row.line
        occupations[code] = Occupation(code, title, row.get("Description"), row.line)
    return occupations


def _code(row: Row, column: str) -> str | None:
    code = row.required(column)
    if code is None:
        return None
    if not meta.CODE_PATTERN.match(code):
        row.problem(f"'{column}' must be an O*NET-SOC code like 11-1021.00, got '{clip(code)}'")
        return None
    if code[:2] not in meta.SOC_MAJOR_GROUPS:
        row.problem(f"unknown SOC major group '{code[:2]}' in code {code}")
        return None
    return code


def _known(row: Row, column: str, occupations: dict[str, Occupation]) -> Occupation | None:
    known = occupations.get(row.get(column) or "")
    if known is not None:  # the common case, without checking the code's form again
        return known
    code = _code(row, column)
    if code is None:
        return None
    occupation = occupations.get(code)
    if occupation is None and occupations:
        row.problem(f"unknown O*NET-SOC code {code} (not in Occupation Data.txt)")
    return occupation


def _job_zones(table: Table | None, occupations: dict[str, Occupation]) -> None:
    seen: dict[str, int] = {}
    for row in table or ():
        occupation, zone = _known(row, meta.CODE, occupations), row.integer("Job Zone", 1, 5)
        if occupation is None or zone is None:
            continue
        if occupation.code in seen:
            row.problem(f"a second Job Zone for {occupation.code} (first at line {seen[occupation.code]})")
            continue
        seen[occupation.code] = row.line
        occupation.zone = zone


def _skills(table: Table | None, occupations: dict[str, Occupation], threshold: Decimal) -> None:
    importance: dict[tuple[str, str], Decimal] = {}
    levels: dict[tuple[str, str], tuple[Decimal, str]] = {}
    order: dict[str, int] = {}
    for row in table or ():
        occupation = _known(row, meta.CODE, occupations)
        element, name, scale = row.required("Element ID"), row.required("Element Name"), row.get(
            "Scale ID")
        if scale == "IM":
            value = row.number("Data Value", 1, 5)
        elif scale == "LV":
            value = row.number("Data Value", 0, 7)
        else:  # other scales (none in the releases we know) carry nothing we map
            continue
        if occupation is None or element is None or name is None or value is None:
            continue
        key = (occupation.code, element)
        order.setdefault(element, len(order))
        if scale == "IM":
            importance.setdefault(key, value)
        elif "Y" not in (row.get("Not Relevant"), row.get("Recommend Suppress")):
            levels.setdefault(key, (value, name))
    for (code, element), value in importance.items():
        level = levels.get((code, element))
        if value >= threshold and level is not None:
            occupations[code].skills.append((-value, order[element], level[1],
                                             proficiency(level[0])))


def _tasks(table: Table | None, occupations: dict[str, Occupation]) -> None:
    for row in table or ():
        occupation = _known(row, meta.CODE, occupations)
        task_id, text = row.integer("Task ID", 0), row.required("Task")
        if occupation is not None and task_id is not None and text is not None:
            occupation.tasks.append((task_id, row.get("Task Type") == "Core", text))


Related = tuple[int, str, int, str, str]  # (tier rank, tier, index, from code, to code)


def _related(table: Table | None, occupations: dict[str, Occupation]) -> list[Related]:
    rows: list[Related] = []
    for row in table or ():
        source = _known(row, meta.CODE, occupations)
        target = _known(row, "Related O*NET-SOC Code", occupations)
        tier, index = row.required("Relatedness Tier"), row.integer("Index", 1)
        if tier is not None and tier not in meta.TIERS:
            row.problem(f"unknown Relatedness Tier '{clip(tier)}'; expected one of: {', '.join(meta.TIERS)}")
            continue
        if source is not None and target is not None and tier is not None and index is not None:
            rows.append((meta.TIERS.index(tier), tier, index, source.code, target.code))
    return rows


def _alternates(table: Table | None, occupations: dict[str, Occupation]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for row in table or ():
        occupation = _known(row, meta.CODE, occupations)
        if occupation is not None:
            names = [row.get("Alternate Title"), row.get("Short Title")]
            found.setdefault(occupation.code, []).extend(name for name in names if name)
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


def _moves(related: list[Related], occupations: dict[str, Occupation], ids: dict[str, str],
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


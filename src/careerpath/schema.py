"""Check one YAML node against the data format and turn it into model values.

Each reader reports problems at the node's own line and column and returns
None for a value it cannot use, so that every problem is found in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from sys import intern

from careerpath.model import (
    EXPERIENCE_LEVELS,
    MOVE_KINDS,
    Framework,
    Progression,
    Role,
    Source,
    Years,
)
from careerpath.schema_values import (
    Fields,
    Report,
    check_name,
    odd_number,
    read_int,
    read_text,
    shown,
)
from careerpath.yamlread import Mapping, Node, Scalar, Sequence

ROLE_KEYS = (
    "id", "title", "level", "aliases", "track", "summary", "responsibilities",
    "activities", "skills", "specialization_of", "outcomes", "source", "modelled",
)
PROGRESSION_KEYS = ("from", "to", "kind", "years", "note", "source", "modelled")
FRAMEWORK_KEYS = ("title", "proficiency", "source")
SOURCE_KEYS = ("id", "title", "kind", "publisher", "license", "url")
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


def read_role(node: Node, report: Report) -> tuple[Role | None, Fields]:
    fields = Fields(node, ROLE_KEYS, "a role", report)
    check_name(fields.values.get("title"), "title", report)
    for alias in getattr(fields.values.get("aliases"), "items", []):
        check_name(alias, "alias", report)
    role_id = fields.text("id", required=True)
    if role_id is not None and not ID_PATTERN.match(role_id):
        report(fields.values["id"], f"id '{role_id}' must be lowercase letters, digits and "
               "single '-' between them (e.g. 'senior-manager')")
        role_id = None
    title = fields.text("title", required=True)
    level_node = fields.values.get("level")
    level = None
    if level_node is None:
        if isinstance(node, Mapping):
            report(node, "missing required key 'level'")
    else:
        level = read_int(level_node, "level", 1, None, report)
    skills = read_skills(fields.values.get("skills"), report)
    activities = _read_activities(fields.values.get("activities"), report)
    role = Role(
        # interned: progressions name it, and lookups by id then compare identities
        id=intern(role_id or ""), title=title or "", level=level or 0,
        aliases=fields.texts("aliases"), track=fields.text("track"),
        summary=fields.text("summary"), responsibilities=fields.texts("responsibilities"),
        activities=activities, skills=skills,
        specialization_of=fields.text("specialization_of"),
        outcomes=fields.texts("outcomes"), source=fields.sources(),
        modelled=fields.flag("modelled"),
    )
    complete = role_id is not None and title is not None and level is not None
    return (role if complete else None), fields


def read_skills(node: Node | None, report: Report,
                fold: Callable[[str], str] = str.casefold) -> dict[str, int]:
    if node is None:
        return {}
    skills: dict[str, int] = {}
    if not isinstance(node, Mapping):
        report(node, f"skills must be a mapping of skill name to proficiency 1-5, got {shown(node)}")
        return skills
    seen: dict[str, Scalar] = {}
    for key, value in node.items:
        # The common case at C speed: a plain visible name, a level written as one digit.
        name = key.value
        if type(value) is Scalar and type(name) is str and type(value.value) is int and \
                1 <= value.value <= 5 and len(value.text) == 1 and name.isascii() and \
                name.isprintable() and name.strip():
            folded = fold(name)
            if folded not in seen:
                seen[folded] = key
                skills[name] = value.value
                continue
        read_skill(key, value, seen, skills, report, fold)
    return skills


def read_skill(key: Scalar, value: Node, seen: dict[str, Scalar], skills: dict[str, int],
               report: Report, fold: Callable[[str], str]) -> None:
    """One entry of `skills`, every rule checked (read_skills' fast path's reference)."""
    name = read_text(key, "a skill name", report)
    if name is None:
        return
    check_name(key, "skill", report)
    folded = fold(name)
    if folded in seen:
        report(key, f"duplicate skill '{name}' (first at line {seen[folded].line})")
        return
    seen[folded] = key
    proficiency = read_int(value, f"proficiency of skill '{name}'", 1, 5, report)
    if proficiency is not None:
        skills[name] = proficiency


def _read_activities(node: Node | None, report: Report) -> dict[str, tuple[str, ...]]:
    if node is None:
        return {}
    fields = Fields(node, EXPERIENCE_LEVELS, "activities", report)
    return {level: fields.texts(level) for level in EXPERIENCE_LEVELS if level in fields.values}


def read_progression(node: Node, report: Report) -> tuple[Progression | None, Fields]:
    fields = Fields(node, PROGRESSION_KEYS, "a progression", report)
    source_id = fields.text("from", required=True)
    target_id = fields.text("to", required=True)
    kind = "promotion"
    kind_node = fields.values.get("kind")
    if kind_node is not None:
        given = read_text(kind_node, "kind", report)
        if given is not None and given not in MOVE_KINDS:
            report(kind_node, f"kind must be 'promotion' or 'lateral', got '{given}'")
        elif given is not None:
            kind = given
    years_node = fields.values.get("years")
    years = _read_years(years_node, report) if years_node is not None else None
    if source_id is None or target_id is None:
        return None, fields
    # from_values: no per-field setattr of a frozen dataclass (200,000 moves: 0.2 s)
    progression = Progression.from_values((source_id, target_id, kind, years,
                                           fields.text("note"), fields.sources(),
                                           fields.flag("modelled")))
    return progression, fields


def _number(node: Node) -> float | None:
    value = node.value if isinstance(node, Scalar) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < 1e6:
        return float(value)
    return None


def _read_years(node: Node, report: Report) -> Years | None:
    wrong = "years must be a number from 0 to under 1,000,000 or a range [min, max]"
    items = node.items if isinstance(node, Sequence) else [node]
    if [item for item in items if odd_number(item, "years", report)]:
        return None
    if isinstance(node, Sequence):
        numbers = [_number(item) for item in node.items]
        if len(numbers) != 2 or None in numbers:
            report(node, f"{wrong}; a range needs exactly two numbers")
            return None
        low, high = numbers[0] or 0.0, numbers[1] or 0.0
        if low > high:
            report(node, f"years range [{low:g}, {high:g}] has min greater than max")
            return None
        return Years.from_values((low, high))
    single = _number(node)
    if single is None:
        report(node, f"{wrong}, got {shown(node)}")
        return None
    return Years.from_values((single, single))


def read_top(root: Node | None, key: str, others: tuple[str, ...],
             report: Report) -> tuple[list[Node] | None, dict[str, Node]]:
    """The list under the file's main top-level key (`roles` or `progressions`),
    and the nodes of the optional other top-level keys (`framework`, `sources`).

    The list is None when the file has no such list (the problem is reported).
    """
    if root is None:
        return None, {}
    fields = Fields(root, (key, *others), "the top level of the file", report)
    if not isinstance(root, Mapping):
        return None, {}
    extra = {name: node for name, node in fields.values.items() if name != key}
    node = fields.values.get(key)
    if node is None:
        report(root, f"missing top-level key '{key}'")
        return None, extra
    if isinstance(node, Scalar) and node.value is None:
        return [], extra
    if not isinstance(node, Sequence):
        report(node, f"'{key}' must be a list, got {shown(node)}")
        return None, extra
    return node.items, extra


def expect_list(root: Node | None, key: str, report: Report) -> list[Node] | None:
    """The list under the file's single top-level key."""
    return read_top(root, key, (), report)[0]


def read_framework(node: Node | None, report: Report) -> tuple[Framework, Fields | None]:
    if node is None:
        return Framework(), None
    fields = Fields(node, FRAMEWORK_KEYS, "framework", report)
    framework = Framework(fields.text("title"), fields.text("proficiency"),
                          fields.text("source"))
    return framework, fields


def read_sources(node: Node | None, report: Report) -> dict[str, tuple[Source, Node]] | None:
    """`sources:` by id, each with the node of its id; None when the key is absent."""
    if node is None:
        return None
    if isinstance(node, Scalar) and node.value is None:
        return {}
    if not isinstance(node, Sequence):
        report(node, f"'sources' must be a list, got {shown(node)}")
        return {}
    sources: dict[str, tuple[Source, Node]] = {}
    for item in node.items:
        fields = Fields(item, SOURCE_KEYS, "a source", report)
        source_id = fields.text("id", required=True)
        title = fields.text("title", required=True)
        extras = [fields.text(key) for key in SOURCE_KEYS[2:]]
        if source_id is None or title is None:
            continue
        id_node = fields.values["id"]
        if not ID_PATTERN.match(source_id):
            report(id_node, f"source id '{source_id}' must be lowercase letters, digits and "
                   "single '-' between them (e.g. 'onet-30-1')")
        elif source_id in sources:
            report(id_node, f"duplicate source id '{source_id}' "
                   f"(first at line {sources[source_id][1].line})")
        else:
            sources[source_id] = (Source(source_id, title, *extras), id_node)
    return sources

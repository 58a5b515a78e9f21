"""Validate a dataset's two files: YAML to model, every problem with its place."""

from __future__ import annotations

from collections.abc import Callable

from careerpath import parallel
from careerpath.errors import Problem
from careerpath.model import Dataset, Framework, Role, Source, normal_name
from careerpath.schema import (
    read_framework,
    read_role,
    read_sources,
    read_top,
)
from careerpath.schema_fast import simple_role
from careerpath.schema_values import Fields, Report
from careerpath.validate_moves import (
    MovesRead,
    collect_moves,
    read_contents,
    read_moves,
    read_moves_tree,
)
from careerpath.yamlread import Node, Scalar, Sequence

# Below this size progressions.yaml is read in this process: starting a second
# one costs more than it saves.
PARALLEL_BYTES = 1 << 20


def check(roles_name: str, moves_name: str, contents: list[bytes | OSError],
          location: str) -> tuple[Dataset | None, list[Problem]]:
    """Parse and validate both files. Returns the dataset (None if unusable) and problems.

    A large progressions.yaml is read in a second process while this one reads
    roles.yaml (`parallel`); the answer is the same either way."""
    moves = contents[1]
    fork = isinstance(moves, bytes) and len(moves) >= PARALLEL_BYTES
    with parallel.started(read_moves, moves, moves_name, fork=fork) as job:
        dataset, problems, _ = check_with_roots(roles_name, moves_name, contents, location,
                                                job.result)
    return dataset, problems


def check_with_roots(roles_name: str, moves_name: str, contents: list[bytes | OSError],
                     location: str, moves_read: Callable[[], MovesRead] | None = None,
                     ) -> tuple[Dataset | None, list[Problem],
                                tuple[Node | None, Node | None]]:
    """Like `check`, and also the files' parsed trees (for lint's positions); with
    `moves_read`, progressions.yaml was read elsewhere and its tree is None."""
    problems: list[Problem] = []
    roles_root = read_contents(contents[0], roles_name, problems)
    roles_readable = not problems

    def reporter(name: str) -> Report:
        def report(node: Node, message: str) -> None:
            problems.append(Problem(name, node.line, node.column, message))
        return report

    report_roles, report_moves = reporter(roles_name), reporter(moves_name)
    role_items, extra = read_top(roles_root, "roles", ("framework", "sources"), report_roles)
    sources = read_sources(extra.get("sources"), report_roles)
    framework = _read_framework(extra.get("framework"), sources, report_roles)
    roles, broken_ids, names = _collect_roles(role_items or [], report_roles, roles_name)
    for _, fields in roles.values():
        _check_sources(fields, sources, report_roles)
    moves_root = None
    if moves_read is None:
        moves_root, (move_problems, records, ends) = read_moves_tree(contents[1], moves_name)
    else:
        move_problems, records, ends = moves_read()
    problems += [Problem(*problem) for problem in move_problems]
    roots = (roles_root, moves_root)
    # Moves can be checked against the roles only when roles.yaml could be read;
    # a move to a role that is itself broken was reported there already.
    known = role_items is not None and roles_readable
    listed = sources if known else None

    def unknown_source(name: str) -> str | None:
        return None if listed is None or name in listed else _unknown_source(name, listed)

    moves, index = collect_moves(records, ends, roles, report_moves, known, broken_ids,
                                 unknown_source, lambda role_id: _suggest(role_id, roles))
    if roles_root is not None and not roles and not problems:
        problems.append(Problem(roles_name, 1, 1, "the dataset has no roles"))
    if problems:
        # Messages in reading order: roles.yaml first, then progressions.yaml.
        order = {roles_name: 0, moves_name: 1}
        problems.sort(key=lambda p: (order.get(p.file, 2), p.line, p.column))
        return None, problems, roots
    moves = tuple(moves) if isinstance(moves, list) else moves  # else made on demand
    dataset = Dataset({role.id: role for role, _ in roles.values()}, moves, location,
                      framework, {key: source for key, (source, _) in (sources or {}).items()})
    # Valid, every name names one role: the index Dataset.names would build again.
    dataset.__dict__["names"] = {name: [owner[0]] for name, owner in names.items()}
    if index is not None:  # made while the moves were checked
        dataset.__dict__["index"] = index
    return dataset, [], roots


Sources = dict[str, tuple[Source, Node]]


def _read_framework(node: Node | None, sources: Sources | None, report: Report) -> Framework:
    framework, fields = read_framework(node, report)
    if fields is not None and framework.source is not None and (
            sources is None or framework.source not in sources):
        report(fields.values["source"], _unknown_source(framework.source, sources))
    return framework


def _check_sources(fields: Fields, sources: Sources | None, report: Report) -> None:
    """With a `sources:` list, every `source` value must name one of its ids."""
    node = fields.values.get("source")
    if sources is None or node is None:
        return
    items = node.items if isinstance(node, Sequence) else [node]
    for item in items:
        if isinstance(item, Scalar) and isinstance(item.value, str) and item.value.strip() \
                and item.value not in sources:
            report(item, _unknown_source(item.value, sources))


def _unknown_source(name: str, sources: Sources | None) -> str:
    import difflib

    if sources is None:
        return f"source '{name}' is not listed; add it under 'sources' in roles.yaml"
    close = difflib.get_close_matches(name, list(sources), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else "; add it under 'sources' in roles.yaml"
    return f"unknown source '{name}'{hint}"


RoleEntry = tuple[Role, Fields]


Names = dict[str, tuple[str, str, Node]]  # normal name -> (role id, what, node)


def _collect_roles(items: list[Node], report: Report,
                   where: str) -> tuple[dict[str, RoleEntry], set[str], Names]:
    roles: dict[str, RoleEntry] = {}
    broken_ids: set[str] = set()
    names: Names = {}
    for item in items:
        role, fields = simple_role(item, report) or read_role(item, report)
        if role is None:
            id_node = fields.values.get("id")
            if isinstance(id_node, Scalar) and isinstance(id_node.value, str):
                broken_ids.add(id_node.value)
            continue
        if role.id in roles:
            report(fields.values["id"], f"duplicate id '{role.id}' "
                   f"(first at line {roles[role.id][1].node.line})")
            continue
        roles[role.id] = (role, fields)
        _claim_names(role, fields.values, names, report, where)
    for role, fields in roles.values():
        parent = role.specialization_of
        if parent is not None and (parent not in roles or parent == role.id):
            node = fields.values["specialization_of"]
            why = "itself" if parent == role.id else f"unknown role '{parent}'"
            report(node, f"specialization_of names {why}{_suggest(parent, roles)}")
    return roles, broken_ids, names


def _claim_names(role: Role, values: dict[str, Node], names: Names,
                 report: Report, where: str) -> None:
    """Ids, titles and aliases must each name one role only, compared the way the
    command line compares them (`normal_name`), so that every name can be typed."""
    alias_nodes = getattr(values.get("aliases"), "items", [])
    candidates: list[tuple[str, str, Node]] = [("id", role.id, values["id"]),
                                               ("title", role.title, values["title"])]
    candidates += [("alias", node.value, node) for node in alias_nodes
                   if isinstance(node, Scalar) and isinstance(node.value, str)]
    for what, name, node in candidates:
        folded = normal_name(name)
        owner = names.get(folded)
        if owner is None:
            names[folded] = (role.id, what, node)
        elif not (owner[0] == role.id and {what, owner[1]} == {"id", "title"}):
            whose = "this role" if owner[0] == role.id else f"role '{owner[0]}'"
            first = owner[2]
            report(node, f"{what} '{name}' clashes with the {owner[1]} of {whose} at "
                   f"{where}:{first.line}:{first.column}; names must differ by more than "
                   "case, spacing, '-', '_' or Unicode form")


def _suggest(name: str, roles: dict[str, RoleEntry]) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(roles), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""

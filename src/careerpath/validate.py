"""Validate a dataset's two files: YAML to model, every problem with its place."""

from __future__ import annotations

from careerpath.errors import Problem
from careerpath.loader import PROGRESSIONS_FILE, ROLES_FILE, FileTooLarge, NotRegularFile
from careerpath.model import Dataset, Progression, Role
from careerpath.schema import Fields, Report, expect_list, read_progression, read_role
from careerpath.yamlread import Node, Scalar, read_yaml


def _parse(contents: bytes | OSError, name: str, problems: list[Problem]) -> Node | None:
    if isinstance(contents, FileNotFoundError):
        problems.append(Problem(name, 1, 1, "file not found; a dataset folder needs "
                                f"{ROLES_FILE} and {PROGRESSIONS_FILE}"))
        return None
    if isinstance(contents, (NotRegularFile, FileTooLarge)):
        problems.append(Problem(name, 0, 0, str(contents.strerror)))
        return None
    if isinstance(contents, OSError):
        problems.append(Problem(name, 0, 0, f"cannot read the file: {contents.strerror}"))
        return None
    root, found = read_yaml(contents, name)
    problems.extend(found)
    return root


def check(roles_name: str, moves_name: str, contents: list[bytes | OSError],
          location: str) -> tuple[Dataset | None, list[Problem]]:
    """Parse and validate both files. Returns the dataset (None if unusable) and problems."""
    problems: list[Problem] = []
    roles_root = _parse(contents[0], roles_name, problems)
    roles_readable = not problems
    moves_root = _parse(contents[1], moves_name, problems)

    def reporter(name: str) -> Report:
        def report(node: Node, message: str) -> None:
            problems.append(Problem(name, node.line, node.column, message))
        return report

    report_roles, report_moves = reporter(roles_name), reporter(moves_name)
    role_items = expect_list(roles_root, "roles", report_roles)
    roles, broken_ids = _collect_roles(role_items or [], report_roles)
    # Moves can be checked against the roles only when roles.yaml could be read;
    # a move to a role that is itself broken was reported there already.
    known = role_items is not None and roles_readable
    moves = _collect_moves(expect_list(moves_root, "progressions", report_moves) or [], roles,
                           report_moves, known, broken_ids)
    if roles_root is not None and not roles and not problems:
        problems.append(Problem(roles_name, 1, 1, "the dataset has no roles"))
    if problems:
        # Messages in reading order: roles.yaml first, then progressions.yaml.
        order = {roles_name: 0, moves_name: 1}
        problems.sort(key=lambda p: (order.get(p.file, 2), p.line, p.column))
        return None, problems
    dataset = Dataset({role.id: role for role, _ in roles.values()}, tuple(moves), location)
    return dataset, []


RoleEntry = tuple[Role, Fields]


def _collect_roles(items: list[Node], report: Report) -> tuple[dict[str, RoleEntry], set[str]]:
    roles: dict[str, RoleEntry] = {}
    broken_ids: set[str] = set()
    names: dict[str, tuple[str, str, int]] = {}  # folded name -> (role id, what, line)
    for item in items:
        role, fields = read_role(item, report)
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
        _claim_names(role, fields.values, names, report)
    for role, fields in roles.values():
        parent = role.specialization_of
        if parent is not None and (parent not in roles or parent == role.id):
            node = fields.values["specialization_of"]
            why = "itself" if parent == role.id else f"unknown role '{parent}'"
            report(node, f"specialization_of names {why}{_suggest(parent, roles)}")
    return roles, broken_ids


def _claim_names(role: Role, values: dict[str, Node], names: dict[str, tuple[str, str, int]],
                 report: Report) -> None:
    """Ids, titles and aliases must each name one role only (case-insensitive)."""
    alias_nodes = getattr(values.get("aliases"), "items", [])
    candidates: list[tuple[str, str, Node]] = [("id", role.id, values["id"]),
                                               ("title", role.title, values["title"])]
    candidates += [("alias", node.value, node) for node in alias_nodes
                   if isinstance(node, Scalar) and isinstance(node.value, str)]
    for what, name, node in candidates:
        folded = name.strip().casefold()
        owner = names.get(folded)
        if owner is None:
            names[folded] = (role.id, what, node.line)
        elif not (owner[0] == role.id and {what, owner[1]} == {"id", "title"}):
            whose = "this role" if owner[0] == role.id else f"role '{owner[0]}'"
            report(node, f"{what} '{name}' is already the {owner[1]} of {whose} "
                   f"(line {owner[2]}); names must be unique, ignoring case")


def _suggest(name: str, roles: dict[str, RoleEntry]) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(roles), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def _collect_moves(items: list[Node], roles: dict[str, RoleEntry], report: Report,
                   roles_known: bool, broken_ids: set[str]) -> list[Progression]:
    moves: list[Progression] = []
    seen: dict[tuple[str, str], int] = {}
    for item in items:
        move, fields = read_progression(item, report)
        if move is None:
            continue
        ok = True
        for key, role_id in (("from", move.source_id), ("to", move.target_id)):
            if role_id in broken_ids or not roles_known:
                ok = False
            elif role_id not in roles:
                report(fields.values[key], f"'{key}' names unknown role '{role_id}'"
                       f"{_suggest(role_id, roles)}")
                ok = False
        if move.source_id == move.target_id:
            report(item, f"a move from '{move.source_id}' to itself is not allowed")
            continue
        pair = (move.source_id, move.target_id)
        if pair in seen:
            report(item, f"duplicate move {pair[0]} -> {pair[1]} (first at line {seen[pair]})")
            continue
        seen[pair] = item.line
        if not ok:
            continue
        source, target = roles[move.source_id][0], roles[move.target_id][0]
        if move.kind == "promotion" and target.level <= source.level:
            report(item, f"promotion {source.id} (level {source.level}) -> {target.id} "
                   f"(level {target.level}) must go to a higher level; "
                   "mark it 'kind: lateral' or fix the levels")
        moves.append(move)
    return moves

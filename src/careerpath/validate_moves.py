"""Read a data file; validate progressions.yaml in two steps, so that the first
can run in another process.

`read_moves` needs only the file: it parses it and checks each move on its own
(keys, types, kinds, years). Its result is plain values, sent back by
`parallel` through a pipe. `collect_moves` then checks the moves against the
roles (known ids, no duplicates, promotions go up a level).
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Sequence as Moves
from sys import intern
from typing import Any

from careerpath.datafiles import PROGRESSIONS_FILE, ROLES_FILE, FileTooLarge, NotRegularFile
from careerpath.errors import Problem
from careerpath.model import MOVE_KINDS, GraphIndex, Progression, Years
from careerpath.moves_columns import Summary, summary, valid_moves
from careerpath.schema import read_progression, read_top
from careerpath.schema_fast import known_once
from careerpath.yamlread import Node, Scalar, Sequence, read_yaml

# One move as plain values: its Progression's fields (years as (min, max)) or None
# if unusable, then the lines and columns of the move, its 'from' and its 'to',
# and the (value, line, column) of each source id it cites.
MoveRecord = tuple[Any, int, int, int, int, int, int, tuple[tuple[str, int, int], ...]]
# read_moves' result: the problems as tuples, the records, and (when every move
# could be read) their ends as numbers for moves_columns
MovesRead = tuple[list[tuple[str, int, int, str]], list[MoveRecord], Summary | None]


def read_contents(contents: bytes | OSError, name: str, problems: list[Problem]) -> Node | None:
    """Parse a data file's bytes, or report why it could not be read (`contents`
    is then the error), adding the problems to `problems`."""
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


def read_moves(contents: bytes | OSError, name: str) -> MovesRead:
    """Parse progressions.yaml and check each move on its own."""
    return read_moves_tree(contents, name)[1]


def read_moves_tree(contents: bytes | OSError, name: str) -> tuple[Node | None, MovesRead]:
    """`read_moves`, and the parsed file (for lint's positions)."""
    problems: list[Problem] = []

    def report(node: Node, message: str) -> None:
        problems.append(Problem(name, node.line, node.column, message))

    root = read_contents(contents, name, problems)
    items = read_top(root, "progressions", (), report)[0]
    ranges: dict[Any, Any] = {}
    records = [_record(item, report, ranges) for item in items or ()]
    ends = None if problems else summary(records)
    return root, ([(p.file, p.line, p.column, p.message) for p in problems], records, ends)


def _record(item: Node, report: Callable[[Node, str], None], ranges: dict[Any, Any],
            ) -> MoveRecord:
    return simple_record(item, ranges) or checked_record(item, report, ranges)


_SIMPLE_KEYS = frozenset(("from", "to", "kind", "years"))


def simple_record(item: Node, ranges: dict[Any, Any]) -> MoveRecord | None:
    """The record of a move written as most are (from, to, maybe a kind and whole
    years), made without the general reader; None for anything else, which
    `checked_record` then reads with every rule and message."""
    given = known_once(item, _SIMPLE_KEYS)
    if given is None:
        return None
    origin, target = given.get("from"), given.get("to")
    if type(origin) is not Scalar or type(target) is not Scalar:
        return None
    source_id, target_id = origin.value, target.value
    if type(source_id) is not str or type(target_id) is not str or \
            not source_id.strip() or not target_id.strip():
        return None
    kind: Any = "promotion"
    if "kind" in given:
        kind = getattr(given["kind"], "value", None)
        if type(kind) is not str or kind not in MOVE_KINDS:
            return None
    span = None
    if "years" in given:
        span = _whole_years(given["years"])
        if span is None:
            return None
    values = (intern(source_id), intern(target_id), intern(kind), ranges.setdefault(span, span),
              None, (), False)
    return (values, item.line, item.column, origin.line, origin.column,
            target.line, target.column, ())


def _whole_years(node: Node) -> tuple[float, float] | None:
    """`years` as whole numbers in plain digits, one or a range in order; else None."""
    items = node.items if type(node) is Sequence else [node]
    numbers = []
    for item in items:
        if type(item) is not Scalar or type(item.value) is not int:
            return None
        text = item.text
        if not (text.isascii() and text.isdigit() and (text[0] != "0" or len(text) == 1)) \
                or item.value >= 1_000_000:
            return None
        numbers.append(float(item.value))
    if type(node) is Sequence:
        return (numbers[0], numbers[1]) if len(numbers) == 2 and numbers[0] <= numbers[1] \
            else None
    return (numbers[0], numbers[0])


def checked_record(item: Node, report: Callable[[Node, str], None], ranges: dict[Any, Any],
                   ) -> MoveRecord:
    """The record of any move, every rule of read_progression checked and reported."""
    move, fields = read_progression(item, report)
    values: Any = None
    if move is not None:
        # Role ids interned (as roles.yaml's are) and equal ranges shared: marshal
        # then writes each once, and the parent's lookups by id compare identities.
        years = move.years
        span = None if years is None else (years.min, years.max)
        values = (intern(move.source_id), intern(move.target_id), intern(move.kind),
                  ranges.setdefault(span, span), move.note, move.source, move.modelled)
    given = fields.values
    origin, target = given.get("from", item), given.get("to", item)
    return (values, item.line, item.column, origin.line, origin.column,
            target.line, target.column, _cited(given.get("source")))


def _cited(node: Node | None) -> tuple[tuple[str, int, int], ...]:
    """The source ids a move cites, to be checked against roles.yaml's `sources`."""
    if node is None:
        return ()
    items = node.items if isinstance(node, Sequence) else [node]
    return tuple((item.value, item.line, item.column) for item in items
                 if isinstance(item, Scalar) and isinstance(item.value, str)
                 and item.value.strip())


class Place:
    """Where a problem is, for a Report that expects a node."""

    __slots__ = ("column", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column


def collect_moves(records: list[MoveRecord], ends: Summary | None, roles: dict[str, Any],
                  report: Callable[[Any, str], None], roles_known: bool,
                  broken_ids: set[str], unknown_source: Callable[[str], str | None],
                  suggest: Callable[[str], str]) -> tuple[Moves[Progression], GraphIndex | None]:
    """The moves whose roles exist, each once; promotions must go up a level.
    `unknown_source(id)` is the message for a source id that is not listed, or
    None. With every move valid, also the graph index (moves_columns)."""

    def report_cited(record: MoveRecord) -> None:
        for value, line, column in record[7]:
            message = unknown_source(value)
            if message is not None:
                report(Place(line, column), message)

    if ends is not None and roles_known and not broken_ids:
        valid = valid_moves(records, ends, roles, report_cited)
        if valid is not None:
            return valid
    return _each_move(records, roles, report, roles_known, broken_ids, report_cited,
                      suggest), None


def _each_move(records: list[MoveRecord], roles: dict[str, Any],
               report: Callable[[Any, str], None], roles_known: bool, broken_ids: set[str],
               report_cited: Callable[[MoveRecord], None],
               suggest: Callable[[str], str]) -> list[Progression]:
    """collect_moves move by move, every problem reported in its place."""
    moves: list[Progression] = []
    seen: dict[tuple[str, str], int] = {}
    make_move, make_years = Progression.from_values, Years.from_values
    years_made: dict[Any, Years] = {}  # a few ranges recur: one Years each
    for record in records:
        values, line, column, from_line, from_column, to_line, to_column, cited = record
        if cited:
            report_cited(record)
        if values is None:
            continue
        source_id, target_id, kind, years, note, source_ids, modelled = values
        ok = roles_known and source_id in roles and target_id in roles and not (
            broken_ids and (source_id in broken_ids or target_id in broken_ids))
        if not ok:
            for key, role_id, at in (("from", source_id, Place(from_line, from_column)),
                                     ("to", target_id, Place(to_line, to_column))):
                if roles_known and role_id not in broken_ids and role_id not in roles:
                    report(at, f"'{key}' names unknown role '{role_id}'{suggest(role_id)}")
        if source_id == target_id:
            report(Place(line, column), f"a move from '{source_id}' to itself is not allowed")
            continue
        pair = (source_id, target_id)
        if pair in seen:
            report(Place(line, column),
                   f"duplicate move {source_id} -> {target_id} (first at line {seen[pair]})")
            continue
        seen[pair] = line
        if not ok:
            continue
        source, target = roles[source_id][0], roles[target_id][0]
        if kind == "promotion" and target.level <= source.level:
            report(Place(line, column), f"promotion {source.id} (level {source.level}) -> "
                   f"{target.id} (level {target.level}) must go to a higher level; "
                   "mark it 'kind: lateral' or fix the levels")
        if years is not None:
            years = years_made.get(years) or years_made.setdefault(years, make_years(years))
        moves.append(make_move((source_id, target_id, kind, years, note, source_ids, modelled)))
    return moves

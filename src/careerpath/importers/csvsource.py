"""Read roles and moves from two spreadsheets saved as CSV.

Columns mirror the YAML keys (see docs/README-import.md); list cells separate
items with `;`, skills are `Name: 3; Other: 4`, years `2` or `2; 4`. Every
problem is reported as `FILE:LINE: message` with the row's line in the CSV,
checking the same rules as the validator, so a spreadsheet's author is sent to
the spreadsheet, never to YAML they did not write.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from careerpath.datafiles import read_data_file
from careerpath.errors import DataError, Problem
from careerpath.importers.tsv import clip
from careerpath.model import EXPERIENCE_LEVELS, MOVE_KINDS, Progression, Role, Years, normal_name
from careerpath.schema import ID_PATTERN
from careerpath.schema_values import hidden_character
from careerpath.wording import plural

ROLE_COLUMNS = ("id", "title", "level", "aliases", "track", "summary", "responsibilities",
                "entry", "mid", "senior", "skills", "specialization_of", "outcomes", "source",
                "modelled")
MOVE_COLUMNS = ("from", "to", "kind", "years", "note", "source", "modelled")
_FLAGS = {"": False, "false": False, "no": False, "0": False, "true": True, "yes": True, "1": True}
_SKILL = re.compile(r"(.+?)\s*:\s*(\S+)\Z", re.DOTALL)
_RANGE = re.compile(r"\s*([^;–-]+?)\s*[;–-]\s*([^;–-]+?)\s*\Z")


class CsvRow:
    def __init__(self, name: str, line: int, cells: dict[str, str], problems: list[Problem]) -> None:
        self.name, self.line, self.cells, self.problems = name, line, cells, problems

    def problem(self, message: str) -> None:
        self.problems.append(Problem(self.name, self.line, 0, message))

    def text(self, column: str, *, required: bool = False) -> str | None:
        value = self.cells.get(column, "").strip()
        if not value and required:
            self.problem(f"'{column}' is empty; it is required")
        return value or None

    def source(self) -> tuple[str, ...]:
        """Free text (a CSV dataset lists no `sources:`), kept whole."""
        text = self.text("source")
        return () if text is None else (text,)

    def flag(self, column: str) -> bool:
        text = self.cells.get(column, "").strip().casefold()
        if text not in _FLAGS:
            self.problem(f"'{column}' must be true or false (or empty), got '{clip(text)}'")
        return _FLAGS.get(text, False)

    def texts(self, column: str) -> tuple[str, ...]:
        return tuple(item.strip() for item in self.cells.get(column, "").split(";") if item.strip())


def read_csv(path: Path, name: str, columns: tuple[str, ...], required: tuple[str, ...],
             problems: list[Problem]) -> Iterator[CsvRow]:
    """The rows of one CSV file; problems with the file or its header end it early."""
    data = read_data_file(path, what="a spreadsheet")  # never a FIFO or /dev/zero
    if isinstance(data, OSError):
        problems.append(Problem(name, 1, 0, f"cannot read the file: {data.strerror}"))
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(Problem(name, line, 0, "invalid UTF-8; save the spreadsheet as "
                                "'CSV UTF-8 (comma delimited)'"))
        return
    first = text.split("\n", 1)[0]
    delimiter = "," if "," in first else ";" if ";" in first else "\t" if "\t" in first else ","
    # strict: a quote never closed is an error, not a cell swallowing the rest of the file
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        header = [cell.strip().casefold() for cell in next(reader, [])]
        unknown = [column for column in header if column not in columns]
        missing = [column for column in required if column not in header]
        doubled = sorted({column for column in header if header.count(column) > 1})
        for column in doubled:
            problems.append(Problem(name, 1, 0, f"column '{column}' appears twice"))
        for column in unknown:
            problems.append(Problem(name, 1, 0, f"unknown column '{column}'; known columns: "
                                    + ", ".join(columns)))
        if missing:
            problems.append(Problem(name, 1, 0, "missing column(s) " + ", ".join(missing)))
        if unknown or missing or doubled or not header:
            if not header:
                problems.append(Problem(name, 1, 0, "the file has no header row"))
            return
        start = reader.line_num + 1
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                problems.append(Problem(name, line, 0, f"{plural(len(cells), 'cell')} where the "
                                        f"header has {plural(len(header), 'column')}"))
                continue
            yield CsvRow(name, line, dict(zip(header, cells)), problems)
    except csv.Error as error:
        if str(error) == "unexpected end of data":
            problems.append(Problem(name, start, 0, "a quoted cell opened on this line is "
                                    "never closed (a stray '\"'?)"))
        else:
            problems.append(Problem(name, reader.line_num, 0, f"CSV error: {error}"))


def _level(row: CsvRow) -> int | None:
    text = row.text("level", required=True)
    if text is None:
        return None
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        row.problem(f"level must be a whole number >= 1, got '{clip(text)}'")
        return None
    return int(text)


def _skills(row: CsvRow) -> dict[str, int]:
    skills: dict[str, int] = {}
    seen: set[str] = set()
    for item in row.texts("skills"):
        found = _SKILL.match(item)
        value = found.group(2) if found else ""
        if found is None or value not in ("1", "2", "3", "4", "5"):
            row.problem(f"skill '{item}' must be 'Name: N' with N a whole number from 1 to 5")
            continue
        name = found.group(1).strip()
        if name.casefold() in seen:
            row.problem(f"duplicate skill '{name}'")
            continue
        seen.add(name.casefold())
        skills[name] = int(value)
    return skills


def _visible(row: CsvRow, what: str, names: tuple[str, ...] | list[str]) -> bool:
    """Whether every name is visible text, as the validator asks of names; a problem
    for each that is not."""
    import unicodedata

    fine = True
    for name in names:
        char = hidden_character(name)
        if char is not None:
            fine = False
            row.problem(f"{what} '{clip(name, exact=True)}' contains U+{ord(char):04X} "
                        f"({unicodedata.name(char, 'a control character')}), which cannot be "
                        "seen or reorders text; names must be plain visible text")
    return fine


def read_roles(path: Path, name: str, problems: list[Problem],
               refused: dict[str, int] | None = None) -> list[tuple[Role, int]]:
    """The roles that can be made; `refused` gets the id (and line) of each row that
    cannot, so that other rows naming it are not reported again."""
    roles: list[tuple[Role, int]] = []
    for row in read_csv(path, name, ROLE_COLUMNS, ("id", "title", "level"), problems):
        role_id, title, level = row.text("id", required=True), row.text("title", required=True), \
            _level(row)
        if role_id is not None and not ID_PATTERN.match(role_id):
            row.problem(f"id '{role_id}' must be lowercase letters, digits and single '-' "
                        "between them (e.g. 'senior-manager')")
            role_id = None
        activities = {level: row.texts(level) for level in EXPERIENCE_LEVELS if row.texts(level)}
        skills = _skills(row)
        visible = all([_visible(row, "title", [title] if title else []),
                       _visible(row, "alias", row.texts("aliases")),
                       _visible(row, "skill", list(skills))])
        if role_id is None or title is None or level is None or not visible:
            if role_id is not None and refused is not None:
                refused.setdefault(role_id, row.line)
            continue
        roles.append((Role(role_id, title, level, row.texts("aliases"), row.text("track"),
                           row.text("summary"), row.texts("responsibilities"), activities,
                           skills, row.text("specialization_of"), row.texts("outcomes"),
                           row.source(), row.flag("modelled")), row.line))
    return roles


def _years(row: CsvRow) -> Years | None:
    text = row.text("years")
    if text is None:
        return None
    found = _RANGE.match(text)
    parts = [found.group(1), found.group(2)] if found else [text]
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        numbers = [-1.0]
    if any(not 0 <= number < 1e6 for number in numbers) or numbers[0] > numbers[-1]:
        row.problem(f"years must be a number >= 0 or a range 'min; max', got '{clip(text)}'")
        return None
    return Years(numbers[0], numbers[-1])


def read_moves(path: Path, name: str, problems: list[Problem]) -> list[tuple[Progression, CsvRow]]:
    moves: list[tuple[Progression, CsvRow]] = []
    for row in read_csv(path, name, MOVE_COLUMNS, ("from", "to"), problems):
        source, target = row.text("from", required=True), row.text("to", required=True)
        kind = row.text("kind") or "promotion"
        if kind not in MOVE_KINDS:
            row.problem(f"kind must be 'promotion' or 'lateral', got '{clip(kind)}'")
        years = _years(row)
        if source is not None and target is not None and kind in MOVE_KINDS:
            moves.append((Progression(source, target, kind, years, row.text("note"),
                                      row.source(), row.flag("modelled")), row))
    return moves


def _check_roles(roles: list[tuple[Role, int]], name: str, problems: list[Problem],
                 refused: dict[str, int]) -> dict[str, Role]:
    """Unique ids, and names unique as the command line compares them (the
    validator's rule: case, dashes, underscores and spacing ignored), at CSV lines."""
    by_id: dict[str, Role] = {}
    lines: dict[str, int] = dict(refused)
    owners: dict[str, tuple[str, str, int]] = {}  # folded name -> (role id, what, line)
    for role, line in roles:
        if role.id in lines:
            problems.append(Problem(name, line, 0, f"duplicate id '{role.id}' "
                                    f"(first at line {lines[role.id]})"))
            continue
        by_id[role.id], lines[role.id] = role, line
        for what, value in (("id", role.id), ("title", role.title),
                            *(("alias", alias) for alias in role.aliases)):
            owner = owners.get(normal_name(value))
            if owner is None:
                owners[normal_name(value)] = (role.id, what, line)
            elif owner[0] != role.id or {what, owner[1]} != {"id", "title"}:
                whose = "this role" if owner[0] == role.id else f"role '{owner[0]}'"
                problems.append(Problem(name, line, 0, f"{what} '{value}' is already the "
                                        f"{owner[1]} of {whose} (line {owner[2]}); names must "
                                        "be unique, ignoring case, dashes and spacing"))
    for role, line in roles:
        parent = role.specialization_of
        if parent is not None and (parent not in by_id or parent == role.id):
            problems.append(Problem(name, line, 0, f"specialization_of names "
                                    f"{'itself' if parent == role.id else f'unknown role {parent!r}'}"))
    return by_id


def _check_moves(moves: list[tuple[Progression, CsvRow]], roles: dict[str, Role],
                 refused: dict[str, int]) -> list[Progression]:
    kept: list[Progression] = []
    seen: dict[tuple[str, str], int] = {}
    for move, row in moves:
        ends = (move.source_id, move.target_id)
        if any(end in refused and end not in roles for end in ends):
            continue  # a role whose own row was refused: reported there
        unknown = [f"'{key}' names unknown role '{value}'" for key, value in
                   (("from", move.source_id), ("to", move.target_id)) if value not in roles]
        for message in unknown:
            row.problem(message)
        pair = (move.source_id, move.target_id)
        if move.source_id == move.target_id:
            row.problem(f"a move from '{move.source_id}' to itself is not allowed")
        elif pair in seen:
            row.problem(f"duplicate move {pair[0]} -> {pair[1]} (first at line {seen[pair]})")
        elif not unknown:
            seen[pair] = row.line
            low, high = roles[move.source_id].level, roles[move.target_id].level
            if move.kind == "promotion" and high <= low:
                row.problem(f"promotion {pair[0]} (level {low}) -> {pair[1]} (level {high}) must "
                            "go to a higher level; make its kind 'lateral' or fix the levels")
            kept.append(move)
    return kept


def csv_files(roles_path: Path, roles_name: str, moves_path: Path, moves_name: str,
              ) -> tuple[dict[str, str], dict[str, int]]:
    """The dataset files made from the two CSV files, and counts; DataError on any problem."""
    from careerpath.importers.yamlwrite import dataset_texts

    problems: list[Problem] = []
    refused: dict[str, int] = {}
    roles = read_roles(roles_path, roles_name, problems, refused)
    moves_found = read_moves(moves_path, moves_name, problems)
    by_id = _check_roles(roles, roles_name, problems, refused)
    if not roles and not problems:
        problems.append(Problem(roles_name, 1, 0, "no roles: the file has a header but no rows"))
    moves = _check_moves(moves_found, by_id, refused) if by_id else []
    if problems:
        order = {roles_name: 0, moves_name: 1}
        problems.sort(key=lambda p: (order.get(p.file, 2), p.line))
        raise DataError(problems)
    header = f"Imported by careerpath from {roles_path.name} and {moves_path.name}."
    roles_text, moves_text = dataset_texts([role for role, _ in roles], moves, header=header)
    counts = {"roles": len(roles),
              "promotions": sum(move.kind == "promotion" for move in moves),
              "lateral moves": sum(move.kind == "lateral" for move in moves)}
    return {"roles.yaml": roles_text, "progressions.yaml": moves_text}, counts

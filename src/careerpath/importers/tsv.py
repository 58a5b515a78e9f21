"""Read tab-separated tables with a header row, the way O*NET publishes its database.

Every problem is recorded as a `FILE:LINE: message` Problem and reading goes
on, so that one run reports them all. A byte-order mark and CRLF line ends are
accepted; `n/a` and empty cells read as None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

from careerpath.datafiles import read_data_file
from careerpath.errors import Problem
from careerpath.schema_values import hidden_character
from careerpath.wording import plural

_WHOLE = re.compile(r"([0-9]{1,18})(?:\.0+)?\Z")  # ASCII digits only, unlike str.isdigit


def clip(text: str, limit: int = 60, *, exact: bool = False) -> str:
    """A cell's text as quoted in a message: one line, at most `limit` characters.
    `exact` keeps line breaks and tabs (the message escapes them) for a message about them."""
    text = text if exact else " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Row:
    """One data row: its line number and its cells by column name."""

    __slots__ = ("cells", "line", "table")

    def __init__(self, table: Table, line: int, cells: list[str]) -> None:
        self.table, self.line, self.cells = table, line, cells

    def get(self, column: str) -> str | None:
        """The cell's text, stripped; None for `n/a`, an empty cell or an absent optional column."""
        index = self.table.index.get(column)
        if index is None:
            return None
        text = self.cells[index].strip()
        return None if not text or (len(text) == 3 and text.casefold() == "n/a") else text

    def problem(self, message: str) -> None:
        self.table.problems.append(Problem(self.table.name, self.line, 0, message))

    def required(self, column: str) -> str | None:
        """The cell's text; a problem when it is missing."""
        text = self.get(column)
        if text is None:
            self.problem(f"'{column}' is empty or n/a; it needs a value")
        return text

    def number(self, column: str, low: float, high: float) -> Decimal | None:
        """The cell as an exact decimal number in [low, high]; a problem otherwise."""
        text = self.required(column)
        if text is None:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            self.problem(f"'{column}' must be a number, got '{clip(text)}'")
            return None
        if not low <= value <= high:
            self.problem(f"'{column}' must be from {low:g} to {high:g}, got {text}")
            return None
        return value

    def integer(self, column: str, low: int, high: int | None = None) -> int | None:
        """The cell as a whole number in range; `3.0` reads as 3 (a spreadsheet's or
        pandas' way of saving a whole number), `3.5` does not."""
        text = self.required(column)
        if text is None:
            return None
        whole = _WHOLE.match(text)
        value = int(whole.group(1)) if whole else None
        if value is None or value < low or (high is not None and value > high):
            wanted = f"from {low} to {high}" if high is not None else f">= {low}"
            self.problem(f"'{column}' must be a whole number {wanted}, got '{clip(text)}'")
            return None
        return value

    def name(self, column: str, what: str) -> str | None:
        """A required cell that becomes a name (title, skill): visible text only, as
        careerpath's validator asks of every name; a problem otherwise."""
        text = self.required(column)
        if text is None:
            return None
        char = hidden_character(text)
        if char is not None:
            import unicodedata

            self.problem(f"{what} '{clip(text, exact=True)}' contains U+{ord(char):04X} "
                         f"({unicodedata.name(char, 'a control character')}), which cannot "
                         "be seen or reorders text; names must be plain visible text")
            return None
        return text


class Table:
    """A table's header and rows. `name` is how the file is named in messages."""

    def __init__(self, name: str, header: list[str], problems: list[Problem]) -> None:
        self.name = name
        self.header = header
        self.index = {column: i for i, column in reversed(list(enumerate(header)))}
        self.rows: list[Row] = []
        self.rejected: list[list[str]] = []  # the cells of rows left out for their column count
        self.problems = problems

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def read_table(path: Path, name: str, required_columns: tuple[str, ...],
               problems: list[Problem], *, optional: bool = False) -> Table | None:
    """Read one table; None when it cannot be used (the problem is recorded).

    An optional table that does not exist is None without a problem. Rows with
    the wrong number of cells are reported and left out.
    """
    def problem(line: int, message: str) -> None:
        problems.append(Problem(name, line, 0, message))

    data = read_data_file(path, what="an O*NET table")  # never a FIFO or /dev/zero
    if isinstance(data, FileNotFoundError):
        if not optional:
            problem(1, "file not found; it is required (is this an unzipped O*NET text release?)")
        return None
    if isinstance(data, OSError):
        problem(1, f"cannot read the file: {data.strerror}")
        return None
    text = _decode(data, name, problems)
    if text is None:
        return None
    if "\r" in text and "\n" not in text:  # classic Mac OS line ends: CR alone
        text = text.replace("\r", "\n")
    lines = text.split("\n")
    header = [cell.strip() for cell in lines[0].rstrip("\r").split("\t")]
    if not lines[0].strip():
        problem(1, "the file has no header row")
        return None
    missing = [column for column in required_columns if column not in header]
    if missing:
        listing = ", ".join(f"'{column}'" for column in missing)
        problem(1, f"missing column{'s' if len(missing) > 1 else ''} {listing} in the header row")
        return None
    table = Table(name, header, problems)
    width = len(header)
    for number, line in enumerate(lines[1:], start=2):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != width:
            problem(number, f"{plural(len(cells), 'column')} where the header has {width}")
            table.rejected.append(cells)
            continue
        table.rows.append(Row(table, number, cells))
    return table


def _decode(data: bytes, name: str, problems: list[Problem]) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(Problem(name, line, 0, f"invalid UTF-8 (byte 0x{data[error.start]:02x}); "
                                "the file must be saved as UTF-8"))
        return None

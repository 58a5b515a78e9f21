"""O*NET occupations by code, and how the other files' rows name them."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from careerpath.importers import onet_meta as meta
from careerpath.importers.tsv import Row, Table, clip
from careerpath.model import normal_name


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


class Occupations(dict[str, Occupation]):
    """Occupations by code, and the codes of Occupation Data rows that were refused:
    rows elsewhere naming one of those are not reported again as unknown codes."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: set[str] = set()


def read_occupations(table: Table | None) -> Occupations:
    occupations = Occupations()
    titles: dict[str, int] = {}
    for cells in table.rejected if table is not None else ():
        occupations.refused.add(cells[0].strip())
    occupations.refused.discard("")
    for row in table or ():
        code, title = code_in(row, meta.CODE), row.name("Title", "title")
        if code is None or title is None:
            if code is not None:
                occupations.refused.add(code)
            continue
        if code in occupations:
            row.problem(f"duplicate O*NET-SOC code {code} (first at line {occupations[code].line})")
            continue
        folded = normal_name(title)  # the name rule: titles must be typeable apart
        if folded in titles:
            row.problem(f"duplicate title '{clip(title)}' (first at line {titles[folded]})")
            occupations.refused.add(code)
            continue
        titles[folded] = row.line
        occupations[code] = Occupation(code, title, row.get("Description"), row.line)
    return occupations


def code_in(row: Row, column: str) -> str | None:
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


def known(row: Row, column: str, occupations: Occupations) -> Occupation | None:
    known = occupations.get(row.get(column) or "")
    if known is not None:  # the common case, without checking the code's form again
        return known
    if (row.get(column) or "") in occupations.refused:  # its own row is reported already
        return None
    code = code_in(row, column)
    if code is None:
        return None
    occupation = occupations.get(code)
    if occupation is None and occupations:
        row.problem(f"unknown O*NET-SOC code {code} (not in Occupation Data.txt)")
    return occupation

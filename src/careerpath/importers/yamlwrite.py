"""Write a dataset as the two YAML files careerpath reads.

Every string is written double-quoted with JSON's escapes (a subset of YAML's),
so no text is ever read back as another type (`yes`, `010`, `1:30`, `~`), and
every character YAML does not allow raw — control characters, and the line
breaks only YAML 1.1 knows (U+0085, U+2028, U+2029) — is written as an escape.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from careerpath.model import Progression, Role, Years

# Characters written raw: YAML's printable set, minus its extra line breaks and the BOM.
_NOT_RAW = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                      "\U00010000-\U0010ffff]")


def quote(text: str) -> str:
    """`text` as a double-quoted YAML scalar that reads back as exactly `text`."""
    return _NOT_RAW.sub(_escape, json.dumps(text, ensure_ascii=False))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _comment(text: str) -> str:
    """Comment text kept to printable ASCII: a comment has no escapes."""
    return "".join(c if " " <= c <= "~" else "?" for c in text)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _years(years: Years) -> str:
    if years.min == years.max:
        return _number(years.min)
    return f"[{_number(years.min)}, {_number(years.max)}]"


def _texts(lines: list[str], indent: str, key: str, values: Sequence[str]) -> None:
    if values:
        lines.append(f"{indent}{key}:")
        lines.extend(f"{indent}  - {quote(value)}" for value in values)


def _source(lines: list[str], indent: str, value: Any) -> None:
    """A role's or move's `source`: free text, or (newer format) a tuple of source ids."""
    if isinstance(value, str) or len(value) == 1:
        lines.append(f"{indent}source: {quote(value if isinstance(value, str) else value[0])}")
    elif value:
        _texts(lines, indent, "source", list(value))


def role_lines(role: Role) -> list[str]:
    lines = [f"  - id: {quote(role.id)}", f"    title: {quote(role.title)}",
             f"    level: {int(role.level)}"]
    _texts(lines, "    ", "aliases", role.aliases)
    for key in ("track", "summary"):
        value = getattr(role, key)
        if value is not None:
            lines.append(f"    {key}: {quote(value)}")
    _texts(lines, "    ", "responsibilities", role.responsibilities)
    if role.activities:
        lines.append("    activities:")
        for level, activities in role.activities.items():
            _texts(lines, "      ", level, activities)
    if role.skills:
        lines.append("    skills:")
        lines.extend(f"      {quote(name)}: {int(level)}" for name, level in role.skills.items())
    if role.specialization_of is not None:
        lines.append(f"    specialization_of: {quote(role.specialization_of)}")
    _texts(lines, "    ", "outcomes", role.outcomes)
    _source(lines, "    ", role.source)
    if getattr(role, "modelled", False):
        lines.append("    modelled: true")
    return lines


def progression_lines(move: Progression) -> list[str]:
    lines = [f"  - from: {quote(move.source_id)}", f"    to: {quote(move.target_id)}",
             f"    kind: {quote(move.kind)}"]
    if move.years is not None:
        lines.append(f"    years: {_years(move.years)}")
    if move.note is not None:
        lines.append(f"    note: {quote(move.note)}")
    _source(lines, "    ", move.source)
    if getattr(move, "modelled", False):
        lines.append("    modelled: true")
    return lines


def _mapping(lines: list[str], key: str, values: Mapping[str, str | None], first: str) -> None:
    """`key:` then its non-empty text entries; `first` opens a list item when given."""
    shown = [(name, value) for name, value in values.items() if value is not None]
    for number, (name, value) in enumerate(shown):
        prefix = first if number == 0 else " " * len(first)
        lines.append(f"{key}{prefix}{name}: {quote(value)}")


def dataset_texts(roles: Sequence[Role], progressions: Sequence[Progression], *,
                  header: str = "", framework: Mapping[str, str | None] | None = None,
                  sources: Sequence[Mapping[str, str | None]] = ()) -> tuple[str, str]:
    """The text of roles.yaml and progressions.yaml for these roles and moves.

    `framework` and `sources` are the dataset-level keys of roles.yaml (see
    docs/README-import.md); `header` is a comment put at the top of both files.
    """
    top = [f"# {_comment(line)}".rstrip() for line in header.splitlines()]
    lines = list(top)
    if framework:
        lines.append("framework:")
        _mapping(lines, "", framework, "  ")
    if sources:
        lines.append("sources:")
        for source in sources:
            _mapping(lines, "", source, "  - ")
    lines.append("roles:")
    for role in roles:
        lines.extend(role_lines(role))
    moves = [*top, "progressions:" if progressions else "progressions: []"]
    for move in progressions:
        moves.extend(progression_lines(move))
    return "\n".join(lines) + "\n", "\n".join(moves) + "\n"

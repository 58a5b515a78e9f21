"""Escaping data text for each text format, so data is always shown as text."""

from __future__ import annotations

import re

from careerpath.textsafe import one_line

# CommonMark: any ASCII punctuation may be backslash-escaped. These matter
# anywhere in a line (emphasis, code, links, HTML, entities, tables, math).
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>&|~$])")
# These matter only where a block starts: headings, lists, quotes, rules.
_MD_LINE_START = re.compile(r"^(\s*)([#+\-=>]|\d+(?=[.)]))")
# GFM turns bare URLs into links; break the patterns it looks for.
_MD_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=\bwww)(\.)")


def markdown(text: str | None) -> str:
    """One line of Markdown that shows `text` literally: no HTML, links or markup."""
    if not text:
        return ""
    line = _MD_ANYWHERE.sub(r"\\\1", one_line(text))
    line = _MD_AUTOLINK.sub(lambda m: "\\" + (m.group(1) or m.group(2)), line)
    return _MD_LINE_START.sub(lambda m: m.group(1) + _escape_start(m.group(2)), line)


def _escape_start(marker: str) -> str:
    return marker + "\\" if marker.isdigit() else "\\" + marker


def mermaid(text: str) -> str:
    """A mermaid label body: everything but letters, digits and spaces as #code; entities."""
    return "".join(ch if ch.isalnum() or ch == " " else f"#{ord(ch)};" for ch in one_line(text))


def dot(text: str) -> str:
    """A Graphviz double-quoted string, quotes included."""
    return f'"{_dot_inner(text)}"'


def dot_lines(lines: list[str]) -> str:
    """A Graphviz label of several centred lines (joined with DOT's own `\\n`)."""
    return '"' + "\\n".join(_dot_inner(line) for line in lines) + '"'


def _dot_inner(text: str) -> str:
    return one_line(text).replace("\\", "\\\\").replace('"', '\\"')


# OWASP "CSV Injection": a spreadsheet reads a cell starting with one of these
# as a formula (=HYPERLINK(...), +cmd|..., @SUM(...)), or after a tab or CR.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A text cell a spreadsheet shows as text: a leading formula character gets a `'`.

    Only for text from the data: the numbers careerpath writes (levels, steps,
    years) are ints and floats, never passed here, so `-1` stays a number.
    A text cell like `-5` is changed to `'-5` too: it is text in the data.
    """
    return "'" + text if text.startswith(_FORMULA_START) else text

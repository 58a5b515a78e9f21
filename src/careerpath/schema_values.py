"""Check one YAML value (text, a number, a name, a mapping's keys) and report what
is wrong with it at its own line and column; schema.py builds records from these.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from careerpath.textsafe import BIDI, INVISIBLE, escape_char
from careerpath.yamlread import Mapping, Node, Scalar, Sequence

Report = Callable[[Node, str], None]

# Numbers as a person writes them: no leading zero on an integer part of two
# digits or more, no sign but '-', no '_', ':', base prefixes.
_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?\Z"
                           r"|-?[0-9]*\.[0-9]+(?:[eE][-+]?[0-9]+)?\Z")


def shown(node: Node) -> str:
    """How a wrong value is named in a message: its YAML type and its text as written."""
    if isinstance(node, Sequence):
        return "a list"
    if isinstance(node, Mapping):
        return "a mapping"
    value = node.value
    if value is None:
        return "nothing (null)"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        kind = "a boolean"
    elif isinstance(value, int):
        kind = "an integer"
    elif isinstance(value, float):
        kind = "a number"
    else:
        kind = "a date"
    return f"{kind} ({node.text})"


class Fields:
    """The entries of a mapping node by key; duplicate and unknown keys are reported."""

    def __init__(self, node: Node, allowed: tuple[str, ...], what: str, report: Report) -> None:
        self.report = report
        self.values: dict[str, Node] = {}
        self.node = node
        if not isinstance(node, Mapping):
            report(node, f"{what} must be a mapping of keys to values, got {shown(node)}")
            return
        first_seen: dict[str, Scalar] = {}
        for key, value in node.items:
            name = key.value if isinstance(key.value, str) else key.text
            if name in first_seen:
                report(key, f"duplicate key '{name}' in {what} (first at line {first_seen[name].line})")
                continue
            first_seen[name] = key
            if name not in allowed:
                close = difflib.get_close_matches(name, allowed, n=1)
                hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(allowed)
                report(key, f"unknown key '{name}' in {what}; {hint}")
                continue
            self.values[name] = value

    def text(self, key: str, *, required: bool = False) -> str | None:
        node = self.values.get(key)
        if node is None:
            if required and isinstance(self.node, Mapping):
                self.report(self.node, f"missing required key '{key}'")
            return None
        return read_text(node, key, self.report)

    def texts(self, key: str) -> tuple[str, ...]:
        node = self.values.get(key)
        return () if node is None else read_texts(node, key, self.report)

    def sources(self) -> tuple[str, ...]:
        """`source`: one source id (or free text), or a list of them."""
        node = self.values.get("source")
        if node is None:
            return ()
        if isinstance(node, Sequence):
            return read_texts(node, "source", self.report)
        single = read_text(node, "source", self.report)
        return () if single is None else (single,)

    def flag(self, key: str) -> bool:
        node = self.values.get(key)
        if node is None:
            return False
        if isinstance(node, Scalar) and isinstance(node.value, bool):
            return node.value
        self.report(node, f"{key} must be true or false, got {shown(node)}")
        return False


def read_text(node: Node, what: str, report: Report) -> str | None:
    if isinstance(node, Scalar) and isinstance(node.value, str):
        if node.value.strip():
            return node.value
        report(node, f"{what} must not be empty")
        return None
    hint = "; put it in quotes" if isinstance(node, Scalar) and node.value is not None else ""
    report(node, f"{what} must be text, got {shown(node)}{hint}")
    return None


def read_texts(node: Node, what: str, report: Report) -> tuple[str, ...]:
    if not isinstance(node, Sequence):
        report(node, f"{what} must be a list of text, got {shown(node)}")
        return ()
    texts = all_texts(node.items)
    if texts is not None:
        return texts
    values = (read_text(item, f"each item of {what}", report) for item in node.items)
    return tuple(value for value in values if value is not None)


def all_texts(items: list[Node]) -> tuple[str, ...] | None:
    """The values of `items` when every one is non-blank text (as nearly always),
    found with C loops; None when read_text must look at them one by one."""
    try:
        values = tuple([item.value for item in items])  # type: ignore[union-attr]
    except AttributeError:  # a list or mapping among them
        return None
    if set(map(type, values)) <= {str} and all(map(str.strip, values)):
        return values
    return None


def odd_number(node: Node, what: str, report: Report) -> bool:
    """Report a number YAML 1.1 reads from a form other than plain decimal.

    `010` is 8 (octal), `0x10` 16, `0b11` 3, `1_0` 10 and `1:30` 90 (base 60):
    the value silently differs from what the writer most likely meant.
    """
    if not isinstance(node, Scalar):
        return False
    text = node.text
    if text.isdigit() and text.isascii() and (text[0] != "0" or len(text) == 1):
        return False  # plain digits, as most numbers are: no pattern to match
    if isinstance(node.value, bool) or not isinstance(node.value, (int, float)) or \
            text == "" or _PLAIN_NUMBER.match(text):
        return False
    value = node.value
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    report(node, f"{what} '{node.text}' is not a plain decimal number: YAML 1.1 reads it as "
           f"{shown} ({_why_odd(node.text)}); write it in plain decimal digits")
    return True


def _why_odd(text: str) -> str:
    bare = text.lstrip("+-")
    for prefix, why in (("0x", "hexadecimal"), ("0b", "binary"), ("0o", "octal")):
        if bare.lower().startswith(prefix):
            return why
    if ":" in text:
        return "base 60"
    if "_" in text:
        return "'_' is dropped"
    if text.startswith("+"):
        return "a '+' sign"
    if bare.startswith("0") and bare[1:2].isdigit():
        return "octal: it starts with 0"
    return "a special value"


def read_int(node: Node, what: str, low: int, high: int | None, report: Report) -> int | None:
    value = node.value if isinstance(node, Scalar) else None
    if odd_number(node, what, report):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= low and (
        high is None or value <= high
    ):
        return value
    wanted = f"an integer from {low} to {high}" if high else f"an integer >= {low}"
    report(node, f"{what} must be {wanted}, got {shown(node)}")
    return None


# Characters a name must not hold: controls, line separators, bidi controls,
# invisible characters (see textsafe), and more that show nothing: the
# combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian
# and other variation selectors, the blank Braille pattern. With them, two names
# that look the same are different, and one role could pass itself off as another.
_HIDDEN_IN_NAMES = re.compile(
    f"[\x00-\x1f\x7f-\x9f\u2028\u2029{BIDI}{INVISIBLE}\u034f\u115f\u1160\u17b4\u17b5"
    "\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]")


def hidden_character(text: str) -> str | None:
    """The first character of `text` that cannot be seen or reorders what is seen."""
    if text.isascii() and text.isprintable():  # in ASCII only the controls are hidden
        return None
    found = _HIDDEN_IN_NAMES.search(text)
    if found:
        return found.group()
    if not text.isascii():
        import unicodedata

        for char in text:  # any other format character (Unicode category Cf)
            if unicodedata.category(char) == "Cf":
                return char
    return None


def check_name(node: Node | None, what: str, report: Report) -> None:
    """Refuse a name (title, alias, skill) holding an invisible or bidi control character."""
    if not isinstance(node, Scalar) or not isinstance(node.value, str):
        return
    char = hidden_character(node.value)
    if char is not None:
        import unicodedata

        name = unicodedata.name(char, "a control character")
        shown = "".join(escape_char(c) if hidden_character(c) else c for c in node.value)
        report(node, f"{what} '{shown}' contains U+{ord(char):04X} ({name}), which "
               "cannot be seen or reorders text; names must be plain visible text")

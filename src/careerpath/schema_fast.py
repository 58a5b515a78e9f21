"""A role written as most are, read without the general reader.

A large dataset's roles are nearly all alike: known keys once each, text where
text belongs, a level in plain digits. `simple_role` reads such a role with
few function calls; for anything else, or anything it would have to report,
it returns None and `schema.read_role` reads the role with every rule and
message. tests/test_fast_paths.py checks that the two agree.
"""

from __future__ import annotations

from sys import intern
from typing import Any

from careerpath.model import Role
from careerpath.schema import (
    ID_PATTERN,
    ROLE_KEYS,
    read_skills,
)
from careerpath.schema_values import (
    Fields,
    Report,
    all_texts,
    hidden_character,
)
from careerpath.yamlread import Mapping, Node, Scalar, Sequence

_KEYS = frozenset(ROLE_KEYS)
_TEXTS = ("track", "summary", "specialization_of")
_LISTS = ("responsibilities", "outcomes")
_MISSING: Any = object()  # what a helper returns for a value it cannot read simply


def simple_role(node: Node, report: Report) -> tuple[Role, Fields] | None:
    """read_role's answer for a role with nothing unusual in it; None otherwise."""
    values = known_once(node, _KEYS)
    if values is None:
        return None
    role_id, title = _text(values.get("id")), _text(values.get("title"))
    level = values.get("level")
    if role_id is None or title is None or not ID_PATTERN.match(role_id) or \
            hidden_character(title) or type(level) is not Scalar or \
            type(level.value) is not int or level.value < 1 or not _digits(level.text):
        return None
    if "activities" in values:
        return None  # rare: the general reader
    aliases = _list(values.get("aliases"))
    texts = [_text(values.get(key), optional=True) for key in _TEXTS]
    lists = [_list(values.get(key)) for key in _LISTS]
    source = _sources(values.get("source"))
    modelled = _flag(values.get("modelled"))
    skills = _skills(values.get("skills"))
    if _MISSING in (aliases, *texts, *lists, source, modelled, skills) or \
            any(map(hidden_character, aliases)):
        return None
    track, summary, parent = texts
    role = Role.from_values((intern(role_id), title, level.value, aliases, track, summary,
                             lists[0], {}, skills, parent, lists[1], source, modelled))
    fields = Fields.__new__(Fields)
    fields.report, fields.values, fields.node = report, values, node
    return role, fields


def known_once(node: Node, keys: frozenset[str]) -> dict[str, Node] | None:
    """A mapping's values by key when every key is one of `keys`, once; else None."""
    if type(node) is not Mapping:
        return None
    values: dict[str, Node] = {}
    for key, value in node.items:
        name = key.value
        if name not in keys or name in values:
            return None
        values[name] = value
    return values


def _text(node: Node | None, optional: bool = False) -> Any:
    """Non-blank text; None when absent (`optional`); otherwise _MISSING (or None
    for a required key, which fails the role's check above)."""
    if node is None:
        return None
    value = getattr(node, "value", None)
    if type(value) is str and value.strip():
        return value
    return _MISSING if optional else None


def _list(node: Node | None) -> Any:
    if node is None:
        return ()
    texts = all_texts(node.items) if type(node) is Sequence else None
    return _MISSING if texts is None else texts


def _sources(node: Node | None) -> Any:
    if type(node) is Sequence:
        return _list(node)
    single = _text(node, optional=True)
    return () if single is None else single if single is _MISSING else (single,)


def _flag(node: Node | None) -> Any:
    if node is None:
        return False
    value = getattr(node, "value", None)
    return value if type(value) is bool else _MISSING


def _skills(node: Node | None) -> Any:
    if node is None:
        return {}
    if type(node) is not Mapping:
        return _MISSING
    problems: list[str] = []
    skills = read_skills(node, lambda _, message: problems.append(message))
    return _MISSING if problems else skills


def _digits(text: str) -> bool:
    """Plain decimal digits, as YAML 1.1 reads them (no leading zero: octal)."""
    return text.isascii() and text.isdigit() and (text[0] != "0" or len(text) == 1)

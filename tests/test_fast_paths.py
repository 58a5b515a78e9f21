"""Validation's fast paths give exactly what their one-by-one references give."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from careerpath.model import normal_name, normal_unicode_name
from careerpath.schema import read_skill, read_skills
from careerpath.schema_values import read_text, read_texts
from careerpath.yamlread import Mapping, Node, Sequence, read_yaml

NAMES = ["Skill A", "skill a", "SKILL_A", "", " ", "a\x07b", "tab\there", "Café", "x\u200by",
         "Ｓkill", "b", "\x7f", "~"]
PLAIN_KEYS = ["1", "yes", "null", "3.5", "b", "B"]
VALUES = ["1", "5", "0", "6", "05", "+3", "3.0", "yes", "null", "x", "0x3", "[1]", "'3'",
          "{a: 1}", "1_0", "2", "4"]


def _parsed(text: str) -> Node:
    root, problems = read_yaml(text.encode("utf-8"), "t.yaml")
    assert not problems and root is not None, problems
    return root


def _reports() -> tuple[list[tuple[int, int, str]], Any]:
    found: list[tuple[int, int, str]] = []
    return found, lambda node, message: found.append((node.line, node.column, message))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.sampled_from(NAMES).map(json.dumps),
                                    st.sampled_from(PLAIN_KEYS)),
                          st.sampled_from(VALUES)), max_size=8))
def test_read_skills_is_read_skill_for_each_entry(entries: list[tuple[str, str]]) -> None:
    lines = "".join(f"  {name}: {value}\n" for name, value in entries)
    root = _parsed("skills:\n" + lines if entries else "skills: {}\n")
    assert isinstance(root, Mapping)
    node = root.items[0][1]
    fast, report = _reports()
    skills = read_skills(node, report)
    slow, slow_report = _reports()
    expected: dict[str, int] = {}
    seen: dict[str, Any] = {}
    for key, value in getattr(node, "items", []):
        read_skill(key, value, seen, expected, slow_report, str.casefold)
    assert (skills, fast) == (expected, slow)
    assert list(skills) == list(expected)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(NAMES).map(json.dumps), st.sampled_from(VALUES)),
                max_size=6))
def test_read_texts_is_read_text_for_each_item(items: list[str]) -> None:
    root = _parsed("list:\n" + "".join(f"  - {item}\n" for item in items) if items
                   else "list: []\n")
    node = root.items[0][1]  # type: ignore[union-attr]
    assert isinstance(node, Sequence)
    fast, report = _reports()
    texts = read_texts(node, "things", report)
    slow, slow_report = _reports()
    one_by_one = [read_text(item, "each item of things", slow_report) for item in node.items]
    assert (texts, fast) == (tuple(text for text in one_by_one if text is not None), slow)


@settings(max_examples=500)
@given(st.text(st.characters(max_codepoint=127)))
def test_ascii_names_fold_as_unicode_names_do(name: str) -> None:
    assert normal_name(name) == normal_unicode_name(name)


MOVE_KEYS = ["from", "to", "kind", "years", "note", "frm", "yes", "1"]
MOVE_VALUES = ["a", "b", "''", "' '", "promotion", "lateral", "sideways", "3", "0", "03",
               "1000000", "999999", "2.5", "-1", "yes", "null", "[1, 3]", "[3, 1]", "[2, 2]",
               "[1]", "[1, 2, 3]", "[0x3, 4]", "[1, 1_0]", "{a: 1}", "[a, b]", "1e3"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.sampled_from(["kind", "years"]),
                                    st.sampled_from(MOVE_KEYS)),
                          st.sampled_from(MOVE_VALUES)), max_size=4),
       st.booleans())
def test_simple_move_records_are_the_checked_ones(entries: list[tuple[str, str]],
                                                  plain_from_to: bool) -> None:
    from careerpath.validate_moves import checked_record, simple_record

    if plain_from_to:  # most moves: give the fast path something to accept
        entries = [("from", "a"), ("to", "b"), *entries]
    text = "{" + ", ".join(f"{key}: {value}" for key, value in entries) + "}"
    item = _parsed(f"- {text}\n").items[0]  # type: ignore[union-attr]
    fast = simple_record(item, {})
    found, report = _reports()
    checked = checked_record(item, report, {})
    if fast is not None:
        assert fast == checked
        assert found == []
        assert [type(number) for number in fast[0][3] or ()] == \
            [type(number) for number in checked[0][3] or ()]


def test_the_usual_moves_take_the_fast_path() -> None:
    from careerpath.validate_moves import simple_record

    for text in ("{from: a, to: b}", "{from: a, to: b, kind: lateral, years: [1, 3]}",
                 "{to: b, years: 2, from: a}"):
        item = _parsed(f"- {text}\n").items[0]  # type: ignore[union-attr]
        assert simple_record(item, {}) is not None, text


ROLE_ENTRIES = {
    "id": ["a", "b-2", "Bad", "''", "[a]", "1"],
    "title": ["Alpha", "' '", "\"a\\u200bb\"", "[x]", "null"],
    "level": ["1", "3", "0", "03", "-1", "2.0", "yes", "0x2"],
    "aliases": ["[al]", "[al, be]", "[\"x\\u202ey\"]", "['']", "al", "[[a]]", "[]"],
    "track": ["t", "''", "[t]", "1"],
    "summary": ["s", "null"],
    "responsibilities": ["[r1, r2]", "r", "[r, 1]"],
    "activities": ["{entry: [x]}"],
    "skills": ["{A: 1, b: 5}", "{A: 1, a: 2}", "{A: 6}", "{A: 03}", "[A]", "{}"],
    "specialization_of": ["a", "''"],
    "outcomes": ["[o]", "o"],
    "source": ["s", "[s, t]", "''", "[s, '']", "{a: 1}"],
    "modelled": ["true", "false", "yes", "1", "'true'"],
    "lvl": ["1"],
}


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(sorted(ROLE_ENTRIES)).flatmap(
    lambda key: st.sampled_from(ROLE_ENTRIES[key]).map(lambda value: (key, value))),
    max_size=6), st.booleans())
@example([("aliases", ROLE_ENTRIES["aliases"][2])], True)
@example([("title", ROLE_ENTRIES["title"][2])], True)
def test_simple_roles_are_the_checked_ones(entries: list[tuple[str, str]],
                                           complete: bool) -> None:
    from careerpath.schema import read_role
    from careerpath.schema_fast import simple_role

    # most roles are complete: give the fast path something to accept
    mapping = {"id": "a", "title": "Alpha", "level": "2"} if complete else {}
    mapping.update(entries)
    text = "{" + ", ".join(f"{key}: {value}" for key, value in mapping.items()) + "}"
    item = _parsed(f"- {text}\n").items[0]  # type: ignore[union-attr]
    fast_found, fast_report = _reports()
    fast = simple_role(item, fast_report)
    found, report = _reports()
    role, fields = read_role(item, report)
    assert fast_found == []
    if fast is not None:
        assert found == []
        assert fast[0] == role
        assert fast[1].values == fields.values and fast[1].node is fields.node
        assert [type(value) for value in vars(fast[0]).values()] == \
            [type(value) for value in vars(role).values()]


def test_the_usual_roles_take_the_fast_path() -> None:
    from careerpath.schema_fast import simple_role

    for text in ("{id: a, title: Alpha, level: 2}",
                 "{id: a, title: Alpha, level: 2, aliases: [al], track: t, summary: s, "
                 "responsibilities: [r], skills: {A: 1}, specialization_of: b, outcomes: [o], "
                 "source: [s], modelled: true}"):
        item = _parsed(f"- {text}\n").items[0]  # type: ignore[union-attr]
        assert simple_role(item, _reports()[1]) is not None, text
    twice = _parsed("- {id: a, title: Alpha, level: 2, level: 2}\n").items[0]  # type: ignore[union-attr]
    assert simple_role(twice, _reports()[1]) is None


MOVE_EXTRAS = ["", ", years: 2", ", years: [1, 3]", ", note: n", ", source: [s]", ", source: t",
               ", years: x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(1, 4), min_size=1, max_size=6),
       st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6), st.booleans(),
                          st.sampled_from(MOVE_EXTRAS)), max_size=8),
       st.booleans())
@example([1, 2, 3], [(0, 1, False, ", years: [1, 3]"), (1, 2, False, ", years: 2"),
                     (2, 0, True, "")], False)
@example([1, 2], [(0, 1, False, ", source: t"), (1, 0, True, ", source: [s]")], True)
def test_moves_checked_as_columns_are_the_moves_checked_one_by_one(
        levels: list[int], moves: list[tuple[int, int, bool, str]], listed: bool) -> None:
    import pytest

    from careerpath import validate_moves
    from careerpath.model import GraphIndex
    from careerpath.validate import check

    roles = ("sources:\n  - {id: s, title: S}\n" if listed else "") + "roles:\n" + "".join(
        f"  - {{id: r{n}, title: Role {n}, level: {level}}}\n" for n, level in enumerate(levels))
    lines = "".join(f"  - {{from: r{a}, to: r{b}{', kind: lateral' if side else ''}{extra}}}\n"
                    for a, b, side, extra in moves)
    contents: list[bytes | OSError] = [roles.encode(), f"progressions:\n{lines}".encode()
                                       if moves else b"progressions: []\n"]
    columns = check("roles.yaml", "progressions.yaml", contents, "here")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(validate_moves, "summary", lambda records: None)
        one_by_one = check("roles.yaml", "progressions.yaml", contents, "here")
    assert columns == one_by_one
    dataset = columns[0]
    if dataset is not None:
        made = vars(dataset.index)
        built = vars(GraphIndex.build(dataset.roles, dataset.progressions))
        assert made == built


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=4), inner, max_size=4), max_leaves=12)


@settings(max_examples=300)
@given(JSON_VALUES)
def test_role_blobs_are_written_as_the_json_encoder_writes_them(value: Any) -> None:
    from careerpath import cache_entry

    assert cache_entry._blob_dumper()(value) == cache_entry._dump(value)


def test_moves_made_on_demand_act_as_the_tuple_they_stand_for() -> None:
    from careerpath.model import Progression, Years
    from careerpath.moves_columns import ValueMoves

    values = [("a", "b", "promotion", (1.0, 3.0), None, (), False),
              ("b", "c", "lateral", None, "a note", ("s",), True),
              ("c", "d", "promotion", (1.0, 3.0), None, (), False)]
    moves = ValueMoves(values, [value[3] for value in values])
    expected = tuple(Progression(*value[:3], None if value[3] is None else Years(*value[3]),
                                 *value[4:]) for value in values)
    assert len(moves) == 3 and list(moves) == list(expected)
    assert moves == expected and expected == moves and moves != expected[:2]
    assert moves[-1] == expected[-1] and moves[1:] == expected[1:] and moves[::-1] == expected[::-1]
    assert moves[0].years is moves[2].years  # one Years for each range
    with pytest.raises(IndexError):
        moves[3]
    assert moves.extras() == {"1": ["a note", ["s"], True]}
    with pytest.raises(TypeError):
        hash(moves)

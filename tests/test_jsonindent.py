"""The fast indented JSON writer writes exactly what json.dumps(indent=2) writes."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.render import jsonindent

SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
           | st.text())
VALUES = st.recursive(SCALARS, lambda inner: (
    st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text() | st.integers() | st.floats() | st.booleans() | st.none(),
                      inner, max_size=4)), max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(VALUES)
def test_the_same_text_as_json_dumps(value: Any) -> None:
    assert jsonindent.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


class Pair(NamedTuple):
    name: str
    level: int


def test_subclasses_and_edge_values_as_json_dumps_writes_them() -> None:
    value = {"pair": Pair("SQL", 3), "empty": [{}, [], ""], "inf": [float("inf"), -1e308 * 10],
             "text": "line\nbreak \"quoted\" \u2028 \x7f é", 1: None, 2.5: True, None: False}
    assert jsonindent.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_what_json_dumps_refuses_is_refused() -> None:
    with pytest.raises(TypeError):
        jsonindent.dumps({"a": object()})
    with pytest.raises(TypeError):
        jsonindent.dumps({(1, 2): "tuple key"})

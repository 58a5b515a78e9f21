"""careerpath.frozen.dataclass behaves as dataclasses.dataclass(frozen=True) does."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from careerpath import frozen
from careerpath.model import Role, Years


def _pair() -> tuple[Any, Any]:
    def body() -> dict[str, Any]:
        return {"__annotations__": {"name": "str", "level": "int", "tags": "tuple[str, ...]",
                                    "extra": "dict[str, int]"},
                "level": 1, "tags": (), "extra": dataclasses.field(default_factory=dict)}
    standard = dataclasses.dataclass(frozen=True)(type("Thing", (), body()))
    ours = frozen.dataclass(frozen=True)(type("Thing", (), body()))
    return standard, ours


CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    (("a",), {}), (("a", 2), {}), (("a",), {"tags": ("x",)}), ((), {"name": "b", "level": 3}),
    (("a", 2, ("t",), {"k": 1}), {}),
]
BAD_CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    ((), {}), (("a", 2, (), {}, 5), {}), (("a",), {"name": "b"}), (("a",), {"colour": 1}),
]


@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_made_values_match_the_standard_ones(args: tuple[Any, ...], kwargs: dict[str, Any]
                                             ) -> None:
    standard, ours = _pair()
    theirs, mine = standard(*args, **kwargs), ours(*args, **kwargs)
    assert repr(mine) == repr(theirs)
    assert vars(mine) == vars(theirs) and list(vars(mine)) == list(vars(theirs))
    assert mine == ours(*args, **kwargs) and mine != theirs  # another class: not equal
    assert (mine == ours("other")) == (theirs == standard("other"))
    if not mine.extra:
        assert hash(dataclasses.replace(mine, extra=None)) == \
            hash(dataclasses.replace(theirs, extra=None))
    assert [f.name for f in dataclasses.fields(mine)] == [f.name for f in dataclasses.fields(theirs)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        mine.name = "changed"
    with pytest.raises(dataclasses.FrozenInstanceError):
        del mine.name
    assert dataclasses.replace(mine, level=9).level == 9


@pytest.mark.parametrize(("args", "kwargs"), BAD_CALLS)
def test_wrong_arguments_are_refused_as_by_the_standard_ones(
        args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    standard, ours = _pair()
    with pytest.raises(TypeError):
        standard(*args, **kwargs)
    with pytest.raises(TypeError):
        ours(*args, **kwargs)


def test_a_default_factory_makes_a_new_value_each_time() -> None:
    _, ours = _pair()
    assert ours("a").extra is not ours("a").extra


def test_the_models_classes_are_made_so() -> None:
    years = Years(1, 2)
    assert repr(years) == "Years(min=1, max=2)" and hash(years) == hash((1, 2))
    assert Role("a", "A", 1).skills == {} and Role("a", "A", 1) == Role("a", "A", 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        years.min = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        frozen.dataclass(frozen=False)

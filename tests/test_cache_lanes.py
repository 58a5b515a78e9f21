"""cache_check's bulk checks of the move columns agree with their plain definitions."""

import math
from array import array

from hypothesis import given
from hypothesis import strategies as st

from careerpath.cache_check import _Lanes, _years_ok
from careerpath.model import NO_YEARS

INT32 = st.integers(-(2**31), 2**31 - 1)
# Numbers near the edges the lane arithmetic turns on, as well as any int32.
NEAR_EDGES = st.one_of(INT32, st.integers(-3, 3), st.sampled_from(
    [2**31 - 1, -(2**31), 2**30, 2**31 - 2, -(2**31) + 1, 0xFFFF, 0x10000]))


def column(numbers: list[int]) -> memoryview:
    return memoryview(array("i", numbers))


@given(st.lists(NEAR_EDGES, min_size=1, max_size=40),
       st.one_of(st.integers(1, 8), st.sampled_from([2**31 - 1, 2**30, 2**16, 2**31,
                                                          2**40])))
def test_below_is_every_number_in_range(numbers: list[int], bound: int) -> None:
    for near in (bound - 1, bound, -1):  # also the numbers at the bound itself
        for place in (0, len(numbers) - 1):
            changed = numbers.copy()
            if -(2**31) <= near < 2**31:
                changed[place] = near
            expected = all(0 <= number < bound for number in changed)
            assert _Lanes(len(changed)).below(column(changed), bound) == expected


@given(st.lists(st.tuples(NEAR_EDGES, NEAR_EDGES, st.booleans()), min_size=1, max_size=40))
def test_differ_is_no_place_holding_the_same_number(rows: list[tuple[int, int, bool]]) -> None:
    first = [a for a, _, _ in rows]
    second = [a if same else b for a, b, same in rows]  # some places made equal
    expected = all(a != b for a, b in zip(first, second))
    assert _Lanes(len(rows)).differ(column(first), column(second)) == expected


def test_one_difference_anywhere_is_found() -> None:
    """A single equal place among thousands, at each end and in the middle."""
    size = 5000
    first = list(range(size))
    for place in (0, size // 2, size - 1):
        second = [number + 1 for number in first]
        second[place] = first[place]
        assert not _Lanes(size).differ(column(first), column(second))
        assert _Lanes(size).differ(column(first), column([n + 1 for n in first]))
    assert _Lanes(size).below(column(first), size)
    assert not _Lanes(size).below(column(first), size - 1)
    assert not _Lanes(size).below(column([*first[:-1], -1]), size)


def test_numbers_differing_only_in_the_top_bit_differ() -> None:
    for number in (0, 5, 2**31 - 1):
        assert _Lanes(1).differ(column([number]), column([number - 2**31]))
        assert _Lanes(3).differ(column([1, number, 2]), column([2, number - 2**31, 1]))


def years_ok_plainly(low: list[float], high: list[float]) -> bool:
    """The years rule for a cache entry's move columns, one move at a time. (Loading
    makes -0.0 into 0.0, so an entry holding it was not written by careerpath.)"""
    return all(a == b == NO_YEARS or (math.isfinite(a) and math.isfinite(b) and a <= b
                                      and math.copysign(1, a) == math.copysign(1, b) == 1)
               for a, b in zip(low, high))


# Loading allows years below 1,000,000 only; far larger finite ones (whose sum is no
# longer finite) are refused too, which no entry careerpath wrote can hold.
YEARS = st.one_of(st.floats(-2e6, 2e6), st.sampled_from(
    [NO_YEARS, -0.0, 0.0, 1.0, 2.5, 3.0, math.inf, -math.inf, math.nan, 999_999.5, 5e-324]))


@given(st.lists(st.tuples(YEARS, YEARS, st.sampled_from(["as drawn", "ordered", "none"])),
                min_size=1, max_size=30))
def test_years_ok_is_the_plain_rule(rows: list[tuple[float, float, str]]) -> None:
    low, high = [], []
    for a, b, shape in rows:  # most rows valid, so one bad row decides
        if shape == "none":
            a = b = NO_YEARS
        elif shape == "ordered" and not (math.isnan(a) or math.isnan(b)):
            a, b = sorted((abs(a), abs(b)))
        low.append(a)
        high.append(b)
    expected = years_ok_plainly(low, high)
    assert _years_ok(memoryview(array("d", low)), memoryview(array("d", high))) == expected


def test_years_paired_across_two_moves_are_refused() -> None:
    """No years on one side of one move and on the other side of another: the counts
    of NO_YEARS agree, the pairs do not."""
    for low, high in (([NO_YEARS, 0.5], [2.0, NO_YEARS]), ([0.5, NO_YEARS], [NO_YEARS, 2.0])):
        assert not _years_ok(memoryview(array("d", low)), memoryview(array("d", high)))
    assert _years_ok(memoryview(array("d", [NO_YEARS, 0.5])),
                     memoryview(array("d", [NO_YEARS, 2.0])))


def test_negative_zero_is_refused() -> None:
    for low, high in (([-0.0], [0.0]), ([0.0], [-0.0]), ([-0.0], [-0.0]), ([-0.0], [1.0])):
        assert not _years_ok(memoryview(array("d", low)), memoryview(array("d", high)))

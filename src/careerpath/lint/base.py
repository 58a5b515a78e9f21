"""What every lint rule shares: the problem it reports and what it may look at."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from careerpath.model import Dataset

if TYPE_CHECKING:
    from careerpath.lint.locate import Locator


class LintProblem(NamedTuple):
    """One problem of meaning, located at the YAML node it is about (1-based)."""

    file: str
    line: int
    column: int
    rule: str
    message: str

    def as_dict(self) -> dict[str, str | int]:
        return self._asdict()


class Place(NamedTuple):
    file: str
    line: int
    column: int


class Finding(NamedTuple):
    """What a rule yields: where, and what is wrong (the rule id is added for it)."""

    place: Place
    message: str


@dataclass(frozen=True)
class Settings:
    """A dataset's lint configuration (see `config.py`)."""

    disabled: frozenset[str] = frozenset()
    # track (or "*" for every track) -> extra terms an alias should not be
    field_terms: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    dataset: Dataset
    where: Locator
    settings: Settings


Check = Callable[[Context], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    doc: str  # one line, shown by `careerpath lint --list`
    check: Check

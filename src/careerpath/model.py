"""The data model: plain frozen dataclasses, no I/O and no terminal."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import field, fields
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same classes, without compiling generated code at every start
    from careerpath.frozen import dataclass

PROFICIENCY_LABELS = {
    1: "awareness",
    2: "foundational",
    3: "working",
    4: "practitioner",
    5: "expert",
}
EXPERIENCE_LEVELS = ("entry", "mid", "senior")
MOVE_KINDS = ("promotion", "lateral")


def normal_name(name: str) -> str:
    """How role names compare, everywhere (validation, lookup, the cache's index):
    Unicode compatibility forms (NFKC), case, dashes of any kind, underscores and spacing do
    not matter, so "Café Manager" typed in NFD, "SENIOR_manager" and
    "senior-manager" are one name."""
    if name.isascii():  # NFKC leaves ASCII alone and casefold is lower: the common case
        return " ".join(name.lower().replace("_", " ").replace("-", " ").split())
    return normal_unicode_name(name)


def normal_unicode_name(name: str) -> str:
    """normal_name for any text (its ASCII shortcut's reference)."""
    import unicodedata

    folded = unicodedata.normalize("NFKC", name).casefold()
    # casefold can undo NFKC (e.g. "ǅ"), so normalise once more after it.
    folded = unicodedata.normalize("NFKC", folded)
    # '_' and every dash (Unicode category Pd, as left by NFKC) count as spaces, so
    # "Vice\u2013President" (en dash) pasted from a document names the role "vice-president".
    for dash in "_-\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2014\u2015\u2e17" \
                "\u2e1a\u2e3a\u2e3b\u2e40\u2e5d\u301c\u3030\u30a0\U00010ead":
        if dash in folded:
            folded = folded.replace(dash, " ")
    return " ".join(folded.split())


def folded_skills(skills: Mapping[str, int]) -> dict[str, int]:
    """Skills keyed by `normal_name` (the highest level where spellings meet): how
    paths, gaps and --easiest compare skills, as validation and profiles do."""
    folded: dict[str, int] = {}
    for name, level in skills.items():
        key = normal_name(name)
        if level > folded.get(key, 0):
            folded[key] = level
    return folded


def proficiency_label(level: int) -> str:
    return PROFICIENCY_LABELS.get(level, str(level))


@dataclass(frozen=True)
class Years:
    """Typical years spent in a role before a move: a single figure or a range."""

    min: float
    max: float

    def __add__(self, other: Years) -> Years:
        # Rounded: binary fractions would make 0.1 + 0.2 years "0.30000000000000004".
        return Years(round(self.min + other.min, 9), round(self.max + other.max, 9))

    @classmethod
    def from_values(cls, values: list[float] | tuple[float, ...]) -> Years:
        return _build_from(cls, list(values))  # type: ignore[return-value]

    def as_dict(self) -> dict[str, float]:
        return {"min": _number(self.min), "max": _number(self.max)}

    def __str__(self) -> str:
        low, high = _number(self.min), _number(self.max)
        unit = "year" if high == 1 else "years"
        return f"{low} {unit}" if low == high else f"{low}–{high} {unit}"


def _number(value: float) -> float:
    """Show 3.0 as 3 in JSON and text; keep real fractions."""
    return int(value) if float(value).is_integer() else value


def _build_from(cls: type, values: list[object] | tuple[object, ...]) -> object:
    """Make a frozen dataclass from field values in order, without the per-field
    `object.__setattr__` of the generated __init__: the cache makes tens of
    thousands of these, and values read from the cache were validated before."""
    instance: Any = object.__new__(cls)
    instance.__dict__.update(zip(cls._field_names, values))  # type: ignore[attr-defined]
    return instance


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    level: int
    aliases: tuple[str, ...] = ()
    track: str | None = None
    summary: str | None = None
    responsibilities: tuple[str, ...] = ()
    # experience level ("entry", "mid", "senior") -> activities, in data order
    activities: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # skill name -> proficiency 1..5, in data order
    skills: Mapping[str, int] = field(default_factory=dict)
    specialization_of: str | None = None
    outcomes: tuple[str, ...] = ()
    # ids of `Dataset.sources` entries (or free text when the dataset has none)
    source: tuple[str, ...] = ()
    # true when the sources do not state this: the dataset's own modelling
    modelled: bool = False

    def names(self) -> tuple[str, ...]:
        """Every name the role answers to on the command line."""
        return (self.id, self.title, *self.aliases)

    @classmethod
    def from_values(cls, values: list[object] | tuple[object, ...]) -> Role:
        return _build_from(cls, values)  # type: ignore[return-value]


@dataclass(frozen=True)
class Progression:
    source_id: str
    target_id: str
    kind: str = "promotion"
    years: Years | None = None
    note: str | None = None
    source: tuple[str, ...] = ()
    modelled: bool = False

    @classmethod
    def from_values(cls, values: list[object] | tuple[object, ...]) -> Progression:
        return _build_from(cls, values)  # type: ignore[return-value]


@dataclass(frozen=True)
class Source:
    """A document the dataset's facts come from, as a user can look it up."""

    id: str
    title: str
    kind: str | None = None  # job description, career guide, database, ...
    publisher: str | None = None
    license: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Framework:
    """Facts about the whole dataset."""

    title: str | None = None
    # where the proficiency numbers come from (e.g. "the authors' estimates")
    proficiency: str | None = None
    source: str | None = None  # id of a dataset-level source


NO_YEARS = -1.0  # GraphIndex.low / .high of a move without years


class GraphIndex:
    """The progression graph as compact sequences, for search without building objects.

    Roles are numbered by position in `ids`; move number m (data order) goes from
    `source[m]` to `target[m]`, `lateral[m]` is 1 for a lateral move, `low[m]` and
    `high[m]` are its years (NO_YEARS for none). The moves out of role i are
    `out_moves[out_start[i]:out_start[i + 1]]`, in data order; likewise into it.
    `most_years` is the largest `low + high` of any move (0 if none).
    """

    def __init__(self, ids: Sequence[str], columns: Sequence[Sequence[int]],
                 years: tuple[Sequence[float], Sequence[float]], most_years: float,
                 position: dict[str, int] | None = None) -> None:
        self.ids = ids
        self.position = position if position is not None else {
            role_id: number for number, role_id in enumerate(ids)}
        (self.source, self.target, self.lateral, self.out_start, self.out_moves,
         self.in_start, self.in_moves) = columns
        self.low, self.high = years
        self.most_years = most_years

    @classmethod
    def build(cls, roles: Iterable[str], moves: Sequence[Progression]) -> GraphIndex:
        ids = list(roles)
        position = {role_id: number for number, role_id in enumerate(ids)}
        source = [position[move.source_id] for move in moves]
        target = [position[move.target_id] for move in moves]
        low = [NO_YEARS if m.years is None else float(m.years.min) for m in moves]
        high = [NO_YEARS if m.years is None else float(m.years.max) for m in moves]
        lateral = [int(move.kind != "promotion") for move in moves]
        return cls.from_columns(ids, position, (source, target, lateral), (low, high))

    @classmethod
    def from_columns(cls, ids: list[str], position: dict[str, int],
                     moves: tuple[list[int], list[int], list[int]],
                     years: tuple[list[float], list[float]]) -> GraphIndex:
        """The index from each move's (source, target, lateral) and (low, high)."""
        source, target, lateral = moves
        low, high = years
        most = max((a + b for a, b in zip(low, high) if a != NO_YEARS), default=0.0)
        columns = [source, target, lateral, *_grouped(source, len(ids)),
                   *_grouped(target, len(ids))]
        return cls(ids, columns, (low, high), most, position)

    def moves_out(self, role: int) -> Sequence[int]:
        return self.out_moves[self.out_start[role]:self.out_start[role + 1]]

    def moves_in(self, role: int) -> Sequence[int]:
        return self.in_moves[self.in_start[role]:self.in_start[role + 1]]

    def years_known(self) -> bool:
        return any(value != NO_YEARS for value in self.low)


def _grouped(ends: list[int], count: int) -> tuple[list[int], list[int]]:
    """(start, moves): the moves of each role, grouped by role, data order kept."""
    start = [0] * (count + 1)
    for end in ends:
        start[end + 1] += 1
    for number in range(count):
        start[number + 1] += start[number]
    return start, sorted(range(len(ends)), key=ends.__getitem__)


Years._field_names = ("min", "max")  # type: ignore[attr-defined]
Role._field_names = tuple(f.name for f in fields(Role))  # type: ignore[attr-defined]
Progression._field_names = tuple(f.name for f in fields(Progression))  # type: ignore[attr-defined]


class RoleSkills(NamedTuple):
    level: int
    track: str | None
    skills: Mapping[str, int]


@dataclass(frozen=True)
class Dataset:
    roles: Mapping[str, Role]
    progressions: Sequence[Progression]  # a tuple, or the cache's lazy sequence
    location: str = "built-in"
    framework: Framework = Framework()
    # source id -> Source, in data order
    sources: Mapping[str, Source] = field(default_factory=dict)

    @cached_property
    def names(self) -> dict[str, list[str]]:
        """Every normalised id, title and alias -> the ids of the roles it names."""
        index: dict[str, list[str]] = {}
        for role in self.roles.values():
            for name in {normal_name(known) for known in role.names()}:
                index.setdefault(name, []).append(role.id)
        return index

    @cached_property
    def skill_table(self) -> Mapping[str, RoleSkills]:
        """Each role's level, track and skills, by id in data order: all that ranking
        roles by skills needs (the cache keeps it apart from the roles' text)."""
        return {role.id: RoleSkills(role.level, role.track, role.skills)
                for role in self.roles.values()}

    @cached_property
    def index(self) -> GraphIndex:
        """The graph as compact arrays (the cache stores it ready-made)."""
        return GraphIndex.build(self.roles, self.progressions)

    def citation(self, value: str) -> str:
        """A `source` value as a reader can look it up: a listed source's title, kind,
        publisher and licence; free text (a dataset without `sources:`) as it is."""
        source = self.sources.get(value)
        if source is None:
            return value
        kind = f" ({source.kind})" if source.kind else ""
        extra = [part for part in (source.publisher, source.license, source.url) if part]
        return f"{source.title}{kind}" + (f"; {', '.join(extra)}" if extra else "")

    def citations(self, values: tuple[str, ...], *, modelled: bool = False) -> list[str]:
        """Where a role's or a move's facts come from, the dataset-level source last."""
        cited = [self.citation(value) for value in values]
        if modelled:
            cited.insert(0, "the dataset's own modelling, not stated by the sources")
        own = self.framework.source
        if own is not None and own not in values:
            cited.append(self.citation(own))
        return cited

    def moves_out(self, role_id: str) -> list[Progression]:
        """The moves out of a role, in data order."""
        index = self.index
        return [self.progressions[m] for m in index.moves_out(index.position[role_id])]

    def moves_in(self, role_id: str) -> list[Progression]:
        index = self.index
        return [self.progressions[m] for m in index.moves_in(index.position[role_id])]

    def move(self, source_id: str, target_id: str) -> Progression:
        """The move between two roles; KeyError if there is none."""
        index = self.index
        end = index.position[target_id]
        for m in index.moves_out(index.position[source_id]):
            if index.target[m] == end:
                return self.progressions[m]
        raise KeyError((source_id, target_id))

    def path(self, role_ids: tuple[str, ...] | list[str]) -> CareerPath:
        ids = tuple(role_ids)
        return CareerPath(ids, tuple(self.move(a, b) for a, b in zip(ids, ids[1:])))


@dataclass(frozen=True)
class CareerPath:
    """A sequence of roles, each move along an existing progression."""

    roles: tuple[str, ...]
    steps: tuple[Progression, ...]

    @property
    def moves(self) -> int:
        return len(self.steps)

    @property
    def years(self) -> Years | None:
        """Total typical years, or None when any move has no years in the data."""
        total = Years(0, 0)
        for step in self.steps:
            if step.years is None:
                return None
            total = total + step.years
        return total

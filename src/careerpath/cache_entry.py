"""A cache entry's layout: what queries need, ready to use without decoding everything.

An entry is `MAGIC`, one line of JSON (the header), then sections, each starting at
a multiple of 8 bytes:

    0 ids          role ids, one per line (an id holds no line break)
    1 levels       int32 per role
    2 source       int32 per move: the position of its role in `ids`
    3 target       int32 per move
    4 lateral      one byte per move: 0 promotion, 1 lateral
    5 low, 6 high  float64 per move: its years, NO_YEARS (-1) for none
    7 out_start, 8 out_moves, 9 in_start, 10 in_moves   int32: GraphIndex's groups
    11 extras      JSON {move number: [note, source, modelled]} for moves that have any
    12 names       JSON: the name index
    13 offsets     int64 per role + 1: where each role's text starts in section 14
    14 roles       JSON: a list of each role's values, one element per role
    15 skills      JSON [skill names, tracks, each role's [name number, level, ...]]:
                   what `match` ranks by, without decoding section 14

The header holds the dataset's hash and files, the framework and sources, the
counts, `most_years`, each section's size, a CRC-32 of sections 0-10 and one of
section 15 (checked when it is read: a damaged level there would rank roles wrongly
without any shape being wrong). Sections 0-10 are read through memoryviews of the
mapped file (nothing copied) and checked in bulk when first used (cache_check.moves_ok);
sections 11-15 are decoded only when a command asks (a path touches a handful of
roles) and checked when decoded.
"""

from __future__ import annotations

import json
import operator
import sys
import zlib
from array import array
from collections.abc import Mapping, Sequence
from typing import Any

from careerpath.model import NO_YEARS, Dataset, GraphIndex, Role

ROLE_FIELDS: tuple[str, ...] = Role._field_names  # type: ignore[attr-defined]

MAGIC = b"careerpath cache " + sys.byteorder.encode() + b"\n"
SECTIONS = 16
ROLES, SKILLS = 14, 15  # the sections read only when asked for
GRAPH_SECTIONS = 11  # the CRC covers these
# type code of each binary section, None for text
CODES = (None, "i", "i", "i", "B", "d", "d", "i", "i", "i", "i", None, None, "q", None, None)


def _plain(value: Any) -> Any:
    """A field's value as JSON holds it (tuples as lists, inside mappings too)."""
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    return value


_FIELDS_OF = operator.attrgetter(*ROLE_FIELDS)


def _role_values(role: Role) -> Any:
    """One role's fields, in the order of the model's fields (Role.from_values reads
    them back by position; cache.entry_name puts the field names in the entry's name,
    so a changed model never reads an old entry). JSON writes tuples as lists, and
    dicts as they are; only another kind of mapping needs converting."""
    if type(role.activities) is dict and type(role.skills) is dict:
        return _FIELDS_OF(role)
    return [_plain(value) for value in _FIELDS_OF(role)]


def _skill_table(dataset: Dataset, ids: list[str]) -> list[Any]:
    """Dataset.skill_table as [skill names, each role's track, each role's skills as
    [name number, level, ...]] (levels are in section 1). Read from the roles, which
    hold the same values: the table's own rows would be 50,000 objects made to be
    thrown away on a cold run at that size."""
    roles = dataset.roles
    rows = [roles[role_id] for role_id in ids]
    numbers: dict[str, int] = {}
    skills = [[part for name, level in row.skills.items()
               for part in (numbers.setdefault(name, len(numbers)), level)] for row in rows]
    return [list(numbers), [row.track for row in rows], skills]


# One encoder for every value: json.dumps with options makes a new one each call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_ENCODE = _ENCODER.encode


def _dump(value: Any) -> bytes:
    return _ENCODE(value).encode("utf-8")


def _blob_dumper() -> Any:
    """_dump for a role's values, tens of thousands of times: JSONEncoder.encode
    makes its C encoder anew on every call, so this makes it once (the same
    arguments as JSONEncoder.iterencode gives it, so the same text)."""
    from json import encoder

    make_encoder = getattr(encoder, "c_make_encoder", None)
    if make_encoder is None:  # pragma: no cover - CPython's json always has it
        return _dump
    made = make_encoder(None, _ENCODER.default, encoder.encode_basestring, None,
                        ":", ",", False, False, True)
    return lambda value: "".join(made(value, 0)).encode("utf-8")


def encode(dataset: Dataset, header: dict[str, Any]) -> bytes:
    """The whole entry for a valid dataset; `header` adds hash and files."""
    index = dataset.index
    ids = list(index.ids)
    roles = dataset.roles
    from careerpath.moves_columns import ValueMoves

    dump = _blob_dumper()
    blobs = [dump(_role_values(roles[role_id])) for role_id in ids]
    offsets, place = [], 1  # after the opening "["
    for blob in blobs:
        offsets.append(place)
        place += len(blob) + 1  # and its "," or the closing "]"
    offsets.append(place)
    moves = dataset.progressions
    extras = moves.extras() if isinstance(moves, ValueMoves) else {
        str(number): [move.note, list(move.source), move.modelled]
        for number, move in enumerate(moves)
        if move.note is not None or move.source or move.modelled}
    # The roles' texts are the bulk of the entry (tens of megabytes for a large
    # dataset): their blobs go into the entry's one join as they are, unjoined.
    roles_text = [b"["]
    for blob in blobs:
        roles_text += (blob, b",")
    if blobs:
        roles_text.pop()
    roles_text.append(b"]")
    sections: list[Any] = [
        "\n".join(ids).encode("utf-8"),
        array("i", (dataset.roles[role_id].level for role_id in ids)).tobytes(),
        *(array(code, column).tobytes() for code, column in zip(CODES[2:11], (
            index.source, index.target, index.lateral, index.low, index.high,
            index.out_start, index.out_moves, index.in_start, index.in_moves))),
        _dump(extras), _dump(dataset.names), array("q", offsets).tobytes(),
        roles_text, _dump(_skill_table(dataset, ids)),
    ]
    crc = 0
    for section in sections[:GRAPH_SECTIONS]:
        crc = zlib.crc32(section, crc)
    framework = dataset.framework
    sizes = [len(section) if type(section) is bytes else place for section in sections]
    head = {**header, "framework": [framework.title, framework.proficiency, framework.source],
            "sources": [[s.id, s.title, s.kind, s.publisher, s.license, s.url]
                        for s in dataset.sources.values()],
            "counts": [len(ids), len(index.source)], "most_years": index.most_years,
            "sizes": sizes, "crc": crc, "skills_crc": zlib.crc32(sections[SKILLS])}
    parts = [MAGIC, _dump(head), b"\n"]
    end = sum(map(len, parts))
    for section, size in zip(sections, sizes):
        parts.append(b"\0" * (-end % 8))
        end += -end % 8 + size
        if type(section) is bytes:
            parts.append(section)
        else:
            parts += section
    return b"".join(parts)


def header(data: Any) -> tuple[dict[str, Any], int] | None:
    """The decoded header and where the sections start, or None if it is not one."""
    if data[:len(MAGIC)] != MAGIC:
        return None
    end = data.find(b"\n", len(MAGIC))
    if end < 0:
        return None
    try:
        head = json.loads(bytes(data[len(MAGIC):end]).decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    return (head, end + 1) if type(head) is dict else None


def layout(start: int, sizes: list[int]) -> list[int]:
    """Where each section starts, after a header ending at `start`; then the end."""
    places = []
    for size in sizes:
        start += -start % 8
        places.append(start)
        start += size
    return [*places, start]


def typed(raw: list[memoryview]) -> list[memoryview] | None:
    """The binary sections cast to their types; None if a size does not divide."""
    found = []
    for part, code in zip(raw, CODES):
        if code is not None:
            if len(part) % array(code).itemsize:
                return None
            part = part.cast(code)  # type: ignore[call-overload]
        found.append(part)
    return found


def graph_index(parts: Sequence[memoryview], most_years: float, ids: list[str],
                position: dict[str, int]) -> GraphIndex:
    return GraphIndex(ids, [parts[number] for number in (2, 3, 4, 7, 8, 9, 10)],
                      (parts[5], parts[6]), most_years, position)


def crc(raw: Sequence[memoryview]) -> int:
    """CRC-32 of the graph sections, as bytes."""
    value = 0
    for part in raw[:GRAPH_SECTIONS]:
        value = zlib.crc32(part, value)
    return value


__all__ = ["MAGIC", "NO_YEARS", "crc", "encode", "graph_index", "header", "layout", "typed"]

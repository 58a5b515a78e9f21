"""A cache of parsed, validated datasets, so a large dataset is read once.

Entries live in `$XDG_CACHE_HOME/careerpath` (default `~/.cache/careerpath`),
one JSON file per dataset, named by a hash of the two files' paths, sizes and
modification times; inside, a hash of their contents must match too, so any
edit makes the entry miss. JSON, never pickle: the folder may be shared, and
reading an entry must never run anything. Only valid datasets are stored (an
invalid one stays invalid), and any problem with the cache — missing, corrupt,
truncated, unreadable, a read-only folder — silently falls back to parsing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from careerpath.model import Dataset, Framework, Progression, Role, Source, Years

FORMAT = 3
NO_CACHE_ENV = "CAREERPATH_NO_CACHE"


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "careerpath"


def disabled() -> bool:
    return os.environ.get(NO_CACHE_ENV, "") not in ("", "0")


def _entry_path(files: list[Path]) -> Path | None:
    from careerpath import __version__

    parts = [f"{FORMAT}", __version__]
    try:
        for path in files:
            stat = path.stat()
            parts += [str(path.resolve()), str(stat.st_size), str(stat.st_mtime_ns)]
    except OSError:
        return None
    name = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]
    return cache_folder() / f"{name}.json"


def content_hash(contents: list[bytes]) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for data in contents:
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def load(files: list[Path], digest: str, location: str) -> Dataset | None:
    """The cached dataset for these files (`digest`: their `content_hash`), or None."""
    entry = _entry_path(files)
    if entry is None:
        return None
    try:
        stored = json.loads(entry.read_bytes())
        if stored["format"] != FORMAT or stored["hash"] != digest:
            return None
        return _decode(stored, location)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def store(files: list[Path], digest: str, dataset: Dataset) -> None:
    """Save a valid dataset; give up silently if the cache folder cannot be written."""
    entry = _entry_path(files)
    if entry is None:
        return
    payload = json.dumps({"format": FORMAT, "hash": digest,
                          **_encode(dataset)}, separators=(",", ":"))
    import tempfile

    temp_name = None
    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp_name = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(payload)
        os.replace(temp_name, entry)
        temp_name = None
    except OSError:
        pass
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


def _encode(dataset: Dataset) -> dict[str, Any]:
    roles = [[r.id, r.title, r.level, list(r.aliases), r.track, r.summary,
              list(r.responsibilities), {k: list(v) for k, v in r.activities.items()},
              dict(r.skills), r.specialization_of, list(r.outcomes), list(r.source), r.modelled]
             for r in dataset.roles.values()]
    moves = [[p.source_id, p.target_id, p.kind,
              None if p.years is None else [p.years.min, p.years.max], p.note, list(p.source),
              p.modelled]
             for p in dataset.progressions]
    framework = dataset.framework
    sources = [[s.id, s.title, s.kind, s.publisher, s.license, s.url]
               for s in dataset.sources.values()]
    # The name index too: rebuilding it would make every role from the cache.
    return {"roles": roles, "progressions": moves, "names": dataset.names,
            "framework": [framework.title, framework.proficiency, framework.source],
            "sources": sources}


class _LazyRoles(Mapping[str, Role]):
    """Roles from the cache, each made into a Role only when asked for.

    A question about a path touches a handful of a large dataset's roles;
    building all of them would cost more than the rest of the answer.
    """

    def __init__(self, raw: dict[str, list[Any]]) -> None:
        self._raw = raw
        self._made: dict[str, Role] = {}

    def __getitem__(self, role_id: str) -> Role:
        role = self._made.get(role_id)
        if role is None:
            values = list(self._raw[role_id])
            for index in (3, 6, 10, 11):
                values[index] = tuple(values[index])
            values[7] = {k: tuple(v) for k, v in values[7].items()}
            role = self._made[role_id] = Role.from_values(values)
        return role

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, role_id: object) -> bool:
        return role_id in self._raw


def _decode(stored: dict[str, Any], location: str) -> Dataset:
    raw = {}
    for values in stored["roles"]:
        if len(values) != 13 or not isinstance(values[0], str):
            raise ValueError("a cached role has the wrong shape")
        raw[values[0]] = values
    moves = []
    make_years, make_move = Years.from_values, Progression.from_values
    for values in stored["progressions"]:
        if len(values) != 7:
            raise ValueError("a cached move has the wrong shape")
        if values[3] is not None:
            values[3] = make_years(values[3])
        values[5] = tuple(values[5])
        moves.append(make_move(values))
    names = stored["names"]
    if not isinstance(names, dict):
        raise ValueError("the cached name index has the wrong shape")
    framework = Framework(*stored["framework"][:3])
    sources = {values[0]: Source(*values[:6]) for values in stored["sources"]}
    dataset = Dataset(_LazyRoles(raw), tuple(moves), location, framework, sources)
    dataset.__dict__["names"] = names  # fills the cached_property
    return dataset

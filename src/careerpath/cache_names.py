"""A small file beside each cache entry holding only its roles' names.

Shell completion must answer in well under half a second: on a large dataset
even opening the lazy entry costs more than that, so completion reads this
file instead. It is trusted and checked like the entry (cache.py): same
folder rules, same hash and files, strict JSON of plain strings.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from careerpath.cache import (
    FORMAT,
    NAMES_SUFFIX,
    SUFFIX,
    entry_limit,
    entry_name,
    open_entry_file,
    trusted_folder,
    write_file,
)
from careerpath.model import Dataset

RoleNames = tuple[str, str, tuple[str, ...]]


def names_entry(name: str) -> str:
    return name.removesuffix(SUFFIX) + NAMES_SUFFIX


def names_payload(digest: str, paths: list[str], dataset: Dataset) -> bytes:
    return json.dumps({"format": FORMAT, "hash": digest, "files": paths,
                       "roles": [[r.id, r.title, list(r.aliases)]
                                 for r in dataset.roles.values()]},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def store_names(files: list[Path], digest: str, dataset: Dataset) -> None:
    """Save the names file alone (its entry was there already), or give up silently."""
    named = entry_name(files)
    if named is None:
        return
    name, paths = named
    from careerpath.output import sigterm_raises

    with trusted_folder(create=True) as folder, sigterm_raises():
        if folder is not None:
            write_file(folder, names_entry(name), names_payload(digest, paths, dataset))


def load_names(files: list[Path], digest: str, size: int) -> list[RoleNames] | None:
    """(id, title, aliases) of every role of the cached dataset for these files;
    None when there is no trustworthy names file."""
    named = entry_name(files)
    if named is None:
        return None
    name, paths = named
    with trusted_folder(create=False) as folder:
        if folder is None:
            return None
        opened = open_entry_file(folder, names_entry(name), entry_limit(size))
    if opened is None:
        return None
    handle, length = opened
    try:
        with os.fdopen(handle, "rb") as stream:
            stored = json.loads(stream.read(length + 1).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return _checked(stored, digest, paths)


def _checked(stored: object, digest: str, paths: list[str]) -> list[RoleNames] | None:
    if not (isinstance(stored, dict) and stored.get("format") == FORMAT
            and stored.get("hash") == digest and stored.get("files") == paths
            and isinstance(stored.get("roles"), list)):
        return None
    roles: list[RoleNames] = []
    for item in stored["roles"]:
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)
                and isinstance(item[1], str) and isinstance(item[2], list)
                and all(isinstance(alias, str) for alias in item[2])):
            return None
        roles.append((item[0], item[1], tuple(item[2])))
    return roles

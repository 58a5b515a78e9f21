"""A cache of parsed, validated datasets, so a large dataset is read once.

Trust model. An entry is believed only if the user wrote it:
- the folder is `$XDG_CACHE_HOME/careerpath` (an absolute XDG_CACHE_HOME; a
  relative one is ignored, as the XDG spec says), else `$HOME/.cache/careerpath`
  with an absolute HOME, else there is no cache. It is created 0700, and used
  only if it is a folder owned by the current user that neither group nor
  others can write: then only the user (or root) can put an entry there;
- an entry is one regular file owned by the user, opened without following a
  link or blocking on a FIFO, of bounded size, decoded strictly (JSON, never
  pickle: reading an entry never runs anything), checked field by field;
- an entry names the dataset's files and holds the hash of their bytes: any
  edit misses. Within those rules, an entry that decodes is believed; one
  that does not is "no entry": the data is parsed again and the entry replaced.
Anything wrong with the cache itself (missing, someone else's, read-only,
full) silently means running without it. Only valid datasets are stored.

One entry per dataset folder (an edit replaces it), at most MAX_ENTRIES in
all (the least recently written go first).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from careerpath.cache_check import check_entry
from careerpath.model import Dataset, Framework, Progression, Role, Source, Years

FORMAT = 4  # 4: names normalised with NFKC; framework and sources
NO_CACHE_ENV = "CAREERPATH_NO_CACHE"
MAX_ENTRIES = 16
STALE_TEMP_SECONDS = 3600
NAMES_SUFFIX = ".names.json"  # beside each entry: its roles' names only
RoleNames = tuple[str, str, tuple[str, ...]]  # id, title, aliases
_OPEN_FLAGS = os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def cache_folder() -> Path | None:
    """Where entries live, or None when the environment names no safe place."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "careerpath"
    home = os.environ.get("HOME", "")
    if os.path.isabs(home):  # never `~` expanded from nothing into ./~/.cache
        return Path(home) / ".cache" / "careerpath"
    return None


def disabled() -> bool:
    return os.environ.get(NO_CACHE_ENV, "") not in ("", "0")


def content_hash(contents: list[bytes]) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for data in contents:
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def entry_limit(contents_size: int) -> int:
    """The largest entry believable for data of this many bytes (its JSON is about
    as long as the YAML, plus the name index); anything bigger is not ours."""
    return 4 * contents_size + (1 << 20)


@contextlib.contextmanager
def _trusted_folder(create: bool) -> Iterator[int | None]:
    """An open descriptor of the cache folder if it may be trusted, else None."""
    folder = cache_folder()
    if folder is None:
        yield None
        return
    if create:  # ~/.cache (or XDG_CACHE_HOME) and its careerpath folder, never above
        with contextlib.suppress(OSError):
            folder.parent.mkdir(mode=0o700, exist_ok=True)
        with contextlib.suppress(OSError):
            folder.mkdir(mode=0o700)
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        yield None
        return
    try:
        info = os.fstat(handle)
        trusted = (stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid()
                   and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))
        yield handle if trusted else None
    finally:
        os.close(handle)


def _entry_name(files: list[Path]) -> tuple[str, list[str]] | None:
    from careerpath import __version__

    try:
        paths = [str(path.resolve()) for path in files]
    except (OSError, RuntimeError):
        return None
    key = "\0".join([str(FORMAT), __version__, _index_fingerprint(), *paths])
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".json", \
        paths


def _index_fingerprint() -> str:
    """Changes when `normal_name` does: a stored name index made by another
    normalisation must not be found (a development build keeps its version)."""
    from careerpath.model import normal_name

    code = normal_name.__code__
    return hashlib.sha256(code.co_code + repr(code.co_consts).encode()).hexdigest()[:16]


def _read_entry(folder: int, name: str, limit: int) -> bytes | None:
    try:
        handle = os.open(name, os.O_RDONLY | _OPEN_FLAGS, dir_fd=folder)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() \
                or info.st_size > limit:
            return None
        data = stream.read(limit + 1)
    return data if len(data) <= limit else None


def load(files: list[Path], digest: str, location: str, size: int = 0) -> Dataset | None:
    """The cached dataset for these files (`digest`: their `content_hash`; `size`: their
    total bytes), or None when there is no trustworthy entry."""
    named = _entry_name(files)
    if named is None:
        return None
    name, paths = named
    with _trusted_folder(create=False) as folder:
        if folder is None:
            return None
        try:
            data = _read_entry(folder, name, entry_limit(size or 64 << 20))
        except OSError:
            return None
    if data is None:
        return None
    try:
        stored = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if not check_entry(stored, FORMAT, digest, paths):
        return None
    return _decode(stored, location)


def store(files: list[Path], digest: str, dataset: Dataset) -> None:
    """Save a valid dataset; give up silently if the cache folder cannot be trusted or written."""
    named = _entry_name(files)
    if named is None:
        return
    name, paths = named
    payload = json.dumps({"format": FORMAT, "hash": digest, "files": paths,
                          **_encode(dataset)}, ensure_ascii=False, separators=(",", ":"))
    from careerpath.output import sigterm_raises

    with _trusted_folder(create=True) as folder, sigterm_raises():
        if folder is not None:
            if _write_entry(folder, name, payload.encode("utf-8")):
                _write_entry(folder, _names_entry(name), _names_payload(digest, paths, dataset))
            _prune(folder, keep=name)


def store_names(files: list[Path], digest: str, dataset: Dataset) -> None:
    """Save the names file alone (its entry was there already), or give up silently."""
    named = _entry_name(files)
    if named is None:
        return
    name, paths = named
    from careerpath.output import sigterm_raises

    with _trusted_folder(create=True) as folder, sigterm_raises():
        if folder is not None:
            _write_entry(folder, _names_entry(name), _names_payload(digest, paths, dataset))


def _names_payload(digest: str, paths: list[str], dataset: Dataset) -> bytes:
    # The names alone, for shell completion: a large dataset's full entry takes
    # longer to decode than a completion may take.
    return json.dumps({"format": FORMAT, "hash": digest, "files": paths,
                       "roles": [[r.id, r.title, list(r.aliases)]
                                 for r in dataset.roles.values()]},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _names_entry(name: str) -> str:
    return name.removesuffix(".json") + NAMES_SUFFIX


def load_names(files: list[Path], digest: str, size: int = 0) -> list[RoleNames] | None:
    """(id, title, aliases) of every role of the cached dataset for these files, read
    from the entry's small names file; None when there is no trustworthy one."""
    named = _entry_name(files)
    if named is None:
        return None
    name, paths = named
    with _trusted_folder(create=False) as folder:
        if folder is None:
            return None
        try:
            data = _read_entry(folder, _names_entry(name), entry_limit(size or 64 << 20))
        except OSError:
            return None
    try:
        stored = json.loads(data.decode("utf-8")) if data is not None else None
    except (ValueError, RecursionError):
        return None
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


def _write_entry(folder: int, name: str, payload: bytes) -> bool:
    """Write one file atomically; False if it could not be."""
    temp = f".{os.getpid()}-{os.urandom(6).hex()}.tmp"
    try:
        handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _OPEN_FLAGS, 0o600,
                         dir_fd=folder)
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        # Replaces whatever had the entry's name: a damaged file, a FIFO, a link.
        os.replace(temp, name, src_dir_fd=folder, dst_dir_fd=folder)
        return True
    except OSError:
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp, dir_fd=folder)


def _prune(folder: int, keep: str) -> None:
    """Keep the newest MAX_ENTRIES entries; drop temporary files a killed run left."""
    import time

    entries: list[tuple[float, str]] = []
    now = time.time()
    with contextlib.suppress(OSError):
        for name in os.listdir(folder):
            try:
                info = os.stat(name, dir_fd=folder, follow_symlinks=False)
            except OSError:
                continue
            if name.endswith(".tmp") and now - info.st_mtime > STALE_TEMP_SECONDS:
                with contextlib.suppress(OSError):
                    os.unlink(name, dir_fd=folder)
            elif name.endswith(".json") and not name.endswith(NAMES_SUFFIX) and name != keep:
                entries.append((info.st_mtime, name))
    entries.sort(reverse=True)
    for _, name in entries[MAX_ENTRIES - 1:]:
        for gone in (name, _names_entry(name)):
            with contextlib.suppress(OSError):
                os.unlink(gone, dir_fd=folder)


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
    building all of them would cost more than the rest of the answer. The
    values were checked by `check_entry` already.
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
    raw = {values[0]: values for values in stored["roles"]}
    moves = []
    make_years, make_move = Years.from_values, Progression.from_values
    for values in stored["progressions"]:
        if values[3] is not None:
            values[3] = make_years(values[3])
        values[5] = tuple(values[5])
        moves.append(make_move(values))
    framework = Framework(*stored["framework"])
    sources = {values[0]: Source(*values) for values in stored["sources"]}
    dataset = Dataset(_LazyRoles(raw), tuple(moves), location, framework, sources)
    dataset.__dict__["names"] = stored["names"]  # fills the cached_property
    return dataset

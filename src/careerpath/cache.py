"""A cache of parsed, validated datasets, so a large dataset is read once.

Trust model. An entry is believed only if the user wrote it:
- the folder is `$XDG_CACHE_HOME/careerpath` (an absolute XDG_CACHE_HOME; a
  relative one is ignored, as the XDG spec says), else `$HOME/.cache/careerpath`
  with an absolute HOME, else there is no cache. It is created 0700, and used
  only if it is a folder owned by the current user that neither group nor
  others can write: then only the user (or root) can put an entry there;
- an entry is one regular file owned by the user, opened without following a
  link or blocking on a FIFO, of bounded size, decoded strictly (JSON and plain
  arrays, never pickle: reading an entry never runs anything) and checked: the
  graph in bulk with a CRC when opened, each role's text field by field when a
  command first asks for it (cache_entry.py, cache_lazy.py, cache_check.py);
- an entry names the dataset's files and holds the hash of their bytes: any
  edit misses. Within those rules, an entry that decodes is believed; one
  that does not is "no entry": the data is parsed again and the entry replaced
  (also when the damage is found only as a role is decoded).
Anything wrong with the cache itself (missing, someone else's, read-only,
full) silently means running without it. Only valid datasets are stored.

One entry per dataset folder (an edit replaces it), at most MAX_ENTRIES in
all (the least recently written go first).
"""

from __future__ import annotations

import contextlib
import os
import stat
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from careerpath.model import Dataset

FORMAT = 6  # 6: the graph as arrays, role text and skills decoded on demand (cache_entry.py)
SUFFIX = ".cache"
NAMES_SUFFIX = ".names.json"  # beside each entry: its roles' names only (cache_names.py)
HASH_CHUNK = 1 << 20
NO_CACHE_ENV = "CAREERPATH_NO_CACHE"
MAX_ENTRIES = 16
STALE_TEMP_SECONDS = 3600
# A data file changed less than this before its entry was written is checked by its
# hash, never by its stamp: file times tick coarsely (a few ms; 2 s on FAT).
RACY_NS = 2_000_000_000
Stamp = list[list[int]]
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
    import hashlib  # only when the files' stamp does not settle it: 3 ms to import

    digest = hashlib.sha1(usedforsecurity=False)
    for data in contents:
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def files_hash(files: list[Path], limit: int) -> tuple[str, int] | None:
    """`content_hash` of the files and their total size, read in chunks (so a
    cached run never holds a large dataset's bytes), or None when any is not a
    regular file, is over `limit` bytes or cannot be read: then the caller
    reads them the ordinary way, which says why."""
    import hashlib

    digest = hashlib.sha1(usedforsecurity=False)
    total = 0
    buffer = bytearray(HASH_CHUNK)
    for path in files:
        try:
            handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return None
        try:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
                return None
            digest.update(info.st_size.to_bytes(8, "little"))
            with os.fdopen(os.dup(handle), "rb", buffering=0) as stream:
                seen = 0
                while count := stream.readinto(buffer):
                    digest.update(memoryview(buffer)[:count])
                    seen += count
            if seen != info.st_size:  # changed while read: let the ordinary read decide
                return None
            total += seen
        except OSError:
            return None
        finally:
            os.close(handle)
    return digest.hexdigest(), total


def entry_limit(contents_size: int) -> int:
    """The largest entry believable for data of this many bytes (its JSON is about
    as long as the YAML, plus the name index); anything bigger is not ours."""
    return 4 * contents_size + (1 << 20)


@contextlib.contextmanager
def trusted_folder(create: bool) -> Iterator[int | None]:
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


def entry_name(files: list[Path]) -> tuple[str, list[str]] | None:
    from careerpath import __version__

    try:
        paths = [str(path.resolve()) for path in files]
    except (OSError, RuntimeError):
        return None
    key = "\0".join([str(FORMAT), __version__, _index_fingerprint(), _fields(), *paths])
    return name_hash(key.encode("utf-8", "surrogateescape")) + SUFFIX, paths


def name_hash(data: bytes) -> str:
    """64 bits for a file name: a CRC-32 and an Adler-32. Not a security boundary (the
    header says which files an entry is for), and no hashlib to import (3 ms)."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _fields() -> str:
    """The records' field names: the entry stores them by position, so an entry
    made by a model with other fields (a development build keeps its version) must
    not be found."""
    from careerpath.model import Progression, Role, Source

    return ",".join(name for cls in (Role, Progression, Source)
                    for name in cls.__dataclass_fields__)


def _index_fingerprint() -> str:
    """Changes when `normal_name` does: a stored name index made by another
    normalisation must not be found (a development build keeps its version)."""
    from careerpath.model import normal_name

    code = normal_name.__code__
    return name_hash(code.co_code + repr(code.co_consts).encode())


def open_entry_file(folder: int, name: str, limit: int) -> tuple[int, int] | None:
    """(an open descriptor, the size) of the entry if it is a regular file of ours
    within `limit` bytes; the caller owns the descriptor."""
    try:
        handle = os.open(name, os.O_RDONLY | _OPEN_FLAGS, dir_fd=folder)
    except OSError:
        return None
    info = os.fstat(handle)
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() \
            or not 0 < info.st_size <= limit:
        os.close(handle)
        return None
    return handle, info.st_size


def files_stamp(files: list[Path]) -> Stamp | None:
    """Each file's device, inode, size, mtime and ctime (ns), or None if one is not a
    regular file. Any write, rename over or `touch` changes the ctime, which no user
    can set back (git's index relies on the same)."""
    stamp = []
    for path in files:
        try:
            info = os.stat(path)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        stamp.append([info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns,
                      info.st_ctime_ns])
    return stamp


def _racy(handle: int, stamp: Stamp) -> bool:
    """Whether a file may have changed within the same clock tick as it was stamped:
    it was written less than RACY_NS before the entry was, so only its hash can tell."""
    written = os.fstat(handle).st_mtime_ns
    return any(max(mtime, ctime) >= written - RACY_NS for *_, mtime, ctime in stamp)


def load(files: list[Path], digest: str | None, location: str, size: int,
         reparse: Callable[[], Dataset], stamp: Stamp | None = None) -> Dataset | None:
    """The cached dataset for these files, known by `digest` (their `content_hash`) or,
    with `digest` None, by `stamp` (`files_stamp`, taken before reading them; `size`:
    their total bytes), or None when there is no trustworthy entry. `reparse` parses
    the files again (and stores a fresh entry) should a part turn out damaged later."""
    from careerpath.cache_lazy import open_entry

    named = entry_name(files)
    if named is None or (digest is None and stamp is None):
        return None
    name, paths = named
    with trusted_folder(create=False) as folder:
        if folder is None:
            return None
        opened = open_entry_file(folder, name, entry_limit(size))
    if opened is None:
        return None
    handle, length = opened
    try:
        dataset = None if digest is None and _racy(handle, stamp or []) else open_entry(
            handle, length, (FORMAT, digest, paths, stamp), location, reparse)
    except OSError:
        dataset = None
    if dataset is None:
        os.close(handle)
    return dataset  # the descriptor stays open while the dataset may read from it


def store(files: list[Path], digest: str, dataset: Dataset, stamp: Stamp | None = None) -> bool:
    """Save a valid dataset (`stamp`: the files' `files_stamp` when they are known not
    to have changed while read); give up silently (False) if the cache folder cannot
    be trusted or written."""
    from careerpath.cache_entry import encode

    named = entry_name(files)
    if named is None:
        return False
    name, paths = named
    try:
        payload = encode(dataset, {"format": FORMAT, "hash": digest, "files": paths,
                                   "stamp": stamp})
    except OverflowError:  # a number the entry's arrays cannot hold (a level of 2**31)
        return False
    from careerpath.output import sigterm_raises

    with trusted_folder(create=True) as folder, sigterm_raises():
        if folder is not None:
            written = write_file(folder, name, payload)
            _prune(folder, keep=name)
            return written
    return False


def write_file(folder: int, name: str, payload: bytes) -> bool:
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
            elif name.endswith(NAMES_SUFFIX):
                continue  # goes with its entry
            elif name.endswith((SUFFIX, ".json")) and name != keep:  # .json: format 4
                entries.append((info.st_mtime, name))
    entries.sort(reverse=True)
    for _, name in entries[MAX_ENTRIES - 1:]:
        for gone in (name, name.removesuffix(SUFFIX).removesuffix(".json") + NAMES_SUFFIX):
            with contextlib.suppress(OSError):
                os.unlink(gone, dir_fd=folder)

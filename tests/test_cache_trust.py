"""Issue 10: the cache's trust model, run as an ordinary user where permissions matter,
and a damaged entry of any format never crashing, hanging or being kept.

No test knows the entry format: `forge` writes its forgery with careerpath's own
encoder, and everything else finds the entries as whatever files the cache folder
holds, so these tests also guard a new entry format.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from asuser import ROOT, needs_ordinary_user, own, run_cli, user_dir
from careerpath import load_dataset
from conftest import SMALL_PROGRESSIONS, SMALL_ROLES, Result, write_dataset

Run = Callable[..., Result]
__all__ = ["user_dir"]  # the fixture, imported for the tests below


def cache_files(folder: Path) -> dict[Path, bytes]:
    """Every file the cache holds (whatever the entry format), with its bytes."""
    return {path: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def served_from_cache(data: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether the cache holds a good entry for `data`: loading it parses nothing."""
    with monkeypatch.context() as patch:
        patch.setattr("careerpath.loader.check_dataset", lambda *a: pytest.fail("parsed"))
        return len(load_dataset(str(data)).roles) == 7


def forge(folder: Path) -> None:
    """Replace the entry with one for a dataset that has a one-move path analyst ->
    head-of-data, under the real files' hash: what someone who can write the cache
    folder would do. (Written by careerpath's own encoder, so it knows no format.)"""
    from careerpath import cache
    from careerpath.datafiles import max_file_bytes
    from careerpath.model import Dataset, Progression, Years

    [entry] = folder.glob("*" + cache.SUFFIX)
    data = Path(json.loads(entry.with_name(entry.name.replace(cache.SUFFIX, cache.NAMES_SUFFIX))
                           .read_text())["files"][0]).parent
    files = [data / "roles.yaml", data / "progressions.yaml"]
    real = load_dataset(str(data), use_cache=False)
    move = Progression("analyst", "head-of-data", "promotion", Years(1, 1))
    hashed = cache.files_hash(files, max_file_bytes())
    assert hashed is not None
    cache.store(files, hashed[0], Dataset(real.roles, (*real.progressions, move),
                                          real.location, real.framework, real.sources))


def moves_as_user(data: Path, cache_home: Path) -> int:
    """The moves of `path analyst head-of-data` (2 in the data), run as an ordinary user."""
    done = run_cli("--data", data, "path", "analyst", "head-of-data", "-f", "json",
                   env={"XDG_CACHE_HOME": str(cache_home)})
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return int(json.loads(done.stdout)["paths"][0]["moves"])


def cached_by_root(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A dataset in `home`, cached by this process; returns the dataset folder."""
    data = write_dataset(home / "data", SMALL_ROLES, SMALL_PROGRESSIONS)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    load_dataset(str(data))
    assert cache_files(home / "cache" / "careerpath")
    return data


def test_the_forge_is_believed_in_the_users_own_private_folder(
        small: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The control for the tests below: the forgery works where the model trusts it."""
    from careerpath.graph import PathQuery, find_paths

    load_dataset(str(small))
    forge(private_cache)
    found = find_paths(load_dataset(str(small)), PathQuery("analyst", "head-of-data"))
    assert found.paths[0].moves == 1


@needs_ordinary_user
@pytest.mark.skipif(not ROOT, reason="a cache folder another user owns can only be made by root")
def test_a_cache_folder_another_user_owns_is_neither_read_nor_written(
        user_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = cached_by_root(user_dir, monkeypatch)
    folder = user_dir / "cache" / "careerpath"
    forge(folder)
    own(user_dir / "data")
    os.chmod(user_dir, 0o755)
    folder.chmod(0o755)  # readable by the user, but root's
    for entry in cache_files(folder):
        entry.chmod(0o644)
    before = cache_files(folder)
    assert moves_as_user(data, user_dir / "cache") == 2  # the data's answer, not the forgery
    assert cache_files(folder) == before  # nothing written there either


@needs_ordinary_user
@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777])
def test_a_cache_folder_others_can_write_is_neither_read_nor_written(
        user_dir: Path, monkeypatch: pytest.MonkeyPatch, mode: int) -> None:
    data = cached_by_root(user_dir, monkeypatch)
    folder = user_dir / "cache" / "careerpath"
    forge(folder)
    own(user_dir)
    folder.chmod(mode)
    before = cache_files(folder)
    assert moves_as_user(data, user_dir / "cache") == 2
    assert cache_files(folder) == before


@needs_ordinary_user
def test_an_unreadable_entry_is_no_entry_and_is_replaced(
        user_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root the file would still be readable: only an ordinary user shows this.
    data = cached_by_root(user_dir, monkeypatch)
    folder = user_dir / "cache" / "careerpath"
    forge(folder)
    own(user_dir)
    for entry in cache_files(folder):
        entry.chmod(0o000)
    assert moves_as_user(data, user_dir / "cache") == 2
    assert moves_as_user(data, user_dir / "cache") == 2  # from the replaced entry
    entries = list(cache_files(folder))
    assert entries and all(entry.stat().st_mode & 0o777 == 0o600 for entry in entries)


@needs_ordinary_user
def test_a_cache_the_user_cannot_create_is_no_cache(user_dir: Path) -> None:
    data = write_dataset(user_dir / "data", SMALL_ROLES, SMALL_PROGRESSIONS)
    own(user_dir)
    home = user_dir / "home"
    home.mkdir(mode=0o555)  # HOME read-only: ~/.cache cannot be made
    own(home)
    done = run_cli("--data", data, "roles", env={"HOME": str(home), "XDG_CACHE_HOME": ""})
    assert (done.returncode, done.stderr) == (0, "")
    assert "Data Analyst" in done.stdout and list(home.iterdir()) == []


# --- damaged entries, whatever the format ---------------------------------------------

def answers(run: Run, data: Path) -> None:
    """Questions touching roles, moves, names and paths: each answers, never crashes."""
    for args in (["path", "analyst", "hod"], ["show", "da"], ["roles"], ["next", "analyst"]):
        done = run("--data", data, *args, "-f", "json")
        assert done.exit_code in (0, 1, 2), (args, done.stderr)
        if done.exit_code == 0:
            json.loads(done.stdout)


def mutations(pristine: bytes, count: int) -> list[bytes]:
    chance = random.Random(10)
    made = [b"", pristine[:1], pristine[: len(pristine) // 2], pristine[:-1], pristine + b"x",
            b"[" * 100_000 + b"]" * 100_000, b"{" * 100_000, b"\xff\xfe\x00garbage",
            b'{"format": 99}', b"null", b"[]", b"{}"]
    while len(made) < count:
        data = bytearray(pristine)
        for _ in range(chance.randint(1, 3)):
            data[chance.randrange(len(data))] = chance.choice(b'0123456789{}[]",:-ntfx\x00 ')
        made.append(bytes(data))
    return made


def test_any_damage_to_an_entry_answers_and_is_replaced(run: Run, small: Path,
                                                        private_cache: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    answers(run, small)
    pristine = cache_files(private_cache)
    assert pristine
    reference = {args: run("--data", small, *args, "-f", "json").stdout
                 for args in (("path", "analyst", "hod"), ("roles",))}
    for entry, good in pristine.items():
        for damaged in mutations(good, 80):
            entry.write_bytes(damaged)
            answers(run, small)
        entry.write_bytes(mutations(good, 12)[5])  # the nesting bomb
        assert run("--data", small, "roles", "-f", "json").stdout == reference[("roles",)]
        assert served_from_cache(small, monkeypatch)  # parsed again and replaced
        assert list(cache_files(private_cache)) == list(pristine)
    assert run("--data", small, "path", "analyst", "hod", "-f", "json").stdout == \
        reference[("path", "analyst", "hod")]


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero", "folder"])
def test_an_entry_that_is_not_a_plain_file(small: Path, private_cache: Path, kind: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    load_dataset(str(small))
    pristine = cache_files(private_cache)
    for entry in pristine:
        entry.unlink()
        if kind == "fifo":
            os.mkfifo(entry)
        elif kind == "folder":
            entry.mkdir()
        else:
            entry.symlink_to(kind)
    # In a child: a regression would hang (a FIFO) or eat all memory (/dev/zero).
    done = subprocess.run([sys.executable, "-m", "careerpath", "--data", str(small), "roles"],
                          capture_output=True, text=True, check=False, timeout=60,
                          env={**os.environ, "XDG_CACHE_HOME": str(private_cache.parent)})
    assert (done.returncode, done.stderr) == (0, "")
    assert "Data Analyst" in done.stdout
    if kind != "folder":  # a folder cannot be replaced by a file; it is left alone
        assert list(cache_files(private_cache)) == list(pristine)
        assert not any(entry.is_symlink() for entry in pristine)
        assert served_from_cache(small, monkeypatch)
    assert Path("/dev/zero").is_char_device()


INTERRUPT_PROBE = """
import os, signal, sys, time

SIGNAL = getattr(signal, sys.argv[1])
# Python leaves SIGINT ignored when started so (a background job of a script): not here.
signal.signal(signal.SIGINT, signal.default_int_handler)

def stopped(*args, **kwargs):
    os.kill(os.getpid(), SIGNAL)
    time.sleep(5)

os.replace = os.rename = os.link = stopped  # however the entry is put in place
sys.argv = ["careerpath", "--data", sys.argv[2], "roles"]
from careerpath.cli import main
main()
"""


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_signal_during_a_cache_write_leaves_nothing(small: Path, private_cache: Path,
                                                      name: str, code: int) -> None:
    done = subprocess.run([sys.executable, "-c", INTERRUPT_PROBE, name, str(small)],
                          capture_output=True, text=True, check=False, timeout=60,
                          env={**os.environ, "XDG_CACHE_HOME": str(private_cache.parent)})
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    assert list(private_cache.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL

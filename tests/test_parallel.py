"""progressions.yaml read in a second process: the same answer, and every failure covered."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from broken_cases import CASES, OK_MOVES, OK_ROLES
from careerpath import parallel, validate
from careerpath.validate import check

PARENT = os.getpid()


def _where(value: int) -> tuple[int, int]:
    return os.getpid(), value * 2


def _fails_in_child() -> str:
    if os.getpid() != PARENT:
        raise RuntimeError("only in the child")
    return "computed by the parent"


def _dies_in_child() -> str:
    if os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return "computed by the parent"


def _not_marshalable() -> object:
    return object() if os.getpid() != PARENT else "computed by the parent"


def _slow() -> None:
    time.sleep(60)


def test_the_result_comes_from_a_child_process() -> None:
    with parallel.started(_where, 21) as job:
        pid, value = job.result()
    assert value == 42
    assert pid != PARENT


@pytest.mark.parametrize("function", [_fails_in_child, _dies_in_child, _not_marshalable])
def test_a_failed_child_means_the_parent_computes_it(function: object) -> None:
    with parallel.started(function) as job:  # type: ignore[arg-type]
        assert job.result() == "computed by the parent"


def test_without_fork_the_parent_computes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(os, "fork")
    with parallel.started(_where, 1) as job:
        assert job.result() == (PARENT, 2)


def test_fork_false_computes_it_here() -> None:
    with parallel.started(_where, 1, fork=False) as job:
        assert job.result() == (PARENT, 2)


def test_an_uncollected_child_is_stopped_and_reaped() -> None:
    with pytest.raises(KeyError), parallel.started(_slow) as job:
        pid = job.pid
        assert pid is not None
        raise KeyError("the parent failed")
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped: no such child


def _contents(roles: str, moves: str) -> list[bytes | OSError]:
    def encoded(text: str) -> bytes:
        return text.encode("latin-1" if "\xff" in text else "utf-8")
    return [encoded(roles), encoded(moves)]


def _check_in_child(monkeypatch: pytest.MonkeyPatch, roles: str, moves: str) -> object:
    """`check` with progressions.yaml read by a child; it fails the test if the
    parent had to read it."""
    read = validate.read_moves

    def in_child_only(contents: bytes | OSError, name: str) -> object:
        assert os.getpid() != PARENT, "progressions.yaml was read in the parent"
        return read(contents, name)

    monkeypatch.setattr(validate, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(validate, "read_moves", in_child_only)
    return check("roles.yaml", "progressions.yaml", _contents(roles, moves), "here")


BIG_MOVES = "progressions:\n" + "".join(
    f"  - {{from: a, to: b, years: [{n}, {n + 1}], note: 'move {n}', source: [guide]}}\n"
    if n == 0 else f"  - {{from: b, to: a, kind: lateral, years: {n}}}\n" if n == 1
    else f"  - {{from: a, to: c{n}}}\n" for n in range(40))


@pytest.mark.parametrize(("name", "roles", "moves", "_expected"), CASES,
                         ids=[case[0] for case in CASES])
def test_broken_datasets_give_the_same_problems_read_in_a_child(
        monkeypatch: pytest.MonkeyPatch, name: str, roles: str, moves: str,
        _expected: list[str]) -> None:
    here = check("roles.yaml", "progressions.yaml", _contents(roles, moves), "here")
    assert _check_in_child(monkeypatch, roles, moves) == here


@pytest.mark.parametrize("moves", [OK_MOVES, BIG_MOVES, "progressions: []\n",
                                   "progressions:\n  - {from: a, to: a}\n  - {from: a, to: b}\n"
                                   "  - {from: a, to: b}\n  - {from: a, to: zz, source: [nope]}\n"])
def test_valid_and_invalid_moves_give_the_same_answer_read_in_a_child(
        monkeypatch: pytest.MonkeyPatch, moves: str) -> None:
    from broken_cases import SOURCED_ROLES

    for roles in (OK_ROLES, SOURCED_ROLES):
        here = check("roles.yaml", "progressions.yaml", _contents(roles, moves), "here")
        there = _check_in_child(monkeypatch, roles, moves)
        assert there == here
        dataset, _ = here
        if dataset is not None:  # the moves themselves, years and notes included
            assert there[0].progressions == dataset.progressions  # type: ignore[index]


def test_a_large_dataset_loads_the_same_with_and_without_a_child(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from careerpath.loader import load_dataset

    roles = "roles:\n" + "".join(f"  - {{id: r{n}, title: Role {n}, level: {n % 7 + 1}}}\n"
                                 for n in range(3000))
    moves = "progressions:\n" + "".join(
        f"  - {{from: r{n}, to: r{n + 1}, kind: lateral, years: [1, {n % 5 + 1}]}}\n"
        for n in range(2999))
    (tmp_path / "roles.yaml").write_text(roles)
    (tmp_path / "progressions.yaml").write_text(moves)
    alone = load_dataset(str(tmp_path), use_cache=False)
    monkeypatch.setattr(validate, "PARALLEL_BYTES", 0)
    together = load_dataset(str(tmp_path), use_cache=False)
    assert together.progressions == alone.progressions
    assert together.roles == alone.roles
    assert len(together.progressions) == 2999


INTERRUPT_PROBE = """
import os, signal, sys, time

# Python leaves SIGINT ignored when started so (a background job of a script): not here.
signal.signal(signal.SIGINT, signal.default_int_handler)
from careerpath import validate

DATA, RECORD, SIGNAL = sys.argv[1], sys.argv[2], getattr(signal, sys.argv[3])
validate.PARALLEL_BYTES = 0
read = validate.read_moves

def slow_read(contents, name):
    with open(RECORD, "w") as record:
        record.write(str(os.getpid()))
    time.sleep(60)
    return read(contents, name)

def interrupted(*args):
    for _ in range(500):  # until the child has started reading
        if os.path.getsize(RECORD):
            break
        time.sleep(0.01)
    os.kill(os.getpid(), SIGNAL)  # the parent alone, as `kill` does
    time.sleep(5)

validate.read_moves = slow_read
validate._collect_roles = interrupted
sys.argv = ["careerpath", "--no-cache", "--data", DATA, "roles"]
from careerpath.cli import main
main()
"""


@pytest.mark.parametrize(("name", "code"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_signal_while_a_child_reads_stops_both(small: Path, tmp_path: Path, name: str,
                                                 code: int) -> None:
    import subprocess
    import sys

    record = tmp_path / "child.pid"
    record.write_text("")
    done = subprocess.run([sys.executable, "-c", INTERRUPT_PROBE, str(small), str(record), name],
                          capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    child = int(record.read_text())
    assert child != os.getpid()
    # Stopped and reaped: an orphan would sleep on under init for a minute.
    assert not Path(f"/proc/{child}").exists()


def test_a_process_with_other_threads_is_not_forked() -> None:
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        with parallel.started(_where, 1) as job:
            assert job.pid is None
            assert job.result() == (PARENT, 2)
    finally:
        release.set()
        other.join()


FORK_INTERRUPT_PROBE = """
import os, signal, sys, time

signal.signal(signal.SIGINT, signal.default_int_handler)
from careerpath import validate

DATA, RECORD = sys.argv[1], sys.argv[2]
validate.PARALLEL_BYTES = 0
real_fork = os.fork

def slow_read(contents, name):
    with open(RECORD, "w") as record:
        record.write(str(os.getpid()))
    time.sleep(60)

def fork_then_interrupted():
    pid = real_fork()
    if pid:  # Ctrl-C as the fork returns, before the parent has noted the child
        while not os.path.getsize(RECORD):
            time.sleep(0.01)
        os.kill(os.getpid(), signal.SIGINT)
    return pid

os.fork = fork_then_interrupted
validate.read_moves = slow_read
sys.argv = ["careerpath", "--no-cache", "--data", DATA, "roles"]
from careerpath.cli import main
main()
"""


def test_ctrl_c_as_the_child_is_made_stops_it_too(small: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    record = tmp_path / "child.pid"
    record.write_text("")
    done = subprocess.run([sys.executable, "-c", FORK_INTERRUPT_PROBE, str(small), str(record)],
                          capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr
    assert not Path(f"/proc/{int(record.read_text())}").exists()

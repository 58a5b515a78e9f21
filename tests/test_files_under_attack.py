"""Issue 10: output files, data files and folders under attack. Nothing of the user's
is lost or replaced; every failure is a one-line error with the documented exit code."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from asuser import needs_ordinary_user, own, run_cli, user_dir
from conftest import SMALL_PROGRESSIONS, SMALL_ROLES, Result, write_dataset

Run = Callable[..., Result]
LONG = "x" * 300
__all__ = ["user_dir"]  # the fixture, imported for the tests below


def cli(*args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "careerpath", *map(str, args)],
                          capture_output=True, text=True, check=False, timeout=60,
                          env={**os.environ, "NO_COLOR": "1", **env})


# --- text width ---------------------------------------------------------------

@pytest.mark.parametrize("columns", ["0", "1", "5", "40", "200", "abc", ""])
def test_a_file_does_not_depend_on_the_terminal_width(small: Path, tmp_path: Path,
                                                      columns: str) -> None:
    reference = tmp_path / "reference.txt"
    assert cli("--data", small, "path", "analyst", "hod", "-o", reference,
               COLUMNS="100").returncode == 0
    target = tmp_path / "r.txt"
    target.write_text("the previous export\n")
    done = cli("--data", small, "path", "analyst", "hod", "-o", target, "--force",
               COLUMNS=columns)
    assert done.returncode == 0, done.stderr
    assert target.read_text() == reference.read_text()
    assert "Head of Data" in target.read_text()


# A pipe honours a COLUMNS of 20 or more (tests/test_widths.py); 0 and 1 are ignored.
@pytest.mark.parametrize("columns", ["0", "1"])
def test_a_pipe_ignores_a_width_of_0_or_1(small: Path, columns: str) -> None:
    reference = cli("--data", small, "path", "analyst", "hod", COLUMNS="100")  # 100: default
    done = cli("--data", small, "path", "analyst", "hod", COLUMNS=columns)
    assert done.returncode == 0
    assert done.stdout == reference.stdout
    assert "1. Data Analyst  level 1" in done.stdout  # not one letter a line


@pytest.mark.parametrize(("columns", "width"), [("0", 100), ("1", 100), ("19", 100),
                                                ("40", 40), ("200", 200)])
def test_a_terminal_width_under_20_is_ignored(monkeypatch: pytest.MonkeyPatch, columns: str,
                                              width: int) -> None:
    import io

    from careerpath.render.console import make_console

    monkeypatch.setenv("COLUMNS", columns)
    assert make_console(file=io.StringIO(), force_terminal=True).width == width


# --- where -o writes ------------------------------------------------------------

def test_force_keeps_the_permission_bits(run: Run, small: Path, tmp_path: Path) -> None:
    target = tmp_path / "secret.txt"
    target.write_text("old\n")
    target.chmod(0o600)
    assert run("--data", small, "roles", "-o", target, "--force").exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Data Analyst" in target.read_text()


def test_a_new_file_gets_the_umask(run: Run, small: Path, tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        assert run("--data", small, "roles", "-o", tmp_path / "new.txt").exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


def test_a_link_to_a_file_is_written_through(run: Run, small: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    refused = run("--data", small, "roles", "-f", "csv", "-o", link)
    assert (refused.exit_code, real.read_text()) == (2, "old\n")
    assert run("--data", small, "roles", "-f", "csv", "-o", link, "--force").exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text().startswith("id,title")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "small") == [
        "link.csv", "real.csv"]


def test_a_dangling_link_makes_its_target(run: Run, small: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(tmp_path / "made.csv")
    assert run("--data", small, "roles", "-f", "csv", "-o", link).exit_code == 0
    assert link.is_symlink() and (tmp_path / "made.csv").read_text().startswith("id,")


def test_a_link_to_a_device_or_a_folder(run: Run, small: Path, tmp_path: Path) -> None:
    to_null = tmp_path / "null"
    to_null.symlink_to("/dev/null")
    assert run("--data", small, "roles", "-o", to_null, "--force").exit_code == 0
    assert to_null.is_symlink() and Path("/dev/null").is_char_device()
    to_folder = tmp_path / "folder-link"
    to_folder.symlink_to(small)
    refused = run("--data", small, "roles", "-o", to_folder, "--force")
    assert (refused.exit_code, refused.stderr) == (
        2, f"error: {to_folder} is a folder; name a file to write\n")
    assert to_folder.is_symlink()


def test_a_fifo_is_written_not_replaced(run: Run, small: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert run("--data", small, "roles", "-f", "csv", "-o", fifo).exit_code == 0
    reader.join(10)
    assert received[0].startswith(b"id,title") and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_link_to_our_stdout_appends_to_what_the_shell_opened(small: Path,
                                                               tmp_path: Path) -> None:
    # Our own link to /proc/self/fd/1, never the machine's /dev/stdout: a broken
    # version run as root would replace that link with a file for everyone.
    stdout_link = tmp_path / "stdout"
    stdout_link.symlink_to("/proc/self/fd/1")
    log = tmp_path / "log.txt"
    log.write_text("kept\n")
    with log.open("a") as appended:
        done = subprocess.run([sys.executable, "-m", "careerpath", "--data", str(small),
                               "roles", "-f", "csv", "-o", str(stdout_link), "--force"],
                              stdout=appended, stderr=subprocess.PIPE, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert log.read_text().startswith("kept\nid,title")
    assert stdout_link.is_symlink()


@pytest.mark.parametrize(("name", "descriptor"), [
    ("/dev/stdout", 1), ("/dev/stderr", 2), ("/dev/fd/3", 3), ("/proc/self/fd/1", 1),
    (f"/proc/{os.getpid()}/fd/4", 4), ("/proc/1/fd/1", None), ("plain.txt", None)])
def test_names_of_our_descriptors(name: str, descriptor: int | None) -> None:
    from careerpath.output import _open_descriptor

    assert _open_descriptor(name) == descriptor


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs /dev/full")
def test_output_to_dev_full(run: Run, small: Path) -> None:
    result = run("--data", small, "roles", "-o", "/dev/full")
    assert (result.exit_code, result.stderr) == (
        2, "error: cannot write /dev/full: No space left on device\n")


@pytest.mark.parametrize(("name", "message"), [
    ("", "error: the output file name is empty; name a file, or '-' for stdout\n"),
    ("{tmp}/newdir/", "error: cannot write {tmp}/newdir/: folder {tmp}/newdir does not exist\n"),
    ("{tmp}/", "error: {tmp}/ is a folder; name a file to write\n"),
    ("{tmp}/" + LONG, "error: cannot write {tmp}/" + LONG + ": File name too long\n"),
    ("{tmp}/" + LONG + "/x.txt", "error: cannot write {tmp}/" + LONG + "/x.txt: File name too long\n"),
])
def test_output_names_that_cannot_be_written(run: Run, small: Path, tmp_path: Path, name: str,
                                             message: str) -> None:
    result = run("--data", small, "roles", "-o", name.format(tmp=tmp_path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == message.format(tmp=tmp_path)
    assert not (tmp_path / "newdir").exists()


def test_a_name_of_250_characters_works(run: Run, small: Path, tmp_path: Path) -> None:
    target = tmp_path / ("y" * 250)  # within the limit; the temporary name must be too
    assert run("--data", small, "roles", "-o", target).exit_code == 0
    assert "Senior Data Analyst" in target.read_text()


@pytest.mark.parametrize("how", ["--data", "env", "validate"])
def test_a_data_folder_name_too_long(run: Run, how: str) -> None:
    args = {"--data": ["--data", LONG, "roles"], "env": ["roles"],
            "validate": ["validate", LONG]}[how]
    result = run(*args, env={"CAREERPATH_DATA": LONG} if how == "env" else None)
    origin = {"env": "CAREERPATH_DATA", "validate": "validate"}.get(how, "--data")
    assert (result.exit_code, result.stderr) == (
        2, f"error: {origin}: cannot open '{LONG}': File name too long\n")


SIGNAL_PROBE = """
import os, signal, sys, time
import careerpath.output

SIGNAL = getattr(signal, sys.argv[1])
# Python leaves SIGINT ignored when started so (a background job of a script): not here.
signal.signal(signal.SIGINT, signal.default_int_handler)

def stopped(fd):
    os.kill(os.getpid(), SIGNAL)
    time.sleep(5)

os.fsync = stopped
sys.argv = ["careerpath", "--data", sys.argv[2], "roles", "-o", sys.argv[3], "--force"]
from careerpath.cli import main
main()
"""


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_signal_mid_write_leaves_nothing(small: Path, tmp_path: Path, name: str,
                                           code: int) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "answer.txt"
    target.write_text("mine\n")
    done = subprocess.run([sys.executable, "-c", SIGNAL_PROBE, name, str(small), str(target)],
                          capture_output=True, text=True, check=False, timeout=60,
                          env={**os.environ, "CAREERPATH_NO_CACHE": "1"})
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    assert [p.name for p in out.iterdir()] == ["answer.txt"]
    assert target.read_text() == "mine\n"


def test_closed_stdout_is_a_one_line_error(small: Path) -> None:
    for fmt in ("text", "json"):
        done = subprocess.run(f"'{sys.executable}' -m careerpath --data '{small}' roles "
                              f"-f {fmt} >&-", shell=True, capture_output=False,
                              stderr=subprocess.PIPE, text=True, check=False, timeout=60)
        assert (done.returncode, done.stderr) == (
            2, "error: cannot write the answer: standard output is closed\n")


def test_closed_stdout_still_writes_a_file(small: Path, tmp_path: Path) -> None:
    done = subprocess.run(f"'{sys.executable}' -m careerpath --data '{small}' roles "
                          f"-o '{tmp_path}/r.txt' >&-", shell=True, stderr=subprocess.PIPE,
                          text=True, check=False, timeout=60)
    assert (done.returncode, done.stderr) == (0, "")
    assert "Data Analyst" in (tmp_path / "r.txt").read_text()


# --- as an ordinary user: permissions -------------------------------------------

@needs_ordinary_user
def test_output_into_a_folder_without_permission(user_dir: Path) -> None:
    data = write_dataset(user_dir / "data", SMALL_ROLES, SMALL_PROGRESSIONS)
    locked = user_dir / "locked"
    locked.mkdir()
    own(user_dir)
    locked.chmod(0o555)
    done = run_cli("--data", data, "roles", "-o", locked / "r.txt",
                   env={"XDG_CACHE_HOME": str(user_dir / "cache")})
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"error: cannot write {locked}/r.txt: Permission denied\n"
    assert list(locked.iterdir()) == []


@needs_ordinary_user
@pytest.mark.parametrize("how", ["--data", "env", "validate"])
def test_data_under_an_unreadable_folder(user_dir: Path, how: str) -> None:
    hidden = user_dir / "hidden"
    data = write_dataset(hidden / "data", SMALL_ROLES, SMALL_PROGRESSIONS)
    own(user_dir)
    hidden.chmod(0o000)
    args = {"--data": ["--data", data, "roles"], "env": ["roles"],
            "validate": ["validate", data]}[how]
    done = run_cli(*args, env={"CAREERPATH_DATA": str(data)} if how == "env" else {})
    origin = {"env": "CAREERPATH_DATA", "validate": "validate"}.get(how, "--data")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"error: {origin}: cannot open '{data}': Permission denied\n"


@needs_ordinary_user
def test_an_unreadable_data_file(user_dir: Path) -> None:
    data = write_dataset(user_dir / "data", SMALL_ROLES, SMALL_PROGRESSIONS)
    own(user_dir)
    (data / "roles.yaml").chmod(0o000)
    done = run_cli("--data", data, "roles")
    assert (done.returncode, done.stdout) == (3, "")
    assert done.stderr == f"{data}/roles.yaml: cannot read the file: Permission denied\n"


@needs_ordinary_user
def test_a_read_only_cache_folder_is_no_cache(user_dir: Path) -> None:
    data = write_dataset(user_dir / "data", SMALL_ROLES, SMALL_PROGRESSIONS)
    cache = user_dir / "cache" / "careerpath"
    cache.mkdir(parents=True)
    own(user_dir)
    cache.chmod(0o500)
    done = run_cli("--data", data, "roles", env={"XDG_CACHE_HOME": str(user_dir / "cache")})
    assert (done.returncode, done.stderr) == (0, "")
    assert "Data Analyst" in done.stdout and list(cache.iterdir()) == []


@needs_ordinary_user
def test_the_cache_works_for_an_ordinary_user(user_dir: Path) -> None:
    data = write_dataset(user_dir / "data", SMALL_ROLES, SMALL_PROGRESSIONS)
    own(user_dir)
    env = {"XDG_CACHE_HOME": str(user_dir / "cache")}
    first, again = run_cli("--data", data, "roles", env=env), run_cli("--data", data, "roles",
                                                                        env=env)
    assert first.stdout == again.stdout and first.returncode == 0
    [entry] = (user_dir / "cache" / "careerpath").glob("*.cache")
    assert entry.stat().st_uid == (65534 if os.geteuid() == 0 else os.geteuid())


def test_init_with_a_name_too_long(run: Run) -> None:
    result = run("init", LONG)
    assert (result.exit_code, result.stderr) == (2, f"error: {LONG}: File name too long\n")


@needs_ordinary_user
def test_init_into_a_folder_without_permission(user_dir: Path) -> None:
    locked = user_dir / "locked"
    locked.mkdir()
    own(user_dir)
    locked.chmod(0o555)
    done = run_cli("init", locked / "mine")
    assert (done.returncode, done.stderr) == (
        2, f"error: cannot create {locked}/mine: Permission denied\n")


def test_output_through_a_link_loop_or_a_file_as_folder(run: Run, small: Path,
                                                         tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    result = run("--data", small, "roles", "-o", loop, "--force")
    assert (result.exit_code, result.stderr) == (
        2, f"error: cannot write {loop}: Too many levels of symbolic links\n")
    plain = tmp_path / "plain.txt"
    plain.write_text("mine\n")
    result = run("--data", small, "roles", "-o", plain / "x.txt")
    assert (result.exit_code, result.stderr) == (
        2, f"error: cannot write {plain}/x.txt: Not a directory\n")
    assert plain.read_text() == "mine\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(("args", "code"), [(["show", "nobody"], 2), (["validate", "BAD"], 3)])
def test_a_full_stderr_keeps_the_exit_code(tmp_path: Path, args: list[str], code: int) -> None:
    import subprocess
    import sys

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "roles.yaml").write_text("roles:\n  - {id: a, title: A, level: x}\n")
    (bad / "progressions.yaml").write_text("progressions: []\n")
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "careerpath",
                               *[str(bad) if a == "BAD" else a for a in args]],
                              stdout=subprocess.DEVNULL, stderr=full, check=False, timeout=60)
    assert done.returncode == code

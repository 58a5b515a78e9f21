"""Issue 10, the whole class: every file careerpath reads from a user (data, profile,
lint config, import sources) is refused unless it is a plain file of bounded size;
a value Python cannot hold is a located problem; writing to a closed or full stdout
is one line, whatever wrote it; `site -o` cleans up on SIGTERM."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SMALL_PROGRESSIONS, SMALL_ROLES, Result, write_dataset

Run = Callable[..., Result]
KINDS = ["fifo", "/dev/zero", "folder"]
WHAT = {"fifo": "a device or a pipe", "/dev/zero": "a device or a pipe", "folder": "a folder"}


def cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """In a child with a timeout: a regression here hangs (a FIFO) or eats memory."""
    return subprocess.run([sys.executable, "-m", "careerpath", *map(str, args)],
                          capture_output=True, text=True, check=False, timeout=60, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100"})


def make_unplain(path: Path, kind: str) -> None:
    """A FIFO with no writer (a plain open() waits for ever), a link to /dev/zero
    (never ends), or a folder, where a file is expected."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(kind)


def not_plain(kind: str, what: str) -> str:
    return f"not a regular file ({WHAT[kind]}); {what} must be a plain file"


@pytest.mark.parametrize("kind", KINDS)
def test_a_profile_that_is_not_a_plain_file(small: Path, tmp_path: Path, kind: str) -> None:
    profile = tmp_path / "me.yaml"
    make_unplain(profile, kind)
    done = cli("--data", small, "match", "--me", profile)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"error: cannot read the profile {profile}: " \
                          f"{not_plain(kind, 'a profile')}\n"


@pytest.mark.parametrize("kind", KINDS)
def test_a_lint_config_that_is_not_a_plain_file(small: Path, kind: str) -> None:
    # Not silently ignored either: the user meant its settings to apply.
    config = small / "careerpath.lint.yaml"
    make_unplain(config, kind)
    done = cli("lint", small)
    assert (done.returncode, done.stdout) == (3, "")
    assert done.stderr == f"{config}:1:1: cannot read the file: " \
                          f"{not_plain(kind, 'a lint config')}\n"


@pytest.mark.parametrize("command", ["lint", "validate"])
def test_lint_and_validate_refuse_a_fifo_as_data(tmp_path: Path, command: str) -> None:
    folder = write_dataset(tmp_path / "data", SMALL_ROLES, SMALL_PROGRESSIONS)
    (folder / "roles.yaml").unlink()
    make_unplain(folder / "roles.yaml", "fifo")
    done = cli(command, folder)
    assert (done.returncode, done.stdout) == (3, "")
    assert done.stderr.endswith(f"{folder}/roles.yaml: {not_plain('fifo', 'a dataset file')}\n")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("kind", KINDS)
def test_import_csv_sources_that_are_not_plain_files(tmp_path: Path, kind: str) -> None:
    roles, moves = tmp_path / "roles.csv", tmp_path / "moves.csv"
    make_unplain(roles, kind)
    moves.write_text("from,to\n")
    done = cli("import", "csv", roles, moves, "-o", tmp_path / "out")
    assert (done.returncode, done.stdout) == (3, "")
    assert done.stderr == f"{roles}:1: cannot read the file: {not_plain(kind, 'a spreadsheet')}\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_import_onet_tables_that_are_not_plain_files(tmp_path: Path, kind: str) -> None:
    release = tmp_path / "onet"
    release.mkdir()
    make_unplain(release / "Occupation Data.txt", kind)
    done = cli("import", "onet", release, "-o", tmp_path / "out")
    assert done.returncode == 3 and "Traceback" not in done.stderr
    assert f"{release}/Occupation Data.txt:1: cannot read the file: " \
           f"{not_plain(kind, 'an O*NET table')}\n" in done.stderr
    assert not (tmp_path / "out").exists()


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)  # costs no disk, and not a byte of it may be read
    return path


def test_a_huge_profile_is_refused_before_it_is_read(run: Run, small: Path,
                                                     tmp_path: Path) -> None:
    profile = sparse(tmp_path / "me.yaml", 1 << 30)
    done = run("--data", small, "match", "--me", profile)
    assert (done.exit_code, done.stderr) == (3, f"{profile}:1:1: a profile must be under 1 MiB\n")


def test_huge_import_sources_and_lint_config_are_refused(run: Run, small: Path,
                                                         tmp_path: Path) -> None:
    too_large = ("file is too large (1024 MiB; the limit is 64 MiB: raise it with "
                 "CAREERPATH_MAX_FILE_MB)")
    roles = sparse(tmp_path / "roles.csv", 1 << 30)
    moves = sparse(tmp_path / "moves.csv", 1 << 30)
    done = run("import", "csv", roles, moves, "-o", tmp_path / "out")
    assert (done.exit_code, done.stderr) == (
        3, f"{roles}:1: cannot read the file: {too_large}\n"
           f"{moves}:1: cannot read the file: {too_large}\n")
    config = sparse(small / "careerpath.lint.yaml", 1 << 30)
    done = run("lint", small)
    assert (done.exit_code, done.stderr) == (3, f"{config}:1:1: cannot read the file: "
                                                f"{too_large}\n")


def test_a_file_growing_past_the_limit_while_read(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from careerpath import datafiles

    path = tmp_path / "roles.yaml"
    path.write_bytes(b"x" * 10)
    real_fstat = os.fstat

    def smaller(handle: int) -> os.stat_result:  # the size fstat saw, before it grew
        found = list(real_fstat(handle))
        found[6] = 4
        return os.stat_result(found)

    monkeypatch.setattr(datafiles.os, "fstat", smaller)
    refused = datafiles.read_data_file(path, limit=8)
    assert isinstance(refused, datafiles.FileTooLarge)
    assert refused.strerror == "file grew past the size limit while being read"
    assert datafiles.read_data_file(path, limit=10) == b"x" * 10


# --- values Python cannot hold ---------------------------------------------------------

def test_an_integer_of_thousands_of_digits_is_a_located_problem(
        run: Run, make_dataset: Callable[..., Path]) -> None:
    digits = "9" * 5000  # int() refuses over 4,300 digits: a ValueError traceback before
    roles = (f"roles:\n  - {{id: a, title: A, level: {digits}}}\n"
             f"  - {{id: b, title: B, level: 2, skills: {{{digits}: 2}}}}\n")
    folder = make_dataset(roles=roles, progressions="progressions: []\n")
    done = run("validate", folder)
    shown = "99999999999999999999…' is too long (5000 characters)"
    assert done.exit_code == 3
    assert done.stderr.splitlines()[1:3] == [
        f"{folder}/roles.yaml:2:30: number '{shown}",
        f"{folder}/roles.yaml:3:42: number '{shown}"]


# --- messages name what the user typed ----------------------------------------------

def test_lint_names_its_own_argument_in_errors(run: Run) -> None:
    long = "x" * 300
    done = run("lint", long)
    assert (done.exit_code, done.stderr) == (
        2, f"error: lint: cannot open '{long}': File name too long\n")


# --- stdout closed or full, whatever writes to it -------------------------------------

@pytest.mark.parametrize("args", [["--help"], ["--version"], ["path", "--help"], ["roles"]])
@pytest.mark.parametrize("stdout", ["closed", "/dev/full"])
def test_help_and_version_to_a_closed_or_full_stdout(args: list[str], stdout: str) -> None:
    if stdout == "/dev/full" and not Path("/dev/full").is_char_device():
        pytest.skip("needs /dev/full")
    redirect = ">&-" if stdout == "closed" else "> /dev/full"
    done = subprocess.run(f"'{sys.executable}' -m careerpath {' '.join(args)} {redirect}",
                          shell=True, stderr=subprocess.PIPE, text=True, check=False,
                          timeout=60)
    reason = "standard output is closed" if stdout == "closed" else "No space left on device"
    assert done.returncode == 2
    assert done.stderr in (f"error: {reason}\n", f"error: cannot write the answer: {reason}\n")


# --- site -o: SIGTERM leaves nothing behind ------------------------------------------

SITE_PROBE = """
import os, signal, sys, time
import careerpath.site

real_write_pages = careerpath.site.write_pages

def killed(*args):
    real_write_pages(*args)  # the new site is complete in its temporary folder
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(5)

careerpath.site.write_pages = killed
sys.argv = ["careerpath", "--data", sys.argv[1], "site", "-o", sys.argv[2], "--force"]
from careerpath.cli import main
main()
"""


@pytest.mark.parametrize("existing", [False, True])
def test_sigterm_during_site_leaves_no_temporary_folder(small: Path, tmp_path: Path,
                                                        existing: bool) -> None:
    out = tmp_path / "out"
    out.mkdir()
    site = out / "site"
    if existing:
        assert cli("--data", small, "site", "-o", site).returncode == 0
        (site / "index.html").write_text("the previous site\n")
    done = subprocess.run([sys.executable, "-c", SITE_PROBE, str(small), str(site)],
                          capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 143, done.stderr
    assert "Traceback" not in done.stderr
    assert [p.name for p in out.iterdir()] == (["site"] if existing else [])
    if existing:
        assert (site / "index.html").read_text() == "the previous site\n"


# --- names ----------------------------------------------------------------------------

def test_a_blank_braille_pattern_in_a_title_is_refused(run: Run,
                                                       make_dataset: Callable[..., Path]) -> None:
    roles = ('roles:\n  - {id: a, title: "Data\u2800Analyst", level: 1}\n'
             '  - {id: b, title: "Data Analyst Two", level: 2}\n')
    folder = make_dataset(roles=roles, progressions="progressions: []\n")
    done = run("validate", folder)
    assert done.exit_code == 3
    assert done.stderr.splitlines()[1] == (
        f"{folder}/roles.yaml:2:20: title 'Data\\u2800Analyst' contains U+2800 (BRAILLE "
        "PATTERN BLANK), which cannot be seen or reorders text; names must be plain visible text")

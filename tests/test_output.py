"""Writing answers: files written whole or not at all, pipes, colour and encodings."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.text import Text

from careerpath.output import OutputError, write_atomic
from careerpath.render.console import make_console
from conftest import Result

Run = Callable[..., Result]


def test_output_file_equals_stdout(run: Run, small: Path, tmp_path: Path) -> None:
    for fmt in ("text", "json", "markdown", "csv", "mermaid", "dot"):
        target = tmp_path / f"out.{fmt}"
        written = run("--data", small, "path", "analyst", "hod", "-f", fmt, "-o", target)
        assert (written.exit_code, written.stdout) == (0, "")
        printed = run("--data", small, "path", "analyst", "hod", "-f", fmt, "-o", "-")
        assert target.read_text(encoding="utf-8") == printed.stdout


def test_existing_file_is_not_replaced_without_force(run: Run, small: Path,
                                                     tmp_path: Path) -> None:
    target = tmp_path / "keep.md"
    target.write_text("mine\n")
    refused = run("--data", small, "roles", "-f", "markdown", "-o", target)
    assert refused.exit_code == 2
    assert refused.stderr == f"error: {target} already exists; add --force to replace it\n"
    assert target.read_text() == "mine\n"
    forced = run("--data", small, "roles", "-f", "markdown", "-o", target, "--force")
    assert forced.exit_code == 0 and target.read_text().startswith("# Roles")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "small") == ["keep.md"]


def test_missing_folder_is_one_line(run: Run, small: Path, tmp_path: Path) -> None:
    result = run("--data", small, "roles", "-o", tmp_path / "nope" / "x.txt")
    assert result.exit_code == 2
    assert result.stderr == (f"error: cannot write {tmp_path}/nope/x.txt: folder "
                             f"{tmp_path}/nope does not exist\n")


def test_interrupted_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(str(tmp_path / "out.txt"), "text", force=False)
    assert list(tmp_path.iterdir()) == []


def test_write_into_a_folder_path_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        write_atomic(str(tmp_path), "x", force=True)


@pytest.mark.parametrize(("no_color", "env"), [(True, {}), (False, {"NO_COLOR": "1"}),
                                               (False, {"TERM": "dumb"})])
def test_no_escape_codes_when_colour_is_off(monkeypatch: pytest.MonkeyPatch, no_color: bool,
                                            env: dict[str, str]) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    buffer = io.StringIO()
    make_console(no_color=no_color, file=buffer, force_terminal=True).print(Text("x", "bold red"))
    assert "\x1b" not in buffer.getvalue()


def test_colour_on_a_terminal_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    buffer = io.StringIO()
    make_console(file=buffer, force_terminal=True).print(Text("x", "bold red"))
    assert "\x1b[" in buffer.getvalue()


def _cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "careerpath", *args], capture_output=True,
                          text=True, env={**os.environ, **env}, check=False)


def test_ascii_terminal_does_not_crash() -> None:
    done = _cli("path", "coordinator", "cdo", PYTHONIOENCODING="ascii")
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "Chief Digital Officer" in done.stdout


def test_closed_pipe_gives_no_traceback() -> None:
    done = subprocess.run(f"'{sys.executable}' -m careerpath graph | head -1", shell=True,
                          capture_output=True, text=True, check=False)
    assert done.stdout.startswith("The career ladder")
    assert "Traceback" not in done.stderr and "Error" not in done.stderr


def test_ctrl_c_exits_130(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import careerpath.queries

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(careerpath.queries, "list_roles", interrupted)
    result = run("roles")
    assert result.exit_code == 130 and "Traceback" not in result.stderr


def test_a_real_bug_shows_no_local_variables() -> None:
    probe = ("import sys\nimport careerpath.queries as q\n"
             "def broken(*args):\n    secret = 'LOCAL-VALUE'\n    raise RuntimeError('a real bug')\n"
             "q.list_roles = broken\nsys.argv = ['careerpath', 'roles']\n"
             "from careerpath.cli import main\nmain()\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "100"}, check=False)
    assert done.returncode == 1
    assert "RuntimeError: a real bug" in done.stderr
    assert "LOCAL-VALUE" not in done.stderr


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="needs /dev/null")
def test_output_to_a_device_writes_to_it_and_never_replaces_it(run: Run) -> None:
    result = run("roles", "-f", "csv", "-o", "/dev/null")
    assert result.exit_code == 0
    assert Path("/dev/null").is_char_device()


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_full_disk_is_a_one_line_error(fmt: str) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "careerpath", "roles", "-f", fmt],
                              stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert (done.returncode, done.stderr) == (
        2, "error: cannot write the answer: No space left on device\n")
    assert Path("/dev/full").is_char_device()

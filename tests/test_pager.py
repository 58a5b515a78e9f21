"""Long answers on a terminal go through the pager, like git; never when piped."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

RECORDER = "import sys; open(sys.argv[1], 'w').write(sys.stdin.read())"


def run_on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run careerpath with stdout on a pseudo-terminal of 24 lines; return what it printed."""
    leader, follower = pty.openpty()
    script = ("from careerpath.cli import main\nimport sys\n"
              "sys.argv = ['careerpath', *sys.argv[1:]]\nmain()\n")
    full = {**os.environ, "COLUMNS": "80", "LINES": "24", "TERM": "xterm", **env}
    process = subprocess.Popen([sys.executable, "-c", script, *args], stdout=follower,
                               stderr=subprocess.DEVNULL, env=full)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_tall_answer_is_paged(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"{RECORDER}\" {paged}"
    shown = run_on_a_terminal(["show", "manager"], {"PAGER": pager})
    assert "Ecommerce Manager" in paged.read_text(encoding="utf-8")
    assert "Ecommerce Manager" not in shown


def test_a_short_answer_is_not_paged(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"{RECORDER}\" {paged}"
    shown = run_on_a_terminal(["skills", "vp"], {"PAGER": pager})
    assert not paged.exists()
    assert "Executive leadership" in shown


def test_no_pager_and_cat_print_directly(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"{RECORDER}\" {paged}"
    assert "Ecommerce Manager" in run_on_a_terminal(["show", "manager", "--no-pager"],
                                                    {"PAGER": pager})
    assert not paged.exists()
    assert "Ecommerce Manager" in run_on_a_terminal(["show", "manager"], {"PAGER": "cat"})


def test_never_paged_when_piped(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    script = ("from careerpath.cli import main\nimport sys\n"
              "sys.argv = ['careerpath', 'show', 'manager']\nmain()\n")
    env = {**os.environ, "PAGER": f"{sys.executable} -c \"{RECORDER}\" {paged}"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, timeout=60)
    assert "Ecommerce Manager" in result.stdout
    assert not paged.exists()

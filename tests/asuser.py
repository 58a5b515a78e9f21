"""Running the CLI as an ordinary user, so permission tests are real even under root.

As root, a child process drops to `nobody` with setpriv; as anyone else, the
child simply runs as that user. Only root without setpriv must skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

NOBODY = 65534
ROOT = os.geteuid() == 0
SETPRIV = shutil.which("setpriv")

def _ordinary_user_can_run() -> bool:
    """Whether `nobody` can import careerpath (its venv or source may sit in a
    folder only root can enter, e.g. a 0700 temporary folder)."""
    if not ROOT or SETPRIV is None:
        return not ROOT
    probe = subprocess.run([SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                            sys.executable, "-c", "import careerpath.cli"],
                           capture_output=True, check=False, timeout=60, cwd="/")
    return probe.returncode == 0


ORDINARY_USER_CAN_RUN = _ordinary_user_can_run()
needs_ordinary_user = pytest.mark.skipif(
    not ORDINARY_USER_CAN_RUN,
    reason="cannot run careerpath as an ordinary user here (root without setpriv, or the "
           "venv or the source is in a folder that user cannot enter)")


def own(path: Path) -> None:
    """Give `path` (recursively) to the user the child runs as."""
    if not ROOT:
        return
    for folder, names, files in os.walk(path):
        os.chown(folder, NOBODY, NOBODY)
        for name in names + files:
            os.chown(os.path.join(folder, name), NOBODY, NOBODY, follow_symlinks=False)


def run_cli(*args: str | Path, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m careerpath ARGS` as an ordinary user; no colour, width 100."""
    if not ORDINARY_USER_CAN_RUN:
        pytest.skip("cannot run careerpath as an ordinary user here (root without setpriv, or "
                    "the venv or the source is in a folder that user cannot enter)")
    prefix = [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] \
        if ROOT and SETPRIV else []
    full_env = {name: value for name, value in os.environ.items() if name != "CAREERPATH_DATA"}
    full_env.update({"COLUMNS": "100", "NO_COLOR": "1", **(env or {})})
    return subprocess.run([*prefix, sys.executable, "-m", "careerpath", *map(str, args)],
                          capture_output=True, text=True, env=full_env, cwd=cwd, check=False,
                          timeout=60)


@pytest.fixture
def user_dir() -> Iterator[Path]:
    """A folder the ordinary user owns (tmp_path is root's 0700 tree under root)."""
    folder = Path(tempfile.mkdtemp(prefix="careerpath-user-", dir="/tmp"))
    own(folder)
    try:
        yield folder
    finally:
        for inner, _names, _files in os.walk(folder):
            os.chmod(inner, 0o700)
        shutil.rmtree(folder)

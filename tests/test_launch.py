"""The command's entry point: imports run with the cyclic collector paused."""

import gc
import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest

from careerpath import cli, launch

# Records, for each collection after the launcher was imported, whether careerpath.cli
# had finished importing. (Importing the package itself may collect, in an editable
# install: its finder runs first.)
PROBE = """
import gc, sys
during_import = []
def seen(phase, info):
    if phase == "start" and "careerpath.launch" in sys.modules:
        module = sys.modules.get("careerpath.cli")
        during_import.append(module is None or not hasattr(module, "main"))
gc.callbacks.append(seen)
sys.argv = ["careerpath", "--version"]
try:
    {start}
except SystemExit:
    pass
gc.callbacks.remove(seen)
print(sum(during_import), gc.isenabled(), gc.get_freeze_count() > 0)
"""


def _probe(start: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", PROBE.format(start=start)],
                          capture_output=True, text=True, check=True)
    return done.stdout.split("\n")[-2].split()


def test_no_collection_while_importing_and_the_collector_resumes() -> None:
    collections, enabled, frozen = _probe("from careerpath.launch import main; main()")
    assert (collections, enabled, frozen) == ("0", "True", "True")


def test_the_probe_sees_collections_during_a_plain_import() -> None:
    # Without the launcher the same imports do trigger collections: the probe can fail.
    collections, _, _ = _probe("import careerpath.launch; from careerpath.cli import main; main()")
    assert int(collections) > 0


@pytest.mark.parametrize("enabled", [True, False])
def test_runs_the_command_with_the_collector_as_it_found_it(
        monkeypatch: pytest.MonkeyPatch, enabled: bool) -> None:
    states: list[bool] = []
    monkeypatch.setattr(cli, "main", lambda: states.append(gc.isenabled()))
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        launch.main()
        assert states == [enabled] and gc.isenabled() is enabled
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()


# Ctrl-C arriving while our modules import, as a finder that is interrupted mid-import.
CTRL_C_PROBE = """
import sys
from collections.abc import Iterator

class Interrupted:
    def find_spec(self, name, path=None, target=None):
        if name == "careerpath.cli":
            raise KeyboardInterrupt

sys.meta_path.insert(0, Interrupted())
sys.argv = ["careerpath", "--version"]
{start}
"""


@pytest.mark.parametrize(("start", "code", "quiet"), [
    ("from careerpath.launch import main; main()", 130, True),
    ("from careerpath.cli import main; main()", -2, False),  # the probe can fail
])
def test_ctrl_c_during_the_imports_exits_130_quietly(start: str, code: int,
                                                      quiet: bool) -> None:
    done = subprocess.run([sys.executable, "-c", CTRL_C_PROBE.format(start=start)],
                          capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == code
    assert (done.stderr == "") is quiet, done.stderr
    assert done.stdout == ""


# Ctrl-C pressed while careerpath.cli imports: held back until the import is done.
HELD_PROBE = """
import atexit, os, signal, sys

class PressCtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "careerpath.cli":
            os.kill(os.getpid(), signal.SIGINT)
        return None  # the import goes on

atexit.register(lambda: print(hasattr(sys.modules.get("careerpath.cli"), "main")))
sys.meta_path.insert(0, PressCtrlC())
sys.argv = ["careerpath", "--version"]
from careerpath.launch import main
main()
"""


def test_ctrl_c_during_the_imports_lands_once_they_are_done() -> None:
    done = subprocess.run([sys.executable, "-c", HELD_PROBE], capture_output=True, text=True,
                          check=False, timeout=60)
    assert (done.returncode, done.stderr) == (130, "")
    assert done.stdout == "True\n"  # the import finished; the command itself never ran


@pytest.fixture
def sigint_restored() -> Iterator[None]:
    handler = signal.getsignal(signal.SIGINT)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler)


def _raise(error: BaseException) -> None:
    raise error


@pytest.mark.usefixtures("sigint_restored")
def test_a_ctrl_c_wrapped_in_a_runtime_error_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    # What Python 3.11 raises for a Ctrl-C while a class is made (its __set_name__ calls).
    wrapped = RuntimeError("Error calling __set_name__")
    wrapped.__cause__ = KeyboardInterrupt()
    monkeypatch.setattr(cli, "main", lambda: _raise(wrapped))
    with pytest.raises(SystemExit) as leaving:
        launch.main()
    assert leaving.value.code == 130
    # Stopping already: a second Ctrl-C is not another traceback at shutdown.
    assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN


@pytest.mark.usefixtures("sigint_restored")
def test_other_runtime_errors_and_exits_pass_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "main", lambda: _raise(RuntimeError("a bug")))
    with pytest.raises(RuntimeError, match="a bug"):
        launch.main()
    monkeypatch.setattr(cli, "main", lambda: _raise(SystemExit(3)))
    with pytest.raises(SystemExit) as leaving:
        launch.main()
    assert leaving.value.code == 3
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN

"""The built-in dataset ships with the package, in a wheel and in an editable install."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from careerpath.loader import builtin_source

ROOT = Path(__file__).resolve().parent.parent


def test_installed_package_serves_the_repository_data() -> None:
    # With `pip install -e .` this is the repository's data/ itself; with
    # `pip install .` it is the copy inside site-packages: the same bytes either way.
    source = builtin_source()
    assert source.roles.read_bytes() == (ROOT / "data" / "roles.yaml").read_bytes()
    assert source.progressions.read_bytes() == (ROOT / "data" / "progressions.yaml").read_bytes()


@pytest.mark.skipif(not (ROOT / "pyproject.toml").exists(), reason="needs the source tree")
def test_wheel_contains_the_data(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path),
                    str(ROOT)], check=True, capture_output=True)
    [wheel] = tmp_path.glob("careerpath-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert {"careerpath/data/roles.yaml", "careerpath/data/progressions.yaml",
                "careerpath/data/__init__.py", "careerpath/cli.py",
                "careerpath/templates/roles.yaml", "careerpath/templates/progressions.yaml",
                "careerpath/lint/__init__.py", "careerpath/schemas/roles.schema.json",
                "careerpath/schemas/progressions.schema.json",
                "careerpath/py.typed"} <= names  # the API is typed for its users (PEP 561)
        assert archive.read("careerpath/data/roles.yaml") == \
            (ROOT / "data" / "roles.yaml").read_bytes()

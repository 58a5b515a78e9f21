"""The README's examples are real: regenerating them changes nothing."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(not (ROOT / "docs" / "build_readme.py").exists(), reason="no docs here")
def test_readme_examples_are_current_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CAREERPATH_DATA", raising=False)
    spec = importlib.util.spec_from_file_location("build_readme", ROOT / "docs" / "build_readme.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = (ROOT / "README.md").read_text(encoding="utf-8")
    assert module.render_readme() == expected, "run: python docs/build_readme.py"

"""Shell completion offers role names, not file names, in bash, zsh and fish."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from careerpath.completion import typed_form


def complete(env: dict[str, str]) -> str:
    """Run the installed program the way a shell's completion script does."""
    script = "from careerpath.cli import main\nimport sys\nsys.argv = ['careerpath']\nmain()\n"
    full = {**os.environ, **env}
    result = subprocess.run([sys.executable, "-c", script], env=full, capture_output=True,
                            text=True, timeout=60)
    return result.stdout


@pytest.mark.parametrize(("words", "cword", "expected"), [
    ("careerpath show sen", "2", ["senior-ecommerce-director", "senior-ecommerce-manager"]),
    ("careerpath path coordinator --via vi", "4", ["vice-president-of-ecommerce"]),
    ("careerpath compare cd", "2", ["cdo"]),
    ("careerpath next chief", "2", ["chief-digital-officer"]),
])
def test_bash_completes_role_names(words: str, cword: str, expected: list[str]) -> None:
    out = complete({"_CAREERPATH_COMPLETE": "complete_bash", "COMP_WORDS": words,
                    "COMP_CWORD": cword})
    assert out.split() == expected


def test_zsh_and_fish_show_titles(small: Path) -> None:
    zsh = complete({"_CAREERPATH_COMPLETE": "complete_zsh",
                    "_TYPER_COMPLETE_ARGS": f"careerpath --data {small} path analyst h"})
    assert '"head-of-data":"Head of Data"' in zsh
    fish = complete({"_CAREERPATH_COMPLETE": "complete_fish",
                     "_TYPER_COMPLETE_ARGS": f"careerpath --data {small} show se",
                     "_TYPER_COMPLETE_FISH_ACTION": "get-args"})
    assert fish.splitlines() == ["senior-analyst\tSenior Data Analyst"]


@pytest.mark.parametrize(("name", "typed", "offered"), [
    ("senior-manager", "sen", "senior-manager"),
    ("Senior Ecommerce Manager", "Senior-E", "Senior-Ecommerce-Manager"),
    ("Senior Ecommerce Manager", "senior ec", "senior ecommerce Manager"),
    ("Senior Ecommerce Manager", "senior-e", "senior-ecommerce-Manager"),
    ("vice president", "vp", None),
])
def test_a_title_is_offered_as_one_word_with_the_users_prefix(name: str, typed: str,
                                                              offered: str | None) -> None:
    assert typed_form(name, typed) == offered

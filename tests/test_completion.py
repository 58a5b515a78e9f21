"""Shell completion offers role names, not file names, in bash, zsh and fish."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def test_completion_reads_the_cache_names_file_and_never_a_stale_one(
        small: Path, private_cache: Path) -> None:
    from careerpath import cache
    from careerpath.loader import load_dataset, role_names

    load_dataset(str(small))  # writes the entry and its names file
    names_files = list(private_cache.glob(f"*{cache.NAMES_SUFFIX}"))
    assert len(names_files) == 1
    assert ("head-of-data", "Head of Data", ("hod",)) in role_names(str(small))
    # The names file alone answers: its roles are what completion offers.
    text = names_files[0].read_text(encoding="utf-8")
    names_files[0].write_text(text.replace('"Head of Data"', '"Head of Everything"'),
                              encoding="utf-8")
    assert ("head-of-data", "Head of Everything", ("hod",)) in role_names(str(small))
    # An edit of the data makes it stale: the dataset is read again.
    roles = small / "roles.yaml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("Head of Data", "Data Head"),
                     encoding="utf-8")
    assert ("head-of-data", "Data Head", ("hod",)) in role_names(str(small))
    # A damaged names file is no names file.
    for damaged in private_cache.glob(f"*{cache.NAMES_SUFFIX}"):
        damaged.write_text('{"format": 4, "roles": [[1, 2, 3]]}', encoding="utf-8")
    assert ("head-of-data", "Data Head", ("hod",)) in role_names(str(small))


def test_an_entry_without_its_names_file_gets_one(small: Path, private_cache: Path) -> None:
    from careerpath import cache
    from careerpath.loader import load_dataset, role_names

    load_dataset(str(small))
    for names in private_cache.glob(f"*{cache.NAMES_SUFFIX}"):
        names.unlink()
    assert len(role_names(str(small))) == 7
    assert len(list(private_cache.glob(f"*{cache.NAMES_SUFFIX}"))) == 1


MARKUP_ROLES = """\
roles:
  - {id: lead, title: "[bold]Lead[/bold] of Data", level: 1}
  - {id: lead-two, title: "Lead [red]Two", level: 2}
"""
PROBE_RICH = ("from careerpath.cli import main\nimport sys\nsys.argv = ['careerpath']\n"
              "try:\n    main()\nexcept SystemExit:\n    pass\n"
              "sys.stderr.write('rich' in sys.modules and 'RICH' or 'clean')\n")


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_show_titles_as_written_without_rich(make_dataset: Any,
                                                          shell: str) -> None:
    folder = make_dataset(MARKUP_ROLES, "progressions: []\n")
    env = {**os.environ, "_CAREERPATH_COMPLETE": f"complete_{shell}",
           "_TYPER_COMPLETE_ARGS": f"careerpath --data {folder} show lea",
           "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    done = subprocess.run([sys.executable, "-c", PROBE_RICH], env=env, capture_output=True,
                          text=True, timeout=60)
    assert "[bold]Lead[/bold] of Data" in done.stdout and "Lead [red]Two" in done.stdout
    assert done.stderr.endswith("clean"), done.stderr


@pytest.mark.parametrize(("words", "cword", "expected"), [
    ("careerpath show vp --format ", "4", ["text", "json", "markdown"]),
    ("careerpath roles -f ", "3", ["text", "json", "markdown", "csv"]),
    ("careerpath path a b --format m", "5", ["markdown", "mermaid"]),
    ("careerpath validate --format ", "3", ["text", "json"]),
])
def test_format_completion_offers_only_what_the_command_takes(words: str, cword: str,
                                                             expected: list[str]) -> None:
    out = complete({"_CAREERPATH_COMPLETE": "complete_bash", "COMP_WORDS": words,
                    "COMP_CWORD": cword})
    assert out.split() == expected

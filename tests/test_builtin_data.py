"""The built-in dataset held to the linter, and to its three source texts."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from careerpath import load_dataset
from careerpath.lint import lint_source
from careerpath.lint.config import CONFIG_FILE
from careerpath.loader import builtin_source

ROOT = Path(__file__).resolve().parent.parent
# The source texts: beside the repository (CI and the main checkout), or where
# $CAREERPATH_SEEDS says (a git worktree elsewhere).
SEEDS = Path(os.environ.get("CAREERPATH_SEEDS") or ROOT.parent / "shared" / "seeds")
RUN = 6  # no run of this many words may match a source text
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def test_builtin_data_lints_clean_with_every_rule_on() -> None:
    source = builtin_source()
    assert not (source.roles.parent / CONFIG_FILE).exists()
    assert lint_source(source) == []


def _texts(value: Any, path: tuple[str, ...] = ()) -> Iterator[str]:
    """Every text in the data: values and keys (skill names), but not source
    titles, which are citations and must match what a reader looks up."""
    if isinstance(value, dict):
        for key, item in value.items():
            if path[:1] == ("sources",) and key == "title":
                continue
            yield str(key)
            yield from _texts(item, (*path, str(key)))
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item, path)
    elif isinstance(value, str):
        yield value


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.casefold().replace("’", "'"))
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source texts (../shared/seeds) are not here")
def test_no_run_of_six_words_from_the_sources() -> None:
    seeds = set().union(*(_runs(path.read_text(encoding="utf-8"))
                          for path in sorted(SEEDS.glob("*.txt"))))
    assert seeds, "no source text found"
    source = builtin_source()
    copied = [(text, " ".join(run)) for path in (source.roles, source.progressions)
              for text in _texts(yaml.safe_load(path.read_text(encoding="utf-8")))
              for run in _runs(text) & seeds]
    assert copied == []


def test_the_check_would_see_a_copied_sentence() -> None:
    copied = "Ecommerce Managers are the driving force behind the online sales strategies"
    assert _runs(copied) & _runs("They are the driving force behind the online sales plans")
    assert not _runs("Set the ecommerce plan in line with what the company wants") & _runs(
        "Creating and executing the ecommerce business strategy in alignment with company goals")


def test_proficiency_is_stated_as_an_estimate_and_sources_are_readable() -> None:
    data = load_dataset()
    assert data.framework.proficiency is not None
    assert "estimates" in data.framework.proficiency
    assert [(s.id, s.kind) for s in data.sources.values()] == [
        ("four-ecommerce-roles", "blog post"), ("ecommerce-manager-guide", "career guide"),
        ("ecommerce-director-guide", "career guide")]
    assert all(role.source and set(role.source) <= set(data.sources)
               for role in data.roles.values())


def test_moves_the_sources_do_not_state_are_marked_modelled() -> None:
    data = load_dataset()
    modelled = {(m.source_id, m.target_id) for m in data.progressions if m.modelled}
    assert {("digital-marketing-specialist", "digital-marketing-ecommerce-manager"),
            ("customer-experience-manager", "customer-experience-ecommerce-manager"),
            ("ecommerce-coordinator", "customer-experience-manager")} <= modelled
    assert all(not m.source for m in data.progressions if m.modelled)
    assert all(m.source for m in data.progressions if not m.modelled)


def test_fixes_from_reading_the_sources() -> None:
    roles = load_dataset().roles
    assert "sem" not in roles["senior-ecommerce-manager"].aliases
    assert roles["customer-experience-manager"].level == roles["ecommerce-manager"].level
    for role_id in ("senior-ecommerce-manager", "senior-ecommerce-director"):
        assert roles[role_id].activities, role_id
    assert {"Web design", "Project management", "Prioritisation"} <= set(
        roles["ecommerce-manager"].skills)
    assert "Communication" in roles["ecommerce-director"].skills
    director = roles["operations-ecommerce-director"].skills
    assert director["Ecommerce strategy"] == roles["ecommerce-director"].skills[
        "Ecommerce strategy"]


def _moves() -> dict[tuple[str, str], Any]:
    return {(m.source_id, m.target_id): m for m in load_dataset().progressions}


def test_duties_the_sources_give_are_there() -> None:
    roles = load_dataset().roles
    manager = " ".join(roles["ecommerce-manager"].responsibilities)
    assert "service questions" in manager and "trends" in manager
    director = roles["ecommerce-director"].responsibilities
    assert any("new technology" in duty and "IT and marketing" in duty for duty in director)
    assert any("Keep track of what is new" in duty for duty in director)
    assert "Communication" in roles["ecommerce-director"].skills


def test_the_director_guides_manager_to_director_move_is_cited() -> None:
    move = _moves()[("ecommerce-manager", "ecommerce-director")]
    assert (move.kind, move.source, move.modelled) == (
        "promotion", ("ecommerce-director-guide",), False)


def test_duties_the_sources_do_not_give_are_said_to_be_modelled() -> None:
    # The sources name these roles, but not (all) their duties.
    roles = load_dataset().roles
    for role_id in ("ecommerce-coordinator", "vp-of-ecommerce", "chief-digital-officer"):
        assert "the dataset's own modelling" in (roles[role_id].summary or ""), role_id
    # The manager guide: Senior Ecommerce Managers are "possibly leading a team".
    assert "may lead a team" in (roles["senior-ecommerce-manager"].summary or "")

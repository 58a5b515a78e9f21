"""One name rule for validation and lookup: what validates can always be typed."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpath.errors import DataError
from careerpath.loader import check_dataset, locate
from careerpath.lookup import find_role
from careerpath.model import normal_name

# Letters that collide in awkward ways: case, accents in NFC and NFD, a ligature
# that NFKC unfolds, and every separator the rule folds.
NAME = st.lists(st.sampled_from(["a", "A", "é", "e\u0301", "ﬁ", "fi", "-", "_", " ", "b", "ß",
                                 "ss"]), min_size=1, max_size=6).map("".join).filter(
    lambda s: s.strip(" -_"))


def variants(name: str) -> list[str]:
    """How a person might type `name`."""
    return [name, name.upper(), name.lower(), unicodedata.normalize("NFD", name),
            unicodedata.normalize("NFC", name), name.replace(" ", "-"), name.replace("-", "_"),
            f"  {name} "]


def write(folder: Path, titles: list[str], aliases: list[str]) -> Path:
    roles = [{"id": f"r{index}", "title": title, "level": 1, "aliases": [alias]}
             for index, (title, alias) in enumerate(zip(titles, aliases))]
    (folder / "roles.yaml").write_text(json.dumps({"roles": roles}), encoding="utf-8")
    (folder / "progressions.yaml").write_text('{"progressions": []}', encoding="utf-8")
    return folder


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(NAME, min_size=2, max_size=3), st.lists(NAME, min_size=2, max_size=3))
def test_names_that_validate_can_all_be_typed(tmp_path: Path, titles: list[str],
                                              aliases: list[str]) -> None:
    count = min(len(titles), len(aliases))
    titles, aliases = titles[:count], aliases[:count]
    dataset, problems = check_dataset(locate(str(write(tmp_path, titles, aliases))))
    names = [normal_name(n) for pair in zip(titles, aliases) for n in pair]
    names += [f"r{index}" for index in range(count)]
    if len(set(names)) < len(names):
        # Some two names are one under the rule: refused, both places named.
        assert dataset is None and problems
        assert all(" clashes with the " in p.message and "roles.yaml:" in p.message
                   for p in problems if "clashes" in p.message)
        return
    assert dataset is not None, problems
    for index, (title, alias) in enumerate(zip(titles, aliases)):
        for typed in variants(title) + variants(alias) + [f"r{index}", f"R{index}"]:
            if normal_name(typed):
                assert find_role(dataset, typed).id == f"r{index}", typed


def test_an_exact_id_wins_over_a_prefix_of_other_names(tmp_path: Path) -> None:
    roles = {"roles": [{"id": "vp", "title": "Vice President", "level": 2},
                       {"id": "vp-sales", "title": "Head of Sales", "level": 3,
                        "aliases": ["vp of sales"]}]}
    (tmp_path / "roles.yaml").write_text(json.dumps(roles), encoding="utf-8")
    (tmp_path / "progressions.yaml").write_text('{"progressions": []}', encoding="utf-8")
    dataset, _ = check_dataset(locate(str(tmp_path)))
    assert dataset is not None
    assert find_role(dataset, "vp").id == "vp"
    assert find_role(dataset, "VP").id == "vp"


@pytest.mark.parametrize("typed", ["Café Manager", "Cafe\u0301 Manager", "CAFÉ-MANAGER",
                                   "café_manager"])
def test_nfc_and_nfd_spellings_name_one_role(tmp_path: Path, typed: str) -> None:
    write(tmp_path, ["Café Manager", "Barista"], ["cm", "ba"])
    dataset, _ = check_dataset(locate(str(tmp_path)))
    assert dataset is not None
    assert find_role(dataset, typed).id == "r0"


def test_two_roles_one_name_under_the_rule_is_invalid(tmp_path: Path) -> None:
    write(tmp_path, ["Senior_Manager", "Other"], ["x", "senior-MANAGER"])
    dataset, problems = check_dataset(locate(str(tmp_path)))
    assert dataset is None
    assert [p.message for p in problems] == [
        f"alias 'senior-MANAGER' clashes with the title of role 'r0' at {tmp_path}/roles.yaml:"
        "1:34; names must differ by more than case, spacing, '-', '_' or Unicode form"]
    with pytest.raises(DataError):
        raise DataError(problems)


@pytest.mark.parametrize("typed", ["Vice–President", "vice—president", "VICE‐PRESIDENT",
                                   "vice_president", " vice - president "])
def test_any_dash_names_the_role(tmp_path: Path, typed: str) -> None:
    """A title pasted from a document often holds an en or em dash."""
    write(tmp_path, ["Vice-President", "Barista"], ["vp", "ba"])
    dataset, _ = check_dataset(locate(str(tmp_path)))
    assert dataset is not None
    assert find_role(dataset, typed).id == "r0"


def test_two_names_apart_only_by_the_kind_of_dash_are_refused(tmp_path: Path) -> None:
    write(tmp_path, ["Vice–President", "Other"], ["x", "vice-president"])
    dataset, problems = check_dataset(locate(str(tmp_path)))
    assert dataset is None
    assert [p.message.split(";")[0] for p in problems] == [
        f"alias 'vice-president' clashes with the title of role 'r0' at {tmp_path}/roles.yaml:1:34"]


def test_an_id_equal_to_another_roles_alias_is_refused_naming_both(tmp_path: Path) -> None:
    roles = {"roles": [{"id": "manager", "title": "Manager", "level": 1},
                       {"id": "boss", "title": "Boss", "level": 2, "aliases": ["MANAGER"]}]}
    (tmp_path / "roles.yaml").write_text(json.dumps(roles), encoding="utf-8")
    (tmp_path / "progressions.yaml").write_text('{"progressions": []}', encoding="utf-8")
    dataset, problems = check_dataset(locate(str(tmp_path)))
    assert dataset is None
    assert [p.message.split(";")[0] for p in problems] == [
        f"alias 'MANAGER' clashes with the id of role 'manager' at {tmp_path}/roles.yaml:1:19"]

"""Loading and validation: the built-in data, the fixture, and a table of broken datasets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from broken_cases import CASES
from careerpath import DataError, load_dataset
from careerpath.errors import DatasetMissing
from careerpath.loader import check_dataset, locate, roles_without_moves
from conftest import Result

Run = Callable[..., Result]


def test_builtin_dataset_loads_with_every_seed_role() -> None:
    data = load_dataset()
    titles = {role.title for role in data.roles.values()}
    assert len(data.roles) == 21
    assert {"Ecommerce Coordinator", "Ecommerce Manager", "Senior Ecommerce Manager",
            "Ecommerce Director", "Senior Ecommerce Director", "VP of Ecommerce",
            "Chief Digital Officer", "Digital Marketing Specialist",
            "Customer Experience Manager"} <= titles
    assert sum(r.specialization_of == "ecommerce-manager" for r in data.roles.values()) == 6
    assert sum(r.specialization_of == "ecommerce-director" for r in data.roles.values()) == 6


def test_builtin_roles_are_complete() -> None:
    for role in load_dataset().roles.values():
        assert role.summary and role.track and role.source and role.aliases, role.id
        assert len(role.responsibilities) >= 3, role.id
        assert len(role.skills) >= 3, role.id
        assert all(1 <= level <= 5 for level in role.skills.values())


def test_builtin_activities_and_outcomes() -> None:
    roles = load_dataset().roles
    for role_id in ("ecommerce-manager", "ecommerce-director"):
        assert set(roles[role_id].activities) == {"entry", "mid", "senior"}
    for role_id in ("ecommerce-manager", "digital-marketing-specialist", "ecommerce-director",
                    "customer-experience-manager"):
        assert roles[role_id].outcomes, role_id


def test_builtin_moves_have_no_invented_years() -> None:
    assert all(move.years is None for move in load_dataset().progressions)


def test_the_name_index_made_while_validating_is_the_datasets_own(small: Path) -> None:
    from careerpath.model import Dataset

    for folder in (None, str(small)):
        parsed = load_dataset(folder, use_cache=False)
        assert "names" in parsed.__dict__  # made by validation, not by the property
        again = Dataset(parsed.roles, parsed.progressions).names
        assert parsed.names == again


def test_fixture_loads(small: Path) -> None:
    data = load_dataset(str(small))
    assert list(data.roles)[:2] == ["analyst", "senior-analyst"]
    assert data.roles["analyst"].skills == {"SQL": 2, "Excel": 3}
    assert str(data.move("analyst", "senior-analyst").years) == "1–3 years"
    assert roles_without_moves(data) == ["island"]


def write_case(folder: Path, roles: str, moves: str) -> None:
    # The invalid UTF-8 case holds a raw 0xff byte: latin-1 writes it as is.
    (folder / "roles.yaml").write_bytes(roles.encode("latin-1" if "\xff" in roles else "utf-8"))
    (folder / "progressions.yaml").write_text(moves, encoding="utf-8")


@pytest.mark.parametrize(("name", "roles", "moves", "expected"), CASES,
                         ids=[case[0] for case in CASES])
def test_broken_dataset(tmp_path: Path, name: str, roles: str, moves: str,
                        expected: list[str]) -> None:
    write_case(tmp_path, roles, moves)
    dataset, problems = check_dataset(locate(str(tmp_path)))
    assert dataset is None
    shown = [str(p).replace(f"{tmp_path}/", "") for p in problems]
    assert shown == expected


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    (tmp_path / "roles.yaml").write_text(
        "roles:\n  - {id: a, title: A, level: 0}\n  - {id: b, title: B, level: x}\n")
    (tmp_path / "progressions.yaml").write_text("progressions: []\n")
    with pytest.raises(DataError) as caught:
        load_dataset(str(tmp_path))
    assert len(caught.value.problems) == 2
    assert caught.value.exit_code == 3


def test_missing_files(tmp_path: Path) -> None:
    with pytest.raises(DatasetMissing) as caught:
        load_dataset(str(tmp_path))
    assert caught.value.lines() == [
        f"error: {tmp_path}: no roles.yaml or progressions.yaml here; start a dataset with: "
        f"careerpath init {tmp_path}"]


@pytest.mark.parametrize(("files", "args", "code", "message"), [
    ([], ["--data", "{d}", "roles"], 3,
     "error: {d}: no roles.yaml or progressions.yaml here; start a dataset with: "
     "careerpath init {d}"),
    (["roles.yml", "progressions.yaml"], ["--data", "{d}", "roles"], 3,
     "error: {d}/roles.yaml: not found; {d}/roles.yml is there: name it roles.yaml"),
    (["roles.yaml"], ["roles", "--data", "{d}"], 3,
     "error: {d}/progressions.yaml: not found; a dataset folder holds roles.yaml and "
     "progressions.yaml (start one with: careerpath init {d})"),
    ([], ["validate", "{d}/missing"], 2,
     "error: validate: '{d}/missing' is not a folder (a dataset folder holds roles.yaml and "
     "progressions.yaml; start one with: careerpath init {d}/missing)"),
    (["roles.yaml"], ["validate", "{d}/roles.yaml"], 2,
     "error: validate: '{d}/roles.yaml' is a file; give the folder that holds roles.yaml and "
     "progressions.yaml"),
])
def test_missing_dataset_files_say_what_to_do(tmp_path: Path, run: Run, files: list[str],
                                              args: list[str], code: int, message: str) -> None:
    for name in files:
        (tmp_path / name).write_text("", encoding="utf-8")
    result = run(*(arg.format(d=tmp_path) for arg in args))
    assert (result.exit_code, result.stdout) == (code, "")
    assert result.stderr == message.format(d=tmp_path) + "\n"


@pytest.mark.parametrize(("name", "roles", "moves", "expected"), CASES,
                         ids=[case[0] for case in CASES])
def test_broken_dataset_through_the_cli(tmp_path: Path, run: Run, name: str, roles: str,
                                        moves: str, expected: list[str]) -> None:
    write_case(tmp_path, roles, moves)
    result = run("--data", tmp_path, "roles")
    assert (result.exit_code, result.stdout) == (3, "")
    # Every place named in a message is shown as the user named the folder.
    assert result.stderr == "".join(
        f"{tmp_path}/{line.replace(' at roles.yaml:', f' at {tmp_path}/roles.yaml:')}\n"
        for line in expected)


SOURCED_MOVES = """\
progressions:
  - {from: a, to: b, source: post, note: Seen in the post.}
  - {from: b, to: c, modelled: true}
"""


def test_framework_sources_and_modelled_moves_load(make_dataset: Callable[..., Path]) -> None:
    from broken_cases import SOURCED_ROLES
    from careerpath.model import Framework, Source

    roles = SOURCED_ROLES + "  - {id: c, title: Gamma, level: 3, modelled: true}\n"
    data = load_dataset(str(make_dataset(roles=roles, progressions=SOURCED_MOVES)))
    assert data.framework == Framework(None, "Estimates.", "guide")
    assert list(data.sources.values()) == [Source("guide", "A Career Guide", "career guide"),
                                           Source("post", "A Job Post")]
    assert data.roles["a"].source == ("guide", "post")
    assert data.roles["b"].source == ("guide",)
    assert (data.roles["b"].modelled, data.roles["c"].modelled) == (False, True)
    assert [(m.source, m.modelled) for m in data.progressions] == [(("post",), False), ((), True)]


def test_without_sources_a_source_is_free_text(make_dataset: Callable[..., Path]) -> None:
    roles = "roles:\n  - {id: a, title: Alpha, level: 1, source: 'Some web page, 2024'}\n"
    data = load_dataset(str(make_dataset(roles=roles, progressions="progressions: []\n")))
    assert data.roles["a"].source == ("Some web page, 2024",)
    assert data.sources == {} and data.framework.proficiency is None

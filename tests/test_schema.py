"""JSON Schemas for the data files, `careerpath schema`, and `validate --format json`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from careerpath.cmd_lint import SCHEMA_FILES, schema_text
from careerpath.loader import builtin_source
from careerpath.schema import (
    FRAMEWORK_KEYS,
    PROGRESSION_KEYS,
    ROLE_KEYS,
    SOURCE_KEYS,
)
from conftest import Result

Run = Callable[..., Result]


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(schema_text(f"{name}.schema.json"))
    jsonschema.Draft7Validator.check_schema(loaded)
    return loaded


def errors(name: str, document: Any) -> list[str]:
    validator = jsonschema.Draft7Validator(schema(name))
    return [error.message for error in validator.iter_errors(document)]


def test_the_builtin_data_fits_its_schema() -> None:
    source = builtin_source()
    assert errors("roles", yaml.safe_load(source.roles.read_text())) == []
    assert errors("progressions", yaml.safe_load(source.progressions.read_text())) == []


def test_the_schemas_know_exactly_the_keys_the_validator_does() -> None:
    roles = schema("roles")
    assert tuple(roles["definitions"]["role"]["properties"]) == ROLE_KEYS
    assert tuple(roles["properties"]["framework"]["properties"]) == FRAMEWORK_KEYS
    assert tuple(roles["properties"]["sources"]["items"]["properties"]) == SOURCE_KEYS
    assert tuple(schema("progressions")["definitions"]["move"]["properties"]) == PROGRESSION_KEYS


@pytest.mark.parametrize(("name", "document", "message"), [
    ("roles", {"roles": [{"id": "a", "title": "A", "level": 0}]}, "0 is less than the minimum of 1"),
    ("roles", {"roles": [{"id": "A b", "title": "A", "level": 1}]}, "'A b' does not match"),
    ("roles", {"roles": [{"id": "a", "title": "A", "level": 1, "lvl": 2}]},
     "Additional properties are not allowed ('lvl' was unexpected)"),
    ("roles", {"roles": [{"id": "a", "title": "A", "level": 1, "skills": {"SQL": 6}}]},
     "6 is greater than the maximum of 5"),
    ("roles", {"sources": [{"id": "g"}], "roles": []}, "'title' is a required property"),
    ("progressions", {"progressions": [{"from": "a", "to": "b", "kind": "demotion"}]},
     "'demotion' is not one of ['promotion', 'lateral']"),
    ("progressions", {"progressions": [{"from": "a", "to": "b", "years": [1, 2, 3]}]},
     "is not valid under any of the given schemas"),
])
def test_the_schemas_refuse_what_validate_refuses(name: str, document: Any, message: str) -> None:
    assert any(message in found for found in errors(name, document)), errors(name, document)


def test_schema_command_writes_both_files(run: Run, tmp_path: Path) -> None:
    result = run("schema", tmp_path)
    assert result.exit_code == 0
    assert result.stderr == "".join(f"wrote {tmp_path}/{name}\n" for name in SCHEMA_FILES)
    for name in SCHEMA_FILES:
        assert (tmp_path / name).read_text() == schema_text(name)
    again = run("schema", tmp_path)
    assert again.exit_code == 2 and "already exists; add --force" in again.stderr
    assert run("schema", tmp_path, "--force").exit_code == 0
    missing = run("schema", tmp_path / "nowhere")
    assert (missing.exit_code, missing.stderr) == (
        2, f"error: {tmp_path}/nowhere is not a folder (it does not exist; create it first)\n")


def test_validate_json_on_a_valid_dataset(run: Run, small: Path) -> None:
    result = run("validate", small, "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.json() == {
        "valid": True, "problems": [], "roles": 7, "moves": 8,
        "warnings": [{"role": "island", "message": "role 'island' has no moves into or out of it"}]}


def test_validate_json_on_an_invalid_dataset(run: Run, make_dataset: Callable[..., Path]) -> None:
    folder = make_dataset(roles="roles:\n  - {id: a, title: A, level: x}\n",
                          progressions="progressions: []\n")
    result = run("validate", folder, "-f", "json")
    assert (result.exit_code, result.stderr) == (3, "")
    assert result.json() == {
        "valid": False, "roles": None, "moves": None, "warnings": [],
        "problems": [{"file": f"{folder}/roles.yaml", "line": 2, "column": 30,
                      "message": "level must be an integer >= 1, got 'x'"}]}


def test_validate_json_to_a_file_and_bad_formats(run: Run, small: Path, tmp_path: Path) -> None:
    assert run("validate", small, "-f", "json", "-o", tmp_path / "v.json").exit_code == 0
    assert json.loads((tmp_path / "v.json").read_text())["valid"] is True
    csv = run("validate", small, "-f", "csv")
    assert (csv.exit_code, csv.stderr) == (
        2, "error: 'validate' does not take --format csv; use one of: text, json\n")
    assert run("validate", small, "-o", tmp_path / "v.txt").exit_code == 0  # the text report


def test_validate_writes_its_text_report_to_a_file(run: Run, tmp_path: Path,
                                                  make_dataset: Callable[..., Path]) -> None:
    out = tmp_path / "report.txt"
    assert run("validate", "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == "built-in: valid, 21 roles, 35 moves\n"
    bad = make_dataset("roles:\n  - {id: a, title: A, level: x}\n", "progressions: []\n")
    result = run("validate", bad, "-o", out, "--force")
    assert (result.exit_code, result.stdout) == (3, "")
    assert out.read_text(encoding="utf-8") == (
        f"{bad}/roles.yaml:2:30: level must be an integer >= 1, got 'x'\n1 problem in {bad}\n")

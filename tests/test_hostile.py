"""Hostile YAML and random input: a dataset or located problems, never a crash."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpath.errors import DataError
from careerpath.loader import check_dataset, load_dataset, locate
from careerpath.yamlread import read_yaml

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_deep_nesting_is_refused_before_anything_recursive() -> None:
    root, problems = read_yaml(b"roles: " + b"[" * 100_000 + b"]" * 100_000, "roles.yaml")
    assert root is None
    assert [str(p) for p in problems] == [
        "roles.yaml:1:39: nesting deeper than 32 levels; careerpath data needs at most four"]


def test_billion_laughs_is_refused() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]"
              for i in range(8)]
    _root, problems = read_yaml("\n".join(lines).encode(), "roles.yaml")
    assert len(problems) == 72
    assert str(problems[0]) == ("roles.yaml:2:8: alias '*a' is not supported in careerpath "
                                "data; write the value out in full")


def test_large_file_loads(tmp_path: Path) -> None:
    roles = "roles:\n" + "".join(
        f"  - {{id: r{i}, title: 'Role {i}', level: {i % 5 + 1}, summary: '{'x' * 200}'}}\n"
        for i in range(20_000))
    (tmp_path / "roles.yaml").write_text(roles)
    (tmp_path / "progressions.yaml").write_text("progressions: []\n")
    assert len(roles) > 4_000_000
    assert len(load_dataset(str(tmp_path)).roles) == 20_000


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_yaml_gives_a_tree_or_problems(text: str) -> None:
    root, problems = read_yaml(text.encode("utf-8", "surrogatepass"), "roles.yaml")
    assert root is not None or problems
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200), st.text(max_size=200))
def test_random_files_give_a_dataset_or_a_data_error(tmp_path: Path, roles: str,
                                                     moves: str) -> None:
    (tmp_path / "roles.yaml").write_bytes(roles.encode("utf-8", "surrogatepass"))
    (tmp_path / "progressions.yaml").write_bytes(moves.encode("utf-8", "surrogatepass"))
    try:
        load_dataset(str(tmp_path))
    except DataError as error:
        assert error.problems


TEXT = st.text(min_size=1, max_size=40).filter(lambda s: s.strip())
FORMATS = ("text", "jsonout", "markdown", "csvout", "mermaid", "dot")


def every_answer(dataset: Any) -> list[Any]:
    """One answer of each kind, about roles a and b."""
    from careerpath import queries
    from careerpath.graph import PathQuery, find_paths, reachable

    a, b = dataset.roles["a"], dataset.roles["b"]
    path = find_paths(dataset, PathQuery("a", "b")).paths
    return [queries.list_roles(dataset), queries.role_card(dataset, a),
            queries.PathAnswer(a, b, path), queries.NextAnswer(a, 1, reachable(dataset, "a", 1)),
            queries.SkillsAnswer(a), queries.levels(a), queries.compare(a, b, path[0]),
            queries.search(dataset, "a"), queries.graph_answer(dataset, None, None)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT, TEXT, TEXT)
def test_random_text_never_reaches_output_raw(tmp_path: Path, title: str, duty: str,
                                              skill: str) -> None:
    import importlib

    from careerpath.render import Unsupported
    from careerpath.render.console import to_string

    roles = {"roles": [
        {"id": "a", "title": "a " + title, "level": 1, "responsibilities": [duty],
         "skills": {skill: 2}, "summary": duty, "activities": {"entry": [duty]},
         "aliases": [duty]},
        {"id": "b", "title": title + " senior", "level": 2, "skills": {skill: 4},
         "track": title}]}
    (tmp_path / "roles.yaml").write_text(json.dumps(roles))  # JSON is YAML
    (tmp_path / "progressions.yaml").write_text('{"progressions": [{"from": "a", "to": "b"}]}')
    dataset, problems = check_dataset(locate(str(tmp_path)))
    if dataset is None:  # e.g. an alias equal to a title: a located problem is fine
        assert problems
        return
    for answer in every_answer(dataset):
        for name in FORMATS:
            module = importlib.import_module(f"careerpath.render.{name}")
            try:
                output = module.render(answer, dataset)
            except Unsupported:
                continue
            text = output if isinstance(output, str) else to_string(output)
            assert not RAW_CONTROL.search(text), (type(answer).__name__, name)
            if name == "jsonout":
                json.loads(text)

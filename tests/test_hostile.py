"""Hostile YAML and random input: a dataset or located problems, never a crash."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpath.errors import DataError
from careerpath.loader import check_dataset, load_dataset, locate
from careerpath.textsafe import BIDI, INVISIBLE
from careerpath.yamlread import read_yaml
from conftest import Result

Run = Callable[..., Result]

RAW_CONTROL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI}{INVISIBLE}]")


def test_deep_nesting_is_refused_before_anything_recursive() -> None:
    root, problems = read_yaml(b"roles: " + b"[" * 100_000 + b"]" * 100_000, "roles.yaml")
    assert root is None
    # Where on line 1 depends on the libyaml build: ours stops at the 33rd level
    # (column 39), libyaml >= 0.2.6 may stop at its own limit while scanning ahead.
    assert len(problems) == 1
    assert re.fullmatch(r"roles\.yaml:1:\d+: nesting deeper than 32 levels; "
                        r"careerpath data needs at most four", str(problems[0]))
    _root, shallow = read_yaml(b"roles: " + b"[" * 40 + b"]" * 40, "roles.yaml")
    assert [str(p) for p in shallow] == [
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


def every_answer(dataset: Any) -> list[Any]:
    """One answer of each kind, about roles a and b."""
    from careerpath import queries

    return [queries.list_roles(dataset), queries.role_card(dataset, "a"),
            queries.find_path(dataset, "a", "b"), queries.next_roles(dataset, "a"),
            queries.role_skills(dataset, "a"), queries.role_levels(dataset, "a"),
            queries.compare_roles(dataset, "a", "b"), queries.search_roles(dataset, "a"),
            queries.ladder_graph(dataset)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT, TEXT, TEXT)
def test_random_text_never_reaches_output_raw(tmp_path: Path, title: str, duty: str,
                                              skill: str) -> None:
    from careerpath.render import formats_for, render_answer
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
        for name in formats_for(type(answer)):
            output = render_answer(answer, name, dataset, "test")
            text = output if isinstance(output, str) else to_string(output)
            assert not RAW_CONTROL.search(text), (type(answer).__name__, name)
            if name == "json":
                json.loads(text)


# --- issue 10: data files that are not plain files, or too large ------------------

def _data_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "progressions.yaml").write_text("progressions: []\n")
    return folder


@pytest.mark.parametrize("kind", ["/dev/zero", "fifo", "folder"])
def test_a_data_file_that_is_not_a_plain_file(tmp_path: Path, run: Run, kind: str) -> None:
    folder = _data_folder(tmp_path)
    roles = folder / "roles.yaml"
    if kind == "fifo":
        os.mkfifo(roles)  # no writer: a plain open() would wait for ever
    elif kind == "folder":
        roles.mkdir()
    else:
        roles.symlink_to(kind)  # would never end: a MemoryError after reading it all
    result = run("--data", folder, "roles")
    what = "a folder" if kind == "folder" else "a device or a pipe"
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == (f"{roles}: not a regular file ({what}); a dataset file must be a "
                             "plain file\n")


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path, run: Run) -> None:
    import tracemalloc

    folder = _data_folder(tmp_path)
    with (folder / "roles.yaml").open("wb") as sparse:
        sparse.truncate(1 << 30)  # 1 GiB, costing no disk
    tracemalloc.start()
    try:
        result = run("--data", folder, "roles")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (result.exit_code, result.stderr) == (
        3, f"{folder}/roles.yaml: file is too large (1024 MiB; the limit is 64 MiB: raise it "
           "with CAREERPATH_MAX_FILE_MB)\n")
    assert peak < 32 << 20  # not a byte of it was read


def test_a_file_just_over_the_limit(tmp_path: Path) -> None:
    folder = _data_folder(tmp_path)
    with (folder / "roles.yaml").open("wb") as sparse:
        sparse.truncate((64 << 20) + 1)
    dataset, problems = check_dataset(locate(str(folder)))
    assert dataset is None
    assert [str(p) for p in problems] == [
        f"{folder}/roles.yaml: file is too large (64 MiB; the limit is 64 MiB: raise it with "
        "CAREERPATH_MAX_FILE_MB)"]


# --- issue 10: invisible characters in free text are shown escaped ----------------

HIDDEN = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\U000e0041",
          "\u061c", "\u200e", "\u200f", "\u202e", "\u2067", "\u2028"]
ESCAPED = [f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}" for c in HIDDEN]


@pytest.mark.parametrize(("char", "escaped"), list(zip(HIDDEN, ESCAPED)), ids=ESCAPED)
def test_hidden_characters_in_free_text_are_escaped_everywhere(tmp_path: Path, char: str,
                                                               escaped: str) -> None:
    from careerpath.render import formats_for, render_answer
    from careerpath.render.console import to_string

    text = f"Plan{char}ning"
    roles = {"roles": [
        {"id": "a", "title": "Alpha", "level": 1, "summary": text, "responsibilities": [text],
         "activities": {"entry": [text]}, "track": text, "skills": {"SQL": 2}},
        {"id": "b", "title": "Beta", "level": 2, "skills": {"SQL": 4}}]}
    # Raw in the file (a JSON escape of a tag character is a surrogate pair YAML refuses).
    (tmp_path / "roles.yaml").write_text(json.dumps(roles, ensure_ascii=False))
    (tmp_path / "progressions.yaml").write_text(json.dumps(
        {"progressions": [{"from": "a", "to": "b", "note": text}]}, ensure_ascii=False))
    dataset, problems = check_dataset(locate(str(tmp_path)))
    assert dataset is not None, problems
    shown_somewhere = False
    for answer in every_answer(dataset):
        for name in formats_for(type(answer)):
            output = render_answer(answer, name, dataset, "test")
            out = output if isinstance(output, str) else to_string(output)
            assert char not in out, (type(answer).__name__, name)
            shown_somewhere |= "Plan" in out and (escaped in out or escaped.lower() in out.lower()
                                                  or "#" in out)
    assert shown_somewhere


def test_json_escapes_a_tag_character_as_a_surrogate_pair() -> None:
    from careerpath.render.jsonout import dumps

    assert dumps("a\U000e0041b") == '"a\\udb40\\udc41b"\n'
    assert json.loads(dumps("a\U000e0041\u200bb")) == "a\U000e0041\u200bb"

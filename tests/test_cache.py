"""The dataset cache: used when the files are unchanged, never trusted otherwise."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from careerpath import DataError, cache, load_dataset
from conftest import Result

Run = Callable[..., Result]


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.exists() else []


def test_a_valid_dataset_is_cached_and_reused(small: Path, private_cache: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_dataset(str(small))
    assert len(entries(private_cache)) == 1
    monkeypatch.setattr("careerpath.loader.check_dataset", lambda *a: pytest.fail("parsed"))
    again = load_dataset(str(small))
    assert again.roles == first.roles and again.progressions == first.progressions
    assert again.move("analyst", "senior-analyst").years == first.move(
        "analyst", "senior-analyst").years


def test_any_edit_misses(small: Path, private_cache: Path) -> None:
    load_dataset(str(small))
    roles = small / "roles.yaml"
    stat = roles.stat()
    # Same size and modification time, different content: the content hash catches it.
    text = roles.read_text().replace("Data Analyst", "Data Analyzt")
    roles.write_text(text)
    os.utime(roles, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert load_dataset(str(small)).roles["analyst"].title == "Data Analyzt"


def test_invalid_data_is_never_cached(make_dataset: Callable[..., Path],
                                      private_cache: Path) -> None:
    folder = make_dataset(roles="roles:\n  - {id: a, title: A, level: x}\n",
                          progressions="progressions: []\n")
    for _ in range(2):
        with pytest.raises(DataError):
            load_dataset(str(folder))
    assert entries(private_cache) == []


@pytest.mark.parametrize("damage", [
    b"", b"{", b"not json at all", b'{"format": 1}', b'{"format": 1, "hash": null}',
    b"[1, 2, 3]", b"\xff\xfe garbage",
])
def test_corrupt_or_truncated_cache_falls_back(small: Path, private_cache: Path,
                                               damage: bytes) -> None:
    load_dataset(str(small))
    [entry] = entries(private_cache)
    entry.write_bytes(damage)
    assert len(load_dataset(str(small)).roles) == 7


def test_wrong_shape_with_the_right_hash_falls_back(small: Path, private_cache: Path) -> None:
    load_dataset(str(small))
    [entry] = entries(private_cache)
    text = entry.read_text()
    entry.write_text(text.replace('"roles":[[', '"roles":[["extra",', 1))
    assert len(load_dataset(str(small)).roles) == 7


def test_truncated_entry(small: Path, private_cache: Path) -> None:
    load_dataset(str(small))
    [entry] = entries(private_cache)
    entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])
    assert len(load_dataset(str(small)).roles) == 7


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes any file")
def test_unreadable_and_read_only_cache(small: Path, private_cache: Path) -> None:
    private_cache.mkdir(parents=True)
    private_cache.chmod(0o500)
    try:
        assert len(load_dataset(str(small)).roles) == 7
    finally:
        private_cache.chmod(0o700)


def test_cache_folder_that_cannot_exist(small: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder should be
    assert len(load_dataset(str(small)).roles) == 7


def test_no_cache_option_and_environment(run: Run, small: Path, private_cache: Path) -> None:
    assert run("--data", small, "--no-cache", "roles").exit_code == 0
    assert entries(private_cache) == []
    assert run("--data", small, "roles", env={"CAREERPATH_NO_CACHE": "1"}).exit_code == 0
    assert entries(private_cache) == []
    assert run("--data", small, "roles").exit_code == 0
    assert len(entries(private_cache)) == 1


def test_cache_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_folder() == tmp_path / "careerpath"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.cache_folder() == tmp_path / ".cache" / "careerpath"


def test_entry_that_cannot_be_read_or_written(small: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # A folder where the entry file should be: reading fails, and so does replacing it
    # (what an unreadable entry or a read-only cache folder does, even for root).
    folder = tmp_path / "entry.json"
    folder.mkdir()
    monkeypatch.setattr(cache, "_entry_path", lambda files: folder)
    for _ in range(2):
        assert len(load_dataset(str(small)).roles) == 7
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_framework_sources_and_modelled_survive_the_cache(make_dataset: Callable[..., Path],
                                                          private_cache: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    roles = """\
framework: {title: Ladder, proficiency: Our estimates., source: guide}
sources:
  - {id: guide, title: A Guide, kind: career guide, publisher: P, license: CC BY 4.0, url: u}
  - {id: post, title: A Post}
roles:
  - {id: a, title: Alpha, level: 1, source: [guide, post], modelled: true}
  - {id: b, title: Beta, level: 2}
"""
    moves = "progressions:\n  - {from: a, to: b, source: post, modelled: true}\n"
    folder = make_dataset(roles=roles, progressions=moves)
    first = load_dataset(str(folder))
    monkeypatch.setattr("careerpath.loader.check_dataset", lambda *a: pytest.fail("parsed"))
    again = load_dataset(str(folder))
    assert again.framework == first.framework
    assert again.framework.proficiency == "Our estimates."
    assert list(again.sources.items()) == list(first.sources.items())
    assert again.roles["a"] == first.roles["a"]
    assert again.roles["a"].source == ("guide", "post") and again.roles["a"].modelled
    assert again.progressions == first.progressions
    assert again.progressions[0].source == ("post",) and again.progressions[0].modelled

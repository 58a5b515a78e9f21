"""The dataset cache: used when the files are unchanged, never trusted otherwise."""

from __future__ import annotations

import json
import os
import stat
import zlib
from array import array
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

from careerpath import DataError, cache, cache_entry, load_dataset
from careerpath.model import Dataset, Progression
from conftest import SMALL_PROGRESSIONS, Result

Run = Callable[..., Result]


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*" + cache.SUFFIX)) if folder.exists() else []


def DUMP(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def read_entry(entry: Path) -> tuple[dict[str, Any], list[bytes]]:
    """An entry's header and its sections as bytes (layout: cache_entry.py)."""
    data = entry.read_bytes()
    found = cache_entry.header(data)
    assert found is not None
    head, after = found
    places = cache_entry.layout(after, head["sizes"])
    return head, [data[at:at + size] for at, size in zip(places, head["sizes"])]


def write_entry(entry: Path, head: dict[str, Any], sections: list[bytes],
                fix_crc: bool = True) -> None:
    """Write an entry back, with its sizes (and, unless told, its CRC) made to fit."""
    head = {**head, "sizes": [len(section) for section in sections]}
    if fix_crc:
        crc = 0
        for section in sections[:cache_entry.GRAPH_SECTIONS]:
            crc = zlib.crc32(section, crc)
        head["crc"] = crc
        head["skills_crc"] = zlib.crc32(sections[cache_entry.SKILLS])
    parts = [cache_entry.MAGIC, DUMP(head), b"\n"]
    for section in sections:
        parts.append(b"\0" * (-sum(map(len, parts)) % 8))
        parts.append(section)
    entry.write_bytes(b"".join(parts))


def role_values(sections: list[bytes]) -> list[Any]:
    return json.loads(sections[14])


def with_roles(sections: list[bytes], values: list[Any]) -> list[bytes]:
    """The sections with the roles' text replaced (and its offsets)."""
    blobs = [json.dumps(v, ensure_ascii=False, separators=(",", ":")).encode() for v in values]
    offsets, place = [], 1
    for blob in blobs:
        offsets.append(place)
        place += len(blob) + 1
    return [*sections[:13], array("q", [*offsets, place]).tobytes(),
            b"[" + b",".join(blobs) + b"]", *sections[15:]]


def column(sections: list[bytes], number: int) -> array:  # type: ignore[type-arg]
    return array(cache_entry.CODES[number], sections[number])  # type: ignore[arg-type]


def use_everything(dataset: Dataset) -> None:
    """Decode every part of a cached dataset, as the commands may."""
    list(dataset.roles.values())
    dict(dataset.names)
    list(dataset.progressions)
    dict(dataset.skill_table)


def test_a_valid_dataset_is_cached_and_reused(small: Path, private_cache: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_dataset(str(small))
    assert len(entries(private_cache)) == 1
    monkeypatch.setattr("careerpath.loader.check_dataset", lambda *a: pytest.fail("parsed"))
    again = load_dataset(str(small))
    assert again.roles == first.roles and again.progressions == first.progressions
    assert [again.roles[r] for r in first.roles] == list(first.roles.values())
    assert dict(again.names) == first.names
    assert again.move("analyst", "senior-analyst").years == first.move(
        "analyst", "senior-analyst").years
    assert isinstance(again.skill_table, Mapping) and dict(again.skill_table) == first.skill_table


def test_match_ranks_from_the_cached_skill_table_without_decoding_every_role(
        private_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from careerpath.fit import match
    from careerpath.profile import Profile
    profile = Profile("me.yaml", None, {"SEO": 4, "Web analytics": 2, "Leadership": 3}, [])
    parsed = load_dataset(None, use_cache=False)
    load_dataset(None)
    cached = load_dataset(None)
    assert type(cached.skill_table).__name__ == "LazySkillTable"
    expected = match(parsed, profile, limit=3)
    assert match(cached, profile, limit=3) == expected
    assert len(cached.roles._made) == 3  # type: ignore[attr-defined]  # the three shown
    assert match(cached, profile, track="Digital Marketing") == match(parsed, profile,
                                                               track="Digital Marketing")

    # Most roles shown: all read and decoded in one go, the same answer.
    from careerpath.cache_graph import Entry

    fresh = load_dataset(None)
    reads: list[tuple[int, int]] = []
    read = Entry.read_roles

    def counted(entry: Entry, start: int, end: int) -> bytes:
        reads.append((start, end))
        return read(entry, start, end)

    monkeypatch.setattr(Entry, "read_roles", counted)
    assert match(fresh, profile) == match(parsed, profile)
    assert len(reads) == 1 and reads[0][0] == 0


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
    b"[1, 2, 3]", b"\xff\xfe garbage", cache_entry.MAGIC, cache_entry.MAGIC + b"{}\n",
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
    head, sections = read_entry(entry)
    values = role_values(sections)
    values[0].insert(0, "extra")
    write_entry(entry, head, with_roles(sections, values))
    dataset = load_dataset(str(small))
    assert dataset.roles["analyst"].title == "Data Analyst"
    assert len(dataset.roles) == 7


def test_truncated_entry(small: Path, private_cache: Path) -> None:
    load_dataset(str(small))
    [entry] = entries(private_cache)
    entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])
    assert len(load_dataset(str(small)).roles) == 7


# A read-only cache folder: test_files_under_attack.py runs it as an ordinary user.


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


@pytest.mark.parametrize(("xdg", "home", "expected"), [
    ("relative/cache", "/home/u", "/home/u/.cache/careerpath"),  # XDG spec: ignore relative
    ("", "/home/u", "/home/u/.cache/careerpath"),
    (None, None, None),  # no HOME: no cache, never ./~/.cache
    (None, "relative-home", None),
    ("relative", None, None),
])
def test_xdg_rules(monkeypatch: pytest.MonkeyPatch, xdg: str | None, home: str | None,
                   expected: str | None) -> None:
    for name, value in (("XDG_CACHE_HOME", xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert cache.cache_folder() == (None if expected is None else Path(expected))


def test_a_missing_home_is_not_created(small: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "gone"))
    assert len(load_dataset(str(small)).roles) == 7
    assert not (tmp_path / "gone").exists()
    monkeypatch.setenv("HOME", str(tmp_path))
    load_dataset(str(small))
    assert stat.S_IMODE((tmp_path / ".cache").stat().st_mode) == 0o700
    assert len(entries(tmp_path / ".cache" / "careerpath")) == 1


def test_no_home_runs_without_cache_and_creates_nothing_here(
        small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    here = tmp_path / "cwd"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("HOME", raising=False)
    assert len(load_dataset(str(small)).roles) == 7
    assert list(here.iterdir()) == []


def entry_of(folder: Path) -> Path:
    named = cache.entry_name([folder / "roles.yaml", folder / "progressions.yaml"])
    assert named is not None
    return cache.cache_folder() / named[0]  # type: ignore[operator]


def test_entry_that_cannot_be_read_or_written(small: Path, private_cache: Path) -> None:
    # A folder where the entry file should be: reading fails, and so does replacing it
    # (what an unreadable entry or a read-only cache folder does, even for root).
    private_cache.mkdir(mode=0o700)
    entry_of(small).mkdir()
    for _ in range(2):
        assert len(load_dataset(str(small)).roles) == 7
    assert entry_of(small).is_dir() and list(entry_of(small).iterdir()) == []
    assert [p.name for p in private_cache.iterdir()] == [entry_of(small).name]


def forge(entry: Path) -> None:
    """Add a one-move path analyst -> head-of-data, keeping the hash: what an attacker
    who can write the cache folder would do."""
    from careerpath.model import Years

    head, _ = read_entry(entry)
    dataset = _forge_source[0]  # the real dataset, as loaded by the test
    moves = (*dataset.progressions, Progression("analyst", "head-of-data", "promotion",
                                                Years(1, 1)))
    forged = Dataset(dict(dataset.roles), moves, dataset.location, dataset.framework,
                     dataset.sources)
    entry.write_bytes(cache_entry.encode(forged, {k: head[k] for k in
                                                  ("format", "hash", "files", "stamp")}))


_forge_source: list[Dataset] = []


def forged_last_move(entry: Path) -> list[str]:
    _, sections = read_entry(entry)
    ids = sections[0].decode().split("\n")
    return [ids[column(sections, 2)[-1]], ids[column(sections, 3)[-1]]]


def one_move(small: Path) -> bool:
    from careerpath.graph import PathQuery, find_paths

    found = find_paths(load_dataset(str(small)), PathQuery("analyst", "head-of-data"))
    return found.paths[0].moves == 1


def test_a_forged_entry_is_believed_only_in_the_users_own_folder(small: Path,
                                                                  private_cache: Path) -> None:
    _forge_source[:] = [load_dataset(str(small))]
    forge(entry_of(small))
    # The trust model: an entry in a folder only the user can write is the user's own.
    assert one_move(small)
    for mode in (0o770, 0o707, 0o777):  # group or others could have written it
        private_cache.chmod(mode)
        forge(entry_of(small))
        assert not one_move(small), oct(mode)
        # ...and nothing is written to such a folder either
        assert forged_last_move(entry_of(small)) == ["analyst", "head-of-data"]


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_a_folder_or_entry_owned_by_another_user_is_not_used(small: Path,
                                                             private_cache: Path) -> None:
    nobody = 65534
    _forge_source[:] = [load_dataset(str(small))]
    forge(entry_of(small))
    os.chown(entry_of(small), nobody, nobody)  # someone else's entry in our folder
    assert not one_move(small)
    assert entry_of(small).stat().st_uid == 0  # replaced by ours
    forge(entry_of(small))
    os.chown(private_cache, nobody, nobody)  # someone else's folder
    assert not one_move(small)
    assert entry_of(small).stat().st_uid == 0  # untouched: not written to
    assert forged_last_move(entry_of(small)) == ["analyst", "head-of-data"]


def test_the_folder_is_created_private(small: Path, private_cache: Path) -> None:
    os.umask(old := os.umask(0o022))
    try:
        load_dataset(str(small))
    finally:
        os.umask(old)
    assert private_cache.stat().st_mode & 0o777 == 0o700
    assert entry_of(small).stat().st_mode & 0o777 == 0o600


def damaged_skill_table(table: list[Any], damage: str) -> bytes:
    """The skills section (cache_entry: [names, tracks, [number, level, ...] per role])
    damaged as `damage` says."""
    names, tracks, skills = table
    if damage == "skills: deep":
        return b"[" * 100_000 + b"]" * 100_000
    if damage == "skills: a name number past the names":
        skills[0][0] = len(names)
    elif damage == "skills: level 6":
        skills[0][1] = 6
    elif damage == "skills: level a boolean":
        skills[0][1] = True
    elif damage == "skills: one skill twice in a role":
        skills[0][2:4] = skills[0][0:2]
    elif damage == "skills: a track that is a number":
        tracks[0] = 7
    elif damage == "skills: a role missing":
        skills.pop()
    elif damage == "skills: an odd list":
        skills[0].append(1)
    return json.dumps(table).encode()


NO_YEARS_VALUE = -1.0


def damage_entry(entry: Path, damage: str) -> None:
    head, sections = read_entry(entry)
    fix_crc = True
    roles = role_values(sections)
    source, target = column(sections, 2), column(sections, 3)
    low, high = column(sections, 5), column(sections, 6)
    if damage == "deep":
        sections[12] = b"[" * 100_000 + b"]" * 100_000
    elif damage == "level as text":
        roles[0][2] = "1"
    elif damage == "skill level a boolean":
        roles[0][8]["SQL"] = True
    elif damage == "role under another id":
        roles[1][0] = "analyst"
    elif damage == "unknown role in a move":
        target[0] = 7
    elif damage == "self-loop":
        target[0] = source[0]
    elif damage == "promotion going down, CRC not fixed":
        source[0], target[0] = target[0], source[0]
        fix_crc = False
    elif damage == "one byte of the graph, CRC not fixed":
        source[0] ^= 1
        fix_crc = False
    elif damage == "name index naming no role":
        names = json.loads(sections[12])
        names["x"] = ["nobody"]
        sections[12] = json.dumps(names).encode()
    elif damage == "move notes not a dict":
        sections[11] = b"[]"
    elif damage == "extra key":
        head["extra"] = 1
    elif damage == "other files":
        head["files"] = ["/elsewhere/roles.yaml", "/elsewhere/progressions.yaml"]
    elif damage == "years reversed, CRC not fixed":
        low[0], high[0] = 3, 1
        fix_crc = False
    elif damage == "years infinite":
        high[0] = float("inf")
    elif damage == "years not a number":
        low[0] = high[0] = float("nan")
    elif damage == "no years on one side only":
        low[0] = -1
    elif damage == "duplicate id":
        sections[0] = sections[0].replace(b"senior-analyst", b"analyst")
    elif damage == "no roles":
        head["counts"] = [0, head["counts"][1]]
    elif damage == "skills: one level changed, CRC not fixed":
        sections[15] = sections[15].replace(b",2,", b",1,", 1)
        fix_crc = False
    elif damage.startswith("skills:"):
        sections[15] = damaged_skill_table(json.loads(sections[15]), damage)
    elif damage == "years negative":
        low[0], high[0] = -0.5, -0.25
    elif damage == "years low above high":
        low[0], high[0] = 50, 1
    elif damage == "no years paired across two moves":
        low[0], high[1] = NO_YEARS_VALUE, NO_YEARS_VALUE
    elif damage in ("move offsets not from 0", "move offsets going down",
                    "a role's moves holding another's"):
        start, grouped = column(sections, 7), column(sections, 8)
        if damage == "move offsets not from 0":
            start[0] = 1
        elif damage == "move offsets going down":
            start[1], start[2] = start[2] + 1, start[1]
        else:
            grouped[0] = grouped[-1]
        sections[7:9] = [start.tobytes(), grouped.tobytes()]
    elif damage == "offsets past the end":
        sections[13] = array("q", [*column(sections, 13)[:-1], 10**9]).tobytes()
    elif damage == "a move neither promotion nor lateral":
        sections[4] = b"\2" + sections[4][1:]
    sections[2:4] = [source.tobytes(), target.tobytes()]
    sections[5:7] = [low.tobytes(), high.tobytes()]
    if damage not in ("offsets past the end", "deep"):
        sections = with_roles(sections, roles)
    write_entry(entry, head, sections, fix_crc)


@pytest.mark.parametrize("damage", [
    "deep", "level as text", "skill level a boolean", "role under another id",
    "unknown role in a move", "self-loop", "promotion going down, CRC not fixed",
    "one byte of the graph, CRC not fixed", "name index naming no role",
    "move notes not a dict", "extra key", "other files", "years reversed, CRC not fixed", "years infinite",
    "years not a number", "no years on one side only", "duplicate id", "no roles",
    "offsets past the end", "skills: deep", "skills: a name number past the names",
    "skills: level 6", "skills: level a boolean", "skills: one skill twice in a role",
    "skills: a track that is a number", "skills: a role missing", "skills: an odd list",
    "skills: one level changed, CRC not fixed", "years negative", "years low above high",
    "no years paired across two moves", "move offsets not from 0", "move offsets going down",
])
def test_a_damaged_entry_is_no_entry_and_is_replaced(small: Path, private_cache: Path,
                                                     damage: str) -> None:
    expected = load_dataset(str(small), use_cache=False)
    load_dataset(str(small))
    entry = entry_of(small)
    good = entry.read_bytes()
    write_entry(entry, *read_entry(entry))  # the test's own writing changes nothing
    assert entry.read_bytes() == good
    damage_entry(entry, damage)
    assert entry.read_bytes() != good
    dataset = load_dataset(str(small))
    use_everything(dataset)  # damage in a role's text is found when it is decoded
    assert dict(dataset.roles) == dict(expected.roles)
    assert tuple(dataset.progressions) == expected.progressions
    assert dict(dataset.names) == expected.names
    assert dict(dataset.skill_table) == expected.skill_table
    assert entry.read_bytes() == good  # parsed again and replaced


@pytest.mark.parametrize("damage", [
    "unknown role in a move", "self-loop", "years infinite", "years not a number",
    "no years on one side only", "a move neither promotion nor lateral"])
def test_damaged_moves_are_found_when_the_graph_is_first_used(
        run: Run, small: Path, private_cache: Path, damage: str) -> None:
    """`skills` never reads the move sections, so they are checked when a command first
    uses the graph: that answer is the fresh parse's, and the entry is replaced."""
    fresh = run("--data", small, "--no-cache", "path", "analyst", "hod", "-f", "json")
    first = run("--data", small, "skills", "analyst")
    good = entry_of(small).read_bytes()
    damage_entry(entry_of(small), damage)
    assert run("--data", small, "skills", "analyst").stdout == first.stdout
    assert entry_of(small).read_bytes() != good  # `skills` reads no move: not yet found
    dataset = load_dataset(str(small))
    assert dataset.index.ids == list(dataset.roles)  # the graph used first: damage found
    assert tuple(dataset.progressions) == load_dataset(str(small), use_cache=False).progressions
    assert entry_of(small).read_bytes() == good
    damage_entry(entry_of(small), damage)
    again = run("--data", small, "path", "analyst", "hod", "-f", "json")
    assert (again.exit_code, again.stdout, again.stderr) == (0, fresh.stdout, "")
    assert entry_of(small).read_bytes() == good


@pytest.mark.parametrize("damage", [
    "unknown role in a move", "self-loop", "years infinite", "no years on one side only",
    "years negative", "years low above high", "move offsets not from 0",
    "move offsets going down", "a role's moves holding another's"])
def test_a_damaged_move_of_the_role_shown_is_found_by_show_and_next(
        run: Run, small: Path, private_cache: Path, damage: str) -> None:
    """`show` and `next` check only the moves they read (move 0 leaves `analyst`)."""
    asked = [["show", "analyst"], ["next", "analyst", "-f", "json"]]
    fresh = [run("--data", small, "--no-cache", *args) for args in asked]
    run("--data", small, "roles")  # makes the entry
    good = entry_of(small).read_bytes()
    for args, expected in zip(asked, fresh):
        damage_entry(entry_of(small), damage)
        again = run("--data", small, *args)
        assert (again.exit_code, again.stdout, again.stderr) == (0, expected.stdout, "")
        assert entry_of(small).read_bytes() == good  # found, parsed again, replaced


def test_show_checks_only_the_moves_it_reads(run: Run, small: Path, private_cache: Path) -> None:
    fresh = run("--data", small, "--no-cache", "show", "head-of-data")
    run("--data", small, "roles")
    good = entry_of(small).read_bytes()
    damage_entry(entry_of(small), "unknown role in a move")  # move 0: analyst -> senior-analyst
    again = run("--data", small, "show", "head-of-data")
    assert (again.exit_code, again.stdout, again.stderr) == (0, fresh.stdout, "")
    assert entry_of(small).read_bytes() != good  # not read, so not yet found
    assert run("--data", small, "path", "analyst", "hod").exit_code == 0
    assert entry_of(small).read_bytes() == good


def test_a_skills_section_edited_to_disagree_with_the_roles_never_crashes_match(
        run: Run, small: Path, private_cache: Path, tmp_path: Path) -> None:
    """A deliberate edit that fixes the CRC is believed (the folder is the user's), but
    `match` takes its order and its figures from the one section: no crash, no order
    that contradicts the coverage shown."""
    me = tmp_path / "me.yaml"
    me.write_text("skills:\n  SQL: 3\n  Python: 2\n", encoding="utf-8")
    load_dataset(str(small))
    entry = entry_of(small)
    head, sections = read_entry(entry)
    names, tracks, skills = json.loads(sections[15])
    sections[15] = json.dumps([names, tracks, [*reversed(skills)]]).encode()
    write_entry(entry, head, sections)
    done = run("--data", small, "match", "--me", me, "-f", "json")
    assert (done.exit_code, done.stderr) == (0, "")
    coverage = [row["coverage"] for row in json.loads(done.stdout)["roles"]]
    assert coverage == sorted(coverage, reverse=True) and len(coverage) == 6


def test_damage_found_late_is_found_by_a_command_too(run: Run, small: Path,
                                                     private_cache: Path) -> None:
    first = run("--data", small, "show", "analyst")
    damage_entry(entry_of(small), "level as text")
    again = run("--data", small, "show", "analyst")
    assert (again.exit_code, again.stdout, again.stderr) == (0, first.stdout, first.stderr)


def test_entries_that_are_not_regular_files(small: Path, private_cache: Path) -> None:
    load_dataset(str(small))
    entry = entry_of(small)
    entry.unlink()
    os.mkfifo(entry)  # would hang a plain open()
    assert len(load_dataset(str(small)).roles) == 7
    assert entry.is_file() and not entry.is_symlink()
    entry.unlink()
    entry.symlink_to("/dev/zero")  # would never end
    assert len(load_dataset(str(small)).roles) == 7
    assert entry.is_file() and not entry.is_symlink()
    assert Path("/dev/zero").is_char_device()


def test_an_entry_too_large_for_the_data_is_not_read(small: Path, private_cache: Path) -> None:
    load_dataset(str(small))
    entry = entry_of(small)
    size = (small / "roles.yaml").stat().st_size + (small / "progressions.yaml").stat().st_size
    entry.write_bytes(b" " * cache.entry_limit(size) + entry.read_bytes())
    assert len(load_dataset(str(small)).roles) == 7
    assert entry.stat().st_size < 10_000


def test_one_entry_per_dataset_and_a_bounded_number(small: Path, private_cache: Path,
                                                    make_dataset: Callable[..., Path]) -> None:
    for word in ("Analyzt", "Analyst", "Analysis"):  # three edits of one dataset
        roles = small / "roles.yaml"
        roles.write_text(roles.read_text().replace("Data Analy", f"Data {word}", 1))
        load_dataset(str(small))
        assert len(entries(private_cache)) == 1
    stale = private_cache / ".123-abc.tmp"
    stale.write_text("left by a killed run")
    os.utime(stale, (1, 1))
    os.utime(entry_of(small), (5, 5))  # the oldest entry
    made = [make_dataset(name=f"d{number}") for number in range(cache.MAX_ENTRIES + 5)]
    for number, folder in enumerate(made):
        load_dataset(str(folder))
        os.utime(entry_of(folder), (number + 10, number + 10))  # written in this order
    assert len(entries(private_cache)) == cache.MAX_ENTRIES
    assert not stale.exists()
    assert [entry_of(folder).exists() for folder in made] == [False] * 5 + [True] * 16


SIGTERM_PROBE = """
import os, signal, sys, time
from pathlib import Path
import careerpath.cache as cache

real_replace = os.replace

def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(5)
    real_replace(*args, **kwargs)

os.replace = killed
from careerpath.loader import load_dataset
load_dataset(sys.argv[1])
"""


def test_sigterm_during_a_cache_write_leaves_no_temporary_file(small: Path,
                                                               private_cache: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", SIGTERM_PROBE, str(small)], check=False,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 143, done.stderr
    assert "Traceback" not in done.stderr
    assert list(private_cache.iterdir()) == []


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


def test_a_cached_dataset_without_any_years_orders_paths_as_parsed(
        make_dataset: Callable[..., Path], private_cache: Path) -> None:
    """All moves without years: the packing base must not go negative (it did)."""
    from careerpath.graph import PathQuery, find_paths

    moves = "".join(line.split(", years")[0] + ("}" if "years" in line else "") + "\n"
                    for line in SMALL_PROGRESSIONS.splitlines())
    folder = make_dataset(progressions=moves.replace(", note: A rare jump.}}", "}"))
    query = PathQuery("analyst", "head-of-data", limit=10)
    parsed = find_paths(load_dataset(str(folder), use_cache=False), query)
    load_dataset(str(folder))
    cached = find_paths(load_dataset(str(folder)), query)
    assert [p.roles for p in cached.paths] == [p.roles for p in parsed.paths]
    assert cached.paths[0].roles == ("analyst", "lead-analyst", "head-of-data")


def test_the_entry_stores_roles_in_the_models_field_order() -> None:
    """Roles are stored by position (fast to read back); the order is the model's, and
    cache_check's unpacking of a role must name the same fields in the same order."""
    from careerpath.cache_entry import ROLE_FIELDS
    from careerpath.model import Role

    assert ROLE_FIELDS == tuple(Role.__dataclass_fields__) == (
        "id", "title", "level", "aliases", "track", "summary", "responsibilities",
        "activities", "skills", "specialization_of", "outcomes", "source", "modelled")


def test_an_entry_made_by_another_model_is_not_found(small: Path, private_cache: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    load_dataset(str(small))
    files = [small / "roles.yaml", small / "progressions.yaml"]
    named = cache.entry_name(files)
    monkeypatch.setattr(cache, "_fields", lambda: "id,title,a-new-field")
    assert named is not None and cache.entry_name(files) is not None
    assert cache.entry_name(files)[0] != named[0]  # type: ignore[index]


def _hashes_counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = cache.files_hash
    monkeypatch.setattr(cache, "files_hash", lambda *a: (calls.append(1), real(*a))[1])
    return calls


def test_unchanged_files_are_known_by_their_stamp_without_hashing(
        small: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)  # the files are older than the entry
    load_dataset(str(small))
    hashes = _hashes_counted(monkeypatch)
    monkeypatch.setattr("careerpath.loader.check_dataset", lambda *a: pytest.fail("parsed"))
    assert len(load_dataset(str(small)).roles) == 7
    assert hashes == []


def test_a_rewrite_keeping_size_and_times_is_still_seen(small: Path, private_cache: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "RACY_NS", 0)
    roles = small / "roles.yaml"
    load_dataset(str(small))
    before = roles.stat()
    text = roles.read_text()
    assert "Data Analyst" in text
    roles.write_text(text.replace("Data Analyst", "Data Analyzt"))
    os.utime(roles, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same mtime
    assert load_dataset(str(small)).roles["analyst"].title == "Data Analyzt"


def test_files_written_just_before_their_entry_are_checked_by_hash(
        small: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Written in the same clock tick as the entry (here: within RACY_NS), a file could
    # change again without its times changing: only its hash can be trusted.
    load_dataset(str(small))
    hashes = _hashes_counted(monkeypatch)
    assert len(load_dataset(str(small)).roles) == 7
    assert hashes == [1]


def test_a_level_too_large_for_the_entry_is_answered_without_an_entry(
        run: Run, make_dataset: Any, private_cache: Path) -> None:
    folder = make_dataset("roles:\n  - {id: a, title: A, level: 1}\n"
                          "  - {id: b, title: B, level: 2147483648}\n",
                          "progressions:\n  - {from: a, to: b}\n")
    for _ in range(2):
        done = run("--data", folder, "next", "a")
        assert (done.exit_code, done.stderr) == (0, "")
        assert "B" in done.stdout
    assert list(private_cache.glob("*.cache")) == []


"""A person's skills profile: where they are now and what they can do, on the
dataset's 1..5 scale. Read and checked like the data (FILE:LINE:COL, every
problem at once); skill names are matched to the dataset's by the name rule."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from careerpath.errors import DataError, Problem, UsageError
from careerpath.model import Dataset, normal_name
from careerpath.textsafe import one_line

PROFILE_FILE = "careerpath.me.yaml"
PROFILE_KEYS = ("role", "skills")
MAX_PROFILE_BYTES = 1024 * 1024


class Profile(NamedTuple):
    path: str
    role: str | None  # a role id, when the profile names where the person is now
    skills: dict[str, int]  # the dataset's own skill names -> level 1..5
    warnings: list[str]  # skills the dataset does not know, with suggestions
    # every spelling the dataset uses for each of those skills -> level (None: `skills`)
    spellings: dict[str, int] | None = None

    @property
    def have(self) -> dict[str, int]:
        """The levels to look a role's skills up in, by the role's own spelling."""
        return self.skills if self.spellings is None else self.spellings


def dataset_spellings(dataset: Dataset) -> dict[str, list[str]]:
    """Every spelling of each skill in the dataset, by normal form, in data order."""
    spelled: dict[str, None] = {}
    for row in dataset.skill_table.values():
        spelled.update(dict.fromkeys(row.skills))  # each name normalised once, not per role
    names: dict[str, list[str]] = {}
    for name in spelled:
        names.setdefault(normal_name(name), []).append(name)
    return names


def dataset_skills(dataset: Dataset) -> dict[str, str]:
    """Every skill name in the dataset by its normal form (first spelling wins)."""
    return {normal: spellings[0] for normal, spellings in dataset_spellings(dataset).items()}


def load_profile(path: str | None, dataset: Dataset) -> Profile:
    """Read the profile at `path` (default: ./careerpath.me.yaml) against `dataset`."""
    if path is not None and not path.strip():
        raise UsageError("--me needs a file name")
    given = path or PROFILE_FILE
    data = _read(given, explicit=path is not None)
    from careerpath.lookup import find_role
    from careerpath.schema import read_skills
    from careerpath.schema_values import Fields, read_text
    from careerpath.yamlread import Node, read_yaml

    root, problems = read_yaml(data, given)

    def report(node: Node, message: str) -> None:
        problems.append(Problem(given, node.line, node.column, message))

    role_id = None
    skills: dict[str, int] = {}
    if root is not None:
        fields = Fields(root, PROFILE_KEYS, "a profile", report)
        role_node = fields.values.get("role")
        if role_node is not None and (name := read_text(role_node, "role", report)):
            try:
                role_id = find_role(dataset, name).id
            except UsageError as error:
                report(role_node, str(error))
        skills = read_skills(fields.values.get("skills"), report, fold=normal_name)
    spellings = dataset_spellings(dataset)
    known = {normal: names[0] for normal, names in spellings.items()}
    matched, warnings = _match_skills(skills, known, given)
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.line, p.column)))
    if not skills:
        warnings.append(f"{given}: the profile lists no skills, so it covers nothing yet; "
                        "list what you can do under 'skills:'")
    elif not matched:
        warnings.append(f"{given}: no skill in the profile is in the dataset, so it covers "
                        "nothing yet; list what you can do under 'skills:'")
    have = {spelling: level for name, level in matched.items()
            for spelling in spellings[normal_name(name)]}
    return Profile(given, role_id, matched, warnings, have)


def _read(path: str, *, explicit: bool) -> bytes:
    from careerpath.datafiles import FileTooLarge, read_data_file

    if path == "-":  # `me init -o -` writes one to stdout; `--me -` reads one from stdin
        import sys

        data = sys.stdin.buffer.read(MAX_PROFILE_BYTES + 1)
        if len(data) > MAX_PROFILE_BYTES:
            raise DataError([Problem(path, 1, 1, "a profile must be under 1 MiB")])
        return data

    # Never a device or a FIFO (/dev/zero would never end, a FIFO would hang).
    data = read_data_file(Path(path), what="a profile", limit=MAX_PROFILE_BYTES)
    if isinstance(data, bytes):
        return data
    if isinstance(data, (FileNotFoundError, NotADirectoryError)):
        hint = "" if explicit else "; write one with: careerpath me init"
        raise UsageError(f"no profile at {path}{hint} (or name one with --me FILE)")
    if isinstance(data, FileTooLarge):
        raise DataError([Problem(path, 1, 1, "a profile must be under 1 MiB")])
    raise UsageError(f"cannot read the profile {path}: {data.strerror}")


def _match_skills(skills: dict[str, int], known: Mapping[str, str],
                  where: str) -> tuple[dict[str, int], list[str]]:
    """Use the dataset's spelling of each skill; warn about the ones it lacks."""
    matched: dict[str, int] = {}
    warnings = []
    for name, level in skills.items():
        canonical = known.get(normal_name(name))
        if canonical is not None:
            matched[canonical] = max(level, matched.get(canonical, 0))
            continue
        close = difflib.get_close_matches(normal_name(name), list(known), n=1)
        hint = f"; did you mean '{known[close[0]]}'?" if close else ""
        warnings.append(f"{where}: skill '{name}' is not in the dataset{hint}")
    return matched, warnings


def profile_template(dataset: Dataset, role_name: str | None) -> str:
    """A commented profile, prefilled with ROLE's skills at that role's levels."""
    from careerpath.lookup import find_role

    role = find_role(dataset, role_name) if role_name else None
    lines = ["# Your skills profile for careerpath (match, gap, path --me).",
             "# Levels: 1 awareness, 2 foundational, 3 working, 4 practitioner, 5 expert.",
             "# Edit the levels to match what you can do today; add or remove skills freely."]
    if role is not None:
        lines.append(f"role: {_quote(role.id)}              # where you are now (optional)")
    else:
        example_role = next(iter(dataset.roles), "your-role-id")  # one of this dataset's
        lines.append(f"# role: {example_role}      # where you are now (optional)")
    source = role.skills if role is not None else {}
    if source:
        lines.append("skills:")
        lines += [f"  {_quote(name)}: {level}" for name, level in source.items()]
    else:
        example = next(iter(dataset_skills(dataset).values()), "SEO")
        if role is not None:
            lines.append(f"# {one_line(role.id)} lists no skills in this dataset: add yours")
        lines += ["skills:", f"  {_quote(example)}: 2      # an example: replace it"]
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escaping is valid YAML)."""
    import json

    return json.dumps(text, ensure_ascii=False)

"""A dataset's lint settings: `careerpath.lint.yaml` beside roles.yaml.

    lint:
      disable: [dead-end, no-summary]      # rule ids, see `careerpath lint --list`
      field-terms:                         # more terms alias-field-term looks for
        "*": [gmv]                         # in every track
        digital marketing: [sov]           # only for roles on this track
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from pathlib import Path

from careerpath.errors import DataError, Problem
from careerpath.lint.base import Settings
from careerpath.schema_values import Fields, Report, read_text, read_texts
from careerpath.yamlread import Mapping, Node, Scalar, Sequence, read_yaml

CONFIG_FILE = "careerpath.lint.yaml"


def read_settings(folder: Path | None, label: str, rule_ids: Collection[str]) -> Settings:
    """The settings in `folder`'s config file; defaults when there is none.

    A config file that is there but wrong is an invalid dataset (exit 3).
    """
    if folder is None:
        return Settings()
    from careerpath.datafiles import read_data_file

    path = folder / CONFIG_FILE
    data = read_data_file(path, what="a lint config")  # never blocks on a FIFO
    name = CONFIG_FILE if label == "built-in" else str(path)
    if isinstance(data, FileNotFoundError):
        if path.is_symlink():  # the user meant its settings to apply
            raise DataError([Problem(name, 1, 1, "cannot read the file: it is a link to "
                                     "a file that does not exist")])
        return Settings()
    if isinstance(data, OSError):
        raise DataError([Problem(name, 1, 1, f"cannot read the file: {data.strerror}")])
    root, problems = read_yaml(data, name)
    if root is None and [p.message for p in problems] == ["file is empty"]:
        return Settings()  # a config with everything commented out

    def report(node: Node, message: str) -> None:
        problems.append(Problem(name, node.line, node.column, message))

    settings = _settings(root, rule_ids, report) if root is not None else Settings()
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.line, p.column)))
    return settings


def _settings(root: Node, rule_ids: Collection[str], report: Report) -> Settings:
    top = Fields(root, ("lint",), "the top level of the file", report)
    lint = top.values.get("lint")
    if lint is None or (isinstance(lint, Scalar) and lint.value is None):
        return Settings()
    fields = Fields(lint, ("disable", "field-terms"), "the lint section", report)
    disabled: set[str] = set()
    disable_node = fields.values.get("disable")
    if disable_node is not None:
        if not isinstance(disable_node, Sequence):
            report(disable_node, "disable must be a list of rule ids")
        for node in getattr(disable_node, "items", []):
            rule_id = read_text(node, "each item of disable", report)
            if rule_id is None:
                continue
            if rule_id in rule_ids:
                disabled.add(rule_id)
                continue
            close = difflib.get_close_matches(rule_id, list(rule_ids), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "see careerpath lint --list"
            report(node, f"unknown rule '{rule_id}'; {hint}")
    return Settings(frozenset(disabled), _field_terms(fields.values.get("field-terms"), report))


def _field_terms(node: Node | None, report: Report) -> dict[str, frozenset[str]]:
    if node is None:
        return {}
    if isinstance(node, Sequence):
        return {"*": frozenset(t.casefold() for t in read_texts(node, "field-terms", report))}
    if not isinstance(node, Mapping):
        report(node, "field-terms must be a list of terms, or a mapping of track to terms")
        return {}
    terms: dict[str, frozenset[str]] = {}
    for key, value in node.items:
        track = key.value if isinstance(key.value, str) else key.text
        found = read_texts(value, f"field-terms of '{track}'", report)
        terms[track] = terms.get(track, frozenset()) | {t.casefold() for t in found}
    return terms

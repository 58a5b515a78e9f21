"""`careerpath lint`: problems of meaning in a valid dataset.

One registry of rules, yamllint style: each rule has an id, a one-line doc
(`careerpath lint --list`) and a check that yields located findings. Nothing
here knows about the terminal; `cmd_lint.py` prints.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from careerpath.lint import moves, roles, sources, spelling
from careerpath.lint.base import Context, LintProblem, Rule, Settings
from careerpath.loader import DataSource
from careerpath.model import Dataset
from careerpath.yamlread import Node

Roots = tuple[Node | None, Node | None]

__all__ = ["RULES", "LintProblem", "Rule", "Settings", "lint_dataset", "lint_source"]

_RULE_LIST = [
    Rule("promotion-lowers-skill", "a promotion rates one of the role's skills lower than the "
         "role it starts from", moves.promotion_lowers_skill),
    Rule("promotion-drops-skill", f"a promotion leaves out a skill the starting role rates "
         f"{moves.DROP_LEVEL} or higher (a specialised role's own specialism excepted)",
         moves.promotion_drops_skill),
    Rule("move-level", "a promotion to the same or a lower level, or a lateral move across "
         "levels", moves.move_level),
    Rule("skill-spelling", "one skill probably spelled two ways across the dataset (case, "
         "spacing, punctuation, a letter or two)", spelling.skill_spelling),
    Rule("dead-end", "a role with no move out that is not at the top level of its track",
         moves.dead_end),
    Rule("unreachable", "a role no entry-level role (the dataset's lowest level) has a "
         "path to", moves.unreachable),
    Rule("specialization-core-skills", f"a specialised role lacks a skill its general role "
         f"rates {roles.CORE_LEVEL} or higher", roles.specialization_core_skills),
    Rule("no-skills", "a role with no skills", roles.no_skills),
    Rule("no-responsibilities", "a role with no responsibilities", roles.no_responsibilities),
    Rule("no-summary", "a role with no summary", roles.no_summary),
    Rule("alias-field-term", "an alias that is also a common term of the field (SEM, PPC, "
         "a skill's initials, field-terms)", roles.alias_field_term),
    Rule("unsourced", "with a sources list: a role or move that cites no source and is not "
         "marked modelled", sources.unsourced),
    Rule("modelled-and-cited", "a role or move marked modelled that also cites a source",
         sources.modelled_and_cited),
    Rule("unused-source", "a listed source that nothing cites", sources.unused_source),
    Rule("proficiency-unexplained", "roles rate skills but framework.proficiency does not "
         "say where the numbers come from", sources.proficiency_unexplained),
]
RULES: dict[str, Rule] = {rule.id: rule for rule in _RULE_LIST}


def lint_dataset(dataset: Dataset, source: DataSource, settings: Settings = Settings(),
                 disable: Collection[str] = (), roots: Roots | None = None) -> list[LintProblem]:
    """Every problem the enabled rules find, in file order (roles.yaml first).

    `roots`: the files' parsed trees, if at hand (else they are read again).
    """
    from careerpath.lint.locate import locate

    where = locate(source, roots)
    context = Context(dataset, where, settings)
    off = set(settings.disabled) | set(disable)
    problems = [LintProblem(*finding.place, rule.id, finding.message)
                for rule in _RULE_LIST if rule.id not in off
                for finding in rule.check(context)]
    order = {where.roles_file: 0, where.moves_file: 1}
    problems.sort(key=lambda p: (order.get(p.file, 2), p.line, p.column, p.rule))
    return problems


def lint_source(source: DataSource, disable: Collection[str] = ()) -> list[LintProblem]:
    """Load, validate and lint the dataset at `source`, with its careerpath.lint.yaml.

    Raises DataError (exit 3) when the dataset or its lint config is invalid.
    """
    from careerpath.errors import DataError
    from careerpath.lint.config import read_settings
    from careerpath.loader import gc_paused
    from careerpath.validate import check_with_roots

    contents = [_read(source.roles), _read(source.progressions)]
    with gc_paused():
        dataset, problems, roots = check_with_roots(
            source.display(source.roles), source.display(source.progressions), contents,
            source.label)
        if dataset is None:
            raise DataError(problems)
        settings = read_settings(source.roles.parent, source.label, RULES)
        return lint_dataset(dataset, source, settings, disable, roots)


def _read(path: Path) -> bytes | OSError:
    from careerpath.datafiles import read_data_file

    return read_data_file(path)  # a FIFO or /dev/zero is refused; validation reports it

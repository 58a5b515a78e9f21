"""The `lint` and `schema` commands, and `validate --format json`.

Plain `typer.echo` only (no Rich): lint output is read by editors and CI, one
problem a line, `FILE:LINE:COL: rule-id: message`.
"""

# No `from __future__ import annotations`: Typer reads the annotations at run time.
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any

import typer

from careerpath.errors import DataError, DatasetMissing, LintFailed, UsageError
from careerpath.loader import DataSource
from careerpath.textsafe import escaped

SCHEMA_FILES = ("roles.schema.json", "progressions.schema.json")
# The "rule" of a problem that makes the dataset (or its lint config) invalid, in
# `lint --format json`: not a lint rule, so it cannot be disabled.
INVALID = "invalid"


class LintFormat(str, Enum):
    text = "text"
    json = "json"


DirArg = Annotated[str | None, typer.Argument(
    metavar="DIR", help="Dataset folder [default: the active dataset].")]
OutputOpt = Annotated[str | None, typer.Option(
    "--output", "-o", metavar="FILE", help="Write the answer to FILE ('-' for stdout).")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")]


def _source(ctx: typer.Context, folder: str | None) -> DataSource:
    from careerpath.loader import locate

    if folder is not None:  # a message names the argument, not an option not given
        return locate(folder, origin=ctx.info_name or "lint")
    return locate(getattr(ctx.obj, "data_dir", None))


def _emit(text: str, output: str | None, force: bool) -> None:
    from careerpath.output import write_atomic, write_stdout

    if output in (None, "-"):
        write_stdout(text)
    else:
        assert output is not None
        write_atomic(output, text, force=force)


def _dumps(value: Any) -> str:
    # The JSON renderers' dumps: bidi overrides, C1 controls and line separators escaped.
    from careerpath.render.jsonout import dumps

    return dumps(value)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def rule_list(fmt: LintFormat, columns: int = 100) -> str:
    """The rules, one id and its documentation each; text wrapped to `columns`, the
    documentation hanging beside the ids (or under each id where that is too narrow)."""
    import textwrap

    from careerpath.lint import RULES

    if fmt is LintFormat.json:
        return _dumps([{"id": rule.id, "doc": rule.doc} for rule in RULES.values()])
    width = max(len(rule_id) for rule_id in RULES)
    indent = width + 2 if columns - width - 2 >= 30 else 2
    lines = []
    for rule in RULES.values():
        text = textwrap.wrap(rule.doc, max(20, columns - indent))
        first = f"{rule.id:<{width}}  {text[0]}" if indent > 2 else rule.id
        rest = text[1:] if indent > 2 else text
        lines += [first, *(" " * indent + part for part in rest)]
    return "".join(line + "\n" for line in lines)


def _columns(output: str | None) -> int:
    """The width of text: a terminal's own, an explicit COLUMNS for a pipe, else 100."""
    import os
    import shutil
    import sys

    if output not in (None, "-"):
        return 100
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    given = os.environ.get("COLUMNS", "").strip()
    return int(given) if given.isascii() and given.isdigit() and int(given) >= 20 else 100


def lint(
    ctx: typer.Context,
    folder: DirArg = None,
    fmt: Annotated[LintFormat, typer.Option("--format", "-f", metavar="FORMAT",
                                            help="text or json.")] = LintFormat.text,
    list_rules: Annotated[bool, typer.Option("--list", help="List the rules and exit.")] = False,
    disable: Annotated[list[str] | None, typer.Option(
        "--disable", metavar="RULE", help="Skip this rule (repeatable); adds to "
        "careerpath.lint.yaml's disable list.")] = None,
    output: OutputOpt = None, force: ForceOpt = False,
) -> None:
    """Find contradictions in a valid dataset (exit 4 if any).

    Exit 3 if the dataset is invalid. Rules: careerpath lint --list
    """
    from careerpath.lint import RULES, LintProblem, lint_source

    if list_rules:
        _emit(rule_list(fmt, _columns(output)), output, force)
        return
    unknown = [rule_id for rule_id in disable or [] if rule_id not in RULES]
    if unknown:
        raise UsageError(f"--disable: unknown rule '{unknown[0]}'; see careerpath lint --list")
    try:
        source = _source(ctx, folder)
        problems = lint_source(source, disable or ())
    except (DataError, DatasetMissing) as error:
        if fmt is not LintFormat.json:
            raise
        # CI reads stdout as JSON whatever happens: the invalid data, located, and exit 3.
        invalid = error.problems if isinstance(error, DataError) else error.problems()
        found = [LintProblem(p.file, p.line, p.column, INVALID, p.message).as_dict()
                 for p in invalid]
        _emit(_dumps({"problems": found, "count": len(found)}), output, force)
        raise typer.Exit(3) from None
    if fmt is LintFormat.json:
        _emit(_dumps({"problems": [p.as_dict() for p in problems], "count": len(problems)}),
              output, force)
    else:
        _emit("".join(escaped(f"{p.file}:{p.line}:{p.column}: {p.rule}: {p.message}") + "\n"
                      for p in problems), output, force)
    summary = None
    if fmt is LintFormat.text:
        summary = escaped(f"{source.label}: {_plural(len(problems), 'problem')}")
    if problems:
        raise LintFailed(summary)
    if summary is not None:
        typer.echo(summary, err=True)


def schema(
    folder: Annotated[str, typer.Argument(metavar="DIR", help="Folder to write the schemas to.")],
    force: Annotated[bool, typer.Option(
        "--force", help="Replace the schema files in DIR if they exist.")] = False,
) -> None:
    """Write JSON Schemas of the data files, for editors to check.

    roles.schema.json and progressions.schema.json, for yaml-language-server: start
    roles.yaml with `# yaml-language-server: $schema=roles.schema.json`.
    """
    from pathlib import Path

    from careerpath.output import write_atomic

    target = Path(folder)
    if not folder.strip():  # Path('') would be the current folder
        raise UsageError(f"schema needs the name of a folder to write to, got '{folder}'")
    if not target.is_dir():
        raise UsageError(f"{folder} is not a folder" + ("" if target.exists() else
                                                       " (it does not exist; create it first)"))
    for name in SCHEMA_FILES:
        write_atomic(str(target / name), schema_text(name), force=force)
        typer.echo(f"wrote {escaped(str(target / name))}", err=True)


def schema_text(name: str) -> str:
    """The shipped JSON Schema `name` (one of SCHEMA_FILES)."""
    from importlib.resources import files

    return files("careerpath").joinpath("schemas").joinpath(name).read_text(encoding="utf-8")


def validate_report(source: DataSource) -> dict[str, Any]:
    """`validate --format json`: every problem, or the counts and warnings of a valid dataset."""
    from careerpath.loader import check_dataset, roles_without_moves

    dataset, problems = check_dataset(source)
    if dataset is None:
        return {"valid": False, "problems": [p._asdict() for p in problems], "warnings": [],
                "roles": None, "moves": None}
    warnings = [{"role": role_id, "message": f"role '{role_id}' has no moves into or out of it"}
                for role_id in roles_without_moves(dataset)]
    return {"valid": True, "problems": [], "warnings": warnings,
            "roles": len(dataset.roles), "moves": len(dataset.progressions)}


def _validate_text(report: dict[str, Any], label: str) -> str:
    from careerpath.errors import Problem

    if not report["valid"]:
        lines = [str(Problem(**problem)) for problem in report["problems"]]
        lines.append(f"{_plural(len(lines), 'problem')} in {label}")
    else:
        lines = [f"warning: {warning['message']}" for warning in report["warnings"]]
        lines.append(f"{label}: valid, {_plural(report['roles'], 'role')}, "
                     f"{_plural(report['moves'], 'move')}")
    return "".join(escaped(line) + "\n" for line in lines)


def validate_as(source: Callable[[], DataSource], fmt: str, output: str | None = None,
                force: bool = False) -> None:
    """The `validate` command's answer in a format other than text (json only); `source`
    locates the dataset (a missing file is reported in the JSON too)."""
    if fmt not in ("text", "json"):
        raise UsageError(f"'validate' does not take --format {fmt}; use one of: text, json")
    try:
        located = source()
        report = validate_report(located)
    except DatasetMissing as error:  # CI reads stdout as JSON whatever happens
        if fmt == "text":
            raise
        report = {"valid": False, "problems": [p._asdict() for p in error.problems()],
                  "warnings": [], "roles": None, "moves": None}
    if fmt == "text":  # -o FILE: what the terminal shows, problems and summary together
        _emit(_validate_text(report, located.label), output, force)
        if not report["valid"]:
            raise typer.Exit(3)
        return
    _emit(_dumps(report), output, force)
    if not report["valid"]:
        raise typer.Exit(3)


def register(app: typer.Typer) -> None:
    """Add `lint` and `schema` to the careerpath app."""
    from careerpath.cli_common import Command, examples

    app.command("lint", cls=Command, epilog=examples([
        "careerpath lint ./my-data", "careerpath lint -f json -o out.json"]))(lint)
    app.command("schema", cls=Command, epilog=examples(["careerpath schema my-data"]))(schema)

"""The commands. Each parses its arguments, asks the core, and hands the answer to `answer`."""

# No `from __future__ import annotations` in this module: Typer would have to
# eval every string annotation at each start (about 10 ms).
from typing import Annotated

import typer

from careerpath.cli import (
    DIAGRAM_FORMATS,
    DOCUMENT_FORMATS,
    TABLE_FORMATS,
    ForceOption,
    Format,
    FormatOption,
    OutputOption,
    _role,
    _state,
    answer,
    app,
)
from careerpath.errors import NoAnswer, UsageError

RoleArg = Annotated[str, typer.Argument(metavar="ROLE", help="Role id, title or alias "
                                        "(any case; a unique prefix is enough).")]


@app.command()
def roles(
    ctx: typer.Context,
    level: Annotated[int | None, typer.Option(help="Only roles at this level.", min=1)] = None,
    track: Annotated[str | None, typer.Option(help="Only roles on this track.")] = None,
    fmt: FormatOption = Format.text, output: OutputOption = None, force: ForceOption = False,
) -> None:
    """List every role, by level then title.

    Example: careerpath roles --level 2
    """
    from careerpath.queries import list_roles

    result = list_roles(_state(ctx).dataset(), level, track)
    answer(ctx, result, fmt, output, force, TABLE_FORMATS)


@app.command()
def show(ctx: typer.Context, role: RoleArg, fmt: FormatOption = Format.text,
         output: OutputOption = None, force: ForceOption = False) -> None:
    """Show a role's card: duties, day-to-day work, skills, moves.

    Example: careerpath show director
    """
    from careerpath.queries import role_card

    result = role_card(_state(ctx).dataset(), _role(ctx, role))
    answer(ctx, result, fmt, output, force, DOCUMENT_FORMATS)


@app.command()
def path(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(metavar="FROM", help="Where you are now.")],
    target: Annotated[str, typer.Argument(metavar="TO", help="Where you want to be.")],
    all_paths: Annotated[bool, typer.Option("--all", help="List alternative paths too.")]
    = False,
    limit: Annotated[int | None, typer.Option(
        min=1, help="At most this many paths (implies --all) [default with --all: 10].")] = None,
    fastest: Annotated[bool, typer.Option(
        "--fastest", help="Order by typical years instead of number of moves.")] = False,
    via: Annotated[list[str] | None, typer.Option(
        metavar="ROLE", help="Pass through this role (repeatable).")] = None,
    avoid: Annotated[list[str] | None, typer.Option(
        metavar="ROLE", help="Never pass through this role (repeatable).")] = None,
    promotions_only: Annotated[bool, typer.Option("--promotions-only",
                                                  help="Use no lateral move.")] = False,
    fmt: FormatOption = Format.text, output: OutputOption = None, force: ForceOption = False,
) -> None:
    """Find the way from one role to another, and the skills to build.

    Example: careerpath path coordinator cdo
    """
    from careerpath.graph import PathQuery, find_paths
    from careerpath.queries import PathAnswer

    dataset = _state(ctx).dataset()
    start, end = _role(ctx, source), _role(ctx, target)
    count = limit if limit is not None else (10 if all_paths else 1)
    query = PathQuery(start.id, end.id, count, fastest,
                      tuple(_role(ctx, name).id for name in via or []),
                      tuple(_role(ctx, name).id for name in avoid or []), promotions_only)
    result = PathAnswer(start, end, find_paths(dataset, query).paths)
    answer(ctx, result, fmt, output, force, DIAGRAM_FORMATS)


@app.command("next")
def next_moves(
    ctx: typer.Context, role: RoleArg,
    depth: Annotated[int, typer.Option(min=1, help="How many moves ahead to look.")] = 1,
    fmt: FormatOption = Format.text, output: OutputOption = None, force: ForceOption = False,
) -> None:
    """List the roles reachable from a role within N moves.

    Example: careerpath next manager --depth 2
    """
    from careerpath.graph import reachable
    from careerpath.queries import NextAnswer

    dataset = _state(ctx).dataset()
    start = _role(ctx, role)
    found = reachable(dataset, start.id, depth)
    if not found:
        raise NoAnswer(f"no move leads out of {start.id}")
    result = NextAnswer(start, depth, found)
    answer(ctx, result, fmt, output, force, TABLE_FORMATS)


@app.command()
def skills(ctx: typer.Context, role: RoleArg, fmt: FormatOption = Format.text,
           output: OutputOption = None, force: ForceOption = False) -> None:
    """List a role's skills with proficiency, strongest first.

    Example: careerpath skills vp
    """
    from careerpath.queries import SkillsAnswer

    answer(ctx, SkillsAnswer(_role(ctx, role)), fmt, output, force, TABLE_FORMATS)


@app.command()
def levels(ctx: typer.Context, role: RoleArg, fmt: FormatOption = Format.text,
           output: OutputOption = None, force: ForceOption = False) -> None:
    """Show a role's day-to-day work at entry, mid and senior level.

    Example: careerpath levels manager
    """
    from careerpath.queries import levels as levels_of

    answer(ctx, levels_of(_role(ctx, role)), fmt, output, force, TABLE_FORMATS)


@app.command()
def compare(ctx: typer.Context,
            source: Annotated[str, typer.Argument(metavar="A", help="The role you have.")],
            target: Annotated[str, typer.Argument(metavar="B", help="The role you want.")],
            fmt: FormatOption = Format.text, output: OutputOption = None,
            force: ForceOption = False) -> None:
    """Compare two roles: level, skills, duties and the path between.

    Example: careerpath compare manager director
    """
    from careerpath.graph import PathQuery, find_paths
    from careerpath.queries import compare as compare_roles

    dataset = _state(ctx).dataset()
    first, second = _role(ctx, source), _role(ctx, target)
    found = None
    if first.id != second.id:
        try:
            found = find_paths(dataset, PathQuery(first.id, second.id)).paths[0]
        except NoAnswer:
            found = None
    answer(ctx, compare_roles(first, second, found), fmt, output, force, TABLE_FORMATS)


@app.command()
def search(ctx: typer.Context, text: Annotated[str, typer.Argument(help="Text to look for.")],
           fmt: FormatOption = Format.text, output: OutputOption = None,
           force: ForceOption = False) -> None:
    """Find roles that mention TEXT (title, aliases, duties, skills).

    Example: careerpath search analytics
    """
    from careerpath.queries import search as search_roles

    answer(ctx, search_roles(_state(ctx).dataset(), text), fmt, output, force, TABLE_FORMATS)


@app.command()
def graph(ctx: typer.Context,
          role: Annotated[str | None, typer.Argument(
              metavar="ROLE", help="Only what is reachable from this role.")] = None,
          fmt: FormatOption = Format.text, output: OutputOption = None,
          force: ForceOption = False) -> None:
    """Draw the career ladder level by level, or what ROLE leads to.

    Example: careerpath graph --format mermaid -o ladder.mmd
    """
    from careerpath.graph import descendants
    from careerpath.queries import graph_answer

    dataset = _state(ctx).dataset()
    root = _role(ctx, role) if role is not None else None
    keep = descendants(dataset, root.id) if root is not None else None
    answer(ctx, graph_answer(dataset, root, keep), fmt, output, force, DIAGRAM_FORMATS)


@app.command()
def validate(ctx: typer.Context, folder: Annotated[str | None, typer.Argument(
        metavar="DIR", help="Dataset folder [default: the active dataset].")] = None) -> None:
    """Check a dataset and print every problem (exit 3 if any).

    Example: careerpath validate ./my-data
    """
    from careerpath.errors import DataError
    from careerpath.loader import check_dataset, locate, roles_without_moves

    source = locate(folder if folder is not None else _state(ctx).data_dir)
    dataset, problems = check_dataset(source)
    if dataset is None:
        typer.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} "
                   f"in {source.label}", err=True)
        raise DataError(problems)
    for role_id in roles_without_moves(dataset):
        typer.echo(f"warning: role '{role_id}' has no moves into or out of it", err=True)
    typer.echo(f"{source.label}: valid, {len(dataset.roles)} roles, "
               f"{len(dataset.progressions)} moves")


@app.command()
def init(ctx: typer.Context,
         folder: Annotated[str, typer.Argument(metavar="DIR", help="Folder to create.")],
         force: ForceOption = False) -> None:
    """Write a copy of the built-in dataset to DIR, to start your own.

    Example: careerpath init my-data && careerpath --data my-data roles
    """
    from pathlib import Path

    from careerpath.loader import builtin_source
    from careerpath.output import write_atomic

    source = builtin_source()
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise UsageError(f"{folder} exists and is not a folder")
    files = [(source.roles, target / source.roles.name),
             (source.progressions, target / source.progressions.name)]
    existing = [str(dest) for _, dest in files if dest.exists()]
    if existing and not force:
        raise UsageError(f"{', '.join(existing)} already exist(s); add --force to replace")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot create {folder}: {error.strerror}") from None
    for origin, dest in files:
        write_atomic(str(dest), origin.read_text(encoding="utf-8"), force=force)
    typer.echo(f"wrote {files[0][1]} and {files[1][1]}; try: careerpath --data {folder} roles")

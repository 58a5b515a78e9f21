"""The commands. Each parses its arguments, calls one query, and hands the answer to `emit`."""

# No `from __future__ import annotations` in this module: Typer would have to
# eval every string annotation at each start (about 10 ms).
import contextlib
import os
from typing import Annotated

import typer

from careerpath.cli_common import (
    Command,
    DiagramFormat,
    DocumentFormat,
    ForceOption,
    Format,
    OutputOption,
    PathMeOption,
    RoleArg,
    TableFormat,
    chosen_format,
    complete_role_names,
    dataset,
    emit,
    examples,
    formats_completer,
    state,
    warn,
)
from careerpath.errors import UsageError

EXAMPLES = {
    "roles": ["careerpath roles --level 2", "careerpath roles -o roles.csv"],
    "show": ["careerpath show director", "careerpath show vp -o vp.md"],
    "path": ["careerpath path coordinator cdo",
             "careerpath path manager vp --all",
             "careerpath path em vp -o path.md"],
    "next": ["careerpath next manager", "careerpath next manager --depth 2"],
    "skills": ["careerpath skills vp"],
    "levels": ["careerpath levels manager"],
    "compare": ["careerpath compare manager director"],
    "search": ["careerpath search analytics"],
    "graph": ["careerpath graph", "careerpath graph em -o ladder.mmd"],
    "validate": ["careerpath validate ./my-data"],
    "init": ["careerpath init my-data",
             "careerpath --data my-data roles",
             "careerpath init --blank my-company"],
}


def register(app: typer.Typer) -> None:
    """Add the question commands and the dataset commands to `app`."""
    for name, command in (("roles", roles), ("show", show), ("path", path),
                          ("next", next_moves), ("skills", skills), ("levels", levels),
                          ("compare", compare), ("search", search), ("graph", graph),
                          ("validate", validate), ("init", init)):
        app.command(name, cls=Command, epilog=examples(EXAMPLES[name]))(command)


def roles(
    ctx: typer.Context,
    level: Annotated[int | None, typer.Option(metavar="N", help="Only roles at level N.",
                                              min=1)] = None,
    track: Annotated[str | None, typer.Option(metavar="TRACK",
                                              help="Only roles on TRACK (any case).")] = None,
    fmt: TableFormat = None, output: OutputOption = None, force: ForceOption = False,
) -> None:
    """List every role, by level then title."""
    from careerpath.queries import list_roles

    emit(ctx, list_roles(dataset(ctx), level, track), fmt, output, force)


def show(ctx: typer.Context, role: RoleArg, fmt: DocumentFormat = None,
         output: OutputOption = None, force: ForceOption = False) -> None:
    """Show a role's card: duties, day-to-day work, skills, moves."""
    from careerpath.queries import role_card

    emit(ctx, role_card(dataset(ctx), role), fmt, output, force)


def path(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(
        autocompletion=complete_role_names, metavar="FROM",
        help="Where you are now (with --me, leave it out to start at the profile's role).")],
    target: Annotated[str | None, typer.Argument(
        autocompletion=complete_role_names, metavar="TO", help="Where you want to be.",
        show_default=False)] = None,
    all_paths: Annotated[bool, typer.Option("--all", help="List alternative paths too.")]
    = False,
    limit: Annotated[int | None, typer.Option(
        min=1, metavar="N",
        help="At most N paths, up to 1,000 (implies --all) [default with --all: 10].")] = None,
    fastest: Annotated[bool, typer.Option(
        "--fastest", help="Order by typical years instead of number of moves.")] = False,
    via: Annotated[list[str] | None, typer.Option(
        autocompletion=complete_role_names, metavar="ROLE",
        help="Pass through this role (repeatable).")] = None,
    avoid: Annotated[list[str] | None, typer.Option(
        autocompletion=complete_role_names, metavar="ROLE",
        help="Never pass through this role (repeatable).")] = None,
    promotions_only: Annotated[bool, typer.Option("--promotions-only",
                                                  help="Use no lateral move.")] = False,
    easiest: Annotated[bool, typer.Option(
        "--easiest", help="The path that asks you to learn least (skill points from your "
                          "--me profile, else from FROM's skills).")] = False,
    me: PathMeOption = None,
    fmt: DiagramFormat = None, output: OutputOption = None, force: ForceOption = False,
) -> None:
    """Find the way from one role to another, and the skills to build."""
    from careerpath.queries import find_path

    data = dataset(ctx)
    start_skills = None
    if me is None and target is None:
        from careerpath.profile import PROFILE_FILE

        if os.path.lexists(PROFILE_FILE):  # `path TO` starts from ./careerpath.me.yaml
            me = PROFILE_FILE
    if me is not None:
        from careerpath.profile import load_profile

        profile = load_profile(me, data)
        warn(profile.warnings)
        start_skills = profile.have
        if target is None:
            if profile.role is None:
                raise UsageError(f"{profile.path} names no role; give FROM and TO, or add "
                                 "'role: ...' to the profile")
            source, target = profile.role, source
    elif target is None:
        raise UsageError("give FROM and TO (or only TO, with a profile naming your role: "
                         "careerpath.me.yaml or --me FILE)")
    result = find_path(data, source, target, limit=limit, all_paths=all_paths,
                       fastest=fastest, via=via or (), avoid=avoid or (),
                       promotions_only=promotions_only, easiest=easiest,
                       start_skills=start_skills, profile=me)
    emit(ctx, result, fmt, output, force)


def next_moves(
    ctx: typer.Context, role: RoleArg,
    depth: Annotated[int, typer.Option(min=1, metavar="N",
                                       help="How many moves ahead to look.")] = 1,
    fmt: TableFormat = None, output: OutputOption = None, force: ForceOption = False,
) -> None:
    """List the roles reachable from a role within N moves."""
    from careerpath.queries import next_roles

    emit(ctx, next_roles(dataset(ctx), role, depth), fmt, output, force)


def skills(ctx: typer.Context, role: RoleArg, fmt: TableFormat = None,
           output: OutputOption = None, force: ForceOption = False) -> None:
    """List a role's skills with proficiency, strongest first."""
    from careerpath.queries import role_skills

    emit(ctx, role_skills(dataset(ctx), role), fmt, output, force)


def levels(ctx: typer.Context, role: RoleArg, fmt: TableFormat = None,
           output: OutputOption = None, force: ForceOption = False) -> None:
    """Show a role's day-to-day work at entry, mid and senior level."""
    from careerpath.queries import role_levels

    emit(ctx, role_levels(dataset(ctx), role), fmt, output, force)


def compare(ctx: typer.Context,
            source: Annotated[str, typer.Argument(
                autocompletion=complete_role_names, metavar="A", help="The role you have.")],
            target: Annotated[str, typer.Argument(
                autocompletion=complete_role_names, metavar="B", help="The role you want.")],
            fmt: TableFormat = None, output: OutputOption = None,
            force: ForceOption = False) -> None:
    """Compare two roles: level, skills, duties and the path between."""
    from careerpath.queries import compare_roles

    emit(ctx, compare_roles(dataset(ctx), source, target), fmt, output, force)


def search(ctx: typer.Context, text: Annotated[str, typer.Argument(
        metavar="TEXT", help="Text to look for.")],
           fmt: TableFormat = None, output: OutputOption = None,
           force: ForceOption = False) -> None:
    """Find roles that mention TEXT (title, aliases, duties, skills)."""
    from careerpath.queries import search_roles

    emit(ctx, search_roles(dataset(ctx), text), fmt, output, force)


def graph(ctx: typer.Context,
          role: Annotated[str | None, typer.Argument(
              autocompletion=complete_role_names, metavar="ROLE",
              help="Only what is reachable from this role.")] = None,
          fmt: DiagramFormat = None, output: OutputOption = None,
          force: ForceOption = False) -> None:
    """Draw the career ladder level by level, or what ROLE leads to."""
    from careerpath.queries import ladder_graph

    emit(ctx, ladder_graph(dataset(ctx), role), fmt, output, force)


def validate(ctx: typer.Context, folder: Annotated[str | None, typer.Argument(
        metavar="DIR", help="Dataset folder [default: the active dataset].")] = None,
        fmt: Annotated[Format | None, typer.Option(
            "--format", "-f", metavar="FORMAT", help="text or json [default: text].",
            autocompletion=formats_completer(("text", "json")))] = None,
        output: OutputOption = None, force: ForceOption = False) -> None:
    """Check a dataset and print every problem (exit 3 if any)."""
    from careerpath.errors import DataError
    from careerpath.loader import check_dataset, locate, roles_without_moves
    from careerpath.textsafe import escaped
    from careerpath.wording import plural

    given, origin = (folder, "validate") if folder is not None else (state(ctx).data_dir, "--data")
    chosen = chosen_format(fmt, output)
    if chosen != "text" or output is not None:
        from careerpath.cmd_lint import validate_as

        return validate_as(lambda: locate(given, origin=origin), chosen, output, force)
    source = locate(given, origin=origin)
    checked, problems = check_dataset(source)
    if checked is None:
        with contextlib.suppress(OSError):  # a full stderr must not turn exit 3 into 2
            typer.echo(f"{plural(len(problems), 'problem')} in {escaped(source.label)}",
                       err=True)
        raise DataError(problems)
    for role_id in roles_without_moves(checked):
        typer.echo(f"warning: role '{role_id}' has no moves into or out of it", err=True)
    typer.echo(f"{escaped(source.label)}: valid, {plural(len(checked.roles), 'role')}, "
               f"{plural(len(checked.progressions), 'move')}")


def init(ctx: typer.Context,
         folder: Annotated[str, typer.Argument(metavar="DIR", help="Folder to create.")],
         force: Annotated[bool, typer.Option(
             "--force", help="Replace roles.yaml and progressions.yaml in DIR if they exist.")]
         = False,
         blank: Annotated[bool, typer.Option(
             "--blank", help="Write a minimal, commented two-role template instead of the "
                             "built-in eCommerce ladder.")] = False) -> None:
    """Start a dataset of your own in DIR.

    A copy of the built-in eCommerce ladder, or with --blank a commented two-role template.
    """
    from careerpath.loader import write_builtin_copy

    if not folder.strip():  # Path('') would be the current folder
        raise UsageError(f"init needs the name of a folder to create, got '{folder}'")
    written = write_builtin_copy(folder, force=force, blank=blank)
    typer.echo(f"wrote {written[0]} and {written[1]}; try: careerpath --data {folder} roles")

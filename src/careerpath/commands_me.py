"""The commands that start from a person: `match`, `gap` and `me init`."""

# No `from __future__ import annotations` in this module: Typer would have to
# eval every string annotation at each start (about 10 ms).
import sys
from typing import Annotated

import typer

from careerpath.cli_common import (
    Command,
    ForceOption,
    MeOption,
    OutputOption,
    RoleArg,
    TableFormat,
    dataset,
    emit,
    examples,
    warn,
)


def register(app: typer.Typer) -> None:
    me_app = typer.Typer(help="Your skills profile.", no_args_is_help=True,
                         rich_markup_mode=None)
    app.command("match", cls=Command, epilog=examples([
        "careerpath match", "careerpath match --level 3",
        "careerpath match --me me.yaml"]))(match)
    app.command("gap", cls=Command, epilog=examples([
        "careerpath gap director", "careerpath gap cdo --me me.yaml"]))(gap)
    me_app.command("init", cls=Command, epilog=examples([
        "careerpath me init --role manager", "careerpath me init -o ~/me.yaml"]))(me_init)
    app.add_typer(me_app, name="me")


def match(
    ctx: typer.Context,
    me: MeOption = None,
    limit: Annotated[int | None, typer.Option(min=1, metavar="N",
                                              help="Show the best N roles.")] = None,
    track: Annotated[str | None, typer.Option(metavar="TRACK",
                                              help="Only roles on TRACK.")] = None,
    level: Annotated[int | None, typer.Option(min=1, metavar="N",
                                              help="Only roles at level N.")] = None,
    fmt: TableFormat = None, output: OutputOption = None, force: ForceOption = False,
) -> None:
    """Rank every role by how much of it your skills already cover."""
    from careerpath.fit import match as match_roles
    from careerpath.profile import load_profile

    data = dataset(ctx)
    profile = load_profile(me, data)
    warn(profile.warnings)
    emit(ctx, match_roles(data, profile, limit=limit, track=track, level=level), fmt, output,
         force)


def gap(ctx: typer.Context, role: RoleArg, me: MeOption = None, fmt: TableFormat = None,
        output: OutputOption = None, force: ForceOption = False) -> None:
    """Compare your skills with one role's, skill by skill."""
    from careerpath.fit import gap as gap_to
    from careerpath.lookup import find_role
    from careerpath.profile import load_profile

    data = dataset(ctx)
    profile = load_profile(me, data)
    warn(profile.warnings)
    emit(ctx, gap_to(data, profile, find_role(data, role)), fmt, output, force)


def me_init(
    ctx: typer.Context,
    role: Annotated[str | None, typer.Option(
        metavar="ROLE", help="Prefill with this role's skills at its levels.")] = None,
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="FILE", help="Where to write the profile (- for stdout).")]
    = "careerpath.me.yaml",
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Write a commented skills profile to edit."""
    from careerpath.output import write_atomic
    from careerpath.profile import profile_template

    text = profile_template(dataset(ctx), role)
    if output == "-":
        sys.stdout.write(text)
        return
    write_atomic(output, text, force=force)
    typer.echo(f"wrote {output}; edit the levels, then try: careerpath match --me {output}")

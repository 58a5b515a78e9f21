"""`careerpath import onet|csv`: make a dataset folder from other sources.

The CLI layer of the importers: options, the progress bar (stderr, only on a
terminal) and the summary; the work is in careerpath.importers.
"""

# No `from __future__ import annotations`: Typer reads the annotations at start.
import sys
from typing import Annotated, Any

import typer

from careerpath.errors import UsageError

OutArg = Annotated[str, typer.Option("--output", "-o", metavar="OUT",
                                     help="Dataset folder to write (made complete or not at all).")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace OUT if it is a dataset folder.")]


def register(app: typer.Typer) -> None:
    """Add the `import` command group to the main app."""
    group = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                        help="Make a dataset from the O*NET database or from spreadsheets.")
    from careerpath.cli_common import Command, examples

    group.command("onet", cls=Command, epilog=examples([
        "careerpath import onet db -o onet"]))(import_onet)
    group.command("csv", cls=Command, epilog=examples([
        "careerpath import csv roles.csv \\",
        "  moves.csv -o my-data"]))(import_csv)
    app.add_typer(group, name="import")


def import_onet(
    ctx: typer.Context,
    folder: Annotated[str, typer.Argument(metavar="DIR", help="An unzipped O*NET text release.")],
    output: OutArg,
    force: ForceOpt = False,
    min_importance: Annotated[float, typer.Option(
        min=0, max=5, metavar="N",
        help="Keep the skills whose O*NET Importance is at least N (0 to 5).")] = 3.0,
    max_tasks: Annotated[int, typer.Option(
        min=0, metavar="N", help="At most N tasks as a role's responsibilities.")] = 8,
    tiers: Annotated[list[str] | None, typer.Option(
        metavar="TIER", help="Relatedness tiers that become moves (repeatable or comma-separated): "
                             "Primary-Short, Primary-Long, Supplemental "
                             "[default: Primary-Short,Primary-Long].")] = None,
    include_downward: Annotated[bool, typer.Option(
        "--include-downward", help="Keep moves to a lower Job Zone, as lateral moves.")] = False,
    release: Annotated[str | None, typer.Option(
        metavar="VERSION", help="The release number, e.g. 30.1 [default: from DIR's name, "
                                "like db_30_1_text].")] = None,
) -> None:
    """Import an unzipped O*NET text release as a dataset folder."""
    from decimal import Decimal
    from pathlib import Path

    from careerpath.importers import onet_meta
    from careerpath.importers.onet import OnetOptions, import_onet
    from careerpath.importers.onet_out import onet_files
    from careerpath.importers.outdir import check_dataset_folder, check_target, write_folder

    source, out = Path(folder), _out(output)
    if not source.is_dir():
        raise UsageError(f"'{folder}' is not a folder; give the unzipped O*NET release folder")
    if release is not None and not onet_meta.valid_release(release):
        raise UsageError(f"--release must be a number like 30.1, got '{release}'")
    options = OnetOptions(Decimal(repr(min_importance)), max_tasks, _tiers(tiers),
                          include_downward, release)
    check_target(out, force)
    with _progress_bar(ctx) as progress:
        result = import_onet(source, options, progress)
        if progress is not None:
            progress("writing and checking the dataset", 7, 8)
        write_folder(out, onet_files(result, options), force=force, check=check_dataset_folder)
    _summary(out, result.counts, f"{onet_meta.source_entry(result.release)['title']} "
             "(USDOL/ETA, CC BY 4.0): see ATTRIBUTION.txt", result.missing_files)


def import_csv(
    roles: Annotated[str, typer.Argument(metavar="ROLES.csv", help="One role a row.")],
    moves: Annotated[str, typer.Argument(metavar="MOVES.csv", help="One move a row.")],
    output: OutArg,
    force: ForceOpt = False,
) -> None:
    """Import two spreadsheets saved as CSV as a dataset folder.

    The columns are the YAML keys (id, title, level, ...; from, to, kind, ...).
    """
    from pathlib import Path

    from careerpath.importers.csvsource import csv_files
    from careerpath.importers.outdir import check_dataset_folder, check_target, write_folder

    out = _out(output)
    check_target(out, force)
    files, counts = csv_files(Path(roles), roles, Path(moves), moves)
    write_folder(out, files, force=force, check=check_dataset_folder)
    _summary(out, counts, None, [])


def _out(output: str) -> Any:
    """OUT as a path; an empty name is not '.' (the current folder) but a mistake."""
    from pathlib import Path

    if not output.strip():
        raise UsageError("-o needs the name of a folder to write, got ''")
    if output == "-":  # stdout for an answer; an import writes a folder
        raise UsageError("-o needs the name of a folder to write; '-' (stdout) cannot "
                         "hold a dataset")
    return Path(output)


def _tiers(given: list[str] | None) -> tuple[str, ...]:
    from careerpath.importers.onet_meta import DEFAULT_TIERS, TIERS

    if not given:
        return DEFAULT_TIERS
    by_name = {tier.casefold(): tier for tier in TIERS}
    chosen: list[str] = []
    for part in (piece.strip() for value in given for piece in value.split(",")):
        tier = by_name.get(part.casefold())
        if tier is None:
            raise UsageError(f"--tiers: unknown tier '{part}'; use {', '.join(TIERS)}")
        if tier not in chosen:
            chosen.append(tier)
    return tuple(chosen)


class _NoBar:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _progress_bar(ctx: typer.Context) -> Any:
    """A progress callback drawing a bar on stderr when it is a terminal, else None."""
    if not sys.stderr.isatty():
        return _NoBar()
    from careerpath.render.progress import progress_bar

    return progress_bar(no_color=bool(getattr(ctx.find_root().obj, "no_color", False)))


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _summary(out: Any, counts: dict[str, int], source: str | None, missing: list[str]) -> None:
    from careerpath.output import stdout_errors

    with stdout_errors():  # the folder is written; a closed stdout is a one-line error
        _print_summary(out, counts, source, missing)


def _print_summary(out: Any, counts: dict[str, int], source: str | None, missing: list[str]) -> None:
    from careerpath.textsafe import one_line

    roles = counts.get("roles", 0)
    moves = counts.get("promotions", 0) + counts.get("lateral moves", 0)
    typer.echo(f"wrote {one_line(str(out))}: {_count(roles, 'role')}, {_count(moves, 'move')}; "
               f"try: careerpath --data {one_line(str(out))} roles")
    if source:
        typer.echo(f"  source: {source}")
    for name, value in counts.items():
        if value and name not in ("roles",):
            typer.echo(f"  {name}: {value:,}")
    for name in missing:
        typer.echo(f"  not found (optional, left out): {name}")

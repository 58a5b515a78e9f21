"""The command line: the Typer app, its global options, and the one place where
errors become a message on stderr and an exit code.

Heavy modules (networkx, rich, the renderers) are imported inside the commands
that need them, so `--help` and the graph-free commands start fast.
"""

# No `from __future__ import annotations` in this module: Typer would have to
# eval every string annotation at each start (about 10 ms).
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from careerpath import __version__
from careerpath.cli_common import State
from careerpath.errors import CareerPathError
from careerpath.textsafe import escaped

GLOBAL_FLAGS = ("--no-color", "--no-cache", "--no-pager")
GLOBAL_VALUED = ("--data",)


def hoist_global_options(args: list[str]) -> list[str]:
    """Move global options given after the command (`roles --data DIR`) in front
    of it, where Click looks for them. Everything after `--` stays as it is."""
    front: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest += args[index:]
            break
        if arg in GLOBAL_FLAGS or arg.startswith(tuple(f"{name}=" for name in GLOBAL_VALUED)):
            front.append(arg)
        elif arg in GLOBAL_VALUED:
            if index + 1 == len(args):
                from careerpath.errors import UsageError

                raise UsageError(f"{arg} needs a value: {arg} DIR")
            front += args[index:index + 2]
            index += 1
        else:
            rest.append(arg)
        index += 1
    return front + rest


def help_width() -> int:
    """Click's width for --help without its 50-column floor, so help fits a 40-column
    terminal as every answer does: the terminal's width (COLUMNS, else the terminal,
    else 80), at most 80, less a margin of 2."""
    import shutil

    return max(min(shutil.get_terminal_size().columns, 80) - 2, 30)


class CareerPathGroup(TyperGroup):
    """Turns every CareerPathError into its message on stderr and its exit code."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if ctx.terminal_width is None:  # every command's context inherits it
            ctx.terminal_width = help_width()
        # Parsing runs --help and --version, which write to stdout (closed, or a full disk).
        with _errors_to_exit_codes():
            return super().parse_args(ctx, hoist_global_options(list(args)))

    def invoke(self, ctx: Any) -> Any:
        with _errors_to_exit_codes():
            return super().invoke(ctx)


@contextmanager
def _errors_to_exit_codes() -> Iterator[None]:
    try:
        yield
    except CareerPathError as error:
        # Each line one line, whatever a path or name in it holds (a tab, a newline).
        _say([escaped(line) for line in error.lines()])
        raise typer.Exit(error.exit_code) from None
    except BrokenPipeError:
        raise  # the reader has gone (`| head`): Click exits quietly
    except OSError as error:  # a name too long, a folder without permission: exit 2
        where = f"{error.filename}: " if error.filename else ""
        _say([escaped(f"error: {where}{error.strerror or error}")])
        raise typer.Exit(2) from None


def _say(lines: list[str]) -> None:
    """Error lines to stderr; if stderr itself fails (full, closed, `| head` gone),
    the exit code still says what went wrong."""
    try:
        for line in lines:
            typer.echo(line, err=True)
    except (OSError, ValueError):
        pass


APP_SETTINGS: dict[str, Any] = {
    "cls": CareerPathGroup,
    "no_args_is_help": True,
    "pretty_exceptions_show_locals": False,
    "rich_markup_mode": None,
    "context_settings": {"help_option_names": ["-h", "--help"]},
    "help": "Explore career paths between roles: multi-step paths, skill gaps, level "
            "comparisons.\n\nStart with: careerpath path coordinator cdo",
}
# Each top-level command and group, by the module that registers it, in the order
# of `--help`. A run imports only the module of the command it names.
COMMAND_MODULES: dict[str, str] = {
    **dict.fromkeys(("roles", "show", "path", "next", "skills", "levels", "compare",
                     "search", "graph", "validate", "init"), "commands"),
    **dict.fromkeys(("match", "gap", "me"), "commands_me"),
    **dict.fromkeys(("lint", "schema"), "cmd_lint"),
    "site": "cmd_site", "import": "cmd_import",
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"careerpath {__version__}")
        raise typer.Exit()


def main_options(
    ctx: typer.Context,
    data: Annotated[str | None, typer.Option(
        "--data", metavar="DIR",
        help="Dataset folder with roles.yaml and progressions.yaml "
             "[default: $CAREERPATH_DATA, else the built-in eCommerce ladder]")] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours (NO_COLOR works too).")]
    = False,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Parse the dataset afresh; neither read nor write the cache "
                           "(CAREERPATH_NO_CACHE=1 works too).")] = False,
    no_pager: Annotated[bool, typer.Option(
        "--no-pager", help="Never page long answers (a terminal gets them through $PAGER, "
                           "default 'less -FRX', when taller than the screen).")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    ctx.obj = State(data, no_color, no_cache, no_pager)


def _new_app(modules: Iterator[str]) -> typer.Typer:
    import importlib

    made = typer.Typer(**APP_SETTINGS)
    made.callback()(main_options)
    for module in modules:
        importlib.import_module(f"careerpath.{module}").register(made)
    return made


_whole: list[typer.Typer] = []


def whole_app() -> typer.Typer:
    """The app with every command (made once)."""
    if not _whole:
        _whole.append(_new_app(iter(dict.fromkeys(COMMAND_MODULES.values()))))
    return _whole[0]


def __getattr__(name: str) -> Any:
    """`app`: the whole app, made when first asked for (PEP 562)."""
    if name == "app":
        return whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def invoked_command(args: list[str]) -> str | None:
    """The command `args` name after the global options; None for none (`--help`,
    `--version`, nothing) or when the global options themselves are wrong."""
    try:
        args = hoist_global_options(args)
    except CareerPathError:
        return None
    index = 0
    while index < len(args) and args[index].startswith("-"):
        if args[index] not in GLOBAL_FLAGS and not args[index].startswith("--data="):
            if args[index] not in GLOBAL_VALUED:
                return None  # --help, --version, or an unknown option: Click answers
            index += 1
        index += 1
    return args[index] if index < len(args) else None


def app_for(args: list[str]) -> typer.Typer:
    """The app with only the command `args` name, when they name one of ours.

    Typer turns every registered command into a Click command at each start,
    inspecting its signature (about 10 ms for all of them); a run needs one. Help,
    completion and unknown names get the whole app, so they list every command.
    """
    name = invoked_command(args)
    module = COMMAND_MODULES.get(name or "")
    if module is None:
        return whole_app()
    one = _new_app(iter([module]))
    one.registered_commands = [info for info in one.registered_commands
                               if _name_of(info) == name]
    one.registered_groups = [info for info in one.registered_groups if info.name == name]
    return one


def _name_of(info: Any) -> str | None:
    """A registered command's name: given, or Typer's from its function's name."""
    if info.name or info.callback is None:
        return str(info.name) if info.name else None
    return str(typer.main.get_command_name(info.callback.__name__))


def main() -> None:
    """Entry point of the `careerpath` script and `python -m careerpath`."""
    import sys

    from careerpath.output import protect_streams

    protect_streams()
    if "_CAREERPATH_COMPLETE" in os.environ:  # a shell asking for completions
        from careerpath.completion import plain_completion_help

        plain_completion_help()
        whole_app()(prog_name="careerpath")
        return
    app_for(sys.argv[1:])(prog_name="careerpath")

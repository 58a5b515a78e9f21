"""The command line: parse arguments, call the core, pick a renderer, map errors to exit codes.

Heavy modules (networkx, rich, the renderers) are imported inside the
commands that need them, so `--help` and the graph-free commands start fast.
"""

# No `from __future__ import annotations` in this module: Typer would have to
# eval every string annotation at each start (about 10 ms).
from enum import Enum
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from careerpath import __version__
from careerpath.errors import CareerPathError, UsageError
from careerpath.model import Dataset
from careerpath.textsafe import visible


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    mermaid = "mermaid"
    dot = "dot"


class CareerPathGroup(TyperGroup):
    """Turns every CareerPathError into its message on stderr and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CareerPathError as error:
            for line in error.lines():
                typer.echo(visible(line), err=True)
            raise typer.Exit(error.exit_code) from None
        except BrokenPipeError:
            raise  # the reader has gone (`| head`): Click exits quietly
        except OSError as error:  # a name too long, a folder without permission: exit 2
            where = f"{error.filename}: " if error.filename else ""
            typer.echo(visible(f"error: {where}{error.strerror or error}"), err=True)
            raise typer.Exit(2) from None


app = typer.Typer(
    cls=CareerPathGroup,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Explore career paths between roles: multi-step paths, skill gaps, level comparisons."
         "\n\nStart with: careerpath path coordinator cdo",
)


class State:
    def __init__(self, data_dir: str | None, no_color: bool, no_cache: bool = False) -> None:
        self.data_dir = data_dir
        self.no_color = no_color
        self.no_cache = no_cache
        self._dataset: Dataset | None = None

    def dataset(self) -> Dataset:
        if self._dataset is None:
            from careerpath.loader import load_dataset

            self._dataset = load_dataset(self.data_dir, use_cache=not self.no_cache)
            # A command runs once and exits: keep the collector from walking the
            # whole dataset again later (no cycles in it to find).
            import gc

            gc.freeze()
        return self._dataset


def _version(value: bool) -> None:
    if value:
        typer.echo(f"careerpath {__version__}")
        raise typer.Exit()


@app.callback()
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
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    ctx.obj = State(data, no_color, no_cache)


FormatOption = Annotated[Format, typer.Option(
    "--format", "-f", help="Output format: text, json, markdown, csv, mermaid or dot "
                           "(which ones depends on the command).")]
OutputOption = Annotated[str | None, typer.Option(
    "--output", "-o", metavar="FILE", help="Write the answer to FILE ('-' for stdout).")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")]

TABLE_FORMATS = (Format.text, Format.json, Format.markdown, Format.csv)
DOCUMENT_FORMATS = (Format.text, Format.json, Format.markdown)
DIAGRAM_FORMATS = (Format.text, Format.json, Format.markdown, Format.csv, Format.mermaid,
                   Format.dot)
RENDER_MODULES = {Format.text: "text", Format.json: "jsonout", Format.markdown: "markdown",
                  Format.csv: "csvout", Format.mermaid: "mermaid", Format.dot: "dot"}


def _state(ctx: typer.Context) -> State:
    state = ctx.find_object(State)
    assert state is not None
    return state


def _role(ctx: typer.Context, name: str) -> Any:
    from careerpath.lookup import find_role

    return find_role(_state(ctx).dataset(), name)


def answer(ctx: typer.Context, result: Any, fmt: Format, output: str | None, force: bool,
           allowed: tuple[Format, ...]) -> None:
    """Render `result` in `fmt` and send it to stdout or, atomically, to a file."""
    import importlib

    from careerpath.render import Unsupported

    command = ctx.info_name
    if fmt not in allowed:
        names = ", ".join(f.value for f in allowed)
        raise UsageError(f"'{command}' does not take --format {fmt.value}; use one of: {names}")
    state = _state(ctx)
    module = importlib.import_module(f"careerpath.render.{RENDER_MODULES[fmt]}")
    try:
        rendered = module.render(result, state.dataset())
    except Unsupported:
        raise UsageError(f"'{command}' has no {fmt.value} output") from None
    from careerpath.output import stdout_errors, write_atomic, write_stdout

    to_stdout = output in (None, "-")
    if fmt is Format.text:
        from careerpath.render.console import make_console, to_string

        if to_stdout:
            with stdout_errors():
                make_console(no_color=state.no_color).print(rendered)
            return
        rendered = to_string(rendered)

    if to_stdout:
        write_stdout(rendered)
    else:
        assert output is not None
        write_atomic(output, rendered, force=force)


from careerpath import commands  # noqa: E402,F401  (registers the commands on `app`)


def main() -> None:
    """Entry point of the `careerpath` script and `python -m careerpath`."""
    from careerpath.output import protect_streams

    protect_streams()
    app(prog_name="careerpath")

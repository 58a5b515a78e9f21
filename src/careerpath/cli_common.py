"""What every command shares: the format option, the active dataset, and how an
answer leaves the program (stdout or, atomically, a file).

No `from __future__ import annotations` here: Typer evals string annotations
at each start (about 10 ms).
"""

import contextlib
import os
import sys
from enum import Enum
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from careerpath.answers import PathAnswer, RoleCard, RoleList
from careerpath.errors import UsageError
from careerpath.model import Dataset
from careerpath.render import formats_for


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    mermaid = "mermaid"
    dot = "dot"


class State:
    """The global options, and the dataset loaded once on first use."""

    def __init__(self, data_dir: str | None, no_color: bool, no_cache: bool = False,
                 no_pager: bool = False) -> None:
        self.data_dir = data_dir
        self.no_color = no_color
        self.no_cache = no_cache
        self.no_pager = no_pager
        self._dataset: Dataset | None = None

    def dataset(self) -> Dataset:
        if self._dataset is None:
            import gc

            from careerpath.loader import load_dataset

            # A command runs once and exits: the dataset has no reference cycles, so
            # keep the collector off while it is built and move it out of the
            # collector's sight (freeze) before switching the collector back on;
            # otherwise the first collection walks every object once.
            gc.disable()
            try:
                self._dataset = load_dataset(self.data_dir, use_cache=not self.no_cache)
                gc.freeze()
            finally:
                gc.enable()
        return self._dataset


def state(ctx: typer.Context) -> State:
    found = ctx.find_object(State)
    assert found is not None
    return found


def dataset(ctx: typer.Context) -> Dataset:
    return state(ctx).dataset()


MeOption = Annotated[str | None, typer.Option(
    "--me", metavar="FILE", help="Your skills profile (YAML; `careerpath me init` writes one) "
                                 "[default: ./careerpath.me.yaml].")]
PathMeOption = Annotated[str | None, typer.Option(
    "--me", metavar="FILE", help="Measure the skills to build from your profile (YAML; "
                                 "`careerpath me init` writes one) instead of FROM's skills.")]


def warn(lines: list[str]) -> None:
    """Warnings go to stderr, one line each, as text."""
    from careerpath.textsafe import one_line

    with contextlib.suppress(OSError):  # a full or closed stderr never changes the answer
        for line in lines:
            typer.echo(f"warning: {one_line(line)}", err=True)


def _format_help(answer_type: type) -> Any:
    """The --format option of a command, listing only the formats its answer has."""
    names = formats_for(answer_type)
    listed = ", ".join(names[:-1]) + " or " + names[-1]
    return typer.Option("--format", "-f", metavar="FORMAT",
                        help=f"{listed} [default: from the -o file's extension, else text].",
                        autocompletion=formats_completer(names))


def formats_completer(names: tuple[str, ...]) -> Any:
    """Shell completion of --format: only the formats this command takes."""
    def complete(incomplete: str) -> list[str]:
        return [name for name in names if name.startswith(incomplete)]
    return complete


# One per kind of answer in the registry (render.ANSWER_FORMATS).
TableFormat = Annotated[Format | None, _format_help(RoleList)]
DocumentFormat = Annotated[Format | None, _format_help(RoleCard)]
DiagramFormat = Annotated[Format | None, _format_help(PathAnswer)]


class Command(TyperCommand):
    """Usage lines without Typer's braces around required arguments (`FROM`, not `{FROM}`)."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece
                for piece in super().collect_usage_pieces(ctx)]


def examples(lines: list[str]) -> str:
    """An epilog of examples, kept as written (Click's \\b stops it rewrapping them)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)
OutputOption = Annotated[str | None, typer.Option(
    "--output", "-o", metavar="FILE", help="Write the answer to FILE ('-' for stdout).")]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")]
def complete_role_names(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from careerpath.completion import complete_role

    return complete_role(ctx, incomplete)


RoleArg = Annotated[str, typer.Argument(
    metavar="ROLE", autocompletion=complete_role_names,
    help="Role id, title or alias (any case; a unique prefix is enough).")]


def chosen_format(fmt: Format | None, output: str | None) -> str:
    """An explicit --format wins; else the -o file's extension; else text."""
    if fmt is not None:
        return fmt.value
    if output not in (None, "", "-"):
        from careerpath.render import EXTENSIONS

        assert output is not None
        extension = os.path.splitext(output)[1].lower()
        return EXTENSIONS.get(extension, "text")
    return "text"


def emit(ctx: typer.Context, answer: Any, fmt: Format | None, output: str | None,
         force: bool) -> None:
    """Render `answer` and send it to stdout or, atomically, to a file."""
    from careerpath.output import stdout_errors, write_atomic, write_stdout
    from careerpath.render import render_answer

    current = state(ctx)
    name = chosen_format(fmt, output)
    if fmt is None and name not in formats_for(type(answer)):  # from the file's extension
        from careerpath.render import EXTENSIONS

        allowed = formats_for(type(answer))
        extensions = ", ".join(ext for ext, kind in EXTENSIONS.items() if kind in allowed)
        raise UsageError(f"'{ctx.info_name}' cannot write a {name} file ({output}); name it "
                         f"with one of {extensions}, or give --format")
    rendered = render_answer(answer, name, current.dataset(), ctx.info_name or "careerpath")
    to_stdout = output in (None, "-")
    if name == "text":
        from careerpath.render.console import FILE_WIDTH, pipe_width, to_string

        if to_stdout and _is_terminal():
            from careerpath.render.terminal import show

            with stdout_errors():
                show(rendered, no_color=current.no_color, page=not current.no_pager)
            return
        # A file gets the same text whatever the terminal's width; a pipe, an
        # explicit COLUMNS if there is one.
        rendered = to_string(rendered, width=pipe_width() if to_stdout else FILE_WIDTH)
    if to_stdout:
        write_stdout(rendered)
    else:
        assert output is not None
        write_atomic(output, rendered, force=force)


def _is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (ValueError, OSError):
        return False

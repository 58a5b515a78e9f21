"""A progress bar on stderr for long imports (only the CLI calls this, on a terminal)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress_bar(*, no_color: bool = False) -> Iterator[Callable[[str, int, int], None]]:
    """Yield a callback (what, done, total) that draws a transient bar on stderr."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True, no_color=no_color or None), transient=True) as bar:
        task = bar.add_task("importing", total=1)

        def update(what: str, done: int, total: int) -> None:
            bar.update(task, description=what, completed=done, total=total)

        yield update

"""`careerpath site`: publish the active dataset as a static web site."""

# No `from __future__ import annotations`: Typer reads these annotations at each start.
from typing import Annotated

import typer

from careerpath.cli_common import Command, dataset, examples


def register(app: typer.Typer) -> None:
    """Add the `site` command to `app`."""

    @app.command(cls=Command, epilog=examples([
        "careerpath site -o site",
        "careerpath site -o out --title Ours"]))
    def site(
        ctx: typer.Context,
        output: Annotated[str, typer.Option(
            "--output", "-o", metavar="DIR", help="Folder to write the site to.")],
        force: Annotated[bool, typer.Option(
            "--force", help="Replace DIR if it holds a site careerpath wrote before.")] = False,
        title: Annotated[str | None, typer.Option(
            metavar="TEXT", help="The site's title [default: the dataset's framework title, "
                                 "else Career framework].")] = None,
    ) -> None:
        """Write a static web site of the dataset, with a path finder."""
        from careerpath.site import build_site

        data = dataset(ctx)
        pages = build_site(data, output, title or data.framework.title, force=force)
        typer.echo(f"wrote {pages} pages to {output}; open {output}/index.html")

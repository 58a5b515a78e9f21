"""Renderers: one module per output format, each a `render(answer, dataset)`.

A renderer that does not know an answer type raises `Unsupported`; the CLI
turns that into a usage error naming the formats the command does take.
"""

from __future__ import annotations

FORMATS = ("text", "json", "markdown", "csv", "mermaid", "dot")


class Unsupported(Exception):
    """This format has no rendering for this kind of answer."""

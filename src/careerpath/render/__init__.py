"""Renderers: one module per output format, and the one registry of which
formats each kind of answer has.

Every renderer module has `render(answer, dataset)`; `render_answer` checks the
registry, imports only the module it needs, and calls it.
"""

from __future__ import annotations

import importlib
from typing import Any

from careerpath.answers import (
    Comparison,
    GapAnswer,
    GraphAnswer,
    LevelsAnswer,
    MatchAnswer,
    NextAnswer,
    PathAnswer,
    RoleCard,
    RoleList,
    SearchAnswer,
    SkillsAnswer,
)
from careerpath.errors import UsageError
from careerpath.model import Dataset

FORMATS = ("text", "json", "markdown", "csv", "mermaid", "dot")
MODULES = {"text": "text", "json": "jsonout", "markdown": "markdown", "csv": "csvout",
           "mermaid": "mermaid", "dot": "dot"}
# What `-o FILE` picks when --format is not given.
EXTENSIONS = {".txt": "text", ".json": "json", ".md": "markdown", ".markdown": "markdown",
              ".csv": "csv", ".mmd": "mermaid", ".mermaid": "mermaid", ".dot": "dot",
              ".gv": "dot"}

_DOCUMENT = ("text", "json", "markdown")
_TABLE = (*_DOCUMENT, "csv")
_DIAGRAM = (*_TABLE, "mermaid", "dot")

ANSWER_FORMATS: dict[type, tuple[str, ...]] = {
    RoleList: _TABLE,
    RoleCard: _DOCUMENT,
    PathAnswer: _DIAGRAM,
    NextAnswer: _TABLE,
    SkillsAnswer: _TABLE,
    LevelsAnswer: _TABLE,
    Comparison: _TABLE,
    SearchAnswer: _TABLE,
    GraphAnswer: _DIAGRAM,
    MatchAnswer: _TABLE,
    GapAnswer: _TABLE,
}


def formats_for(answer_type: type) -> tuple[str, ...]:
    return ANSWER_FORMATS[answer_type]


def render_answer(answer: Any, fmt: str, dataset: Dataset, command: str) -> Any:
    """The answer in `fmt`: a string, or for text a Rich renderable."""
    allowed = ANSWER_FORMATS[type(answer)]
    if fmt not in allowed:
        raise UsageError(f"'{command}' does not take --format {fmt}; use one of: "
                         + ", ".join(allowed))
    module = importlib.import_module(f"careerpath.render.{MODULES[fmt]}")
    return module.render(answer, dataset)

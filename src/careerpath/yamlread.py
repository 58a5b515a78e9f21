"""Read a YAML file into located nodes, refusing what a data file has no use for.

We build the tree ourselves from libyaml's event stream instead of using a
PyYAML Loader because that gives us, at once:
- a line and column on every key and value, for messages a person can act on;
- duplicate keys detected (PyYAML silently keeps the last one);
- no tags that construct Python objects, and no aliases (so no "billion
  laughs" expansion): nothing in a data file is ever executed or multiplied;
- a nesting limit checked before anything recursive runs (libyaml's own
  composer recurses and can crash the interpreter on very deep input);
- speed: the event stream is several times cheaper than node composition.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from careerpath.errors import Problem

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 32

# libyaml's parser when present (every PyYAML wheel has it); only its event
# stream is used, never its (recursive) composer.
_Parser: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


_STR = "tag:yaml.org,2002:str"
_ALLOWED_TAGS = {
    "!",
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@dataclass(eq=False)
class Scalar:
    value: Any  # str, int, float, bool, None or datetime.date as YAML 1.1 reads it
    text: str  # the text as written
    line: int
    column: int


@dataclass(eq=False)
class Mapping:
    items: list[tuple[Scalar, Node]]
    line: int
    column: int


@dataclass(eq=False)
class Sequence:
    items: list[Node]
    line: int
    column: int


Node = Scalar | Mapping | Sequence


class _Abort(Exception):
    """The file cannot be read any further; the problem is already recorded."""


def _resolve_plain(text: str) -> Any:
    """What YAML 1.1 makes of an unquoted scalar: `yes` is True, `010` is 8."""
    if text == "" or text == "~":
        return None
    for tag, regexp in _RESOLVERS.get(text[0], ()):
        if regexp.match(text):
            if tag == _STR:
                break
            return _CONSTRUCTOR.construct_object(yaml.ScalarNode(tag, text))
    return text


def _construct_tagged(tag: str, text: str) -> Any:
    if tag in ("!", _STR):
        return text
    return _CONSTRUCTOR.construct_object(yaml.ScalarNode(tag, text))


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    last_line = before[before.rfind(b"\n") + 1 :]
    return line, len(last_line.decode("utf-8", "replace")) + 1


def read_yaml(data: bytes, filename: str) -> tuple[Node | None, list[Problem]]:
    """Parse one YAML document from `data`. Returns the root (None if unusable) and problems."""
    problems: list[Problem] = []

    def problem(line: int, column: int, message: str) -> None:
        problems.append(Problem(filename, line, column, message))

    if len(data) > MAX_FILE_BYTES:
        size_mb = len(data) / 1024 / 1024
        problem(1, 1, f"file is too large ({size_mb:.0f} MiB; the limit is 64 MiB)")
        return None, problems
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        problem(line, column, f"invalid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8")
        return None, problems
    if not data.strip():
        problem(1, 1, "file is empty")
        return None, problems
    builder = _Builder(problem)
    try:
        builder.run(_Parser(data))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem(line, column, f"YAML syntax error: {error.problem or error.context}")
        return None, problems
    except yaml.reader.ReaderError as error:
        line, column = _position(data, error.position)
        problem(line, column, f"character U+{error.character:04X} is not allowed in YAML; "
                "write it as an escape inside double quotes")
        return None, problems
    except yaml.YAMLError as error:  # pragma: no cover - other libyaml errors carry no mark
        problem(1, 1, f"YAML error: {error}")
        return None, problems
    except _Abort:
        return None, problems
    if builder.root is None and not problems:
        problem(1, 1, "file is empty")
    return builder.root, problems


class _Builder:
    """Turns the event stream into nodes with an explicit stack (no recursion)."""

    def __init__(self, problem: Any) -> None:
        self.problem = problem
        self.root: Node | None = None
        self.documents = 0

    def run(self, parser: Any) -> None:
        stack: list[Mapping | Sequence] = []
        pending_keys: list[Scalar | None] = []
        while True:
            event = parser.get_event()
            kind = type(event).__name__
            if kind == "StreamEndEvent":
                return
            if kind in ("StreamStartEvent", "DocumentEndEvent"):
                continue
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            if kind == "DocumentStartEvent":
                self.documents += 1
                if self.documents > 1:
                    self.problem(line, column, "more than one YAML document in the file; "
                                 "keep one (remove the extra '---')")
                    raise _Abort
                continue
            node: Node
            if kind == "AliasEvent":
                self.problem(line, column, f"alias '*{event.anchor}' is not supported in "
                             "careerpath data; write the value out in full")
                node = Scalar(None, "", line, column)
            elif kind == "ScalarEvent":
                node = self._scalar(event, line, column)
            elif kind in ("MappingStartEvent", "SequenceStartEvent"):
                if len(stack) >= MAX_DEPTH:
                    self.problem(line, column, f"nesting deeper than {MAX_DEPTH} levels; "
                                 "careerpath data needs at most four")
                    raise _Abort
                node = Mapping([], line, column) if kind == "MappingStartEvent" else \
                    Sequence([], line, column)
                # A refused tag leaves a null in the tree; the node is still built
                # (and dropped) so the events stay balanced.
                allowed = self._check_tag(event.tag, line, column)
                self._attach(stack, pending_keys, node if allowed else Scalar(None, "", line, column))
                stack.append(node)
                pending_keys.append(None)
                continue
            else:  # MappingEndEvent or SequenceEndEvent
                stack.pop()
                pending_keys.pop()
                continue
            self._attach(stack, pending_keys, node)

    def _attach(self, stack: list[Mapping | Sequence], keys: list[Scalar | None], node: Node) -> None:
        if not stack:
            self.root = node
            return
        parent = stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            return
        key = keys[-1]
        if key is None:
            if not isinstance(node, Scalar):
                self.problem(node.line, node.column, "a mapping key must be a plain value")
                node = Scalar(None, "?", node.line, node.column)
            keys[-1] = node
        else:
            parent.items.append((key, node))
            keys[-1] = None

    def _scalar(self, event: Any, line: int, column: int) -> Scalar:
        text = event.value
        plain = event.style in (None, "") and event.implicit[0]
        if plain:
            return Scalar(_resolve_plain(text), text, line, column)
        tag = event.tag
        if tag is None or event.implicit[1] or tag == "!":
            return Scalar(text, text, line, column)
        if not self._check_tag(tag, line, column):
            return Scalar(None, text, line, column)
        try:
            value = _construct_tagged(tag, text)
        except (yaml.YAMLError, ValueError):
            self.problem(line, column, f"'{text}' is not a valid {tag.rsplit(':', 1)[-1]}")
            value = None
        return Scalar(value, text, line, column)

    def _check_tag(self, tag: str | None, line: int, column: int) -> bool:
        if tag is None or tag in _ALLOWED_TAGS:
            return True
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        self.problem(line, column, f"tag '{shown}' is not allowed in careerpath data "
                     "(nothing in a data file is ever run or constructed)")
        return False


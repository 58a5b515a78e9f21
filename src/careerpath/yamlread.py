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

from typing import Any

import yaml

from careerpath.datafiles import MAX_FILE_ENV, max_file_bytes
from careerpath.errors import Problem

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


class Scalar:
    __slots__ = ("column", "line", "text", "value")

    def __init__(self, value: Any, text: str, line: int, column: int) -> None:
        self.value = value  # str, int, float, bool, None or a date, as YAML 1.1 reads it
        self.text = text  # the text as written
        self.line, self.column = line, column


class Mapping:
    __slots__ = ("column", "items", "line")

    def __init__(self, items: list[tuple[Scalar, Node]], line: int, column: int) -> None:
        self.items = items
        self.line, self.column = line, column


class Sequence:
    __slots__ = ("column", "items", "line")

    def __init__(self, items: list[Node], line: int, column: int) -> None:
        self.items = items
        self.line, self.column = line, column


Node = Scalar | Mapping | Sequence


class _Abort(Exception):
    """The file cannot be read any further; the problem is already recorded."""


_RESOLVED_TAGS = {"tag:yaml.org,2002:" + name for name in
                  ("bool", "null", "int", "float", "timestamp")}


def _resolve_plain(text: str) -> Any:
    """What YAML 1.1 makes of an unquoted scalar: `yes` is True, `010` is 8."""
    if not text or text == "~":
        return None
    resolvers = _RESOLVERS.get(text[0])
    if resolvers is None:  # most text: no implicit type starts with this character
        return text
    if text.isascii() and text.isdigit() and (text[0] != "0" or len(text) == 1):
        return int(text)  # the common case of a plain decimal, without the regexes
    for tag, regexp in resolvers:
        if regexp.match(text):
            if tag not in _RESOLVED_TAGS:  # '<<' and '=' stay text
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

    limit = max_file_bytes()
    if len(data) > limit:
        size_mb = len(data) / 1024 / 1024
        problem(1, 1, f"file is too large ({size_mb:.0f} MiB; the limit is "
                f"{limit // 1024 // 1024} MiB: raise it with {MAX_FILE_ENV})")
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
        if "nesting depth" in str(error.problem):
            # libyaml >= 0.2.6 has its own limit and may reach it while scanning
            # ahead, before our event loop sees the 33rd level.
            problem(line, column, _TOO_DEEP)
        else:
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


# The texts whose meaning is remembered while one file is read: short ones (keys,
# numbers, ids), and not so many that a file of distinct words fills memory.
_MEMO_LENGTH, _MEMO_SIZE = 32, 8192

_TOO_DEEP = f"nesting deeper than {MAX_DEPTH} levels; careerpath data needs at most four"


class _Builder:
    """Turns the event stream into nodes with an explicit stack (no recursion).

    This loop runs once per YAML event, hundreds of thousands of times for a
    large dataset, so it keeps everything in local variables.
    """

    def __init__(self, problem: Any) -> None:
        self.problem = problem
        self.root: Node | None = None

    def run(self, parser: Any) -> None:
        get_event = parser.get_event
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        container_end = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        resolve, problem = _resolve_plain, self.problem
        # Keys and short values repeat thousands of times ('id', 'title', '3'):
        # what YAML makes of each is worked out once.
        resolved: dict[str, Any] = {}
        known = resolved.get
        unknown = _Abort  # a value no text resolves to
        # enclosing (container, is_mapping, key, its items' append)
        stack: list[tuple[Any, bool, Any, Any]] = []
        parent: Any = None
        add: Any = None
        parent_is_mapping = False
        key: Any = None
        documents = 0
        while True:
            event = get_event()
            kind = event.__class__
            node: Any
            if kind is scalar_event:
                mark = event.start_mark
                text = event.value
                if not event.style and event.implicit[0]:
                    value = known(text, unknown)
                    if value is unknown:
                        try:
                            value = resolve(text)
                        except ValueError:  # Python refuses an integer of over 4300 digits
                            problem(mark.line + 1, mark.column + 1, f"number '{text[:20]}…' "
                                    f"is too long ({len(text)} characters)")
                            value = None
                        else:
                            if len(text) <= _MEMO_LENGTH and len(resolved) < _MEMO_SIZE:
                                resolved[text] = value
                    node = Scalar(value, text, mark.line + 1, mark.column + 1)
                else:
                    node = self._tagged_scalar(event, mark.line + 1, mark.column + 1)
            elif kind is mapping_start or kind is sequence_start:
                mark = event.start_mark
                line, column = mark.line + 1, mark.column + 1
                if len(stack) >= MAX_DEPTH:
                    problem(line, column, _TOO_DEEP)
                    raise _Abort
                is_mapping = kind is mapping_start
                container = Mapping([], line, column) if is_mapping else Sequence([], line, column)
                # A refused tag leaves a null in the tree; the container is still
                # built (and dropped) so the events stay balanced.
                node = container if self._check_tag(event.tag, line, column) else \
                    Scalar(None, "", line, column)
                self._attach(parent, parent_is_mapping, key, node)
                # What the enclosing mapping expects once this container closes: a
                # new key if it was a value; if it was (wrongly) a key, its value,
                # paired with a placeholder key.
                after = Scalar(None, "?", line, column) if parent_is_mapping and key is None \
                    else None
                stack.append((parent, parent_is_mapping, after, add))
                parent, parent_is_mapping, key = container, is_mapping, None
                add = container.items.append
                continue
            elif kind in container_end:
                parent, parent_is_mapping, key, add = stack.pop()
                continue
            elif kind is alias_event:
                mark = event.start_mark
                problem(mark.line + 1, mark.column + 1, f"alias '*{event.anchor}' is not "
                        "supported in careerpath data; write the value out in full")
                node = Scalar(None, "", mark.line + 1, mark.column + 1)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    mark = event.start_mark
                    problem(mark.line + 1, mark.column + 1, "more than one YAML document in "
                            "the file; keep one (remove the extra '---')")
                    raise _Abort
                continue
            elif kind is yaml.StreamEndEvent:
                return
            else:  # stream start, document end
                continue
            # attach a scalar or alias
            if not parent_is_mapping:
                if parent is None:
                    self.root = node
                else:
                    add(node)
            elif key is None:
                key = node
            else:
                add((key, node))
                key = None

    def _attach(self, parent: Any, is_mapping: bool, key: Any, node: Node) -> None:
        """Attach a container node; as a mapping key it is refused."""
        if parent is None:
            self.root = node
        elif not is_mapping:
            parent.items.append(node)
        elif key is None:
            self.problem(node.line, node.column, "a mapping key must be a plain value")
        else:
            parent.items.append((key, node))

    def _tagged_scalar(self, event: Any, line: int, column: int) -> Scalar:
        text = event.value
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


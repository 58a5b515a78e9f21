"""Where things are written in a dataset's files, for lint messages.

The cache keeps no positions (it would grow for every user of every command),
so lint reads the two files again; for a valid dataset that is one quick pass
of the YAML event parser.
"""

from __future__ import annotations

from careerpath.datafiles import read_data_file
from careerpath.lint.base import Place
from careerpath.loader import DataSource
from careerpath.yamlread import Mapping, Node, Scalar, Sequence, read_yaml


def _keys(node: Node | None) -> dict[str, tuple[Scalar, Node]]:
    """A mapping's entries by key text (key node, value node); {} for anything else."""
    if not isinstance(node, Mapping):
        return {}
    return {str(key.value): (key, value) for key, value in node.items}


def _text(node: Node | None) -> str | None:
    return node.value if isinstance(node, Scalar) and isinstance(node.value, str) else None


class Locator:
    """Positions of roles (and their keys, skills, aliases), moves and sources."""

    def __init__(self, roles_file: str, moves_file: str,
                 roles_root: Node | None, moves_root: Node | None) -> None:
        self.roles_file, self.moves_file = roles_file, moves_file
        top = _keys(roles_root)
        self._top = {name: key for name, (key, _) in top.items()}
        self._roles: dict[str, Mapping] = {}
        for item in getattr(top.get("roles", (None, None))[1], "items", []):
            role_id = _text(_keys(item).get("id", (None, None))[1])
            if role_id is not None and isinstance(item, Mapping):
                self._roles.setdefault(role_id, item)
        self._sources: dict[str, Node] = {}
        for item in getattr(top.get("sources", (None, None))[1], "items", []):
            source_id = _text(_keys(item).get("id", (None, None))[1])
            if source_id is not None:
                self._sources.setdefault(source_id, item)
        self._moves: dict[tuple[str, str], Mapping] = {}
        for item in getattr(_keys(moves_root).get("progressions", (None, None))[1], "items", []):
            entries = _keys(item)
            ends = (_text(entries.get("from", (None, None))[1]),
                    _text(entries.get("to", (None, None))[1]))
            if None not in ends and isinstance(item, Mapping):
                self._moves.setdefault((str(ends[0]), str(ends[1])), item)

    def _at(self, file: str, node: Node | None) -> Place:
        return Place(file, node.line, node.column) if node is not None else Place(file, 1, 1)

    def role(self, role_id: str, key: str | None = None) -> Place:
        node = self._roles.get(role_id)
        if key is not None and key in _keys(node):
            return self._at(self.roles_file, _keys(node)[key][0])
        return self._at(self.roles_file, node)

    def skill(self, role_id: str, name: str) -> Place:
        skills = _keys(self._roles.get(role_id)).get("skills")
        entry = _keys(skills[1] if skills else None).get(name)
        return self._at(self.roles_file, entry[0]) if entry else self.role(role_id, "skills")

    def alias(self, role_id: str, alias: str) -> Place:
        aliases = _keys(self._roles.get(role_id)).get("aliases")
        if aliases is not None and isinstance(aliases[1], Sequence):
            for item in aliases[1].items:
                if _text(item) == alias:
                    return self._at(self.roles_file, item)
        return self.role(role_id, "aliases")

    def move(self, source_id: str, target_id: str, key: str | None = None) -> Place:
        node = self._moves.get((source_id, target_id))
        if key is not None and key in _keys(node):
            return self._at(self.moves_file, _keys(node)[key][0])
        return self._at(self.moves_file, node)

    def top(self, key: str) -> Place:
        """A top-level key of roles.yaml (the top of the file when it is absent)."""
        return self._at(self.roles_file, self._top.get(key))

    def source(self, source_id: str) -> Place:
        return self._at(self.roles_file, self._sources.get(source_id))


def locate(source: DataSource, roots: tuple[Node | None, Node | None] | None = None) -> Locator:
    """Where things are in the dataset's files: from the trees validation parsed, or
    (without them) read again; the data was validated, so problems are ignored."""
    if roots is None:
        found: list[Node | None] = []
        for path in (source.roles, source.progressions):
            data = read_data_file(path)
            found.append(None if isinstance(data, OSError) else
                         read_yaml(data, source.display(path))[0])
        roots = (found[0], found[1])
    return Locator(source.display(source.roles), source.display(source.progressions), *roots)

"""The shape of the code: imports run one way, no circles, no borrowed private names,
rich and networkx only where they belong."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

SOURCE = Path(__file__).resolve().parent.parent / "src" / "careerpath"


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, list[tuple[str, list[str]]]]:
    """Every module -> the modules it imports (anywhere, lazily too) and the names it takes."""
    found: dict[str, list[tuple[str, list[str]]]] = {}
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        entries = found.setdefault(module_name(path), [])
        # Imports only for the type checker (`if TYPE_CHECKING:`) never run.
        typing_only = {id(inner) for node in ast.walk(tree) if isinstance(node, ast.If)
                       and getattr(node.test, "id", None) == "TYPE_CHECKING"
                       for inner in ast.walk(node)}
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.ImportFrom) and node.module:
                entries.append((node.module, [alias.name for alias in node.names]))
            elif isinstance(node, ast.Import):
                entries += [(alias.name, []) for alias in node.names]
    return found


def test_no_import_circles() -> None:
    graph = nx.DiGraph()
    for module, entries in imports().items():
        for target, names in entries:
            if target.startswith("careerpath"):
                # `from careerpath.render import text` imports careerpath.render.text
                subs = [f"{target}.{name}" for name in names]
                known = [sub for sub in subs if sub in imports()]
                for dependency in known or [target]:
                    if dependency != module and dependency != "careerpath":
                        graph.add_edge(module, dependency)
    cycles = list(nx.simple_cycles(graph))
    assert cycles == []


def test_no_module_takes_another_modules_private_names() -> None:
    borrowed = [(module, target, name) for module, entries in imports().items()
                for target, names in entries if target.startswith("careerpath")
                for name in names if name.startswith("_") and not name.startswith("__")]
    assert borrowed == []


def test_heavy_libraries_stay_in_their_layers() -> None:
    for module, entries in imports().items():
        targets = {target.split(".")[0] for target, _ in entries}
        if "rich" in targets:
            assert module.startswith("careerpath.render"), module
        if "networkx" in targets:
            assert module == "careerpath.graph", module


def test_answer_types_import_nothing_heavy() -> None:
    targets = {target for target, _ in imports()["careerpath.answers"]}
    assert targets <= {"__future__", "typing", "careerpath.model"}

"""careerpath: explore career paths between roles from the command line.

The library API is small: load a dataset, then ask it questions. Each question
is one function returning a complete answer (a NamedTuple from
`careerpath.answers`); roles may be named as on the command line.

    >>> from careerpath import load_dataset, find_role, find_path
    >>> data = load_dataset()                      # the built-in eCommerce ladder
    >>> find_role(data, "cdo").title
    'Chief Digital Officer'
    >>> [role.id for role in find_path(data, "coordinator", "manager").paths[0].roles]
    ['ecommerce-coordinator', 'ecommerce-manager']
"""

from __future__ import annotations

__version__ = "0.1.0"

# Not imported from `typing`: the package is the first thing the command imports,
# and typing costs milliseconds (type checkers treat any TYPE_CHECKING as true).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from careerpath.answers import (
        Comparison,
        GraphAnswer,
        LevelsAnswer,
        NextAnswer,
        PathAnswer,
        PathDetail,
        PathStep,
        RoleCard,
        RoleList,
        SearchAnswer,
        SkillGap,
        SkillsAnswer,
    )
    from careerpath.errors import CareerPathError, DataError, NoAnswer, RoleLookupError, UsageError
    from careerpath.loader import load_dataset
    from careerpath.lookup import find_role
    from careerpath.model import Dataset, Progression, Role
    from careerpath.queries import (
        compare_roles,
        find_path,
        ladder_graph,
        list_roles,
        next_roles,
        role_card,
        role_levels,
        role_skills,
        search_roles,
    )

# The public API is imported on first use (PEP 562), so that `careerpath --help`
# and the CLI's start pay only for the modules a command needs.
_MODULES = {
    "careerpath.errors": ("CareerPathError", "DataError", "NoAnswer", "RoleLookupError",
                          "UsageError"),
    "careerpath.loader": ("load_dataset",),
    "careerpath.lookup": ("find_role",),
    "careerpath.model": ("Dataset", "Progression", "Role"),
    "careerpath.queries": ("compare_roles", "find_path", "ladder_graph", "list_roles",
                           "next_roles", "role_card", "role_levels", "role_skills",
                           "search_roles"),
    "careerpath.answers": ("Comparison", "GraphAnswer", "LevelsAnswer", "NextAnswer",
                           "PathAnswer", "PathDetail", "PathStep", "RoleCard", "RoleList",
                           "SearchAnswer", "SkillGap", "SkillsAnswer"),
}
_API = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> Any:
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'careerpath' has no attribute {name!r}")


__all__ = [
    "CareerPathError",
    "Comparison",
    "DataError",
    "Dataset",
    "GraphAnswer",
    "LevelsAnswer",
    "NextAnswer",
    "NoAnswer",
    "PathAnswer",
    "PathDetail",
    "PathStep",
    "Progression",
    "Role",
    "RoleCard",
    "RoleList",
    "RoleLookupError",
    "SearchAnswer",
    "SkillGap",
    "SkillsAnswer",
    "UsageError",
    "__version__",
    "compare_roles",
    "find_path",
    "find_role",
    "ladder_graph",
    "list_roles",
    "load_dataset",
    "next_roles",
    "role_card",
    "role_levels",
    "role_skills",
    "search_roles",
]

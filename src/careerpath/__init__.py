"""careerpath: explore career paths between roles from the command line.

The public API is small: load a dataset, then query it.

    >>> from careerpath import load_dataset, find_role
    >>> data = load_dataset()                      # the built-in eCommerce ladder
    >>> find_role(data, "cdo").title
    'Chief Digital Officer'
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from careerpath.errors import CareerPathError, DataError, NoAnswer, RoleLookupError
    from careerpath.loader import load_dataset
    from careerpath.lookup import find_role
    from careerpath.model import Dataset, Progression, Role

# The public API is imported on first use (PEP 562), so that `careerpath --help`
# and the CLI's start pay only for the modules a command needs.
_API = {
    "CareerPathError": "careerpath.errors", "DataError": "careerpath.errors",
    "NoAnswer": "careerpath.errors", "RoleLookupError": "careerpath.errors",
    "load_dataset": "careerpath.loader", "find_role": "careerpath.lookup",
    "Dataset": "careerpath.model", "Progression": "careerpath.model", "Role": "careerpath.model",
}


def __getattr__(name: str) -> Any:
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'careerpath' has no attribute {name!r}")


__all__ = [
    "CareerPathError",
    "DataError",
    "Dataset",
    "NoAnswer",
    "Progression",
    "Role",
    "RoleLookupError",
    "__version__",
    "find_role",
    "load_dataset",
]

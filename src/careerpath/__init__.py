"""careerpath: explore career paths between roles from the command line.

The public API is small: load a dataset, then query it.

    >>> from careerpath import load_dataset, find_role
    >>> data = load_dataset()                      # the built-in eCommerce ladder
    >>> find_role(data, "cdo").title
    'Chief Digital Officer'
"""

from __future__ import annotations

__version__ = "0.1.0"

from careerpath.errors import CareerPathError, DataError, NoAnswer, RoleLookupError
from careerpath.loader import load_dataset
from careerpath.lookup import find_role
from careerpath.model import Dataset, Progression, Role

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

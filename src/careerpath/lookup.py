"""Resolve a role name typed on the command line to a role."""

from __future__ import annotations

import difflib

from careerpath.errors import RoleLookupError
from careerpath.model import Dataset, Role, normal_name
from careerpath.textsafe import one_line


def find_role(dataset: Dataset, name: str) -> Role:
    """Match `name` against ids, titles and aliases, ignoring case.

    An exact match wins; otherwise a name that starts exactly one role's id,
    title or alias selects that role. Raises RoleLookupError (exit 2) when the
    name matches nothing (with suggestions) or several roles (with candidates).
    """
    if name in dataset.roles:  # an exact id always wins
        return dataset.roles[name]
    wanted = normal_name(name)
    if not wanted:
        raise RoleLookupError("a role name must not be empty")
    names = dataset.names
    exact = [dataset.roles[role_id] for role_id in names.get(wanted, [])]
    if len(exact) == 1:
        return exact[0]
    prefixed = exact or [dataset.roles[role_id] for role_id in dict.fromkeys(
        role_id for known, ids in names.items() if known.startswith(wanted) for role_id in ids)]
    if len(prefixed) == 1:
        return prefixed[0]
    shown = one_line(name)
    if prefixed:
        candidates = sorted(prefixed, key=lambda role: (role.level, role.title.casefold()))
        listing = ", ".join(f"{role.id} ({one_line(role.title)})" for role in candidates[:10])
        more = f" and {len(candidates) - 10} more" if len(candidates) > 10 else ""
        raise RoleLookupError(f"'{shown}' is ambiguous: it matches {listing}{more}",
                              [role.id for role in candidates])
    suggestions = _suggestions(dataset, wanted)
    hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
    raise RoleLookupError(f"no role named '{shown}'{hint} ('careerpath roles' lists them all)",
                          suggestions)


def _suggestions(dataset: Dataset, wanted: str) -> list[str]:
    by_name = {known: ids[0] for known, ids in dataset.names.items()}
    close = difflib.get_close_matches(wanted, list(by_name), n=6, cutoff=0.6)
    ids: list[str] = []
    for match in close:
        if by_name[match] not in ids:
            ids.append(by_name[match])
    return ids[:3]

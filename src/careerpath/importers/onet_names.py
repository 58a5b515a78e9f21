"""Ids and aliases of imported occupations, each naming one role only.

Names compare the way the command line looks roles up (`model.normal_name`:
case, dashes, underscores and spacing ignored), which is stricter than the
validator's rule, so an imported dataset always validates and a name typed on
the command line never finds two roles where the data meant one.

- id: the title as a slug; when that is empty or taken (by an earlier
  occupation's id, or reads as another occupation's title), the slug followed
  by the code's (`chief-executives-11-1011-00`).
- the O*NET-SOC code is an alias unless another role's id or title reads the same.
- an alternate or short title is an alias only when no other role has that
  name as its id, title, code or one of its own alternate titles: a name two
  occupations share points at neither. One equal to the role's own title or id
  adds nothing and is left out too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from careerpath.model import normal_name


class Named(Protocol):
    code: str
    title: str


def claim_names(occupations: Sequence[Named], alternates: dict[str, list[str]],
                slug: Callable[[str], str], counts: dict[str, int]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """code -> (id, aliases) for each occupation, in order."""
    claimed: dict[str, set[str]] = {}  # normal name -> codes whose title, id or code reads so

    def free_for(name: str, code: str) -> bool:
        return claimed.get(normal_name(name), set()) <= {code}

    for occupation in occupations:
        claimed.setdefault(normal_name(occupation.title), set()).add(occupation.code)
    ids: dict[str, str] = {}
    used: set[str] = set()
    for occupation in occupations:
        base = slug(occupation.title) or slug(occupation.code)
        role_id = base
        if role_id in used or not free_for(role_id, occupation.code):
            role_id = f"{base}-{slug(occupation.code)}"
        ids[occupation.code] = role_id
        used.add(role_id)
        claimed.setdefault(normal_name(role_id), set()).add(occupation.code)
    codes = {occupation.code for occupation in occupations if free_for(occupation.code, occupation.code)}
    for code in codes:
        claimed.setdefault(normal_name(code), set()).add(code)
    # Alternate titles: which roles claim each name; keep those only one role claims.
    claims: dict[str, set[str]] = {}
    spelled: dict[str, dict[str, str]] = {}  # code -> normal name -> first spelling
    for occupation in occupations:
        mine = spelled.setdefault(occupation.code, {})
        for name in alternates.get(occupation.code, []):
            key = normal_name(name)
            if key and key not in mine:
                mine[key] = name
                claims.setdefault(key, set()).add(occupation.code)
    kept = shared = 0
    result: dict[str, tuple[str, tuple[str, ...]]] = {}
    for occupation in occupations:
        aliases = [occupation.code] if occupation.code in codes else []
        for key, name in spelled[occupation.code].items():
            if not claimed.get(key, set()) <= {occupation.code} or len(claims[key]) > 1:
                shared += 1
            elif key not in claimed:
                aliases.append(name)
                kept += 1
        result[occupation.code] = (ids[occupation.code], tuple(aliases))
    counts["aliases from alternate titles"] = kept
    counts["left out: alternate titles not unique"] = shared
    return result

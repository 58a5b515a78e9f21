"""Write a synthetic careerpath dataset of any size, in the contract's format.

    python benchmarks/generate.py OUT_DIR --roles 5000 --progressions 20000

Roles spread over 10 levels; each has a summary, 8 responsibilities and 6 skills.
Moves are mostly promotions one or two levels up, some lateral; `r0` (level 1)
reaches the top level, so `careerpath path r0 TOP` always has an answer. The
same arguments always give the same files (seeded), so timings compare.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

# `generate_layers` writes the tie-heavy case: every path as good as every other.

LEVELS = 10
SKILLS = [f"Skill {n}" for n in range(60)]


def generate(folder: Path, roles: int, progressions: int, seed: int = 7) -> tuple[str, str]:
    """Write the two files; return (a bottom role id, a top role id) that are connected."""
    rng = random.Random(seed)
    by_level: dict[int, list[int]] = {level: [] for level in range(1, LEVELS + 1)}
    lines = ["roles:"]
    for index in range(roles):
        level = index % LEVELS + 1
        by_level[level].append(index)
        lines += [
            f"  - id: r{index}",
            f"    title: Role {index} of the synthetic ladder",
            f"    level: {level}",
            f"    aliases: [synthetic {index}]",
            f"    track: track {index % 17}",
            "    summary: >-",
            f"      Role {index} exists to measure careerpath on a large dataset. It has",
            "      a summary of a realistic length, responsibilities and skills.",
            "    responsibilities:",
            *(f"      - Responsibility {n} of role {index}, written out as a full sentence of "
              "a realistic length"
              for n in range(8)),
            "    skills:",
            *(f"      {name}: {rng.randint(1, 5)}" for name in rng.sample(SKILLS, 6)),
        ]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "roles.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    edges: set[tuple[int, int]] = set()
    moves = ["progressions:"]
    # A guaranteed chain from r0 (level 1) up to the top level.
    chain = [by_level[level][0] for level in range(1, LEVELS + 1)]
    candidates = list(zip(chain, chain[1:]))
    while len(edges) < progressions:
        if candidates:
            source, target = candidates.pop()
        else:
            source = rng.randrange(roles)
            level = source % LEVELS + 1
            step = rng.choice((0, 1, 1, 1, 2)) if level < LEVELS - 1 else 0
            target = rng.choice(by_level[min(level + step, LEVELS)])
        if source == target or (source, target) in edges:
            continue
        edges.add((source, target))
        lateral = source % LEVELS == target % LEVELS
        low = rng.randint(1, 4)
        kind = ", kind: lateral" if lateral else ""
        moves.append(f"  - {{from: r{source}, to: r{target}{kind}, years: [{low}, {low + 2}]}}")
    (folder / "progressions.yaml").write_text("\n".join(moves) + "\n", encoding="utf-8")
    return f"r{chain[0]}", f"r{chain[-1]}"


def generate_layers(folder: Path, layers: int = 5, width: int = 8) -> tuple[str, str]:
    """A start role, `layers` layers of `width` roles, each fully connected to the next,
    and an end role; no years anywhere, so all width**layers paths tie. Returns the ends."""
    names = [["start"], *([f"l{i}-{j}" for j in range(width)] for i in range(1, layers + 1)),
             ["end"]]
    roles = ["roles:"] + [f"  - {{id: {name}, title: Role {name}, level: {depth + 1}}}"
                          for depth, layer in enumerate(names) for name in layer]
    moves = ["progressions:"] + [f"  - {{from: {a}, to: {b}}}"
                                 for here, there in zip(names, names[1:])
                                 for a in here for b in there]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "roles.yaml").write_text("\n".join(roles) + "\n", encoding="utf-8")
    (folder / "progressions.yaml").write_text("\n".join(moves) + "\n", encoding="utf-8")
    return "start", "end"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--roles", type=int, default=5000)
    parser.add_argument("--progressions", type=int, default=20000)
    args = parser.parse_args()
    bottom, top = generate(args.folder, args.roles, args.progressions)
    print(f"wrote {args.folder}; try: careerpath --data {args.folder} path {bottom} {top}")


if __name__ == "__main__":
    main()

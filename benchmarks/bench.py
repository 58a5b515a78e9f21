"""Measure careerpath against the floor: the time Python takes to import what it needs.

    python benchmarks/bench.py [--rounds 9] [--big-rounds 5] [--scaling]

Run it with the Python of the venv careerpath is installed in. Whole processes
are timed; command and floor runs alternate, and medians are compared as a
ratio in the same run, because absolute times on a shared machine drift.
Every run uses a private, temporary cache folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate, generate_layers

PYTHON = sys.executable
CAREERPATH = str(Path(PYTHON).with_name("careerpath"))
FLOOR_GRAPH = [PYTHON, "-c", "import typer, rich.console, rich.table, yaml, networkx"]
FLOOR_NO_GRAPH = [PYTHON, "-c", "import typer, rich.console, rich.table, yaml"]


def timed(command: list[str], env: dict[str, str], before: Callable[[], None] | None) -> float:
    if before is not None:
        before()
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                   check=True)
    return time.perf_counter() - start


def compare(name: str, command: list[str], floor: list[str], target: float, rounds: int,
            env: dict[str, str], before: Callable[[], None] | None = None) -> bool:
    """Alternate command and floor `rounds` times; print medians and the ratio."""
    timed(command, env, before)  # warm the OS file cache (and, unless `before`, our cache)
    timed(floor, env, None)
    ours, base = [], []
    for _ in range(rounds):
        ours.append(timed(command, env, before))
        base.append(timed(floor, env, None))
    ratio = statistics.median(ours) / statistics.median(base)
    verdict = "holds" if ratio <= target else "MISSED"
    print(f"{name}\n    median {statistics.median(ours) * 1000:7.0f} ms   floor "
          f"{statistics.median(base) * 1000:7.0f} ms   ratio {ratio:.2f} "
          f"(target <= {target:.2f}): {verdict}", flush=True)
    return ratio <= target


def imports_networkx(args: list[str], env: dict[str, str]) -> bool:
    done = subprocess.run([PYTHON, "-X", "importtime", "-m", "careerpath", *args],
                          capture_output=True, text=True, env=env, check=False)
    return any(line.rstrip().endswith("| networkx") for line in done.stderr.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--big-rounds", type=int, default=5)
    parser.add_argument("--scaling", action="store_true", help="also time 500/5,000/20,000 roles")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="careerpath-bench-"))
    cache_home = work / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    env.pop("CAREERPATH_DATA", None)
    env.pop("CAREERPATH_NO_CACHE", None)

    def clear_cache() -> None:
        shutil.rmtree(cache_home, ignore_errors=True)

    results = []
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, rounds {args.rounds}\n")
    results.append(compare("1. careerpath path coordinator cdo (built-in data)",
                           [CAREERPATH, "path", "coordinator", "cdo"], FLOOR_GRAPH, 1.15,
                           args.rounds, env))
    results.append(compare("2. careerpath roles", [CAREERPATH, "roles"], FLOOR_NO_GRAPH, 1.25,
                           args.rounds, env))
    graph_free = [["roles"], ["show", "cdo"], ["skills", "vp"], ["search", "seo"], ["validate"],
                  ["--help"], ["path", "coordinator", "cdo"]]
    leaks = [" ".join(a) for a in graph_free if imports_networkx(a, env)]
    print(f"   networkx imported by: {', '.join(leaks) or 'none of ' + str(len(graph_free))}")
    results.append(not leaks)

    big = work / "big"
    bottom, top = generate(big, 5000, 20000)
    size = sum(f.stat().st_size for f in big.iterdir()) / 1e6
    print(f"\nlarge dataset: 5,000 roles, 20,000 progressions, {size:.1f} MB of YAML")
    big_path = [CAREERPATH, "--data", str(big), "path", bottom, top]
    results.append(compare("3. path on the large dataset, second run (cached)", big_path,
                           FLOOR_GRAPH, 2.0, args.big_rounds, env))
    csafe = [PYTHON, "-c", "import yaml, sys\nfor name in sys.argv[1:]:\n"
             "    yaml.load(open(name, 'rb'), Loader=yaml.CSafeLoader)",
             str(big / "roles.yaml"), str(big / "progressions.yaml")]
    results.append(compare("4. path on the large dataset, first run (no cache), vs CSafeLoader "
                           "loading the two files", big_path, csafe, 1.0, args.big_rounds, env,
                           before=clear_cache))
    results.append(profile_match(big, big_path, env, args.big_rounds))
    results.append(ties(work, env, args.rounds))
    if args.scaling:
        scaling(work, env, clear_cache)
    shutil.rmtree(work, ignore_errors=True)
    print(f"\n{sum(results)} of {len(results)} targets hold")


def profile_match(big: Path, big_path: list[str], env: dict[str, str], rounds: int) -> bool:
    """`match` over the 5,000 roles with a 30-skill profile, against `path` on the same data."""
    me = big / "me.yaml"
    me.write_text("skills:\n" + "".join(f"  Skill {n * 2}: {1 + n % 5}\n" for n in range(30)),
                  encoding="utf-8")
    ok = True
    for name, extra in (("6. match --limit 20, 30-skill profile (cached), vs path", ["--limit",
                                                                                       "20"]),
                        ("7. match, all 5,000 roles ranked, as JSON, vs path", ["-f", "json"]),
                        ("8. match, all 5,000 roles ranked, as text (to a pipe), vs path", [])):
        command = [CAREERPATH, "--data", str(big), "match", "--me", str(me), *extra]
        ok = compare(name, command, big_path, 1.25 if extra else 2.0, rounds, env) and ok
    return ok


def ties(work: Path, env: dict[str, str], rounds: int) -> bool:
    """Tie-heavy: 32,768 equally good paths; the first five, in order, must come at once."""
    layered = work / "layers"
    start, end = generate_layers(layered)
    print("\ntie-heavy dataset: a start, 5 layers of 8 fully connected roles, an end, no years")
    return compare("5. path --all --limit 5 among 32,768 tied paths (cached)",
                   [CAREERPATH, "--data", str(layered), "path", start, end, "--all", "--limit",
                    "5"], FLOOR_NO_GRAPH, 1.5, rounds, env)


def scaling(work: Path, env: dict[str, str], clear_cache: Callable[[], None]) -> None:
    print("\nhow time grows (median of 3 whole runs of `path`, seconds)")
    print("| roles | progressions | YAML MB | first run | cached run |")
    print("|---:|---:|---:|---:|---:|")
    for roles in (500, 5000, 20000):
        folder = work / f"scale-{roles}"
        bottom, top = generate(folder, roles, roles * 4)
        size = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
        command = [CAREERPATH, "--data", str(folder), "path", bottom, top]
        first = statistics.median(timed(command, env, clear_cache) for _ in range(3))
        cached = statistics.median(timed(command, env, None) for _ in range(3))
        print(f"| {roles:,} | {roles * 4:,} | {size:.1f} | {first:.2f} | {cached:.2f} |",
              flush=True)


if __name__ == "__main__":
    main()

"""Time `careerpath site` on the synthetic dataset of benchmarks/generate.py.

    python benchmarks/site_bench.py [--roles 5000] [--progressions 20000] [--rounds 3]

Whole processes are timed (YAML parsing included: the cache is off), the median
of `--rounds` runs is printed with the size of what was written.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--roles", type=int, default=5000)
    parser.add_argument("--progressions", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        data, site = Path(work) / "data", Path(work) / "site"
        generate(data, args.roles, args.progressions)
        env = {**os.environ, "CAREERPATH_NO_CACHE": "1"}
        command = [sys.executable, "-m", "careerpath", "--data", str(data), "site", "-o", str(site),
                   "--force"]
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        files, size = folder_size(site)
        index = (site / "index.html").stat().st_size
        finder = (site / "path.html").stat().st_size
    print(f"careerpath site: {args.roles:,} roles, {args.progressions:,} moves: median "
          f"{statistics.median(times):.1f} s of {args.rounds} runs (YAML parsed each time); "
          f"{files:,} files, {size / 1e6:.0f} MB; index.html {index / 1e6:.1f} MB, "
          f"path.html {finder / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

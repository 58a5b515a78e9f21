"""Write a synthetic O*NET text release of full size, with fake text and no real O*NET content.

    python benchmarks/onet_synth.py OUT_DIR [--seed 1]
    python benchmarks/onet_synth.py --bench [--rounds 9]   # time the import and `path` on it

Same files, columns and sizes as release 30.1: 1,016 occupations (923 with a
Job Zone), 62,580 skill rows (35 skills x IM and LV x 894 occupations), 18,796
tasks, 18,460 related-occupation rows (20 for each of 923 occupations), and
alternate titles. Tab-separated, CRLF line ends, `n/a` where O*NET puts it.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

GROUPS = ["11", "13", "15", "17", "19", "21", "23", "25", "27", "29", "31", "33", "35", "37",
          "39", "41", "43", "45", "47", "49", "51", "53", "55"]
WORDS = ["Aurora", "Basalt", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Indigo",
         "Juniper", "Kelp", "Lumen", "Meadow", "Nimbus", "Orchid", "Prism", "Quartz", "Ridge",
         "Saffron", "Tundra", "Umber", "Vertex", "Willow", "Xenon", "Yarrow", "Zephyr"]
CRAFTS = ["Widget", "Signal", "Ledger", "Canopy", "Turbine", "Archive", "Pattern", "Harvest",
          "Circuit", "Lantern", "Compass", "Textile", "Glacier", "Mosaic", "Beacon", "Quarry"]
TRADES = ["Technicians", "Analysts", "Managers", "Specialists", "Coordinators", "Engineers",
          "Operators", "Inspectors", "Planners", "Curators", "Assistants", "Directors"]
SKILLS = [f"Skill {name}" for name in (
    "Reading", "Listening", "Writing", "Speaking", "Mathematics", "Science", "Thinking",
    "Learning", "Monitoring", "Perceptiveness", "Coordination", "Persuasion", "Negotiation",
    "Instructing", "Service", "Solving", "Analysis", "Design", "Selection", "Installation",
    "Programming", "Monitoring Ops", "Control", "Maintenance", "Troubleshooting", "Repairing",
    "Quality", "Judgment", "Systems", "Evaluation", "Time", "Money", "Materials", "People",
    "Strategy")]
LINE = "\r\n"


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    text = LINE.join("\t".join(cells) for cells in [header, *rows]) + LINE
    path.write_text(text, encoding="utf-8", newline="")


def _occupations(rng: random.Random) -> list[tuple[str, str]]:
    codes: list[str] = []
    for number in range(1016):
        group = GROUPS[number % len(GROUPS)]
        codes.append(f"{group}-{1000 + number:04d}.{number % 3:02d}")
    codes.sort()
    titles: set[str] = set()
    result = []
    for code in codes:
        while True:
            title = f"{rng.choice(WORDS)} {rng.choice(CRAFTS)} {rng.choice(TRADES)}"
            if title not in titles:
                break
        titles.add(title)
        result.append((code, title))
    return result


def generate(folder: Path, seed: int = 1) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    occupations = _occupations(rng)
    _write(folder / "Occupation Data.txt", ["O*NET-SOC Code", "Title", "Description"],
           [[code, title, f"Synthetic description of {title.lower()} ({code})."]
            for code, title in occupations])
    zoned = rng.sample(range(len(occupations)), 923)
    zones = {occupations[i][0]: rng.randint(1, 5) for i in sorted(zoned)}
    _write(folder / "Job Zones.txt", ["O*NET-SOC Code", "Job Zone", "Date", "Domain Source"],
           [[code, str(zone), "08/2023", "Analyst"] for code, zone in zones.items()])
    _skills(folder, rng, sorted(zones)[:894], zones)
    _tasks(folder, rng, [code for code, _ in occupations], zones)
    _related(folder, rng, sorted(zones), [code for code, _ in occupations], zones)
    _alternates(folder, rng, occupations)


def _skills(folder: Path, rng: random.Random, codes: list[str], zones: dict[str, int]) -> None:
    rows = []
    for code in codes:
        for number, name in enumerate(SKILLS):
            element = f"2.A.1.{chr(97 + number // 10)}.{number % 10}"
            importance = round(min(5.0, max(1.0, rng.gauss(2.8, 0.8))), 2)
            level = round(min(7.0, max(0.0, zones[code] + rng.gauss(0, 1.2))), 2)
            rest = ["8", "0.2", "2.5", "3.2", "N", "n/a", "08/2023", "Analyst"]
            rows.append([code, element, name, "IM", f"{importance:.2f}", *rest])
            flag = "Y" if level < 0.5 else "N"
            rows.append([code, element, name, "LV", f"{level:.2f}", "8", "0.3", "2.0", "3.5",
                         "N", flag, "08/2023", "Analyst"])
    _write(folder / "Skills.txt", ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID",
                                   "Data Value", "N", "Standard Error", "Lower CI Bound",
                                   "Upper CI Bound", "Recommend Suppress", "Not Relevant", "Date",
                                   "Domain Source"], rows)


def _tasks(folder: Path, rng: random.Random, codes: list[str], zones: dict[str, int]) -> None:
    rows = []
    task_id = 1
    counts = [18 + (i % 2) for i in range(len(codes))]  # 18,796 tasks in all
    counts[-1] += 18796 - sum(counts)
    for code, count in zip(codes, counts):
        for number in range(count):
            kind = "Core" if number % 3 else ("Supplemental" if number % 2 else "n/a")
            verb = rng.choice(["Calibrate", "Review", "Plan", "Inspect", "Teach", "Repair"])
            rows.append([code, str(task_id), f"{verb} synthetic {rng.choice(CRAFTS).lower()} "
                         f"work, task {task_id}.", kind, "55", "08/2023", "Incumbent"])
            task_id += 1
    _write(folder / "Task Statements.txt", ["O*NET-SOC Code", "Task ID", "Task", "Task Type",
                                            "Incumbents Responding", "Date", "Domain Source"], rows)


def _related(folder: Path, rng: random.Random, codes: list[str], everyone: list[str],
             zones: dict[str, int]) -> None:
    rows = []
    for code in codes:
        near = [other for other in codes if other != code and other[:2] == code[:2]]
        others = rng.sample(near, min(12, len(near)))
        others += rng.sample([o for o in everyone if o != code and o not in others], 20 - len(others))
        for index, other in enumerate(others, start=1):
            tier = "Primary-Short" if index <= 5 else "Primary-Long" if index <= 10 else "Supplemental"
            rows.append([code, other, tier, str(index)])
    _write(folder / "Related Occupations.txt", ["O*NET-SOC Code", "Related O*NET-SOC Code",
                                                "Relatedness Tier", "Index"], rows)


def _alternates(folder: Path, rng: random.Random, occupations: list[tuple[str, str]]) -> None:
    rows = []
    for code, _title in occupations:
        for _ in range(rng.randint(20, 90)):
            alternate = f"{rng.choice(WORDS)} {rng.choice(CRAFTS)} Hand {rng.randint(1, 400_000)}"
            short = rng.choice(["n/a", "n/a", alternate.split()[0][:4].upper()])
            rows.append([code, alternate, short, "08"])
    _write(folder / "Alternate Titles.txt", ["O*NET-SOC Code", "Alternate Title", "Short Title",
                                             "Source(s)"], rows)


def _median_seconds(command: list[str], env: dict[str, str], rounds: int,
                   before: Callable[[], None] | None = None) -> float:
    times = []
    for _ in range(rounds):
        if before is not None:
            before()
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def far_apart(folder: Path) -> tuple[str, str, int]:
    """A start at the lowest level and the role farthest from it (most moves): a long path."""
    import networkx as nx

    from careerpath.loader import load_dataset

    dataset = load_dataset(str(folder), use_cache=False)
    graph = nx.DiGraph((p.source_id, p.target_id) for p in dataset.progressions)
    best = ("", "", -1)
    for role in sorted(dataset.roles.values(), key=lambda r: (r.level, r.id))[:40]:
        if role.id in graph:
            depths = nx.single_source_shortest_path_length(graph, role.id)
            target, depth = max(depths.items(), key=lambda item: (item[1], item[0]))
            best = max(best, (role.id, target, depth), key=lambda b: b[2])
    return best


def bench(rounds: int) -> None:
    """Time the import, then a cached `path` on its result and on the built-in data,
    each against the start-up floor in the same run (bench.py's budget: the built-in
    `path` may take at most 1.15 times the floor, and so may `path` on the import)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench import FLOOR_GRAPH, compare

    careerpath = str(Path(sys.executable).with_name("careerpath"))
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache")}
        env.pop("CAREERPATH_DATA", None)
        generate(work / "db_30_1_text")
        out = work / "onet-data"
        command = [careerpath, "import", "onet", str(work / "db_30_1_text"), "-o", str(out),
                   "--force"]
        imported = _median_seconds(command, env, max(3, rounds // 3))
        source, target, moves = far_apart(out)
        sizes = sum(f.stat().st_size for f in out.iterdir()) / 1e6
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, median of {rounds} runs")
        print(f"`careerpath import onet` of a full-size synthetic release ({sizes:.1f} MB "
              f"written): {imported:.2f} s", flush=True)
        held = [
            compare(f"`careerpath --data onet-data path {source} {target}` ({moves} moves), cached",
                    [careerpath, "--data", str(out), "path", source, target], FLOOR_GRAPH, 1.15,
                    rounds, env),
            compare("`careerpath path coordinator cdo` on the built-in data, cached",
                    [careerpath, "path", "coordinator", "cdo"], FLOOR_GRAPH, 1.15, rounds, env),
        ]
        print(f"{sum(held)} of {len(held)} targets hold")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bench", action="store_true", help="time the import and `path`")
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    if args.bench:
        bench(args.rounds)
        return
    if args.folder is None:
        parser.error("give OUT_DIR, or --bench")
    generate(args.folder, args.seed)
    print(f"wrote a synthetic O*NET release to {args.folder}")


if __name__ == "__main__":
    main()

"""Regenerate README.md from docs/README.template.md, running every `{{ careerpath ... }}`
and putting in the benchmark figures saved in benchmarks/results.txt
(`python benchmarks/bench.py --scaling > benchmarks/results.txt`).

Keeps the README's examples true: run `python docs/build_readme.py` after changing
output or data, and review the diff.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{\{ (careerpath [^}]*) \}\}")


def run(command: str, folder: str) -> str:
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    env.pop("CAREERPATH_DATA", None)
    args = [sys.executable, "-m", "careerpath", *shlex.split(command)[1:]]
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=False, cwd=folder)
    output = done.stdout + done.stderr
    lines = [line.rstrip() for line in output.rstrip("\n").splitlines()]
    return f"$ {command}\n" + "\n".join(lines)


def render_readme() -> str:
    template = (ROOT / "docs" / "README.template.md").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:  # `init` writes files: keep them out
        text = PLACEHOLDER.sub(lambda m: run(m.group(1), folder), template)
    results = (ROOT / "benchmarks" / "results.txt").read_text(encoding="utf-8").rstrip("\n")
    return text.replace("BENCH_OUTPUT", results)


def main() -> None:
    (ROOT / "README.md").write_text(render_readme(), encoding="utf-8")


if __name__ == "__main__":
    main()

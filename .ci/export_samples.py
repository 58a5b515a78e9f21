"""Write Mermaid and DOT exports, of the built-in data and of a hostile dataset, for
.ci/run to check with the real tools (mermaid's parser, Graphviz's dot).

    python .ci/export_samples.py OUT_DIR
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from test_render import HOSTILE_MOVES, HOSTILE_ROLES  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1])
    hostile = out / "hostile-data"
    hostile.mkdir(parents=True, exist_ok=True)
    (hostile / "roles.yaml").write_text(HOSTILE_ROLES, encoding="utf-8")
    (hostile / "progressions.yaml").write_text(HOSTILE_MOVES, encoding="utf-8")
    questions = {
        "builtin-graph": ["graph"],
        "builtin-path": ["path", "coordinator", "cdo"],
        "builtin-paths": ["path", "manager", "vp", "--all", "--limit", "4"],
        "builtin-from-director": ["graph", "director"],
        "hostile-graph": ["--data", str(hostile), "graph"],
        "hostile-path": ["--data", str(hostile), "path", "hostile", "target"],
    }
    for name, args in questions.items():
        for fmt, suffix in (("mermaid", "mmd"), ("dot", "dot")):
            target = out / f"{name}.{suffix}"
            subprocess.run([sys.executable, "-m", "careerpath", *args, "--format", fmt,
                            "-o", str(target), "--force"], check=True)
    print(f"wrote {len(questions) * 2} exports to {out}")


if __name__ == "__main__":
    main()

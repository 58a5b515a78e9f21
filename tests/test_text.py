"""Exact terminal output of every command on the small fixture (100 columns, no colour)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result

Run = Callable[..., Result]

EXPECTED = {
    'show senior-analyst': """\
╭─────────────────────────────────────────────────────────────────────╮
│ Senior Data Analyst  level 2 · data                                 │
│ id: senior-analyst                                                  │
│                                                                     │
│ Responsibilities                                                    │
│   • Build reports                                                   │
│   • Design metrics                                                  │
│                                                                     │
│ Skills                                                              │
│   Excel   ●●●○○  3 working                                          │
│   SQL     ●●●○○  3 working                                          │
│   Python  ●●○○○  2 foundational                                     │
│                                                                     │
│ Moves into this role                                                │
│   Data Analyst (level 1) · promotion · typically 1–3 years          │
│                                                                     │
│ Moves out of this role                                              │
│   ━━▶ Analytics Manager (level 3) · promotion · typically 2–4 years │
│   ┄┄▷ Data Scientist (level 2) · lateral · typically 1 year         │
╰─────────────────────────────────────────────────────────────────────╯
""",
    'next senior-analyst --depth 2': """\
Reachable from Senior Data Analyst within 2 moves
┏━━━━━━━┳━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Moves ┃ Level ┃ Role (id)         ┃ First move ┃ Typical years ┃
┡━━━━━━━╇━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
│     1 │     2 │ Data Scientist    │ lateral    │ 1 year        │
│       │       │ data-scientist    │            │               │
│     1 │     3 │ Analytics Manager │ promotion  │ 2–4 years     │
│       │       │ analytics-manager │            │               │
│     2 │     4 │ Head of Data      │ promotion  │               │
│       │       │ head-of-data      │            │               │
└───────┴───────┴───────────────────┴────────────┴───────────────┘
""",
    'skills hod': """\
Skills of Head of Data
  Leadership  ●●●●○  4 practitioner
  Budgeting   ●●●○○  3 working
  SQL         ●●○○○  2 foundational
""",
    'levels analyst': """\
Data Analyst day to day, as experience grows
┏━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┓
┃ Entry            ┃ Mid            ┃ Senior            ┃
┡━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━┩
│ • Run queries    │ • Own a report │ • Mentor analysts │
│ • Fix dashboards │                │                   │
└──────────────────┴────────────────┴───────────────────┘
""",
    'compare senior-analyst hod': """\
Senior Data Analyst → Head of Data   level 2 → 4 (2 levels up)

Skills
┏━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┳━━━━━━━━━━━┓
┃ Skill      ┃ Senior Data Analyst ┃ Head of Data ┃ Change    ┃
┡━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━╇━━━━━━━━━━━┩
│ Leadership │ –                   │ ●●●●○ 4      │ + gained  │
│ Budgeting  │ –                   │ ●●●○○ 3      │ + gained  │
│ SQL        │ ●●●○○ 3             │ ●●○○○ 2      │ ↓ lowered │
│ Excel      │ ●●●○○ 3             │ –            │ − dropped │
│ Python     │ ●●○○○ 2             │ –            │ − dropped │
└────────────┴─────────────────────┴──────────────┴───────────┘
Responsibilities
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┓
┃ Only as Senior Data Analyst ┃ Only as Head of Data ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━┩
│ • Build reports             │ • Set data strategy  │
└─────────────────────────────┴──────────────────────┘
Shortest path: Senior Data Analyst ━━▶ Analytics Manager ━━▶ Head of Data
2 moves · typically 5–9 years
""",
    'search analyst': """\
3 roles matching “analyst”
┏━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━┓
┃ Level ┃ Role (id)           ┃ Matched in     ┃
┡━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━┩
│     1 │ Data Analyst        │ title, aliases │
│       │ analyst             │                │
│     2 │ Senior Data Analyst │ title          │
│       │ senior-analyst      │                │
│     3 │ Lead Analyst        │ title          │
│       │ lead-analyst        │                │
└───────┴─────────────────────┴────────────────┘
""",
    'graph': """\
The career ladder: 7 roles, 8 moves
━━▶ promotion   ┄┄▷ lateral move

Level 1
  Data Analyst  ━━▶ Data Scientist (2)
                ━━▶ Senior Data Analyst (2)
                ━━▶ Lead Analyst (3)
  Island Role   ·

Level 2
  Data Scientist       ━━▶ Analytics Manager (3)
  Senior Data Analyst  ━━▶ Analytics Manager (3)
                       ┄┄▷ Data Scientist (2)

Level 3
  Analytics Manager  ━━▶ Head of Data (4)
  Lead Analyst       ━━▶ Head of Data (4)

Level 4
  Head of Data  ·
""",
}


@pytest.mark.parametrize("command", list(EXPECTED))
def test_exact_text(run: Run, small: Path, command: str) -> None:
    result = run("--data", small, *command.split())
    assert result.exit_code == 0, result.stderr
    shown = "\n".join(line.rstrip() for line in result.stdout.splitlines()) + "\n"
    assert shown == EXPECTED[command]

"""Make data text safe to show: no terminal control sequences ever pass raw.

Data files are user-written and may be shared. Control characters (C0, DEL,
C1 such as U+009B CSI), and bidirectional overrides could move the cursor,
set the clipboard (OSC 52), forge links (OSC 8) or reorder what a reader sees.
We replace each with a visible escape like `\\x1b` or `\\u202e` so the reader
still sees that something odd was there.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings,
# overrides and isolates, plus the line/paragraph separators some terminals
# treat as newlines.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNSAFE_WITH_LAYOUT = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Return `text` with every unsafe control character shown as an escape.

    Tabs and newlines are kept: they are layout, not commands.
    """
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """Like `visible`, but newlines and tabs become spaces: for table cells and labels."""
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _UNSAFE_WITH_LAYOUT.sub(_escape, text)

"""Make data text safe to show: no terminal control sequences ever pass raw.

Data files are user-written and may be shared. Control characters (C0, DEL,
C1 such as U+009B CSI), and bidirectional overrides could move the cursor,
set the clipboard (OSC 52), forge links (OSC 8) or reorder what a reader sees.
Invisible characters (zero-width spaces and joiners, the soft hyphen, tag
characters) let two different texts look the same. We replace each with a
visible escape like `\\x1b` or `\\u200b` so the reader still sees that
something odd was there.
"""

from __future__ import annotations

import re

# Bidi controls: the Arabic letter mark, LRM/RLM, embeddings and overrides,
# isolates.
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Characters that show nothing: soft hyphen, Mongolian vowel separator,
# zero-width space/non-joiner/joiner, word joiner and invisible operators,
# deprecated format characters, the BOM / zero-width no-break space,
# interlinear annotation marks, and the tag characters (U+E0000-U+E007F).
INVISIBLE = ("\u00ad\u180e\u200b-\u200d\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb"
             "\U000e0000-\U000e007f")
# C0 controls except tab and newline, DEL, C1 controls, the line/paragraph
# separators some terminals treat as newlines, then the two sets above. (One
# pattern: compiling it is a good part of a start-up; tab and newline, where they
# must be escaped too, are escaped by `replace`.)
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{BIDI}{INVISIBLE}]")


def _escape(match: re.Match[str]) -> str:
    return escape_char(match.group())


def escape_char(char: str) -> str:
    """`\x1b`, `\u200b` or `\U000e0041`: the character's code, as Python writes it."""
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """Return `text` with every unsafe control character shown as an escape.

    Tabs and newlines are kept: they are layout, not commands.
    """
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """Like `visible`, but newlines and tabs become spaces: for table cells and labels."""
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _UNSAFE.sub(_escape, text)


def escaped(text: str) -> str:
    """Every unsafe character escaped, newlines and tabs too (`\\x0a`): for messages
    that must stay one line, whose lines a reader or a script counts."""
    return _UNSAFE.sub(_escape, text).replace("\t", "\\x09").replace("\n", "\\x0a")

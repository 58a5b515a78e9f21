"""Safe pieces of HTML: every data string is escaped here, every id encoded, every
embedded JSON made inert inside <script>. Pages are built from these and nothing else."""

from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import quote

from careerpath.textsafe import visible

# Inside <script type="application/json"> the HTML parser ends the element at
# "</script" whatever JSON thinks; U+2028/U+2029 end lines in older JavaScript.
# (The JSON is ASCII, so no control character or noncharacter reaches the page raw.)
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                  "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_TABLE = str.maketrans(_SCRIPT_UNSAFE)
# Noncharacters are parse errors in HTML; `visible` handles the control characters.
_NONCHARACTER = re.compile("[\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}-{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)) + "]")


def shown(text: object) -> str:
    """Data text as the reader should see it: controls, bidi overrides and
    noncharacters as visible escapes (like the terminal output)."""
    return _NONCHARACTER.sub(lambda m: f"\\u{ord(m.group()):04x}", visible(str(text)))


def esc(text: object) -> str:
    """Data text as HTML text or attribute value: never markup."""
    return html.escape(shown(text), quote=True)


def role_href(role_id: str, prefix: str = "") -> str:
    """The link to a role's page; the id percent-encoded whatever it holds."""
    return f"{prefix}roles/{quote(role_id, safe='')}.html"


def role_file(role_id: str) -> str:
    """The file name a role's page is written to (matches `role_href` once decoded)."""
    return f"{role_id}.html"


def anchor(text: str) -> str:
    """A fragment id made from data text: only [a-z0-9-], so it needs no escaping."""
    slug = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in text.casefold())
    slug = "-".join(part for part in slug.split("-") if part)
    return slug or "x"


def script_json(value: Any) -> str:
    """JSON that can sit inside a <script> element without ending it early."""
    return json.dumps(value, ensure_ascii=True, separators=(",", ":")).translate(_SCRIPT_TABLE)


def link(href: str, text: str, attrs: str = "") -> str:
    """An <a>; `href` must already be safe (built by this module), `text` is data."""
    return f'<a href="{esc(href)}"{attrs}>{esc(text)}</a>'


def page(*, title: str, site_title: str, body: str, prefix: str = "", scripts: tuple[str, ...] = (),
         head_extra: str = "", current: str = "") -> str:
    """A whole HTML5 document: the shared header, navigation and footer around `body`."""
    from careerpath import __version__

    nav = []
    for href, label in (("index.html", "All roles"), ("path.html", "Path finder")):
        here = ' aria-current="page"' if href == current else ""
        nav.append(f'<li><a href="{prefix}{href}"{here}>{label}</a></li>')
    script_tags = "".join(f'<script src="{prefix}assets/{name}" defer></script>' for name in scripts)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; "
        "form-action 'self'\">\n"
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n"
        f'<link rel="stylesheet" href="{prefix}assets/site.css">\n'
        f"{head_extra}{script_tags}\n</head>\n<body>\n"
        '<a class="skip" href="#main">Skip to content</a>\n'
        f'<header class="site"><p class="brand"><a href="{prefix}index.html">{esc(site_title)}</a></p>'
        f'<nav aria-label="Site"><ul>{"".join(nav)}</ul></nav></header>\n'
        f'<main id="main">\n{body}\n</main>\n'
        f'<footer class="site"><p>Published with careerpath {esc(__version__)}.</p></footer>\n'
        "</body>\n</html>\n"
    )

"""The path finder page: a form whose state is the URL (path.html?from=ID&to=ID,
plus via, avoid and promotions=only), the dataset embedded as inert JSON, and
path.js, which finds the same best path as `careerpath path`."""

from __future__ import annotations

from typing import Any

from careerpath.model import Dataset, normal_name
from careerpath.site.markup import page, script_json


def graph_data(dataset: Dataset) -> dict[str, Any]:
    """What path.js needs: roles [id, title, level, [[skill, level, key, casefold], ...]] and moves
    [from, to, kind, min years | null, max years | null, note | null], in data order.
    A skill's key is its `normal_name`: spellings with one key are one skill, as in
    `careerpath path`; its casefold orders gaps as Python does (JavaScript has none)."""
    roles = [[r.id, r.title, r.level, [[name, level, normal_name(name), name.casefold()]
                                       for name, level in r.skills.items()]]
             for r in dataset.roles.values()]
    moves = [[p.source_id, p.target_id, p.kind,
              None if p.years is None else p.years.min,
              None if p.years is None else p.years.max, p.note]
             for p in dataset.progressions]
    return {"roles": roles, "moves": moves}


def _select(name: str, label: str, *, multiple: bool = False, hint: str = "") -> str:
    # From and To are required: submitting without one would only reload the page.
    # A required single select needs an empty first option (path.js adds the roles).
    extra = ' multiple size="4"' if multiple else " required"
    options = "" if multiple else '<option value="">Choose a role</option>'
    described = f' aria-describedby="{name}-hint"' if hint else ""
    hint_html = f' <span class="hint" id="{name}-hint">{hint}</span>' if hint else ""
    return (f'<p class="field"><label for="{name}">{label}</label>{hint_html}'
            f'<select id="{name}" name="{name}"{extra}{described}>{options}</select></p>')


FORM = (
    '<form id="finder" class="finder" method="get" action="path.html" hidden>'
    + _select("from", "From")
    + _select("to", "To")
    + '<details class="more"><summary>Through or around other roles</summary>'
    + _select("via", "Pass through", multiple=True,
              hint="any order; Ctrl or ⌘ selects several")
    + _select("avoid", "Never pass through", multiple=True)
    + '<p class="field check"><input type="checkbox" id="promotions" name="promotions" value="only">'
    '<label for="promotions">Promotions only (no lateral move)</label></p></details>'
    '<p><button type="submit">Show the path</button></p></form>'
)


def path_page(dataset: Dataset, site_title: str) -> str:
    data = f'<script type="application/json" id="graph-data">{script_json(graph_data(dataset))}</script>\n'
    body = (
        "<h1>Path finder</h1>\n"
        '<p class="lead">Choose where you are and where you want to be: the finder shows the '
        "path with the fewest moves (ties: fewest moves without typical years, then fewest "
        "typical years), what kind of move each step is, and the skills to build on the way. "
        "The address of this page keeps your question, so you can share it.</p>\n"
        "<noscript><p>The path finder needs JavaScript. Every role page lists the moves into "
        "and out of the role without it.</p></noscript>\n"
        # The answer comes first, so a shared link shows it without scrolling.
        '<section id="answer" aria-live="polite" aria-labelledby="answer-title" hidden>'
        '<h2 id="answer-title">The path</h2><div id="answer-body"></div></section>\n'
        '<section aria-labelledby="ask"><h2 id="ask">Ask the way</h2>\n'
        f"{FORM}</section>\n"
    )
    return page(title=f"Path finder · {site_title}", site_title=site_title, body=body,
                scripts=("pathfind.js", "path.js"), head_extra=data, current="path.html")

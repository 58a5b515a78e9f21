"""The index: the framework at a glance, the ladder drawn per track, every role by
track and level, and a search box (JavaScript) that filters that list."""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from careerpath.model import Dataset, Role
from careerpath.site.ladder import Edge, Node, ladder_svg
from careerpath.site.markup import anchor, esc, link, page, role_href

NO_TRACK = "No track"
# Above these, a ladder is summarised (levels and move counts) instead of drawn role by role.
FULL_ROLES, FULL_EDGES = 40, 120


class Track(NamedTuple):
    name: str
    anchor: str
    roles: list[Role]  # by level, then title


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'s' if number != 1 else ''}"


def _natural(text: str) -> list[tuple[int, str]]:
    """Sort key: "track 2" before "track 10"."""
    # ASCII digits only: "²".isdigit() is true, but int("²") fails.
    return [(int(part), "") if part.isascii() and part.isdigit() else (-1, part)
            for part in re.split(r"([0-9]+)", text.casefold()) if part]


def tracks_of(dataset: Dataset) -> list[Track]:
    groups: dict[str, list[Role]] = {}
    for role in dataset.roles.values():
        groups.setdefault(role.track or NO_TRACK, []).append(role)
    names = sorted(groups, key=lambda name: (name == NO_TRACK, _natural(name), name))
    return [Track(name, f"track-{index + 1}-{anchor(name)}",
                  sorted(groups[name], key=lambda r: (r.level, r.title.casefold(), r.id)))
            for index, name in enumerate(names)]


def _role_nodes(roles: list[Role]) -> list[Node]:
    return [Node(r.id, r.title, r.level, role_href(r.id), f"{r.title} (level {r.level})",
                 ((r.track or "").casefold(), r.title.casefold(), r.id)) for r in roles]


def _full(dataset: Dataset, roles: list[Role], svg_id: str, caption: str) -> str:
    keep = {r.id for r in roles}
    edges = [Edge(p.source_id, p.target_id, p.kind) for p in dataset.progressions
             if p.source_id in keep and p.target_id in keep]
    return ladder_svg(_role_nodes(roles), edges, svg_id, caption)


def _summary(dataset: Dataset, track: Track, svg_id: str) -> str:
    """One node per level of the track, one arrow per pair of levels with its count of moves."""
    here = {r.id: r.level for r in track.roles}
    per_level = Counter(r.level for r in track.roles)
    pairs: Counter[tuple[int, int]] = Counter()
    promotions: Counter[tuple[int, int]] = Counter()
    for move in dataset.progressions:
        if move.source_id in here and move.target_id in here:
            pair = (here[move.source_id], here[move.target_id])
            pairs[pair] += 1
            promotions[pair] += move.kind == "promotion"
    nodes = []
    for level, count in sorted(per_level.items()):
        sideways = pairs[(level, level)]
        label = f"Level {level}: {_count(count, 'role')}" + (f", {sideways} lateral" if sideways else "")
        nodes.append(Node(str(level), label, level, f"#{track.anchor}-level-{level}",
                          f"{label} (moves within the level)", ()))
    edges = [Edge(str(a), str(b), "promotion" if promotions[(a, b)] else "lateral",
                  f"{count} move{'s' if count != 1 else ''}")
             for (a, b), count in sorted(pairs.items()) if a != b]
    caption = (f"{track.name}: {_count(len(track.roles), 'role')}, summarised by level; each arrow counts "
               "the moves between two levels (dashed: only lateral moves)")
    return ladder_svg(nodes, edges, svg_id, caption)


def _ladders(dataset: Dataset, tracks: list[Track]) -> str:
    legend = ('<p class="legend"><span class="key promotion"></span> promotion '
              '<span class="key lateral"></span> lateral move. Every box links to its role.</p>')
    if len(dataset.roles) <= FULL_ROLES:
        return legend + _full(dataset, list(dataset.roles.values()), "ladder-all",
                              f"The whole ladder: {_count(len(dataset.roles), 'role')}, "
                              f"{_count(len(dataset.progressions), 'move')}")
    parts = [legend, "<p>Drawn one track at a time (a large track as a summary of its levels); moves "
                     'between tracks are listed on the role pages.</p><div class="ladders">']
    for index, track in enumerate(tracks):
        svg_id = f"ladder-{index + 1}"
        inside = {r.id for r in track.roles}
        edge_count = sum(1 for p in dataset.progressions if p.source_id in inside and p.target_id in inside)
        drawing = (_full(dataset, track.roles, svg_id, f"{track.name}: {_count(len(track.roles), 'role')}")
                   if len(track.roles) <= FULL_ROLES and edge_count <= FULL_EDGES
                   else _summary(dataset, track, svg_id))
        parts.append(f'<div class="track-ladder"><h3 id="ladder-{track.anchor}">{esc(track.name)}</h3>'
                     f"{drawing}</div>")
    return "".join(parts) + "</div>"


def _levels_table(tracks: list[Track]) -> str:
    levels = sorted({r.level for t in tracks for r in t.roles})
    head = "".join(f'<th scope="col" class="num">{level}</th>' for level in levels)
    rows = []
    for track in tracks:
        cells = []
        for level in levels:
            count = sum(1 for r in track.roles if r.level == level)
            cells.append(f'<td class="num"><a href="#{track.anchor}-level-{level}">{count}</a></td>'
                         if count else '<td class="num">–</td>')
        rows.append(f'<tr><th scope="row"><a href="#{track.anchor}">{esc(track.name)}</a></th>'
                    f'{"".join(cells)}</tr>')
    return ('<div class="scroll"><table class="grid"><caption>Number of roles on each track at each '
            'level (1 is the most junior)</caption>'
            f'<thead><tr><th scope="col">Track</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _role_item(role: Role) -> str:
    terms = " ".join([role.title, *role.aliases, *role.skills]).casefold()
    aliases = f' <span class="aliases">({esc(", ".join(role.aliases))})</span>' if role.aliases else ""
    return f'<li data-terms="{esc(terms)}">{link(role_href(role.id), role.title)}{aliases}</li>'


def _role_lists(tracks: list[Track]) -> str:
    parts = []
    for track in tracks:
        parts.append(f'<section class="track" aria-labelledby="{track.anchor}">'
                     f'<h3 id="{track.anchor}">{esc(track.name)}</h3>')
        for level in sorted({r.level for r in track.roles}):
            items = "".join(_role_item(r) for r in track.roles if r.level == level)
            parts.append(f'<section class="level"><h4 id="{track.anchor}-level-{level}">Level {level}</h4>'
                         f'<ul class="roles">{items}</ul></section>')
        parts.append("</section>")
    return "".join(parts)


SEARCH = ('<div id="search" hidden><form class="search" role="search">'
          '<label for="search-box">Find a role by title, alias or skill</label> '
          '<input id="search-box" type="search" autocomplete="off" spellcheck="false">'
          '<p id="search-status" class="status" aria-live="polite"></p></form></div>')


def _sources(dataset: Dataset) -> str:
    """Every source the dataset lists, with publisher and licence (the attribution a
    licence such as O*NET's CC BY asks of whoever publishes the data)."""
    if not dataset.sources:
        return ""
    items = "".join(f"<li>{esc(dataset.citation(source))}</li>" for source in dataset.sources)
    return (f'\n<section aria-labelledby="sources"><h2 id="sources">Sources</h2>'
            f"<ul>{items}</ul></section>")


def index_page(dataset: Dataset, site_title: str) -> str:
    tracks = tracks_of(dataset)
    levels = sorted({r.level for r in dataset.roles.values()})
    level_span = f"level {levels[0]}" if len(levels) == 1 else f"levels {levels[0]} to {levels[-1]}"
    body = (
        f"<h1>{esc(site_title)}</h1>\n"
        f'<p class="lead">{_count(len(dataset.roles), "role")} on {_count(len(tracks), "track")}, '
        f'{level_span}, connected by {_count(len(dataset.progressions), "move")}. '
        "Each role has its own page; the "
        '<a href="path.html">path finder</a> shows the way from one role to another.</p>\n'
        f"{SEARCH}\n"
        f'<section aria-labelledby="ladder"><h2 id="ladder">The ladder</h2>'
        f"{_ladders(dataset, tracks)}</section>\n"
        f'<section aria-labelledby="tracks"><h2 id="tracks">Tracks and levels</h2>'
        f"{_levels_table(tracks)}</section>\n"
        f'<section aria-labelledby="roles"><h2 id="roles">Roles by track and level</h2>'
        f"{_role_lists(tracks)}</section>"
        f"{_sources(dataset)}"
    )
    return page(title=site_title, site_title=site_title, body=body, scripts=("search.js",),
                current="index.html")

"""The ladder as inline SVG, laid out by careerpath itself: one row per level (the
highest on top), promotions as solid arrows, lateral moves dashed, every node a link."""

from __future__ import annotations

from typing import NamedTuple

from careerpath.site.markup import esc

NODE_W, NODE_H, GAP_X, ROW_H, PAD = 156, 46, 22, 96, 16
LINE_CHARS = 22
# A drawing up to this wide is scaled to fit a wide screen (to no less than about 70 %,
# so its text stays readable); a wider one, or any on a narrow screen, scrolls sideways.
FIT_WIDTH = 1700


class Node(NamedTuple):
    key: str
    label: str
    level: int
    href: str
    tooltip: str
    order: tuple[str, ...]  # position within its row


class Edge(NamedTuple):
    source: str
    target: str
    kind: str
    label: str = ""


def _lines(label: str) -> list[str]:
    """At most two lines of the label, cut with an ellipsis: the tooltip has it whole."""
    words, lines, current = label.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > LINE_CHARS:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    lines = [line if len(line) <= LINE_CHARS else line[:LINE_CHARS - 1] + "…" for line in lines]
    if len(lines) > 2:
        lines = [lines[0], lines[1][:LINE_CHARS - 1] + "…"]
    return lines or [""]


def _untangle(rows: dict[int, list[Node]], levels: list[int], edges: list[Edge]) -> None:
    """Reorder each row by the median position of its neighbours in the other rows
    (a few median sweeps): fewer crossings. Nodes that tie are spread out
    from the middle, the most connected first, so hubs sit near the centre."""
    level_of = {n.key: level for level, row in rows.items() for n in row}
    neighbours: dict[str, list[str]] = {}
    degree: dict[str, int] = {}
    for edge in edges:
        degree[edge.source] = degree.get(edge.source, 0) + 1
        degree[edge.target] = degree.get(edge.target, 0) + 1
        if edge.source in level_of and edge.target in level_of:
            neighbours.setdefault(edge.source, []).append(edge.target)
            neighbours.setdefault(edge.target, []).append(edge.source)
    for level in levels:  # start with the most connected roles in the middle of each row
        rows[level][:] = _middle_out(rows[level], degree)
    for sweep in range(4):
        place = {n.key: (i + 0.5) / len(row) for row in rows.values() for i, n in enumerate(row)}
        for level in (levels if sweep % 2 else list(reversed(levels))):
            row = rows[level]

            def centre(node: Node, place: dict[str, float] = place, level: int = level) -> float:
                # The median of its neighbours in other rows: one far neighbour does not
                # pull a hub out of the middle (as a mean would), and moves within the
                # row are left to the spreading below.
                around = sorted(place[k] for k in neighbours.get(node.key, ())
                                if k in place and level_of[k] != level)
                if not around:
                    return place[node.key]
                half = len(around) // 2
                middle = around[half] if len(around) % 2 else (around[half - 1] + around[half]) / 2
                return round(middle, 6)
            ties: dict[float, list[Node]] = {}
            for node in row:
                ties.setdefault(centre(node), []).append(node)
            row[:] = [n for value in sorted(ties) for n in _middle_out(ties[value], degree)]
            place.update({n.key: (i + 0.5) / len(row) for i, n in enumerate(row)})


def _middle_out(group: list[Node], degree: dict[str, int]) -> list[Node]:
    ranked = sorted(group, key=lambda n: (-degree.get(n.key, 0), n.order))
    arranged: list[Node] = []
    for index, node in enumerate(ranked):
        if index % 2:
            arranged.insert(0, node)
        else:
            arranged.append(node)
    return arranged


Layout = tuple[dict[str, tuple[float, float]], int, int, list[int]]


def _positions(nodes: list[Node], edges: list[Edge]) -> Layout:
    levels = sorted({n.level for n in nodes}, reverse=True)
    rows = {level: sorted((n for n in nodes if n.level == level), key=lambda n: n.order)
            for level in levels}
    if len(nodes) <= 200:
        _untangle(rows, levels, edges)
    widest = max(len(row) for row in rows.values())
    width = PAD * 2 + widest * NODE_W + (widest - 1) * GAP_X + 40 + 70  # room for bowed arrows
    height = PAD * 2 + (len(levels) - 1) * ROW_H + NODE_H
    where: dict[str, tuple[float, float]] = {}
    for index, level in enumerate(levels):
        row = rows[level]
        used = len(row) * NODE_W + (len(row) - 1) * GAP_X
        left = 40 + PAD + (width - 110 - PAD * 2 - used) / 2
        for position, node in enumerate(row):
            where[node.key] = (left + position * (NODE_W + GAP_X), PAD + index * ROW_H)
    return where, width, height, levels


def _edge(edge: Edge, where: dict[str, tuple[float, float]], marker: str) -> str:
    (sx, sy), (tx, ty) = where[edge.source], where[edge.target]
    css = "promotion" if edge.kind == "promotion" else "lateral"
    if sy == ty:  # same row: an arc above the row
        x1, x2 = sx + NODE_W / 2, tx + NODE_W / 2
        bend = sy - 18 - min(abs(x2 - x1) / 8, 30)
        shape = f"M{x1:.0f},{sy:.0f} Q{(x1 + x2) / 2:.0f},{bend:.0f} {x2:.0f},{ty:.0f}"
    else:
        up = ty < sy
        x1, y1 = sx + NODE_W / 2, sy if up else sy + NODE_H
        x2, y2 = tx + NODE_W / 2, ty + NODE_H if up else ty
        shape = f"M{x1:.0f},{y1:.0f} L{x2:.0f},{y2:.0f}"
        if abs(sy - ty) > ROW_H and abs(sx - tx) < NODE_W:  # would cross the boxes between
            x1, x2 = sx + NODE_W * 0.8, tx + NODE_W * 0.8
            bow = max(x1, x2) + 30 + abs(sy - ty) / 8
            shape = f"M{x1:.0f},{y1:.0f} C{bow:.0f},{y1:.0f} {bow:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
    label = ""
    if edge.label:
        mx, my = (sx + tx) / 2 + NODE_W / 2, (sy + ty + NODE_H) / 2
        if abs(sy - ty) > ROW_H and abs(sx - tx) < NODE_W:
            mx = max(sx, tx) + NODE_W + abs(sy - ty) / 16
        label = f'<text class="edge-label" x="{mx + 4:.0f}" y="{my:.0f}">{esc(edge.label)}</text>'
    return f'<path class="edge {css}" d="{shape}" marker-end="url(#{marker})"/>{label}'


def _node(node: Node, x: float, y: float) -> str:
    lines = _lines(node.label)
    first = y + NODE_H / 2 + 5 - (len(lines) - 1) * 8
    texts = "".join(f'<text x="{x + NODE_W / 2:.0f}" y="{first + i * 16:.0f}">{esc(line)}</text>'
                    for i, line in enumerate(lines))
    return (f'<a href="{esc(node.href)}"><title>{esc(node.tooltip)}</title>'
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{NODE_W}" height="{NODE_H}" rx="6"/>{texts}</a>')


def ladder_svg(nodes: list[Node], edges: list[Edge], svg_id: str, caption: str) -> str:
    """One <svg>, `svg_id` unique in the page (its arrow marker is named after it)."""
    if not nodes:
        return ""
    where, width, height, levels = _positions(nodes, edges)
    marker = f"{svg_id}-arrow"
    rows = "".join(f'<text class="row-label" x="4" y="{PAD + i * ROW_H + NODE_H / 2 + 5:.0f}">L{level}</text>'
                   for i, level in enumerate(levels))
    known = set(where)
    drawn = "".join(_edge(e, where, marker) for e in edges if e.source in known and e.target in known)
    boxes = "".join(_node(n, *where[n.key]) for n in nodes)
    fit = " fit" if width <= FIT_WIDTH else ""
    # role="group", not "img": an image's content is hidden from assistive technology,
    # and the boxes are links a screen reader must reach.
    return (f'<figure class="ladder{fit}"><div class="scroll">'
            f'<svg id="{svg_id}" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="group" aria-labelledby="{svg_id}-title">'
            f'<title id="{svg_id}-title">{esc(caption)}</title>'
            f'<defs><marker id="{marker}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>'
            f"{rows}{drawn}{boxes}</svg></div>"
            f"<figcaption>{esc(caption)}</figcaption></figure>")

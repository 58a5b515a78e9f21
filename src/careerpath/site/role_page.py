"""The page of one role: its card and the moves into and out of it."""

from __future__ import annotations

from urllib.parse import quote

from careerpath.model import Dataset, Progression, Role, proficiency_label
from careerpath.site.markup import esc, link, page, role_href

EXPERIENCE_NAMES = {"entry": "Entry", "mid": "Mid", "senior": "Senior"}


def _list(items: tuple[str, ...] | list[str]) -> str:
    return "<ul>" + "".join(f"<li>{esc(item)}</li>" for item in items) + "</ul>"


def _section(heading: str, section_id: str, content: str) -> str:
    return (f'<section aria-labelledby="{section_id}"><h2 id="{section_id}">{heading}</h2>\n'
            f"{content}</section>\n")


def _skills(role: Role) -> str:
    ranked = sorted(role.skills.items(), key=lambda item: (-item[1], item[0].casefold()))
    rows = "".join(
        f'<tr><th scope="row">{esc(name)}</th><td class="num">{level}</td>'
        f'<td><span class="meter" data-level="{min(max(level, 0), 5)}" aria-hidden="true"></span>'
        f"{esc(proficiency_label(level))}</td></tr>"
        for name, level in ranked)
    return ('<table class="skills"><caption>Proficiency: 1 awareness, 2 foundational, 3 working, '
            "4 practitioner, 5 expert</caption>"
            '<thead><tr><th scope="col">Skill</th><th scope="col">Level</th>'
            f'<th scope="col">Proficiency</th></tr></thead><tbody>{rows}</tbody></table>')


def _activities(role: Role) -> str:
    parts = []
    for level, items in role.activities.items():
        if items:
            name = EXPERIENCE_NAMES.get(level, level.capitalize())
            parts.append(f'<section class="experience"><h3>{esc(name)}</h3>{_list(items)}</section>')
    return '<div class="experiences">' + "".join(parts) + "</div>"


def _move_item(move: Progression, other: Role, arrow: str) -> str:
    facts = [move.kind]
    if move.years is not None:
        facts.append(f"typically after {move.years} in the role" if arrow == "to"
                     else f"after {move.years} as {other.title}")
    note = f'<br><span class="note">{esc(move.note)}</span>' if move.note else ""
    return (f'<li class="move {esc(move.kind)}">{link(role_href(other.id, "../"), other.title)} '
            f'<span class="level">level {other.level}</span> '
            f'<span class="facts">({esc(", ".join(facts))})</span>{note}</li>')


def _moves(dataset: Dataset, moves_in: list[Progression], moves_out: list[Progression]) -> str:
    def ordered(moves: list[Progression], end: str) -> list[tuple[Progression, Role]]:
        pairs = [(m, dataset.roles[getattr(m, end)]) for m in moves]
        return sorted(pairs, key=lambda p: (p[0].kind != "promotion", p[1].level,
                                            p[1].title.casefold()))

    out = "".join(_move_item(m, other, "to") for m, other in ordered(moves_out, "target_id"))
    into = "".join(_move_item(m, other, "from") for m, other in ordered(moves_in, "source_id"))
    return ('<h3 id="moves-out">Moves out of this role</h3>'
            + (f'<ul class="moves">{out}</ul>' if out else "<p>None in the data: a top of the ladder.</p>")
            + '<h3 id="moves-in">Moves into this role</h3>'
            + (f'<ul class="moves">{into}</ul>' if into else "<p>None in the data: a way in.</p>"))


def role_page(dataset: Dataset, role: Role, site_title: str,
              moves_in: list[Progression], moves_out: list[Progression]) -> str:
    facts = [f"<dt>Level</dt><dd>{role.level}</dd>"]
    if role.track:
        facts.append(f"<dt>Track</dt><dd>{esc(role.track)}</dd>")
    if role.aliases:
        facts.append(f"<dt>Also called</dt><dd>{esc(', '.join(role.aliases))}</dd>")
    parent = dataset.roles.get(role.specialization_of or "")
    if parent is not None:
        parent_link = link(role_href(parent.id, "../"), parent.title)
        facts.append(f"<dt>A specialisation of</dt><dd>{parent_link}</dd>")
    facts.append(f"<dt>Id</dt><dd><code>{esc(role.id)}</code></dd>")
    body = [f"<h1>{esc(role.title)}</h1>", f'<dl class="facts">{"".join(facts)}</dl>']
    if role.summary:
        body.append(f'<p class="summary">{esc(role.summary)}</p>')
    if role.responsibilities:
        body.append(_section("Responsibilities", "responsibilities", _list(role.responsibilities)))
    if any(role.activities.values()):
        body.append(_section("Day-to-day work by experience", "activities", _activities(role)))
    if role.skills:
        body.append(_section("Skills", "skills", _skills(role)))
    if role.outcomes:
        body.append(_section("Outcomes", "outcomes", _list(role.outcomes)))
    body.append(_section("Moves", "moves", _moves(dataset, moves_in, moves_out)
                         + f'<p><a href="../path.html?from={quote(role.id, safe="")}">'
                           "Find a path from this role</a></p>"))
    cited = dataset.citations(role.source, modelled=role.modelled)
    if cited:  # each with its publisher and licence: attribution a licence may ask for
        body.append(_section("Sources", "source", _list(cited)))
    return page(title=f"{role.title} · {site_title}", site_title=site_title,
                body="\n".join(body), prefix="../")

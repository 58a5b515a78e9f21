"""`careerpath site`: valid pages, hostile data kept as text, links that resolve, safe writes."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.loader import load_dataset
from careerpath.schema_values import hidden_character
from careerpath.site.markup import role_href, script_json, shown
from careerpath.site.path_page import graph_data

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
OUR_SCRIPTS = {"assets/search.js", "assets/pathfind.js", "assets/path.js"}

EVIL = ('<script>alert(1)</script> "><img src=x onerror=alert(1)> javascript:alert(1) </script>\u2028x'
        "\x01\x9b\r\ufdd0\U0010ffff\u202eevil")
# Names (titles, aliases, skills) may not hold hidden characters (the loader refuses
# them); free text may, and must come out escaped.
NAME_EVIL = "".join(char for char in EVIL if hidden_character(char) is None)


def q(text: str) -> str:
    """A YAML double-quoted string (JSON's, but astral characters as YAML's \\U escapes)."""
    return json.dumps(text).replace("\\udbff\\udfff", "\\U0010FFFF")


HOSTILE_ROLES = f"""\
roles:
  - id: evil
    title: {q("Evil " + NAME_EVIL)}
    level: 1
    aliases: [{q("javascript:alert(1)")}, {q('"><img onerror=alert(1)>')}]
    track: {q("<b>track</b></script>")}
    summary: {q(EVIL)}
    responsibilities: [{q(EVIL)}]
    activities: {{entry: [{q(EVIL)}]}}
    skills: {{{q("<script>x</script>")}: 3, {q("__proto__")}: 2}}
    outcomes: [{q(EVIL)}]
    source: {q("javascript:alert(1)")}
  - id: worse
    title: {q("</script><script>alert(2)</script>")}
    level: 2
    track: {q("<b>track</b></script>")}
    skills: {{{q("<script>x</script>")}: 5, {q("on" + NAME_EVIL)}: 1}}
"""
HOSTILE_MOVES = f"""\
progressions:
  - {{from: evil, to: worse, years: [1, 2], note: {q(EVIL)}}}
"""


def parse(file: Path) -> Any:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    return parser.parse(file.read_bytes(), transport_encoding="utf-8")


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def elements(tree: Any) -> Iterator[Any]:
    yield from tree.iter()


def local(tag: str) -> str:
    return tag.split("}")[-1]


@pytest.fixture
def build(run: Callable[..., Any], tmp_path: Path) -> Callable[..., Path]:
    def make(data: Path | None = None, *extra: str) -> Path:
        out = tmp_path / "site"
        args = (["--data", data] if data else []) + ["site", "-o", out, *extra]
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == f"wrote {len(pages(out))} pages to {out}; open {out}/index.html\n"
        return out
    return make


def test_builtin_site_pages_are_valid_html5_with_one_h1_and_headings_in_order(build: Any) -> None:
    site = build()
    assert {p.relative_to(site).as_posix() for p in pages(site)} >= {
        "index.html", "path.html", "roles/ecommerce-manager.html", "roles/chief-digital-officer.html"}
    assert len(pages(site)) == 2 + len(load_dataset().roles)
    check_structure(site)


def check_structure(site: Path) -> None:
    for file in pages(site):
        tree = parse(file)  # strict: raises on any parse error
        assert tree.get("lang") == "en", file
        levels = [int(local(e.tag)[1]) for e in elements(tree) if re.fullmatch(r"h[1-6]", local(e.tag))]
        assert levels[0] == 1 and levels.count(1) == 1, file
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (file, levels)
        ids = [e.get("id") for e in elements(tree) if e.get("id")]
        assert len(ids) == len(set(ids)), file
        labelled = {e.get("for") for e in elements(tree) if local(e.tag) == "label"}
        for control in elements(tree):
            if local(control.tag) in ("input", "select", "textarea"):
                assert control.get("id") in labelled, (file, control.get("id"))


def test_role_page_shows_the_card_and_links_the_moves(build: Any) -> None:
    tree = parse(build() / "roles" / "ecommerce-manager.html")
    text = " ".join("".join(e.itertext()) for e in elements(tree) if local(e.tag) == "main")
    for expected in ("Ecommerce Manager", "Responsibilities", "Day-to-day work by experience",
                     "practitioner", "Moves out of this role", "Moves into this role", "Source"):
        assert expected in text
    hrefs = [e.get("href") for e in elements(tree) if local(e.tag) == "a"]
    assert {"../roles/senior-ecommerce-manager.html", "../roles/ecommerce-coordinator.html"} <= set(hrefs)
    assert "../path.html?from=ecommerce-manager" in hrefs


def test_every_internal_link_resolves_to_a_written_file_and_fragment(build: Any) -> None:
    site = build()
    ids = {file.resolve(): {e.get("id") for e in elements(parse(file)) if e.get("id")}
           for file in pages(site)}
    checked = 0
    for file in pages(site):
        for element in elements(parse(file)):
            for attr in ("href", "src"):
                target = element.get(attr)
                if target is None or (target.startswith("#") and not target[1:]):
                    continue
                parts = urlsplit(target)
                assert not parts.scheme and not parts.netloc, (file, target)  # nothing leaves the site
                dest = (file.parent / unquote(parts.path)).resolve() if parts.path else file
                assert dest.is_file(), (file, target)
                if parts.fragment:
                    assert parts.fragment in ids[dest], (file, target)
                checked += 1
    assert checked > 250


def test_hostile_data_is_text_in_every_page(build: Any, make_dataset: Any) -> None:
    data = make_dataset(HOSTILE_ROLES, HOSTILE_MOVES)
    site = build(data)
    for file in pages(site):
        tree = parse(file)
        for element in elements(tree):
            name = local(element.tag)
            assert name not in ("img", "b", "iframe", "object", "embed"), (file, name)
            for attr, value in element.attrib.items():
                assert not local(attr).lower().startswith("on"), (file, attr)
                if local(attr) in ("href", "src", "action"):
                    assert not value.strip().lower().startswith("javascript:"), (file, value)
            if name == "script":
                src = element.get("src")
                if src is None:
                    assert element.get("type") == "application/json" and file.name == "path.html"
                    embedded = element.text or ""
                    assert "<" not in embedded and "\u2028" not in embedded
                    assert json.loads(embedded) == json.loads(json.dumps(graph_data(load_dataset(str(data)))))
                else:
                    assert src.replace("../", "") in OUR_SCRIPTS
    titled = build(data, "--force", "--title", EVIL)
    heading = [e for e in elements(parse(titled / "index.html")) if e.tag in (XHTML + "h1", XHTML + "title")]
    assert ["".join(e.itertext()) for e in heading] == [shown(EVIL), shown(EVIL)]
    check_structure(site)
    role = parse(site / "roles" / "evil.html")
    h1 = [e for e in elements(role) if local(e.tag) == "h1"]
    assert "".join(h1[0].itertext()) == "Evil " + shown(NAME_EVIL) == (
        'Evil <script>alert(1)</script> "><img src=x onerror=alert(1)> javascript:alert(1) </script>'
        "x\\ufdd0\\u10ffffevil")
    # Free text keeps every hidden character, shown as an escape.
    assert shown(EVIL) in "".join(role.itertext())


def test_script_json_cannot_end_the_script_element() -> None:
    text = script_json({"a": "</script><!-- & \u2028\u2029 > é\x9b\ufdd0"})
    assert text == ('{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 \\u003e '
                    '\\u00e9\\u009b\\ufdd0"}')
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 > é\x9b\ufdd0"}


@pytest.mark.parametrize(("role_id", "href"), [
    ("ecommerce-manager", "roles/ecommerce-manager.html"),
    ("a b/c?d#e", "roles/a%20b%2Fc%3Fd%23e.html"),
    ("é", "roles/%C3%A9.html"),
])
def test_role_ids_are_percent_encoded_in_links(role_id: str, href: str) -> None:
    assert role_href(role_id) == href


def test_ladder_of_a_big_dataset_is_drawn_per_track_and_summarised(build: Any, make_dataset: Any) -> None:
    roles = ["roles:"] + [f"  - {{id: r{i}, title: Role {i}, level: {i % 5 + 1}, "
                          f"track: {'big' if i < 60 else 'small'}}}" for i in range(70)]
    moves = ["progressions:"] + [f"  - {{from: r{i}, to: r{i + 1}}}" for i in range(69) if i % 5 != 4]
    site = build(make_dataset("\n".join(roles) + "\n", "\n".join(moves) + "\n"))
    check_structure(site)
    svgs = [e for e in elements(parse(site / "index.html")) if e.tag == SVG + "svg"]
    assert [s.get("id") for s in svgs] == ["ladder-1", "ladder-2"]
    big = [e.get("href") for e in svgs[0].iter() if e.tag == SVG + "a"]
    assert big == [f"#track-1-big-level-{level}" for level in (1, 2, 3, 4, 5)]  # summary nodes
    small = {e.get("href") for e in svgs[1].iter() if e.tag == SVG + "a"}
    assert small == {f"roles/r{i}.html" for i in range(60, 70)}
    lines = [e for e in svgs[1].iter() if e.tag == SVG + "path" and "edge" in (e.get("class") or "")]
    assert len(lines) == 8 and all("promotion" in e.get("class") for e in lines)


def test_lateral_moves_are_dashed_promotions_solid(build: Any, small: Path) -> None:
    svg = next(e for e in elements(parse(build(small) / "index.html")) if e.tag == SVG + "svg")
    kinds = sorted(e.get("class") for e in svg.iter() if e.tag == SVG + "path" and e.get("class"))
    assert kinds == ["edge lateral"] + ["edge promotion"] * 7


def test_existing_folder_needs_force(run: Any, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run("site", "-o", out).exit_code == 0
    (out / "index.html").write_text("old", encoding="utf-8")
    refused = run("site", "-o", out)
    assert (refused.exit_code, refused.stderr) == (
        2, f"error: {out} already exists; add --force to replace it\n")
    assert (out / "index.html").read_text(encoding="utf-8") == "old"
    assert run("site", "-o", out, "--force", "--title", "Ours").exit_code == 0
    assert "<title>Ours</title>" in (out / "index.html").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers


def test_force_never_replaces_a_folder_careerpath_did_not_write(run: Any, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.txt").write_text("precious", encoding="utf-8")
    result = run("site", "-o", mine, "--force")
    assert result.exit_code == 2
    assert result.stderr == (f"error: {mine} is not a site careerpath wrote (no .careerpath-site in it); "
                             "refusing to replace it\n")
    assert (mine / "thesis.txt").read_text(encoding="utf-8") == "precious"
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    assert run("site", "-o", a_file, "--force").stderr == (
        f"error: {a_file} exists and is not a folder; refusing to replace it\n")
    missing = run("site", "-o", tmp_path / "no" / "site")
    assert (missing.exit_code, missing.stderr) == (
        2, f"error: cannot write {tmp_path / 'no' / 'site'}: folder {tmp_path / 'no'} does not exist\n")


def test_force_keeps_files_the_user_added_to_a_site(run: Any, tmp_path: Path) -> None:
    # A CNAME for GitHub Pages, a note in roles/: replacing the folder would delete them.
    out = tmp_path / "site"
    assert run("site", "-o", out).exit_code == 0
    assert run("site", "-o", out, "--force").exit_code == 0  # a site alone is replaced
    (out / "CNAME").write_text("careers.example.org", encoding="utf-8")
    (out / "roles" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("site", "-o", out, "--force")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"error: {out} holds files a site does not write (CNAME, "
                             "roles/notes.txt); not replacing it, even with --force\n")
    assert (out / "CNAME").read_text(encoding="utf-8") == "careers.example.org"


@pytest.mark.parametrize("name", ["", "-", " "])
def test_site_needs_a_folder_name(run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  name: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("site", "-o", name)
    assert (result.exit_code, result.stderr) == (
        2, f"error: -o needs the name of a folder to write the site to, got '{name}'\n")
    assert list(tmp_path.iterdir()) == []


def test_relative_and_dot_targets(run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("site", "-o", "out/").exit_code == 0
    again = run("site", "-o", "out/")
    assert (again.exit_code, again.stderr) == (2, "error: out/ already exists; add --force to replace it\n")
    monkeypatch.chdir(tmp_path / "out")
    assert run("site", "-o", ".", "--force", "--title", "Here").exit_code == 0
    assert "<title>Here</title>" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_force_on_an_empty_folder_writes_the_site(run: Any, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert run("site", "-o", tmp_path / "empty", "--force").exit_code == 0
    assert (tmp_path / "empty" / "path.html").is_file()


@settings(max_examples=40, deadline=None)
@given(title=st.text(min_size=1), summary=st.text(), skill=st.text(min_size=1),
       track=st.one_of(st.none(), st.text()), note=st.one_of(st.none(), st.text()))
def test_random_text_is_shown_as_text(title: str, summary: str, skill: str, track: str | None,
                                      note: str | None) -> None:
    from careerpath.model import Dataset, Progression, Role
    from careerpath.site import write_pages

    first = Role("a", title, 1, aliases=(summary,), track=track, summary=summary or None,
                 responsibilities=(summary,), skills={skill: 2})
    second = Role("b", title + " 2", 2, track=summary, skills={skill: 4, summary: 1})
    dataset = Dataset({"a": first, "b": second}, (Progression("a", "b", note=note),))
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        site.mkdir()
        write_pages(dataset, site, title)
        check_structure(site)
        for file in pages(site):
            for element in elements(parse(file)):
                assert local(element.tag) not in ("img", "iframe", "object", "embed")
                assert not any(local(a).lower().startswith("on") for a in element.attrib)
        role = parse(site / "roles" / "a.html")
        assert ["".join(e.itertext()) for e in elements(role) if e.tag == XHTML + "h1"] == [shown(title)]
        data = next(e for e in elements(parse(site / "path.html")) if e.get("id") == "graph-data")
        assert json.loads(data.text or "") == graph_data(dataset)


def test_a_failed_replace_puts_the_previous_site_back(run: Any, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site"
    assert run("site", "-o", out, "--title", "First").exit_code == 0
    real_rename = os.rename

    def failing(source: Any, target: Any) -> None:
        if str(source).endswith(".new"):
            raise KeyboardInterrupt  # Ctrl-C between moving the old site away and renaming the new
        real_rename(source, target)
    monkeypatch.setattr(os, "rename", failing)
    assert run("site", "-o", out, "--force", "--title", "Second").exit_code != 0  # click: "Aborted!"
    assert "<title>First</title>" in (out / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_search_terms_hold_title_aliases_and_skills(build: Any) -> None:
    index = parse(build() / "index.html")
    item = next(e for e in elements(index) if local(e.tag) == "li"
                and any(a.get("href") == "roles/ecommerce-manager.html" for a in e))
    terms = item.get("data-terms")
    assert terms.startswith("ecommerce manager manager em ecommerce mgr ")
    assert "seo" in terms.split(" ") and "web analytics" in terms


def _row_of(svg: Any, role_id: str) -> tuple[int, list[float]]:
    """The position of a role's box in its row of the ladder, and the row's x positions."""
    boxes = {}
    for a in svg.iter(SVG + "a"):
        rect = a.find(SVG + "rect")
        boxes[a.get("href")] = (float(rect.get("x")), float(rect.get("y")))
    x, y = boxes[f"roles/{role_id}.html"]
    row = sorted(bx for bx, by in boxes.values() if by == y)
    return row.index(x), row


def test_ladder_keeps_the_hubs_in_the_middle_of_their_rows(build: Any) -> None:
    # Each hub has a lateral move to every other role of its row, and one move that skips
    # a level: a mean of neighbour positions pulled it to the row's end, so every lateral
    # arc crossed the whole row. The median keeps it in the middle.
    svg = next(e for e in elements(parse(build() / "index.html")) if e.tag == SVG + "svg")
    position, row = _row_of(svg, "ecommerce-director")
    assert (position, len(row)) == (3, 7)
    position, row = _row_of(svg, "ecommerce-manager")
    assert len(row) == 8 and position in (3, 4)


def test_ladder_is_a_group_of_links_that_fits_a_wide_screen_when_it_can() -> None:
    from careerpath.site.ladder import FIT_WIDTH, Node, ladder_svg

    def drawing(count: int) -> Any:
        nodes = [Node(f"r{i}", f"Role {i}", 1, f"roles/r{i}.html", f"Role {i}", (f"{i:03}",))
                 for i in range(count)]
        html = f"<!DOCTYPE html><html lang=en><title>x</title>{ladder_svg(nodes, [], 'l', 'cap')}</html>"
        tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(html)
        figure = next(e for e in tree.iter() if local(e.tag) == "figure")
        svg = next(e for e in tree.iter() if e.tag == SVG + "svg")
        return figure.get("class").split(), int(svg.get("width")), svg.get("role")

    classes, width, role = drawing(8)
    # Not role="img": that would hide the boxes, which are links, from screen readers.
    assert role == "group" and width <= FIT_WIDTH and classes == ["ladder", "fit"]
    classes, width, role = drawing(12)
    assert width > FIT_WIDTH and classes == ["ladder"]  # scrolls sideways instead


def test_finder_needs_both_roles_before_it_submits(build: Any) -> None:
    tree = parse(build() / "path.html")
    selects = {e.get("id"): e for e in elements(tree) if local(e.tag) == "select"}
    for name in ("from", "to"):
        options = [o for o in selects[name] if local(o.tag) == "option"]
        assert selects[name].get("required") is not None, name
        assert [(o.get("value"), o.text) for o in options] == [("", "Choose a role")]
    assert selects["via"].get("required") is None and selects["avoid"].get("required") is None

"""The site's path finder (JavaScript, run here under node) gives the same path as
`careerpath path` on random small graphs full of ties, vias and avoided roles."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from importlib import resources
from typing import Any

import pytest

from careerpath.errors import NoAnswer, UsageError
from careerpath.graph import PathQuery, find_paths
from careerpath.model import Dataset, Progression, Role, Years, normal_name
from careerpath.site.path_page import graph_data

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed: cannot run the site's JS")

RUNNER = """
const find = require(process.argv[1]);
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = cases.map(c => {
  const graph = new find.Graph(c.data);
  return c.queries.map(q => {
    const found = graph.find(q);
    return found.error ? {error: found.error}
      : {roles: found.roles, skills: graph.skills(found.roles), stopped: found.stoppedEarly};
  });
});
process.stdout.write(JSON.stringify(out));
"""

YEARS: list[Years | None] = [None, None, Years(0, 0), Years(1, 1), Years(2, 2), Years(1, 3),
                             Years(0.5, 1.5), Years(2, 4), Years(0.25, 0.25), Years(0.005, 0.005)]
SKILLS = ["SQL", "sql", "Écriture", "Zeta", "alpha", "Ops", "ẞtrategy", "St", "ꭰ skill", "ア skill"]


def random_dataset(rng: random.Random) -> Dataset:
    count = rng.randint(2, 8)
    roles = {}
    for index in range(count):
        role_id = f"r{rng.choice('abc')}{index}"  # ids whose order differs from creation order
        skills = {name: rng.randint(1, 5) for name in rng.sample(SKILLS, rng.randint(0, 4))}
        roles[role_id] = Role(role_id, f"Role {index}", rng.randint(1, 4), skills=skills)
    ids = list(roles)
    moves = {}
    for _ in range(rng.randint(0, count * 3)):
        a, b = rng.sample(ids, 2)
        kind = "promotion" if roles[b].level > roles[a].level and rng.random() < 0.8 else "lateral"
        moves[(a, b)] = Progression(a, b, kind, rng.choice(YEARS))
    return Dataset(roles, tuple(moves.values()))


def random_queries(rng: random.Random, dataset: Dataset) -> list[PathQuery]:
    ids = list(dataset.roles)
    queries = [PathQuery(a, b) for a in ids for b in ids]
    for _ in range(10):
        a, b = rng.choice(ids), rng.choice(ids)
        via = tuple(rng.sample(ids, rng.randint(0, min(2, len(ids)))))
        avoid = tuple(rng.sample(ids, rng.randint(0, 1)))
        queries.append(PathQuery(a, b, via=via, avoid=avoid, promotions_only=rng.random() < 0.3))
    return queries


def python_answer(dataset: Dataset, query: PathQuery) -> Any:
    try:
        return find_paths(dataset, query).paths[0].roles
    except NoAnswer:
        return "no path"
    except UsageError:
        return "usage"


def reference_skills(dataset: Dataset, roles: list[str]) -> dict[str, Any]:
    """The rule the site promises, written plainly: spellings with one `normal_name`
    are one skill (its highest level in a role), named as the role that raised it."""
    def ordered(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return sorted(items, key=lambda s: (-(s["need"] - (s["have"] or 0)), s["name"].casefold()))

    def folded(role_id: str) -> dict[str, tuple[str, int]]:
        skills: dict[str, tuple[str, int]] = {}
        for name, level in dataset.roles[role_id].skills.items():
            key = normal_name(name)
            if key not in skills or level > skills[key][1]:
                skills[key] = (name, level)
        return skills

    start = {key: level for key, (_, level) in folded(roles[0]).items()}
    held, spelled, steps = dict(start), {}, []
    for role_id in roles[1:]:
        raised = {key: (name, need) for key, (name, need) in folded(role_id).items()
                  if need > held.get(key, 0)}
        steps.append(ordered([{"name": name, "have": held.get(key), "need": need}
                              for key, (name, need) in raised.items()]))
        for key, (name, need) in raised.items():
            held[key], spelled[key] = need, name
    total = [{"name": spelled[key], "have": start.get(key), "need": level}
             for key, level in held.items() if level > start.get(key, 0)]
    return {"steps": steps, "total": ordered(total)}


def run_js(cases: list[dict[str, Any]]) -> Any:
    script = resources.files("careerpath.site") / "assets" / "pathfind.js"
    done = subprocess.run([str(NODE), "-e", RUNNER, str(script)], input=json.dumps(cases),
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def test_js_path_finder_agrees_with_careerpath_path() -> None:
    rng = random.Random(14)
    datasets = [random_dataset(rng) for _ in range(150)]
    queries = [random_queries(rng, d) for d in datasets]
    cases = [{"data": graph_data(d), "queries": [
        {"from": q.source, "to": q.target, "via": list(q.via), "avoid": list(q.avoid),
         "promotionsOnly": q.promotions_only} for q in qs]} for d, qs in zip(datasets, queries)]
    results = run_js(cases)
    compared = found = 0
    for dataset, qs, answers in zip(datasets, queries, results):
        for query, js in zip(qs, answers):
            expected = python_answer(dataset, query)
            compared += 1
            if isinstance(expected, tuple):
                found += 1
                assert js.get("roles") == list(expected), (dataset, query, js)
                assert js["stopped"] is False
                assert js["skills"] == reference_skills(dataset, list(expected)), (dataset, query)
            elif expected == "no path":
                assert js["error"].startswith("no path from"), (dataset, query, js)
            else:
                assert "error" in js and not js["error"].startswith("no path"), (dataset, query, js)
    assert compared > 3000 and found > 500  # the generator reaches real paths, not only misses


def test_year_units_round_half_up_at_the_midpoint() -> None:
    script = resources.files("careerpath.site") / "assets" / "pathfind.js"
    code = f"const f = require({json.dumps(str(script))}); console.log(JSON.stringify(" \
           "[[1, 3], [0.005, 0.005], [0.25, 0.25], [1.5, 2]].map(p => f.yearUnits(p[0], p[1]))))"
    done = subprocess.run([str(NODE), "-e", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [200, 1, 25, 175]

/* The path finder page: read the question from the URL, answer it with
 * pathfind.js, and show it. Data text only ever goes in as text nodes. */
(function () {
  "use strict";
  var LABELS = {1: "awareness", 2: "foundational", 3: "working", 4: "practitioner", 5: "expert"};

  // Like the pages and the terminal: control characters, bidi overrides and
  // noncharacters in the data are shown as escapes, not obeyed.
  function shown(text) {
    return Array.from(String(text)).map(function (ch) {
      var c = ch.codePointAt(0);
      var unsafe = (c <= 0x1f && c !== 9 && c !== 10) || (c >= 0x7f && c <= 0x9f) || c === 0x200e ||
        c === 0x200f || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) ||
        (c >= 0x2066 && c <= 0x2069) || (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) === 0xfffe;
      if (!unsafe) { return ch; }
      var hex = c.toString(16);
      return c < 0x100 ? "\\x" + ("0" + hex).slice(-2) : "\\u" + ("000" + hex).slice(-Math.max(4, hex.length));
    }).join("");
  }
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = shown(text); }
    if (className) { node.className = className; }
    return node;
  }
  function roleLink(role) {
    var a = el("a", role.title);
    a.setAttribute("href", "roles/" + encodeURIComponent(role.id) + ".html");
    return a;
  }
  function yearsText(years) {
    if (!years) { return null; }
    var unit = years.max === 1 ? "year" : "years";
    return years.min === years.max ? years.min + " " + unit : years.min + "–" + years.max + " " + unit;
  }
  function level(n) { return n + " " + (LABELS[n] || ""); }
  function skillText(skill) {
    return skill.name + ": " + (skill.have === null ? "new" : String(skill.have)) + " → " + level(skill.need).trim();
  }
  function skillList(skills, empty) {
    if (!skills.length) { return el("p", empty, "none"); }
    var ul = el("ul", null, "skills-to-build");
    skills.forEach(function (s) { ul.appendChild(el("li", skillText(s))); });
    return ul;
  }

  function fillSelects(graph) {
    var roles = Array.from(graph.roles.values()).sort(function (a, b) {
      return a.level - b.level || (a.title.toLowerCase() < b.title.toLowerCase() ? -1 : a.title.toLowerCase() > b.title.toLowerCase() ? 1 : 0);
    });
    ["from", "to", "via", "avoid"].forEach(function (name) {
      var select = document.getElementById(name);
      roles.forEach(function (role) {
        var option = el("option", role.title + " (level " + role.level + ")");
        option.value = role.id;
        select.appendChild(option);
      });
    });
  }

  function setSelected(name, values) {
    Array.from(document.getElementById(name).options).forEach(function (option) {
      option.selected = values.indexOf(option.value) >= 0;
    });
  }

  function total(path) {
    var min = 0, max = 0;
    for (var i = 0; i < path.moves.length; i++) {
      if (!path.moves[i].years) { return null; }
      // rounded as careerpath rounds a sum of years: 0.1 + 0.2 is 0.3
      min = Math.round((min + path.moves[i].years.min) * 1e9) / 1e9;
      max = Math.round((max + path.moves[i].years.max) * 1e9) / 1e9;
    }
    return {min: min, max: max};
  }

  function show(graph, query, body, section) {
    var found = graph.find(query);
    if (found.error) {
      body.appendChild(el("p", found.error, "error"));
      section.setAttribute("data-result", JSON.stringify({error: found.error, roles: null}));
      return;
    }
    var skills = graph.skills(found.roles), years = total(found), first = graph.roles.get(found.roles[0]);
    var last = graph.roles.get(found.roles[found.roles.length - 1]);
    document.title = first.title + " → " + last.title + " · " + document.title;
    var moves = found.moves.length;
    body.appendChild(el("p", moves + " move" + (moves === 1 ? "" : "s") + (years
      ? ", typically " + yearsText(years) + " in all." : "; typical years are not known for every move."), "lead"));
    if (found.stoppedEarly) { body.appendChild(el("p", "The search stopped early: this is the best path found.", "note")); }
    var ol = el("ol", null, "path");
    var start = el("li", null, "start");
    start.appendChild(el("span", "Start: ", "kind"));
    start.appendChild(roleLink(first));
    start.appendChild(el("span", " level " + first.level, "level"));
    ol.appendChild(start);
    var steps = found.moves.map(function (move, i) {
      var to = graph.roles.get(move.to), li = el("li", null, "step " + move.kind);
      li.appendChild(el("span", (move.kind === "promotion" ? "Promotion" : "Lateral move") + " to ", "kind"));
      li.appendChild(roleLink(to));
      li.appendChild(el("span", " level " + to.level, "level"));
      var typical = yearsText(move.years);
      if (typical) { li.appendChild(el("p", "Typically after " + typical + " as " + graph.roles.get(move.from).title + ".", "years")); }
      if (move.note) { li.appendChild(el("p", move.note, "note")); }
      li.appendChild(el("p", "Skills to build:", "skills-head"));
      li.appendChild(skillList(skills.steps[i], "No new skills to build."));
      ol.appendChild(li);
      return {from: move.from, to: move.to, kind: move.kind, years: move.years, note: move.note,
              skills: skills.steps[i]};
    });
    body.appendChild(ol);
    body.appendChild(el("h3", "All the skills this path builds"));
    body.appendChild(skillList(skills.total, "None beyond what the first role has."));
    var command = ["careerpath path", first.id, last.id].concat(
      query.via.map(function (v) { return "--via " + v; }), query.avoid.map(function (a) { return "--avoid " + a; }),
      query.promotionsOnly ? ["--promotions-only"] : []).join(" ");
    var cli = el("p", "The same question on the command line: ", "cli");
    cli.appendChild(el("code", command));
    body.appendChild(cli);
    section.setAttribute("data-result", JSON.stringify({
      from: first.id, to: last.id, roles: found.roles, moves: moves, years: years,
      stopped_early: found.stoppedEarly, steps: steps, skills: skills.total}));
  }

  function start() {
    var graph = new window.careerpathFind.Graph(JSON.parse(document.getElementById("graph-data").textContent));
    var form = document.getElementById("finder");
    fillSelects(graph);
    form.hidden = false;
    var params = new URLSearchParams(window.location.search);
    var query = {from: params.get("from") || "", to: params.get("to") || "", via: params.getAll("via"),
                 avoid: params.getAll("avoid"), promotionsOnly: params.get("promotions") === "only"};
    setSelected("from", [query.from]);
    setSelected("to", [query.to]);
    setSelected("via", query.via);
    setSelected("avoid", query.avoid);
    document.getElementById("promotions").checked = query.promotionsOnly;
    if (query.via.length || query.avoid.length || query.promotionsOnly) { form.querySelector("details").open = true; }
    var section = document.getElementById("answer");
    if (query.from && query.to) {
      show(graph, query, document.getElementById("answer-body"), section);
      section.hidden = false;
    } else {
      section.setAttribute("data-result", JSON.stringify({error: null, roles: null}));
    }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());

/* careerpath path finder: the same best path as `careerpath path FROM TO`.
 *
 * The best path minimises (moves, moves without typical years, sum of typical
 * years in hundredths at each range's midpoint, the role ids in order). It is
 * simple (no role twice), passes every `via` role in any order and no `avoid`
 * role. Runs in the browser (window.careerpathFind) and under node (tests). */
(function (root) {
  "use strict";
  var BUDGET = 200000; // expansions of the rare search needed when vias force a loop

  function yearUnits(min, max) { return Math.floor((min + max) * 50 + 0.5); }

  function cmp(a, b) {
    for (var i = 0; i < 3; i++) { if (a[i] !== b[i]) { return a[i] < b[i] ? -1 : 1; } }
    return 0;
  }
  function add(a, b) { return [a[0] + b[0], a[1] + b[1], a[2] + b[2]]; }

  // Python compares strings by code point; JavaScript's `<` by UTF-16 unit.
  function codePointCompare(a, b) {
    var x = Array.from(a), y = Array.from(b), n = Math.min(x.length, y.length);
    for (var i = 0; i < n; i++) {
      var p = x[i].codePointAt(0), q = y[i].codePointAt(0);
      if (p !== q) { return p < q ? -1 : 1; }
    }
    return x.length - y.length;
  }
  // Python's str.casefold of each skill name, as the data gives it (JavaScript has no
  // casefold: upper-then-lower differs for ẞ and Cherokee); upper-then-lower otherwise.
  var folded = new Map();
  function casefold(text) { return folded.has(text) ? folded.get(text) : text.toUpperCase().toLowerCase(); }

  function Heap() { this.items = []; }
  Heap.prototype.push = function (cost, state) {
    var items = this.items, i = items.length;
    items.push([cost, state]);
    while (i > 0) {
      var parent = (i - 1) >> 1;
      if (cmp(items[parent][0], items[i][0]) <= 0) { break; }
      var swap = items[parent]; items[parent] = items[i]; items[i] = swap; i = parent;
    }
  };
  Heap.prototype.pop = function () {
    var items = this.items, top = items[0], last = items.pop();
    if (items.length) {
      items[0] = last;
      var i = 0;
      for (;;) {
        var l = 2 * i + 1, r = l + 1, m = i;
        if (l < items.length && cmp(items[l][0], items[m][0]) < 0) { m = l; }
        if (r < items.length && cmp(items[r][0], items[m][0]) < 0) { m = r; }
        if (m === i) { break; }
        var swap = items[m]; items[m] = items[i]; items[i] = swap; i = m;
      }
    }
    return top;
  };

  /* data: {roles: [[id, title, level, [[skill, level, key, casefold]...]]...], moves: [[from, to, kind, min, max, note]...]}
   * A skill's key is its name folded as careerpath folds names (`normal_name`): two
   * spellings with one key are one skill. Its casefold orders skills as careerpath does. */
  function Graph(data) {
    var self = this;
    this.roles = new Map();
    data.roles.forEach(function (r) {
      var skills = new Map();  // key -> {name, level}: the highest level of any spelling
      r[3].forEach(function (s) {
        folded.set(s[0], s[3]);
        if (!skills.has(s[2]) || s[1] > skills.get(s[2]).level) { skills.set(s[2], {name: s[0], level: s[1]}); }
      });
      self.roles.set(r[0], {id: r[0], title: r[1], level: r[2], skills: skills});
    });
    this.moves = data.moves.map(function (m) {
      var known = m[3] !== null && m[3] !== undefined;
      return {from: m[0], to: m[1], kind: m[2], years: known ? {min: m[3], max: m[4]} : null,
              note: m[5], cost: known ? [1, 0, yearUnits(m[3], m[4])] : [1, 1, 0]};
    });
  }

  function failure(message) { return {error: message}; }

  /* query: {from, to, via: [ids], avoid: [ids], promotionsOnly} ->
   * {roles, moves, stoppedEarly} or {error} */
  Graph.prototype.find = function (query) {
    var self = this, source = query.from, target = query.to;
    var avoid = new Set(query.avoid || []), names = [source, target].concat(query.via || [], query.avoid || []);
    for (var n = 0; n < names.length; n++) {
      if (!this.roles.has(names[n])) { return failure("no role with the id '" + names[n] + "'"); }
    }
    if (avoid.has(source) || avoid.has(target)) {
      return failure("'avoid' names '" + (avoid.has(source) ? source : target) + "', an end of the path itself");
    }
    if (source === target) { return failure("the path starts and ends at '" + source + "'; choose two different roles"); }
    var clash = (query.via || []).filter(function (v) { return avoid.has(v); });
    if (clash.length) {
      return failure("'" + clash[0] + "' is both a role to pass through and one to avoid");
    }
    var vias = [];
    (query.via || []).forEach(function (v) { if (v !== source && v !== target && vias.indexOf(v) < 0) { vias.push(v); } });
    if (vias.length > 12) { return failure("choose at most 12 roles to pass through"); }
    var bit = new Map(), width = 1 << vias.length, full = width - 1;
    vias.forEach(function (v, i) { bit.set(v, 1 << i); });
    function bitOf(id) { return bit.get(id) || 0; }

    var out = new Map(), into = new Map();
    this.moves.forEach(function (move) {
      if (avoid.has(move.from) || avoid.has(move.to)) { return; }
      if (query.promotionsOnly && move.kind !== "promotion") { return; }
      if (!out.has(move.from)) { out.set(move.from, []); }
      if (!into.has(move.to)) { into.set(move.to, []); }
      out.get(move.from).push(move);
      into.get(move.to).push(move);
    });
    out.forEach(function (list) { list.sort(function (a, b) { return codePointCompare(a.to, b.to); }); });

    // Cheapest cost from each (role, vias seen) state to the goal, by Dijkstra backwards.
    var toGoal = new Map(), heap = new Heap();
    function key(id, seen) { return id + "\u0000" + seen; }
    toGoal.set(key(target, full), [0, 0, 0]);
    heap.push([0, 0, 0], [target, full]);
    while (heap.items.length) {
      var top = heap.pop(), state = top[1], here = state[0], seen = state[1];
      if (cmp(top[0], toGoal.get(key(here, seen))) > 0) { continue; }
      var befores = [seen];
      if ((seen & ~bitOf(here)) !== seen) { befores.push(seen & ~bitOf(here)); }
      (into.get(here) || []).forEach(function (move) {
        var own = bitOf(move.from);
        befores.forEach(function (before) {
          if ((before & own) !== own) { return; }
          var total = add(top[0], move.cost), k = key(move.from, before), known = toGoal.get(k);
          if (known === undefined || cmp(total, known) < 0) {
            toGoal.set(k, total);
            heap.push(total, [move.from, before]);
          }
        });
      });
    }
    if (!toGoal.has(key(source, 0))) { return failure(this.noPathReason(query, out)); }

    // Walk forward along cheapest steps, the smallest id first.
    var walk = [source], moves = [], at = [source, 0];
    while (!(at[0] === target && at[1] === full)) {
      var goal = toGoal.get(key(at[0], at[1])), chosen = null;
      (out.get(at[0]) || []).some(function (move) {
        var next = toGoal.get(key(move.to, at[1] | bitOf(move.to)));
        if (next !== undefined && cmp(add(next, move.cost), goal) === 0) { chosen = move; return true; }
        return false;
      });
      moves.push(chosen);
      at = [chosen.to, at[1] | bitOf(chosen.to)];
      walk.push(chosen.to);
    }
    if (new Set(walk).size === walk.length) { return {roles: walk, moves: moves, stoppedEarly: false}; }
    return this.simpleSearch(source, target, full, out, toGoal, key, bitOf) ||
      failure(this.noPathReason(query, out));
  };

  // Branch and bound over simple paths, neighbours in id order, so the first of
  // equal cost found is the smallest in id order; toGoal is a lower bound.
  Graph.prototype.simpleSearch = function (source, target, full, out, toGoal, key, bitOf) {
    var best = null, bestCost = null, budget = BUDGET, stopped = false, onPath = new Set([source]);
    var path = [source], moves = [];
    function visit(here, seen, cost) {
      if (--budget < 0) { stopped = true; return; }
      if (here === target) {
        if (seen === full && (best === null || cmp(cost, bestCost) < 0)) {
          best = {roles: path.slice(), moves: moves.slice()}; bestCost = cost;
        }
        return;
      }
      (out.get(here) || []).forEach(function (move) {
        if (stopped || onPath.has(move.to)) { return; }
        var next = seen | bitOf(move.to), rest = toGoal.get(key(move.to, next));
        if (rest === undefined) { return; }
        var spent = add(cost, move.cost);
        if (best !== null && cmp(add(spent, rest), bestCost) >= 0) { return; }
        onPath.add(move.to); path.push(move.to); moves.push(move);
        visit(move.to, next, spent);
        onPath.delete(move.to); path.pop(); moves.pop();
      });
    }
    visit(source, 0, [0, 0, 0]);
    if (best) { best.stoppedEarly = stopped; }
    return best;
  };

  Graph.prototype.noPathReason = function (query, out) {
    var within = [];
    if (query.promotionsOnly) { within.push("promotions only"); }
    if ((query.avoid || []).length) { within.push("avoiding " + query.avoid.join(", ")); }
    var vias = (query.via || []).filter(function (v) { return v !== query.from && v !== query.to; });
    if (vias.length) { within.push("through " + vias.join(", ")); }
    return "no path from " + query.from + " to " + query.to + (within.length ? " (" + within.join("; ") + ")" : "");
  };

  function bySkillGap(a, b) {
    var gap = (b.need - (b.have || 0)) - (a.need - (a.have || 0));
    return gap !== 0 ? gap : codePointCompare(casefold(a.name), casefold(b.name));
  }

  /* The skills each step asks to build, measured against the best level held so
   * far on the path, and the whole-path total measured from the start role. */
  Graph.prototype.skills = function (roleIds) {
    var self = this, start = new Map(), held, spelled = new Map();
    this.roles.get(roleIds[0]).skills.forEach(function (s, key) { start.set(key, s.level); });
    held = new Map(start);
    var steps = roleIds.slice(1).map(function (id) {
      var need = [];
      self.roles.get(id).skills.forEach(function (s, key) {
        var have = held.has(key) ? held.get(key) : null;
        if (s.level > (have || 0)) {
          need.push({name: s.name, have: have, need: s.level});
          held.set(key, s.level);
          spelled.set(key, s.name);
        }
      });
      return need.sort(bySkillGap);
    });
    var total = [];
    held.forEach(function (level, key) {
      var have = start.has(key) ? start.get(key) : null;
      if (level > (have || 0)) { total.push({name: spelled.get(key), have: have, need: level}); }
    });
    return {steps: steps, total: total.sort(bySkillGap)};
  };

  var api = {Graph: Graph, yearUnits: yearUnits};
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.careerpathFind = api; }
}(typeof window !== "undefined" ? window : this));

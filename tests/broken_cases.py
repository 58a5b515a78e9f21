"""Broken datasets: (name, roles.yaml, progressions.yaml, expected stderr lines)."""

from __future__ import annotations

OK_ROLES = """\
roles:
  - {id: a, title: Alpha, level: 1}
  - {id: b, title: Beta, level: 2}
"""
OK_MOVES = """\
progressions:
  - {from: a, to: b}
"""

SOURCED_ROLES = """\
framework: {proficiency: Estimates., source: guide}
sources:
  - {id: guide, title: A Career Guide, kind: career guide}
  - {id: post, title: A Job Post}
roles:
  - {id: a, title: Alpha, level: 1, source: [guide, post]}
  - {id: b, title: Beta, level: 2, source: guide}
"""

CASES: list[tuple[str, str, str, list[str]]] = [
    ("syntax error", "roles:\n  - id: a\n    title: [Alpha\n", OK_MOVES, [
        "roles.yaml:4:1: YAML syntax error: did not find expected ',' or ']'"]),
    ("empty file", "", OK_MOVES, ["roles.yaml:1:1: file is empty"]),
    ("only a comment", "# nothing\n", OK_MOVES, ["roles.yaml:1:1: file is empty"]),
    ("top level a list", "- a\n- b\n", OK_MOVES, [
        "roles.yaml:1:1: the top level of the file must be a mapping of keys to values, got a list"]),
    ("two documents", OK_ROLES + "---\nroles: []\n", OK_MOVES, [
        "roles.yaml:4:1: more than one YAML document in the file; keep one (remove the extra '---')"]),
    ("invalid utf-8", "roles:\n  - {id: a, title: Al\xff, level: 1}\n", OK_MOVES, [
        "roles.yaml:2:22: invalid UTF-8 (byte 0xff); save the file as UTF-8"]),
    ("python tag", "roles: !!python/object/apply:os.system [echo hi]\n", OK_MOVES, [
        "roles.yaml:1:8: tag '!!python/object/apply:os.system' is not allowed in careerpath "
        "data (nothing in a data file is ever run or constructed)"]),
    ("duplicate key", "roles:\n  - id: a\n    title: Alpha\n    title: Again\n    level: 1\n",
     "progressions: []\n", [
        "roles.yaml:4:5: duplicate key 'title' in a role (first at line 3)"]),
    ("id read as a number", "roles:\n  - {id: 010, title: Alpha, level: 1}\n",
     "progressions: []\n", [
        "roles.yaml:2:10: id must be text, got an integer (010); put it in quotes"]),
    ("title read as a boolean", "roles:\n  - {id: a, title: yes, level: 1}\n",
     "progressions: []\n", [
        "roles.yaml:2:20: title must be text, got a boolean (yes); put it in quotes"]),
    ("title read as a date", "roles:\n  - {id: a, title: 2024-01-02, level: 1}\n",
     "progressions: []\n", [
        "roles.yaml:2:20: title must be text, got a date (2024-01-02); put it in quotes"]),
    ("title read as a float", "roles:\n  - {id: a, title: 1.0, level: 1}\n",
     "progressions: []\n", [
        "roles.yaml:2:20: title must be text, got a number (1.0); put it in quotes"]),
    ("level as text", "roles:\n  - {id: a, title: Alpha, level: senior}\n",
     "progressions: []\n", [
        "roles.yaml:2:34: level must be an integer >= 1, got 'senior'"]),
    ("level as float", "roles:\n  - {id: a, title: Alpha, level: 2.5}\n", "progressions: []\n", [
        "roles.yaml:2:34: level must be an integer >= 1, got a number (2.5)"]),
    ("level quoted", "roles:\n  - {id: a, title: Alpha, level: '2'}\n", "progressions: []\n", [
        "roles.yaml:2:34: level must be an integer >= 1, got '2'"]),
    ("level zero", "roles:\n  - {id: a, title: Alpha, level: 0}\n", "progressions: []\n", [
        "roles.yaml:2:34: level must be an integer >= 1, got an integer (0)"]),
    ("unknown key", "roles:\n  - {id: a, title: Alpha, lvl: 1}\n", "progressions: []\n", [
        "roles.yaml:2:5: missing required key 'level'",
        "roles.yaml:2:27: unknown key 'lvl' in a role; did you mean 'level'?"]),
    ("missing id", "roles:\n  - {title: Alpha, level: 1}\n", "progressions: []\n", [
        "roles.yaml:2:5: missing required key 'id'"]),
    ("bad id characters", "roles:\n  - {id: Senior_Manager, title: Alpha, level: 1}\n",
     "progressions: []\n", [
        "roles.yaml:2:10: id 'Senior_Manager' must be lowercase letters, digits and single "
        "'-' between them (e.g. 'senior-manager')"]),
    ("proficiency out of range", "roles:\n  - id: a\n    title: Alpha\n    level: 1\n"
     "    skills: {SQL: 6}\n", "progressions: []\n", [
        "roles.yaml:5:19: proficiency of skill 'SQL' must be an integer from 1 to 5, "
        "got an integer (6)"]),
    ("skills as a list", "roles:\n  - id: a\n    title: Alpha\n    level: 1\n"
     "    skills: [SQL]\n", "progressions: []\n", [
        "roles.yaml:5:13: skills must be a mapping of skill name to proficiency 1-5, got a list"]),
    ("unknown experience level", "roles:\n  - id: a\n    title: Alpha\n    level: 1\n"
     "    activities: {junior: [x]}\n", "progressions: []\n", [
        "roles.yaml:5:18: unknown key 'junior' in activities; did you mean 'senior'?"]),
    ("responsibilities not a list", "roles:\n  - id: a\n    title: Alpha\n    level: 1\n"
     "    responsibilities: Do things\n", "progressions: []\n", [
        "roles.yaml:5:23: responsibilities must be a list of text, got 'Do things'"]),
    ("duplicate id", OK_ROLES + "  - {id: a, title: Gamma, level: 3}\n", OK_MOVES, [
        "roles.yaml:4:10: duplicate id 'a' (first at line 2)"]),
    ("duplicate title ignoring case", OK_ROLES + "  - {id: c, title: ALPHA, level: 3}\n",
     OK_MOVES, [
        "roles.yaml:4:20: title 'ALPHA' clashes with the title of role 'a' at roles.yaml:2:20; "
        "names must differ by more than case, spacing, '-', '_' or Unicode form"]),
    ("title equal to another id but for '_' and case",
     OK_ROLES + "  - {id: a-b, title: Delta, level: 3}\n"
     "  - {id: d, title: A_B, level: 3}\n", OK_MOVES, [
        "roles.yaml:5:20: title 'A_B' clashes with the id of role 'a-b' at roles.yaml:4:10; "
        "names must differ by more than case, spacing, '-', '_' or Unicode form"]),
    ("the same title in NFC and NFD",
     OK_ROLES + "  - {id: c, title: \"Caf\u00e9 Manager\", level: 3}\n"
     "  - {id: d, title: \"Cafe\u0301 Manager\", level: 3}\n", OK_MOVES, [
        "roles.yaml:5:20: title 'Cafe\u0301 Manager' clashes with the title of role 'c' at "
        "roles.yaml:4:20; names must differ by more than case, spacing, '-', '_' or Unicode "
        "form"]),
    ("alias clashes with an id", OK_ROLES + "  - {id: c, title: Gamma, level: 3, aliases: [B]}\n",
     OK_MOVES, [
        "roles.yaml:4:47: alias 'B' clashes with the id of role 'b' at roles.yaml:3:10; "
        "names must differ by more than case, spacing, '-', '_' or Unicode form"]),
    ("unknown role in a move", OK_ROLES, "progressions:\n  - {from: a, to: bb}\n", [
        "progressions.yaml:2:19: 'to' names unknown role 'bb'; did you mean 'b'?"]),
    ("self-loop", OK_ROLES, "progressions:\n  - {from: a, to: a, kind: lateral}\n", [
        "progressions.yaml:2:5: a move from 'a' to itself is not allowed"]),
    ("duplicate move", OK_ROLES, OK_MOVES + "  - {from: a, to: b, kind: lateral}\n", [
        "progressions.yaml:3:5: duplicate move a -> b (first at line 2)"]),
    ("promotion to a lower level", OK_ROLES, "progressions:\n  - {from: b, to: a}\n", [
        "progressions.yaml:2:5: promotion b (level 2) -> a (level 1) must go to a higher level; "
        "mark it 'kind: lateral' or fix the levels"]),
    ("unknown kind", OK_ROLES, "progressions:\n  - {from: a, to: b, kind: demotion}\n", [
        "progressions.yaml:2:28: kind must be 'promotion' or 'lateral', got 'demotion'"]),
    ("years range reversed", OK_ROLES, "progressions:\n  - {from: a, to: b, years: [4, 2]}\n", [
        "progressions.yaml:2:29: years range [4, 2] has min greater than max"]),
    ("years too many", OK_ROLES, "progressions:\n  - {from: a, to: b, years: 1000000.5}\n", [
        "progressions.yaml:2:29: years must be a number from 0 to under 1,000,000 or a range "
        "[min, max], got a number (1000000.5)"]),
    ("years as text", OK_ROLES, "progressions:\n  - {from: a, to: b, years: soon}\n", [
        "progressions.yaml:2:29: years must be a number from 0 to under 1,000,000 or a range "
        "[min, max], got 'soon'"]),
    ("alias in a data file", "roles:\n  - &r {id: a, title: Alpha, level: 1}\n  - *r\n",
     "progressions: []\n", [
        "roles.yaml:3:5: alias '*r' is not supported in careerpath data; "
        "write the value out in full",
        "roles.yaml:3:5: a role must be a mapping of keys to values, got nothing (null)"]),
    ("raw control character", "roles:\n  - {id: a, title: \"A\x1b\", level: 1}\n",
     "progressions: []\n", [
        "roles.yaml:2:22: character U+001B is not allowed in YAML; write it as an escape "
        "inside double quotes"]),
    ("problems in both files at once", "roles:\n  - {id: a, title: Alpha, level: x}\n",
     "progressions:\n  - {from: a, to: zzz, kind: up}\n", [
        "roles.yaml:2:34: level must be an integer >= 1, got 'x'",
        "progressions.yaml:2:19: 'to' names unknown role 'zzz'",
        "progressions.yaml:2:30: kind must be 'promotion' or 'lateral', got 'up'"]),
    ("unknown source in a role", SOURCED_ROLES.replace("[guide, post]", "[guide, gide]"),
     OK_MOVES, [
        "roles.yaml:6:53: unknown source 'gide'; did you mean 'guide'?"]),
    ("unknown source in a move", SOURCED_ROLES, "progressions:\n  - {from: a, to: b, source: x}\n", [
        "progressions.yaml:2:30: unknown source 'x'; add it under 'sources' in roles.yaml"]),
    ("framework names an unknown source", SOURCED_ROLES.replace("source: guide}", "source: post2}", 1),
     OK_MOVES, [
        "roles.yaml:1:46: unknown source 'post2'; did you mean 'post'?"]),
    ("framework source without sources", "framework: {source: guide}\n" + OK_ROLES, OK_MOVES, [
        "roles.yaml:1:21: source 'guide' is not listed; add it under 'sources' in roles.yaml"]),
    ("source entry without a title", "sources:\n  - {id: guide}\n" + OK_ROLES, OK_MOVES, [
        "roles.yaml:2:5: missing required key 'title'"]),
    ("duplicate source id", "sources:\n  - {id: g, title: G}\n  - {id: g, title: H}\n"
     + OK_ROLES, OK_MOVES, [
        "roles.yaml:3:10: duplicate source id 'g' (first at line 2)"]),
    ("bad source id", "sources:\n  - {id: My Guide, title: G}\n" + OK_ROLES, OK_MOVES, [
        "roles.yaml:2:10: source id 'My Guide' must be lowercase letters, digits and single "
        "'-' between them (e.g. 'onet-30-1')"]),
    ("unknown key in a source", "sources:\n  - {id: g, title: G, author: Me}\n" + OK_ROLES,
     OK_MOVES, [
        "roles.yaml:2:23: unknown key 'author' in a source; known keys: id, title, kind, "
        "publisher, license, url"]),
    ("unknown key in framework", "framework: {name: X}\n" + OK_ROLES, OK_MOVES, [
        "roles.yaml:1:13: unknown key 'name' in framework; known keys: title, proficiency, "
        "source"]),
    ("sources not a list", "sources: {id: g}\n" + OK_ROLES, OK_MOVES, [
        "roles.yaml:1:10: 'sources' must be a list, got a mapping"]),
    ("modelled not a boolean", OK_ROLES, "progressions:\n  - {from: a, to: b, modelled: 'yes'}\n", [
        "progressions.yaml:2:32: modelled must be true or false, got 'yes'"]),
    ("source as a number", OK_ROLES, "progressions:\n  - {from: a, to: b, source: [1]}\n", [
        "progressions.yaml:2:31: each item of source must be text, got an integer (1); "
        "put it in quotes"]),
    ("unknown top-level key", "lint: {}\n" + OK_ROLES, OK_MOVES, [
        "roles.yaml:1:1: unknown key 'lint' in the top level of the file; known keys: roles, "
        "framework, sources"]),
]

# Issue 10: YAML 1.1 number forms that silently change a value are refused.
NUMBER_CASES: list[tuple[str, str, str, list[str]]] = [
    (f"level {text}", f"roles:\n  - {{id: a, title: Alpha, level: {text}}}\n",
     "progressions: []\n", [
        f"roles.yaml:2:34: level '{text.replace('!!int ', '')}' is not a plain decimal number: "
        f"YAML 1.1 reads it as {value} ({why}); write it in plain decimal digits"])
    for text, value, why in [("010", 8, "octal: it starts with 0"), ("0x10", 16, "hexadecimal"),
                             ("0b11", 3, "binary"), ("1_0", 10, "'_' is dropped"),
                             ("1:30", 90, "base 60"), ("+3", 3, "a '+' sign"),
                             ("!!int 017", 15, "octal: it starts with 0")]
] + [
    ("years 1:30", OK_ROLES, "progressions:\n  - {from: a, to: b, years: 1:30}\n", [
        "progressions.yaml:2:29: years '1:30' is not a plain decimal number: YAML 1.1 reads "
        "it as 90 (base 60); write it in plain decimal digits"]),
    ("years range 0x2", OK_ROLES, "progressions:\n  - {from: a, to: b, years: [1, 0x2]}\n", [
        "progressions.yaml:2:33: years '0x2' is not a plain decimal number: YAML 1.1 reads "
        "it as 2 (hexadecimal); write it in plain decimal digits"]),
    ("years 1_0.5", OK_ROLES, "progressions:\n  - {from: a, to: b, years: 1_0.5}\n", [
        "progressions.yaml:2:29: years '1_0.5' is not a plain decimal number: YAML 1.1 reads "
        "it as 10.5 ('_' is dropped); write it in plain decimal digits"]),
    ("proficiency 010", "roles:\n  - {id: a, title: Alpha, level: 1, skills: {SQL: 010}}\n",
     "progressions: []\n", [
        "roles.yaml:2:51: proficiency of skill 'SQL' '010' is not a plain decimal number: "
        "YAML 1.1 reads it as 8 (octal: it starts with 0); write it in plain decimal digits"]),
    ("level 08 stays text", "roles:\n  - {id: a, title: Alpha, level: 08}\n",
     "progressions: []\n", ["roles.yaml:2:34: level must be an integer >= 1, got '08'"]),
]

# Issue 10: invisible and bidi control characters in names are refused.
_HIDDEN = [("\\u200b", "U+200B (ZERO WIDTH SPACE)"), ("\\u2060", "U+2060 (WORD JOINER)"),
           ("\\ufeff", "U+FEFF (ZERO WIDTH NO-BREAK SPACE)"), ("\\xad", "U+00AD (SOFT HYPHEN)"),
           ("\\U000e0041", "U+E0041 (TAG LATIN CAPITAL LETTER A)"),
           ("\\u061c", "U+061C (ARABIC LETTER MARK)"),
           ("\\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
           ("\\u2066", "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
           ("\\u200e", "U+200E (LEFT-TO-RIGHT MARK)"), ("\\u180e", "U+180E (MONGOLIAN VOWEL "
                                                       "SEPARATOR)"),
           ("\\ufe0f", "U+FE0F (VARIATION SELECTOR-16)"), ("\\u3164", "U+3164 (HANGUL FILLER)"),
           ("\\t", "U+0009 (a control character)")]
_TAIL = "which cannot be seen or reorders text; names must be plain visible text"
HIDDEN_CASES: list[tuple[str, str, str, list[str]]] = [
    (f"title with {name}", f'roles:\n  - {{id: a, title: "Caf{code}e", level: 1}}\n',
     "progressions: []\n",
     [f"roles.yaml:2:20: title 'Caf{shown}e' contains {name}, {_TAIL}"])
    for code, name, shown in ((c, n, "\\x09" if c == "\\t" else c) for c, n in _HIDDEN)
] + [
    ("alias with a zero-width space", 'roles:\n  - {id: a, title: Alpha, level: 1, '
     'aliases: [ok, "a\\u200bb"]}\n', "progressions: []\n",
     [f"roles.yaml:2:51: alias 'a\\u200bb' contains U+200B (ZERO WIDTH SPACE), {_TAIL}"]),
    ("raw zero-width space in a plain title", "roles:\n  - {id: a, title: Al\u200bpha, level: 1}\n",
     "progressions: []\n",
     [f"roles.yaml:2:20: title 'Al\\u200bpha' contains U+200B (ZERO WIDTH SPACE), {_TAIL}"]),
    ("skill with a bidi override", 'roles:\n  - {id: a, title: Alpha, level: 1, '
     'skills: {"S\\u202eQL": 2}}\n', "progressions: []\n",
     [f"roles.yaml:2:46: skill 'S\\u202eQL' contains U+202E (RIGHT-TO-LEFT OVERRIDE), {_TAIL}"]),
    ("a newline cannot forge a problem line", OK_ROLES,
     'progressions:\n  - {from: "a\\nroles.yaml:1:1: forged", to: b}\n',
     ["progressions.yaml:2:12: 'from' names unknown role 'a\\x0aroles.yaml:1:1: forged'"]),
]

CASES += NUMBER_CASES + HIDDEN_CASES

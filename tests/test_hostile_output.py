"""Hostile text cannot command the terminal or a spreadsheet through argmap's text commands.

A stranger's map set puts terminal attacks in every free-text field (title,
outlet, speaker names, node text, quotes, the topic question), in the seed
text, in the seed's file name and in the map's file name.  Every text
command runs on it in every format, as a user runs it (a subprocess,
output captured as bytes), and the bytes are searched for anything a
terminal would act on.  JSON must decode back to the exact text; CSV cells
must not start a formula; Markdown must not carry markup from the map.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.controls import describe, maybe_controls, yaml_control_warnings
from argmap.project import load
from argmap.visible import visible
from argmap.yamlsource import parse_yaml

# Every attack the issue names, in one string: OSC 0 (title), clear screen and
# scrollback, OSC 52 (clipboard), OSC 8 (hyperlink), CSI as the C1 byte, OSC
# as C1 with ST, BEL, CR rewriting the line, bidi overrides and isolates, DEL.
ATTACK = ("\x1b]0;pwned\x07\x1b[2J\x1b[3J\x1b]52;c;cHduZWQ=\x07"
          "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\"
          "\x9b2J\x9d0;c1\x9c\x07\rFORGED\u202eexe.txt\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\x7f")
SHOWN = visible(ATTACK[:16])            # "\x1b]0;pwned\x07\x1b[2J": short enough to survive truncation
SEED_NAME = "seed\x1b]0;s\x07\u202e\x9b.txt"
MAP_NAME = "hostile\x1b]0;f\x07\u202e\nfake.yaml:1:1: error[forged]: x.yaml"
FORMULAS = {"eq": "=HYPERLINK(\"http://evil.example\",\"x\")", "plus": "+1+cmd|' /C calc'!A0",
            "minus": "-2+3", "at": "@SUM(1,1)", "tab": "\t=1+1", "cr": "\r=1+1"}
QUOTE_1 = f"First quoted passage {ATTACK} ends"
QUOTE_2 = "Second quoted passage ends"

# Raw bytes a terminal acts on (UTF-8): ESC, BEL, CR, other C0 but tab and
# newline, DEL, C1 (U+0080-U+009F), bidi embeddings/overrides/isolates.
RAW = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
SGR = re.compile(rb"\x1b\[[0-9;]*m")    # argmap's own colours, with --colour always


def _yaml(value: str) -> str:
    return json.dumps(value)  # JSON is YAML: every control as an escape in a double-quoted scalar


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "maps").mkdir()
    (root / "seeds").mkdir()
    seed = f"Unmapped sentence with {ATTACK} inside.\n{QUOTE_1}.\n{QUOTE_2}.\n" + "".join(
        f"Formula speaker {k} says this.\n" for k in FORMULAS)
    (root / "seeds" / SEED_NAME).write_text(seed, encoding="utf-8")
    lines = [
        "map: hostile",
        f"title: {_yaml(ATTACK + ' title')}",
        f"source: {{seed: {_yaml(SEED_NAME)}, genre: opinion-column, outlet: {_yaml(ATTACK + ' outlet')}, "
        "date: '2020'}",
        "speakers:",
        f"  alice: {{name: {_yaml(ATTACK + ' alice')}, role: {_yaml(ATTACK + ' role')}}}",
        *(f"  {k}: {{name: {_yaml(name)}}}" for k, name in FORMULAS.items()),
        "nodes:",
        f"  claim-a: {{kind: claim, by: alice, text: {_yaml(ATTACK + ' claim text')}, quote: {_yaml(QUOTE_1)}, "
        "stance: {tendering: for}, tags: [t1]}",
        f"  prem-b: {{kind: premise, by: alice, text: {_yaml('premise text ' + ATTACK)}, quote: {_yaml(QUOTE_2)}, "
        "supports: claim-a}",
        *(f"  node-{k}: {{kind: rebuttal, by: {k}, text: 'Formula speaker {k}.', "
          f"quote: 'Formula speaker {k} says this', attacks: claim-a, stance: {{tendering: against}}}}"
          for k in FORMULAS),
    ]
    (root / "maps" / MAP_NAME).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "maps" / "topics.yaml").write_text(
        f"topics:\n  tendering:\n    question: {_yaml(ATTACK + ' question')}\n", encoding="utf-8")
    # A second map whose title is a formula, for the article rows of the CSV.
    (root / "maps" / "formula.yaml").write_text(
        "map: formula\ntitle: '=1+2'\nsource: {seed: formula.txt, genre: news-report}\n"
        "speakers: {bob: {name: '@bob'}}\n"
        "nodes:\n  only: {kind: claim, by: bob, text: Plain., quote: Plain words, stance: {tendering: for}}\n",
        encoding="utf-8")
    (root / "seeds" / "formula.txt").write_text("Plain words.\n", encoding="utf-8")
    return root


def argmap(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], cwd=root, capture_output=True, timeout=120)


def assert_inert(data: bytes, colour: bool = False) -> None:
    """Nothing in *data* a terminal would act on (but argmap's own SGR colours when *colour*)."""
    if colour:
        data = SGR.sub(b"", data)
    found = RAW.search(data)
    if found is not None:
        context = data[max(0, found.start() - 60):found.start() + 20]
        raise AssertionError(f"raw control {found.group()!r} at byte {found.start()}: {context!r}")


def test_the_fixture_loads_without_errors(hostile):
    result = load([hostile / "maps"])
    assert not result.errors, [d.format() for d in result.errors]
    assert len(result.project.maps) == 2


TEXT_COMMANDS = [
    ["check"], ["check", "--strict"],
    ["show", "hostile", "--quotes", "-w", "400"],
    ["show", "hostile", "--quotes", "--colour", "always", "-w", "400"],
    ["search", "claim"], ["search", "claim", "--where", "--colour", "always"], ["search", "formula"],
    ["stats"], ["stats", "hostile", "--colour", "always"],
    ["stances"], ["stances", "--transpose", "--colour", "always"],
    ["eval"], ["eval", "-s", "preferred", "--all"], ["eval", "--colour", "always"],
    ["coverage"],
]


@pytest.mark.parametrize("command", TEXT_COMMANDS, ids=" ".join)
def test_text_output_shows_controls_as_escapes(hostile, command):
    proc = argmap(hostile, *command)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    assert b"Traceback" not in proc.stderr and b"internal error" not in proc.stderr
    colour = "always" in command
    assert_inert(proc.stdout, colour)
    assert_inert(proc.stderr, colour)
    out = SGR.sub(b"", proc.stdout + proc.stderr).decode()
    if command[0] not in ("stances",):  # the table shows ids; the questions are checked below
        assert SHOWN in out or visible(MAP_NAME, one_line=True) in out or visible(SEED_NAME) in out


def test_file_names_cannot_forge_a_diagnostic(hostile):
    out = argmap(hostile, "check").stdout.decode()
    # The map's file name holds a newline and a fake diagnostic: it stays on its own line, escaped.
    assert not any(line.startswith("fake.yaml") for line in out.splitlines())
    assert visible(f"maps/{MAP_NAME}", one_line=True) + ":2:" in out
    assert "error[forged]" not in "\n".join(l for l in out.splitlines() if not l.startswith("maps/hostile"))


def test_check_warns_about_each_control_with_its_position(hostile):
    out = argmap(hostile, "check").stdout.decode()
    name = visible(f"maps/{MAP_NAME}", one_line=True)
    assert f"{name}:2:8: warning[control-char]: title holds a control character U+001B (ESC)" in out
    for field in ("outlet", "name", "role", "text", "quote"):
        assert f"warning[control-char]: {field} holds a control character U+001B (ESC)" in out
    assert "maps/topics.yaml:3:15: warning[control-char]: question holds a control character U+001B (ESC)" in out
    # The seed: once, at the line and column of its first control, in the seed's own file.
    seed_lines = [line for line in out.splitlines() if "the seed text holds" in line]
    assert len(seed_lines) == 1
    assert seed_lines[0].startswith(visible(f"seeds/{SEED_NAME}", one_line=True) + ":1:24: warning[control-char]:")
    # The map with no controls gets no such warning, and warnings alone do not fail check.
    assert not any("formula.yaml" in line and "control-char" in line for line in out.splitlines())
    assert argmap(hostile, "check").returncode == 0
    assert argmap(hostile, "check", "--strict").returncode == 1


def test_check_json_is_exact_and_inert(hostile):
    proc = argmap(hostile, "check", "--format", "json")
    assert_inert(proc.stdout)
    doc = json.loads(proc.stdout)
    paths = {d["path"] for d in doc["diagnostics"]}
    assert f"maps/{MAP_NAME}" in paths and f"seeds/{SEED_NAME}" in paths
    assert doc["errors"] == 0
    warned = sorted(d["message"].split(" holds")[0] for d in doc["diagnostics"] if d["code"] == "control-char")
    assert warned == ["name", "name", "outlet", "question", "quote", "role", "seed", "text", "text",
                      "the seed text", "title"]   # "name" twice: alice's, and the CR that starts speaker cr's


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.mark.parametrize("command, expected", [
    (["stats", "-f", "json"], [ATTACK + " alice", ATTACK + " claim text"]),
    (["stances", "-f", "json"], [ATTACK + " title", ATTACK + " alice", ATTACK + " question"]),
    (["eval", "-f", "json"], [f"maps/{MAP_NAME}"]),
    (["eval", "-s", "preferred", "--all", "-f", "json"], [f"maps/{MAP_NAME}"]),
    (["coverage", "--format", "json"], [SEED_NAME, f"Unmapped sentence with {ATTACK} inside."]),
], ids=lambda v: " ".join(v) if isinstance(v[0], str) and v[0].isalpha() else "")
def test_json_output_decodes_to_the_exact_text(hostile, command, expected):
    proc = argmap(hostile, *command)
    assert proc.returncode == 0, proc.stderr.decode()
    assert_inert(proc.stdout)   # C1 and bidi as \u escapes, not raw
    strings = set(_strings(json.loads(proc.stdout)))
    for text in expected:
        assert text in strings


def test_csv_cells_never_start_a_formula(hostile):
    proc = argmap(hostile, "stances", "-f", "csv")
    assert proc.returncode == 0, proc.stderr.decode()
    assert_inert(proc.stdout)
    rows = list(csv.reader(io.StringIO(proc.stdout.decode(), newline="")))
    assert rows[0][:3] == ["kind", "id", "name"]
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    names = {row[1]: row[2] for row in rows[1:]}
    assert names["formula"] == "'=1+2"
    assert names["eq"] == "'" + FORMULAS["eq"]
    assert names["plus"] == "'" + FORMULAS["plus"]
    assert names["minus"] == "'-2+3"
    assert names["at"] == "'@SUM(1,1)"
    assert names["tab"] == "'\t=1+1"
    assert names["cr"] == "\\r=1+1"      # the CR is shown, so the cell no longer starts with it
    assert names["hostile"] == visible(ATTACK + " title")


def test_markdown_escapes_every_field(hostile):
    proc = argmap(hostile, "show", "hostile", "-f", "markdown", "--quotes")
    assert proc.returncode == 0, proc.stderr.decode()
    assert_inert(proc.stdout)
    out = proc.stdout.decode()
    first = out.splitlines()[0]
    assert first.startswith("## \\\\x1b\\]0;pwned\\\\x07")  # the visible escape, then Markdown-escaped
    assert "\n" not in first and first.endswith(" title")


@pytest.mark.parametrize("title, shown", [
    ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
    ("[click](http://evil.example)", "\\[click\\](http://evil.example)"),
    ("*bold* _em_ `code`", "\\*bold\\* \\_em\\_ \\`code\\`"),
    ("&#x202E;reversed", "\\&#x202E;reversed"),
    ("line\n# Heading", "line\\\\n# Heading"),
])
def test_markdown_title_cannot_carry_markup(tmp_path, title, shown):
    (tmp_path / "maps").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "s.txt").write_text("Plain words.\n")
    (tmp_path / "maps" / "m.yaml").write_text(
        f"map: m\ntitle: {_yaml(title)}\nsource: {{seed: s.txt, genre: news-report, outlet: {_yaml(title)}}}\n"
        f"speakers: {{bob: {{name: {_yaml(title)}}}}}\n"
        "nodes:\n  only: {kind: claim, by: bob, text: Plain., quote: Plain words}\n")
    proc = argmap(tmp_path, "show", "m", "-f", "markdown")
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode().splitlines()
    assert lines[0] == f"## {shown}"
    assert f"Map `m` ({shown})." in lines[2]
    assert f"(claim, {shown}): Plain." in lines[4]


def test_hostile_ids_in_a_broken_map_are_shown_escaped(tmp_path):
    """Ids cannot hold controls (they are checked), but the errors that say so quote them."""
    (tmp_path / "maps").mkdir()
    bad = _yaml("x\x1b]0;id\x07\u202e")
    (tmp_path / "maps" / "bad\x1b]0;file\x07\x9b\u202e.yaml").write_text(
        f"map: {bad}\ntitle: t\nsource: {{seed: {bad}, genre: news-report}}\nspeakers: {{{bad}: {{name: n}}}}\n"
        f"nodes:\n  {bad}: {{kind: claim, by: {bad}, text: t, supports: {bad}}}\n")
    for command in (["check"], ["stats"], ["eval", "-f", "json"], ["stances", "-f", "csv"], ["show", "bad"]):
        proc = argmap(tmp_path, *command)
        assert proc.returncode in (1, 2), proc
        assert b"internal error" not in proc.stderr
        assert_inert(proc.stdout)
        assert_inert(proc.stderr)
    proc = argmap(tmp_path, "check", "--format", "json")
    assert_inert(proc.stdout)
    json.loads(proc.stdout)


# -- the control-char scan ---------------------------------------------------------------------------


def test_describe_names_the_character():
    assert describe("\x1b") == "U+001B (ESC)"
    assert describe("\x9b") == "U+009B (CSI)"
    assert describe("\x07") == "U+0007 (BEL)"
    assert describe("\x7f") == "U+007F (DEL)"
    assert describe("\u202e") == "U+202E (RLO)"
    assert describe("\u2069") == "U+2069 (PDI)"


@pytest.mark.parametrize("escape, char", [("\\e", "\x1b"), ("\\x9b", "\x9b"), ("\\u202E", "\u202e"),
                                          ("\\a", "\x07"), ("\\r", "\r"), ("\\N", "\x85"),
                                          ("\\U0000001b", "\x1b"), ("\\0", "\x00")])
def test_every_yaml_escape_that_makes_a_control_is_caught(escape, char):
    data = f'map: m\ntitle: "ok {escape} ok"\n'.encode()
    doc, problems = parse_yaml(data, "m.yaml")
    assert doc is not None
    assert [p.format() for p in problems] == [
        f"m.yaml:2:8: warning[control-char]: title holds a control character {describe(char)}\n"
        "    hint: terminals act on control characters (argmap shows them as escapes like \\x1b); "
        "remove it unless it is meant"]


def test_a_raw_control_is_pointed_at_exactly():
    data = "map: m\nnodes:\n  a:\n    text: |\n      first line\n      second \u202e line\n".encode()
    _, problems = parse_yaml(data, "m.yaml")
    assert [(p.pos.line, p.pos.col, p.message) for p in problems] == [
        (6, 14, "text holds a control character U+202E (RLO)")]


def test_keys_and_list_items_are_scanned_too():
    data = 'map: m\n"k\\e": v\ntags: [a, "b\\e"]\n'.encode()
    _, problems = parse_yaml(data, "m.yaml")
    assert [(p.pos.line, p.message) for p in problems] == [
        (2, "a key holds a control character U+001B (ESC)"), (3, "tags holds a control character U+001B (ESC)")]


@pytest.mark.parametrize("text", ["title: 'C:\\e\\x'", "title: C:\\new\\x1b", "title: \"tab\\there\\nnewline\"",
                                  "title: \"\\\\e is not an escape\""])
def test_backslashes_that_make_no_control_give_no_warning(text):
    _, problems = parse_yaml(f"map: m\n{text}\n".encode(), "m.yaml")
    assert problems == []


def test_crlf_line_ends_are_not_controls(tmp_path):
    data = "map: m\r\ntitle: plain\r\n".encode()
    _, problems = parse_yaml(data, "m.yaml")
    assert problems == []
    from argmap.controls import seed_control_warning
    assert seed_control_warning("one line.\r\nanother.\r\n", "s.txt") is None
    warning = seed_control_warning("one line.\r\nan\rother.\r\n", "s.txt")
    assert warning is not None and (warning.pos.line, warning.pos.col) == (2, 3)


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x7f", "\x85", "\x9b", "\u202a", "\u202e", "\u2066", "\u2069"])
def test_every_control_in_a_seed_is_found(char):
    from argmap.controls import seed_control_warning
    text = "“Curly” quotes – dashes — and £ are text.\r\nSecond line has " + char + " here.\n"
    warning = seed_control_warning(text, "s.txt")
    assert warning is not None and (warning.pos.line, warning.pos.col) == (2, 17)
    assert describe(char) in warning.message
    assert seed_control_warning(text.replace(char, ""), "s.txt") is None


def test_the_bundled_maps_do_not_trip_the_fast_path():
    # The walk costs check time: ordinary maps must be cleared by the regex alone.
    for path in sorted(Path(__file__).resolve().parent.parent.joinpath("maps").glob("*.yaml")):
        assert not maybe_controls(path.read_bytes()), path
    from argmap.controls import _SEED_OTHER, _may_hold
    for path in sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt")):
        assert not _may_hold(path.read_bytes(), _SEED_OTHER), path


def test_the_scan_misses_nothing_the_walk_finds():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from argmap.jsonout import dumps

    @settings(max_examples=300, deadline=None)
    @given(st.text(st.characters(blacklist_categories=("Cs",), max_codepoint=0xFFFD), max_size=30))
    def check(value: str) -> None:
        text = f"map: m\ntitle: {dumps(value, indent=None)}\n"
        doc, problems = parse_yaml(text.encode(), "m.yaml")
        if doc is None:
            return  # a character YAML refuses raw: a syntax error, reported as such
        title = dict((k.value, v) for k, v in doc.root.value)["title"].value
        expected = bool(re.search(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", title))
        assert bool(problems) == expected
        assert yaml_control_warnings(doc.root, text, "m.yaml") == problems or not maybe_controls(text.encode())

    check()


def test_refusals_quote_hostile_file_names_escaped(tmp_path):
    name = "out" + ATTACK.replace("/", "_") + ".yaml"
    (tmp_path / name).write_text("already here\n")
    proc = subprocess.run([sys.executable, "-m", "argmap", "import", "aif", "missing.json", "-o", name],
                          cwd=tmp_path, capture_output=True, timeout=60)
    assert proc.returncode in (1, 2)
    assert_inert(proc.stderr)
    assert b"exists" in proc.stderr and visible(name).encode() in proc.stderr

"""The analysis commands end to end: eval, stats, stances, search, show."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main

REPO = Path(__file__).resolve().parents[2]

DEBATE = {
    "debate": {
        "reform": {"kind": "claim", "by": "alice", "text": "The reform should go ahead.",
                   "stance": {"tendering": "against"}},
        "evidence": {"kind": "premise", "by": "alice", "text": "Waiting lists fell in the pilot areas.",
                     "supports": "reform", "stance": {"tendering": "against"}},
        "cost": {"kind": "rebuttal", "by": "bob", "text": "The reform costs too much.",
                 "attacks": "reform", "stance": {"tendering": "for"}},
        "savings": {"kind": "rebuttal", "by": "alice", "text": "The reform pays for itself.",
                    "attacks": "cost", "tags": ["money"]},
        "pilots-unusual": {"kind": "rebuttal", "by": "bob", "text": "The pilot areas were unusual.",
                           "undercuts": {"from": "evidence", "to": "reform"}, "stance": {"integration": "neutral"}},
    },
    "reply": {
        "doubt": {"kind": "rebuttal", "by": "bob", "text": "Savings never materialise.",
                  "attacks": "debate:savings", "stance": {"tendering": "for"}},
        "doubt-doubted": {"kind": "rebuttal", "by": "carol", "text": "They did in 2019.", "attacks": "doubt"},
    },
}
SPEAKERS = {"alice": "Alice Smith", "bob": "Bob Jones", "carol": "Carol King"}
TOPICS = {"tendering": "Should services be tendered?", "integration": "Should care be integrated?"}


@pytest.fixture
def debate(build) -> Path:
    return build(DEBATE, topics=TOPICS, speakers=SPEAKERS)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- eval ---------------------------------------------------------------------------------------


def test_eval_grounded(debate, capsys):
    code, out, err = run(capsys, "eval", str(debate / "debate.yaml"))
    assert code == 0, err
    assert "debate (" in out and "reply" not in out.split("\n")[0]
    lines = out.splitlines()
    # The reform's only reason (evidence) is undercut, so it falls though its attacker cost is OUT.
    row = next(i for i, line in enumerate(lines) if " reform " in line and line.strip().startswith("OUT"))
    assert "every stated reason for it is defeated (evidence ⇒ reform)" in lines[row + 1]
    assert any(line.strip().startswith("OUT") and " cost " in line for line in lines)
    assert "undercut by pilots-unusual, which is IN" in out
    assert "\x1b[" not in out  # not a terminal: no colour


def test_eval_all_maps_and_json(debate, capsys):
    code, out, _ = run(capsys, "eval", "--maps", str(debate), "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["semantics"] == "grounded" and doc["labellings"] == 1
    labels = {n["ref"]: n["label"] for m in doc["maps"] for n in m["nodes"]}
    assert labels == {"debate:reform": "out", "debate:evidence": "in", "debate:cost": "out",
                      "debate:savings": "in", "debate:pilots-unusual": "in",
                      "reply:doubt": "out", "reply:doubt-doubted": "in"}
    reasons = {n["ref"]: n["reason"] for m in doc["maps"] for n in m["nodes"]}
    assert reasons["reply:doubt"] == "attacked by debate:doubt-doubted, which is IN" or \
        reasons["reply:doubt"] == "attacked by doubt-doubted, which is IN"


def test_eval_by_map_id(debate, capsys):
    code, out, _ = run(capsys, "eval", "reply", "--maps", str(debate))
    assert code == 0 and out.startswith("reply (")


def test_eval_preferred_all(build, capsys):
    maps = build({"m": {"a": {"attacks": "b"}, "b": {"by": "bob", "attacks": "a"},
                        "c": {"attacks": "d"}, "d": {"attacks": "e"}, "e": {"attacks": "c"}}})
    code, out, _ = run(capsys, "eval", str(maps), "-s", "preferred", "--all")
    assert code == 0
    assert "2 labellings" in out
    assert "dispute" in out and "1. " in out and "2. " in out
    code, out, _ = run(capsys, "eval", str(maps), "-s", "stable")
    assert code == 0
    assert "no stable labelling exists" in out and "odd attack cycle c → d → e → c" in out


def test_eval_shows_expect_mismatch_instead_of_refusing(build, capsys):
    maps = build({"m": {"a": {"expect": "in"}, "b": {"attacks": "a"}}})
    code, out, _ = run(capsys, "eval", str(maps))
    assert code == 0
    assert "(expected IN)" in out


def test_eval_too_hard_is_a_clear_error(build, capsys):
    maps = build({"m": {"a": {"attacks": "b"}, "b": {"attacks": "a"}}})
    code, _, err = run(capsys, "eval", str(maps), "-s", "preferred", "--max-steps", "1")
    assert code == 1
    assert "too large to solve exactly" in err and "grounded semantics answers at once" in err
    assert "Traceback" not in err


# -- errors common to every command ---------------------------------------------------------------

COMMANDS = [["eval"], ["stats"], ["stances"], ["search", "reform"], ["show"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_bad_path_is_usage_error(command, debate, capsys):
    code, out, err = run(capsys, *command, str(debate / "debat.yaml"))
    assert code == 2
    assert "no such file or folder" in err and "did you mean 'debate.yaml'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_unknown_map_id_is_usage_error(command, debate, capsys):
    code, _, err = run(capsys, *command, "debat", "--maps", str(debate))
    assert code == 2
    assert "unknown map 'debat'" in err and "did you mean 'debate'" in err


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_missing_maps_folder(command, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *command, "some-map")
    assert code == 2
    assert "no maps folder" in err


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_broken_maps_are_refused(command, build, capsys):
    maps = build({"debate": {"reform": {"attacks": "nowhere"}}})
    target = str(maps / "debate.yaml")
    code, out, err = run(capsys, *command, target)
    assert code == 1
    assert "error[unknown-node]" in err
    assert "fix them first" in err
    assert out == ""


def test_show_unknown_node(debate, capsys):
    code, _, err = run(capsys, "show", str(debate / "debate.yaml"), "evidense")
    assert code == 2
    assert "has no node 'evidense'" in err and "did you mean 'evidence'" in err
    code, _, err = run(capsys, "show", str(debate / "debate.yaml"), "doubt")
    assert code == 2
    assert "try reply:doubt" in err


# -- stats --------------------------------------------------------------------------------------------


def test_stats_text(debate, capsys):
    code, out, _ = run(capsys, "stats", "--maps", str(debate))
    assert code == 0
    assert "2 maps, 7 nodes" in out
    assert "rebuttal      5" in out or "rebuttal" in out
    assert "most attacked" in out and "deepest argument chain" in out


def test_stats_json(debate, capsys):
    code, out, _ = run(capsys, "stats", "--maps", str(debate), "-f", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["nodes"] == 7
    assert doc["kinds"] == {"claim": 1, "premise": 1, "rebuttal": 5, "concession": 0}
    assert doc["relations"] == {"supports": 1, "attacks": 4, "undercuts": 1, "same_as": 0, "qualifies": 0,
                                "related_to": 0}
    speakers = {s["id"]: s for s in doc["speakers"]}
    assert speakers["bob"]["nodes"] == 3 and speakers["bob"]["maps"] == ["debate", "reply"]
    assert speakers["bob"]["relations"]["undercuts"] == 1
    topics = {t["id"]: t for t in doc["topics"]}
    assert topics["tendering"]["stances"] == {"for": 2, "against": 2, "mixed": 0, "neutral": 0}
    attacked = {a["ref"]: a["attacks"] for a in doc["most_attacked"]}
    # reform: attacked by cost and, through its inference, undercut by pilots-unusual.
    assert attacked["debate:reform"] == 2
    assert doc["most_supported"][0]["ref"] == "debate:reform"
    chain = [step["ref"] for step in doc["deepest_chain"]]
    assert chain == ["reply:doubt-doubted", "reply:doubt", "debate:savings", "debate:cost", "debate:reform"]
    assert [s["relation"] for s in doc["deepest_chain"]] == ["attacks"] * 4 + [None]


def test_stats_one_map(debate, capsys):
    code, out, _ = run(capsys, "stats", str(debate / "reply.yaml"), "-f", "json")
    doc = json.loads(out)
    assert doc["nodes"] == 2
    assert [m["map"] for m in doc["maps"]] == ["reply"]


def test_deepest_chain_survives_cycles(build, capsys):
    maps = build({"m": {"a": {"attacks": "b"}, "b": {"attacks": "a"}, "c": {"supports": "a"}, "d": {"attacks": "c"}}})
    code, out, _ = run(capsys, "stats", str(maps), "-f", "json")
    chain = json.loads(out)["deepest_chain"]
    assert [s["ref"] for s in chain][:2] == ["m:d", "m:c"]
    assert chain[-1]["cycle"] == 2


# -- stances ------------------------------------------------------------------------------------------


def test_stances_table(debate, capsys):
    code, out, _ = run(capsys, "stances", "--maps", str(debate))
    assert code == 0
    assert "topic × article" in out and "topic × speaker" in out
    debate_row = next(line for line in out.splitlines() if line.strip().startswith("debate "))
    # Alice is against tendering and Bob for: the article's voices differ, which is not one mixed voice.
    assert "split" in debate_row and "mixed" not in debate_row and "neutral" in debate_row
    assert "  debate on tendering: against: alice; for: bob" in out.split("split: the article's voices differ:")[1]


def test_one_voice_holding_both_is_mixed_not_split(build, capsys):
    maps = build({"m": {"a": {"by": "alice", "stance": {"tendering": "for"}, "supports": "b"},
                        "b": {"by": "alice", "stance": {"tendering": "against"}},
                        "c": {"by": "bob", "stance": {"tendering": "neutral"}, "supports": "b"}}},
                 topics={"tendering": "Tender?"})
    code, out, _ = run(capsys, "stances", "--maps", str(maps), "-f", "json", "--by", "article")
    assert code == 0
    (article,) = json.loads(out)["articles"]
    assert article["positions"]["tendering"] == "mixed" and article["split"] == {}


def test_stances_csv(debate, capsys):
    code, out, _ = run(capsys, "stances", "--maps", str(debate), "-f", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    cells = {(r["kind"], r["id"]): r for r in rows}
    assert cells[("article", "debate")]["tendering"] == "split"
    assert cells[("article", "reply")]["tendering"] == "for"
    assert cells[("article", "reply")]["integration"] == ""
    assert cells[("speaker", "alice")]["tendering"] == "against"
    assert cells[("speaker", "bob")]["tendering"] == "for"
    assert cells[("speaker", "bob")]["name"] == "Bob Jones"
    assert ("speaker", "carol") not in cells  # no stances


def test_stances_json_by_speaker(debate, capsys):
    code, out, _ = run(capsys, "stances", "--maps", str(debate), "-f", "json", "--by", "speaker")
    doc = json.loads(out)
    assert "articles" not in doc
    bob = next(r for r in doc["speakers"] if r["id"] == "bob")
    assert bob["positions"] == {"tendering": "for", "integration": "neutral"}
    assert bob["counts"]["tendering"] == {"for": 2}


def test_combine():
    from argmap.analysis.stances import combine
    from argmap.model import Stance

    assert combine([]) is None
    assert combine([Stance.FOR, Stance.NEUTRAL]) is Stance.FOR
    assert combine([Stance.FOR, Stance.AGAINST]) is Stance.MIXED
    assert combine([Stance.AGAINST, Stance.MIXED]) is Stance.MIXED
    assert combine([Stance.NEUTRAL]) is Stance.NEUTRAL


# -- search -------------------------------------------------------------------------------------------


def test_search_format_and_line(debate, capsys):
    code, out, _ = run(capsys, "search", "costs", str(debate))
    assert code == 0
    assert out.count("\n") == 1
    path, line, rest = out.rstrip("\n").split(":", 2)
    assert path.endswith("debate.yaml")
    assert rest == " cost — The reform costs too much."
    text = Path(path).read_text().splitlines()
    assert text[int(line) - 1].strip() == "cost:"


@pytest.mark.parametrize("query, expected", [
    ("REFORM SHOULD", {"reform"}),                  # case-insensitive, every word
    ("bob jones", {"cost", "pilots-unusual", "doubt"}),  # speaker name
    ("carol", {"doubt-doubted"}),                   # speaker id
    ("doubt", {"doubt", "doubt-doubted"}),          # ids
    ("number 4", {"pilots-unusual"}),                # quotes (only the quote says "number")
    ("money", {"savings"}),                         # tags
    ("reply:doubt-d", {"doubt-doubted"}),           # map:node
    ("ductions", set()),                            # words match at word starts only
])
def test_search_fields(debate, capsys, query, expected):
    code, out, _ = run(capsys, "search", query, "--maps", str(debate))
    found = {line.split(": ", 1)[1].split(" — ")[0] for line in out.splitlines()}
    assert found == expected
    assert code == (0 if expected else 1)


def test_search_nothing_found_exits_1(debate, capsys):
    code, out, _ = run(capsys, "search", "zebra", str(debate))
    assert code == 1 and out == ""


def test_search_empty_query(debate, capsys):
    code, _, err = run(capsys, "search", "  ", str(debate))
    assert code == 2 and "empty" in err


def test_search_colour_forced_and_no_color(debate, capsys, monkeypatch):
    code, out, _ = run(capsys, "search", "reform", str(debate), "--colour", "always")
    assert "\x1b[" in out
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run(capsys, "search", "reform", str(debate))
    assert "\x1b[" not in out


# -- show ---------------------------------------------------------------------------------------------


def test_show_text(debate, capsys):
    code, out, _ = run(capsys, "show", str(debate / "debate.yaml"))
    assert code == 0
    lines = out.splitlines()
    # Labels are shown as states of the debate, not as IN/OUT (docs/analysis.md).
    root = next(i for i, line in enumerate(lines) if line.startswith("[its reasons are defeated] reform "))
    block = "\n".join(lines[root:])
    assert "  + [unchallenged] evidence (premise, Alice Smith)" in block
    assert "    ⊘ [unchallenged] pilots-unusual (rebuttal, Bob Jones)" in block
    assert "  − [challenged, no reply in the maps] cost (rebuttal, Bob Jones)" in block
    assert "    − [defended] savings" in block
    assert "      − [challenged, no reply in the maps] reply:doubt" in block
    assert "IN " not in out and "OUT " not in out


def test_show_node_and_depth(debate, capsys):
    code, out, _ = run(capsys, "show", str(debate / "debate.yaml"), "cost", "--depth", "1", "--no-labels")
    assert code == 0
    assert "\ncost (rebuttal, Bob Jones)" in out
    assert "− savings" in out and "doubt" not in out


def test_show_markdown(debate, capsys):
    code, out, _ = run(capsys, "show", "debate", "--maps", str(debate), "-f", "markdown", "--quotes")
    assert code == 0
    assert out.startswith("## Test map debate")
    assert "- **its reasons are defeated** `reform` (claim, Alice Smith): The reform should go ahead." in out
    assert "  - *attacks:* **challenged, no reply in the maps** `cost`" in out
    assert "> “Sentence number 0 is about reform.”" in out


def test_show_shared_premise_and_linked(build, capsys):
    maps = build({"m": {
        "c1": {}, "c2": {},
        "shared": {"kind": "premise", "supports": ["c1", "c2"]},
        "p1": {"kind": "premise", "supports": [{"to": "c1", "with": ["p2"]}]},
        "p2": {"kind": "premise"},
        "loop-a": {"attacks": "loop-b"}, "loop-b": {"attacks": "loop-a"},
    }})
    code, out, _ = run(capsys, "show", str(maps / "m.yaml"), "--no-labels")
    assert code == 0
    assert "shared (see above)" in out
    assert "together:" in out
    assert "loop-a" in out and "loop-b" in out  # a cycle is printed once, not forever


# -- smoke test on the real maps ---------------------------------------------------------------------


@pytest.mark.parametrize("command", [["eval"], ["eval", "-s", "preferred"], ["stats"], ["stances"],
                                     ["stances", "-f", "csv"], ["search", "NHS"]], ids=" ".join)
def test_real_maps_smoke(command):
    # The maps are curated concurrently: they may have errors (exit 1 with the
    # diagnostics), but never a crash or a usage error.
    proc = subprocess.run([sys.executable, "-m", "argmap", *command], cwd=REPO, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    if proc.returncode == 0:
        assert proc.stdout.strip()


def test_real_maps_show_every_map():
    from argmap.project import load

    result = load([REPO / "maps"])
    if result.errors:
        pytest.skip("the real maps have errors right now")
    for map_id in result.project.maps:
        proc = subprocess.run([sys.executable, "-m", "argmap", "show", map_id, "-f", "markdown"], cwd=REPO,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith("## ")


def test_errors_in_other_maps_are_context(build, capsys):
    maps = build({"good": {"a": {}}, "bad": {"b": {"attacks": "nowhere"}}})
    code, out, err = run(capsys, "eval", str(maps / "good.yaml"))
    assert code == 0, err
    code, out, err = run(capsys, "eval", "good", "--maps", str(maps))
    assert code == 0, err
    code, out, err = run(capsys, "eval", "--maps", str(maps))  # every map: the broken one counts
    assert code == 1 and "error[unknown-node]" in err


def test_unloadable_map_id_says_why(build, capsys):
    maps = build({"good": {"a": {}}})
    (maps / "bad.yaml").write_text("map: bad\ntitle: [unclosed\n")
    code, out, err = run(capsys, "stats", "bad", "--maps", str(maps))
    assert code == 1
    assert "could not be loaded" in err and "bad.yaml" in err
    code, out, err = run(capsys, "stats", "good", "--maps", str(maps))
    assert code == 0, err

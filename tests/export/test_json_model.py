"""The JSON model (format ``argmap``, version 2) carries every construct of the format.

A tool reading ``argmap export -f json`` must learn everything the map says about
how commentary argues: force and who says so, qualifications and their kind,
who draws an inference, schemes, related propositions, adoption, and stance
details, with the debate state beside the semantics' own label.
"""

from __future__ import annotations

import json
from pathlib import Path

from argmap.cli import main
from argmap.export.json_model import VERSION

SEED = ("Heath says Labour thinks all criticism is an attack. "
        "Labour says the plan is wrong. "
        "The plan is not enough. "
        "Perhaps the plan will help. "
        "Experts agree the plan will help. "
        "Why would anyone oppose it? "
        "Change must come.\n")

MAP = """\
map: m
title: Every construct
source: {seed: m.txt, genre: opinion-column}
speakers:
  heath: {name: Allister Heath}
  labour: {name: Labour}
  rayner: {name: Angela Rayner, adopts: [labour]}
nodes:
  ascribed:
    kind: claim
    by: labour
    force: ascribed
    said_by: heath
    text: All criticism is an attack.
    quote: Labour thinks all criticism is an attack
    stance: {nhs-criticism: {is: for, if: the critic is a Tory, only: staff, as_of: "1946"}}
    supports: wrong
  wrong:
    kind: rebuttal
    by: labour
    text: The plan is wrong.
    quote: the plan is wrong
    attacks: {to: plan, scheme: negative-consequences}
  not-enough:
    kind: concession
    by: heath
    text: The plan is not enough.
    quote: The plan is not enough.
    qualifies: {to: plan, how: not-enough}
  plan:
    kind: claim
    by: heath
    force: hedged
    text: The plan will help.
    quote: Perhaps the plan will help.
    related_to: change
  experts:
    kind: premise
    by: heath
    text: Experts agree the plan will help.
    quote: Experts agree the plan will help.
    supports: {to: plan, by: rayner, scheme: expert-opinion}
  question:
    kind: premise
    by: heath
    force: rhetorical-question
    text: Nobody should oppose it.
    quote: Why would anyone oppose it?
    supports: plan
  change:
    kind: claim
    by: heath
    text: Change must come.
    quote: Change must come.
"""
TOPICS = "topics:\n  nhs-criticism: {question: Is criticism an attack?}\n"


def _export(tmp_path: Path) -> dict:
    (tmp_path / "maps").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "maps" / "m.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path / "maps" / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    (tmp_path / "seeds" / "m.txt").write_text(SEED, encoding="utf-8")
    assert main(["check", "--strict", str(tmp_path / "maps")]) == 0
    out = tmp_path / "model.json"
    assert main(["export", str(tmp_path / "maps"), "-o", str(out), "-q"]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_version_is_two(tmp_path: Path) -> None:
    data = _export(tmp_path)
    assert (data["format"], data["version"]) == ("argmap", VERSION) == ("argmap", 2)


def test_force_and_who_says_so(tmp_path: Path) -> None:
    nodes = {n["id"]: n for n in _export(tmp_path)["maps"][0]["nodes"]}
    assert (nodes["ascribed"]["force"], nodes["ascribed"]["by"], nodes["ascribed"]["said_by"]) == \
        ("ascribed", "labour", "heath")
    assert nodes["plan"]["force"] == "hedged" and nodes["plan"]["said_by"] is None
    assert nodes["question"]["force"] == "rhetorical-question"
    assert nodes["not-enough"]["force"] == "conceded"  # the default of a concession, written out
    assert nodes["change"]["force"] == "asserted"


def test_stance_details(tmp_path: Path) -> None:
    node = next(n for n in _export(tmp_path)["maps"][0]["nodes"] if n["id"] == "ascribed")
    assert node["stances"] == {"nhs-criticism": "for"}
    assert node["stance_details"] == {"nhs-criticism": {"if": "the critic is a Tory", "only": "staff",
                                                        "as_of": "1946"}}


def test_relations_carry_scheme_inferrer_and_how(tmp_path: Path) -> None:
    relations = _export(tmp_path)["maps"][0]["relations"]
    by_source = {(r["source"], r["kind"]): r for r in relations}
    support = by_source[("m:experts", "supports")]
    assert (support["scheme"], support["scheme_name"], support["drawn_by"]) == \
        ("expert-opinion", "Expert Opinion", "rayner")
    attack = by_source[("m:wrong", "attacks")]
    assert (attack["scheme"], attack["scheme_name"]) == ("negative-consequences", "Negative Consequences")
    qualification = by_source[("m:not-enough", "qualifies")]
    assert (qualification["target"], qualification["how"]) == ("m:plan", "not-enough")
    assert by_source[("m:plan", "related_to")]["target"] == "m:change"
    plain = by_source[("m:question", "supports")]
    assert "scheme" not in plain and "drawn_by" not in plain


def test_qualification_does_not_defeat_and_state_is_named(tmp_path: Path) -> None:
    nodes = {n["id"]: n for n in _export(tmp_path)["maps"][0]["nodes"]}
    # 'wrong' attacks 'plan' unanswered; 'not-enough' only qualifies it.
    assert (nodes["plan"]["label"], nodes["plan"]["state"]) == ("out", "challenged")
    assert (nodes["not-enough"]["label"], nodes["not-enough"]["state"]) == ("in", "unchallenged")
    assert (nodes["wrong"]["label"], nodes["wrong"]["state"]) == ("in", "unchallenged")


def test_adopts(tmp_path: Path) -> None:
    speakers = {s["id"]: s for s in _export(tmp_path)["maps"][0]["speakers"]}
    assert speakers["rayner"]["adopts"] == ["labour"]
    assert speakers["heath"]["adopts"] == []


def test_no_labels_no_states(tmp_path: Path) -> None:
    _export(tmp_path)
    out = tmp_path / "plain.json"
    assert main(["export", str(tmp_path / "maps"), "-o", str(out), "--labels", "none", "-q"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["semantics"] is None
    assert all("label" not in n and "state" not in n for n in data["maps"][0]["nodes"])

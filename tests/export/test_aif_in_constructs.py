"""`argmap import aif` reads back every construct of the format (issue 12), and a round trip loses nothing.

The fixture map uses each construct once: forces (reported, rhetorical
question, hedged, ascribed, conceded), said_by, who draws an inference,
schemes on supports, attacks and undercuts (an explicit default-inference
too), qualifications with and without `how`, related_to and same_as across
maps, adoptions by a speaker and a part, and a conditional, partial, dated
stance.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.export.aif_import import convert
from argmap.project import load

SEED_A = """The minister said taxes should rise. Schools need money, he added. Experts agree that schools need money.
A reader wrote: but why are we still waiting? Taxes hurt growth, critics say. That link is weak.
Some suggested the rise was not enough. The union is thought to favour the rise.
In this binary world, you either love taxes or hate them.
This is what I want to say: the minister is right.
"""
SEED_B = "Taxes must go up soon. The economy will cope.\n"
TOPICS = "topics:\n  taxes:\n    question: Should taxes rise?\n"
MAP_B = """map: b
title: The other article
source: {seed: b.txt, genre: news-report}
speakers:
  chancellor: {name: The Chancellor}
nodes:
  taxes-up:
    kind: claim
    by: chancellor
    text: Taxes must go up soon.
    quote: Taxes must go up soon.
  economy-copes:
    kind: premise
    by: chancellor
    text: The economy will cope.
    quote: The economy will cope.
    supports: taxes-up
"""
MAP_A = """map: a
title: Every construct
source:
  seed: a.txt
  genre: news-report
  parts:
    report: {genre: news-report, starts: The minister said}
    comment: {genre: reader-comment, speaker: reader, starts: "This is what I want to say", adopts: report}
speakers:
  minister: {name: The Minister, role: minister}
  experts: {name: Experts, via: minister}
  reader: {name: A reader, adopts: minister}
  critics: {name: Critics}
  union: {name: The union, via: minister}
nodes:
  taxes-rise:
    kind: claim
    by: minister
    text: Taxes should rise.
    quote: taxes should rise
    stance: {taxes: {is: for, if: when schools need it, only: income tax, as_of: 2020}}
    related_to: b:taxes-up
  schools-need-money:
    kind: premise
    by: minister
    text: Schools need money.
    quote: Schools need money
    supports:
      - {to: taxes-rise, scheme: practical-reasoning}
  experts-agree:
    kind: premise
    by: experts
    force: reported
    text: Experts agree that schools need money.
    quote: Experts agree that schools need money.
    supports:
      - {to: taxes-rise, with: [schools-need-money], by: minister, scheme: expert-opinion}
  still-waiting:
    kind: claim
    by: reader
    force: rhetorical-question
    text: We have waited too long.
    quote: but why are we still waiting?
    supports: [taxes-rise]
  taxes-hurt:
    kind: rebuttal
    by: critics
    text: Taxes hurt growth.
    quote: Taxes hurt growth
    attacks:
      - {to: taxes-rise, scheme: negative-consequences}
  link-weak:
    kind: rebuttal
    by: minister
    force: hedged
    text: The link is weak.
    quote: That link is weak.
    undercuts:
      - {from: schools-need-money, to: taxes-rise, scheme: default-conflict}
  not-enough:
    kind: concession
    by: critics
    text: The rise is not enough.
    quote: the rise was not enough
    qualifies:
      - {to: taxes-rise, how: not-enough}
    same_as: b:taxes-up
  union-favours:
    kind: premise
    by: union
    force: reported
    said_by: minister
    text: The union favours the rise.
    quote: The union is thought to favour the rise.
    supports: {to: taxes-rise, scheme: default-inference}
  binary-world:
    kind: claim
    by: critics
    force: ascribed
    said_by: minister
    text: You either love taxes or hate them.
    quote: you either love taxes or hate them
    qualifies: taxes-rise
    expect: in
    note: A characterisation.
    tags: [framing]
  minister-right:
    kind: claim
    by: reader
    force: conceded
    text: The minister is right.
    quote: the minister is right
    supports: taxes-rise
"""

FLAVOURS = ["aifdb", "ova"]


@pytest.fixture
def project(tmp_path) -> Path:
    """maps/ with a, b and topics; seeds/ beside it."""
    (tmp_path / "maps").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(SEED_A, encoding="utf-8")
    (tmp_path / "seeds" / "b.txt").write_text(SEED_B, encoding="utf-8")
    (tmp_path / "maps" / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    (tmp_path / "maps" / "a.yaml").write_text(MAP_A, encoding="utf-8")
    (tmp_path / "maps" / "b.yaml").write_text(MAP_B, encoding="utf-8")
    return tmp_path


def destination(root: Path, with_b: bool = True) -> Path:
    """A maps folder with the topics file (and map b, with its seed), without map a."""
    (root / "maps").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "maps" / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    if with_b:
        (root / "maps" / "b.yaml").write_text(MAP_B, encoding="utf-8")
        (root / "seeds" / "b.txt").write_text(SEED_B, encoding="utf-8")
    return root / "maps"


def export(map_file: Path, out: Path, flavour: str) -> Path:
    assert main(["export", str(map_file), "-f", "aif", "--aif-flavour", flavour, "-o", str(out), "-q"]) == 0
    return out


def everything(argmap) -> list:
    """A map as a user relies on it: every field of every node, in order, and its speakers and parts."""
    nodes = [(n.id, n.kind, n.by, n.via, n.force, n.said_by, n.text, tuple(q.text for q in n.quotes), n.tags,
              tuple(n.stances.items()), tuple(n.stance_details.items()), n.expect, n.note,
              tuple((r.kind, r.target, tuple(sorted(r.group)), r.premise, r.scheme, r.drawn_by, r.how)
                    for r in n.relations))
             for n in argmap.nodes.values()]
    speakers = [(s.id, s.name, s.role, s.via, s.adopts) for s in argmap.speakers.values()]
    parts = [(p.id, p.genre, p.speaker, p.starts, p.adopts) for p in argmap.source.parts]
    return [argmap.title, argmap.source.genre, nodes, speakers, parts]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_every_construct_survives_map_to_aif_to_map(project, tmp_path, flavour):
    before = load([str(project / "maps")]).project.maps["a"]
    aif = export(project / "maps" / "a.yaml", tmp_path / "a.json", flavour)
    maps = destination(tmp_path / "again")
    assert main(["import", "aif", str(aif), "-o", str(maps / "a.yaml"), "-q"]) == 0
    loaded = load([str(maps)])
    assert not loaded.errors, [d.format() for d in loaded.errors]
    assert everything(loaded.project.maps["a"]) == everything(before)
    assert (tmp_path / "again" / "seeds" / "a.txt").read_text(encoding="utf-8") == SEED_A


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_map_written_by_argmap_round_trips_byte_for_byte(project, tmp_path, flavour):
    first = destination(tmp_path / "first")
    assert main(["import", "aif", str(export(project / "maps" / "a.yaml", tmp_path / "a.json", flavour)),
                 "-o", str(first / "a.yaml"), "-q"]) == 0
    again = tmp_path / "x" / "a.json"  # the same file name: the header names it
    export(first / "a.yaml", again, flavour)
    second = destination(tmp_path / "second")
    assert main(["import", "aif", str(again), "-o", str(second / "a.yaml"), "-q"]) == 0
    assert (second / "a.yaml").read_bytes() == (first / "a.yaml").read_bytes()


def test_our_aif_with_cross_map_links_checks_in_a_fresh_folder(project, tmp_path, capsys):
    """Issue 17: the nodes of other maps come with the map, so the result checks anywhere."""
    aif = export(project / "maps" / "a.yaml", tmp_path / "a.json", "aifdb")
    fresh = tmp_path / "fresh" / "maps"
    fresh.mkdir(parents=True)
    assert main(["import", "aif", str(aif), "-o", str(fresh / "a.yaml")]) == 0
    assert "stands for b:taxes-up, which the destination does not have" in capsys.readouterr().err
    assert main(["check", str(fresh), "-q"]) == 0
    argmap = load([str(fresh)]).project.maps["a"]
    borrowed = argmap.nodes["taxes-up"]
    assert borrowed.by == "chancellor" and argmap.speakers["chancellor"].name == "The Chancellor"
    assert "b:taxes-up" in borrowed.note and "The other article" in borrowed.note
    links = {(r.kind.value, r.source.node_id) for n in argmap.nodes.values() for r in n.relations
             if r.target.node_id == "taxes-up"}
    assert links == {("related_to", "taxes-rise"), ("same_as", "not-enough")}
    # The seed is the article, then the borrowed node's words.
    seed = (tmp_path / "fresh" / "seeds" / "a.txt").read_text(encoding="utf-8")
    assert seed.startswith(SEED_A.rstrip("\n")) and seed.rstrip().endswith("Taxes must go up soon.")


def test_a_destination_that_has_the_other_map_keeps_the_reference(project, tmp_path):
    aif = export(project / "maps" / "a.yaml", tmp_path / "a.json", "aifdb")
    maps = destination(tmp_path / "d")
    assert main(["import", "aif", str(aif), "-o", str(maps / "a.yaml"), "-q"]) == 0
    argmap = load([str(maps)]).project.maps["a"]
    assert "taxes-up" not in argmap.nodes
    assert [str(r.target) for r in argmap.nodes["not-enough"].relations if r.kind.value == "same_as"] == ["b:taxes-up"]


def test_what_plain_aif_cannot_say_is_dropped_not_invented(project, tmp_path):
    """Without argmap's block: schemes and forces come from the graph; no qualifications; related_to is a rephrase."""
    document = json.loads(export(project / "maps" / "a.yaml", tmp_path / "a.json", "aifdb").read_text())
    document.pop("argmap")
    result = convert(document, "a", seeds_dir=tmp_path / "seeds")
    root = tmp_path / "plain"
    (root / "maps").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "seeds" / result.seed_name).write_text(result.seed_text, encoding="utf-8")
    (root / "maps" / "a.yaml").write_text(result.yaml, encoding="utf-8")
    loaded = load([str(root / "maps")])
    assert not loaded.errors, [d.format() for d in loaded.errors]
    nodes = {n.text: n for n in loaded.project.maps["a"].nodes.values()}
    schemes = {r.scheme for n in nodes.values() for r in n.relations} - {None}
    assert schemes == {"practical-reasoning", "expert-opinion", "negative-consequences"}
    assert nodes["We have waited too long."].force.value == "rhetorical-question"
    assert nodes["The link is weak."].force.value == "hedged"
    assert nodes["The minister is right."].force.value == "conceded"
    assert not any(r.kind.value == "qualifies" for n in nodes.values() for r in n.relations)


@pytest.mark.parametrize("order", [("a", "b"), ("b", "a")])
def test_a_batch_of_our_files_refers_across_whatever_the_order(project, tmp_path, order):
    """Restoring a project from its AIF files: a map refers to one later in the batch, never copies its nodes."""
    files = [export(project / "maps" / f"{m}.yaml", tmp_path / "aif" / f"{m}.json", "aifdb") for m in order]
    maps = tmp_path / "restored" / "maps"
    maps.mkdir(parents=True)
    (maps / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    assert main(["import", "aif", *map(str, files), "-o", str(maps), "-q"]) == 0
    loaded = load([str(maps)])
    assert not loaded.errors, [d.format() for d in loaded.errors]
    assert "taxes-up" not in loaded.project.maps["a"].nodes
    assert everything(loaded.project.maps["a"]) == everything(load([str(project / "maps")]).project.maps["a"])

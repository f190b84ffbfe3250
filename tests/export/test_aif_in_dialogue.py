"""Dialogue AIF (QT30, US2016 and OVA's IAT analyses): illocutions, several speakers of one proposition, schemes.

The file below is built in QT30's shape (AIFdb's layout: L-nodes ``Name :
words``, YA illocutions, TA transitions, participants, schemes by name, by
``scheme`` field and by ``schemefulfillments`` id only), since no QT30 file
with a licence we could keep was at hand (tests/data/aif/in-README.md).
"""

from __future__ import annotations

import json

import pytest

from argmap.cli import main
from argmap.export.aif_import import convert
from argmap.export.aif_read import AifNode
from argmap.export.aif_snode import force_of, scheme_of
from argmap.project import load


def dialogue() -> dict:
    nodes, edges, locutions = [], [], []

    def node(node_id, type_, text, **extra):
        nodes.append({"nodeID": str(node_id), "type": type_, "text": text, "timestamp": "2020-05-21 23:00:09",
                      **extra})

    def edge(a, b):
        edges.append({"edgeID": str(len(edges) + 1), "fromID": str(a), "toID": str(b), "formEdgeID": None})

    props = {1: "we need more nurses", 3: "the NHS is broken", 4: "funding will follow",
             5: "funding is tight", 6: "funding follows reform"}
    for i, text in props.items():
        node(i, "I", text)
    said = [(10, 1, "Alex Smith", "we need more nurses", "Asserting"),
            (11, 1, "Sam Jones", "yes, we need more nurses", "Asserting"),
            (12, 3, "Sam Jones", "isn't the NHS broken?", "Rhetorical Questioning"),
            (13, 4, "Alex Smith", "maybe funding will follow", "Assertive Questioning"),
            (14, 5, "Sam Jones", "fine, funding is tight", "Conceding"),
            (15, 6, "Alex Smith", "funding follows reform", "Default Illocuting")]
    people = {"Alex Smith": 101, "Sam Jones": 102}
    previous = None
    for l_id, i_id, who, words, illocution in said:
        node(l_id, "L", f"{who} : {words}")
        node(l_id + 100, "YA", illocution)
        edge(l_id, l_id + 100)
        edge(l_id + 100, i_id)
        locutions.append({"nodeID": str(l_id), "personID": str(people[who]), "start": "2020-05-21 23:00:09"})
        if previous is not None:  # transitions between locutions: what makes the file a dialogue
            node(l_id + 200, "TA", "Default Transition")
            edge(previous, l_id + 200)
            edge(l_id + 200, l_id)
        previous = l_id
    node(20, "RA", "Argument From Expert Opinion")  # OVA: the scheme in the text
    edge(3, 20)
    edge(20, 1)
    node(21, "RA", "RA")  # the scheme only in schemefulfillments (15: Expert Opinion)
    edge(6, 21)
    edge(21, 1)
    node(22, "CA", "CA", scheme="CauseToEffect", schemeID="")  # AraucariaDB/AIFdb: a 'scheme' field
    edge(5, 22)
    edge(22, 3)
    node(23, "MA", "Default Rephrase")
    edge(4, 23)
    edge(23, 6)
    return {"nodes": nodes, "edges": edges, "locutions": locutions,
            "participants": [{"participantID": str(pid), "firstname": name.split()[0], "surname": name.split()[1]}
                             for name, pid in people.items()],
            "schemefulfillments": [{"nodeID": "21", "schemeID": "15"}, {"nodeID": "20", "schemeID": "72"}]}


@pytest.fixture
def imported(tmp_path, capsys):
    source = tmp_path / "qt30-like.json"
    source.write_text(json.dumps(dialogue()), encoding="utf-8")
    maps = tmp_path / "maps"
    maps.mkdir()
    assert main(["import", "aif", str(source), "-o", str(maps / "debate.yaml")]) == 0
    assert "1 time(s) a second speaker asserts a proposition" in capsys.readouterr().err  # said, not silent
    loaded = load([str(maps)])
    assert not loaded.errors, [d.format() for d in loaded.errors]
    return loaded.project.maps["debate"]


def test_a_dialogue_is_a_debate(imported):
    assert imported.source.genre.value == "debate"


def test_coverage_counts_a_debate_with_opinion(imported):
    """Every turn of a debate argues: its sentences are held to the opinion floor, not the news one."""
    from argmap.coverage import map_coverage

    coverage = map_coverage(imported)
    assert coverage.total.get("opinion", 0) > 0 and "news" not in coverage.total


def test_illocutions_become_forces(imported):
    force = {n.text: n.effective_force.value for n in imported.nodes.values()}
    assert force["the NHS is broken"] == "rhetorical-question"
    assert force["funding will follow"] == "hedged"
    assert force["funding is tight"] == "conceded"
    assert force["funding follows reform"] == "asserted"  # Default Illocuting names no force
    assert imported.nodes["funding-follows-reform"].force is None  # and nothing is written for it


def test_two_speakers_of_one_proposition_are_both_kept(imported):
    """QT30: the first speaker keeps the node; the other gets a copy with their words, same_as it."""
    nurses = [n for n in imported.nodes.values() if n.text == "we need more nurses"]
    assert len(nurses) == 2
    first, second = nurses
    assert imported.speakers[first.by].name == "Alex Smith" and [q.text for q in first.quotes] == \
        ["we need more nurses"]
    assert imported.speakers[second.by].name == "Sam Jones" and [q.text for q in second.quotes] == \
        ["yes, we need more nurses"]
    assert [(r.kind.value, r.target.node_id) for r in second.relations] == [("same_as", first.id)]
    # The relations stay with the first.
    assert any(r.kind.value == "supports" for n in imported.nodes.values() for r in n.relations
               if r.target.node_id == first.id)


def test_schemes_by_text_field_and_schemeid(imported):
    schemes = {(r.source.node_id, r.kind.value): r.scheme for n in imported.nodes.values() for r in n.relations}
    assert schemes[("the-nhs-is-broken", "supports")] == "expert-opinion"        # "Argument From Expert Opinion"
    assert schemes[("funding-follows-reform", "supports")] == "expert-opinion"   # schemefulfillments: 15
    assert schemes[("funding-is-tight", "attacks")] == "cause-to-effect"         # scheme: CauseToEffect
    assert schemes[("funding-will-follow", "same_as")] is None


def test_genre_given_on_the_command_line_wins(tmp_path):
    source = tmp_path / "d.json"
    source.write_text(json.dumps(dialogue()), encoding="utf-8")
    maps = tmp_path / "maps"
    maps.mkdir()
    assert main(["import", "aif", str(source), "-o", str(maps / "d.yaml"), "--genre", "opinion-column", "-q"]) == 0
    assert load([str(maps)]).project.maps["d"].source.genre.value == "opinion-column"


@pytest.mark.parametrize(("node", "expected"), [
    (AifNode("RA", "Default Inference"), None),
    (AifNode("RA", "RA", scheme="PracticalReasoning"), "practical-reasoning"),
    (AifNode("RA", "Argument from Analogy"), "analogy"),
    (AifNode("RA", "RA", scheme_id="1"), "analogy"),
    (AifNode("RA", "Default Inference", scheme_id="15"), None),  # the text names a default: that wins
    (AifNode("CA", "Default Conflict", scheme_id="71"), None),
    (AifNode("RA", "", scheme_id="9999"), None),
])
def test_scheme_readings(node, expected):
    assert scheme_of(node).scheme == expected


def test_an_unknown_scheme_is_named_for_the_note():
    assert scheme_of(AifNode("RA", "RA", scheme="FearAppeal")) == (None, "FearAppeal")


@pytest.mark.parametrize(("text", "expected"), [
    ("Asserting", "asserted"), ("Conceding", "conceded"), ("Rhetorical Questioning", "rhetorical-question"),
    ("Assertive Questioning", "hedged"), ("RhetoricalQuestioning", "rhetorical-question"),
    ("Default Illocuting", None), ("Pure Questioning", None), ("YA_8c289b89043d660105748906e82207b3", None),
])
def test_illocution_readings(text, expected):
    force = force_of(AifNode("YA", text))
    assert (force.value if force else None) == expected


def test_a_hostile_says_prefix_is_only_a_name(tmp_path):
    """`X says '...'` recovers a speaker only as a name: ids are made from it, never taken from the file."""
    document = {"nodes": [{"nodeID": 1, "type": "I", "text": "taxes should rise"},
                          {"nodeID": 2, "type": "L", "text": "../../etc\x1b[31m says 'taxes should rise'"},
                          {"nodeID": 3, "type": "YA", "text": "Asserting"}],
                "edges": [{"fromID": 2, "toID": 3}, {"fromID": 3, "toID": 1}]}
    result = convert(document, "x", seeds_dir=tmp_path)
    assert "\x1b" not in result.yaml and "../" not in result.yaml.split("speakers:")[1].split("name:")[0]
    assert 'quote: "taxes should rise"' in result.yaml

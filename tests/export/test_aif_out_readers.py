"""The AIF we write, checked field by field against what AIFdb's upload and OVA3's load read.

The readers (read December 2026, quoted where a test depends on them):

* AIFdb, ``AIFdb/actions/json.php`` (github.com/arg-tech/AIFdb, LGPL-3.0),
  ``JsonAction::handle`` for a POSTed file: ``foreach ($json->nodes as
  $node) add_node($node->text, $node->type)`` keyed by ``'NA'.$node->nodeID``;
  ``foreach ($json->edges ...) add_edge($nodes_added['NA'.$edge->fromID],
  $nodes_added['NA'.$edge->toID])``; ``foreach ($json->schemefulfillments
  ...) add_sf($nodes_added['NA'.$sf->nodeID], $sf->schemeID)``; ``foreach
  ($json->participants ...) add_participant($p->firstname, $p->surname)``
  keyed by ``'PA'.$p->participantID``; ``foreach ($json->locutions ...)``
  with ``$p_added['PA'.$locution->personID]`` and, ``if
  (isset($locution->start))``, ``date("Y-m-d H:i:s", $start)`` (a Unix
  time).  ``add_node`` stores ``str_replace("\\n", " ", trim($text))``;
  ``add_participant`` runs ``"SELECT * FROM people WHERE firstName='" .
  $firstname . "' AND surname='" . $surname . "';"``; ``people.surname`` is
  ``varchar(32)``, ``firstName`` ``varchar(64)``
  (``mysql/docker-entrypoint-initdb.d/aifdb.sql``).
* OVA3, ``res/js/ova-save.js`` (github.com/arg-tech/OVA3, CC-BY-SA)
  ``loadfile``: ``if (json['OVA']) loadOva3Json`` else, when
  ``json['nodes'][0]`` has no ``x``, ``loaddbjson``.  ``loadOva3Json``:
  ``json['AIF']['participants']`` (``firstname``, ``surname``);
  ``json['text'].hasOwnProperty("txt")`` else ``json['text'] != ""``;
  ``json['AIF']['nodes']`` (``nodeID``, ``type``, ``text``; L-nodes'
  participant by ``findParticipantIDText``); ``json['AIF']
  ['schemefulfillments']`` → ``updateNodeScheme(nodeID, schemeID)``;
  ``descriptorfulfillments``, ``cqdescriptorfulfillments``;
  ``json['OVA']['nodes'].reduce(minX)`` (fails on an empty list) and each
  entry's ``nodeID``, ``visible``, ``x``, ``y``, ``timestamp``;
  ``json['OVA']['edges']`` (``fromID``, ``toID``).  ``res/js/ova-model.js``
  ``findParticipantIDText``: the text before the first ``:`` split at
  ``" "``, words 0 and 1 against first name and surname.
  ``res/js/ova-init.js`` ``hlUpdate``: the text span ``"node" + nodeID``,
  else for an I-node ``"node" + (parseInt(id[0]) + 1) + "_" + id[1]``.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.export.aif import dumps, to_aif
from argmap.export.aif_vocab import DEFAULT_OF_TYPE, ILLOCUTIONS, SCHEME_IDS

from . import test_aif_out_fixture as aif_out_fixture

S_TYPES = ("RA", "CA", "MA", "YA")


@pytest.fixture
def project(tmp_path):
    return aif_out_fixture.project(tmp_path)


@pytest.fixture
def aifdb(project):
    return json.loads(dumps(project, "main", "aifdb"))


@pytest.fixture
def ova(project):
    return json.loads(dumps(project, "main", "ova"))


# -- AIFdb's upload -------------------------------------------------------------------------------

def test_aifdb_reads_every_list_it_loops_over(aifdb):
    for key in ("nodes", "edges", "schemefulfillments", "participants", "locutions"):
        assert isinstance(aifdb[key], list) and aifdb[key], key
    assert "AIF" not in aifdb and "OVA" not in aifdb and "text" not in aifdb  # one layout, not a mix
    # Numeric ids, as OVA3's save2db posts them: OVA's loaddbjson adds a number to each (a string "2" -> "02").
    assert all(isinstance(n["nodeID"], int) for n in aifdb["nodes"])


def test_aifdb_finds_every_node_an_edge_scheme_or_locution_names(aifdb):
    nodes = {n["nodeID"]: n for n in aifdb["nodes"]}
    assert len(nodes) == len(aifdb["nodes"])
    for edge in aifdb["edges"]:
        assert edge["fromID"] in nodes and edge["toID"] in nodes
    for sf in aifdb["schemefulfillments"]:
        assert sf["nodeID"] in nodes
    people = {p["participantID"] for p in aifdb["participants"]}
    for locution in aifdb["locutions"]:
        assert nodes[locution["nodeID"]]["type"] == "L"
        assert locution["personID"] in people


def test_every_s_node_has_one_scheme_of_its_type(aifdb):
    """Issue 17: AIFdb reads only schemefulfillments, so each RA, CA, MA and YA needs one."""
    by_node = {}
    for sf in aifdb["schemefulfillments"]:
        assert sf["nodeID"] not in by_node
        assert re.fullmatch(r"[0-9]+", sf["schemeID"])
        by_node[sf["nodeID"]] = sf["schemeID"]
    known = {"RA": set(SCHEME_IDS.values()) | {"72"}, "CA": set(SCHEME_IDS.values()) | {"71"},
             "MA": {"144"}, "YA": {s.scheme_id for s in ILLOCUTIONS if s.scheme_id}}
    for node in aifdb["nodes"]:
        if node["type"] in S_TYPES:
            assert by_node[node["nodeID"]] == node["schemeID"] in known[node["type"]], node
            assert node["scheme"] == node["text"]  # as AIFdb's own exports write S-nodes
        else:
            assert node["nodeID"] not in by_node
    texts = [n["text"] for n in aifdb["nodes"]]
    assert {"Expert Opinion", "Ad Hominem", "Default Inference", "Default Conflict", "Default Rephrase",
            "Asserting", "Conceding", "Rhetorical Questioning", "Assertive Questioning"} <= set(texts)
    expert = next(n for n in aifdb["nodes"] if n["text"] == "Expert Opinion")
    assert expert["schemeID"] == "15" and expert["type"] == "RA"
    # A scheme whose AIFdb id argmap does not know is stored as its type's default, never another type's.
    ad_hominem = next(n for n in aifdb["nodes"] if n["text"] == "Ad Hominem")
    assert ad_hominem["schemeID"] == DEFAULT_OF_TYPE["CA"].scheme_id


def test_locutions_carry_no_offsets_as_times(aifdb):
    """AIFdb runs date() on start: a character offset 2205 would become 1970-01-01 00:36:45."""
    for locution in aifdb["locutions"]:
        assert set(locution) == {"nodeID", "personID"}
    spans = [s for info in aifdb["argmap"]["nodes"].values() for s in info.get("spans", ())]
    assert spans and all(isinstance(s, list) and len(s) == 2 for s in spans)


def test_aifdb_stores_the_texts_as_written(aifdb):
    for node in aifdb["nodes"]:
        assert node["text"] == node["text"].strip().replace("\n", " ")


def test_participants_survive_aifdb_lookup_and_columns(aifdb):
    people = {p["participantID"]: p for p in aifdb["participants"]}
    for person in people.values():
        first, last = person["firstname"], person["surname"]
        assert "'" not in first + last and "\\" not in first + last  # the lookup's SQL string stays whole
        assert len(last) <= 32 and len(first) <= 32
        assert first and first == first.strip() and last == last.strip()
    names = {(p["firstname"], p["surname"]) for p in people.values()}
    assert ("House of Commons", "Health and Social Care Committee") in names  # not "of Commons Health ..."
    assert ("Siobhán", "O\u2019Brien-Smith") in names
    assert ("UK government (ministers", "and the draft White Paper)") in names
    speakers = aifdb["argmap"]["speakers"]
    assert [s["participantID"] for s in speakers] == list(range(1, len(speakers) + 1))
    assert speakers[1]["name"] == "Siobhán O'Brien-Smith"  # the block keeps the name exactly


# -- OVA3's load ----------------------------------------------------------------------------------

def test_ova_layout_has_what_load_ova3_json_reads(ova):
    assert set(ova) == {"AIF", "OVA", "text", "argmap"}
    assert isinstance(ova["text"], str) and ova["text"]
    aif = ova["AIF"]
    for key in ("nodes", "edges", "schemefulfillments", "participants", "locutions", "descriptorfulfillments",
                "cqdescriptorfulfillments"):
        assert isinstance(aif[key], list), key
    assert all(set(n) == {"nodeID", "text", "type"} for n in aif["nodes"])
    layout = ova["OVA"]
    assert {"firstname", "surname", "url", "nodes", "edges"} <= set(layout)
    assert layout["nodes"], "OVA3 reduces OVA.nodes without an initial value"
    assert [n["nodeID"] for n in layout["nodes"]] == [n["nodeID"] for n in aif["nodes"]]
    for entry in layout["nodes"]:
        assert entry["visible"] is True and entry["timestamp"] == ""
        assert isinstance(entry["x"], int) and isinstance(entry["y"], int)
    assert [(e["fromID"], e["toID"]) for e in layout["edges"]] == [(e["fromID"], e["toID"]) for e in aif["edges"]]
    assert all(e["visible"] is True for e in layout["edges"])
    # Without a drawn position two nodes would sit on each other: I-nodes never do.
    at = {(e["x"], e["y"]) for e, n in zip(layout["nodes"], aif["nodes"]) if n["type"] == "I"}
    assert len(at) == sum(n["type"] == "I" for n in aif["nodes"])


def _find_participant_id_text(text: str, participants: list[dict]) -> int:
    """OVA3's findParticipantIDText, line for line."""
    index = text.find(":")
    words = text[:index].split(" ")
    first, last = words[0], words[1] if len(words) > 1 else None
    found = [p for p in participants if p["firstname"] == first and p["surname"] == last]
    return found[0]["participantID"] if found else 0


def test_ova_finds_each_l_nodes_participant_from_its_text(ova):
    aif = ova["AIF"]
    person_of = {loc["nodeID"]: loc["personID"] for loc in aif["locutions"]}
    l_nodes = [n for n in aif["nodes"] if n["type"] == "L"]
    assert l_nodes
    for node in l_nodes:
        assert _find_participant_id_text(node["text"], aif["participants"]) == person_of[node["nodeID"]], node
    # OVA writes "First Surname: words" (ova-init.js addLocution): no space before the colon.
    assert any(re.match(r"Siobhán O\u2019Brien-Smith: ", n["text"]) for n in l_nodes)


def test_ova_links_each_i_node_to_its_highlighted_quote(ova, project):
    text = ova["text"]
    home = {k: v for k, v in ova["argmap"]["nodes"].items() if not v.get("context")}
    for node_id, info in home.items():
        if info.get("spans"):
            number, session = node_id.split("_", 1)
            assert f'id="node{int(number) + 1}_{session}"' in text  # hlUpdate's fallback for an I-node
    plain = html.unescape(re.sub(r"<[^<>]*>", "", text.replace("<br>", "\n")))
    assert plain == project.maps["main"].seed_text
    assert "O'Brien said" in plain and "<span" in text


def test_ova_shows_the_article_page_when_there_is_no_text(project):
    from dataclasses import replace
    from types import MappingProxyType

    from argmap.model import Project

    argmap = project.maps["main"]
    bare = replace(argmap, seed_text=None, source=replace(argmap.source, url="https://example.org/a"))
    data = to_aif(Project(MappingProxyType({**project.maps, "main": bare}), project.topics), "main", "ova")
    assert data["text"] == "" and data["OVA"]["url"] == "https://example.org/a"


def _get_participant_name(text: str) -> tuple[str, str]:
    """OVA3's getParticipantName (ova-model.js), used by loaddbjson for AIFdb's layout."""
    index = text.find(":")
    names = text[:index].split(" ")
    return names[0], " ".join(names[1:])


def test_ova_reads_the_aifdb_layout_with_the_same_participants(aifdb):
    """OVA3 loads AIFdb's layout too (loaddbjson: nodes without x); it names each L-node's
    participant by getParticipantName, first word and rest, which our L-nodes give back."""
    assert "x" not in aifdb["nodes"][0]
    people = {p["participantID"]: (p["firstname"], p["surname"]) for p in aifdb["participants"]}
    nodes = {n["nodeID"]: n for n in aifdb["nodes"]}
    checked = 0
    for locution in aifdb["locutions"]:
        first, last = people[locution["personID"]]
        if " " not in first:  # a first name of several words cannot survive OVA's split (House of Commons …)
            assert _get_participant_name(nodes[locution["nodeID"]]["text"]) == (first, last)
            checked += 1
    assert checked >= 4


def test_aifdb_layout_has_every_field_of_a_real_ova3_upload(aifdb):
    """tests/data/aif/out-ova3-save2db-upload.json is what OVA3's save2db posted to AIFdb (CC-BY-SA)."""
    real = json.loads((Path(__file__).resolve().parents[1] / "data" / "aif" / "out-ova3-save2db-upload.json")
                      .read_text(encoding="utf-8"))
    for key, items in real.items():
        assert items, key
        model = items[0]
        for ours in aifdb[key]:
            for field, value in model.items():
                assert type(ours[field]) is type(value), (key, field, ours[field], value)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.text(max_size=40))
def test_ova_finds_any_speaker_again_from_the_l_node(name, words):
    """Whatever the speaker's name (colons, apostrophes, spaces of every kind, nothing at all), OVA's
    findParticipantIDText on the L-node we write finds the participant we write for it."""
    from argmap.export.aif_people import locution_text, participant_name

    first, last = participant_name(name, ova=True)
    text = locution_text(first, last, words)
    assert _find_participant_id_text(text, [{"participantID": 7, "firstname": first, "surname": last}]) == 7
    first, last = participant_name(name)
    if " " not in first:
        assert _get_participant_name(locution_text(first, last, words)) == (first, last)

"""What AIF cannot say, in argmap's block: every construct of the format, in the map's order."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import UsageError
from argmap.export.aif import EXTENSION_VERSION, dumps, to_aif
from argmap.export.aif_people import participant_name

from . import test_aif_out_fixture as aif_out_fixture
from .conftest import HOSTILE, build_project


@pytest.fixture(params=["aifdb", "ova"])
def exported(request, tmp_path):
    project = aif_out_fixture.project(tmp_path)
    data = json.loads(dumps(project, "main", request.param))
    nodes = data["AIF"]["nodes"] if request.param == "ova" else data["nodes"]
    # AIFdb's layout has numeric ids (as OVA3 posts it), the block string keys: compare as text.
    return project, data, {str(n["nodeID"]): {**n, "nodeID": str(n["nodeID"])} for n in nodes}


def _info(data, node_id):
    """The block's record of home node *node_id* of map main."""
    return next(v for v in data["argmap"]["nodes"].values() if v["ref"] == f"main:{node_id}")


def test_i_nodes_come_in_the_maps_order_then_context(exported):
    project, data, nodes = exported
    refs = [v["ref"] for v in data["argmap"]["nodes"].values()]
    assert refs[:7] == [f"main:{n}" for n in project.maps["main"].nodes]
    assert sorted(refs[7:]) == ["other:end-it", "other:integrate"]
    i_nodes = [n for n in nodes.values() if n["type"] == "I"]
    assert list(data["argmap"]["nodes"]) == [n["nodeID"] for n in i_nodes]
    assert data["argmap"]["version"] == EXTENSION_VERSION == 2


def test_forces_said_by_and_stance_details(exported):
    _, data, _ = exported
    assert _info(data, "madness")["force"] == "rhetorical-question"
    ascribed = _info(data, "keeps-costs-down")
    assert (ascribed["force"], ascribed["said_by"], ascribed["by"]) == ("ascribed", "reader", "critics")
    assert "force" not in _info(data, "not-magic")  # the default (conceded, for a concession) stays implicit
    assert _info(data, "end-tendering")["stance_details"] == {
        "tendering": {"if": "where it inhibits integration", "as_of": "2021-02"}}
    speakers = {s["id"]: s for s in data["argmap"]["speakers"]}
    assert speakers["reader"]["adopts"] == ["obrien"]
    parts = {p["id"]: p for p in data["argmap"]["source"]["parts"]}
    assert parts["comment"]["adopts"] == ["report"]


def test_each_ya_is_the_illocution_of_its_nodes_force(exported):
    _, data, nodes = exported
    edges = data["AIF"]["edges"] if "AIF" in data else data["edges"]
    ya_into = {str(e["toID"]): nodes[str(e["fromID"])]["text"] for e in edges
               if nodes[str(e["fromID"])]["type"] == "YA"}
    by_ref = {v["ref"]: k for k, v in data["argmap"]["nodes"].items()}
    expected = {"end-tendering": "Asserting", "madness": "Rhetorical Questioning", "not-magic": "Conceding",
                "might-help": "Assertive Questioning", "keeps-costs-down": "Asserting"}
    for node, name in expected.items():
        assert ya_into[by_ref[f"main:{node}"]] == name


def test_relations_are_recorded_as_declared_and_point_at_their_s_nodes(exported):
    _, data, nodes = exported
    snodes = data["argmap"]["snodes"]
    wastes = _info(data, "wastes-money")["relations"]
    assert wastes == [{"kind": "supports", "to": "main:end-tendering", "snode": wastes[0]["snode"],
                       "scheme": "expert-opinion", "by": "ministers"}]
    ra = nodes[wastes[0]["snode"]]
    assert (ra["type"], ra["text"]) == ("RA", "Expert Opinion")
    assert snodes[ra["nodeID"]] == {"kind": "supports", "scheme": "expert-opinion", "by": "ministers"}
    linked = _info(data, "data-show")["relations"][0]
    assert nodes[linked["snode"]]["text"] == "Default Inference" and linked["snode"] != ra["nodeID"]
    attack = _info(data, "madness")["relations"][0]
    assert nodes[attack["snode"]]["type"] == "CA" and attack["scheme"] == "ad-hominem"
    undercut = _info(data, "keeps-costs-down")["relations"][0]
    assert undercut["premise"] == "main:wastes-money" and len(undercut["snode"]) == 2  # both inferences from it
    assert all(nodes[s]["type"] == "CA" for s in undercut["snode"])
    assert _info(data, "keeps-costs-down")["undercuts"] == [["main:wastes-money", "main:end-tendering"]]
    assert _info(data, "not-magic")["relations"] == [
        {"kind": "qualifies", "to": "main:end-tendering", "how": "not-enough"}]  # no AIF node: AIF cannot say it
    links = {r["kind"]: r for r in _info(data, "might-help")["relations"]}
    assert links["related_to"]["to"] == "other:integrate" and links["same_as"]["to"] == "other:end-it"
    for kind in ("related_to", "same_as"):
        snode = links[kind]["snode"]
        assert nodes[snode]["type"] == "MA" and nodes[snode]["text"] == "Default Rephrase"
        assert snodes[snode] == {"kind": kind}  # a related_to MA is marked, so it is not read as same_as


def test_context_nodes_carry_enough_to_be_imported_anywhere(exported):
    _, data, _ = exported
    context = next(v for v in data["argmap"]["nodes"].values() if v["ref"] == "other:integrate")
    assert context == {"ref": "other:integrate", "context": True, "kind": "claim", "by": "author",
                       "map_title": "The other map", "speaker": {"name": "An Author", "role": ""}}


def test_the_seed_text_travels_in_each_flavour(exported):
    project, data, _ = exported
    seed = project.maps["main"].seed_text
    if "AIF" in data:
        assert "text" not in data["argmap"]["source"]  # OVA's own text field has it
    else:
        assert data["argmap"]["source"]["text"] == seed


def test_an_unknown_flavour_or_map_is_a_usage_error(tmp_path):
    project = aif_out_fixture.project(tmp_path)
    with pytest.raises(UsageError, match="flavour"):
        to_aif(project, "main", "aifdb2")
    with pytest.raises(UsageError, match="no map"):
        to_aif(project, "nope")


@pytest.mark.parametrize("flavour", ["aifdb", "ova"])
def test_hostile_text_never_breaks_the_json(flavour):
    project = build_project({f"n{i}": {"text": text, "quote": text, "supports": ["n0"] if i else []}
                             for i, text in enumerate(HOSTILE)},
                            speakers={"s": HOSTILE[2], "t": "x'; DROP TABLE people; --"})
    raw = dumps(project, "m", flavour)
    data = json.loads(raw)
    assert all(b not in raw for b in (b"\x1b", b"\xc2\x9b", b"\x00", "\u202e".encode()))
    texts = {v["ref"]: v for v in data["argmap"]["nodes"].values()}
    assert texts["m:n4"].get("text", "") == HOSTILE[4]  # cleaned for display in AIF, exact in the block
    assert texts["m:n7"]["quotes"] == [HOSTILE[7]]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=120))
def test_any_name_fits_aifdb_and_ovas_lookup(name):
    for ova in (False, True):
        first, last = participant_name(name, ova=ova)
        assert first and len(first) <= 32 and len(last) <= 32
        assert not set("'\\:") & set(first + last)
        if ova:
            assert " " not in first and " " not in last  # OVA splits the L-node's name at spaces


def test_an_inferences_premises_come_in_the_maps_order(exported):
    """data-show declares {to: end-tendering, with: [wastes-money]}; the map has wastes-money first.
    The RA's premise edges follow the map, so that it is the same RA whichever premise declares it."""
    _, data, nodes = exported
    edges = data["AIF"]["edges"] if "AIF" in data else data["edges"]
    ra = _info(data, "data-show")["relations"][0]["snode"]
    into = [nodes[str(e["fromID"])]["text"] for e in edges
            if str(e["toID"]) == ra and nodes[str(e["fromID"])]["type"] == "I"]  # not the undercut's CA
    assert into == ["Tendering wastes money.", "The data show it."]


def test_an_empty_map_is_refused_for_ova_and_written_for_aifdb():
    from argmap.errors import EmptySelectionError

    empty = build_project({})
    assert to_aif(empty, "m")["nodes"] == []
    with pytest.raises(EmptySelectionError, match="OVA3 cannot open"):
        to_aif(empty, "m", "ova")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.lists(st.tuples(st.integers(-5, 210), st.integers(-5, 210)), max_size=8))
def test_ovas_text_gives_back_the_seed_whatever_the_spans(seed, raw_spans):
    """OVA's text is HTML: whatever the seed holds (markup, '<br>', entities) and however the quotes'
    spans overlap or stray, removing the spans and unescaping gives the seed back exactly."""
    import html
    import re

    from argmap.export.aif_flavour import highlighted_text

    spans = [(a, b, f"{k}_argmap") for k, (a, b) in enumerate(raw_spans)]
    text = highlighted_text(seed.replace("\r", ""), spans)
    plain = html.unescape(re.sub(r"<span[^>]*>|</span>", "", text).replace("<br>", "\n"))
    assert plain == seed.replace("\r", "")
    assert text.count("<span") == text.count("</span>") <= len(spans)


def test_two_speakers_of_one_name_stay_two_people():
    """AIFdb looks people up by first name and surname, OVA too: same names would merge two speakers."""
    project = build_project({"a": {"by": "s"}, "b": {"by": "t"}, "c": {"by": "u"}},
                            speakers={"s": "Jo Smith", "t": "Jo Smith", "u": "x" * 40})
    people = to_aif(project, "m")["participants"]
    names = [(p["firstname"], p["surname"]) for p in people]
    assert len(set(names)) == 3 and names[0] == ("Jo", "Smith") and names[1] == ("Jo", "Smith t")


THIRD = """
map: third
title: A third map
source:
  seed: third.txt
  genre: opinion-column
speakers:
  w: {name: A Writer}
nodes:
  tendering-saves:
    kind: rebuttal
    by: w
    text: Tendering saves money.
    quote: Tendering saves money.
    attacks: main:wastes-money
    same_as: main:end-tendering
"""


def test_what_other_maps_declare_on_the_map_is_drawn_but_not_declared_here(tmp_path):
    maps = aif_out_fixture.write(tmp_path)
    (maps / "third.yaml").write_text(THIRD, encoding="utf-8")
    (tmp_path / "seeds" / "third.txt").write_text("Tendering saves money.\n", encoding="utf-8")
    from argmap.project import load

    project = load([str(maps)]).project
    data = to_aif(project, "main")
    nodes = {str(n["nodeID"]): n for n in data["nodes"]}
    by_ref = {v["ref"]: k for k, v in data["argmap"]["nodes"].items()}
    outside = by_ref["third:tendering-saves"]
    out_of = [str(e["toID"]) for e in data["edges"] if str(e["fromID"]) == outside]
    assert sorted(nodes[s]["type"] for s in out_of) == ["CA", "MA"]  # not a lone I-node
    assert sorted(data["argmap"]["snodes"][s]["kind"] for s in out_of) == ["attacks", "same_as"]
    assert "relations" not in data["argmap"]["nodes"][outside]  # declared in its own map, not this one

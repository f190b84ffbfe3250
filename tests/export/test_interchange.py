"""JSON model and AIF: export, import, round trips, and messy input."""

from __future__ import annotations

import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.export.aif import to_aif
from argmap.export.aif_import import convert, parse_aif
from argmap.export.json_model import FORMAT, VERSION, to_dict
from argmap.model import RelKind
from argmap.project import load

from .conftest import MAPS, REPO

SEEDS = REPO / "seeds"


# -- JSON -----------------------------------------------------------------------------------------

def test_json_model(real_project):
    data = json.loads(json.dumps(to_dict(real_project)))
    assert data["format"] == FORMAT and data["version"] == VERSION
    assert {m["id"] for m in data["maps"]} == set(real_project.maps)
    assert {t["id"] for t in data["topics"]} == set(real_project.topics)
    by_id = {m["id"]: m for m in data["maps"]}
    for map_id, argmap in real_project.maps.items():
        exported = by_id[map_id]
        assert len(exported["nodes"]) == len(argmap.nodes)
        assert {s["id"] for s in exported["speakers"]} == set(argmap.speakers)
        seed = argmap.seed_text
        for node in exported["nodes"]:
            assert node["ref"] == f"{map_id}:{node['id']}" and node["svg_id"] == f"{map_id}--{node['id']}"
            assert node["label"] in ("in", "out", "undec")
            for quote in node["quotes"]:
                start, end = quote["span"]
                assert 0 <= start < end <= len(seed)
        relations = sum(len(n.relations) for n in argmap.nodes.values())
        assert len(exported["relations"]) == relations
    assert data["links"] and all(link["cross_map"] for link in data["links"])
    linked = [a for a in data["arguments"] if len(a["premises"]) > 1]
    assert linked


def test_json_cli_single_document(tmp_path):
    from argmap.cli import main

    out = tmp_path / "all.json"
    assert main(["export", str(MAPS), "-f", "json", "-o", str(out), "-q"]) == 0
    data = json.loads(out.read_text())
    assert len(data["maps"]) == 5 and data["semantics"] == "grounded"


# -- AIF export -----------------------------------------------------------------------------------

def test_aif_shape(real_project):
    aif = to_aif(real_project, "bbc-reader-heath-2021")
    nodes = {n["nodeID"]: n for n in aif["nodes"]}
    types = {}
    for n in aif["nodes"]:
        types.setdefault(n["type"], []).append(n["nodeID"])
    assert {"I", "RA", "CA", "L", "YA"} <= set(types)
    preds, succs = {}, {}
    for e in aif["edges"]:
        assert e["fromID"] in nodes and e["toID"] in nodes
        succs.setdefault(e["fromID"], []).append(e["toID"])
        preds.setdefault(e["toID"], []).append(e["fromID"])
    # One RA per argument: a linked argument's premises share one RA.
    argmap = real_project.maps["bbc-reader-heath-2021"]
    linked = [a for a in real_project.arguments() if len(a.premises) > 1 and a.conclusion.map_id == argmap.id]
    assert any(len(preds.get(ra, [])) == len(linked[0].premises) for ra in types["RA"])
    # An undercut is a CA into an RA.
    assert any(nodes[t]["type"] == "RA" for ca in types["CA"] for t in succs.get(ca, []))
    # Who said what: every L-node has a locution with a participant.
    people = {p["participantID"] for p in aif["participants"]}
    assert all(loc["personID"] in people for loc in aif["locutions"])
    assert len(aif["locutions"]) == len(types["L"])
    assert all(nodes[s]["type"] == "YA" for l in types["L"] for s in succs[l])


# -- AIF round trip -------------------------------------------------------------------------------

def relation_set(project, map_id, name=lambda ref: str(ref)):
    out = set()
    for node in project.maps[map_id].nodes.values():
        for r in node.relations:
            if r.kind is RelKind.SUPPORTS:
                out.add(("supports", frozenset(map(name, r.group or (r.source,))), name(r.target)))
            elif r.kind is RelKind.UNDERCUTS:  # the inference it attacks, and the premise it names
                groups = [frozenset(map(name, s.group or (s.source,))) for s in project.premise_in(r.premise)
                          if s.target == r.target]
                out.add(("undercuts", name(r.source), frozenset(groups), name(r.target)))
                out.add(("undercut-names", name(r.source), name(r.premise), name(r.target)))
            elif r.kind is RelKind.SAME_AS:
                out.add(("same_as", frozenset((name(r.source), name(r.target)))))
            else:
                out.add((r.kind.value, name(r.source), name(r.target)))
    return out


def round_trip(real_project, tmp_path, strip_extension: bool = False):
    maps = tmp_path / "maps"
    maps.mkdir()
    shutil.copy(MAPS / "topics.yaml", maps / "topics.yaml")
    seeds = tmp_path / "seeds"
    for map_id in real_project.maps:
        aif = json.loads(json.dumps(to_aif(real_project, map_id)))
        if strip_extension:
            aif.pop("argmap")
        result = convert(aif, map_id, seeds_dir=seeds, topics=real_project.topics.keys())
        if result.seed_is_new:
            seeds.mkdir(exist_ok=True)
            (seeds / result.seed_name).write_text(result.seed_text, encoding="utf-8")
        (maps / f"{map_id}.yaml").write_text(result.yaml, encoding="utf-8")
    return load([str(maps)])


def test_aif_round_trip_keeps_every_node_speaker_and_relation(real_project, tmp_path):
    loaded = round_trip(real_project, tmp_path)
    assert loaded.ok, [d.format() for d in loaded.errors]
    assert not loaded.diagnostics or all(not d.is_error for d in loaded.diagnostics)
    again = loaded.project
    for map_id, argmap in real_project.maps.items():
        copy = again.maps[map_id]
        assert copy.title == argmap.title
        assert {(s.id, s.name, s.role, s.via) for s in copy.speakers.values()} == \
            {(s.id, s.name, s.role, s.via) for s in argmap.speakers.values()}
        assert {(n.id, n.kind, n.by, n.via, n.text, tuple(q.text for q in n.quotes), n.tags,
                 tuple(sorted(n.stances.items())), n.expect, n.note) for n in copy.nodes.values()} == \
            {(n.id, n.kind, n.by, n.via, n.text, tuple(q.text for q in n.quotes), n.tags,
              tuple(sorted(n.stances.items())), n.expect, n.note) for n in argmap.nodes.values()}
        assert relation_set(again, map_id) == relation_set(real_project, map_id)
        assert [(p.id, p.genre, p.starts) for p in copy.source.parts] == \
            [(p.id, p.genre, p.starts) for p in argmap.source.parts]


def test_aif_round_trip_without_argmap_extension_keeps_the_structure(real_project, tmp_path):
    """Plain AIF cannot say which map a node belongs to: other maps' nodes come back as nodes of this one."""
    from argmap.export.scene import build_scene

    loaded = round_trip(real_project, tmp_path, strip_extension=True)
    assert loaded.ok, [d.format() for d in loaded.errors]
    again = loaded.project
    for map_id, argmap in real_project.maps.items():
        copy = again.maps[map_id]
        context = {n.node.text for n in build_scene(real_project, map_id).nodes.values() if not n.home}
        assert sorted(n.text for n in copy.nodes.values()) == sorted([n.text for n in argmap.nodes.values()]
                                                                     + list(context))

        def by_text(project):
            return lambda ref: project.node(ref).text
        # Plain AIF has no qualification, and one rephrase node for same_as and related_to.
        before = {("same_as", frozenset(r[1:])) if r[0] == "related_to" else r
                  for r in relation_set(real_project, map_id, by_text(real_project))
                  if r[0] not in ("undercut-names", "qualifies")}
        after = {r for r in relation_set(again, map_id, by_text(again)) if r[0] != "undercut-names"}
        assert before <= after
        for extra in after - before:
            assert any(isinstance(part, str) and part in context or
                       isinstance(part, frozenset) and part & context for part in extra[1:]), extra
        speakers = {copy.speakers[n.by].name for n in copy.nodes.values() if n.text not in context}
        assert speakers == {argmap.speakers[n.by].name for n in argmap.nodes.values()}


# -- messy AIF ------------------------------------------------------------------------------------

MESSY = {
    "AIF": {
        "nodes": [
            {"nodeID": 1, "text": "Taxes should rise.", "type": "I"},
            {"nodeID": "2", "text": "Schools need money.", "type": "I"},
            {"nodeID": 3, "text": "Default Inference", "type": "RA"},
            {"nodeID": 4, "text": "Default Inference", "type": "RA"},          # no premises
            {"nodeID": 5, "text": "Default Conflict", "type": "CA"},
            {"nodeID": 6, "text": "Taxes hurt growth.", "type": "I"},
            {"nodeID": 7, "text": "Default Rephrase", "type": "MA"},
            {"nodeID": 8, "text": "Default Preference", "type": "PA"},
            {"nodeID": 9, "text": "Bob Smith : taxes should rise", "type": "L"},
            {"nodeID": 10, "text": "Asserting", "type": "YA"},
            {"nodeID": 11, "text": "", "type": "I"},                          # empty proposition
            {"nodeID": 12, "text": "Default Conflict", "type": "CA"},        # undercut of RA 3
            {"nodeID": 13, "text": "The link is weak.", "type": "I"},
            {"nodeID": 14, "text": "Default Transition", "type": "TA"},
            {"nodeID": 2, "text": "duplicate id", "type": "I"},
            "not a node",
            {"text": "no id", "type": "I"},
        ],
        "edges": [
            {"edgeID": 1, "fromID": 2, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 1},
            {"edgeID": 3, "fromID": 4, "toID": 1},
            {"edgeID": 4, "fromID": 6, "toID": 5}, {"edgeID": 5, "fromID": 5, "toID": 1},
            {"edgeID": 6, "fromID": 99, "toID": 1},                            # dangling
            {"edgeID": 7, "fromID": 1, "toID": 7},                             # MA with one end
            {"edgeID": 8, "fromID": 9, "toID": 10}, {"edgeID": 9, "fromID": 10, "toID": 1},
            {"edgeID": 10, "fromID": 13, "toID": 12}, {"edgeID": 11, "fromID": 12, "toID": 3},
            {"edgeID": 12, "fromID": "8", "toID": 1}, "junk", {"edgeID": 13},
        ],
        "locutions": [{"nodeID": 9, "personID": 1}, "junk"],
        "participants": [{"participantID": 1, "firstname": "Bob", "surname": "Smith"}],
    },
    "text": {"txt": "Bob Smith said: <span>taxes should rise</span>.<br>Others disagreed."},
}


def test_messy_aif_imports_what_it_can_and_reports_the_rest(tmp_path):
    result = convert(MESSY, "messy", seeds_dir=tmp_path / "seeds")
    report = "\n".join(result.report)
    assert "RA 4 has no premises" in report and "edge 6: 99 -> 1 names a node that does not exist" in report
    assert "MA 7" in report and "PA" in report and "I-node 11" in report
    assert "nodes[15]" in report and "a second node" in report
    maps = tmp_path / "maps"
    maps.mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / result.seed_name).write_text(result.seed_text, encoding="utf-8")
    (maps / "messy.yaml").write_text(result.yaml, encoding="utf-8")
    loaded = load([str(maps)])
    assert loaded.ok, [d.format() for d in loaded.errors] + [result.yaml]
    argmap = loaded.project.maps["messy"]
    texts = {n.text: n for n in argmap.nodes.values()}
    assert set(texts) == {"Taxes should rise.", "Schools need money.", "Taxes hurt growth.", "The link is weak."}
    assert texts["Taxes should rise."].by == "bob-smith"
    assert argmap.speakers["bob-smith"].name == "Bob Smith"
    assert texts["Taxes should rise."].quotes[0].text == "taxes should rise"
    kinds = {r.kind for n in argmap.nodes.values() for r in n.relations}
    assert kinds == {RelKind.SUPPORTS, RelKind.ATTACKS, RelKind.UNDERCUTS}
    assert texts["Taxes hurt growth."].kind.value == "rebuttal"
    assert texts["Schools need money."].kind.value == "premise"


def test_not_json_or_no_nodes_is_an_error():
    with pytest.raises(ArgmapError, match="not JSON"):
        parse_aif(b"{nope")
    with pytest.raises(ArgmapError, match="not UTF-8"):
        parse_aif(b"\xff\xfe{")
    with pytest.raises(ArgmapError, match="no 'nodes'"):
        convert({"edges": []}, "x")
    with pytest.raises(ArgmapError, match="no I-nodes"):
        convert({"nodes": [{"nodeID": 1, "type": "RA", "text": "x"}], "edges": []}, "x")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 30) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=30)
ids = st.one_of(st.integers(0, 12), st.integers(0, 12).map(str), st.none(), st.text(max_size=3))
aif_node = st.fixed_dictionaries({"nodeID": ids, "type": st.sampled_from(["I", "RA", "CA", "MA", "PA", "L", "YA", "TA",
                                                                           "", "i", 3]),
                                  "text": st.one_of(st.text(max_size=30), st.none(), st.integers())})
aif_edge = st.fixed_dictionaries({"fromID": ids, "toID": ids}) | json_values
aif_doc = st.fixed_dictionaries({
    "nodes": st.lists(aif_node | json_values, max_size=14),
    "edges": st.lists(aif_edge, max_size=20),
    "locutions": st.lists(st.fixed_dictionaries({"nodeID": ids, "personID": ids}) | json_values, max_size=4),
    "participants": st.lists(st.fixed_dictionaries({"participantID": ids, "firstname": st.text(max_size=8),
                                                    "surname": json_values}), max_size=3),
})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(aif_doc)
def test_import_never_crashes(document):
    try:
        result = convert(document, "fuzz")
    except ArgmapError:
        return
    assert result.yaml.startswith("# yaml-language-server")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(aif_doc)
def test_whatever_imports_passes_the_check(tmp_path_factory, document):
    root = tmp_path_factory.mktemp("fuzz")
    try:
        result = convert(document, "fuzz", seeds_dir=root / "seeds")
    except ArgmapError:
        return
    (root / "maps").mkdir()
    (root / "seeds").mkdir(exist_ok=True)
    (root / "seeds" / result.seed_name).write_text(result.seed_text, encoding="utf-8")
    (root / "maps" / "fuzz.yaml").write_text(result.yaml, encoding="utf-8")
    loaded = load([str(root / "maps")])
    assert loaded.ok, [d.format() for d in loaded.errors] + [result.yaml]


# -- the import command ---------------------------------------------------------------------------

def test_import_cli(real_project, tmp_path, capsys):
    from argmap.cli import main

    aif = tmp_path / "may.aif.json"
    assert main(["export", str(MAPS / "may-2018.yaml"), "-f", "aif", "-o", str(aif), "-q"]) == 0
    maps = tmp_path / "maps"
    maps.mkdir()
    shutil.copy(MAPS / "topics.yaml", maps / "topics.yaml")
    out = maps / "may-2018.yaml"
    assert main(["import", "aif", str(aif), "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().err
    # A fresh folder has none of the maps it links to: their nodes come with it, quoted after the article.
    seed = (tmp_path / "seeds" / "2018-pm-may-internal-market.txt").read_text(encoding="utf-8")
    assert seed.startswith((SEEDS / "2018-pm-may-internal-market.txt").read_text(encoding="utf-8").rstrip("\n"))
    assert main(["check", str(maps), "-q"]) == 0
    # Never over an existing map without --force; with it, atomically.
    before = out.read_bytes()
    assert main(["import", "aif", str(aif), "-o", str(out)]) == 1
    assert out.read_bytes() == before
    assert main(["import", "aif", str(aif), "-o", str(out), "--force", "-q"]) == 0
    # A different map with the same id is refused.
    assert main(["import", "aif", str(aif), "-o", str(maps / "other.yaml"), "--map-id", "may-2018"]) == 2
    # A seed with the same name but other text is never overwritten.
    (tmp_path / "seeds" / "2018-pm-may-internal-market.txt").write_text("something else", encoding="utf-8")
    assert main(["import", "aif", str(aif), "-o", str(maps / "may-copy.yaml"), "--map-id", "may-copy", "-q"]) == 0
    assert (tmp_path / "seeds" / "2018-pm-may-internal-market.txt").read_text() == "something else"
    assert (tmp_path / "seeds" / "2018-pm-may-internal-market-2.txt").exists()
    assert main(["import", "aif", str(tmp_path / "missing.json"), "-o", str(maps / "x.yaml")]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    assert main(["import", "aif", str(bad), "-o", str(maps / "x.yaml")]) == 1

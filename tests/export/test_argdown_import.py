"""``argmap import argdown``: real Argdown documents import as maps that pass the check; hostile files do not hurt.

The JSON of three of the Argdown project's own examples is kept beside them
(tests/data/argdown), so most of these tests run without the Argdown CLI;
the tests that read ``.argdown`` files or go through our export run when it
is installed (``npm install @argdown/cli``, or ARGDOWN_CLI) and skip cleanly
otherwise.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.cli import main
from argmap.errors import ArgmapError
from argmap.export.argdown import to_argdown
from argmap.export.argdown_import import convert
from argmap.export.importing import ImportRequest
from argmap.model import RelKind
from argmap.project import load

from .conftest import MAPS, find_argdown

DATA = Path(__file__).resolve().parents[1] / "data" / "argdown"
FIXTURE = DATA / "fixture"


@pytest.fixture
def cli(monkeypatch):
    """The Argdown CLI, where `argmap import argdown` looks for it ($ARGDOWN_CLI)."""
    found = find_argdown()
    if found is None:
        pytest.skip("the Argdown CLI (@argdown/cli) is not installed; set ARGDOWN_CLI")
    monkeypatch.setenv("ARGDOWN_CLI", " ".join(found))
    return found


@pytest.fixture
def dest(tmp_path):
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "topics.yaml").write_text("topics:\n  t:\n    question: Q?\n", encoding="utf-8")
    return maps


def imported(out: Path):
    """The project with the imported map, and the map: the check finds no error in it."""
    result = load([str(out.parent)])
    errors = [d.format() for d in result.diagnostics if d.is_error]
    assert not errors, errors
    argmap = next(m for m in result.project.maps.values() if Path(m.path).resolve() == out.resolve())
    return result.project, argmap


def relations(argmap, kind: RelKind) -> list:
    return [r for n in argmap.nodes.values() for r in n.relations if r.kind is kind]


def text_of(argmap, ref) -> str:
    return argmap.nodes[ref.node_id].text


# -- real Argdown documents, through their JSON --------------------------------------------------

def test_primer_arguments_without_structure_are_nodes(dest, capsys):
    out = dest / "primer.yaml"
    assert main(["import", "argdown", str(DATA / "argdown-primer.json"), "-o", str(out)]) == 0
    _, argmap = imported(out)
    doc = json.loads((DATA / "argdown-primer.json").read_text(encoding="utf-8"))
    unreconstructed = [a for a in doc["arguments"].values() if not a.get("pcs")]
    assert len(argmap.nodes) == len(doc["statements"]) + len(unreconstructed)
    texts = {n.text for n in argmap.nodes.values()}
    assert "Arguments can also be supported or attacked. #yet-another-tag" in texts or \
        any(t.startswith("Arguments can also be supported or attacked") for t in texts)
    # 'Intro -> <Argument 1>': an attack on a reconstructed argument undercuts its last inference
    undercuts = relations(argmap, RelKind.UNDERCUTS)
    assert len(undercuts) == 1 and text_of(argmap, undercuts[0].source).startswith("Argdown is a simple syntax")
    assert text_of(argmap, undercuts[0].target).startswith("And now the conclusion")
    # the reconstructed argument's premises are one linked support of its conclusion
    linked = [r for r in relations(argmap, RelKind.SUPPORTS) if r.target == undercuts[0].target]
    assert linked and all(len(r.group) == 2 for r in linked)
    assert "wrote" in capsys.readouterr().err


def test_undercuts_between_arguments(dest):
    out = dest / "softdrugs.yaml"
    assert main(["import", "argdown", str(DATA / "legalisation-softdrugs.json"), "-o", str(out), "-q"]) == 0
    _, argmap = imported(out)
    doc = json.loads((DATA / "legalisation-softdrugs.json").read_text(encoding="utf-8"))
    want = [r for r in doc["relations"] if r["relationType"] == "undercut"]
    undercuts = relations(argmap, RelKind.UNDERCUTS)
    assert len(want) == 2
    # the arguments have no premise-conclusion structure: an undercut of one attacks it as a whole
    assert len(undercuts) + len([r for r in relations(argmap, RelKind.ATTACKS)
                                 if text_of(argmap, r.source).startswith(("In any case", "Soft drugs are not"))]) >= 2


def test_intermediary_conclusions_chain_linked_supports_and_contradictions_attack_both_ways(dest):
    out = dest / "greenspan.yaml"
    assert main(["import", "argdown", str(DATA / "greenspan-schefczyk_hardwrap.json"), "-o", str(out), "-q"]) == 0
    _, argmap = imported(out)
    doc = json.loads((DATA / "greenspan-schefczyk_hardwrap.json").read_text(encoding="utf-8"))
    pcs = doc["arguments"]["Diversification Argument"]["pcs"]
    roles = [s["role"] for s in pcs]
    assert roles == ["premise", "premise", "intermediary-conclusion", "premise", "premise", "main-conclusion"]
    by_text = {n.text: n.ref for n in argmap.nodes.values()}
    text = {s["title"]: next(m["text"] for m in doc["statements"][s["title"]]["members"] if m.get("text")).strip()
            for s in pcs}
    ref = [by_text[" ".join(text[s["title"]].split())] for s in pcs]
    groups = {(frozenset(r.group or (r.source,)), r.target) for r in relations(argmap, RelKind.SUPPORTS)}
    assert (frozenset(ref[0:2]), ref[2]) in groups                  # (1), (2) -> (3)
    assert (frozenset([ref[2], ref[3], ref[4]]), ref[5]) in groups   # (3), (4), (5) -> (6)
    contradictory = [r for r in doc["relations"] if r["relationType"] == "contradictory"]
    assert len(contradictory) == 1
    attacks = {(r.source, r.target) for r in relations(argmap, RelKind.ATTACKS)}
    pair = [by_text[" ".join(next(m["text"] for m in doc["statements"][t]["members"] if m.get("text")).split())]
            for t in (contradictory[0]["from"], contradictory[0]["to"])]
    assert (pair[0], pair[1]) in attacks and (pair[1], pair[0]) in attacks


# -- .argdown through the Argdown CLI --------------------------------------------------------------

@pytest.mark.parametrize("name", ["argdown-primer", "state-censorship", "legalisation-softdrugs",
                                  "greenspan-schefczyk_hardwrap", "semmelweis_betz"])
def test_real_argdown_documents_import_and_check(cli, dest, name):
    out = dest / f"{name.replace('_', '-')}.yaml"
    assert main(["import", "argdown", str(DATA / f"{name}.argdown"), "-o", str(out), "-q"]) == 0
    _, argmap = imported(out)
    assert len(argmap.nodes) >= 5 and any(n.relations for n in argmap.nodes.values())


def test_contrary_is_an_attack_each_way(cli, dest):
    out = dest / "semmelweis.yaml"
    assert main(["import", "argdown", str(DATA / "semmelweis_betz.argdown"), "-o", str(out), "-q"]) == 0
    _, argmap = imported(out)
    attacks = {(r.source, r.target) for r in relations(argmap, RelKind.ATTACKS)}
    assert attacks and all((b, a) in attacks for a, b in attacks)   # strict mode: only symmetric relations


def test_a_file_name_is_never_an_option(cli, dest, tmp_path):
    evil = tmp_path / "--config=evil.js"
    evil.mkdir()
    (tmp_path / "argdown.config.js").write_text("process.exit(3)\n")   # never read: the CLI runs elsewhere
    source = evil / "-o.argdown"
    shutil.copy(DATA / "state-censorship.argdown", source)
    out = dest / "censorship.yaml"
    assert main(["import", "argdown", str(source), "-o", str(out), "-q"]) == 0
    imported(out)


@pytest.mark.parametrize("include", ["@include(/etc/passwd)", "@include(../../secret.argdown)",
                                     "text @include( a.argdown, b.argdown ) more"])
def test_a_document_that_includes_files_is_refused(dest, tmp_path, capsys, monkeypatch, include):
    """The Argdown CLI would read the included file from anywhere; argmap never runs it on such a document."""
    monkeypatch.setenv("ARGDOWN_CLI", str(tmp_path / "must-not-run"))
    doc = tmp_path / "doc.argdown"
    doc.write_text(f"[A]: a thing.\n\n{include}\n", encoding="utf-8")
    assert main(["import", "argdown", str(doc), "-o", str(dest / "doc.yaml")]) == 1
    err = capsys.readouterr().err
    assert "doc.argdown: the document includes other files (@include)" in err and "Traceback" not in err
    assert not (dest / "doc.yaml").exists()


def test_argdown_without_the_cli_is_a_clear_error(dest, monkeypatch, capsys):
    monkeypatch.delenv("ARGDOWN_CLI", raising=False)
    monkeypatch.setenv("PATH", "")
    out = dest / "primer.yaml"
    assert main(["import", "argdown", str(DATA / "argdown-primer.argdown"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "argdown-primer.argdown" in err and "needs the Argdown CLI" in err and "Traceback" not in err
    assert not out.exists()


def test_invalid_argdown_reports_the_clis_message(cli, dest, tmp_path, capsys):
    bad = tmp_path / "bad.argdown"
    bad.write_text("[a]: x\n[b]: y\n", encoding="utf-8")
    assert main(["import", "argdown", str(bad), "-o", str(dest / "bad.yaml")]) == 1
    err = capsys.readouterr().err
    assert "bad.argdown: the Argdown CLI could not read the document" in err and "syntax" in err.lower()
    assert "\x1b" not in err and not (dest / "bad.yaml").exists()


# -- round trips: map -> Argdown -> map ------------------------------------------------------------

def shape(project, map_id: str) -> dict:
    """Everything a round trip must keep, with this map's own node ids bare."""
    argmap = project.maps[map_id]

    def ref(r):
        return r.node_id if r.map_id == map_id else str(r)

    nodes = {n.id: (n.kind, n.by, n.text, tuple(q.text for q in n.quotes), n.tags, dict(n.stances),
                    {k: tuple(v) for k, v in n.stance_details.items()}, n.force, n.said_by, n.via, n.expect, n.note)
             for n in argmap.nodes.values()}
    rels = set()
    for n in argmap.nodes.values():
        for r in n.relations:
            if r.kind is RelKind.SUPPORTS:
                rels.add((r.kind, frozenset(map(ref, r.group or (r.source,))), ref(r.target), r.scheme, r.drawn_by))
            elif r.kind in (RelKind.SAME_AS, RelKind.RELATED_TO):
                rels.add((r.kind, frozenset((ref(r.source), ref(r.target)))))
            else:
                rels.add((r.kind, ref(r.source), ref(r.target), r.premise and ref(r.premise), r.scheme, r.how))
    speakers = {s.id: (s.name, s.role, s.via, s.adopts) for s in argmap.speakers.values()}
    source = argmap.source
    parts = [(p.id, p.genre, p.speaker, p.starts, p.adopts) for p in source.parts]
    return {"order": list(argmap.nodes), "nodes": nodes, "relations": rels, "speakers": speakers,
            "title": argmap.title, "source": (source.seed, source.genre, source.outlet, source.date, parts)}


def round_trip(tmp_path, maps_dir: Path, seeds_dir: Path, map_id: str, source: Path | None = None):
    """Export *map_id* to Argdown (or take *source*), import it back in its place, and return both shapes."""
    work = tmp_path / "work"
    shutil.copytree(maps_dir, work / "maps")
    shutil.copytree(seeds_dir, work / "seeds")
    before = load([str(work / "maps")])
    assert before.ok
    argmap = before.project.maps[map_id]
    if source is None:
        source = tmp_path / f"{map_id}.argdown"
        source.write_text(to_argdown(before.project, map_id), encoding="utf-8")
    Path(argmap.path).unlink()
    out = work / "maps" / f"{map_id}.yaml"
    assert main(["import", "argdown", str(source), "-o", str(out), "-q"]) == 0
    project, _ = imported(out)
    return shape(before.project, map_id), shape(project, map_id)


def test_round_trip_keeps_every_construct(cli, tmp_path):
    want, got = round_trip(tmp_path, FIXTURE / "maps", FIXTURE / "seeds", "commentary")
    for key in want:
        assert got[key] == want[key], key


def test_round_trip_through_the_clis_json_without_the_cli(tmp_path):
    """The fixture's export as the Argdown CLI parsed it (tests/data/argdown/fixture/commentary.json)."""
    want, got = round_trip(tmp_path, FIXTURE / "maps", FIXTURE / "seeds", "commentary",
                           source=FIXTURE / "commentary.json")
    for key in want:
        assert got[key] == want[key], key


@pytest.mark.parametrize("path", sorted(p for p in MAPS.glob("*.yaml") if p.name != "topics.yaml"),
                         ids=lambda p: p.stem)
def test_round_trip_of_the_bundled_maps_keeps_nodes_and_relations(cli, tmp_path, path):
    loaded = load([str(path)], validate=False)
    map_id = next(iter(loaded.project.maps))
    want, got = round_trip(tmp_path, MAPS, MAPS.parent / "seeds", map_id)
    for key in want:
        assert got[key] == want[key], key


def test_round_trip_into_a_fresh_folder_checks(cli, tmp_path, capsys):
    source = tmp_path / "c.argdown"
    project = load([str(FIXTURE / "maps")]).project
    source.write_text(to_argdown(project, "commentary"), encoding="utf-8")
    maps = tmp_path / "fresh" / "maps"
    maps.mkdir(parents=True)
    assert main(["import", "argdown", str(source), "-o", str(maps / "commentary.yaml")]) == 0
    _, argmap = imported(maps / "commentary.yaml")
    # the other map's nodes that its relations reach come in as nodes of its own
    assert {"change-now", "wastes-money"} <= set(argmap.nodes)
    assert "imported as a node of this map" in capsys.readouterr().err


def test_a_batch_of_argmaps_own_argdown_files_refers_across_the_batch(cli, tmp_path):
    """Restoring a project from its Argdown copies: each map's relations to the others stay references."""
    project = load([str(FIXTURE / "maps")]).project
    copies = tmp_path / "copies"
    copies.mkdir()
    for map_id in ("commentary", "other"):   # 'commentary' first: it refers to 'other', written after it
        (copies / f"{map_id}.argdown").write_text(to_argdown(project, map_id), encoding="utf-8")
    maps = tmp_path / "fresh" / "maps"
    maps.mkdir(parents=True)
    shutil.copy(FIXTURE / "maps" / "topics.yaml", maps)
    assert main(["import", "argdown", str(copies), "-o", str(maps), "-q"]) == 0
    restored = load([str(maps)])
    assert not [d.format() for d in restored.diagnostics if d.is_error]
    for map_id in ("commentary", "other"):
        want, got = shape(project, map_id), shape(restored.project, map_id)
        for key in ("order", "nodes", "relations", "speakers", "title"):
            assert got[key] == want[key], (map_id, key)


# -- hostile files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("content, message", [
    (b"{nope", "is not JSON"),
    (b"[1, 2]", "not the JSON that 'argdown json' writes"),
    (b'{"statements": []}', "not the JSON that 'argdown json' writes"),
    (b'{"statements": {}}', "no statements or arguments"),
    (b'{"statements": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "JSON"),
    (b'{"statements": {"a": 1' + b"0" * 5000 + b"}}", "JSON"),
    (b"\xff\xfe{}", "not UTF-8"),
])
def test_hostile_json_is_a_clear_error(dest, tmp_path, capsys, content, message):
    path = tmp_path / "in.json"
    path.write_bytes(content)
    assert main(["import", "argdown", str(path), "-o", str(dest / "x.yaml")]) == 1
    err = capsys.readouterr().err
    assert "in.json: " in err and message in err and "Traceback" not in err
    assert not (dest / "x.yaml").exists()


HOSTILE_DOC = {
    "statements": {
        "../../etc/passwd": {"members": [{"text": "Path\u202e\x00 text", "data": {"id": "../x", "context": True}}]},
        "b": {"members": [{"text": 5}, "junk", {"text": "A claim. #x"}], "tags": ["con", 7, "a b", "claim"],
              "data": {"id": "x:y", "context": True, "by": "no such", "force": "ascribed", "said_by": "nobody",
                       "stance": {"t": {"is": "for", "as_of": "tomorrow", "if": ["x"]}, "zz": "for"},
                       "quote": ["ok", 5, ""], "qualifies": [{"to": "nowhere"}], "same_as": ["b", "m:n"],
                       "expect": "maybe", "undercuts": "x", "attacks": [{"to": 3}]}},
        "c": {"members": [{"text": "C " * 30_000}], "data": {"id": "b", "kind": "rebuttal"}},
        "Untitled 1": {"members": [{"text": "   "}]},
        "bad": "not an object",
    },
    "arguments": {
        "loop": {"pcs": [{"title": "b"}, {"title": "c", "inference": {"data": {"uses": [1, 1, 9, -1]}}},
                         {"title": "b", "inference": {"inferenceRules": ["Expert Opinion", 5]}}]},
        "ghost": {"pcs": [{"title": "missing"}, {"title": "b", "inference": {}}]},
        "empty": {"members": [{"text": "An argument without structure."}], "pcs": "no"},
        "nothing": {"pcs": [{"title": "c", "inference": {}}]},
    },
    "relations": [
        1, {"relationType": "attack"},
        {"relationType": "attack", "from": "b", "to": "b", "fromType": "equivalence-class",
         "toType": "equivalence-class"},
        {"relationType": "undercut", "from": "c", "to": "loop", "fromType": "equivalence-class", "toType": "inference",
         "conclusionIndex": 99},
        {"relationType": "contradictory", "from": "c", "to": "empty", "fromType": "argument",
         "toType": "argument"},
        {"relationType": "support", "from": "loop", "to": "loop", "fromType": "argument", "toType": "argument"},
        {"relationType": "entails", "from": "nowhere", "to": "b", "fromType": "equivalence-class",
         "toType": "equivalence-class"},
        {"relationType": "teleports", "from": "b", "to": "c", "fromType": "equivalence-class",
         "toType": "equivalence-class"},
    ],
    "sections": [{"title": "A \x1b[31mheading", "data": {"argmap": {"format": "argmap-argdown", "title": 5,
                                                                    "speakers": {"../s": {"name": "x"}, "ok": {}},
                                                                    "source": {"seed": "../../seed.txt",
                                                                               "genre": "poetry", "parts": {
                                                                                   "p": {"genre": "news-report",
                                                                                         "starts": "nowhere"}}}}}},
                 "x"],
}


def test_hostile_document_imports_what_it_can_and_checks(dest, tmp_path, capsys):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(HOSTILE_DOC), encoding="utf-8")
    out = dest / "hostile.yaml"
    assert main(["import", "argdown", str(path), "-o", str(out)]) == 0
    _, argmap = imported(out)
    err = capsys.readouterr().err
    assert "Traceback" not in err and "\x1b" not in err and "\u202e" not in err
    assert not (tmp_path / "seed.txt").exists() and not (dest.parent / "seed.txt").exists()
    assert all(len(n.text) <= 20_000 for n in argmap.nodes.values())
    assert (dest.parent / "seeds").is_dir() and all(p.parent == dest.parent / "seeds"
                                                    for p in (dest.parent / "seeds").iterdir())


def test_two_arguments_sharing_a_premise_for_one_conclusion(dest, tmp_path, capsys):
    """Found by hypothesis: the map format lets a premise declare one linked group per conclusion."""
    statements = {t: {"members": [{"text": f"Statement {t}."}]} for t in ("a", "b", "c", "d")}
    doc = {"statements": statements, "relations": [], "arguments": {
        "A1": {"pcs": [{"title": "a"}, {"title": "d"}, {"title": "b", "inference": {}}]},
        "A2": {"pcs": [{"title": "c"}, {"title": "a"}, {"title": "b", "inference": {}}]}}}
    path = tmp_path / "shared.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = dest / "shared.yaml"
    assert main(["import", "argdown", str(path), "-o", str(out), "-q"]) == 0
    _, argmap = imported(out)
    groups = {frozenset(p.node_id for p in r.group) for r in relations(argmap, RelKind.SUPPORTS)}
    assert groups == {frozenset({"a", "d"}), frozenset({"a", "c"})}   # both arguments kept
    # Three arguments whose premises are each in two groups: the first cannot be written, nor its
    # undercut; the other two can, once it is gone.
    doc["arguments"]["A3"] = {"pcs": [{"title": "c"}, {"title": "d"}, {"title": "b", "inference": {}}]}
    statements["e"] = {"members": [{"text": "Statement e."}]}
    doc["relations"] = [{"relationType": "undercut", "from": "e", "to": "A1", "fromType": "equivalence-class",
                         "toType": "argument"}]
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["import", "argdown", str(path), "-o", str(out), "--force"]) == 0
    _, argmap = imported(out)
    assert "the map format holds one group per premise" in capsys.readouterr().err
    groups = {frozenset(p.node_id for p in r.group) for r in relations(argmap, RelKind.SUPPORTS)}
    assert groups == {frozenset({"a", "c"}), frozenset({"c", "d"})} and not relations(argmap, RelKind.UNDERCUTS)


# A statement class as Argdown's JSON has it, with random data where argmap reads data.
_titles = st.sampled_from(["a", "b", "c", "Untitled 1", "d e", "x:y"])
_value = st.recursive(st.none() | st.booleans() | st.integers(-3, 3) | st.text(max_size=8)
                      | st.sampled_from(["claim", "for", "ascribed", "s", "t", "b", "x:y", "expert-opinion"]),
                      lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                                    max_size=3), max_leaves=8)
_data = st.dictionaries(st.sampled_from(["id", "kind", "by", "force", "said_by", "via", "quote", "stance",
                                         "qualifies", "same_as", "related_to", "attacks", "undercuts", "expect",
                                         "note", "context", "tags"]), _value, max_size=6)
_statement = st.fixed_dictionaries({"members": st.lists(st.fixed_dictionaries(
    {"text": st.text(max_size=30)}, optional={"data": _data, "startLine": st.integers(0, 9)}), max_size=3)},
    optional={"tags": st.lists(st.text(max_size=6), max_size=3), "data": _data})
_step = st.fixed_dictionaries({"title": _titles}, optional={"inference": st.fixed_dictionaries(
    {}, optional={"data": st.fixed_dictionaries({}, optional={"uses": st.lists(st.integers(0, 4), max_size=4),
                                                              "scheme": _value, "drawn_by": _value}),
                  "inferenceRules": st.lists(st.text(max_size=15), max_size=2)})})
_relation = st.fixed_dictionaries({
    "relationType": st.sampled_from(["support", "entails", "attack", "contrary", "contradictory", "undercut"]),
    "from": _titles | st.sampled_from(["A1", "A2"]), "to": _titles | st.sampled_from(["A1", "A2"]),
    "fromType": st.sampled_from(["equivalence-class", "argument"]),
    "toType": st.sampled_from(["equivalence-class", "argument", "inference"])},
    optional={"conclusionIndex": st.integers(0, 4)})
_document = st.fixed_dictionaries({
    "statements": st.dictionaries(_titles, _statement, max_size=6),
    "arguments": st.dictionaries(st.sampled_from(["A1", "A2"]), st.fixed_dictionaries(
        {"pcs": st.lists(_step, max_size=5)}, optional={"members": st.lists(st.fixed_dictionaries(
            {"text": st.text(max_size=20)}), max_size=2), "data": _data}), max_size=2),
    "relations": st.lists(_relation, max_size=8)})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(document=_document)
def test_any_argdown_json_is_refused_clearly_or_imported_and_checked(tmp_path_factory, document):
    root = tmp_path_factory.mktemp("fuzz")
    maps, seeds = root / "maps", root / "seeds"
    maps.mkdir()
    (maps / "topics.yaml").write_text("topics:\n  t:\n    question: Q?\n", encoding="utf-8")
    request = ImportRequest(map_id="fuzz", source_name="fuzz.json", seeds_dir=seeds, topics={"t"}, maps={})
    try:
        result = convert(document, request)
    except ArgmapError:
        return
    seeds.mkdir()
    (seeds / result.seed_name).write_text(result.seed_text, encoding="utf-8")
    (maps / "fuzz.yaml").write_text(result.yaml, encoding="utf-8")
    imported(maps / "fuzz.yaml")

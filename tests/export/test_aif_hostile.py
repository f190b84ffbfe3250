"""AIF files from strangers: type confusion, hostile ids and text, junk, fan-out, random mutation.

The promise: `argmap import aif` either refuses the file (ArgmapError: exit 1,
nothing written, a message naming the file and where it is wrong) or writes
a map that passes `argmap check`.  Never an internal error.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError
from argmap.export.aif import to_aif
from argmap.export.aif_import import convert
from argmap.export.aif_read import MAX_AIF_BYTES, parse_aif, read_aif
from argmap.export.aif_write import scalar
from argmap.project import load
from argmap.spec import ID_PATTERN
from argmap.yamlsource import SafeLoader

from .conftest import MAPS

_ID = re.compile(ID_PATTERN)


@pytest.fixture(scope="module")
def real_aif(real_project) -> dict:
    """argmap's own AIF of a bundled map: every AIF part and the full 'argmap' block."""
    return json.loads(json.dumps(to_aif(real_project, "bbc-reader-heath-2021")))


def imports_cleanly(document: object, root: Path, maps: dict | None = None) -> str | None:
    """Import *document* into a fresh project under *root*; the refusal message, or None if the map passes."""
    try:
        result = convert(parse_aif(json.dumps(document)), "imp", seeds_dir=root / "seeds",
                         topics=["internal-market"], maps={} if maps is None else maps)
    except ArgmapError as exc:
        return str(exc)
    (root / "maps").mkdir(parents=True)
    shutil.copy(MAPS / "topics.yaml", root / "maps" / "topics.yaml")
    if result.seed_is_new:
        (root / "seeds").mkdir(exist_ok=True)
        (root / "seeds" / result.seed_name).write_text(result.seed_text, encoding="utf-8")
    (root / "maps" / "imp.yaml").write_text(result.yaml, encoding="utf-8")
    loaded = load([str(root / "maps")])
    assert loaded.ok, [d.format() for d in loaded.errors] + [result.yaml[:3000]]
    assert _ID.fullmatch(result.seed_name)
    for node in loaded.project.maps["imp"].nodes.values():
        assert _ID.fullmatch(node.id) and len(node.id) <= 110
    return None


# -- type confusion, field by field ---------------------------------------------------------------

JUNK = [[1, 2], {"a": [None]}, 7, -1.5, True, False, None, "", "x\n", "\x1b]0;pwned\x07", "9" * 5000]
EXT_FIELDS = [("map",), ("map", "id"), ("map", "title"), ("source",), ("source", "seed"), ("source", "genre"),
              ("source", "date"), ("source", "parts"), ("source", "original"), ("speakers",), ("nodes",)]
NODE_FIELDS = ["ref", "context", "kind", "by", "via", "quotes", "tags", "stances", "expect", "note", "undercuts",
               "force", "said_by", "stance_details", "relations", "text", "speaker", "map_title"]
RECORD_FIELDS = ["kind", "to", "snode", "scheme", "by", "how", "premise"]


def _nodes_with(document: dict, key: str) -> list[str]:
    """Block node ids that have *key* (the first two), so that junk replaces something real."""
    return [k for k, v in document["argmap"]["nodes"].items() if key in v][:2]


def _set(document: dict, path: tuple, value: object) -> None:
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


@pytest.mark.parametrize("junk", JUNK, ids=repr)
def test_junk_in_every_field_of_the_argmap_block(real_aif, tmp_path, junk):
    homes = _nodes_with(real_aif, "kind")
    # Every home node lists its relations, most an empty list: junk goes into real records.
    relating = [k for k, v in real_aif["argmap"]["nodes"].items() if v.get("relations")][:2]
    assert len(homes) == 2 and relating
    records = [("nodes", n, "relations", 0, f) for n in relating for f in RECORD_FIELDS] + \
        [("nodes", n, "relations", 0) for n in relating]
    for i, path in enumerate(EXT_FIELDS + [("nodes", n, f) for n in homes for f in NODE_FIELDS] + records
                             + [("speakers", 0, f) for f in ("id", "name", "role", "via", "adopts")]
                             + [("source", "text"), ("snodes",)]):
        document = copy.deepcopy(real_aif)
        _set(document["argmap"], path, copy.deepcopy(junk))
        assert imports_cleanly(document, tmp_path / str(i)) is None


@pytest.mark.parametrize("junk", JUNK, ids=repr)
def test_junk_in_every_field_of_nodes_edges_locutions_participants(real_aif, tmp_path, junk):
    cases = [("nodes", "nodeID"), ("nodes", "type"), ("nodes", "text"), ("edges", "fromID"), ("edges", "toID"),
             ("edges", "edgeID"), ("locutions", "nodeID"), ("locutions", "personID"),
             ("participants", "participantID"), ("participants", "firstname"), ("participants", "surname")]
    for i, (table, key) in enumerate(cases):
        document = copy.deepcopy(real_aif)
        document[table][1][key] = copy.deepcopy(junk)
        document[table][2] = copy.deepcopy(junk)  # the element itself
        message = imports_cleanly(document, tmp_path / str(i))
        assert message is None or message.startswith("the AIF file has no I-nodes"), message


@pytest.mark.parametrize("table", ["nodes", "edges", "locutions", "participants"])
@pytest.mark.parametrize("junk", [7, "nodes", {"0": {}}, True])
def test_a_table_of_the_wrong_type_is_refused_saying_which(real_aif, table, junk):
    document = copy.deepcopy(real_aif)
    document[table] = junk
    with pytest.raises(ArgmapError, match=table):
        convert(document, "imp", maps={})


@pytest.mark.parametrize("document", [[], [1, 2], "nodes", 3, None])
def test_a_file_that_is_not_an_object_is_refused(document):
    with pytest.raises(ArgmapError, match="not a JSON object"):
        parse_aif(json.dumps(document))


def test_a_100000_digit_node_id_is_refused_by_name():
    text = '{"nodes": [{"nodeID": ' + "9" * 100_000 + ', "type": "I", "text": "hi"}], "edges": []}'
    with pytest.raises(ArgmapError, match=r"nodes\[0\]\.nodeID: expected a string or number, found a number of "
                                          r"100,000 digits"):
        convert(parse_aif(text), "imp")
    long_string = {"nodes": [{"nodeID": "9" * 100_000, "type": "I", "text": "hi"}]}
    with pytest.raises(ArgmapError, match=r"100,000 characters long"):
        convert(long_string, "imp")


def test_ids_with_newlines_and_controls_never_reach_the_yaml(real_aif, tmp_path):
    document = copy.deepcopy(real_aif)
    ext = document["argmap"]
    for info in ext["nodes"].values():
        info["ref"] = info["ref"] + "\n"
    ext["speakers"][0]["id"] += "\n"
    ext["source"]["seed"] = "evil\n"
    for node in document["nodes"]:
        node["nodeID"] = f"{node['nodeID']}\n"  # stripped: still the same node
    for edge in document["edges"]:
        edge["fromID"], edge["toID"] = f" {edge['fromID']}\r\n", f"{edge['toID']}\t"
    assert imports_cleanly(document, tmp_path) is None


@pytest.mark.parametrize("seed", ["..", ".", ".hidden", "../../etc/passwd", "a/b.txt", "-rf", "a\x1b[2J.txt",
                                  "x" * 300, "con\n", ""])
def test_a_seed_name_from_the_file_is_a_plain_name_in_seeds(real_aif, tmp_path, seed):
    document = copy.deepcopy(real_aif)
    document["argmap"]["source"]["seed"] = seed
    assert imports_cleanly(document, tmp_path) is None
    assert [p.name for p in (tmp_path / "seeds").iterdir()] == ["imp.txt"]


def test_hostile_text_round_trips_as_written(tmp_path):
    texts = ['a "quoted" \\ back\\slash', "key: value # not a comment", "- not a list", "null", "~", "yes",
             "line\u2028separator\u2029para\x85nel", "\ufeffbom", "{flow: [x]}", "&anchor *alias !tag %dir",
             "\x1b]52;c;cHduZWQ=\x07 clipboard", "rtl \u202eevil\u202c", "tab\tand  spaces", "'single'"]
    nodes = [{"nodeID": i, "type": "I", "text": t} for i, t in enumerate(texts)]
    assert imports_cleanly({"nodes": nodes, "edges": []}, tmp_path) is None
    from argmap.export.escape import clean

    got = {n.text for n in load([str(tmp_path / "maps")]).project.maps["imp"].nodes.values()}
    assert got == {clean(t) for t in texts}


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_scalar_reads_back_exactly(text):
    assert yaml.load(f"k: {scalar(text)}\n", Loader=SafeLoader)["k"] == text
    assert yaml.load(f"{scalar(text)}: v\n", Loader=SafeLoader) == {text: "v"}
    assert yaml.load(f"k: [{scalar(text)}, {{a: {scalar(text)}}}]\n", Loader=SafeLoader)["k"] == [text, {"a": text}]


def test_a_context_node_of_a_map_the_destination_lacks_comes_with_the_map(real_aif, tmp_path):
    """So that the import checks anywhere (issue 17): the other map's node is imported as one of this map."""
    result = convert(copy.deepcopy(real_aif), "imp", maps={})
    assert "which the destination does not have; imported as a node of this map" in "\n".join(result.report)
    nodes = yaml.load(result.yaml, Loader=SafeLoader)["nodes"]
    refs = json.dumps([n.get(k) for n in nodes.values() for k in ("supports", "attacks", "undercuts", "same_as")])
    assert not re.search(r"[a-z0-9]:[a-z0-9]", refs)
    borrowed = [n for n in nodes.values() if "of another map" in n.get("note", "")]
    assert borrowed and all(n["quote"] in result.seed_text for n in borrowed)
    trusted = convert(copy.deepcopy(real_aif), "imp")  # no destination given: the file's references stand
    assert "which the destination does not have" not in "\n".join(trusted.report)
    assert trusted.counts["nodes"] == result.counts["nodes"] - len(borrowed)  # there, references, not nodes


def test_notes_are_capped(tmp_path):
    nodes = [{"nodeID": 1, "type": "I", "text": "one"}] + [[i] for i in range(5000)]
    result = convert({"nodes": nodes, "edges": [{"fromID": 1, "toID": i} for i in range(5000)]}, "imp")
    assert len(result.report) < 50
    assert any("4,980 more" in line for line in result.report)


def test_fan_out_beyond_the_file_is_refused():
    """One RA joining 3,000 premises to 3,000 conclusions would make 9 million relations from 6,000 edges."""
    n = 3000
    nodes = [{"nodeID": f"p{i}", "type": "I", "text": f"premise {i}"} for i in range(n)] + \
        [{"nodeID": f"c{i}", "type": "I", "text": f"conclusion {i}"} for i in range(n)] + \
        [{"nodeID": "ra", "type": "RA", "text": "Default Inference"}]
    edges = [{"fromID": f"p{i}", "toID": "ra"} for i in range(n)] + [{"fromID": "ra", "toID": f"c{i}"} for i in range(n)]
    with pytest.raises(ArgmapError, match="far larger than the file"):
        convert({"nodes": nodes, "edges": edges}, "imp")


def test_many_nodes_with_the_same_text_get_distinct_ids():
    nodes = [{"nodeID": i, "type": "I", "text": "Same text."} for i in range(3000)]
    nodes += [{"nodeID": "x", "type": "I", "text": "same-text-2"}]  # a slug that a numbered one would take
    result = convert({"nodes": nodes, "edges": []}, "imp")
    ids = [line.strip()[:-1] for line in result.yaml.split("nodes:\n")[1].splitlines() if line.startswith("  ") and
           not line.startswith("   ")]
    assert len(ids) == len(set(ids)) == 3001
    assert ids[:3] == ["same-text", "same-text-2", "same-text-3"]


def test_the_size_cap(monkeypatch):
    import io

    from argmap.export import jsonfile

    monkeypatch.setattr(jsonfile, "MAX_BYTES", 1000)
    with pytest.raises(ArgmapError, match="AIF files are limited"):
        read_aif(io.BytesIO(b" " * 1001))
    assert read_aif(io.BytesIO(b" " * 1000)) == b" " * 1000
    assert MAX_AIF_BYTES >= 100 * 1024 * 1024


# -- the command ----------------------------------------------------------------------------------

HOSTILE_FILES = {
    "bigint.json": '{"nodes": [{"nodeID": ' + "9" * 100_000 + ', "type": "I", "text": "hi"}], "edges": []}',
    "toplist.json": "[1, 2, 3]",
    "deep.json": '{"nodes": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "edges.json": '{"nodes": [{"nodeID": 1, "type": "I", "text": "hi"}], "edges": {"a": 1}}',
    "participants.json": '{"nodes": [{"nodeID": 1, "type": "I", "text": "hi"}], "participants": 5}',
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_the_command_refuses_naming_the_file_and_writes_nothing(tmp_path, capsys, name):
    from argmap.cli import main

    source = tmp_path / f"\x1b[2J{name}"
    source.write_text(HOSTILE_FILES[name], encoding="utf-8")
    (tmp_path / "maps").mkdir()
    assert main(["import", "aif", str(source), "-o", str(tmp_path / "maps" / "imp.yaml")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("argmap: error: ") and "\\x1b[2J" in err and "\x1b" not in err
    assert "internal error" not in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == sorted([source.name, "maps"])


def test_the_command_shows_notes_visibly(real_aif, tmp_path, capsys):
    from argmap.cli import main

    document = copy.deepcopy(real_aif)
    document["edges"].append({"edgeID": "\x1b]0;title\x07", "fromID": "\u202enope", "toID": "1"})
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    (tmp_path / "maps").mkdir()
    assert main(["import", "aif", str(source), "-o", str(tmp_path / "maps" / "imp.yaml")]) == 0
    err = capsys.readouterr().err
    assert "edge \\x1b]0;title\\x07: <U+202E>nope -> 1" in err and "\x1b" not in err and "\u202e" not in err


# -- fuzzing: random mutations of a real file -----------------------------------------------------

def _paths(value: object, path: tuple = ()) -> list[tuple]:
    """Every place in a JSON document (each container and leaf), as a path of keys."""
    out = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value[:12]):  # the first few elements of long lists
            out += _paths(item, (*path, i))
    return out


hostile_values = st.one_of(
    st.sampled_from(JUNK).map(copy.deepcopy),  # a copy: a shared list placed twice could come to hold itself
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.text(max_size=20), st.text(st.sampled_from("\n\r\x1b\u202e:#-{}[]\"'\\ a1"), max_size=10),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=3))


@st.composite
def mutated(draw, base: dict) -> dict:
    document = copy.deepcopy(base)
    places = _paths(document)
    for _ in range(draw(st.integers(1, 6))):
        path = draw(st.sampled_from(places))
        if not path:
            continue
        parent = document
        try:
            for key in path[:-1]:
                parent = parent[key]
            action = draw(st.sampled_from(["replace", "delete", "duplicate", "dangle"]))
            if action == "replace":
                parent[path[-1]] = draw(hostile_values)
            elif action == "delete":
                del parent[path[-1]]
            elif action == "duplicate" and isinstance(parent, list):
                parent.append(copy.deepcopy(parent[path[-1]]))
            elif action == "dangle" and isinstance(document.get("edges"), list):
                document["edges"].append({"fromID": draw(hostile_values), "toID": draw(st.sampled_from(["1", 2]))})
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this place
    return document


@pytest.fixture(scope="module")
def small_aif(real_project) -> dict:
    """A short real file (the smallest bundled map), so each fuzz example is quick."""
    sizes = {m: len(json.dumps(to_aif(real_project, m))) for m in real_project.maps}
    return json.loads(json.dumps(to_aif(real_project, min(sizes, key=sizes.get))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_real_files_are_refused_or_pass_the_check(small_aif, tmp_path_factory, data):
    document = data.draw(mutated(small_aif))
    imports_cleanly(document, tmp_path_factory.mktemp("fuzz"))


def test_a_fifo_in_place_of_the_file_is_refused_not_waited_on(tmp_path, capsys):
    """A named pipe nobody writes to would block a plain open() for ever."""
    import os

    from argmap.cli import main

    fifo = tmp_path / "corpus.json"
    os.mkfifo(fifo)
    assert main(["import", "aif", str(fifo), "-o", str(tmp_path / "maps" / "x.yaml")]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert not (tmp_path / "maps" / "x.yaml").exists()

"""Our AIF loaded by OVA3's own load code, under Node.js (skipped where Node.js is not installed).

tests/data/aif/out-ova3-load.js holds OVA3's ``loadFile``, ``loadOva3Json``,
``loaddbjson`` and the model functions they call, copied verbatim from
github.com/arg-tech/OVA3 (CC-BY-SA; the file names the commit), with the
browser (drawing, DOM, posting edits) stubbed out.  It prints what OVA holds
after loading: nodes with their schemes, participants and positions, edges,
participants, and the I-nodes it could not link to a span of the text.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from argmap.export.aif import dumps

from . import test_aif_out_fixture as aif_out_fixture

HARNESS = Path(__file__).resolve().parents[1] / "data" / "aif" / "out-ova3-load.js"
NODE = shutil.which("node") or shutil.which("nodejs")

pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed")


def ova_load(data: bytes, plus: bool) -> dict:
    """What OVA3 holds after loading *data* (``plus``: its dialogical mode)."""
    done = subprocess.run([NODE, str(HARNESS), *(["plus"] if plus else [])], input=data, capture_output=True,
                          timeout=120, check=True)
    result = json.loads(done.stdout)
    assert "error" not in result, result.get("error")
    assert result["loaded"] is True
    return result


@pytest.fixture
def project(tmp_path):
    return aif_out_fixture.project(tmp_path)


def test_ova_layout_loads_every_argument_node_with_its_scheme_and_text(project):
    raw = dumps(project, "main", "ova")
    ours = json.loads(raw)
    held = ova_load(raw, plus=False)
    argument = [n for n in ours["AIF"]["nodes"] if n["type"] in ("I", "RA", "CA", "MA")]
    assert [n["nodeID"] for n in held["nodes"]] == [n["nodeID"] for n in argument]
    schemes = {sf["nodeID"]: sf["schemeID"] for sf in ours["AIF"]["schemefulfillments"]}
    for node in held["nodes"]:
        assert node["scheme"] == schemes.get(node["nodeID"]), node
        assert node["visible"] is True
    kept = {n["nodeID"] for n in argument}
    assert [(e["fromID"], e["toID"]) for e in held["edges"]] == \
        [(e["fromID"], e["toID"]) for e in ours["AIF"]["edges"] if e["fromID"] in kept and e["toID"] in kept]
    assert held["text"] == ours["text"]
    # OVA links each I-node to its words in the text; only nodes without a found quote (other maps') are marked.
    spanless = {k for k, v in ours["argmap"]["nodes"].items() if not v.get("spans")}
    assert {n["nodeID"] for n in held["nodes"] if n["marked"]} == spanless
    assert {f"node{k}" for k, v in ours["argmap"]["nodes"].items() if v.get("spans")} <= set(held["spans"])
    assert len({(n["x"], n["y"]) for n in held["nodes"] if n["type"] == "I"}) == \
        sum(n["type"] == "I" for n in held["nodes"])


def test_ova_dialogical_mode_gives_each_locution_its_participant(project):
    raw = dumps(project, "main", "ova")
    ours = json.loads(raw)
    held = ova_load(raw, plus=True)
    assert len(held["nodes"]) == len(ours["AIF"]["nodes"])
    assert [(p["firstname"], p["surname"]) for p in held["participants"]] == \
        [(p["firstname"], p["surname"]) for p in ours["AIF"]["participants"]]
    person_of = {loc["nodeID"]: loc["personID"] for loc in ours["AIF"]["locutions"]}
    l_nodes = [n for n in held["nodes"] if n["type"] == "L"]
    assert l_nodes and all(n["participantID"] == person_of[n["nodeID"]] for n in l_nodes)
    ya = {n["nodeID"]: n["scheme"] for n in held["nodes"] if n["type"] == "YA"}
    schemes = {sf["nodeID"]: sf["schemeID"] for sf in ours["AIF"]["schemefulfillments"]}
    assert ya and all(ya[k] == schemes[k] for k in ya)


def test_ova_reads_the_aifdb_layout_too(project):
    raw = dumps(project, "main", "aifdb")
    ours = json.loads(raw)
    held = ova_load(raw, plus=True)  # loaddbjson: the layout has no 'OVA' and its nodes no 'x'
    assert len(held["nodes"]) == len(ours["nodes"])
    # loaddbjson renames node n to "<n>_<session>"; with numeric ids that is n itself.
    by_id = {n["nodeID"]: n for n in held["nodes"]}
    assert set(by_id) == {f"{n['nodeID']}_s" for n in ours["nodes"]}
    for sf in ours["schemefulfillments"]:
        assert by_id[f"{sf['nodeID']}_s"]["scheme"] == sf["schemeID"]
    names = {p["participantID"]: (p["firstname"], p["surname"]) for p in held["participants"]}
    people = {p["participantID"]: (p["firstname"], p["surname"]) for p in ours["participants"]}
    for loc in ours["locutions"]:
        first, last = people[loc["personID"]]
        if " " not in first:  # OVA takes the first word of the L-node as the first name
            assert names[by_id[f"{loc['nodeID']}_s"]["participantID"]] == (first, last)

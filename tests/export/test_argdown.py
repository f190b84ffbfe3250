"""Argdown export: the Argdown CLI reads back the same statements and relations.

The CLI tests run when the Argdown CLI is installed (``npm install
@argdown/cli``; set ARGDOWN_CLI to its path if it is not on PATH) and skip
cleanly otherwise.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from argmap.export.argdown import argument_title, escape_text, to_argdown
from argmap.export.escape import clean
from argmap.export.scene import build_scene

from .conftest import HOSTILE, build_project, find_argdown, needs_argdown


def argdown(command: str, path, *extra: str) -> str:
    done = subprocess.run([*find_argdown(), command, str(path), "--stdout", "--silent", *extra],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert "syntax error" not in done.stdout.lower() and "syntax error" not in done.stderr.lower(), done.stderr
    return done.stdout


def expected(project, map_id):
    scene = build_scene(project, map_id)

    def title(ref):
        return ref.node_id if ref.map_id == map_id else str(ref)

    statements = {title(ref): clean(n.node.text) if n.node else None for ref, n in scene.nodes.items()}
    relations = set()
    arguments = {}
    for edge in scene.edges:
        if edge.role == "support":
            relations.add((title(edge.source), title(edge.target), "support"))
        elif edge.role == "attack":
            relations.add((title(edge.source), title(edge.target), "attack"))
        elif edge.role == "undercut":
            relations.add((title(edge.source), argument_title(scene.junctions[edge.target].argument, map_id),
                           "undercut"))
    for junction in scene.junctions:
        argument = junction.argument
        arguments[argument_title(argument, map_id)] = (sorted(title(p) for p in argument.premises),
                                                       title(argument.conclusion))
    return statements, relations, arguments


def read_back(document: dict):
    statements = {}
    for key, ec in document["statements"].items():
        texts = [m.get("text") for m in ec["members"] if m.get("text")]
        statements[key] = texts[0].strip() if texts else None  # Argdown keeps a trailing space
    relations = {(r["from"], r["to"], r["relationType"]) for r in document["relations"]}
    arguments = {}
    for key, arg in document["arguments"].items():
        pcs = arg.get("pcs", [])
        premises = sorted(s["title"] for s in pcs if s.get("role") == "premise")
        conclusion = next(s["title"] for s in pcs if s.get("role") == "main-conclusion")
        arguments[key] = (premises, conclusion)
    return statements, relations, arguments


def test_escape_text():
    assert escape_text("a [b] #c *d* _e_ @f {g} // <h> === i:j k.l m. n: \\") == \
        "a \\[b\\] \\#c \\*d\\* \\_e\\_ \\@f \\{g\\} \\/\\/ \\<h\\> \\=\\=\\= i\\:j k\\.l m. n: \\\\"


def test_document_shape(real_project):
    text = to_argdown(real_project, "bbc-reader-heath-2021")
    assert text.startswith("===\ntitle: ")
    assert re.search(r'^\[misrepresentation\]: .* \{kind: "rebuttal", by: "heath"\}$', text, re.M)
    assert re.search(r"^  _> <", text, re.M)          # an undercut
    assert re.search(r"^\(1\) \[", text, re.M) and "\n----\n" in text  # a linked argument


@needs_argdown
@pytest.mark.parametrize("map_id", ["bbc-reader-heath-2021", "csw-hancock-2021", "may-2018"])
def test_argdown_cli_reads_the_same_statements_and_relations(real_project, map_id, tmp_path):
    path = tmp_path / f"{map_id}.argdown"
    path.write_text(to_argdown(real_project, map_id), encoding="utf-8")
    got = read_back(json.loads(argdown("json", path)))
    want = expected(real_project, map_id)
    assert got[0].keys() == want[0].keys()
    for title, text in want[0].items():
        if text is not None:
            assert got[0][title] == text, title
    assert got[1] == want[1]
    assert got[2] == want[2]
    # ... and maps it: every support, attack and undercut becomes an edge of its map.
    dot = argdown("map", path, "--format", "dot")
    edges = re.findall(r'n\d+ -> n\d+ \[type="(\w+)"', dot)
    assert edges.count("attack") >= sum(1 for r in want[1] if r[2] == "attack")
    assert edges.count("undercut") == sum(1 for r in want[1] if r[2] == "undercut")
    assert edges.count("support") >= sum(1 for r in want[1] if r[2] == "support")


@needs_argdown
def test_argdown_cli_reads_hostile_text_verbatim(tmp_path):
    texts = [t for t in HOSTILE]
    nodes = {f"h{i}": {"text": t, "supports": [f"h{i - 1}"] if i else []} for i, t in enumerate(texts)}
    nodes["x"] = {"kind": "rebuttal", "text": "e.g. 3.5 :smile: .dot. a:b", "undercuts": [("h1", "h0")]}
    project = build_project(nodes, title='Title with "quotes" === and \\ backslash')
    path = tmp_path / "hostile.argdown"
    path.write_text(to_argdown(project, "m"), encoding="utf-8")
    got = read_back(json.loads(argdown("json", path)))
    want = expected(project, "m")
    assert got[0] == want[0]
    assert got[1] == want[1]
    assert got[2] == want[2]

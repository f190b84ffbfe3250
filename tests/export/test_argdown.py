"""Argdown export: what the Argdown CLI reads back is the map, its own relations and every construct.

The CLI tests run when the Argdown CLI is installed (``npm install
@argdown/cli``; set ARGDOWN_CLI to its path if it is not on PATH) and skip
cleanly otherwise.  The fixture map (tests/data/argdown/fixture) uses every
construct of "What commentary does" and links to a second map.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from argmap.export.argdown import TAG_COLOURS, escape_text, short_title, to_argdown
from argmap.export.escape import clean
from argmap.model import Kind, Ref, RelKind
from argmap.project import load

from .conftest import HOSTILE, build_project, find_argdown, needs_argdown

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "argdown" / "fixture" / "maps"
STATEMENT = re.compile(r"^\[(?P<title>[^\]]+)\]: (?P<rest>.*)$", re.M)


@pytest.fixture(scope="module")
def fixture_project():
    result = load([str(FIXTURE)])
    assert result.ok, [d.format() for d in result.errors]
    return result.project


def argdown(command: str, path, *extra: str) -> str:
    done = subprocess.run([*find_argdown(), command, str(path), "--stdout", "--silent", *extra],
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    assert "syntax error" not in done.stdout.lower() and "syntax error" not in done.stderr.lower(), done.stderr
    return done.stdout


def parsed(project, map_id, tmp_path) -> dict:
    """What ``argdown json`` makes of our export of *map_id*."""
    path = tmp_path / f"{map_id}.argdown"
    path.write_text(to_argdown(project, map_id), encoding="utf-8")
    return json.loads(argdown("json", path))


def data_of(ec: dict) -> dict:
    return ec.get("data") or next((m["data"] for m in ec["members"] if m.get("data")), {})


def text_of(ec: dict) -> str | None:
    texts = [m["text"] for m in ec["members"] if m.get("text")]
    return texts[0].rstrip(" ") if texts else None  # Argdown keeps a trailing space


def own_shape(project, map_id):
    """From the map alone: its nodes in order, the other maps' nodes its relations reach, its
    inferences (premises, conclusion), attacks and undercuts: what the export must hold."""
    argmap = project.maps[map_id]
    ids = [node.id for node in argmap.nodes.values()]
    reached: list[Ref] = []
    inferences, attacks, undercuts = set(), set(), set()

    def reach(*refs):
        reached.extend(r for r in refs if r.map_id != map_id and r not in reached)

    for node in argmap.nodes.values():
        for r in node.relations:
            if r.kind is RelKind.SUPPORTS:
                group = r.group or (r.source,)
                inferences.add((frozenset(group), r.target))
                reach(*group, r.target)
            elif r.kind in (RelKind.ATTACKS, RelKind.QUALIFIES):
                reach(r.target)
                if r.kind is RelKind.ATTACKS:
                    attacks.add((r.source, r.target))
            elif r.kind is RelKind.UNDERCUTS:
                undercuts.add((r.source, r.premise, r.target))
                reach(r.premise, r.target)
    return ids, [str(r) for r in reached], inferences, attacks, undercuts


def test_escape_text():
    assert escape_text("a [b] #c *d* _e_ @f {g} // <h> === i:j k.l m. n: \\") == \
        "a \\[b\\] \\#c \\*d\\* \\_e\\_ \\@f \\{g\\} \\/\\/ \\<h\\> \\=\\=\\= i\\:j k\\.l m. n: \\\\"


def test_short_titles_are_the_first_words():
    assert short_title("The reforms will cut red tape.") == "The reforms will cut red tape"
    assert short_title("Experts agree that the reforms cut red tape.") == "Experts agree that the reforms cut\u2026"
    assert short_title("[#@*] {x}: y") == "x y"           # markup never reaches a title
    assert short_title("!!!", "node-7") == "node 7"      # no words: the id's
    assert short_title("") == "Statement"


def test_statements_in_the_maps_order_titled_readably_with_ids_as_data(fixture_project):
    text = to_argdown(fixture_project, "commentary")
    found = STATEMENT.findall(text)
    ids = [re.search(r'\{"id": "([^"]+)"', rest).group(1) for _, rest in found]
    own, reached, *_ = own_shape(fixture_project, "commentary")
    assert ids == own + reached                       # the map's order, not alphabetical
    assert ids[:len(own)] != sorted(own)
    titles = [title for title, _ in found]
    assert titles[0] == "The reforms will cut red tape"
    assert len({t.casefold() for t in titles}) == len(titles)


def test_equal_texts_get_distinct_titles():
    project = build_project({"a": {"text": "Same words here."}, "b": {"text": "Same words here.", "supports": ["a"]}})
    titles = [t for t, _ in STATEMENT.findall(to_argdown(project, "m"))]
    assert titles == ["Same words here", "Same words here 2"]


def test_only_the_maps_own_relations_and_the_context_they_reach(fixture_project):
    text = to_argdown(fixture_project, "commentary")
    ids = {re.search(r'\{"id": "([^"]+)"', rest).group(1) for _, rest in STATEMENT.findall(text)}
    # reached by the map's support and attack: context statements
    assert {"other:change-now", "other:wastes-money"} <= ids
    # reached only through same_as / related_to: data, not statements
    assert "other:cuts-bureaucracy" not in ids
    assert '"same_as": ["other:cuts-bureaucracy"]' in text and '"related_to": ["other:change-now"]' in text
    # the other map's own support (wastes-money +> change-now) is not this map's relation
    context = text.split("[Bureaucracy wastes money]: ", 1)[1].split("\n\n", 1)[0]
    assert "+>" not in context and "#context #premise" in context


def test_kinds_are_tags_with_a_colour_each(fixture_project):
    text = to_argdown(fixture_project, "commentary")
    front = text.split("===", 2)[1]
    for kind in Kind:
        assert f'        {kind.value}: "{TAG_COLOURS[kind.value]}"' in front
    assert len({TAG_COLOURS[k.value] for k in Kind}) == len(Kind)
    assert "removeTagsFromText: true" in front and "excludeDisconnected: false" in front
    for _, rest in STATEMENT.findall(text):  # the kind is the first tag: Argdown colours by it
        first = re.search(r" #([\w-]+)", rest).group(1)
        assert first in {k.value for k in Kind} | {"context"}


def test_qualification_is_no_arrow(fixture_project):
    text = to_argdown(fixture_project, "commentary")
    block = text.split("[The reforms are not a magic bullet]: ", 1)[1].split("\n\n", 1)[0]
    assert "#qualifies" in block and '"qualifies": [{"to": "cut-red-tape", "how": "not-enough"}]' in block
    assert "\n  " not in block          # no relation line under it: neither +> nor ->


@needs_argdown
def test_cli_reads_every_construct_as_tags_and_data(fixture_project, tmp_path):
    doc = parsed(fixture_project, "commentary", tmp_path)
    by_id = {data_of(ec)["id"]: ec for ec in doc["statements"].values()}
    # the force shows in the title (argdown map colours by kind) and is a tag and data
    assert by_id["plot"]["title"] == "Any reform is a plot (ascribed)"
    assert by_id["madness"]["title"] == "The critics should not be allowed to\u2026 (rhetorical question)"
    assert by_id["not-magic"]["title"] == "The reforms are not a magic bullet"   # conceded: as its kind implies
    assert by_id["local-autonomy"]["tags"] == ["claim", "hedged"]
    assert data_of(by_id["local-autonomy"])["via"] == "insiders"
    assert by_id["plot"]["tags"] == ["claim", "ascribed"]
    assert data_of(by_id["plot"])["said_by"] == "reporter" and data_of(by_id["plot"])["force"] == "ascribed"
    assert by_id["madness"]["tags"] == ["rebuttal", "rhetorical-question"]
    assert by_id["not-magic"]["tags"] == ["concession", "conceded", "qualifies"]
    assert data_of(by_id["not-magic"])["qualifies"] == [{"to": "cut-red-tape", "how": "not-enough"}]
    assert data_of(by_id["cut-red-tape"])["stance"] == {"reform": {"is": "for", "if": "where tape is red",
                                                                    "as_of": "2020"}}
    assert data_of(by_id["centralise"])["attacks"] == [{"to": "cut-red-tape", "scheme": "negative-consequences"}]
    assert data_of(by_id["misread"])["undercuts"] == [{"from": "experts-agree", "to": "cut-red-tape",
                                                       "scheme": "default-conflict"}]
    # a qualification is not a relation: nothing from the qualifier
    qualifier = next(t for t, ec in doc["statements"].items() if data_of(ec)["id"] == "not-magic")
    assert all(r["from"] != qualifier and r["to"] != qualifier for r in doc["relations"])
    # scheme and who draws the inference: the inference's data and rule
    inferences = [s["inference"] for a in doc["arguments"].values() for s in a["pcs"] if s.get("inference")]
    drawn = [i for i in inferences if i.get("data")]
    assert [(i["inferenceRules"], i["data"]) for i in drawn] == \
        [(["Expert Opinion"], {"scheme": "expert-opinion", "drawn_by": "minister"})]
    header = doc["sections"][-1]["data"]["argmap"]
    assert header["map"] == "commentary" and header["speakers"]["reader"]["adopts"] == ["reporter"]
    assert header["source"]["parts"]["comment"]["adopts"] == ["report"]
    assert header["title"] == 'A commentary with "quotes", {braces} and === marks'


def defined_at(ec: dict) -> int:
    """The line where a statement is defined (JSON lists them as first mentioned)."""
    return min(m["startLine"] for m in ec["members"] if m.get("isTopLevel") or m.get("text"))


def check_counts(project, map_id, doc):
    own, reached, inferences, attacks, undercuts = own_shape(project, map_id)
    ids = [data_of(ec)["id"] for ec in sorted(doc["statements"].values(), key=defined_at)]
    assert ids == own + reached                   # statements: the map's, in order, then its context
    kinds = [r["relationType"] for r in doc["relations"]]
    pcs_inferences = [a for a in doc["arguments"].values() if not (a.get("data") or {}).get("context")]
    assert kinds.count("support") + len(pcs_inferences) == len(inferences)
    assert kinds.count("attack") == len(attacks)
    assert kinds.count("undercut") == len(undercuts)
    assert len(kinds) == len(inferences) - len(pcs_inferences) + len(attacks) + len(undercuts)
    for title, ec in doc["statements"].items():
        ref = Ref.parse(data_of(ec)["id"], map_id)
        node = project.node(ref)
        assert text_of(ec) == clean(node.text), title


@needs_argdown
def test_cli_counts_equal_the_maps(fixture_project, tmp_path):
    doc = parsed(fixture_project, "commentary", tmp_path)
    check_counts(fixture_project, "commentary", doc)
    # argdown map draws every statement, a qualifier with no arrow included, and every argument
    dot = argdown("map", tmp_path / "commentary.argdown", "--format", "dot")
    assert dot.count('type="statement-map-node"') == len(doc["statements"])
    assert dot.count('type="argument-map-node"') == len(doc["arguments"])
    assert f'color="{TAG_COLOURS["concession"]}"' in dot    # the qualifying concession, drawn amber


@needs_argdown
@pytest.mark.parametrize("map_id", ["bbc-reader-heath-2021", "csw-hancock-2021", "digital-health-2021",
                                    "ft-hewitt-2023", "may-2018"])
def test_cli_counts_equal_the_bundled_maps(real_project, map_id, tmp_path):
    if map_id not in real_project.maps:
        pytest.skip(f"{map_id} is not bundled any more")
    doc = parsed(real_project, map_id, tmp_path)
    check_counts(real_project, map_id, doc)
    # ... and the map draws them: every attack and undercut is an edge of Argdown's map
    path = tmp_path / f"{map_id}.argdown"
    dot = argdown("map", path, "--format", "dot")
    edges = re.findall(r'n\d+ -> n\d+ \[type="(\w+)"', dot)
    kinds = [r["relationType"] for r in doc["relations"]]
    assert edges.count("undercut") == kinds.count("undercut")
    assert edges.count("attack") >= kinds.count("attack")


@needs_argdown
def test_cli_reads_hostile_text_and_data_verbatim(tmp_path):
    nodes = {f"h{i}": {"text": t, "quote": [t, t[::-1]], "supports": [f"h{i - 1}"] if i else []}
             for i, t in enumerate(HOSTILE)}
    nodes["x"] = {"kind": "rebuttal", "text": "e.g. 3.5 :smile: .dot. a:b } x {", "undercuts": [("h1", "h0")]}
    project = build_project(nodes, title='Title with "quotes" === and \\ backslash }\n x')
    doc = parsed(project, "m", tmp_path)
    statements = {data_of(ec)["id"]: ec for ec in sorted(doc["statements"].values(), key=defined_at)}
    assert list(statements) == list(nodes)
    for node_id, spec in nodes.items():
        assert text_of(statements[node_id]) == clean(spec["text"]), node_id
        assert data_of(statements[node_id])["quote"] == spec.get("quote", [spec["text"]]), node_id
    assert doc["sections"][-1]["data"]["argmap"]["title"] == 'Title with "quotes" === and \\ backslash }\n x'
    assert [r["relationType"] for r in doc["relations"]].count("undercut") == 1

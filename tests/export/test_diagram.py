"""Diagrams: what is drawn, how it is escaped, and that every SVG is well-formed."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import RenderError, UsageError
from argmap.export import render_map
from argmap.export.dot import DiagramOptions, build_dot
from argmap.export.escape import clean, dot_label
from argmap.export.ids import XML_NAME, element_id, node_svg_id
from argmap.export.scene import build_scene
from argmap.model import Ref, RelKind

from .conftest import HOSTILE, build_project, needs_dot

SVG = "{http://www.w3.org/2000/svg}"


def svg_root(data: bytes) -> ET.Element:
    return ET.fromstring(data)  # raises on malformed XML


def node_groups(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("id"): g for g in root.iter(SVG + "g")
            if "node" in (g.get("class") or "").split() and g.get("data-ref")}


def node_text(group: ET.Element) -> str:
    return " ".join("".join(t.itertext()) for t in group.iter(SVG + "text"))


def layout_json(dot_source: str) -> dict:
    """Graphviz's own reading of a DOT source (object and edge counts), via the embedded renderer."""
    from argmap.export import embedded
    return json.loads(embedded.render(dot_source, "json"))


SMALL = {
    "c": {"kind": "claim", "text": "The conclusion."},
    "p": {"text": "A premise.", "supports": ["c"]},
    "q1": {"text": "Linked one.", "linked": [("c", ["q2"])]},
    "q2": {"text": "Linked two."},
    "r": {"kind": "rebuttal", "text": "A rebuttal.", "attacks": ["c"]},
    "u": {"kind": "rebuttal", "text": "An undercut.", "undercuts": [("p", "c")]},
    "k": {"kind": "concession", "text": "Granted.", "attacks": ["p"]},
}


# -- the scene ------------------------------------------------------------------------------------

def test_scene_junctions_for_linked_and_undercut_inferences():
    project = build_project(SMALL)
    scene = build_scene(project, "m")
    assert set(scene.nodes) == {Ref("m", n) for n in SMALL}
    kinds = {(j.linked, j.undercut) for j in scene.junctions}
    assert kinds == {(True, False), (False, True)}
    roles = sorted(e.role for e in scene.edges)
    # q1+q2 -> junction -> c; p -> junction -> c with u undercutting it; r, k attack.
    assert roles == sorted(["premise", "premise", "conclusion", "premise", "conclusion", "undercut",
                            "attack", "attack"])
    undercut = next(e for e in scene.edges if e.role == "undercut")
    assert scene.junctions[undercut.target].argument.premises == (Ref("m", "p"),)


def test_scene_focus_depth():
    chain = {f"n{i}": {"text": f"node {i}", "supports": [f"n{i - 1}"]} for i in range(1, 6)}
    chain["n0"] = {"kind": "claim", "text": "root"}
    project = build_project(chain)
    scene = build_scene(project, None, focus=Ref("m", "n3"), depth=1)
    assert set(scene.nodes) == {Ref("m", "n2"), Ref("m", "n3"), Ref("m", "n4")}
    assert scene.nodes[Ref("m", "n3")].focus
    scene = build_scene(project, None, focus=Ref("m", "n3"), depth=0)
    assert set(scene.nodes) == {Ref("m", "n3")}
    with pytest.raises(UsageError):
        build_scene(project, None, focus=Ref("m", "missing"))


def test_focus_keeps_every_co_premise_of_a_linked_argument():
    project = build_project(SMALL)
    scene = build_scene(project, None, focus=Ref("m", "c"), depth=1)
    assert Ref("m", "q2") in scene.nodes and Ref("m", "q1") in scene.nodes


def test_cross_map_context_nodes(real_project):
    scene = build_scene(real_project, "csw-hancock-2021")
    context = [n for n in scene.nodes.values() if not n.home]
    assert context, "csw-hancock-2021 links to other maps"
    assert all(n.ref.map_id != "csw-hancock-2021" for n in context)
    assert any(e.kind is RelKind.SAME_AS for e in scene.edges)


# -- ids ------------------------------------------------------------------------------------------

@given(st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.-]{0,12}\Z"), st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.-]{0,12}\Z"),
       st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.-]{0,12}\Z"), st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.-]{0,12}\Z"))
def test_node_ids_are_one_to_one_and_valid(m1, n1, m2, n2):
    a, b = node_svg_id(Ref(m1, n1)), node_svg_id(Ref(m2, n2))
    assert XML_NAME.match(a) and XML_NAME.match(b)
    assert (a == b) == ((m1, n1) == (m2, n2))
    assert element_id(m1, "edge", 3) != a and "---" in element_id(m1, "legend")


def test_plain_ids_read_naturally():
    assert node_svg_id(Ref("may-2018", "roll-back")) == "may-2018--roll-back"
    assert node_svg_id(Ref("a--b", "c")) != node_svg_id(Ref("a", "b--c"))


# -- escaping -------------------------------------------------------------------------------------

def test_clean_removes_what_xml_forbids_and_bidi_controls():
    text = clean("a\x00b\x1bc\ufffe \u202eevil\u202c\n\nnext")
    assert "\x00" not in text and "\u202e" not in text and "\n" not in text
    assert text.startswith("a\ufffdb\ufffdc")


def test_dot_label_escapes():
    label = dot_label(['say "hi" \\N & <b>'])
    assert label == '"say \\"hi\\" \\\\N &amp; <b>\\n"'


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_cannot_change_the_structure(text):
    nodes = {"c": {"kind": "claim", "text": text, "quote": text},
             "p": {"text": text, "supports": ["c"], "quote": [text, "plain"]},
             "r": {"kind": "rebuttal", "text": "r", "attacks": ["c"]}}
    project = build_project(nodes, speakers={"s": text or "s"}, title=text)
    drawing = build_dot(project, build_scene(project, "m"), DiagramOptions(legend=False))
    laid_out = layout_json(drawing.dot)
    assert len(laid_out["objects"]) == 3
    assert len(laid_out["edges"]) == 2
    svg = render_map(project, "m", "svg", renderer="embedded")
    root = svg_root(svg)
    groups = node_groups(root)
    assert set(groups) == {"m--c", "m--p", "m--r"}
    shown = node_text(groups["m--c"])
    words = clean(text).split()
    for word in words[:6]:
        assert word[:20] in shown.replace(" ", "") or word[:20] in shown
    # No markup got in: the only elements are the ones Graphviz and we draw.
    tags = {el.tag.replace(SVG, "") for el in root.iter()}
    assert tags <= {"svg", "g", "title", "text", "tspan", "polygon", "path", "ellipse", "polyline", "style",
                    "rect", "circle"}


hostile_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text, hostile_text, hostile_text)
def test_any_text_gives_well_formed_svg_with_the_same_structure(text, speaker, title):
    nodes = {"c": {"kind": "claim", "text": text, "quote": text},
             "p": {"text": title, "supports": ["c"], "quote": speaker},
             "u": {"kind": "rebuttal", "text": speaker, "undercuts": [("p", "c")]}}
    project = build_project(nodes, speakers={"s": speaker}, title=title)
    svg = render_map(project, "m", "svg", renderer="embedded")
    root = svg_root(svg)
    assert set(node_groups(root)) == {"m--c", "m--p", "m--u"}
    edges = [g for g in root.iter(SVG + "g") if "edge" in (g.get("class") or "").split()]
    assert len(edges) == 3  # p -> junction -> c, u -> junction
    dot = render_map(project, "m", "dot").decode()
    laid_out = layout_json(dot)
    assert len(laid_out["edges"]) == 3


# -- SVG content ----------------------------------------------------------------------------------

def test_real_maps_svg_ids_tooltips_and_legend(real_project):
    seen: set[str] = set()
    for map_id, argmap in real_project.maps.items():
        root = svg_root(render_map(real_project, map_id, "svg", renderer="embedded"))
        ids = [el.get("id") for el in root.iter() if el.get("id")]
        assert len(ids) == len(set(ids)), f"duplicate ids in {map_id}"
        assert not seen & set(ids), "ids must be unique across maps"
        seen |= set(ids)
        for id_ in ids:
            assert XML_NAME.match(id_), id_
        groups = node_groups(root)
        for node in argmap.nodes.values():
            group = groups[node_svg_id(node.ref)]
            assert group.get("data-ref") == str(node.ref)
            title = group.find(SVG + "title").text
            assert node.quotes[0].text.split()[0] in title
            speaker = argmap.speakers[node.by]
            assert speaker.name in title
            first = group.find(SVG + "text")
            assert first.get("class") == "node-id" and first.text.startswith(node.id)
        assert root.find(f".//{SVG}g[@class='legend']") is not None


def test_states_in_the_debate_only_when_asked_and_never_in_out():
    from argmap.analysis.semantics import label
    from argmap.analysis.states import debate_state

    project = build_project(SMALL)
    plain = svg_root(render_map(project, "m", "svg", renderer="embedded"))
    assert not plain.findall(f".//{SVG}text[@class='node-state']")
    labelling = label(project, "grounded")
    root = svg_root(render_map(project, "m", "svg", renderer="embedded", labels="grounded"))
    for ref in project.maps["m"].nodes.values():
        group = node_groups(root)[node_svg_id(ref.ref)]
        state = group.find(f"{SVG}text[@class='node-state']")
        assert state is not None and state.text == str(debate_state(project, labelling.labels, ref.ref))
    words = " ".join("".join(t.itertext()) for t in root.iter(SVG + "text"))
    assert not re.search(r"\b(IN|OUT|UNDEC)\b", words)
    assert "challenged, no reply in the maps" in words   # c is attacked by r, which nothing answers
    assert not re.search(r"\b(IN|OUT|UNDEC)\b", render_map(project, "m", "dot", labels="grounded").decode())


def test_no_global_size_squeeze():
    chain = {f"n{i}": {"text": f"node number {i} with some words", "supports": [f"n{i - 1}"]}
             for i in range(1, 120)}
    chain["n0"] = {"kind": "claim", "text": "root"}
    project = build_project(chain)
    dot = render_map(project, "m", "dot").decode()
    assert not re.search(r"[ ,\[]size=", dot) and "ratio=" not in dot
    root = svg_root(render_map(project, "m", "svg", renderer="embedded"))
    height = float(root.get("height").rstrip("pt"))
    assert height > 120 * 30  # every rank keeps its natural height


def test_focus_and_rankdir_and_groups(real_project):
    ref = Ref("may-2018", "roll-back-internal-market")
    root = svg_root(render_map(real_project, None, "svg", focus=ref, depth=1, renderer="embedded",
                               group="speaker", rankdir="LR"))
    groups = node_groups(root)
    assert node_svg_id(ref) in groups
    assert len(groups) < len(real_project.maps["may-2018"].nodes)
    assert any("speaker" in (g.get("class") or "") for g in root.iter(SVG + "g"))
    with pytest.raises(UsageError):
        render_map(real_project, "may-2018", "svg", rankdir="XY")
    with pytest.raises(UsageError):
        render_map(real_project, "may-2018", "svg", group="topic")
    with pytest.raises(UsageError):
        render_map(real_project, "nope", "svg")


def test_png_and_pdf_without_system_dot_fail_cleanly(real_project, monkeypatch):
    monkeypatch.setenv("ARGMAP_DOT", "/nonexistent/dot")
    with pytest.raises(RenderError, match="system Graphviz"):
        render_map(real_project, "may-2018", "png")
    with pytest.raises(RenderError, match="not installed"):
        render_map(real_project, "may-2018", "svg", renderer="dot")
    assert render_map(real_project, "may-2018", "svg").startswith(b"<?xml")  # auto falls back


@needs_dot
def test_system_dot_svg_png_pdf(real_project):
    svg = render_map(real_project, "may-2018", "svg", renderer="dot")
    groups = node_groups(svg_root(svg))
    assert "may-2018--roll-back-internal-market" in groups
    assert render_map(real_project, "may-2018", "png", renderer="dot").startswith(b"\x89PNG")
    assert render_map(real_project, "may-2018", "pdf", renderer="dot").startswith(b"%PDF")


@needs_dot
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_with_system_dot(text):
    nodes = {"c": {"kind": "claim", "text": text}, "p": {"text": text, "supports": ["c"]}}
    project = build_project(nodes, speakers={"s": text})
    root = svg_root(render_map(project, "m", "svg", renderer="dot"))
    assert set(node_groups(root)) == {"m--c", "m--p"}
    png = render_map(project, "m", "png", renderer="dot")  # HTML-like labels: escaped too
    assert png.startswith(b"\x89PNG")


def test_embedded_renderer_recovers_after_a_failure():
    from argmap.export import embedded

    with pytest.raises(RenderError):
        embedded.render("digraph { a -> ", "svg")
    assert b"<svg" in embedded.render("digraph { a -> b }", "svg")
    with pytest.raises(RenderError, match="cannot write PNG"):
        embedded.render("digraph { a }", "png")


def test_dot_output_is_the_source(real_project):
    dot = render_map(real_project, "may-2018", "dot").decode()
    assert dot.startswith("digraph argmap {") and re.search(r'id="may-2018--roll-back-internal-market"', dot)

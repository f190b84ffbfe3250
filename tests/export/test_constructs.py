"""Diagrams of what commentary does (issue 12): every relation and force has its own legended look.

The fixture map is written in tmp_path with every construct of docs/format.md
("What commentary does"), so the tests do not depend on the bundled maps.
A reader must tell the constructs apart in greyscale too: the tests compare
line styles and heads, not colours.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from argmap.export import render_map
from argmap.export.render import render
from argmap.project import load

from .conftest import needs_dot

SVG = "{http://www.w3.org/2000/svg}"
RENDERERS = ["embedded"] + (["dot"] if shutil.which("dot") else [])

SEED = ("Ministers said the reforms cut red tape. Critics said they centralise power. It is not a magic "
        "bullet. Why do they allow this madness? Some think the plan failed. Experts say waste is rife. "
        "Rayner says staff are undeserving. Heath says Labour thinks criticism is an attack. Tendering is "
        "bureaucratic. The reforms are not enough. Data shows fewer deaths.\n")

MAP = """
    map: m
    title: Every construct
    source: {seed: s.txt, genre: news-report}
    speakers:
      min: {name: The Minister}
      crit: {name: Critics}
      heath: {name: Allister Heath}
      labour: {name: Labour}
      rayner: {name: Angela Rayner}
      ft: {name: Financial Times}
      hewitt: {name: Patricia Hewitt, via: ft}
    nodes:
      cut:
        kind: claim
        by: min
        text: The reforms cut red tape.
        quote: the reforms cut red tape
      central:
        kind: rebuttal
        by: crit
        text: They centralise power.
        quote: they centralise power
        attacks: {to: cut, scheme: negative-consequences}
      bullet:
        kind: concession
        by: crit
        text: Not a magic bullet.
        quote: It is not a magic bullet
        qualifies: {to: cut, how: concedes}
      notenough:
        kind: premise
        by: crit
        text: The reforms are not enough.
        quote: The reforms are not enough
        qualifies: {to: cut, how: not-enough}
      madness:
        kind: premise
        by: heath
        force: rhetorical-question
        text: They allow madness.
        quote: Why do they allow this madness?
        supports: {to: central, scheme: sign}
      failed:
        kind: premise
        by: labour
        force: ascribed
        said_by: heath
        text: Criticism of the NHS is an attack on it.
        quote: Labour thinks criticism is an attack
        supports:
          - {to: undeserving, with: [waste], by: rayner}
      waste:
        kind: premise
        by: crit
        force: hedged
        text: Waste is rife.
        quote: Experts say waste is rife
      undeserving:
        kind: claim
        by: rayner
        text: Staff are undeserving.
        quote: Rayner says staff are undeserving
      plan:
        kind: premise
        by: hewitt
        force: reported
        text: The plan failed.
        quote: Some think the plan failed
        supports: cut
      bureau:
        kind: rebuttal
        by: crit
        text: Tendering is bureaucratic.
        quote: Tendering is bureaucratic
        undercuts: {from: plan, to: cut, scheme: default-conflict}
      deaths:
        kind: rebuttal
        by: min
        force: conceded
        text: Data shows fewer deaths.
        quote: Data shows fewer deaths
        attacks: waste
        related_to: cut
      same:
        kind: claim
        by: heath
        text: Red tape is cut.
        quote: the reforms cut red tape
        same_as: cut
"""


@pytest.fixture
def project(make_maps):
    result = load([make_maps({"m.yaml": MAP}, seeds={"s.txt": SEED})])
    assert not [d for d in result.diagnostics if d.is_error], [d.format() for d in result.diagnostics]
    return result.project


def _root(project, renderer="embedded", **options) -> ET.Element:
    return ET.fromstring(render_map(project, "m", "svg", renderer=renderer, **options))


def _edges(root: ET.Element) -> dict[str, list[ET.Element]]:
    """Edge groups by their first class (the relation kind)."""
    found: dict[str, list[ET.Element]] = {}
    for group in root.iter(SVG + "g"):
        classes = (group.get("class") or "").split()
        if "edge" in classes and len(classes) > 1:
            found.setdefault(classes[1], []).append(group)
    return found


def _words(group: ET.Element) -> str:
    return " ".join("".join(t.itertext()) for t in group.iter(SVG + "text"))


def _signature(group: ET.Element) -> tuple:
    """What a greyscale print shows of an edge: dashes, parallel strokes, head shape and fill."""
    paths = group.findall(SVG + "path")
    dash = paths[0].get("stroke-dasharray") if paths else None
    widths = sorted({p.get("stroke-width", "1") for p in paths})
    heads = tuple(sorted((len(p.get("points", "").split()), p.get("fill") in ("white", "#ffffff", "none"))
                         for p in group.findall(SVG + "polygon")))
    return dash, len(paths), tuple(widths), heads


@pytest.mark.parametrize("renderer", RENDERERS)
def test_every_relation_has_a_look_of_its_own_in_greyscale(project, renderer):
    edges = _edges(_root(project, renderer))
    # attack, undercut, qualifies, same_as, related_to; supports straight and through a junction
    kinds = {"supports": "support", "attacks": "attack", "undercuts": "undercut", "qualifies": "qualify",
             "same-as": "same-as", "related-to": "related-to"}
    assert set(kinds) <= set(edges)
    looks = {}
    for kind, role in kinds.items():
        group = next(g for g in edges[kind] if role in g.get("class").split())
        looks[kind] = _signature(group)
    assert len(set(looks.values())) == len(looks), looks
    # An inference drawn by someone else has a hollow head; the premise holder's own, a filled one.
    supports = {g.get("class"): _signature(g) for g in edges["supports"]}
    conclusion_heads = {sig[3] for cls, sig in supports.items() if "conclusion" in cls or "support" in cls.split()}
    assert len(conclusion_heads) == 2


@pytest.mark.parametrize("renderer", RENDERERS)
def test_qualifications_say_how_and_are_never_drawn_as_attacks(project, renderer):
    edges = _edges(_root(project, renderer))
    words = sorted(_words(g) for g in edges["qualifies"])
    assert words == ["concedes", "not enough"]
    for group in edges["qualifies"]:
        assert "attack" not in group.get("class") and "rebuts" not in group.get("class")
        assert "qualifies" in group.find(SVG + "title").text
    dot = render_map(project, "m", "dot").decode()
    qualify_lines = [line for line in dot.splitlines() if 'class="qualifies' in line]
    assert len(qualify_lines) == 2 and all("odiamond" in line and "tee" not in line for line in qualify_lines)


def test_schemes_and_who_draws_the_inference_label_the_lines(project):
    edges = _edges(_root(project))
    labels = {_words(g) for kind in edges for g in edges[kind] if _words(g)}
    assert {"Negative Consequences", "Sign", "Default Conflict", "inference: Angela Rayner"} <= labels
    attack = next(g for g in edges["attacks"] if "Negative" in _words(g))
    assert "rebuts" in attack.get("class")
    undermine = next(g for g in edges["attacks"] if not _words(g))   # deaths attacks waste, a premise
    assert "undermines" in undermine.get("class") and "undermines" in undermine.find(SVG + "title").text


@pytest.mark.parametrize("renderer", RENDERERS)
def test_forces_are_named_under_the_header_and_drawn(project, renderer):
    root = _root(project, renderer)
    groups = {g.get("data-ref"): g for g in root.iter(SVG + "g") if g.get("data-ref")}
    forces = {ref: g.find(f"{SVG}text[@class='node-force']") for ref, g in groups.items()}
    said = {ref.split(":")[1]: t.text for ref, t in forces.items() if t is not None}
    assert said == {"failed": "ascribed by Allister Heath", "plan": "reported by Financial Times",
                    "waste": "hedged", "madness": "rhetorical question", "deaths": "conceded"}
    assert forces["m:failed"].get("font-style") == "italic"
    assert "\u201cThe plan failed.\u201d" in _words(groups["m:plan"])   # reported speech in quotes
    # A greyscale print tells them apart by the border: dotted (hedged), double (ascribed).
    hedged = groups["m:waste"].find(SVG + "polygon")
    assert hedged.get("stroke-dasharray") and hedged.get("stroke-dasharray").startswith("1,")
    assert len(groups["m:failed"].findall(SVG + "polygon")) == 2
    assert len(groups["m:plan"].findall(SVG + "polygon")) == 1


def _legend_words(root: ET.Element) -> str:
    legend = next(g for g in root.iter(SVG + "g") if g.get("class") == "legend")
    return _words(legend)


def test_the_legend_names_every_construct_drawn_and_nothing_else(project, make_maps):
    words = _legend_words(_root(project))
    for entry in ("qualifies, not an attack (not enough, concedes)", "related, not the same", "same as",
                  "inference drawn by the speaker named", "argument scheme", "hedged", "ascribed by",
                  "reported", "rhetorical question", "conceded", "undercuts an inference",
                  "attacks (rebuts or undermines)"):
        assert entry in words, entry
    assert "unchallenged" not in words and "limits" not in words
    plain = load([make_maps({"p.yaml": MAP.replace("map: m", "map: p").split("      central:")[0]
                             + "      why:\n        kind: premise\n        by: crit\n        text: Why.\n        quote: red tape\n"
                               "        supports: cut\n"})])
    words = _legend_words(ET.fromstring(render_map(plain.project, "p", "svg", renderer="embedded")))
    for absent in ("qualifies", "related", "scheme", "hedged", "ascribed", "reported", "rhetorical", "conceded",
                   "drawn by"):
        assert absent not in words, absent


def test_with_labels_the_legend_lists_the_states_shown(project):
    root = _root(project, labels="grounded")
    words = _legend_words(root)
    assert "unchallenged" in words and "challenged, no reply in the maps" in words
    assert "green: stands, ring: defeated" in words   # the inference junctions, with their states
    assert "undecided" not in words.replace("grey: undecided", "")   # no node of the fixture is undecided
    assert not re.search(r"\b(IN|OUT|UNDEC)\b", ET.tostring(root, encoding="unicode"))


@needs_dot
@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_png_and_pdf_draw_the_same_constructs(project, fmt):
    dot = render_map(project, "m", "dot").decode()
    from argmap.export.dot import DiagramOptions, build_dot
    from argmap.export.scene import build_scene

    html = build_dot(project, build_scene(project, "m"), DiagramOptions(html=True)).dot
    for words in ("ascribed by Allister Heath", "reported by Financial Times", "rhetorical question",
                  "inference: Angela Rayner", "not enough", "Negative Consequences",
                  "qualifies, not an attack", "related, not the same"):
        assert words in html, words
    assert "<I>hedged</I>" in html and 'peripheries="2"' in html
    assert set(re.findall(r'arrowhead="(\w+)"', html)) == set(re.findall(r'arrowhead="(\w+)"', dot))
    data = render_map(project, "m", fmt, renderer="dot")
    assert data.startswith(b"\x89PNG" if fmt == "png" else b"%PDF")
    assert render(html, "svg", "dot")[0]   # the HTML labels lay out


@pytest.mark.parametrize("renderer", RENDERERS)
def test_hostile_speaker_names_in_forces_and_inference_labels_stay_text(renderer):
    """A speaker's name reaches the force line and the "inference: NAME" label: it must stay text."""
    from types import MappingProxyType

    from argmap.model import (ArgMap, Force, Genre, Kind, Node, Pos, Project, Quote, Ref, Relation, RelKind,
                              Source, Speaker)

    from .conftest import HOSTILE

    pos = Pos("m.yaml", 1, 1)
    speakers = {f"h{i}": Speaker(f"h{i}", text, pos) for i, text in enumerate(HOSTILE)}
    nodes = {"c": Node("c", "m", Kind.CLAIM, "A claim.", "h0", pos, quotes=(Quote("A claim.", pos, None),))}
    for i in range(len(HOSTILE)):
        ref = Ref("m", f"n{i}")
        relation = Relation(RelKind.SUPPORTS, ref, Ref("m", "c"), pos, drawn_by=f"h{(i + 1) % len(HOSTILE)}",
                            scheme="expert-opinion")
        nodes[ref.node_id] = Node(ref.node_id, "m", Kind.PREMISE, f"Reason {i}.", f"h{i}", pos,
                                  quotes=(Quote(f"Reason {i}.", pos, None),), relations=(relation,),
                                  force=Force.ASCRIBED if i % 2 else Force.REPORTED, said_by=f"h{(i + 2) % len(HOSTILE)}")
    argmap = ArgMap("m", "Hostile", "m.yaml", pos, Source("s.txt", pos, Genre.NEWS_REPORT),
                    MappingProxyType(speakers), MappingProxyType(nodes))
    project = Project(MappingProxyType({"m": argmap}))
    root = ET.fromstring(render_map(project, "m", "svg", renderer=renderer))   # well-formed XML
    groups = [g for g in root.iter(SVG + "g") if g.get("data-ref")]
    assert len(groups) == len(nodes)
    assert not [e for e in root.iter() if e.tag.split("}")[1] in ("script", "b", "foreignObject")]
    forces = [t for t in root.iter(SVG + "text") if t.get("class") == "node-force"]
    assert len(forces) == len(HOSTILE) and all("\n" not in (t.text or "") for t in forces)
    if renderer == "dot":
        assert render_map(project, "m", "png", renderer="dot").startswith(b"\x89PNG")

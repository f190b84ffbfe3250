"""The default diagram is page-shaped: trees of main claims stacked, wide fans wrapped.

Each test measures the picture Graphviz actually drew (the SVG's size), with
the system ``dot`` and with the embedded renderer, since both must give the
same arrangement.
"""

from __future__ import annotations

import re
import shutil

import pytest

from argmap.export import render_map
from argmap.export.arrange import MAX_ASPECT, aspect, plan
from argmap.export.dot import DiagramOptions, build_dot
from argmap.export.draw import svg_points
from argmap.export.scene import build_scene

from .conftest import build_project

RENDERERS = ["embedded"] + (["dot"] if shutil.which("dot") else [])
BUNDLED = ["bbc-reader-heath-2021", "csw-hancock-2021", "digital-health-2021", "ft-hewitt-2023", "may-2018"]


def _shape(svg: bytes) -> float:
    size = svg_points(svg)
    assert size is not None
    return aspect(*size)


def _many_claims(n: int) -> dict[str, dict]:
    """*n* independent main claims, each with two premises: one row of trees by Graphviz's default."""
    nodes: dict[str, dict] = {}
    for i in range(n):
        nodes[f"c{i}"] = {"kind": "claim", "text": f"Main claim number {i} of a long opinion piece."}
        for j in range(2):
            nodes[f"p{i}-{j}"] = {"supports": [f"c{i}"], "text": f"A reason {j} given for claim {i} in the piece."}
    return nodes


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("map_id", BUNDLED)
def test_every_bundled_map_is_page_shaped(real_project, map_id, renderer):
    assert _shape(render_map(real_project, map_id, "svg", renderer=renderer)) <= MAX_ASPECT


@pytest.mark.parametrize("renderer", RENDERERS)
def test_many_main_claims_are_stacked_in_rows(renderer):
    project = build_project(_many_claims(24))
    assert _shape(render_map(project, "m", "svg", renderer=renderer)) <= MAX_ASPECT
    # Without the arrangement (what argmap drew before) the same map is a strip.
    scene = build_scene(project, "m")
    flat = build_dot(project, scene, DiagramOptions(rankdir="BT", arrange=False))
    from argmap.export.render import render
    assert _shape(render(flat.dot, "svg", renderer)[0]) > MAX_ASPECT


@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_wide_fan_of_premises_is_wrapped(renderer):
    nodes = {"c": {"kind": "claim", "text": "One claim with a great many reasons given for it."}}
    for i in range(30):
        nodes[f"p{i}"] = {"supports": ["c"], "text": f"Reason {i}, one of thirty given in support."}
    project = build_project(nodes)
    assert _shape(render_map(project, "m", "svg", renderer=renderer)) <= MAX_ASPECT


def test_an_explicit_rankdir_is_kept():
    project = build_project(_many_claims(6))
    for rankdir in ("BT", "TB", "LR", "RL"):
        dot = render_map(project, "m", "dot", rankdir=rankdir).decode()
        assert f'rankdir="{rankdir}"' in dot


def test_cycles_and_self_contained_nodes_are_arranged():
    """Attacks in a ring (no root) and lone nodes still get a plan, in linear time."""
    nodes = {f"a{i}": {"kind": "rebuttal", "attacks": [f"a{(i + 1) % 7}"]} for i in range(7)}
    nodes.update({f"lone{i}": {"kind": "premise"} for i in range(9)})
    project = build_project(nodes)
    scene = build_scene(project, "m")
    arranged = plan(scene, {}, "AUTO")
    assert sum(len(s) for s in arranged.shelves) >= 9   # every lone node is a tree of its own
    assert _shape(render_map(project, "m", "svg", renderer="embedded")) <= MAX_ASPECT


@pytest.mark.skipif(shutil.which("dot") is None, reason="compares with the system Graphviz")
def test_both_renderers_draw_boxes_of_the_same_height():
    """Pango measures a line of Arial shorter than the embedded Graphviz; the DOT gives the height."""
    import json

    from argmap.export.render import render

    project = build_project({"c": {"kind": "claim", "text": "A claim " * 30},
                             "p": {"supports": ["c"], "text": "One line."},
                             "q": {"supports": ["c"], "text": "A reason that wraps over two lines or so."}})
    dot = render_map(project, "m", "dot").decode()
    heights = []
    for renderer in ("dot", "embedded"):
        objects = json.loads(render(dot, "json", renderer)[0])["objects"]
        heights.append({o["name"]: float(o["height"]) for o in objects if o["name"].startswith("n")})
    for name, height in heights[0].items():
        assert abs(height - heights[1][name]) / height < 0.01, (name, height, heights[1][name])


@pytest.mark.skipif(shutil.which("dot") is None, reason="lays out with the system Graphviz")
def test_one_main_claim_too_big_for_a_page_is_still_split():
    from argmap.export.pages import render_pages

    nodes = {"c": {"kind": "claim", "text": "The only main claim of a long piece."}}
    for i in range(6):
        nodes[f"b{i}"] = {"supports": ["c"], "text": f"Branch {i}, a reason with reasons of its own."}
        for j in range(5):
            nodes[f"b{i}-{j}"] = {"supports": [f"b{i}"], "text": f"Reason {j} under branch {i}, at some length."}
    pages = render_pages(build_project(nodes), "m", "svg", page="a4", renderer="dot")
    assert len(pages) > 1
    for _n, svg in pages:
        size = svg_points(svg)   # fitted to the paper: width and height are the printed size
        natural = float(re.search(rb'viewBox="[\d.]+ [\d.]+ ([\d.]+)', svg).group(1))
        assert 11 * size[0] / natural >= 9.0

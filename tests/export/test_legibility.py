"""Legibility of diagrams: header size and contrast, speaker names, padding in every renderer and format.

The PDF checks read the words' boxes with poppler's ``pdftotext -bbox`` and
the pages with ``pdftoppm`` (skipped cleanly where poppler is not
installed) and compare them with the node outlines Graphviz drew for the
same DOT source.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET

import pytest

from argmap.export import render_map
from argmap.export import style
from argmap.export.dot import DiagramOptions, header
from argmap.export.draw import draw
from argmap.export.metrics import known_width
from argmap.export.render import render
from argmap.export.scene import build_scene
from argmap.model import Kind, Label
from argmap.palette import KIND_FILLS

from .conftest import build_project

SVG = "{http://www.w3.org/2000/svg}"
RENDERERS = ["embedded"] + (["dot"] if shutil.which("dot") else [])
needs_poppler = pytest.mark.skipif(not (shutil.which("dot") and shutil.which("pdftotext") and shutil.which("pdftoppm")),
                                   reason="needs the system Graphviz and poppler-utils (pdftotext, pdftoppm)")
PAD = 4.0
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
LONG_NAME = "Many in the health service and social care sector of England"


def test_headers_are_three_quarters_of_the_body_in_aa_contrast():
    assert style.ID_FONT_SIZE >= 0.75 * style.FONT_SIZE
    backgrounds = [*KIND_FILLS.values(), style.CONTEXT_FILL, "#ffffff"]
    for colour in [style.ID_COLOUR, *(style.label_colour(label) for label in Label)]:
        for background in backgrounds:
            assert style.contrast(colour, background) >= 4.5, (colour, background)


def test_speaker_names_are_shortened_on_a_word_boundary():
    for node_id in ("x", "claim-about-waiting-times", "a" * 60):
        line = header(node_id, LONG_NAME, 45)
        assert len(line) <= 45
        name = line.split(" \u00b7 ", 1)[1]
        assert name.endswith("\u2026")
        kept = name[:-1]
        assert LONG_NAME.startswith(kept) and LONG_NAME[len(kept)] == " "   # cut between words
    assert header("dhsc", "UK government (ministers and the draft White Paper)", 30) == "dhsc \u00b7 UK government"


@pytest.mark.parametrize("renderer", RENDERERS)
def test_the_full_speaker_name_is_in_the_tooltip(renderer):
    project = build_project({"c": {"kind": "claim", "by": "s", "text": "A claim."}}, speakers={"s": LONG_NAME})
    root = ET.fromstring(render_map(project, "m", "svg", renderer=renderer))
    node = next(g for g in root.iter(SVG + "g") if g.get("data-ref") == "m:c")
    assert "\u2026" in "".join(node.find(SVG + "text").itertext())
    assert LONG_NAME in node.find(SVG + "title").text


def _outline(group: ET.Element, dx: float = 0.0, dy: float = 0.0) -> tuple[float, float, float, float] | None:
    for child in group:
        if child.tag in (SVG + "polygon", SVG + "path"):
            numbers = [float(n) for n in _NUMBER.findall(child.get("points") or child.get("d") or "")]
            xs, ys = numbers[0::2], numbers[1::2]
            if len(xs) >= 2:
                return min(xs) + dx, min(ys) + dy, max(xs) + dx, max(ys) + dy
    return None


@pytest.mark.parametrize("renderer", RENDERERS)
def test_svg_text_keeps_four_points_from_the_box_edge(real_project, renderer):
    root = ET.fromstring(render_map(real_project, "ft-hewitt-2023", "svg", renderer=renderer))
    checked = 0
    for group in root.iter(SVG + "g"):
        if "node" not in (group.get("class") or "") or group.get("data-ref") is None:
            continue
        left, top, right, bottom = _outline(group)
        for text in group.findall(SVG + "text"):
            size = float(text.get("font-size"))
            content = "".join(text.itertext())
            width = float(text.get("textLength") or known_width(content, size) or 0)
            x, y = float(text.get("x")), float(text.get("y"))
            assert x - width / 2 >= left + PAD - 0.5 and x + width / 2 <= right - PAD + 0.5, content
            assert y - 0.75 * size >= top + PAD - 0.5 and y + 0.25 * size <= bottom - PAD + 0.5, content
            checked += 1
    assert checked > 40


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@needs_poppler
@pytest.mark.parametrize("map_id", ["ft-hewitt-2023", "csw-hancock-2021"])
def test_pdf_text_stays_inside_its_boxes(real_project, tmp_path, map_id):
    scene = build_scene(real_project, map_id)
    options = DiagramOptions(html=True, labels=None)
    drawing, pdf = draw(real_project, scene, options, "pdf", "dot")
    (tmp_path / "x.pdf").write_bytes(pdf)
    # The boxes: the same DOT drawn as SVG by the same Graphviz (so the same layout).
    svg = ET.fromstring(render(drawing.dot, "svg", "dot")[0])
    graph = next(g for g in svg.iter(SVG + "g") if g.get("class") == "graph")
    dx, dy = (float(v) for v in re.search(r"translate\(([-\d.]+)[ ,]([-\d.]+)\)", graph.get("transform")).groups())
    boxes = [_outline(g, dx, dy) for g in svg.iter(SVG + "g")
             if "node" in (g.get("class") or "").split() and "legend" not in (g.get("id") or "")]
    boxes = [b for b in boxes if b is not None and b[2] - b[0] > 20]
    words = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "x.pdf"), "-"], capture_output=True, text=True,
                           check=True).stdout
    page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', words)
    width, height = float(page.group(1)), float(page.group(2))
    # Cairo's PDF has Graphviz's page margin around the picture (the same on every side).
    margin = (width - float(svg.get("width").removesuffix("pt"))) / 2
    boxes = [(b[0] + margin, b[1] + margin, b[2] + margin, b[3] + margin) for b in boxes]
    inside = 0
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', words):
        x0, y0, x1, y1 = (float(v) for v in m.groups())
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        box = next((b for b in boxes if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]), None)
        if box is None:
            continue   # the legend's words
        inside += 1
        assert x0 >= box[0] + PAD - 0.5 and x1 <= box[2] - PAD + 0.5, m.group(0)
        assert y0 >= box[1] + PAD and y1 <= box[3] - PAD, m.group(0)   # the font's ascent and descent
    assert inside > 100
    # The page is the picture's size, as pdftoppm sees it at 72 dpi.
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-singlefile", str(tmp_path / "x.pdf"), str(tmp_path / "page")],
                   check=True)
    w, h = _png_size((tmp_path / "page.png").read_bytes())
    assert abs(w - width) <= 1.5 and abs(h - height) <= 1.5
    assert max(w, h) / min(w, h) <= 2.5


@pytest.mark.parametrize("renderer", RENDERERS)
def test_the_legend_lists_only_what_is_drawn_and_is_no_wider_than_the_diagram(renderer):
    project = build_project({"c": {"kind": "claim", "text": "A claim about as long as the claims in a map."},
                             "p": {"supports": ["c"], "text": "A reason given for it."}})
    svg = render_map(project, "m", "svg", renderer=renderer)
    root = ET.fromstring(svg)
    legend = next(g for g in root.iter(SVG + "g") if g.get("class") == "legend")
    words = " ".join("".join(t.itertext()) for t in legend.iter(SVG + "text"))
    assert "claim" in words and "premise" in words and "supports" in words
    for unused in ("rebuttal", "concession", "attacks", "undercuts", "same as", "inference", "another map"):
        assert unused not in words
    # Graphviz's own picture is the width: the legend wrapped rather than widening it.
    graph_only = render(render_map(project, "m", "dot").decode(), "svg", renderer)[0]
    assert root.get("width") == ET.fromstring(graph_only).get("width")


def test_the_legend_wraps_to_any_width():
    from argmap.export.legend import svg_legend

    everything = {k.value for k in Kind} | {"supports", "attacks", "undercuts", "same_as", "inference", "context"}
    for width in (260.0, 400.0, 800.0):
        _group, drawn, height = svg_legend(everything, True, width)
        assert drawn <= width
    assert svg_legend(everything, True, 240.0)[2] > svg_legend(everything, True, 2000.0)[2]

"""--page and --split: pages a reader can print, and one diagram per main claim.

PDF pages are read back with pypdf (page count, paper size, outline) and,
where poppler is installed, with ``pdftotext -bbox`` to measure the printed
size of the text.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from argmap.cli import main
from argmap.export.arrange import PAGE_SIZES
from argmap.export.pages import claim_pages, render_pages

from .conftest import build_project

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="PDF needs the system Graphviz")
SVG = "{http://www.w3.org/2000/svg}"


def _forest(claims: int, premises: int) -> dict[str, dict]:
    nodes: dict[str, dict] = {}
    for i in range(claims):
        nodes[f"c{i}"] = {"kind": "claim", "text": f"Main claim {i} of the piece, said at some length here."}
        for j in range(premises):
            nodes[f"p{i}-{j}"] = {"supports": [f"c{i}"], "text": f"Reason {j} for claim {i}, also at some length."}
    nodes["lone"] = {"kind": "concession", "text": "A point granted in passing."}
    return nodes


def test_one_page_per_main_claim_and_one_for_the_rest():
    project = build_project(_forest(4, 3))
    pages = claim_pages(project, "m")
    assert [p.key for p in pages] == ["c0", "c1", "c2", "c3", "other"]
    assert pages[0].title.startswith("c0: Main claim 0")
    assert {r.node_id for r in pages[0].refs} == {"c0", "p0-0", "p0-1", "p0-2"}
    assert {r.node_id for r in pages[-1].refs} == {"lone"}


@pytest.mark.parametrize("fmt", ["svg", "dot"])
def test_split_claim_gives_one_titled_diagram_per_claim(fmt):
    project = build_project(_forest(3, 2))
    out = render_pages(project, "m", fmt, split="claim", renderer="embedded")
    assert [key for key, _ in out] == ["c0", "c1", "c2", "other"]
    text = out[1][1].decode()
    assert "Main claim 1" in text and "Main claim 0" not in text and "Main claim 2" not in text


@needs_dot
@pytest.mark.parametrize("page", sorted(PAGE_SIZES))
def test_page_pdf_is_one_file_of_paper_sized_pages(page):
    from pypdf import PdfReader

    project = build_project(_forest(12, 4))
    [(key, pdf)] = render_pages(project, "m", "pdf", page=page, renderer="dot")
    reader = PdfReader(io.BytesIO(pdf))
    assert key == "" and len(reader.pages) > 1
    paper = sorted(PAGE_SIZES[page])
    for sheet in reader.pages:
        assert sorted((round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height)))) == \
            [round(v) for v in paper]
    # One outline entry per main claim, in order, each on the page that draws it; every page has one.
    entries = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    assert [t.split(":")[0] for t, _n in entries][:12] == [f"c{i}" for i in range(12)]
    assert entries[0][0].startswith("c0: Main claim 0")
    assert {n for _t, n in entries} == set(range(len(reader.pages)))


def test_a_small_map_is_one_page():
    project = build_project(_forest(1, 2))
    out = render_pages(project, "m", "svg", page="a4", renderer="embedded")
    assert len(out) == 1 and out[0][0] == ""


@pytest.mark.skipif(not (shutil.which("dot") and shutil.which("pdftotext")), reason="needs dot and poppler")
def test_the_bbc_map_prints_on_a4_at_a_readable_size(real_project, tmp_path):
    """Every page's body text is at least 9 pt on the paper (11 pt drawn, times the page's scale)."""
    [(_key, pdf)] = render_pages(real_project, "bbc-reader-heath-2021", "pdf", page="a4", renderer="dot")
    (tmp_path / "bbc.pdf").write_bytes(pdf)
    words = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "bbc.pdf"), "-"], capture_output=True,
                           text=True, check=True).stdout
    pages = words.split("<page ")[1:]
    assert len(pages) > 1
    for number, sheet in enumerate(pages, 1):
        heights = [float(b) - float(a) for a, b in
                   re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', sheet)]
        # The tallest words are the 14 pt heading: their height gives the page's scale.
        scale = max(heights) / (14 * 1.117)
        assert 11 * scale >= 9.0, (number, scale)


def test_cli_split_and_page_file_names(workspace):
    assert main(["export", "maps/may-2018.yaml", "-o", "may.svg", "--split", "claim", "-q"]) == 0
    split = sorted(p.name for p in workspace.glob("may--*.svg"))
    assert split and all(ET.parse(workspace / name).getroot().tag == SVG + "svg" for name in split)
    assert main(["export", "maps/may-2018.yaml", "-o", "pages.svg", "--page", "a4", "-q",
                 "--renderer", "embedded"]) == 0
    numbered = sorted(p.name for p in workspace.glob("pages-*.svg"))
    assert numbered[0] == "pages-1.svg" and len(numbered) > 1
    # Each SVG page is sized to fit the paper.
    for name in numbered:
        root = ET.parse(workspace / name).getroot()
        w, h = (float(root.get(k).removesuffix("pt")) for k in ("width", "height"))
        assert max(w, h) <= 842 - 2 * 28 + 1 and min(w, h) <= 595 - 2 * 28 + 1


def test_cli_refusals(workspace, capsys):
    before = sorted(os.listdir(workspace))
    assert main(["export", "maps/may-2018.yaml", "-o", "x.json", "--page", "a4"]) == 2
    assert main(["export", "maps/may-2018.yaml", "-o", "-", "--split", "claim"]) == 2
    assert main(["export", "maps/may-2018.yaml", "-o", "x.svg", "--split", "claim", "--focus",
                 "roll-back-internal-market"]) == 2
    assert sorted(os.listdir(workspace)) == before


def test_cli_pages_never_overwrite_and_the_rest_are_written(workspace, capsys):
    (workspace / "may--roll-back-internal-market.svg").write_text("keep me")
    assert main(["export", "maps/may-2018.yaml", "-o", "may.svg", "--split", "claim", "-q"]) == 1
    assert (workspace / "may--roll-back-internal-market.svg").read_text() == "keep me"
    assert "exists" in capsys.readouterr().err
    assert len(list(workspace.glob("may--*.svg"))) > 1


def test_a_hostile_claim_id_cannot_steer_the_file_name(tmp_path):
    from argmap.commands.export import _piece_path

    project = build_project({"../../evil\u202e/x": {"kind": "claim", "text": "A claim."},
                             "p": {"supports": ["../../evil\u202e/x"], "text": "A reason."}})
    [(key, _data)] = render_pages(project, "m", "svg", split="claim", renderer="embedded")
    path = _piece_path(tmp_path / "out.svg", key, True)
    assert path.parent == tmp_path and "/" not in path.name and "\u202e" not in path.name
    assert path.name.startswith("out--") and path.suffix == ".svg"


# -- what issue 14 left open: relations across pages, paper-sized PNG, the default for print ---------------

CROSS = {
    "c1": {"kind": "claim", "text": "The first main claim."},
    "p1": {"text": "A reason for the first that also attacks the second.", "supports": ["c1"], "attacks": ["c2"]},
    "c2": {"kind": "claim", "text": "The second main claim."},
    "p2": {"text": "A reason for the second.", "supports": ["c2"]},
}


def _stub_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return [" ".join("".join(t.itertext()) for t in g.iter(SVG + "text"))
            for g in root.iter(SVG + "g") if "stub" in (g.get("class") or "").split()]


def _edge_titles(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return [g.find(SVG + "title").text for g in root.iter(SVG + "g")
            if "edge" in (g.get("class") or "").split()]


def test_an_attack_between_claims_on_different_diagrams_is_drawn_on_both():
    project = build_project(CROSS)
    out = dict(render_pages(project, "m", "svg", split="claim", renderer="embedded"))
    # c1's diagram: p1 attacks c2, drawn as a stub that says where c2 is.
    assert any(t.startswith("see c2: c2") for t in _stub_texts(out["c1"]))
    assert "p1 rebuts c2" in _edge_titles(out["c1"])
    # c2's diagram: the attacker p1, drawn on c1's diagram, is a stub here.
    assert any(t.startswith("see c1: p1") for t in _stub_texts(out["c2"]))
    assert "p1 rebuts c2" in _edge_titles(out["c2"])
    # Supports are not carried across: a stub stands only for a conflict.
    assert not any("p2" in t for t in _stub_texts(out["c1"]))


def test_page_stubs_name_the_page_number():
    project = build_project({**_forest(14, 4), **{"x": {"text": "Attacks the last claim.", "supports": ["c0"],
                                                         "attacks": ["c13"]}}})
    pages = render_pages(project, "m", "svg", page="a4", renderer="embedded")
    assert len(pages) > 2
    stubs = [(n, t) for n, data in pages for t in _stub_texts(data)]
    first = next(t for n, t in stubs if n == "1")
    assert re.match(r"see page \d+: c13", first)
    target = int(first.split()[2].rstrip(":"))
    assert any(t.startswith("see page 1: x") for n, t in stubs if n == str(target))


@needs_dot
def test_png_pages_fit_the_paper_at_their_stated_resolution():
    import struct

    project = build_project(_forest(14, 4))
    pages = render_pages(project, "m", "png", page="a4", renderer="dot")
    assert len(pages) > 1
    for _n, png in pages:
        width, height = struct.unpack(">II", png[16:24])
        assert png[37:41] == b"pHYs"
        per_metre = struct.unpack(">I", png[41:45])[0]
        dpi = per_metre * 0.0254
        assert round(dpi) == 150
        inches = sorted((width / dpi, height / dpi))
        assert inches[0] <= 595 / 72 + 0.01 and inches[1] <= 842 / 72 + 0.01   # within A4


@needs_dot
def test_pdf_is_paged_for_a4_by_default_and_page_none_keeps_one_picture(workspace, capsys):
    from pypdf import PdfReader

    assert main(["export", "maps/may-2018.yaml", "-o", "may.pdf"]) == 0
    err = capsys.readouterr().err
    reader = PdfReader(str(workspace / "may.pdf"))
    assert len(reader.pages) > 1 and f"{len(reader.pages)} A4 pages" in err
    for sheet in reader.pages:
        assert sorted((round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height)))) == [595, 842]
    assert main(["export", "maps/may-2018.yaml", "-o", "whole.pdf", "--page", "none"]) == 0
    whole = PdfReader(str(workspace / "whole.pdf"))
    assert len(whole.pages) == 1 and float(whole.pages[0].mediabox.width) > 842


def test_one_picture_that_prints_too_small_says_so_and_how_to_get_pages(workspace, capsys):
    assert main(["export", "maps/bbc-reader-heath-2021.yaml", "-o", "bbc.svg", "--renderer", "embedded"]) == 0
    err = capsys.readouterr().err
    assert re.search(r"on an A4 sheet its text would print at \d\.\d pt: --page a4 gives readable pages", err)
    project = build_project(_forest(1, 2))
    from argmap.export.paper import print_note
    small = render_pages(project, "m", "svg", renderer="embedded", page=None, split=None)
    assert print_note("svg", small[0][1], None, None, False) == ""

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
    titles = [item.title for item in reader.outline]
    assert titles[0].startswith("c0: Main claim 0") and len(titles) == len(reader.pages)


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

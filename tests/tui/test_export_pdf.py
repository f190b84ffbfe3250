"""The explorer's PDF export prints as `argmap export` does: A4 pages, not one sheet the diagram's size."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argmap.project import load
from argmap.tui.exporting import export_diagram

pypdf = pytest.importorskip("pypdf")
A4 = {(595, 842), (842, 595)}

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("dot") is None, reason="PDF needs the system Graphviz 'dot'")
def test_a_big_map_becomes_a4_pages(tmp_path: Path) -> None:
    project = load([REPO / "maps"]).project
    biggest = max(project.maps.values(), key=lambda m: len(m.nodes))
    written = export_diagram(project, tmp_path / "map.pdf", biggest.id)
    reader = pypdf.PdfReader(written)
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    assert sizes <= A4
    assert len(reader.pages) > 1  # the largest bundled map does not print readably on one sheet


@pytest.mark.skipif(shutil.which("dot") is None, reason="PDF needs the system Graphviz 'dot'")
def test_a_small_map_is_one_a4_page(fixture_maps: Path, tmp_path: Path) -> None:
    project = load([fixture_maps]).project
    written = export_diagram(project, tmp_path / "alpha.pdf", "alpha")
    reader = pypdf.PdfReader(written)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) in A4

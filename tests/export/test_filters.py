"""--speaker, --topic, --tag, --kind: a diagram of just the matching nodes, alone or with --focus."""

from __future__ import annotations

import os
import shutil
import xml.etree.ElementTree as ET

import pytest

from argmap.cli import main
from argmap.errors import EmptySelectionError
from argmap.export import render_map
from argmap.export.filters import NodeFilter
from argmap.export.scene import build_scene
from argmap.model import Ref

from .conftest import build_project

SVG = "{http://www.w3.org/2000/svg}"


def _project():
    return build_project({
        "c1": {"kind": "claim", "by": "may", "text": "First claim."},
        "c2": {"kind": "claim", "by": "hunt", "text": "Second claim."},
        "p1": {"by": "may", "supports": ["c1"], "text": "May's reason."},
        "p2": {"by": "hunt", "supports": ["c1"], "text": "Hunt's reason."},
        "r1": {"kind": "rebuttal", "by": "hunt", "attacks": ["c1"], "text": "Hunt's reply."},
    }, speakers={"may": "Theresa May", "hunt": "Jeremy Hunt"})


def _drawn(project, **options) -> set[str]:
    scene = build_scene(project, "m", **options)
    return {ref.node_id for ref in scene.nodes}


def test_values_of_one_option_are_alternatives_and_options_must_all_hold():
    project = _project()
    assert _drawn(project, only=NodeFilter.of(kinds=["claim"])) == {"c1", "c2"}
    assert _drawn(project, only=NodeFilter.of(speakers=["THERESA MAY"])) == {"c1", "p1"}   # by name
    assert _drawn(project, only=NodeFilter.of(speakers=["may", "hunt"], kinds=["premise"])) == {"p1", "p2"}
    assert _drawn(project, only=NodeFilter.of(speakers=["hunt"], kinds=["claim", "rebuttal"])) == {"c2", "r1"}


def test_only_relations_among_the_drawn_nodes_are_drawn():
    scene = build_scene(_project(), "m", only=NodeFilter.of(speakers=["hunt"]))
    for edge in scene.edges:
        for end in (edge.source, edge.target):
            assert isinstance(end, int) or end in scene.nodes
    assert {(e.source.node_id, e.target.node_id) for e in scene.edges} == set()   # c1 is May's


def test_filters_combine_with_focus():
    project = _project()
    focus = Ref("m", "c1")
    assert _drawn(project, focus=focus, depth=1) == {"c1", "p1", "p2", "r1"}
    assert _drawn(project, focus=focus, depth=1, only=NodeFilter.of(speakers=["hunt"])) == {"c1", "p2", "r1"}


def test_nothing_left_is_an_error_naming_the_map():
    with pytest.raises(EmptySelectionError, match="no node of m matches kind concession"):
        build_scene(_project(), "m", only=NodeFilter.of(kinds=["concession"]))


def test_context_nodes_from_other_maps_stay_dashed(real_project):
    svg = render_map(real_project, "csw-hancock-2021", "svg", renderer="embedded",
                     only=NodeFilter.of(kinds=["claim"]))
    root = ET.fromstring(svg)
    nodes = [g for g in root.iter(SVG + "g") if g.get("data-ref")]
    home = [g for g in nodes if g.get("data-ref").startswith("csw-hancock-2021:")]
    assert home and all("claim" in g.get("class") for g in home)
    assert any("context" in g.get("class") for g in nodes)
    assert "kind claim" in root.find(SVG + "title").text


@pytest.mark.parametrize("ext", ["svg", "dot"] + (["png", "pdf"] if shutil.which("dot") else []))
def test_cli_filters_in_every_diagram_format(workspace, ext):
    assert main(["export", "maps/may-2018.yaml", "-o", f"claims.{ext}", "--kind", "claim", "-q"]) == 0
    assert (workspace / f"claims.{ext}").stat().st_size > 0
    if ext == "dot":
        dot = (workspace / "claims.dot").read_text()
        assert 'class="claim' in dot and 'class="premise"' not in dot   # other maps' nodes: context


def test_cli_refuses_unknown_values_and_interchange_formats(workspace, capsys):
    before = sorted(os.listdir(workspace))
    assert main(["export", "maps/may-2018.yaml", "-o", "x.svg", "--speaker", "theresa mya"]) == 2
    assert "did you mean" in capsys.readouterr().err
    assert main(["export", "maps/may-2018.yaml", "-o", "x.json", "--kind", "claim"]) == 2
    with pytest.raises(SystemExit) as exited:   # argparse's own refusal
        main(["export", "maps/may-2018.yaml", "-o", "x.svg", "--kind", "claimz"])
    assert exited.value.code == 2
    assert sorted(os.listdir(workspace)) == before


def test_cli_batch_reports_maps_left_empty_and_writes_the_rest(workspace, capsys):
    assert main(["export", "maps", "-o", "out/", "--kind", "rebuttal", "-q"]) == 1
    err = capsys.readouterr().err
    written = sorted(p.name for p in (workspace / "out").iterdir())
    assert len(written) >= 1
    failed = [line for line in err.splitlines() if "matches kind rebuttal" in line]
    assert len(failed) + len(written) == 5

"""Real AIF files (tests/data/aif/in-*, AraucariaDB): import, check, export, import again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.project import load
from argmap.schemes import SCHEME_IDS

DATA = Path(__file__).resolve().parents[1] / "data" / "aif"
SAMPLES = sorted(DATA.glob("in-araucaria-*.json"))


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """Every sample imported in one run into a fresh folder."""
    root = tmp_path_factory.mktemp("real")
    (root / "maps").mkdir()
    assert main(["import", "aif", *map(str, SAMPLES), "-o", str(root / "maps"), "-q"]) == 0
    return root


def test_the_samples_are_there():
    assert len(SAMPLES) == 4


def test_every_sample_imports_and_checks_with_its_counts(imported):
    loaded = load([str(imported / "maps")])
    assert not loaded.errors, [d.format() for d in loaded.errors]
    for sample in SAMPLES:
        document = json.loads(sample.read_text(encoding="utf-8"))
        types = [n["type"] for n in document["nodes"]]
        argmap = loaded.project.maps[sample.stem]
        assert len(argmap.nodes) == types.count("I")
        relations = [r for n in argmap.nodes.values() for r in n.relations]
        assert len(relations) == types.count("RA") + types.count("CA")  # one conclusion each in these files
        # Every scheme is kept: on the relation when argmap's catalogue has it, else in the note.
        schemes = [n["scheme"] for n in document["nodes"] if "scheme" in n]
        on_relations = [r.scheme for r in relations if r.scheme]
        notes = " ".join(n.note for n in argmap.nodes.values())
        assert len(on_relations) + notes.count("uses the scheme") == len(schemes)
        assert all(s in SCHEME_IDS for s in on_relations)


def test_araucaria_says_recovers_the_speaker(imported):
    argmap = load([str(imported / "maps")]).project.maps["in-araucaria-nodeset127"]
    names = {s.name for s in argmap.speakers.values()}
    assert names == {"VCBrown", "Speaker"}
    node = next(n for n in argmap.nodes.values() if n.text == "semesterisation is a good idea")
    assert argmap.speakers[node.by].name == "VCBrown"
    assert [q.text for q in node.quotes] == ["semesterisation is a good idea"]
    assert node.effective_force.value == "asserted"  # YA_<hash>: no illocution argmap knows
    schemes = {r.scheme for n in argmap.nodes.values() for r in n.relations}
    assert "position-to-know" in schemes


def test_schemes_outside_the_catalogue_are_kept_in_a_note(imported):
    argmap = load([str(imported / "maps")]).project.maps["in-araucaria-nodeset448"]
    assert any("uses the scheme Ignorance" in n.note for n in argmap.nodes.values())
    schemes = {r.scheme for n in argmap.nodes.values() for r in n.relations}
    assert {"example", "expert-opinion", "sign"} <= schemes


def test_export_and_import_again_changes_nothing(imported, tmp_path):
    for sample in SAMPLES:
        map_id = sample.stem
        first = imported / "maps" / f"{map_id}.yaml"
        aif = tmp_path / "aif" / f"{sample.name}"  # the same name: the map's header names its file
        assert main(["export", str(first), "-f", "aif", "-o", str(aif), "-q"]) == 0
        maps = tmp_path / map_id / "maps"
        maps.mkdir(parents=True)
        assert main(["import", "aif", str(aif), "-o", str(maps / f"{map_id}.yaml"), "-q"]) == 0
        assert (maps / f"{map_id}.yaml").read_bytes() == first.read_bytes()

"""map → AIF → map → AIF: the second AIF is the first, byte for byte, in both flavours.

The reader (``argmap import aif``) keeps the order of the I-nodes and reads
argmap's block; together with the writer keeping the map's order, a map that
goes through AIF comes back with the same nodes, in the same order, with
every construct, so that its AIF is the same again.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from argmap.export.aif import dumps
from argmap.export.aif_import import convert
from argmap.project import load

from . import test_aif_out_fixture as aif_out_fixture


def _import(data: bytes, source, dest):
    """Import *data* as map ``main`` into a copy of *source*'s folder without main.yaml; the loaded result."""
    (dest / "maps").mkdir(parents=True)
    (dest / "seeds").mkdir()
    for name in ("topics.yaml", "other.yaml"):
        shutil.copy(source / "maps" / name, dest / "maps" / name)
    shutil.copy(source / "seeds" / "other.txt", dest / "seeds" / "other.txt")
    project = load([str(source / "maps")]).project
    result = convert(json.loads(data), "main", seeds_dir=dest / "seeds", topics=project.topics.keys(),
                     maps={"other": project.maps["other"].nodes})
    if result.seed_is_new:
        (dest / "seeds" / result.seed_name).write_text(result.seed_text, encoding="utf-8")
    (dest / "maps" / "main.yaml").write_text(result.yaml, encoding="utf-8")
    loaded = load([str(dest / "maps")])
    assert loaded.ok, [d.format() for d in loaded.errors]
    return loaded.project


@pytest.mark.parametrize("flavour", ["aifdb", "ova"])
def test_map_aif_map_aif_is_byte_for_byte(tmp_path, flavour):
    original = aif_out_fixture.project(tmp_path / "a")
    first = dumps(original, "main", flavour)
    again = _import(first, tmp_path / "a", tmp_path / "b")
    assert list(again.maps["main"].nodes) == list(original.maps["main"].nodes)
    assert dumps(again, "main", flavour) == first
    # And once more, from the imported map: nothing drifts, the map file included.
    third = _import(dumps(again, "main", flavour), tmp_path / "b", tmp_path / "c")
    assert dumps(third, "main", flavour) == first
    assert (tmp_path / "c" / "maps" / "main.yaml").read_bytes() == (tmp_path / "b" / "maps" / "main.yaml").read_bytes()


def test_every_construct_comes_back(tmp_path):
    original = aif_out_fixture.project(tmp_path / "a")
    again = _import(dumps(original, "main"), tmp_path / "a", tmp_path / "b")
    for node_id, node in original.maps["main"].nodes.items():
        copy = again.maps["main"].nodes[node_id]
        assert (copy.kind, copy.by, copy.text, copy.force, copy.said_by, dict(copy.stance_details)) == \
            (node.kind, node.by, node.text, node.force, node.said_by, dict(node.stance_details))
        assert [(r.kind, r.target, r.group, r.premise, r.scheme, r.drawn_by, r.how) for r in copy.relations] == \
            [(r.kind, r.target, r.group, r.premise, r.scheme, r.drawn_by, r.how) for r in node.relations]
    assert {s.id: s.adopts for s in again.maps["main"].speakers.values()} == \
        {s.id: s.adopts for s in original.maps["main"].speakers.values()}
    assert [p.adopts for p in again.maps["main"].source.parts] == [p.adopts for p in original.maps["main"].source.parts]


@pytest.mark.parametrize("flavour", ["aifdb", "ova"])
def test_every_bundled_map_comes_back_byte_for_byte(real_project, tmp_path, flavour):
    """The property, on whatever the bundled maps hold as curated (no detail of them is assumed)."""
    from .conftest import MAPS

    seeds = MAPS.parent / "seeds"
    for map_id, argmap in real_project.maps.items():
        first = dumps(real_project, map_id, flavour)
        dest = tmp_path / flavour / map_id
        shutil.copytree(MAPS, dest / "maps")
        shutil.copytree(seeds, dest / "seeds")
        (dest / "maps" / Path(argmap.path).name).unlink()
        result = convert(json.loads(first), map_id, seeds_dir=dest / "seeds", topics=real_project.topics.keys(),
                         maps={k: m.nodes for k, m in real_project.maps.items() if k != map_id})
        if result.seed_is_new:
            (dest / "seeds" / result.seed_name).write_text(result.seed_text, encoding="utf-8")
        (dest / "maps" / f"{map_id}.yaml").write_text(result.yaml, encoding="utf-8")
        loaded = load([str(dest / "maps")])
        assert loaded.ok, [d.format() for d in loaded.errors]
        assert dumps(loaded.project, map_id, flavour) == first, map_id

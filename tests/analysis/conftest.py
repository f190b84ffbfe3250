"""Fixture maps for the analysis tests, written from a compact description."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.project import load


def map_yaml(map_id: str, nodes: dict[str, dict], speakers: dict[str, str] | None = None,
             seed: str | None = None) -> tuple[str, str]:
    """(map YAML, seed text) for *nodes*: ``{id: {kind, by, text, attacks, ...}}``.

    Each node quotes its own sentence of the seed ("Sentence about <id>.");
    relation values are written as given (strings, lists or mappings, as JSON,
    which is YAML).
    """
    speakers = speakers or {"alice": "Alice Smith", "bob": "Bob Jones"}
    sentences = {nid: f"Sentence number {k} is about {nid}." for k, nid in enumerate(nodes)}
    lines = [f"map: {map_id}", f"title: Test map {map_id}", "source:",
             f"  seed: {seed or map_id + '.txt'}", "  genre: opinion-column", "speakers:"]
    for sid, name in speakers.items():
        lines.append(f"  {sid}: {{name: {json.dumps(name)}}}")
    lines.append("nodes:")
    for nid, spec in nodes.items():
        lines.append(f"  {nid}:")
        lines.append(f"    kind: {spec.get('kind', 'claim')}")
        lines.append(f"    by: {spec.get('by', 'alice')}")
        lines.append(f"    text: {json.dumps(spec.get('text', 'The point of ' + nid + '.'))}")
        lines.append(f"    quote: {json.dumps(sentences[nid])}")
        for key in ("supports", "attacks", "undercuts", "same_as", "stance", "expect", "tags",
                    "qualifies", "related_to", "force", "said_by"):
            if key in spec:
                lines.append(f"    {key}: {json.dumps(spec[key])}")
    return "\n".join(lines) + "\n", " ".join(sentences.values()) + "\n"


@pytest.fixture
def build(tmp_path: Path):
    """``build({"m1": {nodes...}, "m2": {...}}, topics={...})`` writes the maps and returns maps/."""

    def make(maps: dict[str, dict[str, dict]], topics: dict[str, str] | None = None,
             speakers: dict[str, str] | None = None) -> Path:
        maps_dir, seeds_dir = tmp_path / "maps", tmp_path / "seeds"
        maps_dir.mkdir(exist_ok=True)
        seeds_dir.mkdir(exist_ok=True)
        for map_id, nodes in maps.items():
            text, seed = map_yaml(map_id, nodes, speakers)
            (maps_dir / f"{map_id}.yaml").write_text(text, encoding="utf-8")
            (seeds_dir / f"{map_id}.txt").write_text(seed, encoding="utf-8")
        if topics:
            body = "\n".join(f"  {tid}:\n    question: {json.dumps(q)}" for tid, q in topics.items())
            (maps_dir / "topics.yaml").write_text("topics:\n" + body + "\n", encoding="utf-8")
        return maps_dir

    return make


@pytest.fixture
def project_of(build):
    """``project_of({"m": {nodes}})``: build and load, asserting the maps are clean."""

    def make(maps: dict[str, dict[str, dict]], allow: frozenset = frozenset(), **kw):
        result = load([build(maps, **kw)])
        errors = [d for d in result.errors if d.code not in allow]
        assert not errors, "\n".join(d.format() for d in errors)
        return result.project

    return make

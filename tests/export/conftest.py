"""Shared helpers for the export tests: tiny projects built in code, and the optional tools."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import MappingProxyType

import pytest

from argmap.export.argdown import find_cli

from argmap.model import (ArgMap, Genre, Kind, Node, Pos, Project, Quote, Ref, Relation, RelKind, Source,
                          Speaker)

REPO = Path(__file__).resolve().parents[2]
MAPS = REPO / "maps"
P = Pos("test.yaml", 1, 1)

HOSTILE = [
    'He said "no" and \\N left \\ the room\\',
    "<b>bold</b> & <script>alert(1)</script> &amp; &lt;",
    '"]; evil -> node [label="pwned"]; x [label="',
    "}; digraph { a -> b } // \\l \\G",
    "line one\nline two\r\nline three\ttab",
    "emoji \U0001F600\U0001F3E5 and flags \U0001F1EC\U0001F1E7",
    "right-to-left: \u05e9\u05dc\u05d5\u05dd \u0639\u0644\u064a\u0643\u0645 \u202eoverride\u202c end",
    "control \x00\x07\x0b\x1b chars \ufffe\uffff",
    "]]> <![CDATA[ x ]]> <!-- comment --> <?xml ?>",
    "=== front matter === #tag @[mention] *bold* _it_ [link](http://x) {data: 1} // comment",
    "a" * 400,
]


def build_project(nodes: dict[str, dict], speakers: dict[str, str] | None = None, map_id: str = "m",
                  title: str = "A map", extra_maps: dict[str, ArgMap] | None = None) -> Project:
    """A project of one map from ``{id: {kind, by, text, quote, supports, linked, attacks, undercuts, same_as}}``."""
    speakers = speakers or {"s": "Speaker"}
    built: dict[str, Node] = {}
    for node_id, spec in nodes.items():
        relations = []
        ref = Ref(map_id, node_id)
        for target in spec.get("supports", []):
            relations.append(Relation(RelKind.SUPPORTS, ref, Ref.parse(target, map_id), P))
        for target, others in spec.get("linked", []):
            group = tuple(sorted([ref, *(Ref.parse(o, map_id) for o in others)]))
            relations.append(Relation(RelKind.SUPPORTS, ref, Ref.parse(target, map_id), P, group=group))
        for target in spec.get("attacks", []):
            relations.append(Relation(RelKind.ATTACKS, ref, Ref.parse(target, map_id), P))
        for premise, conclusion in spec.get("undercuts", []):
            relations.append(Relation(RelKind.UNDERCUTS, ref, Ref.parse(conclusion, map_id), P,
                                      premise=Ref.parse(premise, map_id)))
        for target in spec.get("same_as", []):
            relations.append(Relation(RelKind.SAME_AS, ref, Ref.parse(target, map_id), P))
        quotes = spec.get("quote", spec.get("text", node_id))
        quotes = [quotes] if isinstance(quotes, str) else quotes
        built[node_id] = Node(node_id, map_id, Kind(spec.get("kind", "premise")), spec.get("text", node_id),
                              spec.get("by", next(iter(speakers))), P,
                              quotes=tuple(Quote(q, P, None) for q in quotes), relations=tuple(relations))
    argmap = ArgMap(map_id, title, f"{map_id}.yaml", P, Source("seed.txt", P, Genre.NEWS_REPORT),
                    MappingProxyType({sid: Speaker(sid, name, P) for sid, name in speakers.items()}),
                    MappingProxyType(built))
    maps = {map_id: argmap, **(extra_maps or {})}
    return Project(MappingProxyType(maps))


def find_argdown() -> list[str] | None:
    """The Argdown CLI: $ARGDOWN_CLI, 'argdown' on PATH, or an npm install in /tmp/argdown."""
    return find_cli([Path("/tmp/argdown"), Path.home() / "argdown", REPO.parent / "argdown"])


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="system Graphviz 'dot' is not installed")
needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="headless Chromium is not installed")
needs_argdown = pytest.mark.skipif(find_argdown() is None,
                                   reason="the Argdown CLI (@argdown/cli) is not installed; set ARGDOWN_CLI")


@pytest.fixture(scope="session")
def real_project() -> Project:
    from argmap.project import load

    result = load([str(MAPS)])
    assert result.ok, [d.format() for d in result.errors]
    return result.project


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A copy of the maps and seeds, with the working directory at its top."""
    shutil.copytree(MAPS, tmp_path / "maps")
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path

"""Warnings for names that differ only in case (``Case``, ``case``).

argmap tells them apart, but people do not, and case-insensitive file
systems (macOS, Windows) do not either: two map files ``A.yaml`` and
``a.yaml`` cloned there become one, and exports or seeds named after ids
overwrite each other.  Registered in :data:`argmap.validate.CHECKS`.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from .diagnostics import Diagnostic, warning
from .model import Pos, Project

__all__ = ["check_case_collisions"]

_CODE = "case-collision"
_IDS_HINT = "ids that differ only in case are easily confused, and collide where they become file names: rename one"
_FILES_HINT = "they are one file on a case-insensitive file system (macOS, Windows): rename one"


def _file_key(name: str) -> str:
    """What a case-insensitive file system compares: case folded, and (macOS) normalization."""
    return unicodedata.normalize("NFD", name).casefold()


def _collisions(named: Iterable[tuple[str, Pos]], key: Callable[[str], str] = str.lower
                ) -> Iterator[tuple[str, Pos, str, Pos]]:
    """(earlier name, its position, name, position) for each name equal to an earlier one but for case."""
    first: dict[str, tuple[str, Pos]] = {}
    for name, pos in named:
        earlier = first.setdefault(key(name), (name, pos))
        if earlier[0] != name:  # the very same name again is not a collision
            yield earlier[0], earlier[1], name, pos


def _report(what: str, named: Iterable[tuple[str, Pos]], hint: str,
            key: Callable[[str], str] = str.lower) -> Iterator[Diagnostic]:
    for earlier, earlier_pos, name, pos in _collisions(named, key):
        where = f"line {earlier_pos.line}" if earlier_pos.path == pos.path else str(earlier_pos)
        yield warning(_CODE, f"{what} {name!r} differs only in case from {earlier!r} ({where})", pos, hint)


def check_case_collisions(project: Project) -> Iterator[Diagnostic]:
    """``warning[case-collision]`` for node, speaker, topic and map ids, map files and seeds."""
    maps = list(project.maps.values())
    for argmap in maps:
        nodes = argmap.nodes
        if len(set(map(str.lower, nodes))) != len(nodes):  # the common case: no two alike
            yield from _report("node id", ((n.id, n.pos) for n in nodes.values()), _IDS_HINT)
    # The same speaker id in two maps is one person, so speakers are compared across maps.
    yield from _report("speaker id", ((s.id, s.pos) for m in maps for s in m.speakers.values()), _IDS_HINT)
    yield from _report("topic id", ((t.id, t.pos) for t in project.topics.values()), _IDS_HINT)
    yield from _report("map id", ((m.id, m.pos) for m in maps), _IDS_HINT)
    yield from _report("seed", ((m.source.seed, m.source.pos) for m in maps if m.source.seed), _FILES_HINT,
                       _file_key)
    files = [m.path for m in maps] + ([project.topics_path] if project.topics_path else [])
    # Only files in one folder can collide: the key keeps the folder as it is.
    for earlier, _, path, pos in _collisions(((path, Pos(path, 1, 1)) for path in files), _path_key):
        yield warning(_CODE, f"file name {os.path.basename(path)!r} differs only in case from "
                      f"{os.path.basename(earlier)!r} in the same folder", pos, _FILES_HINT)


def _path_key(path: str) -> str:
    return os.path.join(os.path.dirname(path), _file_key(os.path.basename(path)))

"""What the explorer makes of a load: files that did not load, and a load that failed.

No Textual here.  The app keeps the last good project on screen whatever
happens; these say why in the problems panel and the tree.
"""

from __future__ import annotations

import os
from pathlib import Path
from collections.abc import Sequence

from ..diagnostics import Diagnostic
from ..project import LoadResult

__all__ = ["broken_files", "load_failure"]

_MAP_SUFFIXES = (".yaml", ".yml")


def broken_files(result: LoadResult) -> dict[str, list[Diagnostic]]:
    """The map files that gave no map, by path, with their errors (in order).

    A file with errors that still built its map is not broken: its problems
    show in the problems panel and its map in the tree.
    """
    project = result.project
    loaded = {argmap.path for argmap in project.maps.values()}
    if project.topics_path:
        loaded.add(project.topics_path)
    broken: dict[str, list[Diagnostic]] = {}
    for diagnostic in result.diagnostics:
        if not diagnostic.is_error:
            continue
        path = diagnostic.pos.path if diagnostic.pos else diagnostic.path
        if path and path not in loaded and path.endswith(_MAP_SUFFIXES):
            broken.setdefault(path, []).append(diagnostic)
    return broken


def load_failure(exc: BaseException, paths: Sequence[str]) -> Diagnostic:
    """A diagnostic for a load that raised: the path and the reason, not a traceback."""
    if isinstance(exc, OSError):
        path = os.fsdecode(exc.filename) if exc.filename is not None else (paths[0] if paths else "")
        reason = exc.strerror or str(exc)
        return Diagnostic("io", f"cannot read: {reason}", path=str(path))
    where = ", ".join(paths)
    return Diagnostic("internal", f"loading failed ({type(exc).__name__}: {exc}); the last good version "
                      "stays on screen", path=where)


def named_maps(result: LoadResult) -> set[str] | None:
    """The maps of the files the user named, when they named files and not folders.

    ``argmap tui maps/may-2018.yaml`` loads the maps beside it too (links
    to them resolve), but the tree shows the named one; ``None``: show all.
    Resolves paths: call it off the interface thread.
    """
    named = set(result.files)
    shown = set()
    for map_id, argmap in result.project.maps.items():
        try:
            if Path(argmap.path).resolve() in named:
                shown.add(map_id)
        except (OSError, ValueError, RuntimeError):  # a path that no longer resolves: show it
            shown.add(map_id)
    return None if len(shown) == len(result.project.maps) else shown

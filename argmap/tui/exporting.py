"""Export from the app: a map, or the argument under the cursor, to SVG.

Drawing is argmap.export's job (``render_map``); writing is
argmap.atomic's (atomic, never overwriting).  This module only picks the
file name and how much to draw.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model import Project, Ref
from .argtree import Outline, Row

__all__ = ["default_name", "subtree_depth", "export_svg", "MAX_DEPTH"]

MAX_DEPTH = 4  # a deeper neighbourhood of a big map is a hairball, not a diagram


def default_name(map_id: str, ref: Ref | None, folder: str | os.PathLike = ".") -> str:
    """A file name that does not exist yet: ``may-2018.svg``, ``may-2018--targets-2.svg``."""
    stem = map_id if ref is None else f"{map_id}--{ref.node_id}"
    base = Path(folder)
    candidate = base / f"{stem}.svg"
    n = 2
    while candidate.exists():
        candidate = base / f"{stem}-{n}.svg"
        n += 1
    return os.path.relpath(candidate) if not base.is_absolute() else str(candidate)


def subtree_depth(outline: Outline, ref: Ref, limit: int = MAX_DEPTH) -> int:
    """How many levels lie below *ref*'s full row (at least 1, at most *limit*)."""
    level = [Row("node", outline.map_id, ref, full=True)]
    depth = 0
    while level and depth < limit:
        below = []
        for row in level:
            for child in outline.children(row):
                below.extend(outline.children(child) if child.kind == "group" else [child])
        if not below:
            break
        depth += 1
        level = [r for r in below if r.kind == "node"]
    return max(1, depth)


def export_svg(project: Project, path: str | os.PathLike, map_id: str, focus: Ref | None = None,
               depth: int | None = None, labels: object | None = None) -> Path:
    """Draw *map_id* (or *focus* and its neighbourhood to *depth*) and write it to *path*.

    Raises OutputExistsError if *path* exists, UsageError / RenderError from
    the exporter.
    """
    from ..atomic import write_bytes
    from ..export import render_map

    options: dict = {"focus": focus, "depth": depth} if focus is not None else {}
    if labels is not None:
        options["labels"] = labels
    data = render_map(project, map_id if focus is None else None, "svg", **options)
    return write_bytes(path, data, overwrite=False)

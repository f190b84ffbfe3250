"""Export from the app: a map, or the argument under the cursor, to SVG, PNG or PDF.

Drawing is argmap.export's job (``render_map``); writing is
argmap.atomic's (atomic, never overwriting); the format follows the file
name's extension, as on the command line (argmap.export.naming).  This
module only picks the file name and how much to draw.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model import Project, Ref
from .argtree import Outline, Row

__all__ = ["default_name", "subtree_depth", "export_diagram", "MAX_DEPTH", "FORMATS"]

MAX_DEPTH = 4  # a deeper neighbourhood of a big map is a hairball, not a diagram
FORMATS = ("svg", "png", "pdf")   # what the export dialog offers


def default_name(map_id: str, ref: Ref | None, folder: str | os.PathLike = ".", fmt: str = "svg") -> str:
    """An absolute file name that does not exist yet: ``/…/may-2018.svg``, ``/…/may-2018--x-2.png``.

    Absolute, so the dialog and the report after writing say exactly where
    the file goes, wherever the explorer was started.
    """
    stem = map_id if ref is None else f"{map_id}--{ref.node_id}"
    base = Path(os.path.abspath(folder))
    candidate = base / f"{stem}.{fmt}"
    n = 2
    while os.path.lexists(candidate):
        candidate = base / f"{stem}-{n}.{fmt}"
        n += 1
    return str(candidate)


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


def export_diagram(project: Project, path: str | os.PathLike, map_id: str, focus: Ref | None = None,
                   depth: int | None = None, labels: object | None = None) -> Path:
    """Draw *map_id* (or *focus* and its neighbourhood to *depth*) to *path*; its absolute path.

    The format is *path*'s extension (``.svg``, ``.png``, ``.pdf``); a PDF is
    A4 pages, as ``argmap export`` makes it by default.  Raises
    OutputExistsError if *path* exists, UsageError for another extension,
    RenderError from the exporter (PNG and PDF need the system Graphviz).
    """
    from ..atomic import write_bytes
    from ..errors import UsageError
    from ..export import render_map
    from ..export.naming import format_of

    fmt = format_of(str(path))
    if fmt not in FORMATS:
        raise UsageError(f"the explorer draws {', '.join(f.upper() for f in FORMATS)}: "
                         f"name the file .svg, .png or .pdf")
    options: dict = {"focus": focus, "depth": depth} if focus is not None else {}
    if labels is not None:
        options["labels"] = labels
    if fmt == "pdf":  # as `argmap export` does: A4 pages, split only where one page would print under 9 pt
        from ..export.pages import render_pages

        ((_, data),) = render_pages(project, map_id if focus is None else None, fmt, page="a4", **options)
    else:
        data = render_map(project, map_id if focus is None else None, fmt, **options)
    written = write_bytes(path, data, overwrite=False)
    return Path(os.path.abspath(written))



"""Lay a scene out page-shaped: build the DOT, render it, and try once more if the shape missed.

:mod:`.arrange` estimates box and tree sizes before Graphviz has placed
anything, and Graphviz spreads some arrangements (long edges, wrapped fans)
more than estimated.  So the picture is laid out as SVG first (which every
renderer writes), measured, and if it is still longer than
:data:`~argmap.export.arrange.MAX_ASPECT` times its width (or the reverse)
arranged once more with the estimates scaled by what was measured; the
better of the two is kept.  PNG and PDF are then drawn from the DOT that won,
so every format has the same layout.  At most two layouts more than before.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .arrange import MAX_ASPECT, aspect
from .dot import DiagramOptions, Drawing, build_dot
from .render import render, render_with_svg

__all__ = ["draw", "svg_points"]

_SIZE = re.compile(rb'<svg[^>]*?\swidth="([\d.]+)pt"[^>]*?\sheight="([\d.]+)pt"', re.S)


def svg_points(svg: bytes) -> tuple[float, float] | None:
    """The width and height in points that Graphviz gave its SVG, or None."""
    found = _SIZE.search(svg[:4096])
    return (float(found.group(1)), float(found.group(2))) if found else None


def _shape(svg: bytes, legend_height: float) -> tuple[float, float] | None:
    size = svg_points(svg)
    return (size[0], size[1] + legend_height) if size else None


def draw(project, scene, options: DiagramOptions, fmt: str, renderer: str = "auto",
         dpi: int | None = None) -> tuple[Drawing, bytes]:
    """The drawing of *scene* and the file's bytes in *fmt* (``dot``: the DOT source)."""
    drawing = build_dot(project, scene, options)
    if fmt == "dot":
        return drawing, drawing.dot.encode("utf-8")
    plan = drawing.plan
    if plan is None or not plan.estimate[0] or not plan.estimate[1]:
        return drawing, render(drawing.dot, fmt, renderer, dpi=dpi)[0]
    from .legend import LEGEND_HEIGHT

    band = LEGEND_HEIGHT if options.legend else 0.0
    svg, data = render_with_svg(drawing.dot, fmt, renderer, dpi=dpi)   # one layout gives both
    size = _shape(svg, band)
    if size is None or aspect(*size) <= MAX_ASPECT:
        return drawing, data
    across = (size[0] / plan.estimate[0], (size[1] - band) / plan.estimate[1])
    correction = across if plan.rankdir in ("BT", "TB") else across[::-1]   # (breadth, depth)
    retry = build_dot(project, scene, replace(options, correction=correction))
    again, again_data = render_with_svg(retry.dot, fmt, renderer, dpi=dpi)
    second = _shape(again, band)
    if second is not None and aspect(*second) < aspect(*size):
        return retry, again_data
    return drawing, data

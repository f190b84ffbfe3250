"""Finish Graphviz's SVG: tooltips, small node ids, badges, fonts; always well-formed.

Graphviz (system or embedded) lays out and draws; this module then parses
its SVG and, for each element the DOT builder described:

* writes the tooltip as the element's ``<title>`` (a browser shows it on
  hover): a node's text, speaker with attribution chain, and quotes;
* draws a node's header lines small: the node id and speaker in grey, its
  state in the debate (``--labels``) bold in its colour, its force
  ("ascribed by …", "hedged") in italics;
* holds each line of text to its Helvetica width (``textLength``), so a
  browser that substitutes a wider font still keeps it inside its box;
* adds ``data-ref="map:node"`` to node groups, for scripts and the TUI.

It pins the font stack (Helvetica metrics, which both renderers measure
with) in a ``<style>`` rule and drops Graphviz's comments.  The result is
serialised by :mod:`xml.etree`, so it is well-formed XML whatever the text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..errors import RenderError
from . import style
from .dot import Drawing
from .escape import clean
from .metrics import known_width

__all__ = ["finish_svg", "SVG_NS", "XLINK_NS"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

_G = f"{{{SVG_NS}}}g"
_TITLE = f"{{{SVG_NS}}}title"
_TEXT = f"{{{SVG_NS}}}text"
_TSPAN = f"{{{SVG_NS}}}tspan"
_STYLE = f"{{{SVG_NS}}}style"
_POLYGON = f"{{{SVG_NS}}}polygon"
_PATH = f"{{{SVG_NS}}}path"
_INNER_PAD = 4.0  # points between a line of text and the box's edge, at the least

_CSS = (
    f"text {{ font-family: {style.SVG_FONT_STACK}; }}\n"
    f"g.node text.node-id {{ fill: {style.ID_COLOUR}; }}\n"
    "g.node:target > path, g.node:target > polygon { stroke-width: 4; }\n"
)


def _set_title(group: ET.Element, text: str) -> None:
    title = group.find(_TITLE)
    if title is None:
        title = ET.Element(_TITLE)
        group.insert(0, title)
    title.text = text


def finish_svg(svg: bytes, drawing: Drawing, title: str = "") -> bytes:
    """Post-process Graphviz's *svg* of *drawing*; returns well-formed SVG (UTF-8)."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        raise RenderError(f"Graphviz produced SVG that is not well-formed XML ({exc})") from None
    elements = drawing.elements
    for group in root.iter(_G):
        info = elements.get(group.get("id", ""))
        if info is None:
            continue
        _set_title(group, info.title)
        if info.ref is not None:
            group.set("data-ref", info.ref)
        if info.heads:
            texts = group.findall(_TEXT)
            for text, (cls, colour) in zip(texts, info.heads):
                _style_head(text, cls, colour)
            _fit_lines(group, len(info.heads))
    if drawing.legend:
        _add_legend(root, drawing)
    if title:
        _set_title(root, clean(title))
    css = ET.Element(_STYLE)
    css.text = _CSS
    root.insert(1 if root.find(_TITLE) is not None else 0, css)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _add_legend(root: ET.Element, drawing: Drawing) -> None:
    """Draw the legend in a band above the diagram, wrapped to the diagram's width."""
    from .ids import element_id
    from .legend import svg_legend

    try:
        x0, y0, width, height = (float(v) for v in root.get("viewBox", "").split())
    except ValueError:
        return
    legend, legend_width, band = svg_legend(drawing.used, drawing.labels, width)
    legend.set("id", element_id(drawing.map_id, "legend"))
    new_width, new_height = max(width, legend_width), height + band
    root.set("viewBox", f"{x0:.2f} {y0:.2f} {new_width:.2f} {new_height:.2f}")
    root.set("width", f"{new_width:.0f}pt")
    root.set("height", f"{new_height:.0f}pt")
    graph = ET.Element(_G, {"transform": f"translate(0 {band:.0f})"})
    for child in list(root):
        if child.tag == _G:
            root.remove(child)
            graph.append(child)
    background = ET.Element(f"{{{SVG_NS}}}rect", {"x": f"{x0:.2f}", "y": f"{y0:.2f}", "width": "100%",
                                                    "height": "100%", "fill": "white"})
    legend.set("transform", f"translate({x0:.2f} {y0:.2f})")
    root.append(background)
    root.append(legend)
    root.append(graph)


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _shape_width(group: ET.Element) -> float | None:
    """The width of a node's outline (Graphviz writes absolute x,y pairs)."""
    for child in group:
        if child.tag in (_POLYGON, _PATH):
            numbers = [float(n) for n in _NUMBER.findall(child.get("points") or child.get("d") or "")]
            xs = numbers[0::2]
            if len(xs) >= 2:
                return max(xs) - min(xs)
    return None


def _fit_lines(group: ET.Element, skip: int = 1) -> None:
    """Hold each line of a node's text to its Helvetica width (never wider than the box).

    In Helvetica, Arial or Liberation Sans (what Graphviz measured) this
    changes nothing; in a wider substitute font (DejaVu Sans) it narrows the
    line slightly instead of letting it spill out of its box.  Lines with
    characters whose widths are not known are left alone.
    """
    width = _shape_width(group)
    if width is None:
        return
    for text in group.findall(_TEXT)[skip:]:
        content = "".join(text.itertext())
        try:
            size = float(text.get("font-size", style.FONT_SIZE))
        except ValueError:
            continue
        natural = known_width(content, size)
        if natural is None or not content.strip():
            continue
        length = min(natural, width - 2 * _INNER_PAD)
        if length > 0:
            text.set("textLength", f"{length:.2f}")
            text.set("lengthAdjust", "spacingAndGlyphs")


def _style_head(text: ET.Element, cls: str, colour: str | None) -> None:
    """One of a node's small lines above its text (see :class:`~argmap.export.dot.ElementInfo`)."""
    text.set("font-size", f"{style.ID_FONT_SIZE:.2f}")
    text.set("class", cls)
    text.set("fill", colour or style.ID_COLOUR)
    if cls == "node-state":
        text.set("font-weight", "bold")
    elif cls == "node-force":
        text.set("font-style", "italic")

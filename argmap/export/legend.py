"""The legend: drawn as SVG above the diagram, or as one HTML-like table node for PNG/PDF.

Drawing the legend outside Graphviz's layout keeps it compact and in the
same place (the top left) on every map, and costs the layout nothing.  PNG
and PDF come from the system ``dot``, which has HTML-like labels, so there
the legend is a table node instead.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..model import Kind, Label, RelKind
from ..palette import KIND_COLOURS, KIND_FILLS, LABEL_COLOURS, RELATION_COLOURS
from . import style
from .metrics import text_width

__all__ = ["svg_legend", "html_legend", "LEGEND_HEIGHT"]

_NS = "{http://www.w3.org/2000/svg}"
LEGEND_HEIGHT = 64.0  # points, the band added above the diagram
_FONT = 9.0


def _width(text: str, size: float = _FONT, bold: bool = False) -> float:
    """*text*'s width in Helvetica at *size* points, with a little room for other fonts."""
    return text_width(text, size, bold) * 1.08 + 1


def _el(parent: ET.Element, tag: str, **attrs) -> ET.Element:
    return ET.SubElement(parent, _NS + tag, {k.replace("_", "-"): str(v) for k, v in attrs.items()})


def _text(parent: ET.Element, x: float, y: float, text: str, fill: str = "#404040", **attrs) -> float:
    node = _el(parent, "text", x=f"{x:.1f}", y=f"{y:.1f}", font_size=f"{_FONT}", fill=fill, **attrs)
    node.text = text
    return x + _width(text, bold="font_weight" in attrs)


def _kind_box(parent: ET.Element, x: float, y: float, kind: Kind) -> float:
    w, h = _width(kind.value) + 14, 17.0
    colour, fill = KIND_COLOURS[kind], KIND_FILLS[kind]
    if kind is Kind.CLAIM:
        _el(parent, "rect", x=x, y=y, width=f"{w:.1f}", height=h, rx=5, fill=fill, stroke=colour, stroke_width=2)
    elif kind is Kind.CONCESSION:
        d = f"M{x:.1f},{y:.1f} h{w - 6:.1f} l6,6 v{h - 6:.1f} h{-w:.1f} z M{x + w - 6:.1f},{y:.1f} v6 h6"
        _el(parent, "path", d=d, fill=fill, stroke=colour, stroke_width=1.2)
    else:
        _el(parent, "rect", x=x, y=y, width=f"{w:.1f}", height=h, fill=fill, stroke=colour,
            stroke_width=1.4 if kind is Kind.REBUTTAL else 1.2)
        if kind is Kind.REBUTTAL:
            c = 4.5
            d = (f"M{x:.1f},{y + c:.1f} l{c},{-c} M{x + w - c:.1f},{y:.1f} l{c},{c} "
                 f"M{x + w:.1f},{y + h - c:.1f} l{-c},{c} M{x + c:.1f},{y + h:.1f} l{-c},{-c}")
            _el(parent, "path", d=d, fill="none", stroke=colour, stroke_width=1)
    _text(parent, x + w / 2, y + 12, kind.value, fill="#1a1a1a", text_anchor="middle")
    return x + w + 10


def _relation(parent: ET.Element, x: float, y: float, kind: RelKind, caption: str) -> float:
    colour = RELATION_COLOURS[kind]
    length = 34
    dash = {RelKind.UNDERCUTS: "5,2", RelKind.SAME_AS: "1,3"}.get(kind)
    attrs = {"stroke_dasharray": dash} if dash else {}
    width = 1.6 if kind is RelKind.ATTACKS else 1.2
    _el(parent, "path", d=f"M{x:.1f},{y:.1f} h{length}", fill="none", stroke=colour, stroke_width=width, **attrs)
    end = x + length
    if kind is RelKind.SUPPORTS:
        _el(parent, "polygon", points=f"{end:.1f},{y - 3:.1f} {end + 6:.1f},{y:.1f} {end:.1f},{y + 3:.1f}",
            fill=colour, stroke=colour)
        end += 6
    elif kind in (RelKind.ATTACKS, RelKind.UNDERCUTS):
        _el(parent, "path", d=f"M{end:.1f},{y - 4:.1f} v8", stroke=colour, stroke_width=2)
    return _text(parent, end + 5, y + 3, caption) + 12


def svg_legend(labels: bool) -> tuple[ET.Element, float]:
    """The legend as an SVG group (origin at its top left) and its width in points."""
    group = ET.Element(_NS + "g", {"class": "legend"})
    x = 8.0
    x = _text(group, x, 22, "Legend", fill="#505050", font_weight="bold") + 6
    for kind in Kind:
        x = _kind_box(group, x, 9, kind)
    row1 = x
    x = 8.0 + _width("Legend") + 6
    for kind, caption in ((RelKind.SUPPORTS, "supports"), (RelKind.ATTACKS, "attacks"),
                          (RelKind.UNDERCUTS, "undercuts an inference"), (RelKind.SAME_AS, "same as")):
        x = _relation(group, x, 44, kind, caption)
    _el(group, "circle", cx=f"{x + 4:.1f}", cy="44", r="4", fill=style.JUNCTION_COLOUR)
    x = _text(group, x + 12, 47, "inference (linked premises meet; undercuts land)") + 12
    if labels:
        for label in Label:
            x = _text(group, x, 47, label.value.upper(), fill=LABEL_COLOURS[label], font_weight="bold") + 3
        x = _text(group, x + 1, 47, "acceptability") + 6
    return group, max(row1, x) + 8


def html_legend(labels: bool) -> str:
    """The legend as a Graphviz HTML-like label (system dot only)."""
    cells = []
    for kind in Kind:
        cells.append(f'<TD BGCOLOR="{KIND_FILLS[kind]}" COLOR="{KIND_COLOURS[kind]}" BORDER="1">'
                     f'<FONT POINT-SIZE="9">{kind.value}</FONT></TD>')
    relations = []
    for kind, caption in ((RelKind.SUPPORTS, "\u2192 supports"), (RelKind.ATTACKS, "\u22a3 attacks"),
                          (RelKind.UNDERCUTS, "\u22a3 undercuts (dashed)"), (RelKind.SAME_AS, "\u2026 same as")):
        relations.append(f'<TD><FONT POINT-SIZE="9" COLOR="{RELATION_COLOURS[kind]}">{caption}</FONT></TD>')
    relations.append('<TD><FONT POINT-SIZE="9">\u25cf inference</FONT></TD>')
    if labels:
        badges = " ".join(f'<FONT COLOR="{LABEL_COLOURS[l]}"><B>{l.value.upper()}</B></FONT>' for l in Label)
        relations.append(f'<TD><FONT POINT-SIZE="9">{badges} acceptability</FONT></TD>')
    span = max(len(cells), len(relations))
    return (f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4">'
            f'<TR><TD COLSPAN="{span}" ALIGN="LEFT"><B><FONT POINT-SIZE="10">Legend</FONT></B></TD></TR>'
            f'<TR>{"".join(cells)}</TR><TR>{"".join(relations)}</TR></TABLE>>')

"""The legend: drawn as SVG above the diagram, or as one HTML-like table node for PNG/PDF.

It lists only what the diagram uses (its node kinds, relation kinds,
inference junctions, nodes from other maps, acceptability badges) and
wraps to the diagram's width, so a small map's legend is not wider than
the map.  Drawing it outside Graphviz's layout (SVG) keeps it in the same
place (the top left) on every map and costs the layout nothing.  PNG and
PDF come from the system ``dot``, which has HTML-like labels, so there the
legend is a table node instead.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Collection

from ..model import Kind, Label, RelKind
from ..palette import KIND_COLOURS, KIND_FILLS, RELATION_COLOURS
from . import style
from .metrics import text_width

__all__ = ["svg_legend", "html_legend", "LEGEND_HEIGHT", "ROW_HEIGHT", "legend_items"]

_NS = "{http://www.w3.org/2000/svg}"
ROW_HEIGHT = 26.0
LEGEND_HEIGHT = 64.0  # points, the band a two-row legend adds above the diagram
_FONT = 9.0
_GAP = 12.0
_RELATIONS = ((RelKind.SUPPORTS, "supports"), (RelKind.ATTACKS, "attacks"),
              (RelKind.UNDERCUTS, "undercuts an inference"), (RelKind.SAME_AS, "same as"))


def legend_items(used: Collection[str], labels: bool) -> list[str]:
    """The legend's entries, in order, for a diagram that uses *used*.

    *used* holds kind values (``claim``…), relation kind values
    (``supports``…), ``inference`` and ``context``.
    """
    items = [k.value for k in Kind if k.value in used]
    items += [k.value for k, _ in _RELATIONS if k.value in used]
    items += [x for x in ("inference", "context") if x in used]
    if labels:
        items.append("labels")
    return items


def _width(text: str, size: float = _FONT, bold: bool = False) -> float:
    """*text*'s width in Helvetica at *size* points, with a little room for other fonts."""
    return text_width(text, size, bold) * 1.08 + 1


def _el(parent: ET.Element, tag: str, **attrs) -> ET.Element:
    return ET.SubElement(parent, _NS + tag, {k.replace("_", "-"): str(v) for k, v in attrs.items()})


def _text(parent: ET.Element, x: float, y: float, text: str, fill: str = "#333333", **attrs) -> float:
    node = _el(parent, "text", x=f"{x:.1f}", y=f"{y:.1f}", font_size=f"{_FONT}", fill=fill, **attrs)
    node.text = text
    return x + _width(text, bold="font_weight" in attrs)


def _kind_box(parent: ET.Element, x: float, y: float, kind: Kind, dashed: bool = False) -> float:
    w, h = _width(kind.value) + 14, 17.0
    colour, fill = KIND_COLOURS[kind], KIND_FILLS[kind]
    extra = {"stroke_dasharray": "4,2"} if dashed else {}
    if dashed:
        fill = style.CONTEXT_FILL
    if kind is Kind.CLAIM:
        _el(parent, "rect", x=x, y=y, width=f"{w:.1f}", height=h, rx=5, fill=fill, stroke=colour, stroke_width=2,
            **extra)
    elif kind is Kind.CONCESSION:
        d = f"M{x:.1f},{y:.1f} h{w - 6:.1f} l6,6 v{h - 6:.1f} h{-w:.1f} z M{x + w - 6:.1f},{y:.1f} v6 h6"
        _el(parent, "path", d=d, fill=fill, stroke=colour, stroke_width=1.2, **extra)
    else:
        _el(parent, "rect", x=x, y=y, width=f"{w:.1f}", height=h, fill=fill, stroke=colour,
            stroke_width=1.4 if kind is Kind.REBUTTAL else 1.2, **extra)
        if kind is Kind.REBUTTAL:
            c = 4.5
            d = (f"M{x:.1f},{y + c:.1f} l{c},{-c} M{x + w - c:.1f},{y:.1f} l{c},{c} "
                 f"M{x + w:.1f},{y + h - c:.1f} l{-c},{c} M{x + c:.1f},{y + h:.1f} l{-c},{-c}")
            _el(parent, "path", d=d, fill="none", stroke=colour, stroke_width=1)
    _text(parent, x + w / 2, y + 12, kind.value, fill="#1a1a1a", text_anchor="middle")
    return x + w


def _relation(parent: ET.Element, x: float, y: float, kind: RelKind, caption: str) -> float:
    colour = RELATION_COLOURS[kind]
    length = 30
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
    return _text(parent, end + 5, y + 3, caption)


def _item_width(item: str) -> float:
    """How wide an entry is drawn (the drawing functions below, measured without drawing)."""
    if item in {k.value for k in Kind}:
        return _width(item) + 14
    for kind, caption in _RELATIONS:
        if item == kind.value:
            return 30 + (6 if kind is RelKind.SUPPORTS else 0) + 5 + _width(caption)
    if item == "inference":
        return 12 + _width("inference (linked premises meet)")
    if item == "context":
        return _width("premise") + 14 + 5 + _width("from another map")
    return sum(_width(label.value.upper(), bold=True) + 3 for label in Label) + 1 + _width("acceptability")


def _draw_item(group: ET.Element, item: str, x: float, y: float) -> None:
    """Entry *item* with its top left at (x, y) in a row ROW_HEIGHT high."""
    mid = y + 12
    kinds = {k.value: k for k in Kind}
    if item in kinds:
        _kind_box(group, x, y + 3, kinds[item])
        return
    for kind, caption in _RELATIONS:
        if item == kind.value:
            _relation(group, x, mid, kind, caption)
            return
    if item == "inference":
        _el(group, "circle", cx=f"{x + 4:.1f}", cy=f"{mid:.1f}", r="4", fill=style.JUNCTION_COLOUR)
        _text(group, x + 12, mid + 3, "inference (linked premises meet)")
    elif item == "context":
        end = _kind_box(group, x, y + 3, Kind.PREMISE, dashed=True)
        _text(group, end + 5, mid + 3, "from another map")
    else:
        for label in Label:
            x = _text(group, x, mid + 3, label.value.upper(), fill=style.label_colour(label),
                      font_weight="bold") + 3
        _text(group, x + 1, mid + 3, "acceptability")


def svg_legend(used: Collection[str], labels: bool, max_width: float) -> tuple[ET.Element, float, float]:
    """The legend as an SVG group (origin at its top left), its width and its height, in points.

    Entries flow left to right and wrap before *max_width*; in a picture too
    narrow for the title and an entry side by side, the title has a row of
    its own.  Only an entry wider than the whole picture can make it wider.
    """
    group = ET.Element(_NS + "g", {"class": "legend"})
    items = legend_items(used, labels)
    title = _width("Legend", bold=True) + 14
    widest_item = max((_item_width(item) for item in items), default=0.0)
    _text(group, 8, 20, "Legend", fill="#333333", font_weight="bold")
    start, y = 8.0 + title, 4.0
    if start + widest_item > max_width - 8:
        start, y = 8.0, 4.0 + ROW_HEIGHT * 0.8
    x, widest = start, 8.0 + title
    for item in items:
        w = _item_width(item)
        if x > start and x + w > max_width - 8:
            x, y = start, y + ROW_HEIGHT
        _draw_item(group, item, x, y)
        x += w + _GAP
        widest = max(widest, x - _GAP)
    return group, widest + 8, y + ROW_HEIGHT + 6


def html_legend(used: Collection[str], labels: bool, max_width: float) -> str:
    """The legend as lines of Graphviz HTML-like text (for a label cell; system dot only).

    Text, not table cells: Graphviz stretches the cells of a table to the
    width of the label (the page's heading), text stays where it is put.
    Kinds are a square of their colour and their name; lines wrap before
    *max_width*.
    """
    kinds = {k.value: k for k in Kind}
    relations = {k.value: (k, c) for k, c in _RELATIONS}
    entries: list[tuple[str, float]] = []
    for item in legend_items(used, labels):
        if item in kinds:
            colour = style.legible(KIND_COLOURS[kinds[item]], ("#ffffff",), 3.0)
            entry = f'<FONT COLOR="{colour}">\u25a0</FONT> {item}'
        elif item in relations:
            kind, caption = relations[item]
            mark = "\u2192" if kind is RelKind.SUPPORTS else ("\u2026" if kind is RelKind.SAME_AS else "\u22a3")
            entry = f'<FONT COLOR="{style.legible(RELATION_COLOURS[kind], ("#ffffff",))}">{mark} {caption}</FONT>'
        elif item == "inference":
            entry = f'<FONT COLOR="{style.JUNCTION_COLOUR}">\u25cf</FONT> inference (linked premises meet)'
        elif item == "context":
            entry = '<FONT COLOR="#6a6a6a">\u2b1a</FONT> dashed: from another map'
        else:
            entry = " ".join(f'<FONT COLOR="{style.label_colour(l)}"><B>{l.value.upper()}</B></FONT>'
                             for l in Label) + " acceptability"
        entries.append((entry, _item_width(item) + 14))
    lines: list[list[str]] = [[]]
    used_width = _width("Legend", bold=True) + 10
    for entry, width in entries:
        if lines[-1] and used_width + width > max_width:
            lines.append([])
            used_width = 0.0
        lines[-1].append(entry)
        used_width += width
    gap = "\u2003\u2003"
    text = '<BR ALIGN="LEFT"/>'.join(gap.join(line) for line in lines)
    return f'<FONT POINT-SIZE="9" COLOR="#333333"><B>Legend</B>{gap}{text}<BR ALIGN="LEFT"/></FONT>'

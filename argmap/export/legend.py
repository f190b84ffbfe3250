"""The legend: drawn as SVG above the diagram, or as lines of HTML-like text for PNG/PDF.

It lists only what the diagram uses (its node kinds, relations, forces,
schemes, inference junctions, nodes from other maps or other pages, and,
with ``--labels``, the states in the debate shown) and wraps to the
diagram's width, so a small map's legend is not wider than the map.  Each
entry shows the mark as the diagram draws it (line style and head, border
style), so the legend works in greyscale print too.  Drawing it outside
Graphviz's layout (SVG) keeps it in the same place (the top left) on every
map and costs the layout nothing.  PNG and PDF come from the system ``dot``,
so there the legend is text in the graph's label.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Collection

from ..analysis.states import DebateState
from ..model import Force, Kind, QualifyHow, RelKind
from ..palette import KIND_COLOURS, KIND_FILLS, RELATION_COLOURS
from . import style
from .metrics import text_width

__all__ = ["svg_legend", "html_legend", "LEGEND_HEIGHT", "ROW_HEIGHT", "legend_items", "caption"]

_NS = "{http://www.w3.org/2000/svg}"
ROW_HEIGHT = 26.0
LEGEND_HEIGHT = 64.0  # points, the band a two-row legend adds above the diagram
_FONT = 9.0
_GAP = 12.0
_LINE = 30.0          # length of a relation's sample line
_RELATIONS = {RelKind.SUPPORTS.value: "supports", RelKind.ATTACKS.value: "attacks (rebuts or undermines)",
              RelKind.UNDERCUTS.value: "undercuts an inference", RelKind.QUALIFIES.value: "qualifies, not an attack",
              RelKind.SAME_AS.value: "same as", RelKind.RELATED_TO.value: "related, not the same"}
_FORCES = {Force.HEDGED.value: "hedged", Force.ASCRIBED.value: "ascribed by \u2026 (in the author's words)",
           Force.REPORTED.value: "\u201creported\u201d by \u2026", Force.RHETORICAL_QUESTION.value:
           "rhetorical question", Force.CONCEDED.value: "conceded"}
_OTHER = {"drawn_by": "inference drawn by the speaker named", "scheme": "argument scheme",
          "inference": "inference (linked premises meet)", "context": "from another map",
          "stub": "drawn on another page"}
# Kinds, relations, inference marks, other nodes, forces, states: the legend's order.
_ORDER = ([k.value for k in Kind] + list(_RELATIONS) + ["drawn_by", "scheme", "inference", "context", "stub"]
          + [f"force-{f}" for f in _FORCES] + [f"state-{s.name.lower()}" for s in DebateState])
_STATES = {f"state-{s.name.lower()}": s for s in DebateState}


def legend_items(used: Collection[str], labels: bool = False) -> list[str]:
    """The legend's entries, in order, for a diagram that uses *used*.

    *used* holds kind values (``claim``…), relation kind values
    (``supports``…, ``qualifies``), ``drawn_by``, ``scheme``, ``inference``,
    ``context``, ``stub``, ``force-<force>``, ``state-<state>`` and
    ``how-<how>`` (what the qualifications drawn do).  *labels* is kept for
    callers of the old signature: states come from *used*.
    """
    return [item for item in _ORDER if item in used]


def caption(item: str, used: Collection[str] = ()) -> str:
    """The words of legend entry *item* (a qualification names the kinds drawn)."""
    if item == RelKind.QUALIFIES.value:
        hows = [h.value.replace("-", " ") for h in QualifyHow if f"how-{h.value}" in used]
        return _RELATIONS[item] + (f" ({', '.join(hows)})" if hows else "")
    if item == "inference" and "inference-states" in used:
        return "inference (linked premises meet; green: stands, ring: defeated, grey: undecided)"
    if item in _RELATIONS:
        return _RELATIONS[item]
    if item in _OTHER:
        return _OTHER[item]
    if item.startswith("force-"):
        return _FORCES[item[6:]]
    if item in _STATES:
        return str(_STATES[item])
    return item


def _width(text: str, size: float = _FONT, bold: bool = False) -> float:
    """*text*'s width in Helvetica at *size* points, with a little room for other fonts."""
    return text_width(text, size, bold) * 1.08 + 1


def _el(parent: ET.Element, tag: str, **attrs) -> ET.Element:
    return ET.SubElement(parent, _NS + tag, {k.replace("_", "-"): str(v) for k, v in attrs.items()})


def _text(parent: ET.Element, x: float, y: float, text: str, fill: str = "#333333", **attrs) -> float:
    node = _el(parent, "text", x=f"{x:.1f}", y=f"{y:.1f}", font_size=f"{_FONT}", fill=fill, **attrs)
    node.text = text
    return x + _width(text, bold="font_weight" in attrs)


def _box(parent: ET.Element, x: float, y: float, w: float, kind: Kind, *, dash: str | None = None,
         fill: str | None = None, colour: str | None = None, double: bool = False) -> None:
    """A sample box of *kind*'s shape (17 pt high), optionally with a dashed or dotted border."""
    h = 17.0
    colour, fill = colour or KIND_COLOURS[kind], fill or KIND_FILLS[kind]
    extra = {"stroke_dasharray": dash} if dash else {}
    if kind is Kind.CONCESSION:
        d = f"M{x:.1f},{y:.1f} h{w - 6:.1f} l6,6 v{h - 6:.1f} h{-w:.1f} z M{x + w - 6:.1f},{y:.1f} v6 h6"
        _el(parent, "path", d=d, fill=fill, stroke=colour, stroke_width=1.2, **extra)
        return
    rounded = {"rx": 5} if kind is Kind.CLAIM else {}
    width = 2 if kind is Kind.CLAIM else (1.6 if dash == "1,2" else 1.2)
    _el(parent, "rect", x=x, y=y, width=f"{w:.1f}", height=h, fill=fill, stroke=colour, stroke_width=width,
        **rounded, **extra)
    if double:
        _el(parent, "rect", x=x + 3, y=y + 3, width=f"{w - 6:.1f}", height=h - 6, fill="none", stroke=colour,
            stroke_width=1, **rounded)
    if kind is Kind.REBUTTAL:
        c = 4.5
        d = (f"M{x:.1f},{y + c:.1f} l{c},{-c} M{x + w - c:.1f},{y:.1f} l{c},{c} "
             f"M{x + w:.1f},{y + h - c:.1f} l{-c},{c} M{x + c:.1f},{y + h:.1f} l{-c},{-c}")
        _el(parent, "path", d=d, fill="none", stroke=colour, stroke_width=1)


def _line(parent: ET.Element, x: float, y: float, item: str) -> float:
    """A relation's sample line and head at (x, y); returns where the caption starts."""
    kind = RelKind.SUPPORTS if item == "drawn_by" else RelKind(item)
    colour = RELATION_COLOURS[kind]
    dash = {RelKind.UNDERCUTS: "5,2", RelKind.SAME_AS: "1,3", RelKind.RELATED_TO: "5,2"}.get(kind)
    attrs = {"stroke_dasharray": dash} if dash else {}
    width = style.ATTACK_PEN if kind is RelKind.ATTACKS else 1.2
    if kind is RelKind.QUALIFIES:   # the double line Graphviz draws for colour "c:white:c"
        for dy in (-1.3, 1.3):
            _el(parent, "path", d=f"M{x:.1f},{y + dy:.1f} h{_LINE}", fill="none", stroke=colour, stroke_width=1)
    else:
        _el(parent, "path", d=f"M{x:.1f},{y:.1f} h{_LINE}", fill="none", stroke=colour, stroke_width=width,
            **attrs)
    end = x + _LINE
    if kind is RelKind.SUPPORTS:
        hollow = item == "drawn_by"
        _el(parent, "polygon", points=f"{end:.1f},{y - 3:.1f} {end + 6:.1f},{y:.1f} {end:.1f},{y + 3:.1f}",
            fill="white" if hollow else colour, stroke=colour)
        end += 6
    elif kind in (RelKind.ATTACKS, RelKind.UNDERCUTS):
        _el(parent, "path", d=f"M{end:.1f},{y - 4:.1f} v8", stroke=colour, stroke_width=2)
    elif kind is RelKind.QUALIFIES:
        _el(parent, "polygon", points=f"{end:.1f},{y:.1f} {end + 4:.1f},{y - 3:.1f} {end + 8:.1f},{y:.1f} "
                                      f"{end + 4:.1f},{y + 3:.1f}", fill="white", stroke=colour)
        end += 8
    return end + 5


def _mark_width(item: str) -> float:
    """How wide the mark before an entry's caption is (as :func:`_draw_item` draws it)."""
    if item in {k.value for k in Kind}:
        return _width(item) + 14
    if item in _RELATIONS or item == "drawn_by":
        extra = {RelKind.SUPPORTS.value: 6, "drawn_by": 6, RelKind.QUALIFIES.value: 8}.get(item, 0)
        return _LINE + extra + 5
    if item == "scheme":
        return _width("Example", size=style.EDGE_FONT_SIZE) + 5
    if item == "inference":
        return 12
    if item in _STATES:
        return 0.0
    return 22 + 5   # a sample box: context, stub, forces


def _item_width(item: str, used: Collection[str] = ()) -> float:
    """How wide an entry is drawn (the drawing functions below, measured without drawing)."""
    if item in {k.value for k in Kind}:
        return _mark_width(item)
    bold = item in _STATES
    return _mark_width(item) + _width(caption(item, used), bold=bold)


def _draw_item(group: ET.Element, item: str, x: float, y: float, used: Collection[str] = ()) -> None:
    """Entry *item* with its top left at (x, y) in a row ROW_HEIGHT high."""
    mid = y + 12
    kinds = {k.value: k for k in Kind}
    if item in kinds:
        w = _width(item) + 14
        _box(group, x, y + 3, w, kinds[item])
        _text(group, x + w / 2, y + 15, item, fill="#1a1a1a", text_anchor="middle")
        return
    words = caption(item, used)
    if item in _RELATIONS or item == "drawn_by":
        _text(group, _line(group, x, mid, item), mid + 3, words)
    elif item == "scheme":
        sample = _el(group, "text", x=f"{x:.1f}", y=f"{mid + 3:.1f}", font_size=f"{style.EDGE_FONT_SIZE}",
                     fill=style.EDGE_LABEL_COLOUR)
        sample.text = "Example"
        _text(group, x + _mark_width(item), mid + 3, words)
    elif item == "inference":
        _el(group, "circle", cx=f"{x + 4:.1f}", cy=f"{mid:.1f}", r="4", fill=style.JUNCTION_COLOUR)
        _text(group, x + 12, mid + 3, words)
    elif item in _STATES:
        _text(group, x, mid + 3, words, fill=style.label_colour(_STATES[item].label), font_weight="bold")
    else:
        sample = {"context": {"dash": "4,2", "fill": style.CONTEXT_FILL},
                  "stub": {"dash": "4,2", "fill": "#ffffff", "colour": style.STUB_COLOUR},
                  "force-hedged": {"dash": "1,2"}, "force-ascribed": {"double": True}}.get(item, {})
        _box(group, x, y + 3, 22, Kind.PREMISE, **sample)
        if item == "force-reported":
            _text(group, x + 6, y + 16, "\u201c \u201d", fill="#1a1a1a")
        elif item == "force-rhetorical-question":
            _text(group, x + 8, y + 15, "?", fill="#1a1a1a")
        _text(group, x + 27, mid + 3, words)


def svg_legend(used: Collection[str], labels: bool, max_width: float) -> tuple[ET.Element, float, float]:
    """The legend as an SVG group (origin at its top left), its width and its height, in points.

    Entries flow left to right and wrap before *max_width*; in a picture too
    narrow for the title and an entry side by side, the title has a row of
    its own.  Only an entry wider than the whole picture can make it wider.
    """
    group = ET.Element(_NS + "g", {"class": "legend"})
    items = legend_items(used, labels)
    title = _width("Legend", bold=True) + 14
    widest_item = max((_item_width(item, used) for item in items), default=0.0)
    _text(group, 8, 20, "Legend", fill="#333333", font_weight="bold")
    start, y = 8.0 + title, 4.0
    if start + widest_item > max_width - 8:
        start, y = 8.0, 4.0 + ROW_HEIGHT * 0.8
    x, widest = start, 8.0 + title
    for item in items:
        w = _item_width(item, used)
        if x > start and x + w > max_width - 8:
            x, y = start, y + ROW_HEIGHT
        _draw_item(group, item, x, y, used)
        x += w + _GAP
        widest = max(widest, x - _GAP)
    return group, widest + 8, y + ROW_HEIGHT + 6


def _html_mark(item: str) -> str:
    """The mark before an entry's caption in the PNG/PDF legend (text: Graphviz draws no shapes there)."""
    kinds = {k.value: k for k in Kind}
    if item in kinds:
        return f'<FONT COLOR="{style.legible(KIND_COLOURS[kinds[item]], ("#ffffff",), 3.0)}">\u25a0</FONT>'
    marks = {"supports": "\u2500\u25b6", "drawn_by": "\u2500\u25b7", "attacks": "\u2501\u2524",
             "undercuts": "\u254c\u2524", "qualifies": "\u2550\u25c7", "same_as": "\u2508", "related_to": "\u254c\u254c"}
    if item in marks:
        kind = RelKind.SUPPORTS if item == "drawn_by" else RelKind(item)
        return f'<FONT COLOR="{style.legible(RELATION_COLOURS[kind], ("#ffffff",))}">{marks[item]}</FONT>'
    other = {"scheme": f'<FONT COLOR="{style.EDGE_LABEL_COLOUR}"><I>Example</I></FONT>',
             "inference": f'<FONT COLOR="{style.JUNCTION_COLOUR}">\u25cf</FONT>',
             "context": '<FONT COLOR="#6a6a6a">\u2b1a</FONT> dashed:',
             "stub": '<FONT COLOR="#6a6a6a">\u2b1a</FONT> see page N:',
             "force-hedged": "\u2b1a dotted border:", "force-ascribed": "double border:",
             "force-reported": "\u201c \u201d", "force-rhetorical-question": "?", "force-conceded": ""}
    return other.get(item, "")


def html_legend(used: Collection[str], labels: bool, max_width: float) -> str:
    """The legend as lines of Graphviz HTML-like text (for a label cell; system dot only).

    Text, not table cells: Graphviz stretches the cells of a table to the
    width of the label (the page's heading), text stays where it is put.
    Lines wrap before *max_width*.
    """
    from .escape import html_label_text

    entries: list[tuple[str, float]] = []
    for item in legend_items(used, labels):
        if item in {k.value for k in Kind}:
            entry = f"{_html_mark(item)} {item}"
        elif item in _STATES:
            entry = (f'<B><FONT COLOR="{style.label_colour(_STATES[item].label)}">'
                     f"{html_label_text(caption(item))}</FONT></B>")
        elif item.startswith("force-"):
            entry = f"{_html_mark(item)} <I>{html_label_text(caption(item))}</I>"
        else:
            entry = f"{_html_mark(item)} {html_label_text(caption(item, used))}"
        entries.append((entry, _item_width(item, used) + 14))
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

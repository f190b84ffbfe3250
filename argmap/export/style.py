"""How diagrams look: shapes, strokes and type, built on the shared palette.

Colours come from :mod:`argmap.palette` (shared with the TUI).  A diagram
tells kinds apart by shape as well as colour:

========== ===================================== =====================
kind       shape                                 reads as
========== ===================================== =====================
claim      rounded box, bold border              a conclusion
premise    plain box                             a reason
rebuttal   box with cut corners (``diagonals``)  a reply that attacks
concession folded-corner note                    a point granted
========== ===================================== =====================

Type: Graphviz's ``Helvetica``, which the embedded renderer measures with
Helvetica's metrics and which browsers draw with Helvetica, Arial or
Liberation Sans (all the same widths).  The SVG post-processor pins that
font stack, so boxes measured by either renderer fit the text as drawn.
"""

from __future__ import annotations

from ..model import Kind, Label, RelKind
from ..palette import KIND_COLOURS, KIND_FILLS, LABEL_COLOURS, RELATION_COLOURS, RELATION_STYLES

__all__ = ["FONT", "FONT_SIZE", "ID_FONT_SIZE", "WRAP", "MAX_LINES", "SVG_FONT_STACK", "node_style",
           "edge_style", "JUNCTION_COLOUR", "CONTEXT_FILL", "ID_COLOUR", "label_colour"]

FONT = "Helvetica"
FONT_SIZE = 11
ID_FONT_SIZE = 8.5
PADDING = (10.08, 5.04)  # points between a box's text and its edge, across and down
DOT_MARGIN = f"{PADDING[0] / 72:.2f},{PADDING[1] / 72:.2f}"  # Graphviz's node margin, in inches
WRAP = 34          # characters per line of a node's text
MAX_LINES = 9      # longer text is cut (the full text is in the tooltip)
SVG_FONT_STACK = "Helvetica, Arial, 'Liberation Sans', Arimo, 'Nimbus Sans', sans-serif"
ID_COLOUR = "#5f6368"
CONTEXT_FILL = "#f6f6f6"
JUNCTION_COLOUR = RELATION_COLOURS[RelKind.SUPPORTS]

_SHAPES: dict[Kind, tuple[str, str]] = {
    Kind.CLAIM: ("box", "rounded,filled"),
    Kind.PREMISE: ("box", "filled"),
    Kind.REBUTTAL: ("box", "filled,diagonals"),
    Kind.CONCESSION: ("note", "filled"),
}
_PEN: dict[Kind, float] = {Kind.CLAIM: 2.2, Kind.PREMISE: 1.2, Kind.REBUTTAL: 1.4, Kind.CONCESSION: 1.2}

# role -> arrowhead
_ARROWS = {"support": "normal", "premise": "none", "conclusion": "normal", "attack": "tee",
           "undercut": "tee", "same_as": "none"}


def node_style(kind: Kind | None, *, context: bool = False, focus: bool = False) -> dict[str, str]:
    """DOT attributes of a node of *kind* (None: a node that is not loaded)."""
    if kind is None:
        return {"shape": "box", "style": "dashed", "color": "#9a9a9a", "fontcolor": "#6a6a6a",
                "penwidth": "1"}
    shape, style = _SHAPES[kind]
    attrs = {"shape": shape, "style": style, "color": KIND_COLOURS[kind], "fillcolor": KIND_FILLS[kind],
             "penwidth": str(_PEN[kind])}
    if context:
        attrs["style"] = style + ",dashed"
        attrs["fillcolor"] = CONTEXT_FILL
    if focus:
        attrs["penwidth"] = "3.2"
    return attrs


def edge_style(kind: RelKind, role: str) -> dict[str, str]:
    attrs = {"color": RELATION_COLOURS[kind], "style": RELATION_STYLES[kind], "arrowhead": _ARROWS[role]}
    if kind is RelKind.ATTACKS:
        attrs["penwidth"] = "1.6"
        attrs["style"] = "solid"   # the palette's "bold" is drawn by penwidth, which SVG keeps
    if kind is RelKind.SAME_AS:
        attrs["dir"] = "none"
        attrs["constraint"] = "false"
    if role == "premise":
        attrs["dir"] = "none"
    return attrs


def label_colour(label: Label) -> str:
    return LABEL_COLOURS[label]

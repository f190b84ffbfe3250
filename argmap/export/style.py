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

Type: Graphviz's ``Arial``, which the embedded renderer measures with
Helvetica's metrics and the system ``dot`` (Pango) finds as Arial or its
metric twin Liberation Sans (asked for "Helvetica", Pango picks the much
wider DejaVu Sans, so PNG and PDF text used to touch the boxes and the two
renderers laid out differently).  Browsers draw Helvetica, Arial or
Liberation Sans (all the same widths): the SVG post-processor pins that
font stack, so boxes measured by either renderer fit the text as drawn.

Relations and forces (issue 12) are told apart by line and border as well
as colour, so a greyscale print keeps them apart:

==================== =================================================
support              solid line, filled arrowhead (hollow when the
                     inference is drawn by someone other than the
                     premise's holder, who is named on the line)
attack               heavy solid line, bar
undercut             dashed line, bar, onto the inference's junction
qualifies            double line, hollow diamond, "limits" / "not
                     enough" / "concedes" on the line
same_as              dotted line, no heads
related_to           dashed line, no heads
hedged node          dotted border
ascribed node        double border
reported node        text in quotation marks
stub (other page)    dashed border on white, "see page N"
==================== =================================================

Every force but a plain assertion is also named in words under the
header ("ascribed by Allister Heath", "hedged", "rhetorical question").

Legibility (issue 14): node headers are at least 75% of the body size, in a
grey and badge colours with at least 4.5:1 contrast (WCAG AA) on every box
fill, and at least 4 pt lie between text and box edge, after the border.
"""

from __future__ import annotations

from ..model import Force, Kind, Label, RelKind
from ..palette import KIND_COLOURS, KIND_FILLS, LABEL_COLOURS, RELATION_COLOURS, RELATION_STYLES

__all__ = ["FONT", "FONT_SIZE", "ID_FONT_SIZE", "PADDING", "DOT_MARGIN", "contrast", "legible", "WRAP", "MAX_LINES", "SVG_FONT_STACK", "node_style",
           "edge_style", "JUNCTION_COLOUR", "CONTEXT_FILL", "ID_COLOUR", "label_colour", "EDGE_FONT_SIZE",
           "EDGE_LABEL_COLOUR", "STUB_COLOUR", "QUOTE_OPEN", "QUOTE_CLOSE"]

FONT = "Arial"
FONT_SIZE = 11
ID_FONT_SIZE = 9.0     # the header line (id, speaker, badge): 82% of the body
PADDING = (10.08, 7.2)   # points between a box's text and its edge, across and down (borders are <= 3.2)
DOT_MARGIN = f"{PADDING[0] / 72:.2f},{PADDING[1] / 72:.2f}"  # Graphviz's node margin, in inches
WRAP = 34          # characters per line of a node's text
MAX_LINES = 9      # longer text is cut (the full text is in the tooltip)
SVG_FONT_STACK = "Helvetica, Arial, 'Liberation Sans', Arimo, 'Nimbus Sans', sans-serif"
ID_COLOUR = "#5f6368"
CONTEXT_FILL = "#f6f6f6"
JUNCTION_COLOUR = RELATION_COLOURS[RelKind.SUPPORTS]

EDGE_FONT_SIZE = 8.5   # a relation's scheme, who draws it, how it qualifies
EDGE_LABEL_COLOUR = "#4d4d4d"
STUB_COLOUR = "#6a6a6a"
QUOTE_OPEN, QUOTE_CLOSE = "\u201c", "\u201d"   # around a reported node's text

_SHAPES: dict[Kind, tuple[str, str]] = {
    Kind.CLAIM: ("box", "rounded,filled"),
    Kind.PREMISE: ("box", "filled"),
    Kind.REBUTTAL: ("box", "filled,diagonals"),
    Kind.CONCESSION: ("note", "filled"),
}
_PEN: dict[Kind, float] = {Kind.CLAIM: 2.2, Kind.PREMISE: 1.2, Kind.REBUTTAL: 1.4, Kind.CONCESSION: 1.2}

# role -> arrowhead
_ARROWS = {"support": "normal", "premise": "none", "conclusion": "normal", "attack": "tee",
           "undercut": "tee", "same_as": "none", "qualify": "odiamond", "related_to": "none"}
ATTACK_PEN = 2.0


def node_style(kind: Kind | None, *, context: bool = False, focus: bool = False,
               force: Force | None = None) -> dict[str, str]:
    """DOT attributes of a node of *kind* (None: a node that is not loaded), put forward with *force*."""
    if kind is None:
        return {"shape": "box", "style": "dashed", "color": "#9a9a9a", "fontcolor": "#6a6a6a",
                "penwidth": "1"}
    shape, style = _SHAPES[kind]
    attrs = {"shape": shape, "style": style, "color": KIND_COLOURS[kind], "fillcolor": KIND_FILLS[kind],
             "penwidth": str(_PEN[kind])}
    if context:
        attrs["style"] = style + ",dashed"
        attrs["fillcolor"] = CONTEXT_FILL
    elif force is Force.HEDGED:
        attrs["style"] = style + ",dotted"
        attrs["penwidth"] = str(max(_PEN[kind], 1.6))   # dots need weight to read as a border
    if force is Force.ASCRIBED:
        attrs["peripheries"] = "2"
    if focus:
        attrs["penwidth"] = "3.2"
    return attrs


def stub_style() -> dict[str, str]:
    """DOT attributes of a stub: a node drawn on another page, pointed to from this one."""
    return {"shape": "box", "style": "rounded,filled,dashed", "color": STUB_COLOUR, "fillcolor": "#ffffff",
            "penwidth": "1.2", "fontcolor": "#1a1a1a"}


def edge_style(kind: RelKind, role: str, *, drawn_by_other: bool = False) -> dict[str, str]:
    """DOT attributes of an edge of relation *kind* in *role* (see :class:`~argmap.export.scene.Edge`)."""
    colour = RELATION_COLOURS[kind]
    attrs = {"color": colour, "style": RELATION_STYLES[kind], "arrowhead": _ARROWS[role]}
    if kind is RelKind.ATTACKS:
        attrs["penwidth"] = str(ATTACK_PEN)
        attrs["style"] = "solid"   # the palette's "bold" is drawn by penwidth, which SVG keeps
    elif kind is RelKind.QUALIFIES:
        attrs["color"] = f"{colour}:#ffffff:{colour}"   # a double line: never read as an attack
        attrs["style"] = "solid"
    elif kind is RelKind.RELATED_TO:
        attrs["style"] = "dashed"
    if kind in (RelKind.SAME_AS, RelKind.RELATED_TO):
        attrs["dir"] = "none"
        attrs["constraint"] = "false"
    if role == "premise":
        attrs["dir"] = "none"
    if drawn_by_other and role in ("support", "conclusion"):
        attrs["arrowhead"] = "onormal"
    return attrs


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


BACKGROUNDS = (*KIND_FILLS.values(), CONTEXT_FILL, "#ffffff")
MIN_CONTRAST = 4.5


def legible(colour: str, backgrounds=BACKGROUNDS, ratio: float = MIN_CONTRAST) -> str:
    """*colour*, darkened just enough to have *ratio* contrast on every one of *backgrounds*."""
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    for _ in range(100):
        shade = "#" + "".join(f"{c:02x}" for c in channels)
        if all(contrast(shade, b) >= ratio for b in backgrounds):
            return shade
        channels = [int(c * 0.95) for c in channels]
    return "#000000"


# The shared palette's label colours are for a dark terminal; on the pale boxes they need darkening.
_BADGE_COLOURS = {label: legible(colour) for label, colour in LABEL_COLOURS.items()}


def label_colour(label: Label) -> str:
    """The colour of an acceptability badge (legible on every box fill)."""
    return _BADGE_COLOURS[label]

"""Colours shared by the TUI and the diagrams, so they agree.

Shapes are the diagrams' own (argmap/export/style.py): a terminal has none.
Colours are chosen to read on both light and dark backgrounds and to stay
distinguishable for the common forms of colour blindness (support is
green-teal, attack is red-orange, undercut is purple and dashed).
"""

from __future__ import annotations

from .model import Kind, Label, RelKind

__all__ = ["KIND_COLOURS", "KIND_FILLS", "RELATION_COLOURS", "RELATION_STYLES",
           "LABEL_COLOURS", "STANCE_COLOURS"]

# Border / text accent per node kind.
KIND_COLOURS: dict[Kind, str] = {
    Kind.CLAIM: "#1f5fa8",       # blue
    Kind.PREMISE: "#2e7d4f",     # green
    Kind.REBUTTAL: "#b23a2a",    # red
    Kind.CONCESSION: "#9a6a00",  # amber
}
# Light fills for diagram boxes.
KIND_FILLS: dict[Kind, str] = {
    Kind.CLAIM: "#e3eefa",
    Kind.PREMISE: "#e4f3ea",
    Kind.REBUTTAL: "#fbe5e1",
    Kind.CONCESSION: "#fbf0d9",
}
RELATION_COLOURS: dict[RelKind, str] = {
    RelKind.SUPPORTS: "#2e8b57",
    RelKind.ATTACKS: "#d0342c",
    RelKind.UNDERCUTS: "#7b3fa0",
    RelKind.SAME_AS: "#7a7a7a",
    RelKind.QUALIFIES: "#c08a00",   # amber: grants, never defeats
    RelKind.RELATED_TO: "#9a9a9a",
}
# Graphviz edge styles per relation.
RELATION_STYLES: dict[RelKind, str] = {
    RelKind.SUPPORTS: "solid",
    RelKind.ATTACKS: "bold",
    RelKind.UNDERCUTS: "dashed",
    RelKind.SAME_AS: "dotted",
    RelKind.QUALIFIES: "dashed",
    RelKind.RELATED_TO: "dotted",
}
LABEL_COLOURS: dict[Label, str] = {
    Label.IN: "#2e8b57",
    Label.OUT: "#d0342c",
    Label.UNDEC: "#8a8a8a",
}
STANCE_COLOURS: dict[str, str] = {
    "for": "#2e8b57",
    "against": "#d0342c",
    "mixed": "#c08a00",
    "neutral": "#8a8a8a",
    "split": "#7b4fa0",   # an article whose voices differ (analysis/stances.py)
}

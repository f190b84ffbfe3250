"""The one-line text of a tree row: glyph, kind, how it is put forward, paraphrase.

Rich text only, no Textual: the tree, the reading view, the detail's links
and the search results share these glyphs and styles.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from rich.style import Style
from rich.text import Text

from ..diagnostics import Diagnostic
from ..model import Project, RelKind
from ..palette import KIND_COLOURS, RELATION_COLOURS
from ..plural import plural
from ..visible import visible
from .argtree import Row
from .commentary import qualify_how, relation_words, row_force

__all__ = ["RELATION_GLYPHS", "LINK_GLYPH", "FORCE_STYLE", "row_label", "broken_label"]

# Shapes as well as colours, so the tree reads without colour too.
RELATION_GLYPHS: dict[RelKind, str] = {
    RelKind.SUPPORTS: "+",
    RelKind.ATTACKS: "\u2212",   # minus sign
    RelKind.UNDERCUTS: "\u00d7",  # multiplication sign: cuts the inference
    RelKind.SAME_AS: "=",
    RelKind.QUALIFIES: "~",      # limits, not enough, concedes: never an attack
    RelKind.RELATED_TO: "\u2248",  # almost equal: related, not identical
}
LINK_GLYPH = "\u21aa"  # hooked arrow: shown in full elsewhere
# Made once: a reveal 100 levels deep labels a few hundred rows.
_GLYPH_STYLES = {rel: Style(color=colour, bold=True) for rel, colour in RELATION_COLOURS.items()}
_KIND_STYLES = {kind: Style(color=colour, italic=True) for kind, colour in KIND_COLOURS.items()}
_GROUP_STYLE = Style(color=RELATION_COLOURS[RelKind.SUPPORTS], italic=True)
_HOW_STYLE = Style(color=RELATION_COLOURS[RelKind.QUALIFIES], italic=True)
FORCE_STYLE = Style(italic=True, bold=True)  # how a node is put forward: ascribed, hedged, ...
# Map text comes from strangers: a row shows its terminal controls, on one line.
_line = partial(visible, one_line=True)


def row_label(project: Project, row: Row) -> Text:
    """The one-line label of a tree row."""
    if row.kind == "map":
        argmap = project.maps[row.map_id]
        src = argmap.source
        bits = [_line(b) for b in (src.outlet if src.outlet != "unknown" else "", src.date) if b]
        bits.append(plural(len(argmap.nodes), "node"))
        return Text.assemble((_line(argmap.title), "bold"), ("  " + " \u00b7 ".join(bits), "dim"))
    text = Text()
    if row.rel is not None:
        text.append(RELATION_GLYPHS[row.rel] + " ", _GLYPH_STYLES[row.rel])
    if row.kind == "group":
        text.append(f"linked: {len(row.members)} premises together", _GROUP_STYLE)
        return text
    node = project.node(row.ref)
    if node is None:
        return text.append(f"{_line(row.ref)} (missing)", "dim")
    relation = row.relation
    if row.rel is RelKind.QUALIFIES and relation is not None:
        text.append(f"{qualify_how(relation)}: ", _HOW_STYLE)  # what it does first: it is no attack
    if row.kind == "link":
        text.append(LINK_GLYPH + " ", "dim")
    text.append(node.kind.value, _KIND_STYLES[node.kind])
    force = row_force(project, node)
    if force:  # early in the row, so a row cut to the pane still says it
        text.append(f" [{_line(force)}]", FORCE_STYLE)
    text.append(" ")
    text.append(_line(node.text), "dim" if row.kind == "link" else "")
    if row.rel is RelKind.UNDERCUTS and relation is not None and relation.premise is not None:
        text.append(f"  (cuts the step from {_line(relation.premise.node_id)})", "dim italic")
    if relation is not None and row.rel is not RelKind.QUALIFIES and (relation.scheme or relation.drawn_by):
        text.append(f"  ({_line(relation_words(project, relation))})", "dim italic")
    if row.ref.map_id != row.map_id:
        text.append(f"  [{_line(row.ref.map_id)}]", "dim")
    return text


def broken_label(path: str, problems: Sequence[Diagnostic]) -> Text:
    """The row of a file that did not load: its path and the first reason."""
    text = Text.assemble(("\u26a0 ", "bold red"), (_line(path), "bold"),
                         ("  does not load", "red"))
    if problems:
        text.append(f": {_line(problems[0].message)}", "dim")
        if len(problems) > 1:
            text.append(f" (and {len(problems) - 1} more)", "dim")
    return text

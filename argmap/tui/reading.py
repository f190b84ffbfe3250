"""The reading view (``v``): the argument under the cursor as wrapped, indented text.

Tree rows are one line each, cut to the pane's width; here every node is
shown whole, wrapped, indented by its depth, in the tree's order (supports,
attacks, undercuts and qualifications under what they bear on, each with how
the node is put forward and the relation's scheme; a node shown in full
elsewhere appears as a link row, as in the tree).  A bounded number of rows
is shown, so a 10,000-node map opens as fast as a small one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.console import Group
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..model import Label, Project, Ref
from ..palette import LABEL_COLOURS
from ..visible import visible
from .argtree import Outline, Row
from .commentary import debate_state
from .rowtext import row_label

__all__ = ["ReadingScreen", "reading_rows", "MAX_READ_ROWS"]

MAX_READ_ROWS = 300  # rows shown at most; the tree, or a lower starting row, has the rest
INDENT = 3  # cells per level
MAX_INDENT = 36  # deeper rows say their depth instead of indenting further


def reading_rows(outline: Outline, start: Row, limit: int = MAX_READ_ROWS) -> tuple[list[tuple[int, Row]], bool]:
    """Rows from *start* down, depth first, as (depth, row); and whether *limit* cut them short.

    A map row gives its main claims at depth 0; a node row itself first.
    """
    todo = [(0, row) for row in reversed(outline.children(start))] if start.kind == "map" else [(0, start)]
    out: list[tuple[int, Row]] = []
    while todo:
        if len(out) >= limit:
            return out, True
        depth, row = todo.pop()
        out.append((depth, row))
        todo.extend((depth + 1, child) for child in reversed(outline.children(row)))
    return out, False


def reading_text(project: Project, rows: list[tuple[int, Row]], cut: bool,
                 labels: Mapping[Ref, Label] | None = None) -> Group:
    """The rows as one renderable: each label wrapped with a hanging indent.

    Each node's row says its speaker and, with *labels*, its state in the
    debate as mapped ("defended"; never a bare IN or OUT).
    """
    parts: list[Padding | Text] = []
    for depth, row in rows:
        label = row_label(project, row)
        indent = depth * INDENT
        if indent > MAX_INDENT:
            label = Text.assemble((f"\u2506{depth} ", "dim"), label)
            indent = MAX_INDENT
        node = project.node(row.ref) if row.kind == "node" and row.ref is not None else None
        if node is not None and node.by:
            speaker = project.maps[node.map_id].speakers.get(node.by) if node.map_id in project.maps else None
            label.append(f"  \u2014 {visible(speaker.name if speaker else node.by, one_line=True)}", "dim")
        if node is not None and labels is not None and node.ref in labels:
            state = debate_state(project, labels, node.ref)
            label.append(f" \u00b7 {state.value}", Style(color=LABEL_COLOURS[labels[node.ref]], italic=True))
        parts.append(Padding(label, (0, 0, 0, indent)))
    if cut:
        parts.append(Text(f"\u2026 the first {len(rows)} rows; press v on a lower row to read on from there",
                          "dim italic"))
    if not parts:
        parts.append(Text("Nothing below this row.", "dim"))
    return Group(*parts)


class ReadingScreen(ModalScreen[None]):
    """The argument under the cursor, every node whole."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,v", "close", "Close"),
        Binding("j", "scroll('down')", "Down", show=False),
        Binding("k", "scroll('up')", "Up", show=False),
    ]

    def __init__(self, project: Project, outline: Outline, start: Row, title: str,
                 labels: Mapping[Ref, Label] | None = None) -> None:
        super().__init__()
        self.labels = labels
        self.rows, self.cut = reading_rows(outline, start)
        self.project = project
        self.title_text = title

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="reading-box"):
            yield Static(reading_text(self.project, self.rows, self.cut, self.labels), id="reading-text")

    def on_mount(self) -> None:
        box = self.query_one("#reading-box")
        box.border_title = Text(visible(self.title_text, one_line=True))  # map text, not markup
        box.border_subtitle = "\u2191\u2193 PgUp PgDn scroll \u00b7 Esc closes"
        box.focus()

    def action_scroll(self, way: str) -> None:
        box = self.query_one("#reading-box", VerticalScroll)
        (box.scroll_down if way == "down" else box.scroll_up)(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)

"""The topics screen: a stance matrix of articles and speakers by topic.

Rows are the articles, then every speaker across articles, then the
positions one speaker ascribes to another (apart: they are not the
holder's own); columns are the cross-article topics.  The line below the
matrix says what a cell is made of and what qualifies it (a condition, a
scope, a date, a hedge, an adoption).  Each cell is a position (for, against, mixed,
neutral) with the nodes it comes from: Enter jumps to the node, or offers
a choice when there are several.
"""

from __future__ import annotations

import textwrap
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from ..model import Project, Ref
from ..palette import KIND_COLOURS, STANCE_COLOURS
from ..visible import visible
from .commentary import force_phrase
from .footer import KeysFooter
from .messages import ChoiceRequested, JumpRequested
from .stances import Cell, MatrixRow, StanceMatrix, stance_matrix
from .rowtext import FORCE_STYLE

if TYPE_CHECKING:
    from .app import ArgmapApp

__all__ = ["TopicsScreen", "PickNodeScreen"]

# Sized so that the bundled maps' nine topics and every row fit 120 columns:
# long labels take two lines, long topic ids are cut (named whole above).
LABEL_WIDTH = 23
LABEL_LINES = 2
HEADER_WIDTH = 8
# Titles, names and questions come from strangers: terminal controls shown, on one line.
_line = partial(visible, one_line=True)


class PickNodeScreen(ModalScreen[Ref | None]):
    """Choose one of several nodes (a cell that several nodes make up)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Close")]

    def __init__(self, project: Project, title: str, refs: list[Ref]) -> None:
        super().__init__()
        self.project = project
        self.title_text = title
        self.refs = refs

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-box"):
            options = []
            for ref in self.refs:
                node = self.project.node(ref)
                if node is None:
                    continue
                text = Text()
                stance = ""
                text.append(node.kind.value, Style(color=KIND_COLOURS[node.kind], italic=True))
                for value in node.stances.values():
                    stance = value.value
                force = force_phrase(self.project, node)
                if force:
                    text.append(f" [{_line(force)}]", FORCE_STYLE)
                text.append(" " + _line(node.text))
                text.append(f"\n  {_line(ref)}", "dim")
                if stance:
                    text.append(f"  {stance}", Style(color=STANCE_COLOURS[stance]))
                options.append(Option(text))
            yield OptionList(*options, id="pick-list")

    def on_mount(self) -> None:
        box = self.query_one("#pick-box")
        box.border_title = Text(_line(self.title_text))  # map text, not markup
        box.border_subtitle = "Enter jumps \u00b7 Esc closes"
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.refs[event.option_index])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class TopicsScreen(Screen):
    """Every article's and speaker's position on every topic, side by side."""

    app: ArgmapApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Browser"),
        Binding("enter", "jump", "Jump to node"),
        Binding("j", "cursor(1, 0)", "Down", show=False),
        Binding("k", "cursor(-1, 0)", "Up", show=False),
        Binding("l", "cursor(0, 1)", "Right", show=False),
        Binding("h", "cursor(0, -1)", "Left", show=False),
    ]

    def __init__(self, project: Project) -> None:
        super().__init__(id="topics")
        self.project = project
        self.matrix: StanceMatrix = stance_matrix(project)

    def compose(self) -> ComposeResult:
        yield Static("", id="topic-question")
        yield DataTable(id="matrix", cursor_type="cell", zebra_stripes=False)
        yield Static("", id="cell-detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.table.border_title = "Topics: positions by article and speaker"
        self._fill()
        self.table.focus()

    def set_project(self, project: Project) -> None:
        """Show a reloaded project, keeping the cursor where it was."""
        self.project = project
        self.matrix = stance_matrix(project)
        coordinate = self.table.cursor_coordinate
        self.table.clear(columns=True)
        self._fill()
        self.table.cursor_coordinate = coordinate

    def _fill(self) -> None:
        table = self.table
        for topic in self.matrix.topics:
            table.add_column(_header(topic), key=topic)
        for row in self.matrix.rows:
            label = _row_label(row)
            table.add_row(*(_cell_text(row.cells.get(t)) for t in self.matrix.topics),
                          key=f"{row.kind}:{row.key}", label=label, height=len(label.plain.split("\n")))
        self._describe()

    @property
    def table(self) -> DataTable:
        return self.query_one("#matrix", DataTable)

    def cell_at(self, row: int, column: int) -> tuple[MatrixRow, str, Cell | None]:
        matrix_row = self.matrix.rows[row]
        topic = self.matrix.topics[column]
        return matrix_row, topic, matrix_row.cells.get(topic)

    @on(DataTable.CellHighlighted)
    def _highlighted(self) -> None:
        self._describe()

    def _describe(self) -> None:
        if not self.matrix.topics or not self.matrix.rows:
            self.query_one("#topic-question", Static).update("No topics: add maps/topics.yaml and stances.")
            return
        coordinate = self.table.cursor_coordinate
        row, topic, cell = self.cell_at(coordinate.row, coordinate.column)
        question = self.matrix.questions.get(topic) or "(not in the topics file)"
        self.query_one("#topic-question", Static).update(
            Text.assemble((_line(topic), "bold"), ": ", _line(question)))
        detail = Text()
        detail.append(_line(row.label), "bold")
        if cell is None or cell.stance is None:
            detail.append(" takes no position on this topic", "dim")
        else:
            detail.append(" is ")
            detail.append(cell.stance, Style(color=STANCE_COLOURS[cell.stance], bold=True))
            if cell.held:  # the article's voices differ: who holds what
                detail.append(": " + "; ".join(f"{position}: {', '.join(_line(v) for v in voices)}"
                                               for position, voices in cell.held.items()))
            counts = {s.value: cell.stances.count(s) for s in dict.fromkeys(cell.stances)}
            detail.append("  (" + ", ".join(f"{n} {s}" for s, n in counts.items()) + ")", "dim")
            detail.append("  \u00b7 Enter jumps to " + ("the node" if len(cell.refs) == 1 else
                                                         f"one of {len(cell.refs)} nodes"), "dim")
        if row.kind == "ascribed":
            detail.append("\nascribed: what another speaker says they hold, not their own stance", "italic")
        notes = row.notes.get(topic, ())
        if notes:
            detail.append("\nqualified: ", "dim")
            detail.append(" \u00b7 ".join(_line(n) for n in notes), "italic")
        self.query_one("#cell-detail", Static).update(detail)

    def action_cursor(self, rows: int, columns: int) -> None:
        table = self.table
        coordinate = table.cursor_coordinate
        table.cursor_coordinate = coordinate._replace(
            row=max(0, min(table.row_count - 1, coordinate.row + rows)),
            column=max(0, min(len(table.columns) - 1, coordinate.column + columns)))

    @on(DataTable.CellSelected)
    def _selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_jump()

    def action_jump(self) -> None:
        if not self.matrix.topics or not self.matrix.rows:
            return
        coordinate = self.table.cursor_coordinate
        row, topic, cell = self.cell_at(coordinate.row, coordinate.column)
        if cell is None or not cell.refs:
            self.app.notify(f"{row.label} has no stance on {topic}", timeout=2, markup=False)
            return
        if len(cell.refs) == 1:
            self.post_message(JumpRequested(cell.refs[0]))
            return
        self.post_message(ChoiceRequested(f"{row.label} on {topic}", list(cell.refs)))

    def action_close(self) -> None:
        self.dismiss()


def _row_label(row: MatrixRow) -> Text:
    """The row's label on up to two lines of LABEL_WIDTH (the line below the matrix has it whole)."""
    label = _line(row.label)
    if row.kind == "article":
        return Text("\n".join(_wrap(label, LABEL_WIDTH)), "bold")
    if row.kind == "ascribed":  # "Labour, as ascribed by Heath": apart from Labour's own row
        holder, sep, teller = label.rpartition(", as ascribed by ")
        if sep:  # the holder on one line, who ascribes it on the next, so both show
            lines = [holder, f"ascribed by {teller}"]
            width = LABEL_WIDTH - 2
            return Text("\n".join("  " + (line if len(line) <= width else line[:width - 1] + "\u2026")
                                   for line in lines), "italic")
        return Text("\n".join("  " + line for line in _wrap(label, LABEL_WIDTH - 2)), "italic")
    return Text("\n".join("  " + line for line in _wrap(label, LABEL_WIDTH - 2)))


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, max_lines=LABEL_LINES, placeholder=" \u2026") or [""]


def _header(topic: str) -> Text:
    """A topic's column header, cut to HEADER_WIDTH (the line above the matrix names it whole)."""
    shown = _line(topic)
    if len(shown) > HEADER_WIDTH:
        shown = shown[:HEADER_WIDTH - 1] + "\u2026"
    return Text(shown)  # a Text: a str label is markup


def _cell_text(cell: Cell | None) -> Text:
    if cell is None or cell.stance is None:
        return Text("\u00b7", "dim", justify="center")
    text = Text(cell.stance, Style(color=STANCE_COLOURS[cell.stance], bold=True))
    if len(cell.refs) > 1:
        text.append(f" {len(cell.refs)}", "dim")
    return text

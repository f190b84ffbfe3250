"""Ask where to write an exported diagram, and in which format (never over an existing file).

The dialog offers SVG, PNG and PDF; choosing one rewrites the file name's
extension, and typing a name with one of those extensions picks that
format, as ``argmap export -o`` does.  The path is free text and is
returned absolute, so the report after writing names the file exactly.
"""

from __future__ import annotations

import os
from typing import ClassVar, NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, Static

from ..export.naming import format_of
from ..visible import visible
from .exporting import FORMATS

__all__ = ["ExportScreen", "ExportChoice"]


class ExportChoice(NamedTuple):
    """Where to write, and whether to draw each node's state in the debate (``--labels``)."""

    path: str
    states: bool = False


def _with_format(path: str, fmt: str) -> str:
    """*path* with its diagram extension (if any) replaced by *fmt*'s."""
    current = format_of(path)
    if current in FORMATS:
        path = path[: -len(current) - 1]
    return f"{path}.{fmt}"


class ExportScreen(ModalScreen[ExportChoice | None]):
    """A file name and format prompt; refuses names that exist, since exports never overwrite.

    Diagrams draw no states unless asked, as ``argmap export`` draws them
    only with ``--labels``: the box below the formats asks.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    #export-format { layout: horizontal; height: auto; border: none; padding: 0; }
    """

    def __init__(self, what: str, default: str) -> None:
        super().__init__()
        self.what = what
        self.default = default

    def compose(self) -> ComposeResult:
        chosen = format_of(self.default) if format_of(self.default) in FORMATS else "svg"
        with Vertical(id="export-box"):
            # The map's title is text, not markup, and its controls are shown.
            yield Static(Text(f"Draw {visible(self.what, one_line=True)} to:"), id="export-what")
            yield Input(self.default, id="export-path")
            with RadioSet(id="export-format"):
                for fmt in FORMATS:
                    yield RadioButton(fmt.upper(), value=fmt == chosen, id=f"export-{fmt}")
            yield Checkbox("draw each node's state in the debate", value=False,
                           id="export-states")
            yield Static("Enter writes \u00b7 Tab picks the format and the states \u00b7 Esc cancels",
                         id="export-status")

    def on_mount(self) -> None:
        self.query_one("#export-box").border_title = "Export diagram"
        self.query_one(Input).focus()

    @on(RadioSet.Changed)
    def _format_chosen(self, event: RadioSet.Changed) -> None:
        field = self.query_one("#export-path", Input)
        fmt = FORMATS[event.index]
        if format_of(field.value) != fmt:
            field.value = _with_format(field.value.strip(), fmt)

    @on(Input.Changed, "#export-path")
    def _name_typed(self, event: Input.Changed) -> None:
        fmt = format_of(event.value.strip())
        if fmt in FORMATS:
            button = self.query_one(f"#export-{fmt}", RadioButton)
            if not button.value:
                button.value = True   # the RadioSet releases the others (the name already fits)

    def _chosen_format(self) -> str:
        for fmt in FORMATS:
            if self.query_one(f"#export-{fmt}", RadioButton).value:
                return fmt
        return "svg"

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        path = event.value.strip()
        status = self.query_one("#export-status", Static)
        if not path:
            status.update("Give a file name.")
            return
        path = os.path.abspath(os.path.expanduser(path))
        named = format_of(path)
        if named is None:   # no extension: the chosen format's
            path = f"{path}.{self._chosen_format()}"
        elif named not in FORMATS:
            status.update(Text(f"The explorer draws SVG, PNG or PDF, not {named.upper()}; "
                               "use argmap export for the other formats."))
            return
        if os.path.lexists(path):
            status.update(Text(f"{visible(path, one_line=True)} exists; exports never overwrite. "
                               "Choose another name."))
            return
        self.dismiss(ExportChoice(path, self.query_one("#export-states", Checkbox).value))

    def action_cancel(self) -> None:
        self.dismiss(None)

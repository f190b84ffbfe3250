"""Ask where to write an exported SVG (never over an existing file)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..visible import visible

__all__ = ["ExportScreen"]


class ExportScreen(ModalScreen[str | None]):
    """A file name prompt; refuses names that exist, since exports never overwrite."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, what: str, default: str) -> None:
        super().__init__()
        self.what = what
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            # The map's title is text, not markup, and its controls are shown.
            yield Static(Text(f"Draw {visible(self.what, one_line=True)} as SVG, to:"), id="export-what")
            yield Input(self.default, id="export-path")
            yield Static("Enter writes \u00b7 Esc cancels", id="export-status")

    def on_mount(self) -> None:
        self.query_one("#export-box").border_title = "Export to SVG"
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        path = event.value.strip()
        status = self.query_one("#export-status", Static)
        if not path:
            status.update("Give a file name.")
        elif Path(path).exists():
            status.update(Text(f"{visible(path, one_line=True)} exists; exports never overwrite. "
                               "Choose another name."))
        else:
            self.dismiss(path if path.endswith(".svg") else path + ".svg")

    def action_cancel(self) -> None:
        self.dismiss(None)

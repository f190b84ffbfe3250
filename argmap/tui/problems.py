"""The problems panel: why the maps on disk do not load, as path:line:col.

Shown only while the latest load has errors; the browser keeps showing the
last version that loaded cleanly.  Enter on a problem opens the editor
there.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..plural import plural
from ..diagnostics import Diagnostic
from ..visible import visible
from .messages import EditRequested

__all__ = ["ProblemsPanel"]


class ProblemsPanel(OptionList):
    """A list of diagnostics; selecting one asks to edit its file at its line."""

    EditRequested = EditRequested  # the app opens the editor there

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.problems: list[Diagnostic] = []

    def show(self, problems: Sequence[Diagnostic], stale: bool) -> None:
        """List *problems*; *stale* says the browser shows an older, good version."""
        self.problems = list(problems)
        self.display = bool(self.problems)
        n = len(self.problems)
        self.border_title = f"{plural(n, 'problem')} in the maps on disk"
        self.border_subtitle = ("showing the last version that loaded \u00b7 fix and save to reload"
                                if stale else "fix and save to reload")
        options = []
        for diagnostic in self.problems:
            text = Text()
            # Paths and messages quote the maps, which come from strangers.
            text.append(visible(diagnostic.location or "?", one_line=True), "bold")
            text.append(f": {diagnostic.severity}[{diagnostic.code}]: ", "red" if diagnostic.is_error else "yellow")
            text.append(visible(diagnostic.message))
            if diagnostic.hint:
                text.append(f"\n    hint: {visible(diagnostic.hint)}", "dim")
            options.append(Option(text))
        self.set_options(options)
        if options:
            self.highlighted = 0  # so Enter works as soon as the panel has focus

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        diagnostic = self.problems[event.option_index]
        path = diagnostic.pos.path if diagnostic.pos else diagnostic.path
        if path:
            self.post_message(self.EditRequested(path, diagnostic.pos.line if diagnostic.pos else 1))

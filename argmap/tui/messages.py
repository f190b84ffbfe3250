"""Messages the explorer's screens and panes post for the app to carry out."""

from __future__ import annotations

from textual.message import Message

__all__ = ["EditRequested"]


class EditRequested(Message):
    """Open *path* in the user's editor at *line* (the app suspends itself to run it)."""

    def __init__(self, path: str, line: int) -> None:
        super().__init__()
        self.path = path
        self.line = line

"""Messages the explorer's screens and panes post for the app to carry out.

Screens show what the app holds and report what the user chose; the app
owns what spans screens (jumps and history, editing, export, reloads).
"""

from __future__ import annotations

from textual.message import Message

from ..model import Ref

__all__ = ["EditRequested", "JumpRequested", "ChoiceRequested", "ExportRequested"]


class EditRequested(Message):
    """Open *path* in the user's editor at *line* (the app suspends itself to run it)."""

    def __init__(self, path: str, line: int) -> None:
        super().__init__()
        self.path = path
        self.line = line


class JumpRequested(Message):
    """Go to *ref* in the browser, from wherever the user is, recording history."""

    def __init__(self, ref: Ref) -> None:
        super().__init__()
        self.ref = ref


class ChoiceRequested(Message):
    """Let the user pick one of *refs* (titled *title*), then go to it."""

    def __init__(self, title: str, refs: list[Ref]) -> None:
        super().__init__()
        self.title = title
        self.refs = refs


class ExportRequested(Message):
    """Draw map *map_id* (or *ref* and what lies below it) to SVG, PNG or PDF, asking for a file name."""

    def __init__(self, map_id: str, ref: Ref | None) -> None:
        super().__init__()
        self.map_id = map_id
        self.ref = ref

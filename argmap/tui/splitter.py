"""The bar between the tree and the side panes: drag it to share the width.

The bar only reports where the pointer is (as a percentage of its
container's width); the browser applies it and the app remembers it.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widget import Widget

__all__ = ["Splitter"]


class Splitter(Widget):
    """A one-column bar; press and drag it left or right."""

    DEFAULT_CSS = """
    Splitter {
        width: 1;
        height: 1fr;
        background: $surface;
        color: $text-muted;
    }
    Splitter:hover, Splitter.-dragging {
        background: $accent 40%;
    }
    """

    class Dragged(Message):
        """The bar was dragged to *percent* of the width; *done* once the button is released."""

        def __init__(self, percent: int, done: bool) -> None:
            super().__init__()
            self.percent = percent
            self.done = done

    def render(self) -> str:
        # Blank but for a grip half-way down, so the bar reads as something to drag.
        height = self.size.height
        return "\n".join("\u22ee" if y == height // 2 else " " for y in range(height))

    def _percent(self, event: events.MouseEvent) -> int:
        parent = self.parent
        region = parent.region if isinstance(parent, Widget) else self.screen.region
        return round((event.screen_x - region.x) * 100 / max(1, region.width))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self.capture_mouse()
        self.add_class("-dragging")
        event.stop()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self.has_class("-dragging"):
            self.post_message(self.Dragged(self._percent(event), done=False))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self.has_class("-dragging"):
            self.release_mouse()
            self.remove_class("-dragging")
            self.post_message(self.Dragged(self._percent(event), done=True))

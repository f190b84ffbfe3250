"""Source view: the article, with the node's quote highlighted in place.

The seed is wrapped to the view's width once (per map and width) into line
offsets, and only visible lines are ever styled, so a megabyte seed scrolls
as freely as a short one.  Passages quoted by any node are faint; the
current node's quotes are highlighted; unmapped text keeps the normal
colour, so it stands out.  Each part of a seed (a column pasted into a
comment) starts on a heading line.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..model import ArgMap, Node
from ..visible import has_controls, visible

__all__ = ["SourceView", "wrap_offsets", "merge_spans"]

Span = tuple[int, int]
_NEWLINE = re.compile("\n")


def merge_spans(spans: list[Span]) -> list[Span]:
    """Sorted, non-overlapping spans covering the same characters."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def wrap_offsets(text: str, width: int, breaks: list[int] = ()) -> list[Span]:
    """Greedy word wrap of *text* to *width* cells, as (start, end) offsets.

    Lines end at newlines and before each offset in *breaks*; words longer
    than the width are cut.  One character is taken as one cell (seeds are
    prose; a rare wide character only shortens its line's margin), but a
    terminal control takes the cells of its visible escape (``\\x1b`` is
    four), so a line of them is wrapped, not cut off.
    """
    width = max(8, width)
    # Cells before each offset, only for a seed that holds controls (rare; the memory is per character).
    cells = list(accumulate((len(visible(c)) for c in text), initial=0)) if has_controls(text) else None
    ends = sorted({m.start() for m in _NEWLINE.finditer(text)} | set(breaks) | {len(text)})
    lines: list[Span] = []
    start = 0
    for end in ends:
        stop = end
        pos = start
        if pos >= stop:
            if end < len(text) and text[end] == "\n":
                lines.append((pos, pos))
        while pos < stop:
            # The furthest offset whose text from pos fits the width.
            limit = pos + width if cells is None else max(pos + 1, bisect_right(cells, cells[pos] + width) - 1)
            if stop <= limit:
                lines.append((pos, stop))
                break
            cut = text.rfind(" ", pos, limit + 1)
            if cut <= pos:
                lines.append((pos, limit))
                pos = limit
            else:
                lines.append((pos, cut))
                pos = cut + 1
        start = end + 1 if end < len(text) and text[end] == "\n" else end
    return lines


class SourceView(ScrollView, can_focus=True):
    """The seed text of a map, wrapped, with mapped passages marked."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"source--current", "source--mapped", "source--part"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("n", "next_quote", "Next quote"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._map: ArgMap | None = None
        self._text = ""
        self._mapped: list[Span] = []
        self._mapped_starts: list[int] = []
        self._current: list[Span] = []
        self._lines: list[tuple[int, int, str | None]] = []  # (start, end, heading or None)
        self._line_starts: list[int] = []
        self._wrapped_for: tuple[str, int] | None = None
        self._cache: dict[int, Strip] = {}
        self._quote_index = 0

    # -- content --------------------------------------------------------------------------------

    def show(self, argmap: ArgMap | None, node: Node | None) -> None:
        """Show *argmap*'s seed with *node*'s quotes highlighted and scrolled into view."""
        same_map = argmap is self._map
        if not same_map:
            self._map = argmap
            self._text = (argmap.seed_text or "") if argmap is not None else ""
            spans = [q.span for n in argmap.nodes.values() for q in n.quotes if q.span] if argmap else []
            self._mapped = merge_spans(spans)
            self._mapped_starts = [s for s, _ in self._mapped]
            self._wrapped_for = None
        before = self._current
        self._current = sorted(q.span for q in node.quotes if q.span) if node is not None else []
        self._quote_index = 0
        if argmap is not None:
            # Set only when they change: a new title repaints the whole pane.
            if not same_map:
                self.border_title = Text(visible(argmap.source.seed, one_line=True))  # a name, not markup
            found = len(self._current)
            total = len(node.quotes) if node is not None else 0
            subtitle = f"{found} of {total} quotes found" if node is not None and found < total else ""
            if subtitle != self.border_subtitle:
                self.border_subtitle = subtitle
        wrapped = self._wrapped_for
        self._rewrap()
        if same_map and wrapped is not None and wrapped == self._wrapped_for:
            # Another node of the same article: only the lines of the old and the
            # new quotes change.  The other lines keep their strips, so a cursor
            # move repaints a few lines (or, when it scrolls, reuses the rest).
            self._repaint_lines(before + self._current)
        else:
            self._cache.clear()
            self.refresh()
        self.scroll_to_quote()
        if not self.size.height or not self.window_region.height:
            # Not laid out yet (just shown): scroll again once it is.  Not on
            # every move: a second scroll costs a second frame of the screen.
            self.call_after_refresh(self.scroll_to_quote)

    def _repaint_lines(self, spans: list[Span]) -> None:
        """Render again the wrapped lines that *spans* touch, and only those."""
        top, height, width = self.scroll_offset.y, self.size.height, self.size.width
        for start, end in spans:
            for index in range(self.line_of(start), self.line_of(max(start, end - 1)) + 1):
                self._cache.pop(index, None)
                if top <= index < top + height:
                    self.refresh(Region(0, index - top, width, 1))

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width or self.size.width
        key = (id(self._map), width)
        if self._wrapped_for == key or width <= 0:
            return
        self._wrapped_for = key
        self._lines = []
        if self._map is None:
            pass
        elif self._map.seed_text is None:
            self._lines = [(0, 0, "The seed text of this map could not be read.")]
        else:
            parts = [p for p in self._map.source.parts if p.span is not None]
            headings = {p.span[0]: p for p in parts}
            for start, end in wrap_offsets(self._text, width, sorted(headings)):
                part = headings.pop(start, None)
                if part is not None:
                    who = ", ".join(b for b in (part.outlet, part.author, part.date) if b)
                    heading = f"\u2500\u2500 {part.id}: {part.genre.value}" + (f", {who}" if who else "") + " "
                    self._lines.append((start, start, visible(heading, one_line=True)))
                self._lines.append((start, end, None))
        self._line_starts = [s for s, _, _ in self._lines]
        self.virtual_size = Size(width, len(self._lines))
        self._cache.clear()

    def on_resize(self) -> None:
        self._rewrap()
        self.call_after_refresh(self.scroll_to_quote)

    def line_of(self, offset: int) -> int:
        """The wrapped line holding character *offset*."""
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def scroll_to_quote(self, index: int = 0) -> None:
        """Bring quote *index* into view, a third of the way down, unless it is in view already.

        Leaving the view where it is when the quote shows keeps the text
        still as the cursor walks through nearby nodes, and spares the pane
        (and its scrollbar) a repaint on such a move.
        """
        if not self._current:
            return
        start, end = self._current[index % len(self._current)]
        first, last = self.line_of(start), self.line_of(max(start, end - 1))
        top, height = int(self.scroll_offset.y), self.size.height
        if height and top < first and min(last, first + height // 2) < top + height - 1:
            return  # in view, below the top line and above the bottom one
        # force: right after the view is shown its scrollbars are not yet known.
        self.scroll_to(y=max(0, first - max(1, height // 3)), animate=False, immediate=True, force=True)

    def action_next_quote(self) -> None:
        self._quote_index += 1
        self.scroll_to_quote(self._quote_index)

    @property
    def current_lines(self) -> list[int]:
        """Wrapped lines that hold the current quotes (tests use it)."""
        return [self.line_of(s) for s, _ in self._current]

    # -- rendering ------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = y + scroll_y
        width = self.size.width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._cache.get(index)
        if strip is None:
            strip = self._cache[index] = self._render(index, base)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _render(self, index: int, base: Style) -> Strip:
        start, end, heading = self._lines[index]
        if heading is not None:
            return Strip([Segment(heading, base + self.get_component_rich_style("source--part"))])
        mapped = self.get_component_rich_style("source--mapped")
        current = self.get_component_rich_style("source--current")
        # Cut the line where a mapped or current span begins or ends.
        marks = {start, end}
        first = max(0, bisect_left(self._mapped_starts, start) - 1)
        for s, e in self._mapped[first:]:
            if s >= end:
                break
            marks.update((min(max(s, start), end), min(max(e, start), end)))
        for s, e in self._current:
            marks.update((min(max(s, start), end), min(max(e, start), end)))
        cuts = sorted(marks)
        segments: list[Segment] = []
        for a, b in zip(cuts, cuts[1:]):
            if a >= b:
                continue
            style = base
            if self._inside(self._current, a):
                style = base + current
            elif self._inside_mapped(a):
                style = base + mapped
            piece = self._text[a:b].replace("\t", " ")
            if b == end and piece.endswith("\r") and self._text.startswith("\n", end):
                piece = piece[:-1]  # a Windows line end is not a control to show
            # Seed text comes from strangers: its terminal controls are shown, never sent.
            segments.append(Segment(visible(piece), style))
        return Strip(segments)

    def _inside_mapped(self, offset: int) -> bool:
        i = bisect_right(self._mapped_starts, offset) - 1
        return i >= 0 and self._mapped[i][0] <= offset < self._mapped[i][1]

    @staticmethod
    def _inside(spans: list[Span], offset: int) -> bool:
        return any(s <= offset < e for s, e in spans)

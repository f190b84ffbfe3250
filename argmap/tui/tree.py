"""The browser's one tree: maps at the top, each map's argument below, lazily.

Children are added only when a row is expanded (as Textual's DirectoryTree
does), so opening a 10,000-node map adds its roots and nothing else.  The
structure itself (which row is a node's full place, which a link) comes from
:class:`~argmap.tui.argtree.Outline`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual._segment_tools import line_pad
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ..diagnostics import Diagnostic
from ..model import Project, Ref
from .argtree import Outline, Row
from .rowtext import broken_label, row_label

__all__ = ["ArgTree"]

class ArgTree(Tree[Row]):
    """Maps and their argument trees; rows are populated on first expansion."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("right,l", "expand_or_down", "Expand", show=False),
        Binding("left,h", "collapse_or_up", "Collapse / parent", show=False),
        Binding("home", "scroll_home", "First", show=False),
        Binding("end", "scroll_end", "Last", show=False),
        Binding("enter", "select_cursor", "Open", show=True),
        Binding("E", "expand_subtree", "Open all", show=True),
    ]

    class LinkSelected(Message):
        """The user chose a link row: go to its node's full place."""

        def __init__(self, ref: Ref) -> None:
            super().__init__()
            self.ref = ref

    def __init__(self, *, id: str | None = None) -> None:
        # Set before Tree.__init__, which may already measure labels.
        self.project: Project | None = None
        self._outlines: dict[str, Outline] = {}
        self._populated: set[int] = set()
        self._depth: dict[int, int] = {}
        self._content_width = 80
        self._widths: dict[int, int] = {}
        self._batching = self._batched = False
        self._hidden: set[str] = set()  # maps loaded for context, not listed (yet)
        super().__init__("maps", id=id)
        # Enter opens a row in its own handler, not in a NodeSelected handler
        # later: a Down typed right after must find the new rows already there.
        self.auto_expand = False
        self.show_root = False
        self.guide_depth = 3

    # -- data -----------------------------------------------------------------------------------

    def set_project(self, project: Project, outlines: dict[str, Outline] | None = None,
                    broken: Mapping[str, Sequence[Diagnostic]] | None = None,
                    shown: set[str] | None = None) -> None:
        """Show *project*: one collapsed row per map (the caller restores state).

        Each file of *broken* (path: its errors) gets a row after the maps,
        saying why it did not load.  Only the maps in *shown* get a row at
        first (all if ``None``); another gets one when a link leads to it.
        """
        self.project = project
        self._outlines = dict(outlines or {})
        self._populated.clear()
        self._depth.clear()
        self.clear()
        self._hidden = {m for m in project.maps if shown is not None and m not in shown}
        for map_id in project.maps:
            if map_id not in self._hidden:
                self._add_map(map_id)
        for path, problems in (broken or {}).items():
            node = self.root.add_leaf(broken_label(path, problems), Row("broken", path))
            self._depth[node.id] = 0

    def outline(self, map_id: str) -> Outline:
        if map_id not in self._outlines:
            self._outlines[map_id] = Outline(self.project, map_id)
        return self._outlines[map_id]

    def populate(self, node: TreeNode[Row]) -> None:
        """Add *node*'s children, once."""
        row = node.data
        if row is None or node.id in self._populated or self.project is None:
            return
        self._populated.add(node.id)
        outline = self.outline(row.map_id)
        depth = self._depth.get(node.id, 0) + 1
        with self._batch():
            for child in outline.children(row):
                expandable = outline.has_children(child)
                added = node.add(row_label(self.project, child), child, allow_expand=expandable)
                self._depth[added.id] = depth

    @contextmanager
    def _batch(self) -> Iterator[None]:
        """Invalidate once for many additions (Tree invalidates on every add)."""
        if self._batching:
            yield
            return
        self._batching, self._batched = True, False
        try:
            yield
        finally:
            self._batching = False
            if self._batched:
                super()._invalidate()

    def _invalidate(self) -> None:
        if self._batching:
            self._batched = True
        else:
            super()._invalidate()

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Row]) -> None:
        # Mouse clicks and Tree's own bindings expand without asking us first.
        if event.node.id not in self._populated:
            self.populate(event.node)
        # Nobody above needs it, and a reveal 100 levels deep posts 100 of them.
        event.stop()

    def expand(self, node: TreeNode[Row]) -> None:
        self.populate(node)
        node.expand()

    # -- finding rows ---------------------------------------------------------------------------

    def _add_map(self, map_id: str) -> TreeNode[Row]:
        row = Row("map", map_id)
        node = self.root.add(row_label(self.project, row), row)
        self._depth[node.id] = 0
        return node

    def map_node(self, map_id: str) -> TreeNode[Row] | None:
        for child in self.root.children:
            if child.data and child.data.kind == "map" and child.data.map_id == map_id:
                return child
        if map_id in self._hidden:  # a map loaded for context, reached by a link: list it now
            self._hidden.discard(map_id)
            return self._add_map(map_id)
        return None

    def find_path(self, map_id: str, keys: Iterable[tuple]) -> TreeNode[Row] | None:
        """Expand down the rows named by *keys* under *map_id*; return the last."""
        node = self.map_node(map_id)
        with self._batch():
            for key in keys:
                if node is None:
                    return None
                self.expand(node)
                # _children, not children: the public view is rebuilt on every access.
                node = next((c for c in node._children if c.data and c.data.key == key), None)
        return node

    def reveal(self, ref: Ref) -> TreeNode[Row] | None:
        """Expand the way to *ref*'s full row and put the cursor on it."""
        if self.project is None or ref.map_id not in self.project.maps or self.project.node(ref) is None:
            return None
        node = self.find_path(ref.map_id, self.outline(ref.map_id).path_to(ref))
        if node is not None:
            self.select(node)
        return node

    def reveal_path(self, map_id: str, keys: tuple[tuple, ...]) -> TreeNode[Row] | None:
        """Put the cursor on the row at *keys* under *map_id* (as from :meth:`cursor_path`).

        If that row is gone (a reload changed the map), fall back to the
        node it showed, then to the map.
        """
        node = self.find_path(map_id, keys)
        if node is None and keys:
            ref = Ref.parse(keys[-1][1], map_id) if keys[-1][0] != "group" else None
            node = self.reveal(ref) if ref is not None else None
            return node if node is not None else self.reveal_map(map_id)
        if node is not None:
            self.select(node)
        return node

    def reveal_map(self, map_id: str) -> TreeNode[Row] | None:
        node = self.map_node(map_id)
        if node is not None:
            self.select(node)
        return node

    def select(self, node: TreeNode[Row]) -> None:
        """Move the cursor to *node* (lines are rebuilt first so its line is known)."""
        _ = self.last_line  # rebuilds the line index after expansions
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)

    @property
    def cursor_row(self) -> Row | None:
        node = self.cursor_node
        return node.data if node is not None else None

    def expanded_paths(self) -> list[tuple[str, tuple[tuple, ...]]]:
        """Every expanded row as (map id, row keys below the map): to restore after a reload."""
        out: list[tuple[str, tuple[tuple, ...]]] = []

        def walk(node: TreeNode[Row], map_id: str, keys: tuple[tuple, ...]) -> None:
            for child in node.children:
                if child.is_expanded and child.data is not None:
                    path = (*keys, child.data.key)
                    out.append((map_id, path))
                    walk(child, map_id, path)

        for map_node in self.root.children:
            if map_node.is_expanded and map_node.data is not None:
                out.append((map_node.data.map_id, ()))
                walk(map_node, map_node.data.map_id, ())
        return out

    def cursor_path(self) -> tuple[str, tuple[tuple, ...]] | None:
        """The cursor's row as (map id, row keys below the map)."""
        node = self.cursor_node
        keys: list[tuple] = []
        while node is not None and node.data is not None and node.data.kind != "map":
            keys.append(node.data.key)
            node = node.parent
        if node is None or node.data is None:
            return None
        return node.data.map_id, tuple(reversed(keys))

    def restore(self, expanded: list[tuple[str, tuple[tuple, ...]]],
                cursor: tuple[str, tuple[tuple, ...]] | None) -> None:
        """Re-expand *expanded* rows that still exist and put the cursor back."""
        for map_id, keys in expanded:
            node = self.find_path(map_id, keys)
            if node is not None:
                self.expand(node)
        if cursor is not None:
            map_id, keys = cursor
            node = self.find_path(map_id, keys[:-1]) if keys else self.map_node(map_id)
            if node is not None and keys:
                node = next((c for c in node.children if c.data and c.data.key == keys[-1]), node)
            if node is not None:
                self.select(node)

    # -- drawing --------------------------------------------------------------------------------
    #
    # Tree draws one guide per level, so a row 130 levels down (synthetic maps
    # are that deep) costs 130 styled pieces and its label starts far off
    # screen.  Here guides take at most half the width: deeper rows show their
    # depth ("┆131 ") and the last few levels, so every label stays in view and
    # a line costs the same at any depth.

    def _build(self) -> None:
        # Measured once per rebuild: asking the region for every line is slow.
        width = self.scrollable_content_region.width
        if width != self._content_width:
            self._content_width = width
            self._widths.clear()
        super()._build()

    def _slots(self, depth: int) -> tuple[int, int]:
        """(guide slots drawn, slots folded into the depth marker) for a row *depth* levels down."""
        room = max(2, (self._content_width // 2) // max(1, self.guide_depth))
        if depth <= room:
            return depth, 0
        return room - 1, depth - (room - 1)

    def _guide_width(self, depth: int) -> int:
        shown, hidden = self._slots(depth)
        return shown * self.guide_depth + (len(f"\u2506{depth} ") if hidden else 0)

    def _available(self, node: TreeNode[Row]) -> int:
        # Width left for the label after the guides (at least 16 cells).
        guides = self._guide_width(self._depth.get(node.id, 0))
        return max(16, self._content_width - guides - 1)

    def render_label(self, node: TreeNode[Row], base_style: Style, style: Style) -> Text:
        text = super().render_label(node, base_style, style)
        width = self._available(node)
        if text.cell_len > width:
            text.truncate(width, overflow="ellipsis")
        return text

    def get_label_width(self, node: TreeNode[Row]) -> int:
        # Tree adds one guide per level to this and takes the widest line as
        # the virtual width.  Labels are cut to the room left, so answer that
        # room (less what folded levels save): the virtual width is then the
        # view's, nothing scrolls sideways, and no label is measured.  Tree
        # asks for every line on every rebuild, hence the cache per depth.
        depth = self._depth.get(node.id, 0)
        width = self._widths.get(depth)
        if width is None:
            saved = depth * self.guide_depth - self._guide_width(depth)
            width = self._widths[depth] = max(16, self._content_width - self._guide_width(depth) - 1) - saved
        return width

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        lines = self._tree_lines
        width = self.size.width
        if y >= len(lines):
            return Strip.blank(width, base_style)
        line = lines[y]
        node = line.node
        hover, cursor = self.hover_line == y, self.cursor_line == y
        key = (y, hover, cursor, width, self._updates, self._pseudo_class_state, node._updates, "argmap")
        strip = self._line_cache.get(key)
        if strip is None:
            strip = self._line_cache[key] = self._draw_line(line, y, width, base_style, hover, cursor)
        return strip.crop(x1, x2)

    def _refresh_node(self, node: TreeNode[Row]) -> None:
        # Tree repaints a node's whole visible subtree when the cursor or the
        # mouse enters or leaves it, to highlight the subtree's guides.  Here
        # only the cursor's own line looks different (_draw_line), so only
        # that line is repainted: a move on an open map row repaints two
        # lines, not the map.
        line = node._line
        if line >= 0:
            self._refresh_line(line)

    def _draw_line(self, line, y: int, width: int, base_style: Style, hover: bool, cursor: bool) -> Strip:
        line_style = base_style
        if hover:
            line_style = base_style + self.get_component_rich_style("tree--highlight-line")
        line_style += Style(meta={"line": y})
        guide_style = line_style + self.get_component_rich_style("tree--guides", partial=True)
        if cursor and self.has_focus:
            guide_style += self.get_component_rich_style("tree--guides-selected", partial=True)
        depth = len(line.path) - 1
        text = Text(style=line_style)
        if depth:
            shown, hidden = self._slots(depth)
            pad = " " * max(0, self.guide_depth - 2)
            bar = "\u2502" + pad + " "
            blank = " " + pad + " "
            ancestors = line.path[1:-1][hidden:] if hidden else line.path[1:-1]
            guides = "".join(blank if n.is_last else bar for n in ancestors)
            end = ("\u2514" if line.last else "\u251c") + "\u2500" * (self.guide_depth - 2) + " "
            if hidden:
                text.append(f"\u2506{depth} ", guide_style + Style(dim=True))
            text.append(guides + end, guide_style)
        label_style = self.get_component_rich_style("tree--label", partial=True)
        if hover:
            label_style += self.get_component_rich_style("tree--highlight", partial=True)
        if cursor:
            label_style += self.get_component_rich_style("tree--cursor", partial=False)
        label = self.render_label(line.node, line_style, label_style)
        label.stylize(Style(meta={"node": line.node._id}))
        text.append_text(label)
        segments = list(text.render(self.app.console))
        pad_width = max(self.virtual_size.width, width)
        return Strip(line_pad(segments, 0, pad_width - text.cell_len, line_style))

    # -- keys -----------------------------------------------------------------------------------

    def action_expand_or_down(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and not node.is_expanded:
            self.expand(node)
        elif node.children:
            self.select(node.children[0])

    def action_collapse_or_up(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.select(node.parent)

    def action_expand_subtree(self, limit: int = 2000) -> None:
        """Expand everything under the cursor (up to *limit* rows, for big maps)."""
        start = self.cursor_node
        if start is None:
            return
        todo, added = [start], 0
        while todo and added < limit:
            node = todo.pop()
            if node.allow_expand:
                self.expand(node)
                added += len(node.children)
                todo.extend(reversed(node.children))

    def action_select_cursor(self) -> None:
        row = self.cursor_row
        if row is not None and row.kind == "link" and row.ref is not None:
            self.post_message(self.LinkSelected(row.ref))
            return
        node = self.cursor_node
        if node is not None and node.allow_expand:
            if node.is_expanded:
                node.collapse()
            else:
                self.expand(node)
        super().action_select_cursor()

    def each_row(self, visit: Callable[[TreeNode[Row]], None]) -> None:
        """Call *visit* on every row added so far (tests and benchmarks use it)."""
        todo = list(self.root.children)
        while todo:
            node = todo.pop()
            visit(node)
            todo.extend(node.children)

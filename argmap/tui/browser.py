"""The browser screen: the tree of maps and arguments, node detail, source.

It reads the project from the app (attributes down) and reports what the
user chose (messages up); jumps, history and reloads live in the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Tree

from ..config import SPLIT_RANGE
from ..model import Ref
from ..plural import plural
from .argtree import Outline, Row
from .detail import NodeDetail
from .footer import KeysFooter
from .messages import EditRequested, ExportRequested, JumpRequested
from .problems import ProblemsPanel
from .splitter import Splitter
from .source import SourceView
from .tree import ArgTree

if TYPE_CHECKING:
    from .app import ArgmapApp

__all__ = ["BrowserScreen"]

DEFAULT_SPLIT = 45  # percent of the width for the tree (app.tcss says the same)
# Room for the detail and the source one above the other.
ROOMY_WIDTH, ROOMY_HEIGHT = 100, 34


class BrowserScreen(Screen):
    """Maps and their argument trees, with the detail and source of the cursor's row."""

    app: ArgmapApp

    # Shown in the footer where they apply (the focused pane adds its own:
    # Enter and E in the tree, Enter in the detail, n in the source), in
    # this order: what a narrow footer has no room for is left out whole
    # (footer.py), so the keys a reader needs most come first.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "read", "Read", tooltip="Read the argument under the cursor, every node whole"),
        Binding("backspace", "app.back", "Back"),
        Binding("alt+left,left_square_bracket", "app.back", "Back", show=False),
        Binding("e", "edit", "Edit"),
        Binding("s", "toggle_source", "Source"),
        Binding("tab", "app.focus_next", "Pane", key_display="Tab"),
        Binding("shift+tab", "app.focus_previous", "Pane back", show=False),
        Binding("right_square_bracket", "app.forward", "Fwd"),
        Binding("alt+right", "app.forward", "Forward", show=False),
        Binding("x", "export", "Export", tooltip="Draw the map under the cursor (SVG, PNG or PDF)"),
        Binding("X", "export_subtree", "Export \u2193",
                tooltip="Draw the argument under the cursor, and what lies below it (SVG, PNG or PDF)"),
        Binding("r", "app.reload", "Reload"),
        Binding("escape", "focus_tree", "Tree", show=False),
        Binding("less_than_sign", "split(-5)", "Narrower tree", show=False),
        Binding("greater_than_sign", "split(5)", "Wider tree", show=False),
    ]

    class SplitChanged(Message):
        """The user set the tree's width to *percent* (for the app to remember)."""

        def __init__(self, percent: int) -> None:
            super().__init__()
            self.percent = percent

    split = DEFAULT_SPLIT  # the tree's share of the width, in percent
    _detail_shown: tuple | None = None
    _side_pending = False
    _source_shown: tuple | None = None

    def compose(self) -> ComposeResult:
        # Titles are set here, not on mount: the first load may finish first.
        tree = ArgTree(id="tree")
        tree.border_title = "Maps"
        tree.border_subtitle = "loading\u2026"
        detail = NodeDetail(id="detail")
        detail.border_title = "Detail"
        source = SourceView(id="source")
        source.border_title = "Source"
        with Horizontal(id="main"):
            yield tree
            yield Splitter(id="splitter")
            with Vertical(id="side"):
                yield detail
                yield source
        yield ProblemsPanel(id="problems")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.tree.focus()

    # -- parts ----------------------------------------------------------------------------------

    @property
    def tree(self) -> ArgTree:
        return self.query_one("#tree", ArgTree)

    @property
    def detail(self) -> NodeDetail:
        return self.query_one("#detail", NodeDetail)

    @property
    def source(self) -> SourceView:
        return self.query_one("#source", SourceView)

    @property
    def problems(self) -> ProblemsPanel:
        return self.query_one("#problems", ProblemsPanel)

    @property
    def source_shown(self) -> bool:
        return self.has_class("-roomy") or self.has_class("-source")

    # -- layout ---------------------------------------------------------------------------------

    def on_resize(self) -> None:
        roomy = self.size.width >= ROOMY_WIDTH and self.size.height >= ROOMY_HEIGHT
        if roomy != self.has_class("-roomy"):
            self.set_class(roomy, "-roomy")
            self.refresh_side()

    def action_toggle_source(self) -> None:
        """Small screens swap detail and source; large ones show both, so focus moves."""
        if self.has_class("-roomy"):
            target = self.tree if self.source.has_focus else self.source
            target.focus()
            return
        self.toggle_class("-source")
        self.refresh_side()

    def set_split(self, percent: int) -> int:
        """Give the tree *percent* of the width (kept within SPLIT_RANGE); the percent used."""
        low, high = SPLIT_RANGE
        self.split = max(low, min(high, int(percent)))
        self.tree.styles.width = f"{self.split}%"
        return self.split

    def action_split(self, step: int) -> None:
        """``<`` and ``>``: a narrower or wider tree, remembered for the next run."""
        self.post_message(self.SplitChanged(self.set_split(self.split + step)))

    @on(Splitter.Dragged)
    def _dragged(self, event: Splitter.Dragged) -> None:
        event.stop()
        percent = self.set_split(event.percent)
        if event.done:
            self.post_message(self.SplitChanged(percent))

    def action_read(self) -> None:
        """The argument under the cursor (the whole map on a map row) as wrapped text."""
        from .reading import ReadingScreen

        row = self.tree.cursor_row
        project = self.app.project
        if row is None or project is None or row.kind == "broken" or row.map_id not in project.maps:
            return
        if row.kind == "link" and row.ref is not None:
            row = Row("node", row.ref.map_id, row.ref, full=True)  # read the node where it is in full
        outline = self.tree.outline(row.map_id)
        title = project.maps[row.map_id].title if row.kind == "map" else f"{row.ref} and what lies below it"
        labels = getattr(self.app.labels, "labels", None)  # None while they are computed
        self.app.push_screen(ReadingScreen(project, outline, row, title, labels))

    def action_focus_tree(self) -> None:
        self.tree.focus()

    # -- showing the cursor's row ---------------------------------------------------------------

    def show_project(self, outlines: dict[str, Outline] | None = None) -> None:
        """(Re)build the tree from the app's project, keeping what was open and selected."""
        app = self.app
        tree = self.tree
        had_project = tree.project is not None
        expanded = tree.expanded_paths() if had_project else []
        cursor = tree.cursor_path() if had_project else None
        tree.set_project(app.project, outlines, app.broken, app.shown_maps)
        shown = [c for c in tree.root.children if c.data is not None and c.data.kind == "map"]
        if had_project:
            tree.restore(expanded, cursor)
        elif len(shown) == 1:
            # One map (a big synthetic one, or the one file named): open it straight away.
            tree.expand(shown[0])
            tree.select(shown[0])
        else:
            first = tree.root.children[0] if tree.root.children else None
            if first is not None:
                tree.select(first)
        listed = [app.project.maps[c.data.map_id] for c in shown]
        nodes = sum(len(m.nodes) for m in listed)
        maps = len(listed)
        broken = len(app.broken)
        beside = len(app.project.maps) - maps
        tree.border_subtitle = (f"{plural(maps, 'map')}, {plural(nodes, 'node')}"
                                + (f", {plural(broken, 'file')} not loaded" if broken else "")
                                + (f" (+{beside} beside for links)" if beside else ""))
        self.refresh_side()

    def show_no_project(self) -> None:
        """Nothing could be loaded at all: the problems panel says why."""
        self.tree.border_subtitle = "no maps loaded"
        self.problems.focus()

    def refresh_side(self) -> None:
        """Show the cursor's row in the detail and, if visible, the source.

        A jump both moves the cursor (which posts NodeHighlighted) and asks
        for this directly, so unchanged panes are left alone.
        """
        app = self.app
        if app.project is None:
            return
        row = self.tree.cursor_row
        shown = (row, app.project, app.labels, app.labels_note)
        if not _same(shown, self._detail_shown):
            self._detail_shown = shown
            roots = self.tree.outline(row.map_id).roots if row is not None and row.kind == "map" else ()
            problems = app.broken.get(row.map_id, ()) if row is not None and row.kind == "broken" else ()
            self.detail.show(app.project, row, app.labels, app.labels_note, roots, problems)
        if self.source_shown:
            argmap = app.project.maps.get(row.map_id) if row is not None else None
            node = app.project.node(row.ref) if row is not None and row.ref is not None and row.kind != "group" else None
            if node is not None:
                argmap = app.project.maps.get(node.map_id)
            if not _same((argmap, node), self._source_shown):
                self._source_shown = (argmap, node)
                self.source.show(argmap, node)
        else:
            self._source_shown = None

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Row]) -> None:
        # The side panes follow after the tree has drawn its new cursor, and
        # once for a burst of moves (a held key): the tree never waits on them.
        if not self._side_pending:
            self._side_pending = True
            self.call_after_refresh(self._refresh_side_later)

    def _refresh_side_later(self) -> None:
        self._side_pending = False
        self.refresh_side()

    @on(ArgTree.LinkSelected)
    @on(NodeDetail.LinkChosen)
    def _follow_link(self, event: ArgTree.LinkSelected | NodeDetail.LinkChosen) -> None:
        event.stop()
        self.post_message(JumpRequested(event.ref))

    # -- places ---------------------------------------------------------------------------------

    def place(self) -> tuple[str, tuple[tuple, ...]] | None:
        """The cursor's exact row, for history: a link row is not its target's full row."""
        return self.tree.cursor_path()

    def go(self, place: Ref | str | tuple[str, tuple[tuple, ...]]) -> bool:
        """Put the cursor on *place* (a node, a map id or a row from :meth:`place`)."""
        tree = self.tree
        if isinstance(place, Ref):
            found = tree.reveal(place)
        elif isinstance(place, str):
            found = tree.reveal_map(place)
        else:
            found = tree.reveal_path(*place)
        if found is not None:
            tree.focus()
            self.refresh_side()
        return found is not None

    # -- what the app carries out (back, forward and reload are app actions) --------------------

    def _target(self) -> Row | None:
        row = self.tree.cursor_row
        if self.detail.has_focus:
            ref = self.detail.link_at(self.detail.highlighted)
            if ref is not None:
                return Row("node", ref.map_id, ref, full=True)
        return row

    def action_edit(self) -> None:
        row = self._target()
        project = self.app.project
        if row is None or project is None:
            return
        node = project.node(row.ref) if row.ref is not None and row.kind != "group" else None
        if node is not None:
            pos = node.pos
        elif row.kind == "group" and row.relation is not None:
            pos = row.relation.pos  # a linked argument: where its premise declares the support
        elif row.kind == "broken":
            first = self.app.broken.get(row.map_id, [None])[0]
            pos = first.pos if first is not None and first.pos is not None else None
            self.post_message(EditRequested(row.map_id, pos.line if pos else 1))
            return
        else:
            pos = project.maps[row.map_id].pos
        self.post_message(EditRequested(pos.path, pos.line))

    def action_export(self) -> None:
        row = self.tree.cursor_row
        if row is not None and row.kind != "broken":
            self.post_message(ExportRequested(row.map_id, None))

    def action_export_subtree(self) -> None:
        row = self.tree.cursor_row
        if row is None or row.kind == "broken":
            return
        ref = None if row.kind == "map" or row.ref is None else row.ref
        self.post_message(ExportRequested(row.map_id, ref))


def _same(a: tuple | None, b: tuple | None) -> bool:
    """Element by element identity: comparing two projects by value would walk every node."""
    return a is not None and b is not None and len(a) == len(b) and all(x is y for x, y in zip(a, b))

"""The argmap explorer app: loading, live reload, jumps and history, editing.

Screens show what the app holds (``project``, ``labels``, ``index``) and
post messages for what the user chose; the app owns everything that spans
screens.  Loading runs in a thread so the first frame appears at once, and
a watchfiles worker reloads whenever a map or seed changes on disk.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from ..diagnostics import Diagnostic
from ..errors import UsageError
from ..gcpause import collect_frozen
from ..model import Project, Ref
from ..project import LoadResult, discover, load
from ..visible import visible
from .argtree import Outline
from .browser import BrowserScreen
from .commands import ArgmapCommands
from .editor import editor_command, resolve_editor, run_editor
from .history import History
from .labels import compute_labels
from .loading import broken_files, load_failure, named_maps
from .messages import ChoiceRequested, EditRequested, ExportRequested, JumpRequested
from .searching import SearchIndex
from .settings import RememberedSettings

__all__ = ["ArgmapApp", "Place"]

# Where the cursor is: a tree row as (map id, row keys), so that going back to
# a link returns to the link, not to the node it points at.
Place = tuple[str, tuple[tuple, ...]]

# File changes that matter: maps and topics (YAML) and seed texts.
_WATCHED_SUFFIXES = (".yaml", ".yml", ".txt")


class ArgmapApp(RememberedSettings, App[None]):
    """Browse, search and edit argument maps."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    TITLE = "argmap"
    COMMANDS = App.COMMANDS | {ArgmapCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search"),
        Binding("g", "goto", "Go to"),
        Binding("t", "topics", "Topics"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, paths: Sequence[str | os.PathLike] = ("maps",), *, seeds: str | None = None,
                 watch: bool = True, analysis: bool = True, settings: bool = True) -> None:
        super().__init__()
        self.init_settings(settings)
        self._browser = BrowserScreen(id="browser")
        self.paths = [str(p) for p in paths]
        self.seeds = seeds
        self.watch_files = watch
        self.with_analysis = analysis
        self.project: Project | None = None
        self.result: LoadResult | None = None
        self.problems: list[Diagnostic] = []
        self.broken: dict[str, list[Diagnostic]] = {}  # files that did not load, by path
        self.shown_maps: set[str] | None = None  # the maps of the files named (None: all)
        self.index: SearchIndex | None = None
        self.labels: object | None = None
        self.labels_note = ""
        self.history: History[Place] = History()
        self.loads = 0  # how many loads have been applied (tests wait on it)
        self._load_generation = 0

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Notify, with terminal controls in *message* and *title* shown visibly.

        Messages name files and nodes, which come from strangers; callers
        pass ``markup=False`` when they do, so brackets in a name stay text.
        """
        super().notify(visible(message), title=visible(title, one_line=True), severity=severity,
                       timeout=timeout, markup=markup)

    # -- start ----------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        return self._browser

    @property
    def browser(self) -> BrowserScreen:
        return self._browser

    def on_mount(self) -> None:
        self.reload()
        if self.watch_files:
            self._watch()
        self.start_settings()

    # -- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the maps again (in a thread); the result replaces the project if it is good."""
        self._load_generation += 1
        self._load(self._load_generation)

    # Every worker names itself: by default Textual describes a worker by the
    # repr of its arguments, and the repr of a 10,000-node project takes 0.3 s.

    @work(thread=True, exclusive=True, group="load", description="load maps")
    def _load(self, generation: int) -> None:
        # What the last load froze (the project before it, the widgets that
        # showed it) would never be collected otherwise: one full collection
        # a reload, here rather than at some later keystroke.
        collect_frozen()
        try:
            result = load(self.paths, seeds_dir=self.seeds)
            # Off the UI thread too: what search and the tree need before the first keystroke.
            index = SearchIndex(result.project)
            outlines = {map_id: Outline(result.project, map_id) for map_id in result.project.maps}
            shown = named_maps(result)
        except Exception as exc:  # noqa: BLE001 - a folder made unreadable mid-session must not end the app
            self.call_from_thread(self._load_failed, exc, generation)
            return
        self.call_from_thread(self._apply, result, index, outlines, generation, shown)

    def _apply(self, result: LoadResult, index: SearchIndex, outlines: dict[str, Outline],
               generation: int, shown: set[str] | None = None) -> None:
        if generation != self._load_generation:
            return  # a newer load is on its way
        self.result = result
        self.problems = [d for d in result.diagnostics if d.is_error]
        # The last good version stays on screen while a file does not validate;
        # with nothing good yet, show what loaded, and a row for each file that did not.
        stale = bool(self.problems) and self.project is not None
        if not stale:
            self.project = result.project
            self.index = index
            self.broken = broken_files(result)
            self.shown_maps = shown
            self.labels, self.labels_note = None, ("computing\u2026" if self.with_analysis else "")
            self.browser.show_project(outlines)
            gc.freeze()  # the new rows too: a big project need not be rescanned by every later collection
            self._refresh_topics(result.project)
            if self.with_analysis:
                self._label(result.project)
        self.browser.problems.show(self.problems, stale)
        self.loads += 1

    def _load_failed(self, exc: Exception, generation: int) -> None:
        """A load that raised: keep what is on screen, and say why in the problems panel."""
        if generation != self._load_generation:
            return
        problem = load_failure(exc, self.paths)
        self.problems = [problem]
        stale = self.project is not None
        self.browser.problems.show(self.problems, stale)
        if not stale:
            self.browser.show_no_project()
        self.notify(f"{problem.location}: {problem.message}", title="Cannot load the maps",
                    severity="error", timeout=10, markup=False)
        self.loads += 1

    def _refresh_topics(self, project: Project) -> None:
        from .topics import TopicsScreen

        for screen in self.screen_stack:
            if isinstance(screen, TopicsScreen):
                screen.set_project(project)

    @work(thread=True, exclusive=True, group="labels", description="acceptability labels")
    def _label(self, project: Project) -> None:
        labelling, note = compute_labels(project)
        self.call_from_thread(self._apply_labels, project, labelling, note)

    def _apply_labels(self, project: Project, labelling: object | None, note: str) -> None:
        if project is not self.project:
            return
        self.labels, self.labels_note = labelling, note
        self.browser.refresh_side()

    def watched_dirs(self) -> list[Path]:
        """Folders whose changes matter: those of the maps, and their seeds folders."""
        files, _ = discover(self.paths)
        dirs: dict[Path, None] = {}
        for raw in self.paths:
            path = Path(raw)
            if path.is_dir():
                dirs[path.resolve()] = None
        for file in files:
            dirs[file.parent] = None
        for folder in list(dirs):
            for seeds in ([Path(self.seeds)] if self.seeds else [folder.parent / "seeds", folder / "seeds"]):
                if seeds.is_dir():
                    dirs[seeds.resolve()] = None
        return list(dirs)

    @work(exclusive=True, group="watch", description="watch files")
    async def _watch(self) -> None:
        from watchfiles import awatch

        try:
            dirs = [str(d) for d in self.watched_dirs()]
            if not dirs:
                return
            # A short debounce: a save shows within a second, and an editor's
            # write-rename-delete dance still makes one reload.
            async for changes in awatch(*dirs, debounce=150, step=30, recursive=False):
                if any(path.endswith(_WATCHED_SUFFIXES) for _, path in changes):
                    self.reload()
        except Exception as exc:  # noqa: BLE001 - an unreadable or vanished folder: `r` still reloads
            self.notify(f"stopped watching the maps for changes ({type(exc).__name__}: {exc}); "
                        "press r to reload", severity="warning", timeout=10, markup=False)

    # -- places and history ---------------------------------------------------------------------

    def jump(self, target: Ref | str) -> bool:
        """Go to *target* (a node, or a map by id) from wherever the user is, recording history."""
        if self.project is None:
            return False
        while self.screen is not self.browser and len(self.screen_stack) > 1:
            self.pop_screen()
        browser = self.browser
        here = browser.place()
        if not browser.go(target):
            self.notify(f"{target} is not in the loaded maps", severity="warning", markup=False)
            return False
        if here is not None:
            self.history.visit(here)
        there = browser.place()
        if there is not None:
            self.history.visit(there)
        return True

    @on(JumpRequested)
    def _jump_requested(self, event: JumpRequested) -> None:
        self.jump(event.ref)

    @on(ChoiceRequested)
    def _choice_requested(self, event: ChoiceRequested) -> None:
        from .topics import PickNodeScreen

        if self.project is not None:
            self.push_screen(PickNodeScreen(self.project, event.title, event.refs), self._jump_to_result)

    def action_back(self) -> None:
        self.back()

    def action_forward(self) -> None:
        self.forward()

    def action_reload(self) -> None:
        self.reload()

    def back(self) -> None:
        here = self.browser.place()
        if here is not None:
            self.history.visit(here)
        self._go_history(self.history.back(), "Nothing to go back to")

    def forward(self) -> None:
        self._go_history(self.history.forward(), "Nothing to go forward to")

    def _go_history(self, place: Place | None, empty: str) -> None:
        if place is None:
            self.notify(empty, timeout=2)
            return
        if not self.browser.go(place):
            self.notify(f"{place[0]} is no longer loaded", severity="warning", markup=False)

    # -- screens --------------------------------------------------------------------------------

    def action_search(self) -> None:
        from .search import SearchScreen

        if self.index is not None:
            self.push_screen(SearchScreen(self.index, mode="search"), self._jump_to_result)

    def action_goto(self) -> None:
        from .search import SearchScreen

        if self.index is not None:
            self.push_screen(SearchScreen(self.index, mode="goto"), self._jump_to_result)

    def _jump_to_result(self, ref: Ref | None) -> None:
        if ref is not None:
            self.jump(ref)

    def action_topics(self) -> None:
        from .topics import TopicsScreen

        if self.project is None:
            return
        if isinstance(self.screen, TopicsScreen):
            self.pop_screen()
            return
        self.push_screen(TopicsScreen(self.project))

    def action_help(self) -> None:
        from .help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Search", "Search every map as you type (/)", self.action_search)
        yield SystemCommand("Go to node", "Go to a node by its id, fuzzily (g)", self.action_goto)
        yield SystemCommand("Topics", "Every article's and speaker's stance on each topic (t)",
                            self.action_topics)
        yield SystemCommand("Reload maps", "Load the maps from disk again (r)", self.reload)
        yield SystemCommand("Back", "Go back to the previous place (backspace)", self.back)
        yield SystemCommand("Forward", "Go forward again (])", self.forward)
        yield SystemCommand("Help", "How to use the explorer (?)", self.action_help)
        if isinstance(screen, BrowserScreen):
            yield SystemCommand("Export map", "Draw the map under the cursor to SVG, PNG or PDF (x)",
                                screen.action_export)
            yield SystemCommand("Export argument", "Draw the node under the cursor and what lies below it "
                                "to SVG, PNG or PDF (X)", screen.action_export_subtree)
            yield SystemCommand("Edit in $EDITOR", "Open the map file at the node's line (e)", screen.action_edit)
            yield SystemCommand("Show or hide source", "The article with the quote highlighted (s)",
                                screen.action_toggle_source)

    # -- editing --------------------------------------------------------------------------------

    def editor_command(self, path: str, line: int) -> list[str]:
        """``$VISUAL`` or ``$EDITOR`` (default vi) at *line* of *path*, by absolute path."""
        return editor_command(path, line)

    @on(EditRequested)
    def _edit_requested(self, event: EditRequested) -> None:
        self.edit_file(event.path, event.line)

    def edit_file(self, path: str, line: int) -> None:
        """Suspend the app, run the editor at *line*, and reload when it returns.

        Whatever goes wrong, the app gets the terminal back and says so:
        ``App.suspend`` does not resume if its body raises, so nothing may
        raise inside it.
        """
        from textual.app import SuspendNotSupported

        try:
            command = self.editor_command(path, line)
        except UsageError as exc:
            self._editor_failed(f"{exc}; set $VISUAL or $EDITOR")
            return
        problem = resolve_editor(command)
        if problem is not None:
            self._editor_failed(f"cannot run the editor: {problem}; set $VISUAL or $EDITOR")
            return
        outcome: int | OSError = 0
        try:
            with self.suspend():
                outcome = run_editor(command, interactive=True)
        except SuspendNotSupported:
            # No terminal to hand over (headless, as in tests): just run it.
            outcome = run_editor(command, interactive=False)
        if isinstance(outcome, OSError):
            self._editor_failed(f"cannot run the editor {command[0]!r}: {outcome.strerror or outcome}; "
                                "set $VISUAL or $EDITOR")
            return
        if outcome:
            self.notify(f"the editor {command[0]!r} exited with status {outcome}",
                        severity="warning", timeout=8, markup=False)
        self.reload()

    def _editor_failed(self, message: str) -> None:
        self.notify(message, title="Edit", severity="error", timeout=10, markup=False)

    # -- export ---------------------------------------------------------------------------------

    @on(ExportRequested)
    def _export_requested(self, event: ExportRequested) -> None:
        self.export(event.map_id, event.ref)

    def export(self, map_id: str, ref: Ref | None) -> None:
        """Ask for a file name and format, then draw the map (or *ref*'s argument) to SVG, PNG or PDF."""
        from .exporting import default_name, subtree_depth
        from .export_screen import ExportChoice, ExportScreen

        if self.project is None or map_id not in self.project.maps:
            return
        what = self.project.maps[map_id].title if ref is None else f"{ref} and what lies below it"
        depth = subtree_depth(self.browser.tree.outline(map_id), ref) if ref is not None else None

        def chosen(choice: ExportChoice | None) -> None:
            if choice is not None:
                labels = (self.labels or "grounded") if choice.states else None  # only when asked, as --labels
                self._export(self.project, map_id, ref, depth, choice.path, labels)

        self.push_screen(ExportScreen(what, default_name(map_id, ref)), chosen)

    @work(thread=True, group="export", description="export a diagram")
    def _export(self, project: Project, map_id: str, ref: Ref | None, depth: int | None, path: str,
                labels: object | None) -> None:
        from ..errors import ArgmapError
        from .exporting import export_diagram

        try:
            written = export_diagram(project, path, map_id, ref, depth, labels=labels)
        except (ArgmapError, OSError, ImportError) as exc:
            self.call_from_thread(self.notify, f"export failed: {exc}", severity="error", timeout=8,
                                  markup=False)
            return
        self.call_from_thread(self.notify, f"wrote {written}", title="Exported", markup=False)

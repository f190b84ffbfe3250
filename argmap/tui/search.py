"""Search (``/``) and go to node (``g``): results as you type, Enter jumps.

Search matches words in ids, paraphrases, quotes and speakers across every
map, narrowed by filters (``kind:claim by:heath tag:… topic:…``; the input
completes filter values).  Go to matches ``map:node`` ids fuzzily.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, get_current_worker

from ..plural import plural
from ..model import Ref
from ..export.escape import truncate
from ..palette import KIND_COLOURS
from ..visible import visible
from .commentary import force_phrase
from .rowtext import FORCE_STYLE
from .searching import FILTER_FIELDS, Hit, SearchIndex, parse_query

__all__ = ["SearchScreen", "FilterSuggester"]

_BADGES = {kind: Style(color="#ffffff", bgcolor=colour, bold=True) for kind, colour in KIND_COLOURS.items()}

SHOWN = 100  # results listed; the status line gives the full count
HIT_TEXT = 240  # characters of a result's paraphrase shown
HIT_REF = 100  # characters of its id (the middle goes: ids differ at the ends)

_TITLES = {"search": "Search every map", "goto": "Go to a node by id"}
_PLACEHOLDERS = {"search": "words, and filters: kind:claim by:heath tag:targets topic:tendering",
                 "goto": "part of an id, fuzzily: may roll \u2192 may-2018:roll-back-internal-market"}
_HELP = {"search": "Filters: " + " ".join(f"{f}:" for f in FILTER_FIELDS)
                   + " (\u2192 completes) \u00b7 topic:tendering=against "
                   "\u00b7 \u2191\u2193 choose \u00b7 Enter jumps \u00b7 Esc closes",
         "goto": "\u2191\u2193 choose \u00b7 Enter jumps \u00b7 Esc closes"}


class FilterSuggester(Suggester):
    """Completes the value of the filter being typed: ``kind:re`` \u2192 ``kind:rebuttal``."""

    def __init__(self, index: SearchIndex) -> None:
        super().__init__(use_cache=True, case_sensitive=True)
        self.index = index

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(" ")
        name, colon, partial = last.partition(":")
        if not colon:
            return None
        field = {"speaker": "by"}.get(name.lower(), name.lower())
        if field not in FILTER_FIELDS:
            return None
        for candidate in self.index.values(field):
            if candidate.startswith(partial.lower()) and candidate != partial.lower():
                return f"{head}{' ' if head else ''}{name}:{candidate}"
        return None


class SearchScreen(ModalScreen[Ref | None]):
    """A search box over every map, with a live list of results."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
        Binding("pagedown", "move(8)", "Page down", show=False),
        Binding("pageup", "move(-8)", "Page up", show=False),
    ]

    def __init__(self, index: SearchIndex, mode: str = "search", initial: str = "") -> None:
        super().__init__()
        self.index = index
        self.mode = mode
        self.initial = initial
        self.hits: list[Hit] = []
        self.total = 0
        self.shown_for: str | None = None  # the text the listed results answer (tests wait on it)
        self._choose_when_shown = False

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Static(_TITLES[self.mode], id="search-title")
            suggester = FilterSuggester(self.index) if self.mode == "search" else None
            yield Input(self.initial, placeholder=_PLACEHOLDERS[self.mode], id="search-input",
                        suggester=suggester)
            yield Static("", id="search-status")
            yield OptionList(id="search-results")
            yield Static(_HELP[self.mode], id="search-help")

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = _TITLES[self.mode]
        self.input.focus()
        self.update(self.input.value)

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def results(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    # -- results --------------------------------------------------------------------------------

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.update(event.value)

    def update(self, text: str) -> None:
        """Run the query *text* and list the results (go-to in a worker)."""
        if self.mode == "goto":
            self._goto(text)
            return
        query = parse_query(text)
        if query.empty:
            hits, total = [], 0
        else:
            hits, total = self.index.search(query, limit=SHOWN)
        self._show(text, hits, total, query.words)

    # Off the interface thread, so Escape and the next keystroke are always
    # answered; each keystroke cancels the one before (exclusive), and the
    # index stops a cancelled match early.
    @work(thread=True, exclusive=True, group="goto", description="go to")
    def _goto(self, text: str) -> None:
        worker = get_current_worker()
        hits = self.index.goto(text, limit=SHOWN, cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_goto, worker, text, hits)

    def _show_goto(self, worker: Worker, text: str, hits: list[Hit]) -> None:
        if worker.is_cancelled or not self.is_attached:
            return
        self._show(text, hits, len(hits), ())
        if self._choose_when_shown and text == self.input.value:
            self._choose_when_shown = False
            self.choose(self.results.highlighted)

    def _show(self, text: str, hits: list[Hit], total: int, words: tuple[str, ...]) -> None:
        self.hits, self.total = hits, total
        self.shown_for = text
        self.results.set_options([Option(self._render_hit(hit, words)) for hit in self.hits])
        if self.hits:
            self.results.highlighted = 0
        self.query_one("#search-status", Static).update(self._status(text))

    def _status(self, text: str) -> Text:
        last = text.rpartition(" ")[2]
        name, colon, partial = last.partition(":")
        field = {"speaker": "by"}.get(name.lower(), name.lower())
        if colon and field in FILTER_FIELDS and self.mode == "search":
            values = [v for v in self.index.values(field) if v.startswith(partial.lower())]
            shown = visible(" ".join(values[:30]), one_line=True) + (" \u2026" if len(values) > 30 else "")
            return Text.assemble((f"{field}: ", "bold"), (shown or "no such value", "dim"))
        if not text.strip():
            return Text(f"{len(self.index)} nodes; type to search", "dim")
        if not self.total:
            return Text("no matches", "dim")
        more = f", first {len(self.hits)} shown" if self.total > len(self.hits) else ""
        return Text(f"{plural(self.total, 'match', 'matches')}{more}", "dim")

    def _render_hit(self, hit: Hit, words: tuple[str, ...]) -> Text:
        # Cut to a few lines, so a list of 1,000-character ids lays out at once.
        ref = middle(visible(hit.ref, one_line=True), HIT_REF)
        node = self.index.project.node(hit.ref)
        text = Text()
        if node is None:
            return text.append(ref)
        # A badge, white on the kind's colour: readable on the list and on the
        # highlighted row alike (blue text on the teal highlight was not).
        text.append(f" {node.kind.value} ", _BADGES[node.kind])
        force = force_phrase(self.index.project, node)  # ascribed by ..., hedged, ...
        if force:
            text.append(f" [{truncate(visible(force, one_line=True), HIT_REF)}]", FORCE_STYLE)
        text.append(" " + truncate(visible(node.text, one_line=True), HIT_TEXT))
        text.append(f"\n  {ref} \u00b7 {middle(visible(node.by, one_line=True), HIT_REF)}", "dim")
        if hit.snippet:
            text.append(f" \u00b7 \u201c{visible(hit.snippet, one_line=True)}\u201d", "dim italic")
        if words:
            text.highlight_words(words, "bold reverse", case_sensitive=False)
        return text

    # -- choosing -------------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        results = self.results
        if not self.hits:
            return
        current = results.highlighted if results.highlighted is not None else -1
        results.highlighted = max(0, min(len(self.hits) - 1, current + step))

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        if self.shown_for != self.input.value:
            # Enter typed before the results of the last keystroke: take the
            # best of those, not of a stale list, when they come.
            self._choose_when_shown = True
            return
        self.choose(self.results.highlighted)

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.choose(event.option_index)

    def choose(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.hits):
            self.dismiss(self.hits[index].ref)

    def action_close(self) -> None:
        self.dismiss(None)


def middle(text: str, limit: int) -> str:
    """*text* with its middle cut out if longer than *limit*: ``synth-0:claim-…-n9999``."""
    if len(text) <= limit:
        return text
    head = limit // 3
    return text[:head] + "\u2026" + text[len(text) - (limit - head - 1):]

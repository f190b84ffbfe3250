"""The help screen (``?``): what the explorer shows and which keys do what."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

__all__ = ["HelpScreen", "HELP"]

HELP = """\
# argmap explorer

The **tree** on the left lists the maps (one per article). Open a map to see
its **main claims**; under each node come the nodes that **support** it
(green `+`) and those that **attack** (red `−`) or **undercut** (purple `×`:
they attack the step from a premise, not the claim), then those that
**qualify** it (amber `~`: it *limits* it, finds it *not enough* or
*concedes* it; never an attack). Premises that support only together are
grouped under a *linked* row. A node reached a second time is shown as a
link (`↪`): Enter jumps to where it is shown in full. A node not simply
asserted says how it is put forward after its kind: *[ascribed by …]* (the
speaker's words for another's view, not that one's own), *[reported by …]*,
*[hedged]*, *[rhetorical question]*.

The **detail** pane describes the row under the cursor: paraphrase, kind,
how it is put forward, speaker and who reports them, who adopts it, tags,
stances (with their conditions and dates), its state in the debate as the
maps record it (unchallenged, defended, challenged with no reply in the
maps, undecided: not whether it is true), quotes, and every relation in and
out, with its scheme, as a link you can follow (Tab selects the first, Enter
follows it), `related to` links too.

Rows are cut to the tree's width: widen it with `<` `>` (or drag the bar
between the panes), or press `v` to read the argument as wrapped text.

The **source** pane shows the article with the node's quote highlighted.
Passages other nodes quote are faint, so text nobody mapped stands out.

## Keys

| key | does |
| --- | --- |
| ↑ ↓ or j k | move |
| → ← or l h | open / close a row (or go to its first child / its parent) |
| Enter | open a row, or follow a link |
| Tab | between tree, detail links and source |
| Backspace, [ | back (like a browser) |
| ] | forward |
| / | search every map as you type |
| g | go to a node by id (fuzzy) |
| t | topics: who stands where, article by article |
| s | source: show the article (or focus it when both fit) |
| n | in the source: next quote of the node |
| e | edit the map in `$EDITOR` at this node; reloads on return |
| x / X | export the map / the argument under the cursor (SVG, PNG or PDF) |
| r | reload now (saving a map reloads by itself) |
| E | expand everything below the cursor |
| v | read the argument under the cursor as wrapped text |
| < > | a narrower or wider tree (remembered) |
| Ctrl+P | command palette: maps, nodes and commands |
| q | quit |

## Search filters

Type words to match ids, paraphrases, quotes and speakers. Narrow with
`kind:claim`, `by:heath` (speaker id or name), `tag:targets`,
`topic:tendering` or `topic:tendering=against`, `map:may`, `force:ascribed`,
`scheme:expert-opinion`. Values match by
prefix; → accepts the suggested completion.

## When a map breaks

Saving a map that does not validate keeps the last good version on screen
and lists the problems (`path:line:col`) at the bottom; Enter on one opens
the editor there. Fix and save, and the panel goes away.

Press Esc or q to close this help.
"""


class HelpScreen(ModalScreen[None]):
    """How to read the tree, and the keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Markdown(HELP)

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = "Help"
        box.border_subtitle = "Esc closes"
        box.focus()

    def action_close(self) -> None:
        self.dismiss(None)

"""The command palette's argmap entries: every map and every node.

Commands themselves (search, topics, export, ...) come from
``ArgmapApp.get_system_commands``; this provider adds the places, so
Ctrl+P doubles as a quick "go to".
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from ..export.escape import truncate
from ..plural import plural
from ..visible import visible
from .commentary import force_phrase
from .search import middle

if TYPE_CHECKING:
    from .app import ArgmapApp

__all__ = ["ArgmapCommands"]

MAX_NODE_HITS = 40  # enough to choose from; a 10,000-node map must not flood the palette
HELP_TEXT = 200  # characters of a node's paraphrase under its id
SHOWN_ID = 120  # characters of an id matched and highlighted (the palette's fuzzy match is not linear)

# Titles and ids come from strangers: shown as text (the palette reads plain
# strings as markup), with terminal controls visible.
_line = partial(visible, one_line=True)


def _highlight(matcher: Matcher, text: str) -> Content:
    """*text* as literal content, the letters the palette matched in bold."""
    text = middle(text, SHOWN_ID + 6)
    content = Content(text)
    for offset in matcher.fuzzy_search.match(matcher.query, text)[1]:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ArgmapCommands(Provider):
    """Maps by title, nodes by id or paraphrase."""

    @property
    def argmap_app(self) -> ArgmapApp:
        return self.app  # type: ignore[return-value]

    async def discover(self) -> Hits:
        app = self.argmap_app
        if app.project is None:
            return
        for argmap in app.project.maps.values():
            yield DiscoveryHit(Content(f"Map: {_line(argmap.title)}"), partial(app.jump, argmap.id),
                               text=f"Map: {argmap.title}",
                               help=escape(f"{_line(argmap.id)} \u00b7 {plural(len(argmap.nodes), 'node')}"))

    async def search(self, query: str) -> Hits:
        app = self.argmap_app
        if app.project is None or app.index is None:
            return
        matcher = self.matcher(query)
        for argmap in app.project.maps.values():
            text = f"Map: {middle(_line(argmap.title), SHOWN_ID)}"
            score = max(matcher.match(text), matcher.match(middle(argmap.id, SHOWN_ID)))
            if score > 0:
                yield Hit(score, _highlight(matcher, text), partial(app.jump, argmap.id), text=text,
                          help=escape(f"{_line(argmap.id)} \u00b7 {plural(len(argmap.nodes), 'node')}"))
        # Nodes: fuzzy on ids, then plain words in the paraphrase; both are
        # the search index's fast paths, not a fuzzy match of every node.
        seen = set()
        hits = app.index.goto(query, limit=MAX_NODE_HITS // 2)
        words, _ = app.index.search(query, limit=MAX_NODE_HITS // 2)
        best = max((h.score for h in hits), default=1) or 1
        for rank, hit in enumerate(hits + words):
            if hit.ref in seen:
                continue
            seen.add(hit.ref)
            node = app.project.node(hit.ref)
            if node is None:
                continue
            text = f"Node: {_line(hit.ref)}"
            # Below the maps and commands that match well, in the index's order.
            score = 0.5 * (1 - rank / (2 * MAX_NODE_HITS)) * (hit.score / best if rank < len(hits) else 0.6)
            force = force_phrase(app.project, node)  # ascribed by ..., hedged, ...
            kind = f"{node.kind.value} [{_line(force)}]" if force else node.kind.value
            yield Hit(max(score, 0.01), _highlight(matcher, text), partial(app.jump, hit.ref), text=text,
                      help=escape(f"{kind}: {truncate(_line(node.text), HELP_TEXT)}"))

"""Go to a node by id, fuzzily, over the shared search index.

Pure data, no Textual.  Search itself (the query language, matching and
ranking) is :mod:`argmap.analysis.search`, the one ``argmap search`` uses,
so both give the same results; this module adds the explorer's go-to.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable

from ..analysis import search as _shared
from ..analysis.search import FILTER_FIELDS, Hit, Query, parse_query
from ..analysis.search import _Entry
from ..model import Node, Project, Ref
from ..suggest import MAX_FUZZY, subsequence_span  # go-to and "did you mean" match abbreviations alike

__all__ = ["FILTER_FIELDS", "MAX_FUZZY", "Query", "Hit", "SearchIndex", "parse_query", "fuzzy_score",
           "subsequence_span"]



_Span = tuple[_Entry, int, int]  # an entry whose id holds the go-to needle, and where


class SearchIndex(_shared.SearchIndex):
    """Every node of a project, ready to search and to go to as the user types."""

    def __init__(self, project: Project) -> None:
        super().__init__(project)
        self._last_goto: tuple[str, list[_Span]] = ("", [])

    # -- go to --------------------------------------------------------------------------------

    def goto(self, text: str, limit: int = 50,
             cancelled: Callable[[], bool] | None = None) -> list[Hit]:
        """Nodes whose ``map:node`` id fuzzily matches *text*, best first.

        Linear in the size of the ids: each id is scanned once per letter
        with ``str.find``, never with a backtracking pattern, and a needle
        longer than :data:`MAX_FUZZY` (a pasted id, not typing) must occur
        whole.  A keystroke that extends the last needle only goes on from
        where the last matches ended.  *cancelled* is asked every few hundred
        nodes, so a worker whose keystroke is stale stops early.
        """
        needle = text.strip().lower()
        if not needle:
            return []
        matches = self._goto_matches(needle, cancelled)
        if matches is None:
            return []
        exact = self._by_ident.get(needle)
        # Best first; equal scores keep map and file order (the index in *matches*).
        ranked = heapq.nsmallest(limit, ((-fuzzy_score(needle, entry.ident, start, end)
                                          - (1000 if entry is exact else 0), i)
                                         for i, (entry, start, end) in enumerate(matches)))
        return [Hit(matches[i][0].ref, -negative, "id") for negative, i in ranked]

    def _goto_matches(self, needle: str, cancelled: Callable[[], bool] | None) -> list[_Span] | None:
        """Every entry whose id holds *needle*, with the span; None if cancelled."""
        last_needle, last = self._last_goto
        if last_needle and needle.startswith(last_needle) and len(needle) <= MAX_FUZZY:
            # Typing on: only what matched can match, from where it ended.
            candidates, tail = last, needle[len(last_needle):]
        else:
            candidates, tail = None, needle
        matches: list[_Span] = []
        pool = candidates if candidates is not None else [(e, 0, 0) for e in self._entries]
        for i, (entry, start, end) in enumerate(pool):
            if cancelled is not None and not i % 512 and cancelled():
                return None
            if candidates is None:
                span = subsequence_span(needle, entry.ident)
            else:
                span = _extend(tail, entry.ident, start, end)
            if span is not None:
                matches.append((entry, *span))
        self._last_goto = (needle, matches)  # replaced whole: a stale worker may still read the old one
        return matches

    def nodes(self, refs: Iterable[Ref]) -> list[Node]:
        return [n for n in (self.project.node(r) for r in refs) if n is not None]


def _extend(tail: str, haystack: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a needle from (*start*, *end*), the span of its beginning, on through *tail*."""
    at = end - 1
    for char in tail:
        at = haystack.find(char, at + 1)
        if at < 0:
            return None
    return start, at + 1


def fuzzy_score(needle: str, ident: str, start: int, end: int) -> int:
    """Score a fuzzy match: tight, early, and on the node id (after the colon) is better."""
    score = 100 - (end - start - len(needle)) * 2  # gaps cost
    node_part = ident.find(":") + 1  # where the node id starts (found in place: ids may be long)
    if ident.find(needle, node_part) >= 0:
        score += 60 + (20 if ident.startswith(needle, node_part) else 0)
    elif ident.find(needle) >= 0:
        score += 30
    return score - len(ident) // 8


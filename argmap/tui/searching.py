"""Search across every map: free text, filters, and fuzzy go-to by id.

Pure data, no Textual.  The index keeps one lower-cased haystack per node
(id, paraphrase, quotes, speaker), so a keystroke on 10,000 nodes is a
substring test per node, well under the 100 ms budget.

Query syntax (what the search box accepts)::

    nhs lie                      every word must occur (in any order)
    kind:claim                   filters: kind, by (or speaker), tag, topic, map
    by:heath tag:tendering       several filters must all hold
    kind:claim kind:rebuttal     the same filter twice means either
    topic:tendering=against      a stance on the topic, optionally a given one

Filter values match by prefix (``kind:reb`` is ``kind:rebuttal``); ``by``
also matches a word of a speaker's name (``by:allister``).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model import Node, Project, Ref

__all__ = ["FILTER_FIELDS", "MAX_FUZZY", "Query", "Hit", "SearchIndex", "parse_query", "fuzzy_score",
           "subsequence_span"]

FILTER_FIELDS = ("kind", "by", "tag", "topic", "map")
_ALIASES = {"speaker": "by", "tags": "tag", "stance": "topic", "k": "kind", "t": "tag"}
_WORD = re.compile(r"[\w-]+")
_TOKEN = re.compile(r'(\w+):("[^"]*"|\S*)|"([^"]*)"|(\S+)')
# Letters typed for a fuzzy go-to; a longer needle is a pasted id and must occur whole.
MAX_FUZZY = 64


@dataclass(frozen=True)
class Query:
    """A parsed query: words that must all occur, and filters that must all hold."""

    words: tuple[str, ...] = ()
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.words and not self.filters

    def describe(self) -> str:
        return " ".join(f"{k}:{'|'.join(v)}" for k, v in self.filters.items())


def parse_query(text: str) -> Query:
    """Split *text* into words and ``field:value`` filters (unknown fields are words)."""
    words: list[str] = []
    filters: dict[str, list[str]] = {}
    for match in _TOKEN.finditer(text):
        name, value, quoted, word = match.groups()
        if name is not None:
            key = _ALIASES.get(name.lower(), name.lower())
            if key in FILTER_FIELDS:
                value = value.strip('"').lower()
                if value:
                    filters.setdefault(key, []).append(value)
                continue
            word = match.group(0)
        word = quoted if quoted is not None else word
        if word:
            words.append(word.lower())
    return Query(tuple(words), {k: tuple(v) for k, v in filters.items()})


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result; ``where`` says which field matched first ("id", "text", "quote", ...)."""

    ref: Ref
    score: int
    where: str = ""
    snippet: str = ""


@dataclass(slots=True)
class _Entry:
    ref: Ref
    node: Node
    ident: str        # "map:node", lower case
    text: str         # paraphrase, lower case
    quotes: str       # every quote, joined, lower case
    speaker: str      # speaker id and name, lower case
    haystack: str     # all of the above
    speaker_words: frozenset[str] = frozenset()


_Span = tuple[_Entry, int, int]  # an entry whose id holds the go-to needle, and where


class SearchIndex:
    """Every node of a project, ready to search as the user types."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._entries: list[_Entry] = []
        words_of: dict[str, frozenset[str]] = {}
        for argmap in project.maps.values():
            for node in argmap.nodes.values():
                speaker = argmap.speakers.get(node.by)
                ident = f"{argmap.id}:{node.id}".lower()
                text = node.text.lower()
                quotes = " \u2016 ".join(q.text for q in node.quotes).lower()
                who = f"{node.by} {speaker.name if speaker else ''}".lower()
                self._entries.append(_Entry(Ref(argmap.id, node.id), node, ident, text, quotes, who,
                                            "\n".join((ident, text, quotes, who)),
                                            words_of.setdefault(who, frozenset(_WORD.findall(who)))))
        self._by_ident = {e.ident: e for e in self._entries}
        self._last_goto: tuple[str, list[_Span]] = ("", [])

    def __len__(self) -> int:
        return len(self._entries)

    # -- values for completion ----------------------------------------------------------------

    def values(self, name: str) -> list[str]:
        """The values a filter can take, for completion and help."""
        project = self.project
        if name == "kind":
            return ["claim", "premise", "rebuttal", "concession"]
        if name == "by":
            return sorted({n.by for n in project.nodes()})
        if name == "tag":
            return sorted({t for n in project.nodes() for t in n.tags})
        if name == "topic":
            return sorted(set(project.topics) | {t for n in project.nodes() for t in n.stances})
        if name == "map":
            return sorted(project.maps)
        return []

    # -- search ---------------------------------------------------------------------------------

    def search(self, query: Query | str, limit: int = 200) -> tuple[list[Hit], int]:
        """The best *limit* hits for *query*, and how many there are in all."""
        if isinstance(query, str):
            query = parse_query(query)
        hits: list[Hit] = []
        words = query.words
        for entry in self._entries:
            if query.filters and not self._passes(entry, query.filters):
                continue
            if words and not all(w in entry.haystack for w in words):
                continue
            hits.append(self._rank(entry, words))
        total = len(hits)
        # Stable sort: equal scores keep map and file order.
        hits.sort(key=lambda h: -h.score)
        return hits[:limit], total

    def _passes(self, entry: _Entry, filters: dict[str, tuple[str, ...]]) -> bool:
        node = entry.node
        for name, values in filters.items():
            if name == "kind":
                ok = any(node.kind.startswith(v) for v in values)
            elif name == "by":
                # The speaker's id, or a word of their name, by prefix ("by:all" is Allister Heath).
                ok = any(node.by.startswith(v) or (v in entry.speaker if " " in v else
                                                   any(w.startswith(v) for w in entry.speaker_words))
                         for v in values)
            elif name == "tag":
                ok = any(t.startswith(v) for v in values for t in node.tags)
            elif name == "map":
                ok = any(node.map_id.startswith(v) for v in values)
            elif name == "topic":
                ok = any(_stance_matches(node, v) for v in values)
            else:
                ok = True
            if not ok:
                return False
        return True

    @staticmethod
    def _rank(entry: _Entry, words: tuple[str, ...]) -> Hit:
        if not words:
            return Hit(entry.ref, 0, "", "")
        score, where, snippet = 0, "", ""
        for word in words:
            if word == entry.ref.node_id.lower() or word == entry.ident:
                score += 100
                where = where or "id"
            elif word in entry.ident:
                score += 40
                where = where or "id"
            elif word in entry.text:
                score += 30 if entry.text.startswith(word) else 20
                where = where or "text"
            elif word in entry.quotes:
                score += 10
                where = where or "quote"
                if not snippet:
                    snippet = _snippet(" \u2016 ".join(q.text for q in entry.node.quotes), word)
            else:
                score += 5
                where = where or "speaker"
        return Hit(entry.ref, score, where, snippet)

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


def _stance_matches(node: Node, value: str) -> bool:
    topic, _, stance = value.partition("=")
    return any(t.startswith(topic) and (not stance or s.startswith(stance)) for t, s in node.stances.items())


def _extend(tail: str, haystack: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a needle from (*start*, *end*), the span of its beginning, on through *tail*."""
    at = end - 1
    for char in tail:
        at = haystack.find(char, at + 1)
        if at < 0:
            return None
    return start, at + 1


def subsequence_span(needle: str, haystack: str) -> tuple[int, int] | None:
    """Where *needle*'s letters first occur in order in *haystack* (gaps allowed), or None.

    The span the pattern ``n.*?e.*?e…`` would match, found in one pass:
    each letter at its first place after the last, from the first place of
    the first letter (if that start fails, every later one does too).  A
    needle over :data:`MAX_FUZZY` letters must occur as it is.
    """
    if len(needle) > MAX_FUZZY:
        at = haystack.find(needle)
        return None if at < 0 else (at, at + len(needle))
    start = at = haystack.find(needle[0])
    if at < 0:
        return None
    for char in needle[1:]:
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


def _snippet(text: str, word: str, width: int = 60) -> str:
    at = text.lower().find(word)
    if at < 0:
        return text[:width]
    start = max(0, at - width // 3)
    out = text[start:start + width]
    return ("\u2026" if start else "") + out + ("\u2026" if start + width < len(text) else "")

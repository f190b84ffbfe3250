"""Search nodes: the one query language and matcher of ``argmap search`` and the explorer's ``/``.

Pure data, no Textual.  Query syntax::

    nhs lie                      every word must occur (in any order)
    "red tape"                   a phrase, as one word
    kind:claim                   filters: kind, by (or speaker), tag, topic, map, force, scheme
    by:heath tag:tendering       several filters must all hold
    kind:claim kind:rebuttal     the same filter twice means either
    topic:tendering=against      a stance on the topic, optionally a given one
    force:ascribed scheme:expert how a node is put forward; a scheme of a relation it declares
    may-2018:roll                a word with a colon (not a filter) is matched against map:node too

A word matches at the start of a word of the node's ``map:node`` id,
paraphrase, quotes, speaker (id or name) or tags, ignoring case ("tender"
finds "tendering"; "lie" does not find "believe"); typographic quotes and
dashes match their plain forms.  Filter values match by prefix
(``kind:reb`` is ``kind:rebuttal``); ``by`` also matches a word of a
speaker's name (``by:allister``).

The index keeps one folded haystack per node, so a query over 10,000 nodes
is a substring test per node and word, and a word-start check only where
the substring occurs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate
from dataclasses import dataclass, field

from ..model import ArgMap, Force, Node, Project, Ref
from ..schemes import SCHEME_IDS

__all__ = ["FILTER_FIELDS", "Query", "Hit", "SearchIndex", "parse_query", "normalise", "highlight"]

FILTER_FIELDS = ("kind", "by", "tag", "topic", "map", "force", "scheme")
_ALIASES = {"speaker": "by", "tags": "tag", "stance": "topic", "k": "kind", "t": "tag"}
_WORD = re.compile(r"[\w-]+")
_TOKEN = re.compile(r'(\w+):("[^"]*"|\S*)|"([^"]*)"|(\S+)')
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_QUOTE_JOIN = " \u2016 "  # between a node's quotes: no word runs across it
_FIELDS_SEP = "\n"


def normalise(text: str) -> str:
    """*text* as matched: typographic quotes and dashes plain, case folded."""
    if not text.isascii():  # translate() looks up every character: only where there is something to fold
        text = text.translate(_FOLD)
    return text.casefold()


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
        word = " ".join(normalise(word).split()) if word else ""
        if word:
            words.append(word)
    return Query(tuple(words), {k: tuple(v) for k, v in filters.items()})


@dataclass(frozen=True, slots=True)
class Hit:
    """One result: ``where`` is the field the first word matched ("id", "text", "quote", "speaker",
    "tags"), ``fields`` every field some word matched, ``snippet`` the quote around a word found there."""

    ref: Ref
    score: int
    where: str = ""
    snippet: str = ""
    fields: tuple[str, ...] = ()


@dataclass(slots=True)
class _Entry:
    ref: Ref
    node: Node
    ident: str        # "map:node", folded
    text: str         # paraphrase, folded, on one line
    quotes: str       # every quote, joined, folded
    speaker: str      # speaker id and name, folded
    tags: str         # the tags, space-separated
    haystack: str     # all of the above, a line each, in this order: the order of precedence
    ends: tuple[int, ...]  # where each field ends in the haystack
    speaker_words: frozenset[str] = frozenset()


def _one_line(text: str) -> str:
    return " ".join(normalise(text).split())


class SearchIndex:
    """Every node of *project* (or only of *maps*), ready to search as the user types."""

    def __init__(self, project: Project, maps: Iterable[ArgMap] | None = None) -> None:
        self.project = project
        self._entries: list[_Entry] = []
        words_of: dict[str, frozenset[str]] = {}
        for argmap in project.maps.values() if maps is None else maps:
            for node in argmap.nodes.values():
                speaker = argmap.speakers.get(node.by)
                ident = normalise(f"{argmap.id}:{node.id}")
                text = _one_line(node.text)
                quotes = _QUOTE_JOIN.join(_one_line(q.text) for q in node.quotes)
                who = _one_line(f"{node.by} {speaker.name if speaker else ''}")
                tags = normalise(" ".join(node.tags))
                parts = (ident, text, quotes, who, tags)
                self._entries.append(_Entry(Ref(argmap.id, node.id), node, ident, text, quotes, who, tags,
                                            _FIELDS_SEP.join(parts), tuple(accumulate(len(p) + 1 for p in parts)),
                                            words_of.setdefault(who, frozenset(_WORD.findall(who)))))
        self._by_ident = {e.ident: e for e in self._entries}

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
        if name == "force":
            return [f.value for f in Force]
        if name == "scheme":
            return list(SCHEME_IDS)
        return []

    # -- search ---------------------------------------------------------------------------------

    def search(self, query: Query | str, limit: int | None = 200,
               every_field: bool = False) -> tuple[list[Hit], int]:
        """The best *limit* hits for *query* (all with ``None``), and how many there are in all.

        Best first; equal scores keep map and file order.  A hit's ``fields``
        lists the first field each word was found in, or with *every_field*
        every field it was found in.
        """
        if isinstance(query, str):
            query = parse_query(query)
        if query.empty:
            return [], 0
        hits: list[Hit] = []
        patterns = [(word, _starts_a_word(word)) for word in query.words]
        for entry in self._entries:
            if query.filters and not _passes(entry, query.filters):
                continue
            haystack, firsts = entry.haystack, []
            for word, pattern in patterns:  # the substring test first: most nodes fail it, and it is cheap
                found = pattern.search(haystack) if word in haystack else None
                if found is None:
                    break
                firsts.append(found.start())
            else:
                hits.append(_rank(entry, patterns, firsts, every_field))
        total = len(hits)
        hits.sort(key=lambda h: -h.score)
        return (hits if limit is None else hits[:limit]), total


def _starts_a_word(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(word))


def _passes(entry: _Entry, filters: dict[str, tuple[str, ...]]) -> bool:
    node = entry.node
    for name, values in filters.items():
        if name == "kind":
            ok = any(node.kind.startswith(v) for v in values)
        elif name == "by":
            # The speaker's id, or a word of their name, by prefix ("by:all" is Allister Heath).
            ok = any(node.by.lower().startswith(v) or (v in entry.speaker if " " in v else
                                                       any(w.startswith(v) for w in entry.speaker_words))
                     for v in values)
        elif name == "tag":
            ok = any(t.lower().startswith(v) for v in values for t in node.tags)
        elif name == "map":
            ok = any(node.map_id.lower().startswith(v) for v in values)
        elif name == "topic":
            ok = any(_stance_matches(node, v) for v in values)
        elif name == "force":  # the force in effect: a concession is conceded unless it says otherwise
            ok = any(node.effective_force.startswith(v) for v in values)
        elif name == "scheme":
            ok = any(r.scheme is not None and r.scheme.startswith(v) for v in values for r in node.relations)
        else:
            ok = True
        if not ok:
            return False
    return True


def _stance_matches(node: Node, value: str) -> bool:
    topic, _, stance = value.partition("=")
    return any(t.lower().startswith(topic) and (not stance or s.startswith(stance))
               for t, s in node.stances.items())


def _found(pattern: re.Pattern[str], word: str, value: str) -> bool:
    return word in value and pattern.search(value) is not None


_FIELD_NAMES = ("id", "text", "quote", "speaker", "tags")


def _rank(entry: _Entry, patterns: list[tuple[str, re.Pattern[str]]], firsts: list[int],
          every_field: bool) -> Hit:
    """Score a node every word matched: in its id best, then its paraphrase, quotes, speaker, tags.

    *firsts* are where each word first matched in the haystack, whose fields
    are in that order of precedence, so the field of the first match is the
    best one.  With *every_field* (``argmap search --where``) every field a
    word occurs in is listed.
    """
    if not patterns:
        return Hit(entry.ref, 0)
    score, snippet = 0, ""
    fields: list[str] = []
    node_id = entry.ident[entry.ident.find(":") + 1:]
    for (word, pattern), at in zip(patterns, firsts):
        first = _FIELD_NAMES[bisect_right(entry.ends, at)]
        if word in (node_id, entry.ident):
            score += 100
        elif first == "id":
            score += 40
        elif first == "text":
            score += 30 if entry.text.startswith(word) else 20
        elif first == "quote":
            score += 10
            if not snippet:
                snippet = _snippet(_QUOTE_JOIN.join(q.text for q in entry.node.quotes), word)
        else:
            score += 5
        if first not in fields:
            fields.append(first)
        if every_field:
            values = (entry.ident, entry.text, entry.quotes, entry.speaker, entry.tags)
            fields.extend(name for name, value in zip(_FIELD_NAMES, values)
                          if name not in fields and _found(pattern, word, value))
    return Hit(entry.ref, score, fields[0], snippet, tuple(fields))


def _snippet(text: str, word: str, width: int = 60) -> str:
    at = normalise(text).find(word)
    if at < 0 or len(normalise(text)) != len(text):
        return text[:width]
    start = max(0, at - width // 3)
    out = text[start:start + width]
    return ("\u2026" if start else "") + out + ("\u2026" if start + width < len(text) else "")


def highlight(text: str, words: Iterable[str], paint: Callable[[str], str]) -> str:
    """*text* with every occurrence of the *words* (at a word's start) passed through *paint*."""
    words = sorted((w for w in words if w), key=len, reverse=True)
    if not words:
        return text
    folded = normalise(text)
    if len(folded) != len(text):  # casefolding changed lengths (ß): do not risk misplaced colour
        return text
    pattern = re.compile("|".join(r"(?<!\w)" + re.escape(w) for w in words))
    out, last = [], 0
    for match in pattern.finditer(folded):
        out.append(text[last:match.start()])
        out.append(paint(text[match.start():match.end()]))
        last = match.end()
    out.append(text[last:])
    return "".join(out)

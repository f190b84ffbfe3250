"""How much of each seed the maps quote: sentence coverage per genre.

A sentence is a stretch of the seed ending at '.', '!' or '?' followed by
whitespace, or at a line break.  It is covered when some node's quote span
overlaps it.  Page furniture (captions, share links) is left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .model import ArgMap, Genre

__all__ = ["Sentence", "Coverage", "sentences", "map_coverage", "FLOORS"]

# The floors the curated maps must meet (issue: opinion 90%, news 70%).
FLOORS = {"opinion": 0.90, "news": 0.70}

_SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s)|$)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a seed: its span, line and text, and the genre of the part it stands in."""

    start: int
    end: int
    line: int
    text: str
    genre: Genre


@dataclass
class Coverage:
    """How many of a seed's opinion and news sentences its map's quotes cover, and which they miss."""

    argmap: ArgMap
    covered: dict[str, int] = field(default_factory=dict)   # "opinion"/"news" -> covered sentences
    total: dict[str, int] = field(default_factory=dict)
    unmapped: list[Sentence] = field(default_factory=list)

    def share(self, group: str) -> float | None:
        total = self.total.get(group, 0)
        return self.covered.get(group, 0) / total if total else None

    def below_floor(self) -> list[str]:
        return [g for g, floor in FLOORS.items() if (s := self.share(g)) is not None and s < floor]


def _group(genre: Genre) -> str:
    return "opinion" if genre.is_opinion else "news"


def sentences(argmap: ArgMap) -> list[Sentence]:
    """The seed's sentences with their genre, furniture left out."""
    text = argmap.seed_text or ""
    parts = sorted((p for p in argmap.source.parts if p.span), key=lambda p: p.span[0])
    starts = [p.span[0] for p in parts]
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    out = []
    for match in _SENTENCE.finditer(text):
        body = match.group().strip()
        if not re.search(r"\w", body):
            continue
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        i = bisect.bisect_right(starts, start) - 1
        genre = parts[i].genre if i >= 0 else argmap.source.genre
        if genre is Genre.PAGE_FURNITURE:
            continue
        line = bisect.bisect_right(line_starts, start)
        out.append(Sentence(start, start + len(body), line, body, genre))
    return out


def map_coverage(argmap: ArgMap) -> Coverage:
    spans = sorted(q.span for n in argmap.nodes.values() for q in n.quotes if q.span)
    ends = [e for _, e in spans]
    result = Coverage(argmap)
    for sentence in sentences(argmap):
        group = _group(sentence.genre)
        result.total[group] = result.total.get(group, 0) + 1
        # Spans are sorted by start: any span starting before the sentence ends
        # and ending after it starts overlaps it.
        last = bisect.bisect_left(spans, (sentence.end, -1))
        if any(ends[i] > sentence.start for i in range(last)):
            result.covered[group] = result.covered.get(group, 0) + 1
        else:
            result.unmapped.append(sentence)
    return result

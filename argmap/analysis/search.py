"""Find nodes across maps by words in their text, quotes, speakers, ids or tags.

A query is one or more words; a node matches when every word occurs
somewhere in it: its id, its paraphrase, its quotes, its speaker's id or
name, or its tags.  Matching ignores case, and a word matches at the start
of a word of the node ("tender" finds "tendering"; "lie" does not find
"believe").  A word with a colon is matched against ``map:node`` as well.
Typographic quotes and dashes match their plain forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import ArgMap, Node
from ..visible import visible

__all__ = ["Hit", "search", "normalise", "terms_of"]

_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def normalise(text: str) -> str:
    return text.translate(_FOLD).casefold()


def terms_of(query: str) -> list[str]:
    return [t for t in normalise(query).split() if t]


@dataclass(frozen=True)
class Hit:
    map: ArgMap
    node: Node
    fields: tuple[str, ...]     # where the words were found: "id", "text", "quote", "speaker", "tags"

    def line(self) -> str:
        """``path:line: id — text``, terminal controls shown as escapes."""
        return f"{visible(self.map.path, one_line=True)}:{self.node.pos.line}: {self.node.id} — {self.text()}"

    def text(self) -> str:
        """The node's paraphrase on one line, terminal controls shown as escapes."""
        return visible(" ".join(self.node.text.split()), one_line=True)


def _haystacks(argmap: ArgMap, node: Node) -> list[tuple[str, str]]:
    speaker = argmap.speakers.get(node.by)
    fields = [
        ("id", node.id),
        ("text", node.text),
        *(("quote", q.text) for q in node.quotes),
        ("speaker", node.by),
    ]
    if speaker is not None:
        fields.append(("speaker", speaker.name))
    if node.tags:
        fields.append(("tags", " ".join(node.tags)))
    return [(name, normalise(value)) for name, value in fields]


def search(maps: Iterable[ArgMap], query: str | Sequence[str]) -> list[Hit]:
    """Every node of *maps* that contains every word of *query*, in file order."""
    terms = terms_of(query) if isinstance(query, str) else [normalise(t) for t in query if t.strip()]
    if not terms:
        return []
    patterns = [(term, _pattern(term)) for term in terms]
    hits: list[Hit] = []
    for argmap in sorted(maps, key=lambda m: m.path):
        for node in argmap.nodes.values():
            fields = _haystacks(argmap, node)
            where: list[str] = []
            for term, pattern in patterns:
                found = [name for name, value in fields if pattern.search(value)]
                if not found and ":" in term and pattern.search(normalise(f"{node.map_id}:{node.id}")):
                    found = ["id"]
                if not found:
                    break
                where.extend(f for f in found if f not in where)
            else:
                hits.append(Hit(argmap, node, tuple(where)))
    hits.sort(key=lambda h: (h.map.path, h.node.pos.line))
    return hits


def _pattern(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(term))


def highlight(text: str, terms: Sequence[str], paint) -> str:
    """*text* with every occurrence of the *terms* passed through *paint* (for a terminal)."""
    if not terms:
        return text
    folded = normalise(text)
    if len(folded) != len(text):  # casefolding changed lengths (ß): do not risk misplaced colour
        return text
    pattern = re.compile("|".join(r"(?<!\w)" + re.escape(t) for t in sorted(terms, key=len, reverse=True)))
    out, last = [], 0
    for match in pattern.finditer(folded):
        out.append(text[last:match.start()])
        out.append(paint(text[match.start():match.end()]))
        last = match.end()
    out.append(text[last:])
    return "".join(out)

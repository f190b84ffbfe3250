"""Positions on topics: the topic × article and topic × speaker matrices.

A position is derived from nodes, as docs/format.md says: all ``for`` is
for, all ``against`` is against, both is mixed; a ``mixed`` node makes the
position mixed, and ``neutral`` counts only when nothing else is said.  A
speaker is the same person across maps (the same speaker id).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import ArgMap, Project, Ref, Stance

__all__ = ["combine", "Row", "Matrices", "matrices"]


def combine(stances: Iterable[Stance]) -> Stance | None:
    """The overall position of several stances (``None`` when there are none)."""
    seen = set(stances)
    if not seen:
        return None
    if Stance.MIXED in seen or {Stance.FOR, Stance.AGAINST} <= seen:
        return Stance.MIXED
    for single in (Stance.FOR, Stance.AGAINST):
        if single in seen:
            return single
    return Stance.NEUTRAL


@dataclass
class Row:
    """An article or a speaker, with its stances per topic and the nodes they come from."""

    kind: str            # "article" or "speaker"
    id: str
    name: str
    stances: dict[str, list[Stance]] = field(default_factory=dict)
    refs: dict[str, list[Ref]] = field(default_factory=dict)

    def position(self, topic: str) -> Stance | None:
        return combine(self.stances.get(topic, ()))

    def counts(self, topic: str) -> Counter:
        return Counter(s.value for s in self.stances.get(topic, ()))


@dataclass
class Matrices:
    topics: list[str]                 # topic ids, topics-file order, then any unknown ones
    questions: dict[str, str]
    articles: list[Row]
    speakers: list[Row]

    def as_dict(self) -> dict:
        def rows(items: list[Row]) -> list[dict]:
            return [{"id": r.id, "name": r.name,
                     "positions": {t: (p.value if (p := r.position(t)) else None) for t in self.topics},
                     "counts": {t: dict(r.counts(t)) for t in self.topics if r.stances.get(t)}}
                    for r in items]
        return {
            "topics": [{"id": t, "question": self.questions.get(t, "")} for t in self.topics],
            "articles": rows(self.articles),
            "speakers": rows(self.speakers),
        }


def matrices(project: Project, maps: Sequence[ArgMap] | None = None) -> Matrices:
    """The stance matrices over *maps* (default: every map of the project)."""
    maps = list(project.maps.values()) if maps is None else list(maps)
    topics = list(project.topics)
    articles: list[Row] = []
    speakers: dict[str, Row] = {}
    for argmap in maps:
        article = Row("article", argmap.id, argmap.title)
        articles.append(article)
        for node in argmap.nodes.values():
            if not node.stances:
                continue
            row = speakers.get(node.by)
            if row is None:
                speaker = argmap.speakers.get(node.by)
                row = speakers[node.by] = Row("speaker", node.by, speaker.name if speaker else node.by)
            for topic, stance in node.stances.items():
                if topic not in topics:
                    topics.append(topic)
                for target in (article, row):
                    target.stances.setdefault(topic, []).append(stance)
                    target.refs.setdefault(topic, []).append(node.ref)
    questions = {t: project.topics[t].question if t in project.topics else "" for t in topics}
    return Matrices(topics, questions, articles, sorted(speakers.values(), key=lambda r: r.id))

"""The stance matrix: every article's and speaker's position on every topic.

Pure data, no Textual.  A position is derived from nodes, as docs/format.md
says: all ``for`` is for, all ``against`` is against, both is mixed.  A
``mixed`` node makes the position mixed; ``neutral`` counts only when
nothing else is said.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Project, Ref, Stance

__all__ = ["combine", "Cell", "MatrixRow", "StanceMatrix", "stance_matrix"]


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
class Cell:
    """One position, with the nodes it comes from (the cell jumps to them)."""

    refs: list[Ref] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)

    @property
    def stance(self) -> Stance | None:
        return combine(self.stances)


@dataclass
class MatrixRow:
    """An article (``kind == "article"``) or a speaker across every article."""

    kind: str
    key: str
    label: str
    detail: str = ""
    cells: dict[str, Cell] = field(default_factory=dict)


@dataclass
class StanceMatrix:
    topics: list[str]
    questions: dict[str, str]
    rows: list[MatrixRow]


def stance_matrix(project: Project) -> StanceMatrix:
    """Articles first (in map order), then speakers (by name), each with its cells."""
    topics = list(project.topics)
    for node in project.nodes():  # stances on topics the topics file lacks still show
        for topic in node.stances:
            if topic not in topics:
                topics.append(topic)
    questions = {t: (project.topics[t].question if t in project.topics else "") for t in topics}
    articles: list[MatrixRow] = []
    speakers: dict[str, MatrixRow] = {}
    for argmap in project.maps.values():
        article = MatrixRow("article", argmap.id, argmap.title, argmap.source.outlet or argmap.id)
        articles.append(article)
        for node in argmap.nodes.values():
            if not node.stances:
                continue
            speaker = argmap.speakers.get(node.by)
            row = speakers.get(node.by)
            if row is None:
                name = speaker.name if speaker else node.by
                row = speakers[node.by] = MatrixRow("speaker", node.by, name, node.by)
            for topic, stance in node.stances.items():
                for target in (article, row):
                    cell = target.cells.setdefault(topic, Cell())
                    cell.refs.append(node.ref)
                    cell.stances.append(stance)
    people = sorted(speakers.values(), key=lambda r: r.label.lower())
    return StanceMatrix(topics, questions, articles + people)

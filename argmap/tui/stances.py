"""The stance matrix as the Topics screen shows it: one row per article, then
one per speaker, each cell keeping the nodes it comes from so it can jump.

An ascribed position gets a row of its own after the speakers, and each
row keeps what qualifies its stances (a condition, a scope, a date, a
hedge, an adoption) for the line under the matrix.

Pure data, no Textual.  The positions themselves are computed once, by
:func:`argmap.analysis.stances.matrices` (the same rule `argmap stances`
prints); this module only shapes them into rows and cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..analysis.stances import Row, combine, matrices
from ..model import Project, Ref, Stance

__all__ = ["combine", "Cell", "MatrixRow", "StanceMatrix", "stance_matrix"]


@dataclass
class Cell:
    """One position, with the nodes it comes from (the cell jumps to them).

    ``position`` is what `argmap stances` prints: a stance's value, or
    ``"split"`` for an article whose voices differ, with who holds what in
    ``held``.
    """

    refs: list[Ref] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    position: str | None = None
    held: dict[str, list[str]] | None = None  # a split article: position -> speakers

    @property
    def stance(self) -> str | None:
        """The position shown (kept under its old name: the screen and tests read it)."""
        return self.position if self.position is not None else (
            combined.value if (combined := combine(self.stances)) else None)


@dataclass
class MatrixRow:
    """An article (``kind == "article"``) or a speaker across every article."""

    kind: str
    key: str
    label: str
    detail: str = ""
    cells: dict[str, Cell] = field(default_factory=dict)
    # topic -> what qualifies the stances counted ("end-market: if ...; hedged", "adopted from heath")
    notes: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class StanceMatrix:
    topics: list[str]
    questions: dict[str, str]
    rows: list[MatrixRow]


def _row(row: Row, detail: str) -> MatrixRow:
    cells = {topic: Cell(list(row.refs[topic]), list(stances), row.position(topic), row.split(topic))
             for topic, stances in row.stances.items()}
    notes = {topic: list(dict.fromkeys(row.notes(topic))) for topic in row.stances if row.notes(topic)}
    return MatrixRow(row.kind, row.id, row.name, detail, cells, notes)


def stance_matrix(project: Project) -> StanceMatrix:
    """Articles first (in map order), then speakers (by name), then the positions ascribed to speakers.

    An ascribed row (``kind == "ascribed"``, "Labour, as ascribed by Heath")
    is what one speaker says another holds: never the holder's own row.
    """
    m = matrices(project)
    articles = [_row(r, project.maps[r.id].source.outlet or r.id) for r in m.articles]
    people = sorted((_row(r, r.id) for r in m.speakers if r.kind == "speaker"), key=lambda r: r.label.lower())
    ascribed = sorted((_row(r, r.id) for r in m.ascribed), key=lambda r: r.label.lower())
    return StanceMatrix(m.topics, m.questions, articles + people + ascribed)

"""Positions on topics: the topic × article and topic × speaker matrices.

A position is derived from nodes, as docs/format.md says: all ``for`` is
for, all ``against`` is against, both is mixed; a ``mixed`` node makes the
position mixed, and ``neutral`` counts only when nothing else is said.  A
speaker is the same person across maps (the same speaker id).

What commentary does (docs/format.md) is kept apart:

* an ``ascribed`` node is not the commitment of its holder, nor of the
  article: it goes to a row of its own, ``labour (ascribed by heath)``;
* a speaker (or part) that ``adopts`` another's text takes on the stances of
  the adopted nodes, noted "adopted from ...";
* a conditional, partial or dated stance, and a hedged, reported or
  rhetorical-question node, counts, with a note saying so (:meth:`Row.notes`);
* an article is not one voice: where its speakers take different positions
  on a topic (a news report quoting both sides, a column answering a
  critic), the article's cell is ``split``, with who holds what in the notes,
  rather than ``mixed``, which stays for one voice holding both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import ArgMap, Force, Node, Project, Ref, Stance
from ..visible import visible

__all__ = ["combine", "SPLIT", "Row", "Matrices", "matrices", "render_notes"]

# An article's position when its voices differ (not a Stance: no node is "split").
SPLIT = "split"


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

    kind: str            # "article", "speaker", or "ascribed" (a position one speaker ascribes to another)
    id: str
    name: str
    stances: dict[str, list[Stance]] = field(default_factory=dict)
    refs: dict[str, list[Ref]] = field(default_factory=dict)
    # topic -> what qualifies the stances counted ("if ...", "hedged", "adopted from heath", ...)
    qualified: dict[str, list[str]] = field(default_factory=dict)
    # article rows: topic -> speaker -> that speaker's stances in the article
    voices: dict[str, dict[str, list[Stance]]] = field(default_factory=dict)

    def add(self, topic: str, stance: Stance, ref: Ref, notes: list[str], voice: str | None = None) -> None:
        self.stances.setdefault(topic, []).append(stance)
        self.refs.setdefault(topic, []).append(ref)
        if notes:
            self.qualified.setdefault(topic, []).append(f"{ref.node_id}: " + "; ".join(notes))
        if voice is not None:
            self.voices.setdefault(topic, {}).setdefault(voice, []).append(stance)

    def notes(self, topic: str) -> list[str]:
        return self.qualified.get(topic, [])

    def split(self, topic: str) -> dict[str, list[str]] | None:
        """Who holds which position, when the article's voices differ on *topic* (else None)."""
        held: dict[str, list[str]] = {}
        for voice, stances in self.voices.get(topic, {}).items():
            position = combine(stances)
            if position is not None and position is not Stance.NEUTRAL:
                held.setdefault(position.value, []).append(voice)
        return held if len(held) > 1 else None

    def position(self, topic: str) -> str | None:
        """The row's position on *topic*: a :class:`Stance` value, :data:`SPLIT`, or None."""
        if self.split(topic) is not None:
            return SPLIT
        found = combine(self.stances.get(topic, ()))
        return found.value if found is not None else None

    def counts(self, topic: str) -> Counter:
        return Counter(s.value for s in self.stances.get(topic, ()))


@dataclass
class Matrices:
    topics: list[str]                 # topic ids, topics-file order, then any unknown ones
    questions: dict[str, str]
    articles: list[Row]
    speakers: list[Row]   # each speaker's own positions, then the positions ascribed to speakers by others
    ascribed: list[Row] = field(default_factory=list)  # the ascribed rows alone (also at the end of speakers)

    def as_dict(self) -> dict:
        def rows(items: list[Row]) -> list[dict]:
            return [{"id": r.id, "name": r.name,
                     "positions": {t: r.position(t) for t in self.topics},
                     **({"split": {t: split for t in self.topics if (split := r.split(t))}}
                        if r.kind == "article" else {}),
                     "counts": {t: dict(r.counts(t)) for t in self.topics if r.stances.get(t)},
                     "qualified": {t: r.notes(t) for t in self.topics if r.notes(t)}}
                    for r in items]
        return {
            "topics": [{"id": t, "question": self.questions.get(t, "")} for t in self.topics],
            "articles": rows(self.articles),
            "speakers": rows([r for r in self.speakers if r.kind == "speaker"]),
            "ascribed": rows(self.ascribed),
        }


def _notes(project: Project, node: Node, topic: str) -> list[str]:
    """What qualifies *node*'s stance on *topic*: its force, and the stance's condition, scope and time."""
    notes = []
    force = node.effective_force
    if force is Force.HEDGED or force is Force.RHETORICAL_QUESTION:
        notes.append(force.value.replace("-", " "))
    elif force is Force.REPORTED:
        notes.append(f"reported by {project.said_by(node) or '?'}")
    detail = node.stance_details.get(topic)
    if detail is not None:
        if detail.condition:
            notes.append(f"if {detail.condition}")
        if detail.scope:
            notes.append(f"only {detail.scope}")
        if detail.as_of:
            notes.append(f"as of {detail.as_of}")
    return notes


def _adopters(argmap: ArgMap) -> dict[str, list[str]]:
    """node id -> the speakers who adopt it (through a speaker's or a part's ``adopts``)."""
    by_speaker: dict[str, list[str]] = {}
    for speaker in argmap.speakers.values():
        for adopted in speaker.adopts:
            by_speaker.setdefault(adopted, []).append(speaker.id)
    part_adopters: dict[str, list[str]] = {}
    for part in argmap.source.parts:
        if part.speaker:
            for adopted in part.adopts:
                part_adopters.setdefault(adopted, []).append(part.speaker)
    if not by_speaker and not part_adopters:
        return {}
    out: dict[str, list[str]] = {}
    for node in argmap.nodes.values():
        if not node.stances or node.effective_force is Force.ASCRIBED:
            continue
        who = list(by_speaker.get(node.by, ()))
        if part_adopters:
            part = argmap.part_of(node)
            if part is not None:
                who += part_adopters.get(part.id, ())
        who = [w for w in dict.fromkeys(who) if w != node.by]
        if who:
            out[node.id] = who
    return out


def matrices(project: Project, maps: Sequence[ArgMap] | None = None) -> Matrices:
    """The stance matrices over *maps* (default: every map of the project)."""
    maps = list(project.maps.values()) if maps is None else list(maps)
    topics = list(project.topics)
    articles: list[Row] = []
    speakers: dict[str, Row] = {}
    ascribed: dict[str, Row] = {}

    def speaker_row(argmap: ArgMap, sid: str) -> Row:
        row = speakers.get(sid)
        if row is None:
            speaker = argmap.speakers.get(sid)
            row = speakers[sid] = Row("speaker", sid, speaker.name if speaker else sid)
        return row

    for argmap in maps:
        article = Row("article", argmap.id, argmap.title)
        articles.append(article)
        adopters = _adopters(argmap)
        for node in argmap.nodes.values():
            if not node.stances:
                continue
            for topic in node.stances:
                if topic not in topics:
                    topics.append(topic)
            if node.effective_force is Force.ASCRIBED:
                # Not the holder's commitment, nor the article's: a row of its own.
                teller = node.said_by or "?"
                key = f"{node.by} (ascribed by {teller})"
                row = ascribed.get(key)
                if row is None:
                    holder, by = argmap.speakers.get(node.by), argmap.speakers.get(teller)
                    row = ascribed[key] = Row("ascribed", key, f"{holder.name if holder else node.by}, "
                                              f"as ascribed by {by.name if by else teller}")
                for topic, stance in node.stances.items():
                    row.add(topic, stance, node.ref, _notes(project, node, topic))
                continue
            holder_row = speaker_row(argmap, node.by)
            for topic, stance in node.stances.items():
                notes = _notes(project, node, topic)
                article.add(topic, stance, node.ref, notes, voice=node.by)
                holder_row.add(topic, stance, node.ref, notes)
                for adopter in adopters.get(node.id, ()):
                    speaker_row(argmap, adopter).add(topic, stance, node.ref, [*notes, f"adopted from {node.by}"])
    questions = {t: project.topics[t].question if t in project.topics else "" for t in topics}
    ascribed_rows = sorted(ascribed.values(), key=lambda r: r.id)
    return Matrices(topics, questions, articles, sorted(speakers.values(), key=lambda r: r.id) + ascribed_rows,
                    ascribed_rows)


def render_notes(result: Matrices) -> str:
    """What the tables' cells stand for, for under them ("" when nothing needs saying).

    First the articles whose voices differ (who holds what), then the
    qualified positions (conditional, partial, dated, hedged, reported,
    adopted), one line each.
    """
    def line(row: Row, topic: str, text: str) -> str:
        return f"  {visible(row.id, one_line=True)} on {topic}: {visible(text, one_line=True)}"

    split_lines = [line(row, topic, "; ".join(f"{position}: {', '.join(voices)}" for position, voices in split.items()))
                   for row in result.articles for topic in result.topics if (split := row.split(topic))]
    notes = [line(row, topic, note) for row in [*result.articles, *result.speakers]
             for topic in result.topics for note in row.notes(topic)]
    blocks = []
    if split_lines:
        blocks.append("split: the article's voices differ:\n" + "\n".join(split_lines) + "\n")
    if notes:
        blocks.append("qualified positions (counted above):\n" + "\n".join(dict.fromkeys(notes)) + "\n")
    return "\n".join(blocks)

"""Which nodes a diagram draws: ``--speaker``, ``--topic``, ``--tag``, ``--kind``.

Values of one option are alternatives (``--speaker may --speaker hancock``:
either); different options must all hold (``--speaker may --kind claim``:
May's claims).  A speaker is named by id or by name, case-insensitively; a
topic is one the node takes a stance on.  :mod:`.scene` applies the filter
to the map's own nodes; nodes of other maps linked to those drawn are still
drawn, dashed, for context.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..errors import UsageError
from ..model import Node, Project

__all__ = ["NodeFilter", "Within", "check_values"]


def _fold(values) -> frozenset[str]:
    return frozenset(v.strip().casefold() for v in values or () if v and v.strip())


@dataclass(frozen=True)
class NodeFilter:
    speakers: frozenset[str] = field(default_factory=frozenset)
    topics: frozenset[str] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)
    kinds: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, speakers=(), topics=(), tags=(), kinds=()) -> NodeFilter:
        """A filter from the options' values (any iterable of strings, or None)."""
        return cls(_fold(speakers), _fold(topics), _fold(tags), _fold(kinds))

    def __bool__(self) -> bool:
        return bool(self.speakers or self.topics or self.tags or self.kinds)

    def matches(self, project: Project, node: Node) -> bool:
        """Whether *node* is drawn."""
        if self.kinds and node.kind.value not in self.kinds:
            return False
        if self.tags and not any(t.casefold() in self.tags for t in node.tags):
            return False
        if self.topics and not any(t.casefold() in self.topics for t in node.stances):
            return False
        if self.speakers and node.by.casefold() not in self.speakers:
            argmap = project.maps.get(node.map_id)
            speaker = argmap.speakers.get(node.by) if argmap else None
            if speaker is None or speaker.name.casefold() not in self.speakers:
                return False
        return True

    def describe(self) -> str:
        """``speaker may, kind claim``: for a diagram's title."""
        parts = [f"{name} {' or '.join(sorted(values))}" for name, values in
                 (("speaker", self.speakers), ("topic", self.topics), ("tag", self.tags), ("kind", self.kinds))
                 if values]
        return ", ".join(parts)


def check_values(project: Project, map_ids: list[str], wanted: NodeFilter) -> None:
    """Refuse (UsageError, with a "did you mean") a value that no node of *map_ids* could match."""
    from ..suggest import did_you_mean
    from ..visible import visible

    known: dict[str, set[str]] = {"speaker": set(), "topic": set(), "tag": set()}
    for map_id in map_ids:
        argmap = project.maps[map_id]
        for speaker in argmap.speakers.values():
            known["speaker"].update((speaker.id.casefold(), speaker.name.casefold()))
        for node in argmap.nodes.values():
            known["tag"].update(t.casefold() for t in node.tags)
            known["topic"].update(t.casefold() for t in node.stances)
    for option, values in (("speaker", wanted.speakers), ("topic", wanted.topics), ("tag", wanted.tags)):
        for value in sorted(values - known[option]):
            hint = did_you_mean(value, sorted(known[option]))
            raise UsageError(f"no {option} {visible(value, one_line=True)!r} in the maps exported"
                             + (f"; {hint}" if hint else ""))


@dataclass(frozen=True)
class Within:
    """Only the nodes *refs* (one page's main claim and what hangs under it), and *also* if given."""

    refs: frozenset
    name: str
    also: NodeFilter | None = None
    # Where the map's other nodes are drawn ("see page 3"): a node there in conflict with one here
    # is drawn as a stub (argmap.export.scene), so an attack across pages is not lost.
    elsewhere: Mapping | None = field(default=None, compare=False, hash=False)

    def __bool__(self) -> bool:
        return True

    def matches(self, project: Project, node: Node) -> bool:
        return node.ref in self.refs and (not self.also or self.also.matches(project, node))

    def describe(self) -> str:
        return ", ".join(part for part in (self.name, self.also.describe() if self.also else "") if part)

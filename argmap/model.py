"""The immutable, typed model of a set of argument maps.

Everything downstream of the loader (validation, the TUI, export, analysis)
reads these classes and nothing else.  They are frozen: a consumer that
wants a different view builds a new object instead of mutating a shared one.

Records
    Containers (projects, maps, sources) are frozen dataclasses.  The records
    a big map holds by the tens of thousands (nodes, quotes, relations,
    references, positions) are named tuples: just as immutable and typed,
    and built in C, which makes loading a 10,000-node map markedly faster.

Identifiers
    A node is named by its :class:`Ref` ``map:node``; inside one map the
    bare ``node`` id is enough.  Map, node, speaker and topic ids are short
    kebab-case strings chosen by the curator.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import NamedTuple

__all__ = [
    "Pos", "Kind", "Genre", "Stance", "Label", "RelKind", "Force", "QualifyHow", "StanceDetail", "Ref", "Quote",
    "Speaker", "Part", "Source", "Relation", "Node", "ArgMap", "Topic",
    "Argument", "Project", "EMPTY_MAPPING",
]

EMPTY_MAPPING: Mapping = MappingProxyType({})


class Pos(NamedTuple):
    """A position in a file: 1-based line and column, as editors show them."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


class Kind(enum.StrEnum):
    """The role a node plays in its article's argument."""

    CLAIM = "claim"            # a conclusion the speaker argues for
    PREMISE = "premise"        # a reason or piece of evidence given for another node
    REBUTTAL = "rebuttal"      # a reply that attacks another node or inference
    CONCESSION = "concession"  # a point granted to the other side while arguing on


class Genre(enum.StrEnum):
    NEWS_REPORT = "news-report"
    OPINION_COLUMN = "opinion-column"
    READER_COMMENT = "reader-comment"
    # A transcript of spoken argument between speakers (QT30's Question Time, US2016's
    # presidential debates): every turn argues, so coverage counts it as opinion.
    DEBATE = "debate"
    # Site furniture inside a seed (captions, share links, "Leave a Reply"):
    # not part of any argument, so coverage leaves it out.
    PAGE_FURNITURE = "page-furniture"

    @property
    def is_opinion(self) -> bool:
        return self in (Genre.OPINION_COLUMN, Genre.READER_COMMENT, Genre.DEBATE)


class Stance(enum.StrEnum):
    """A node's position on a cross-article topic."""

    FOR = "for"
    AGAINST = "against"
    MIXED = "mixed"
    NEUTRAL = "neutral"


class Label(enum.StrEnum):
    """Acceptability labels of argumentation semantics."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


class RelKind(enum.StrEnum):
    SUPPORTS = "supports"
    ATTACKS = "attacks"
    UNDERCUTS = "undercuts"
    SAME_AS = "same_as"
    QUALIFIES = "qualifies"      # limits, says "not enough" or concedes: never defeats
    RELATED_TO = "related_to"    # a related, not identical, proposition (usually in another map)


# Relations that bear on the argument; same_as and related_to only link propositions.
LINKS = frozenset({RelKind.SAME_AS, RelKind.RELATED_TO})


class Force(enum.StrEnum):
    """How a node is put forward (Inference Anchoring Theory's illocutionary force)."""

    ASSERTED = "asserted"                        # the default
    CONCEDED = "conceded"                        # granted to the other side (default of kind: concession)
    RHETORICAL_QUESTION = "rhetorical-question"  # an assertion in the form of a question
    REPORTED = "reported"                        # someone else's words, relayed without endorsement
    ASCRIBED = "ascribed"                        # attributed to its holder in the author's own words
    HEDGED = "hedged"                            # suggested, thought, possibly


class QualifyHow(enum.StrEnum):
    """What a ``qualifies`` relation does to its target."""

    LIMITS = "limits"          # holds, but less widely or strongly than it seems (the default)
    NOT_ENOUGH = "not-enough"  # right as far as it goes, but does not suffice
    CONCEDES = "concedes"      # granted while arguing on


class StanceDetail(NamedTuple):
    """What qualifies one stance of a node: a condition, a scope, a time."""

    condition: str = ""   # 'if': the stance holds only under this condition
    scope: str = ""       # 'only': the stance covers only this part of the topic
    as_of: str = ""       # when the position was held, if not the article's date


class Ref(NamedTuple):
    """A fully qualified node reference ``map:node``.

    A named tuple rather than a dataclass: refs are hashed constantly (every
    index is keyed by them) and a tuple's hash is computed in C.
    """

    map_id: str
    node_id: str

    def __str__(self) -> str:
        return f"{self.map_id}:{self.node_id}"

    @classmethod
    def parse(cls, text: str, default_map: str) -> Ref:
        """Parse ``node`` (in *default_map*) or ``map:node``."""
        map_id, sep, node_id = text.partition(":")
        return cls(map_id, node_id) if sep else cls(default_map, text)


class Quote(NamedTuple):
    """A verbatim passage of the seed text.

    ``span`` is the ``(start, end)`` character offset of the passage in the
    seed as decoded text, or ``None`` when the quote was not found.  A named
    tuple, like :class:`Relation`: a big map has tens of thousands of them,
    and a tuple is built in C where a frozen dataclass sets each field in
    Python.
    """

    text: str
    pos: Pos
    span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Somebody who holds positions.  The same id in two maps is one person.

    ``via`` names the speaker through whom this speaker's words reach the
    article (Heath's column reaches us through a reader who pasted it).
    """

    id: str
    name: str
    pos: Pos
    role: str = ""
    via: str | None = None
    adopts: tuple[str, ...] = ()  # speakers of this map whose words this speaker adopts as their own


@dataclass(frozen=True, slots=True)
class Part:
    """A stretch of a seed with its own genre and author.

    A part starts at the first occurrence of its ``starts`` text and runs to
    the start of the next part (or the end of the seed).
    """

    id: str
    genre: Genre
    pos: Pos
    title: str = ""
    outlet: str = ""
    author: str = ""
    date: str = ""
    speaker: str | None = None
    starts: str = ""
    span: tuple[int, int] | None = None
    adopts: tuple[str, ...] = ()  # parts whose text this part's speaker adopts as their own


@dataclass(frozen=True, slots=True)
class Source:
    """The article a map analyses."""

    seed: str
    pos: Pos
    genre: Genre
    original: str = ""
    outlet: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    parts: tuple[Part, ...] = ()


class Relation(NamedTuple):
    """One declared relation, from the node that makes it.

    * ``supports``: ``source`` supports ``target``; ``group`` lists every
      premise of a linked argument (the source included).  A group of one is
      an ordinary, convergent support.
    * ``attacks``: ``source`` rebuts or undermines ``target``.
    * ``undercuts``: ``source`` attacks the inference from ``premise`` to
      ``target`` (the argument, not its conclusion).
    * ``same_as``: ``source`` states the same proposition as ``target``.
    * ``qualifies``: ``source`` limits, finds insufficient, or concedes
      ``target`` (``how``) without disputing it.
    * ``related_to``: ``source`` states a related, not identical, proposition.

    ``scheme`` names an argument scheme (supports, attacks, undercuts);
    ``drawn_by`` the speaker who draws a support's inference when that is
    not the premise's holder.

    A named tuple (see :class:`Quote`): there are several per node.
    """

    kind: RelKind
    source: Ref
    target: Ref
    pos: Pos
    group: tuple[Ref, ...] = ()
    premise: Ref | None = None
    scheme: str | None = None      # an argument scheme id (argmap/schemes.py)
    drawn_by: str | None = None    # supports: the speaker who draws the inference, if not the premise's holder
    how: QualifyHow | None = None  # qualifies: what it does (None: limits)

    @property
    def is_linked(self) -> bool:
        return len(self.group) > 1


class Node(NamedTuple):
    """A claim, premise, rebuttal or concession, as its map declares it.

    A named tuple (see :class:`Quote`): a frozen dataclass with this many
    fields costs the loader more to build than everything else it does per
    node.
    """

    id: str
    map_id: str
    kind: Kind
    text: str
    by: str
    pos: Pos
    quotes: tuple[Quote, ...] = ()
    tags: tuple[str, ...] = ()
    stances: Mapping[str, Stance] = EMPTY_MAPPING
    relations: tuple[Relation, ...] = ()
    expect: Label | None = None
    note: str = ""
    via: str | None = None  # who reports this node's words, when not the holder's usual route
    # Where each field's value stands ("by", "text", "stance.tendering", ...),
    # so later checks and the editor can point at the exact place.
    positions: Mapping[str, Pos] = EMPTY_MAPPING
    force: Force | None = None     # as written; None: the default (see effective_force)
    said_by: str | None = None     # ascribed/reported: who says the holder holds it
    stance_details: Mapping[str, StanceDetail] = EMPTY_MAPPING  # topic -> condition, scope, time

    @property
    def ref(self) -> Ref:
        return Ref(self.map_id, self.id)

    @property
    def effective_force(self) -> Force:
        """The force written, or the default: conceded for a concession, asserted otherwise."""
        if self.force is not None:
            return self.force
        return Force.CONCEDED if self.kind is Kind.CONCESSION else Force.ASSERTED


@dataclass(frozen=True, slots=True)
class ArgMap:
    """One article's map."""

    id: str
    title: str
    path: str
    pos: Pos
    source: Source
    speakers: Mapping[str, Speaker]
    nodes: Mapping[str, Node]
    seed_text: str | None = None

    def part_of(self, node: Node) -> Part | None:
        """The part of the seed a node's first located quote falls in."""
        for quote in node.quotes:
            if quote.span is not None:
                start = quote.span[0]
                for part in self.source.parts:
                    if part.span is not None and part.span[0] <= start < part.span[1]:
                        return part
                return None
        return None

    def genre_of(self, node: Node) -> Genre:
        part = self.part_of(node)
        return part.genre if part else self.source.genre


@dataclass(frozen=True, slots=True)
class Topic:
    """A cross-article question on which nodes take stances."""

    id: str
    question: str
    pos: Pos
    description: str = ""


@dataclass(frozen=True, slots=True)
class Argument:
    """An inference: premises (one, or several linked) to a conclusion."""

    premises: tuple[Ref, ...]
    conclusion: Ref

    @property
    def id(self) -> str:
        return "+".join(map(str, self.premises)) + "->" + str(self.conclusion)


class _RelationIndex(NamedTuple):
    """A project's relations by the node that declares them, that they target, or that is their premise."""

    outgoing: dict[Ref, list[Relation]]
    incoming: dict[Ref, list[Relation]]
    premise_in: dict[Ref, list[Relation]]


@dataclass(frozen=True, repr=False, eq=False)
class Project:
    """Every map and topic loaded together, with indexes over relations.

    Compared by identity and shown briefly: a field-by-field repr or == would
    walk every node of a big project (Textual's workers repr their arguments).
    The indexes are built when first asked for: ``argmap check`` needs few.
    """

    maps: Mapping[str, ArgMap]
    topics: Mapping[str, Topic] = field(default_factory=lambda: EMPTY_MAPPING)
    topics_path: str | None = None

    def __post_init__(self) -> None:
        nodes = [node for argmap in self.maps.values() for node in argmap.nodes.values()]
        object.__setattr__(self, "_nodes", nodes)
        object.__setattr__(self, "_relations", [r for node in nodes for r in node.relations])

    @cached_property
    def node_refs(self) -> frozenset[Ref]:
        """The reference of every node."""
        return frozenset(Ref(argmap.id, node_id) for argmap in self.maps.values() for node_id in argmap.nodes)

    @cached_property
    def _by_kind(self) -> dict[RelKind, list[Relation]]:
        by_kind: dict[RelKind, list[Relation]] = {kind: [] for kind in RelKind}
        for relation in self._relations:
            by_kind[relation.kind].append(relation)
        return by_kind

    @cached_property
    def _index(self) -> _RelationIndex:
        outgoing: dict[Ref, list[Relation]] = {}
        incoming: dict[Ref, list[Relation]] = {}
        premise_in: dict[Ref, list[Relation]] = {}
        for relation in self._relations:
            outgoing.setdefault(relation.source, []).append(relation)
            incoming.setdefault(relation.target, []).append(relation)
            if relation.kind is RelKind.SUPPORTS:
                for premise in relation.group or (relation.source,):
                    premise_in.setdefault(premise, []).append(relation)
        return _RelationIndex(outgoing, incoming, premise_in)

    def __repr__(self) -> str:
        return f"<Project: {len(self.maps)} maps, {len(self._nodes)} nodes>"

    def nodes(self) -> Iterator[Node]:
        """Every node of every map, in file order."""
        return iter(self._nodes)

    def relations(self, kind: RelKind | None = None) -> Iterator[Relation]:
        """Every declared relation (of *kind*, if given), in file order."""
        return iter(self._relations if kind is None else self._by_kind[kind])

    def node(self, ref: Ref) -> Node | None:
        argmap = self.maps.get(ref.map_id)
        return argmap.nodes.get(ref.node_id) if argmap else None

    def map_of(self, ref: Ref) -> ArgMap | None:
        return self.maps.get(ref.map_id)

    def outgoing(self, ref: Ref) -> list[Relation]:
        """Relations declared by the node *ref*."""
        return self._index.outgoing.get(ref, [])

    def incoming(self, ref: Ref) -> list[Relation]:
        """Relations that target the node *ref*."""
        return self._index.incoming.get(ref, [])

    def premise_in(self, ref: Ref) -> list[Relation]:
        """Support relations in which *ref* is a premise, declared by it or by a co-premise."""
        return self._index.premise_in.get(ref, [])

    def speaker(self, ref: Ref) -> Speaker | None:
        node = self.node(ref)
        argmap = self.maps.get(ref.map_id)
        return argmap.speakers.get(node.by) if node and argmap else None

    def attribution(self, map_id: str, speaker_id: str) -> list[Speaker]:
        """The chain from a speaker to the article: ``[niemietz, heath, reader]``."""
        argmap = self.maps.get(map_id)
        chain: list[Speaker] = []
        seen: set[str] = set()
        current: str | None = speaker_id
        while argmap and current and current not in seen:
            seen.add(current)
            speaker = argmap.speakers.get(current)
            if speaker is None:
                break
            chain.append(speaker)
            current = speaker.via
        return chain

    def attribution_of(self, node: Node) -> list[Speaker]:
        """Who holds *node* and who reports whom, to the article: ``[hewitt, hsj, ft]``.

        A node's own ``via`` overrides its holder's usual route for that node
        (Hewitt's on-the-record interview as against her reported thinking).
        """
        if node.via is None:
            return self.attribution(node.map_id, node.by)
        argmap = self.maps.get(node.map_id)
        holder = argmap.speakers.get(node.by) if argmap else None
        if holder is None:
            return []
        chain = [holder]
        for speaker in self.attribution(node.map_id, node.via):
            if speaker in chain:
                break
            chain.append(speaker)
        return chain

    def arguments(self) -> list[Argument]:
        """Every distinct inference declared by ``supports`` relations."""
        found: dict[tuple[frozenset[Ref], Ref], Argument] = {}
        for relation in self.relations(RelKind.SUPPORTS):
            group = relation.group or (relation.source,)
            key = (frozenset(group), relation.target)
            if key not in found:
                found[key] = Argument(tuple(sorted(group)), relation.target)
        return list(found.values())

    def said_by(self, node: Node) -> str | None:
        """Who says that *node*'s holder holds it, for an ascribed or reported node (else None).

        ``said_by`` as written; for a reported node without it, the node's
        ``via``, else its holder's ``via`` (who relays the holder).
        """
        force = node.effective_force
        if force is not Force.ASCRIBED and force is not Force.REPORTED:
            return None
        if node.said_by is not None or force is Force.ASCRIBED:
            return node.said_by
        if node.via is not None:
            return node.via
        argmap = self.maps.get(node.map_id)
        holder = argmap.speakers.get(node.by) if argmap else None
        return holder.via if holder else None

    def same_as_class(self, ref: Ref) -> set[Ref]:
        """Every node linked to *ref* by ``same_as``, in either direction, transitively."""
        seen = {ref}
        todo = [ref]
        while todo:
            current = todo.pop()
            linked = [r.target for r in self.outgoing(current) if r.kind is RelKind.SAME_AS]
            linked += [r.source for r in self.incoming(current) if r.kind is RelKind.SAME_AS]
            for other in linked:
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        return seen

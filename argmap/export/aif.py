"""Write a map in the Argument Interchange Format (AIF) as AIFdb and OVA3 read it.

The graph (docs/export.md, "AIF export"):

* every node is an **I-node** (its text), in the map's order, then the nodes
  of other maps that the map's relations reach (context);
* every inference is one **RA** node: each premise → RA → conclusion, so the
  premises of a linked argument share one RA; its text is the argument
  scheme's AIF name (``Default Inference`` when none is named);
* an attack is a **CA** node (attacker → CA → attacked I-node); an undercut
  is a CA into the RA of the inference it attacks;
* ``same_as`` and ``related_to`` are **MA** nodes (``Default Rephrase``),
  told apart in argmap's block; ``qualifies`` has no AIF node (AIF has no
  relation that limits without attacking) and lives in the block;
* who said what: per quote an **L-node** (``"First Surname: words"``), a
  **YA** node whose text is the IAT illocution of the node's force
  (Asserting, Conceding, Rhetorical Questioning, Assertive Questioning;
  :mod:`.aif_vocab`) from the L-node to the I-node, a ``locutions`` entry
  tying the L-node to its participant, and a participant per speaker
  (:mod:`.aif_people`);
* every RA, CA, MA and YA has a ``schemefulfillments`` entry with its
  ``schemeID`` (what AIFdb stores and OVA3 reads).

What AIF cannot say goes in the ``argmap`` block (:mod:`.aif_block`), so
that ``argmap import aif`` restores the map exactly.  The two layouts,
AIFdb's flat one and OVA3's ``{"AIF", "OVA", "text"}``, are
:mod:`.aif_flavour`'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import EmptySelectionError, UsageError
from ..gcpause import gc_paused
from ..jsonout import dumps as json_dumps
from ..model import Project, Ref, RelKind
from .aif_block import EXTENSION_VERSION, build_block
from .aif_people import locution_text, participant_name
from .aif_vocab import aif_scheme_name, illocution_of_force, scheme_id_for
from .escape import clean

__all__ = ["EXTENSION_VERSION", "FLAVOURS", "AifGraph", "dumps", "to_aif"]

FLAVOURS = ("aifdb", "ova")
_SNODE_KIND = {RelKind.ATTACKS: "CA", RelKind.UNDERCUTS: "CA", RelKind.SAME_AS: "MA", RelKind.RELATED_TO: "MA"}


@dataclass
class AifGraph:
    """The AIF of one map before a flavour lays it out."""

    ova: bool
    nodes: list[dict] = field(default_factory=list)       # nodeID, text, type (+ scheme, schemeID)
    edges: list[tuple[str, str]] = field(default_factory=list)
    schemefulfillments: list[dict] = field(default_factory=list)
    participants: list[dict] = field(default_factory=list)
    locutions: list[dict] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # a quote's (start, end, L-node id)
    i_nodes: dict[Ref, str] = field(default_factory=dict)
    snodes: dict[str, dict] = field(default_factory=dict)  # S-node id -> what the block says of it
    relations: dict[Ref, list[dict]] = field(default_factory=dict)  # home node -> its relations, as declared

    def node(self, type_: str, text: str, scheme: str | None = None) -> str:
        # OVA3 ids look like "12_<session>": OVA finds the L-node of I-node n as n+1 ("res/js/ova-init.js",
        # hlUpdate), so a node's first L-node is always written right after it.
        number = len(self.nodes) + 1
        node_id = f"{number}_argmap" if self.ova else str(number)
        entry = {"nodeID": node_id, "text": text, "type": type_}
        if scheme is not None:
            scheme_id = scheme_id_for(scheme, type_)
            entry.update(scheme=scheme, schemeID=scheme_id)
            self.schemefulfillments.append({"nodeID": node_id, "schemeID": scheme_id})
        self.nodes.append(entry)
        return node_id

    def edge(self, source: str, target: str) -> None:
        self.edges.append((source, target))


def _scene_refs(project: Project, map_id: str) -> list[Ref]:
    """The map's nodes in its order, then the nodes of other maps its relations reach."""
    from .scene import build_scene

    argmap = project.maps[map_id]
    scene = build_scene(project, map_id)
    home = [node.ref for node in argmap.nodes.values()]
    return home + [ref for ref, n in scene.nodes.items() if ref.map_id != map_id and not n.home]


def _people(project: Project, map_id: str, graph: AifGraph) -> dict[str, tuple[int, str, str]]:
    """Each speaker's (participantID, firstname, surname), for the map's speakers and any other holder."""
    argmap = project.maps[map_id]
    people: dict[str, tuple[int, str, str]] = {}
    names = [(s.id, s.name) for s in argmap.speakers.values()]
    names += [(n.by, n.by) for n in argmap.nodes.values() if n.by not in argmap.speakers and n.quotes]
    taken: set[tuple[str, str]] = set()
    for speaker_id, name in names:
        if speaker_id in people:
            continue
        first, last = participant_name(name, ova=graph.ova)
        if (first, last) in taken:  # AIFdb and OVA would take two speakers of one name for one person
            first, last = participant_name(f"{name} {speaker_id}", ova=graph.ova)
            k = 2
            while (first, last) in taken:
                first, last = participant_name(f"{name} {speaker_id} {k}", ova=graph.ova)
                k += 1
        taken.add((first, last))
        people[speaker_id] = (len(people) + 1, first, last)
        graph.participants.append({"participantID": len(people), "firstname": first, "surname": last})
    return people


def _i_and_l_nodes(project: Project, map_id: str, graph: AifGraph) -> None:
    people = _people(project, map_id, graph)
    for ref in _scene_refs(project, map_id):
        node = project.node(ref)
        graph.i_nodes[ref] = graph.node("I", clean(node.text) if node is not None else str(ref))
        if node is None or ref.map_id != map_id:
            continue
        ya_name = illocution_of_force(node.effective_force).name
        pid, first, last = people[node.by]
        for quote in node.quotes:
            l_node = graph.node("L", locution_text(first, last, clean(quote.text)))
            ya = graph.node("YA", ya_name, scheme=ya_name)
            graph.edge(l_node, ya)
            graph.edge(ya, graph.i_nodes[ref])
            # AIFdb and OVA read a locution's start/end as times ("2020-05-21 23:00:09"); argmap knows
            # none, so they are left out (the quote's offsets are in the block).
            graph.locutions.append({"nodeID": l_node, "personID": pid})
            if quote.span is not None:
                graph.spans.append((quote.span[0], quote.span[1], l_node))


def _inferences(project: Project, map_id: str, graph: AifGraph) -> dict[tuple[frozenset[Ref], Ref], str]:
    """One RA per inference: the map's in declaration order, then others' that reach the map."""
    ras: dict[tuple[frozenset[Ref], Ref], str] = {}
    rank = {node_id: k for k, node_id in enumerate(graph.i_nodes.values())}

    def add(premises: tuple[Ref, ...], conclusion: Ref, scheme: str | None, drawn_by: str | None) -> None:
        key = (frozenset(premises), conclusion)
        if key in ras or conclusion not in graph.i_nodes or not all(p in graph.i_nodes for p in premises):
            return
        name = aif_scheme_name(scheme, RelKind.SUPPORTS)
        ras[key] = ra = graph.node("RA", name, scheme=name)
        # Premises in the map's order, not as a record lists them: the same RA whoever declares it.
        for premise in sorted(premises, key=lambda ref: rank[graph.i_nodes[ref]]):
            graph.edge(graph.i_nodes[premise], ra)
        graph.edge(ra, graph.i_nodes[conclusion])
        graph.snodes[ra] = {"kind": RelKind.SUPPORTS.value, **({"scheme": scheme} if scheme else {}),
                            **({"by": drawn_by} if drawn_by else {})}

    home = project.maps[map_id].nodes.values()
    for node in home:
        for r in node.relations:
            if r.kind is RelKind.SUPPORTS:
                add(r.group or (r.source,), r.target, r.scheme, r.drawn_by)
    for argument in project.arguments():
        if argument.conclusion.map_id == map_id or any(p.map_id == map_id for p in argument.premises):
            add(argument.premises, argument.conclusion, None, None)
    return ras


def _relations(project: Project, map_id: str, graph: AifGraph) -> None:
    """Every relation the map declares, in order: its S-node (CA, MA; supports share their RA) and its record."""
    ras = _inferences(project, map_id, graph)
    by_conclusion: dict[Ref, list[tuple[frozenset[Ref], str]]] = {}
    for (premises, conclusion), ra in ras.items():
        by_conclusion.setdefault(conclusion, []).append((premises, ra))
    for node in project.maps[map_id].nodes.values():
        records = []
        for r in node.relations:
            record: dict = {"kind": r.kind.value, "to": str(r.target)}
            if r.kind is RelKind.SUPPORTS:
                ra = ras.get((frozenset(r.group or (r.source,)), r.target))
                if ra:
                    record["snode"] = ra
            elif r.kind is RelKind.UNDERCUTS:
                record["premise"] = str(r.premise)
                targets = [ra for premises, ra in by_conclusion.get(r.target, ()) if r.premise in premises]
                snodes = [_snode(graph, r, ra) for ra in targets] if r.source in graph.i_nodes else []
                if snodes:
                    record["snode"] = snodes[0] if len(snodes) == 1 else snodes
            elif r.kind in _SNODE_KIND and r.target in graph.i_nodes:
                record["snode"] = _snode(graph, r, graph.i_nodes[r.target])
            if r.scheme:
                record["scheme"] = r.scheme
            if r.drawn_by:
                record["by"] = r.drawn_by
            if r.how is not None:
                record["how"] = r.how.value
            records.append(record)
        if records:
            graph.relations[node.ref] = records
    _incoming(project, map_id, graph, by_conclusion)


def _incoming(project: Project, map_id: str, graph: AifGraph,
              by_conclusion: dict[Ref, list[tuple[frozenset[Ref], str]]]) -> None:
    """Attacks, undercuts and links that other maps' nodes declare on this map: the context around it.

    Their supports are already RAs (:func:`_inferences`); without these, a
    node of another map that only attacks the map would stand in the file
    alone.  They are declared elsewhere, so no node's ``relations`` lists them.
    """
    for ref in [r for r in graph.i_nodes if r.map_id != map_id]:
        for r in project.outgoing(ref):
            if r.kind is RelKind.UNDERCUTS:
                for premises, ra in by_conclusion.get(r.target, ()):
                    if r.premise in premises and (r.target.map_id == map_id or
                                                  any(p.map_id == map_id for p in premises)):
                        _snode(graph, r, ra)
            elif r.kind in _SNODE_KIND and r.target.map_id == map_id and r.target in graph.i_nodes:
                _snode(graph, r, graph.i_nodes[r.target])


def _snode(graph: AifGraph, relation, target: str) -> str:
    """The CA or MA of *relation*: source → S-node → *target*."""
    name = aif_scheme_name(relation.scheme, relation.kind)
    snode = graph.node(_SNODE_KIND[relation.kind], name, scheme=name)
    graph.edge(graph.i_nodes[relation.source], snode)
    graph.edge(snode, target)
    graph.snodes[snode] = {"kind": relation.kind.value, **({"scheme": relation.scheme} if relation.scheme else {})}
    return snode


def build_graph(project: Project, map_id: str, *, ova: bool = False) -> AifGraph:
    """The AIF graph of *map_id* and what argmap's block needs, before layout."""
    graph = AifGraph(ova)
    _i_and_l_nodes(project, map_id, graph)
    _relations(project, map_id, graph)
    return graph


def to_aif(project: Project, map_id: str, flavour: str = "aifdb") -> dict:
    """The AIF of map *map_id* as plain Python data: AIFdb's flat layout, or OVA3's (*flavour* ``ova``)."""
    from .aif_flavour import aifdb_layout, ova_layout

    if flavour not in FLAVOURS:
        raise UsageError(f"unknown AIF flavour {flavour!r}; choose one of {', '.join(FLAVOURS)}")
    if map_id not in project.maps:
        raise UsageError(f"no map {map_id!r} is loaded")
    if flavour == "ova" and not project.maps[map_id].nodes:
        # OVA3's loadOva3Json reduces OVA.nodes with no initial value: an empty list throws.
        raise EmptySelectionError(f"map {map_id} has no nodes, and OVA3 cannot open an analysis without any")
    with gc_paused():  # hundreds of thousands of small dicts, no cycles: collections would rescan them all
        graph = build_graph(project, map_id, ova=flavour == "ova")
        block = build_block(project, map_id, graph, with_text=flavour == "aifdb")
        return ova_layout(project, map_id, graph, block) if graph.ova else aifdb_layout(graph, block)


def dumps(project: Project, map_id: str, flavour: str = "aifdb") -> bytes:
    """:func:`to_aif` as UTF-8 JSON, terminal controls escaped (:mod:`argmap.jsonout`)."""
    data = to_aif(project, map_id, flavour)
    text = json_dumps(data, indent=None) + "\n"  # compact: the C encoder (indenting is 3x slower)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: JSON can escape it, UTF-8 cannot hold it
        import json

        return (json.dumps(data, ensure_ascii=True) + "\n").encode("ascii")

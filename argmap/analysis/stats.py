"""Counts over a set of maps: kinds, relations, speakers, topics, the most contested nodes, the deepest chain.

Everything is computed over the *selected* maps: their nodes, and the
relations those nodes declare.  Incoming relations from other loaded maps
count towards "most attacked / supported" (they are attacks on these nodes),
but the deepest chain stays inside the selection.  All of it is linear in
the size of the maps.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..graph import strongly_connected
from ..model import ArgMap, Force, Kind, Project, Ref, RelKind, Stance

__all__ = ["Stats", "SpeakerStats", "TopicStats", "ChainStep", "compute", "deepest_chain"]


@dataclass
class SpeakerStats:
    id: str
    name: str
    maps: list[str] = field(default_factory=list)
    nodes: int = 0
    relations: Counter = field(default_factory=Counter)   # by RelKind value, declared by this speaker's nodes


@dataclass
class TopicStats:
    id: str
    question: str
    stances: Counter = field(default_factory=Counter)     # by Stance value
    maps: list[str] = field(default_factory=list)

    @property
    def nodes(self) -> int:
        return sum(self.stances.values())


@dataclass(frozen=True)
class ChainStep:
    node: Ref
    relation: RelKind | None        # how this node bears on the next step (None for the last)
    cycle: int = 1                  # >1: this step stands for a cycle of that many nodes


@dataclass
class Stats:
    maps: list[tuple[str, int, int]]                      # (map id, nodes, relations declared)
    kinds: Counter
    relations: Counter
    inferences: int
    linked: int
    speakers: list[SpeakerStats]
    topics: list[TopicStats]
    most_attacked: list[tuple[Ref, int]]
    most_supported: list[tuple[Ref, int]]
    chain: list[ChainStep]
    forces: Counter = field(default_factory=Counter)      # by Force (effective: a concession's is conceded)
    schemes: Counter = field(default_factory=Counter)     # by scheme id, over supports, attacks, undercuts

    @property
    def nodes(self) -> int:
        return sum(n for _, n, _ in self.maps)

    def as_dict(self, project: Project) -> dict:
        def node(ref: Ref) -> dict:
            found = project.node(ref)
            return {"ref": str(ref), "text": found.text if found else None}

        return {
            "maps": [{"map": m, "nodes": n, "relations": r} for m, n, r in self.maps],
            "nodes": self.nodes,
            "kinds": {k.value: self.kinds.get(k, 0) for k in Kind},
            "relations": {k.value: self.relations.get(k, 0) for k in RelKind},
            "forces": {f.value: self.forces.get(f, 0) for f in Force},
            "schemes": dict(sorted(self.schemes.items())),
            "inferences": self.inferences,
            "linked_inferences": self.linked,
            "speakers": [{"id": s.id, "name": s.name, "maps": s.maps, "nodes": s.nodes,
                          "relations": {k.value: s.relations.get(k.value, 0) for k in RelKind}}
                         for s in self.speakers],
            "topics": [{"id": t.id, "question": t.question, "nodes": t.nodes, "maps": t.maps,
                        "stances": {s.value: t.stances.get(s.value, 0) for s in Stance}} for t in self.topics],
            "most_attacked": [{**node(r), "attacks": n} for r, n in self.most_attacked],
            "most_supported": [{**node(r), "supports": n} for r, n in self.most_supported],
            "deepest_chain": [{**node(s.node), "relation": s.relation.value if s.relation else None,
                               "cycle": s.cycle} for s in self.chain],
        }


def compute(project: Project, maps: Sequence[ArgMap], top: int = 5) -> Stats:
    selected = {m.id for m in maps}
    kinds: Counter = Counter()
    relations: Counter = Counter()
    forces: Counter = Counter()
    schemes: Counter = Counter()
    per_map = []
    speakers: dict[str, SpeakerStats] = {}
    topics: dict[str, TopicStats] = {tid: TopicStats(tid, t.question) for tid, t in sorted(project.topics.items())}
    for argmap in maps:
        declared = 0
        for node in argmap.nodes.values():
            kinds[node.kind] += 1
            forces[node.effective_force] += 1
            declared += len(node.relations)
            for relation in node.relations:
                relations[relation.kind] += 1
                if relation.scheme is not None:
                    schemes[relation.scheme] += 1
            speaker = argmap.speakers.get(node.by)
            stats = speakers.get(node.by)
            if stats is None:
                stats = speakers[node.by] = SpeakerStats(node.by, speaker.name if speaker else node.by)
            if argmap.id not in stats.maps:
                stats.maps.append(argmap.id)
            stats.nodes += 1
            for relation in node.relations:
                stats.relations[relation.kind.value] += 1
            for tid, stance in node.stances.items():
                topic = topics.get(tid) or topics.setdefault(tid, TopicStats(tid, ""))
                topic.stances[stance.value] += 1
                if argmap.id not in topic.maps:
                    topic.maps.append(argmap.id)
        per_map.append((argmap.id, len(argmap.nodes), declared))

    arguments = [a for a in project.arguments() if a.conclusion.map_id in selected]
    attacked: Counter = Counter()
    supported: Counter = Counter()
    for argmap in maps:
        for node in argmap.nodes.values():
            for relation in project.incoming(node.ref):
                if relation.kind in (RelKind.ATTACKS, RelKind.UNDERCUTS):
                    attacked[node.ref] += 1
    for argument in arguments:
        supported[argument.conclusion] += 1

    def ranked(counter: Counter) -> list[tuple[Ref, int]]:
        return sorted(((r, n) for r, n in counter.items() if n), key=lambda p: (-p[1], p[0]))[:top]

    return Stats(
        maps=per_map, kinds=kinds, relations=relations, inferences=len(arguments), forces=forces, schemes=schemes,
        linked=sum(len(a.premises) > 1 for a in arguments),
        speakers=sorted(speakers.values(), key=lambda s: (-s.nodes, s.id)),
        topics=[t for t in topics.values()],
        most_attacked=ranked(attacked), most_supported=ranked(supported),
        chain=deepest_chain(project, maps),
    )


def deepest_chain(project: Project, maps: Iterable[ArgMap]) -> list[ChainStep]:
    """The longest chain of nodes, each supporting, attacking or undercutting (an inference to) the next.

    Cycles (a support or attack cycle) are collapsed and count as one step,
    so the answer is well defined and linear-time: the longest path in the
    graph of strongly connected components.
    """
    refs: list[Ref] = []
    for argmap in maps:
        refs.extend(n.ref for n in argmap.nodes.values())
    index = {r: i for i, r in enumerate(refs)}
    n = len(refs)
    succ: list[list[tuple[int, RelKind]]] = [[] for _ in range(n)]
    for i, ref in enumerate(refs):
        node = project.node(ref)
        seen: set[int] = set()
        for relation in node.relations:
            if relation.kind is RelKind.SAME_AS:
                continue
            j = index.get(relation.target)
            if j is not None and j != i and j not in seen:
                seen.add(j)
                succ[i].append((j, relation.kind))
        # A linked co-premise supports the conclusion too, though it declares nothing.
        for relation in project.premise_in(ref):
            if relation.source != ref:
                j = index.get(relation.target)
                if j is not None and j != i and j not in seen:
                    seen.add(j)
                    succ[i].append((j, RelKind.SUPPORTS))
    comp, order = strongly_connected([[j for j, _ in edges] for edges in succ])
    sizes = Counter(comp)
    # Tarjan numbers components so that every edge goes to a component emitted
    # earlier (sinks first): settle components in emission order.
    depth = [0] * len(order)
    best_next: list[tuple[int, int, RelKind] | None] = [None] * len(order)   # (from node, to node, kind)
    members: list[list[int]] = [[] for _ in order]
    for i in range(n):
        members[comp[i]].append(i)
    for c in range(len(order)):
        depth[c] = 1
        for i in members[c]:
            for j, kind in succ[i]:
                d = comp[j]
                if d != c and depth[d] + 1 > depth[c]:
                    depth[c] = depth[d] + 1
                    best_next[c] = (i, j, kind)
    if not order:
        return []
    start = max(range(len(order)), key=lambda c: (depth[c], -c))
    chain: list[ChainStep] = []
    c = start
    entry = members[c][0]
    while True:
        step = best_next[c]
        here = step[0] if step else entry
        chain.append(ChainStep(refs[here], step[2] if step else None, sizes[c]))
        if step is None:
            break
        entry = step[1]
        c = comp[entry]
    return chain

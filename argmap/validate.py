"""Checks across a whole project: references, relations, and the warnings.

Each check is a function ``(project) -> iterable of Diagnostic``; ``CHECKS``
lists them in the order they run.  Errors that only follow from a file that
failed to load (a reference into a broken map, a stance when the topics
file is broken) are held back: the file's own error is the one to fix.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from .analysis.expect import check_expected_labels
from .case_collisions import check_case_collisions
from .diagnostics import Diagnostic, error, warning
from .graph import strongly_connected
from .listing import join_shortened
from .model import Force, Kind, Project, Ref, Relation, RelKind
from .schemes import CONFLICT, SUPPORT
from .schemes import get as get_scheme
from .suggest import did_you_mean

__all__ = ["validate", "CHECKS", "LoadFailures"]

Check = Callable[..., Iterable[Diagnostic]]  # (project), or (project, failures): see validate()
# Members of an enum read through its class cost an attribute look-up on the
# metaclass each time; the loops below read them once per relation or node.
_SUPPORTS, _SAME_AS, _ATTACKS, _UNDERCUTS = RelKind.SUPPORTS, RelKind.SAME_AS, RelKind.ATTACKS, RelKind.UNDERCUTS
_REBUTTAL, _PREMISE = Kind.REBUTTAL, Kind.PREMISE


@dataclass
class LoadFailures:
    """The files that failed to load, so that the errors following from them are held back.

    ``held`` collects, as the checks run, ``(failed file, file whose error
    was held back)``: the loader shows the failed file's own errors where a
    file being checked depended on it.
    """

    maps: Mapping[str, str] = field(default_factory=dict)  # map id (as best known) -> its file
    topics: str | None = None  # a topics file that failed
    held: set[tuple[str, str]] = field(default_factory=set)


# _resolve's answer for a reference into a map that failed to load.
_HELD_BACK = error("held-back", "")


def _resolve(project: Project, ref: Ref, relation: Relation, role: str,
             failures: LoadFailures) -> Diagnostic | None:
    argmap = project.maps.get(ref.map_id)
    if argmap is None:
        failed = failures.maps.get(ref.map_id)
        if failed is not None:
            failures.held.add((failed, relation.pos.path))
            return _HELD_BACK
        return error("unknown-map", f"{role} {str(ref)!r} names unknown map {ref.map_id!r}", relation.pos,
                     did_you_mean(ref.map_id, project.maps))
    if ref.node_id not in argmap.nodes:
        where = "" if ref.map_id == relation.source.map_id else f" in map {ref.map_id!r}"
        return error("unknown-node", f"{role} names unknown node {ref.node_id!r}{where}", relation.pos,
                     did_you_mean(ref.node_id, argmap.nodes))
    return None


def check_references(project: Project, failures: LoadFailures) -> Iterator[Diagnostic]:
    known = project.node_refs
    for relation in project.relations():
        target = relation.target
        if target in known and target != relation.source and relation.premise is None and len(relation.group) < 2:
            continue  # the common case: a plain relation between two existing nodes
        kind = relation.kind.value
        problem = _resolve(project, target, relation, f"'{kind}'", failures)
        if problem:
            if problem is not _HELD_BACK:
                yield problem
        elif target == relation.source:
            yield error("self-relation", f"node {relation.source.node_id!r} {kind} itself", relation.pos)
        for co in relation.group[1:]:
            problem = _resolve(project, co, relation, "co-premise", failures)
            if problem:
                if problem is not _HELD_BACK:
                    yield problem
            elif co == target:
                yield error("self-relation", f"co-premise {co.node_id!r} is also the conclusion", relation.pos)
            elif co == relation.source:
                yield error("self-relation", "a node cannot be its own co-premise", relation.pos)
        if relation.premise is not None:
            problem = _resolve(project, relation.premise, relation, "undercut premise", failures)
            if problem:
                if problem is not _HELD_BACK:
                    yield problem
            elif relation.premise == relation.source:
                yield error("self-relation", f"node {relation.source.node_id!r} undercuts its own inference",
                            relation.pos)


def check_undercut_targets(project: Project) -> Iterator[Diagnostic]:
    undercuts = [r for r in project.relations(RelKind.UNDERCUTS) if r.premise is not None]
    if not undercuts:
        return
    known = project.node_refs
    inferences = {(p, r.target) for r in project.relations(RelKind.SUPPORTS) for p in r.group}
    for relation in undercuts:
        if relation.premise in known and relation.target in known and \
                (relation.premise, relation.target) not in inferences:
            yield error("no-inference", f"undercut of an inference that does not exist: "
                        f"{relation.premise.node_id!r} does not support {relation.target.node_id!r}",
                        relation.pos, "add 'supports' on the premise, or undercut an existing support")


def check_linked_groups(project: Project) -> Iterator[Diagnostic]:
    supports = list(project.relations(RelKind.SUPPORTS))
    linked = [r for r in supports if len(r.group) > 1]
    if not linked:
        return
    # Only supports declared by a co-premise of some linked group matter.
    wanted = {(co, r.target) for r in linked for co in r.group[1:]}
    declared: dict[tuple[Ref, Ref], Relation] = {}
    for relation in supports:
        key = (relation.source, relation.target)
        if key in wanted and key not in declared:
            declared[key] = relation
    for relation in linked:
        for co in relation.group[1:]:
            other = declared.get((co, relation.target))
            if other is None:
                continue
            if not other.is_linked:
                yield warning("linked-and-convergent",
                              f"{co.node_id!r} supports {relation.target.node_id!r} alone, but is also a linked "
                              f"co-premise of {relation.source.node_id!r}", other.pos,
                              f"write it as {{to: {relation.target.node_id}, with: [...]}} or drop one of the two")
            elif set(other.group) != set(relation.group) and co < relation.source:
                yield error("linked-mismatch", f"{co.node_id!r} and {relation.source.node_id!r} declare "
                            f"different premise groups for {relation.target.node_id!r}", other.pos)


def check_topics(project: Project, failures: LoadFailures) -> Iterator[Diagnostic]:
    for node in project.nodes():
        for topic in node.stances:
            if topic not in project.topics:
                if failures.topics is not None:  # it may well be there: the file's own error says why not
                    failures.held.add((failures.topics, node.pos.path))
                    continue
                hint = did_you_mean(topic, project.topics) or (
                    "" if project.topics else "no topics file (topics.yaml) was found beside the maps")
                yield error("unknown-topic", f"stance on unknown topic {topic!r}",
                            node.positions.get(f"stance.{topic}", node.pos), hint)


def check_roles(project: Project) -> Iterator[Diagnostic]:
    supporters: set[Ref] = set()
    attackers: set[Ref] = set()
    premises: set[Ref] = set()
    related: set[Ref] = set()
    for r in project.relations():
        related.add(r.source)
        related.add(r.target)
        if r.kind is _SUPPORTS:
            supporters.add(r.source)
            premises.update(r.group)
        elif r.kind is _ATTACKS or r.kind is _UNDERCUTS:
            attackers.add(r.source)
            if r.premise is not None:
                related.add(r.premise)
    related |= premises
    # The sets of suspects, by set algebra; only if one is not empty are the
    # nodes walked, to report in file order.
    only_support = supporters - attackers
    only_attack = attackers - premises
    orphans = project.node_refs - related
    if not (only_support or only_attack or orphans):
        return
    for node in project.nodes():
        ref = (node.map_id, node.id)  # equal to node.ref (a named tuple), and cheaper to make
        if node.kind is _REBUTTAL and ref in only_support:
            yield warning("rebuttal-only-supports", f"rebuttal {node.id!r} only supports other nodes",
                          node.positions.get("kind", node.pos), "is it a premise?")
        if node.kind is _PREMISE and ref in only_attack:
            yield warning("premise-only-attacks", f"premise {node.id!r} only attacks other nodes",
                          node.positions.get("kind", node.pos), "is it a rebuttal?")
        if ref in orphans:
            yield warning("orphan", f"node {node.id!r} has no relation to any other node", node.pos,
                          "connect it with supports/attacks/undercuts/qualifies/same_as/related_to, or remove it")


def check_support_cycles(project: Project) -> Iterator[Diagnostic]:
    supports = list(project.relations(RelKind.SUPPORTS))
    # Only a node that both supports and is supported can be on a cycle.
    on_both_ends = {p for r in supports for p in r.group} & {r.target for r in supports}
    supports = [r for r in supports if r.target in on_both_ends and not on_both_ends.isdisjoint(r.group)]
    refs = list(dict.fromkeys(r.target for r in supports))
    number = {ref: i for i, ref in enumerate(refs)}
    graph: list[list[int]] = [[] for _ in refs]
    for relation in supports:
        target = number[relation.target]
        for premise in relation.group:
            if premise in number:
                graph[number[premise]].append(target)
    component, order = strongly_connected(graph)
    if len(order) == len(refs):
        return  # every component is a single node: no cycles
    members: dict[int, list[Ref]] = defaultdict(list)
    for i, c in enumerate(component):
        members[c].append(refs[i])
    for cycle_members in members.values():
        if len(cycle_members) < 2:
            continue
        inside = set(cycle_members)
        first = min((r for r in supports if r.target in inside and not inside.isdisjoint(r.group)),
                    key=lambda r: (r.pos.path, r.pos.line, r.pos.col))
        cycle = join_shortened([str(m) if m.map_id != first.source.map_id else m.node_id for m in sorted(inside)])
        yield warning("support-cycle", f"support cycle: {cycle}", first.pos,
                      "an argument that supports itself proves nothing")


def check_speakers(project: Project) -> Iterator[Diagnostic]:
    names: dict[str, tuple[str, str]] = {}
    for argmap in project.maps.values():
        used = {n.by for n in argmap.nodes.values()} | {n.via for n in argmap.nodes.values() if n.via}
        used |= {n.said_by for n in argmap.nodes.values() if n.said_by}
        used |= {r.drawn_by for n in argmap.nodes.values() for r in n.relations if r.drawn_by}
        used |= {s.via for s in argmap.speakers.values() if s.via}
        used |= {s.id for s in argmap.speakers.values() if s.adopts}
        used |= {p.speaker for p in argmap.source.parts if p.speaker}
        for speaker in argmap.speakers.values():
            if speaker.id not in used:
                yield warning("unused-speaker", f"speaker {speaker.id!r} holds no node and reports no one",
                              speaker.pos)
            known = names.setdefault(speaker.id, (speaker.name, argmap.id))
            if known[0] != speaker.name:
                yield warning("speaker-name", f"speaker {speaker.id!r} is {speaker.name!r} here but "
                              f"{known[0]!r} in map {known[1]!r}", speaker.pos,
                              "the same id in two maps is one person: use one name, or another id")


def check_force(project: Project) -> Iterator[Diagnostic]:
    """Who says so, for ascribed and reported nodes; ``said_by`` where it means nothing."""
    for node in project.nodes():
        if node.force is None and node.said_by is None:
            continue  # the common case: an asserted (or conceded) node
        force = node.effective_force
        at = node.positions.get("force", node.pos)
        if force is Force.ASCRIBED and node.said_by is None:
            yield error("missing-said-by", f"node {node.id!r} is ascribed to {node.by!r}, but says not by whom",
                        at, "add 'said_by: <the speaker who ascribes it>'")
        elif force is Force.REPORTED and project.said_by(node) is None:
            yield error("missing-said-by", f"node {node.id!r} is reported, but nothing says who reports it", at,
                        f"add 'said_by: <speaker>', or give {node.by!r} or the node a 'via'")
        elif node.said_by is not None and force not in (Force.ASCRIBED, Force.REPORTED):
            yield warning("said-by-unused", f"node {node.id!r} has 'said_by' but its force is {force.value}",
                          node.positions.get("said_by", node.pos),
                          "'said_by' names who ascribes or reports a node: add 'force: ascribed' or "
                          "'force: reported', or remove it")
        if node.said_by is not None and node.said_by == node.by:
            yield warning("said-by-holder", f"node {node.id!r} is said by its own holder {node.by!r}",
                          node.positions.get("said_by", node.pos),
                          "a speaker's own position is asserted: remove 'force' and 'said_by'")


def check_commentary_relations(project: Project) -> Iterator[Diagnostic]:
    """Qualifications that also attack; schemes used for the wrong kind of relation; needless 'by'."""
    qualified = {(r.source, r.target) for r in project.relations(RelKind.QUALIFIES)}
    for relation in project.relations():
        kind = relation.kind
        if qualified and kind is _ATTACKS and (relation.source, relation.target) in qualified:
            yield warning("qualifies-and-attacks",
                          f"{relation.source.node_id!r} both qualifies and attacks {relation.target.node_id!r}",
                          relation.pos, "a qualification grants its target and never defeats it: "
                          "keep 'qualifies' if the node limits or concedes, 'attacks' if it disputes")
        if relation.scheme is not None:
            scheme = get_scheme(relation.scheme)
            if scheme is not None and (scheme.use == CONFLICT and kind is _SUPPORTS
                                       or scheme.use == SUPPORT and kind is not _SUPPORTS):
                what = "an inference" if scheme.use == SUPPORT else "a conflict"
                yield warning("scheme-mismatch", f"scheme {scheme.id!r} labels {what}, not {kind.value}",
                              relation.pos, "see the scheme catalogue in docs/format.md")
        if relation.drawn_by is not None:
            node = project.node(relation.source)
            if node is not None and node.by == relation.drawn_by:
                yield warning("drawn-by-holder", f"the inference from {relation.source.node_id!r} is drawn by its "
                              f"premise's own holder {relation.drawn_by!r}", relation.pos,
                              "'by' on a support names another speaker: remove it")


CHECKS: list[Check] = [
    check_references,
    check_undercut_targets,
    check_linked_groups,
    check_topics,
    check_roles,
    check_force,
    check_commentary_relations,
    check_support_cycles,
    check_speakers,
    check_expected_labels,
    check_case_collisions,
]
# The checks whose errors may follow from a file that failed to load: they take the failures too.
_AWARE_OF_FAILURES = frozenset({check_references, check_topics})


def validate(project: Project, failures: LoadFailures | None = None) -> list[Diagnostic]:
    """Run every check over *project*; the problems in the order found.

    *failures* names the files that failed to load (see :class:`LoadFailures`).
    """
    failures = failures if failures is not None else LoadFailures()
    diagnostics: list[Diagnostic] = []
    for check in CHECKS:
        diagnostics.extend(check(project, failures) if check in _AWARE_OF_FAILURES else check(project))
    return diagnostics

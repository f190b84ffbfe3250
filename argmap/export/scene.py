"""What a diagram shows: the nodes, inferences and edges of one view of a map.

A *scene* is chosen before anything is drawn, so every back end (DOT, the
TUI, tests) agrees on it:

* the whole map: its nodes, plus the nodes of other maps that its relations
  reach (drawn as *context* nodes, so a cross-map link is visible);
* or ``focus`` with ``depth``: the nodes within *depth* relation steps of
  one node, in any map (an undercut is one step from the undercutter to the
  premise and the conclusion of the inference it attacks).

Inferences become *junctions* when they need one: a linked argument (its
premises meet at the junction before reaching the conclusion) and an
undercut inference (the undercut lands on the junction).  Other supports are
drawn straight from premise to conclusion.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from ..errors import EmptySelectionError, UsageError
from ..model import Argument, Node, Project, QualifyHow, Ref, RelKind

__all__ = ["Scene", "SceneNode", "Junction", "Edge", "build_scene", "DEFAULT_DEPTH", "SIDEWAYS"]

DEFAULT_DEPTH = 2
SIDEWAYS = frozenset({"same_as", "related_to"})   # edge roles that link propositions, not arguments


@dataclass(frozen=True, slots=True)
class SceneNode:
    ref: Ref
    node: Node | None      # None: a reference to a node that is not loaded
    home: bool             # belongs to the scene's map (else drawn for context)
    focus: bool = False
    elsewhere: str | None = None   # drawn as a stub that points to where it is drawn ("page 3")


@dataclass(frozen=True, slots=True)
class Junction:
    """An inference drawn as a small junction point."""

    index: int
    argument: Argument
    undercut: bool

    @property
    def linked(self) -> bool:
        return len(self.argument.premises) > 1


@dataclass(frozen=True, slots=True)
class Edge:
    """An edge between two scene elements (a node's Ref or a Junction's index).

    ``role`` is ``support`` (premise straight to conclusion), ``premise``
    (premise into a junction), ``conclusion`` (junction to conclusion),
    ``attack``, ``undercut`` (into a junction), ``qualify``, ``same_as`` or
    ``related_to``.  ``scheme`` is the argument scheme of a support (on its
    ``support`` or ``conclusion`` edge), attack or undercut; ``drawn_by`` who
    draws an inference when not its premise's holder; ``how`` what a
    qualification does; ``undermines`` whether an attack targets a premise
    (else it rebuts).
    """

    kind: RelKind
    role: str
    source: Ref | int
    target: Ref | int
    scheme: str | None = None
    drawn_by: str | None = None
    how: QualifyHow | None = None
    undermines: bool = False


@dataclass
class Scene:
    map_id: str
    nodes: dict[Ref, SceneNode] = field(default_factory=dict)
    junctions: list[Junction] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    focus: Ref | None = None
    depth: int | None = None

    @property
    def home_nodes(self) -> list[SceneNode]:
        return [n for n in self.nodes.values() if n.home]


def _kept(project: Project, ref: Ref, keep) -> bool:
    node = project.node(ref)
    return node is not None and keep(node)


def _neighbours(project: Project, ref: Ref) -> set[Ref]:
    """Nodes one relation step from *ref*, in either direction."""
    out: set[Ref] = set()
    for relation in project.outgoing(ref):
        out.add(relation.target)
        if relation.premise is not None:
            out.add(relation.premise)
        out.update(relation.group)
    for relation in project.incoming(ref):
        out.add(relation.source)
        out.update(relation.group)
    for relation in project.premise_in(ref):  # co-premises and the conclusion
        out.update(relation.group)
        out.add(relation.target)
    for relation in _undercuts_touching(project, ref):
        out.add(relation.source)
    out.discard(ref)
    return out


def _undercuts_touching(project: Project, ref: Ref):
    """Undercuts of inferences that *ref* is the premise or conclusion of."""
    for relation in project.incoming(ref):
        if relation.kind is RelKind.UNDERCUTS:
            yield relation
    for support in project.premise_in(ref):
        for relation in project.incoming(support.target):
            if relation.kind is RelKind.UNDERCUTS and relation.premise == ref:
                yield relation


def _select(project: Project, map_id: str, focus: Ref | None, depth: int, keep=None) -> dict[Ref, bool]:
    """The refs to draw, each with whether it is at the focus (*keep*: a node filter, or None)."""
    if focus is None:
        argmap = project.maps[map_id]
        chosen = {node.ref: False for node in argmap.nodes.values() if keep is None or keep(node)}
        for ref in list(chosen):
            for other in _neighbours(project, ref):
                if other.map_id != map_id:
                    chosen.setdefault(other, False)
        return chosen
    chosen = {focus: True}
    queue = deque([(focus, 0)])
    while queue:
        ref, dist = queue.popleft()
        if dist >= depth:
            continue
        for other in sorted(_neighbours(project, ref)):
            if other not in chosen and project.node(other) is not None:
                chosen[other] = False
                queue.append((other, dist + 1))
    if keep is not None:   # the neighbourhood, then the filter: the focus itself always stays
        chosen = {ref: at for ref, at in chosen.items() if at or ref.map_id != map_id or keep(project.node(ref))}
    return chosen


def build_scene(project: Project, map_id: str, focus: Ref | None = None,
                depth: int | None = None, only=None) -> Scene:
    """The scene of *map_id*, or of the neighbourhood of *focus* (a node of any map).

    *only* (a :class:`~argmap.export.filters.NodeFilter`) keeps just the
    map's nodes it matches; nodes of other maps linked to them stay, for
    context.  A filter with an ``elsewhere`` mapping (a page of ``--page``,
    :class:`~argmap.export.filters.Within`) also keeps the map's nodes drawn
    on other pages that attack, undercut or qualify a node drawn here, or
    that a node here attacks, undercuts or qualifies: as stubs saying where
    they are.  Raises UsageError when nothing of the map is left to draw.
    """
    if focus is not None:
        if project.node(focus) is None:
            raise UsageError(f"no node {focus} to focus on")
        map_id = focus.map_id
        depth = DEFAULT_DEPTH if depth is None else depth
        if depth < 0:
            raise UsageError("--depth must be 0 or more")
    elif map_id not in project.maps:
        raise UsageError(f"no map {map_id!r} is loaded")
    keep = (lambda node: only.matches(project, node)) if only else None
    chosen = _select(project, map_id, focus, depth or 0, keep)
    if keep is not None and not any(ref.map_id == map_id for ref in chosen):
        raise EmptySelectionError(f"no node of {map_id} matches {only.describe()}")
    scene = Scene(map_id, focus=focus, depth=depth if focus is not None else None)

    # Linked arguments need every co-premise, even one beyond the depth.
    arguments: dict[tuple[frozenset[Ref], Ref], Argument] = {}
    for ref in list(chosen):
        for relation in project.incoming(ref):
            if relation.kind is not RelKind.SUPPORTS:
                continue
            group = relation.group or (relation.source,)
            if not any(p in chosen for p in group):
                continue
            if focus is not None and len(group) > 1:
                for premise in group:
                    if keep is None or premise.map_id != map_id or _kept(project, premise, keep):
                        chosen.setdefault(premise, False)
                if not all(p in chosen for p in group):
                    continue
            elif not all(p in chosen for p in group):
                continue
            key = (frozenset(group), relation.target)
            arguments.setdefault(key, Argument(tuple(sorted(group)), relation.target))

    stubs = _stubs(project, chosen, getattr(only, "elsewhere", None) or {})
    for ref in sorted(chosen):
        scene.nodes[ref] = SceneNode(ref, project.node(ref), ref.map_id == map_id, chosen[ref])
    for ref, where in stubs.items():
        scene.nodes[ref] = SceneNode(ref, project.node(ref), True, False, where)

    # Which inferences are undercut (by a node in the scene)?
    undercut_by: dict[tuple[frozenset[Ref], Ref], list[tuple[Ref, str | None]]] = {}
    undercuts = [r for ref in scene.nodes for r in project.outgoing(ref) if r.kind is RelKind.UNDERCUTS]
    by_conclusion: dict[Ref, list[tuple[frozenset[Ref], Ref]]] = {}
    for key in arguments:
        by_conclusion.setdefault(key[1], []).append(key)
    for relation in undercuts:
        for key in by_conclusion.get(relation.target, ()):
            if relation.premise in key[0]:
                undercut_by.setdefault(key, []).append((relation.source, relation.scheme))

    # A support's scheme and who draws it, from any record of the inference (co-premises may repeat it).
    details: dict[tuple[frozenset[Ref], Ref], tuple[str | None, str | None]] = {}
    for key in arguments:
        scheme = drawn_by = None
        for premise in key[0]:
            for relation in project.outgoing(premise):
                if relation.kind is RelKind.SUPPORTS and relation.target == key[1] \
                        and frozenset(relation.group or (relation.source,)) == key[0]:
                    scheme = scheme or relation.scheme
                    drawn_by = drawn_by or relation.drawn_by
        details[key] = (scheme, drawn_by)

    ordered = sorted(arguments.items(), key=lambda kv: (kv[1].conclusion, kv[1].premises))
    for key, argument in ordered:
        if len(argument.premises) > 1 or key in undercut_by:
            junction = Junction(len(scene.junctions), argument, key in undercut_by)
            scene.junctions.append(junction)
            for premise in argument.premises:
                scene.edges.append(Edge(RelKind.SUPPORTS, "premise", premise, junction.index))
            scene.edges.append(Edge(RelKind.SUPPORTS, "conclusion", junction.index, argument.conclusion,
                                    *details.get(key, (None, None))))
            for source, scheme in sorted(set(undercut_by.get(key, ())), key=lambda pair: pair[0]):
                scene.edges.append(Edge(RelKind.UNDERCUTS, "undercut", source, junction.index, scheme))
        else:
            scene.edges.append(Edge(RelKind.SUPPORTS, "support", argument.premises[0], argument.conclusion,
                                    *details.get(key, (None, None))))

    for ref in scene.nodes:
        for relation in project.outgoing(ref):
            target = relation.target
            if target not in scene.nodes:
                continue
            if relation.kind is RelKind.ATTACKS:
                undermines = bool(project.premise_in(target))   # a premise is undermined, else rebutted
                scene.edges.append(Edge(RelKind.ATTACKS, "attack", ref, target, relation.scheme,
                                        undermines=undermines))
            elif relation.kind is RelKind.QUALIFIES:
                scene.edges.append(Edge(RelKind.QUALIFIES, "qualify", ref, target, how=relation.how))
            elif relation.kind is RelKind.SAME_AS:
                scene.edges.append(Edge(RelKind.SAME_AS, "same_as", ref, target))
            elif relation.kind is RelKind.RELATED_TO:
                scene.edges.append(Edge(RelKind.RELATED_TO, "related_to", ref, target))
    return scene


_STUB_KINDS = (RelKind.ATTACKS, RelKind.UNDERCUTS, RelKind.QUALIFIES)


def _stubs(project: Project, chosen: dict[Ref, bool], elsewhere: dict[Ref, str]) -> dict[Ref, str]:
    """Nodes on other pages in a conflict (attack, undercut, qualification) with a node drawn: ref -> where.

    Linear in the relations of the nodes drawn.
    """
    if not elsewhere:
        return {}
    found: dict[Ref, str] = {}
    for ref in chosen:
        for relation in project.outgoing(ref):
            if relation.kind in _STUB_KINDS:
                for other in (relation.target, relation.premise):
                    if other is not None and other not in chosen and other in elsewhere:
                        found.setdefault(other, elsewhere[other])
        for relation in project.incoming(ref):
            if relation.kind in _STUB_KINDS and relation.source not in chosen and relation.source in elsewhere:
                found.setdefault(relation.source, elsewhere[relation.source])
    return found

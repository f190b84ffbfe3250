"""The argument tree of one map, as rows the browser shows lazily.

Pure data, no Textual: the tree widget asks :meth:`Outline.children` for a
row's children when the user expands it, so a 10,000-node map costs one
pass over its relations (to fix each node's one *full* place) and nothing
per node until it is shown.

Shape
    The roots are the map's main claims: nodes that give no reason for, and
    attack nothing in, their own map.  Under each node come the nodes that
    support it (convergent supports one per row, linked premises grouped
    under one row), those that attack or undercut it, and those that
    qualify it (limit it, find it not enough, concede it: never an attack).  Nodes of other
    maps that support or attack it are shown as links, never expanded here.

Full rows and links
    A node can be reached along several paths (it supports two claims) and
    along cycles.  A breadth-first pass from the roots picks, for every node,
    the first place it is reached: there it is shown in full (expandable);
    everywhere else it is a link that jumps to that place.  Since full places
    form a spanning tree, expanding never loops.  Nodes no root reaches (a
    support cycle with no way out) become extra roots, in file order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import ArgMap, Project, Ref, Relation, RelKind

__all__ = ["Row", "Outline", "row_key"]

# The relations that put a node under another in the tree (same_as and related_to
# do not; a qualification does, with its own glyph, as `argmap show` puts it).
TREE_RELATIONS = (RelKind.SUPPORTS, RelKind.ATTACKS, RelKind.UNDERCUTS, RelKind.QUALIFIES)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the argument tree.

    ``kind`` is ``"map"`` (a map's header), ``"node"`` (a node of the map,
    expandable when ``full``), ``"group"`` (the premises of one linked
    argument), ``"link"`` (a node shown in full elsewhere, or of another
    map) or ``"broken"`` (a file that did not load; ``map_id`` is its path).  ``rel`` is how the row relates to its parent (``None`` for roots
    and maps); ``relation`` is the declaration behind it.
    """

    kind: str
    map_id: str
    ref: Ref | None = None
    rel: RelKind | None = None
    relation: Relation | None = None
    full: bool = False
    members: tuple[Ref, ...] = ()

    @property
    def key(self) -> tuple:
        """Identity of the row among its siblings, stable across reloads."""
        return row_key(self)


def row_key(row: Row) -> tuple:
    if row.kind == "group":
        return ("group", tuple(sorted(map(str, row.members))))
    premise = row.relation.premise if row.relation is not None else None
    # Two undercuts by one node of inferences into one conclusion differ by premise.
    return (row.kind, str(row.ref) if row.ref else row.map_id, row.rel or "", str(premise or ""))


class Outline:
    """The tree structure of one map of *project*, computed once."""

    def __init__(self, project: Project, map_id: str) -> None:
        self.project = project
        self.map_id = map_id
        self.argmap: ArgMap = project.maps[map_id]
        # For each node of the map, the (parent ref, child row key) of its full row.
        self._home: dict[Ref, tuple[Ref | None, tuple]] = {}
        self.roots: list[Ref] = []
        self._build()

    # -- structure --------------------------------------------------------------------------

    def _is_root(self, ref: Ref) -> bool:
        return not any(r.kind in TREE_RELATIONS and r.target.map_id == self.map_id
                       for r in self.project.premise_in(ref) + self.project.outgoing(ref))

    def _build(self) -> None:
        nodes = [n.ref for n in self.argmap.nodes.values()]
        roots = [ref for ref in nodes if self._is_root(ref)]
        todo: deque[Ref] = deque()

        def place(ref: Ref, parent: Ref | None, key: tuple) -> None:
            if ref not in self._home:
                self._home[ref] = (parent, key)
                todo.append(ref)

        def drain() -> None:
            while todo:
                parent = todo.popleft()
                for row in self._child_rows(parent):
                    if row.kind == "group":
                        for member in row.members:
                            if member.map_id == self.map_id:
                                place(member, parent, row.key)
                    elif row.kind == "node":
                        place(row.ref, parent, row.key)

        for ref in roots:
            self.roots.append(ref)
            place(ref, None, ("node", str(ref), "", ""))
        drain()
        for ref in nodes:  # unreachable from any root: cycles with no way out
            if ref not in self._home:
                self.roots.append(ref)
                place(ref, None, ("node", str(ref), "", ""))
                drain()

    def _child_rows(self, ref: Ref) -> Iterator[Row]:
        """Children of *ref*, before deciding which are full and which links."""
        seen_groups: set[frozenset[Ref]] = set()
        for relation in self.project.incoming(ref):
            if relation.kind not in TREE_RELATIONS:
                continue
            source = relation.source
            if relation.kind is RelKind.SUPPORTS and relation.is_linked:
                group = frozenset(relation.group)
                if group in seen_groups:
                    continue  # a co-premise repeated the declaration
                seen_groups.add(group)
                yield Row("group", self.map_id, ref, RelKind.SUPPORTS, relation, members=relation.group)
            elif source.map_id != self.map_id:
                yield Row("link", self.map_id, source, relation.kind, relation)
            else:
                yield Row("node", self.map_id, source, relation.kind, relation)

    # -- what the tree widget asks -----------------------------------------------------------

    def root_rows(self) -> list[Row]:
        return [Row("node", self.map_id, ref, full=self._home[ref][0] is None) for ref in self.roots]

    def children(self, row: Row) -> list[Row]:
        """The rows under *row*: full where this is the node's home, links elsewhere."""
        if row.kind == "map":
            return self.root_rows()
        if row.kind == "group":
            parent = row.ref
            return [self._settle(Row("node", self.map_id, m, RelKind.SUPPORTS, row.relation), parent, row.key)
                    for m in row.members]
        if row.kind != "node" or not row.full:
            return []
        out = []
        for child in self._child_rows(row.ref):
            out.append(child if child.kind != "node" else self._settle(child, row.ref, child.key))
        return out

    def _settle(self, row: Row, parent: Ref | None, key: tuple) -> Row:
        if row.ref.map_id != self.map_id:
            return Row("link", row.map_id, row.ref, row.rel, row.relation)
        full = self._home.get(row.ref) == (parent, key)
        return Row("node" if full else "link", row.map_id, row.ref, row.rel, row.relation, full=full)

    def has_children(self, row: Row) -> bool:
        if row.kind in ("map", "group"):
            return True
        if row.kind != "node" or not row.full:
            return False
        return any(r.kind in TREE_RELATIONS for r in self.project.incoming(row.ref))

    def path_to(self, ref: Ref) -> list[tuple]:
        """Row keys from a root down to the full row of *ref* (a group row adds a step)."""
        steps: list[tuple] = []
        current: Ref | None = ref
        while current is not None and current in self._home:
            parent, key = self._home[current]
            node_key = ("node", str(current), "", "")
            if key[0] == "group":
                steps.append(self._member_key(current))
                steps.append(key)
            elif parent is None:
                steps.append(node_key)
            else:
                steps.append(key)
            current = parent
            if len(steps) > 4 * len(self._home) + 4:  # defensive: _home is a tree
                break
        steps.reverse()
        return steps

    @staticmethod
    def _member_key(ref: Ref) -> tuple:
        return ("node", str(ref), RelKind.SUPPORTS, "")

    def __len__(self) -> int:
        return len(self.argmap.nodes)

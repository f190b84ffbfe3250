"""Arrange a scene so that its diagram is page-shaped rather than one long row.

Graphviz puts every main claim's tree side by side, so a map with a dozen
main claims becomes a strip ten times wider than it is tall.  Before the DOT
is written, this module

* splits the scene into *trees*: each element hangs under the first node it
  supports or attacks, and a node that hangs under nothing is a tree's root
  (a main claim, or a node only linked sideways);
* estimates each tree's size from its boxes (Helvetica widths, the same
  wrapping as the labels);
* stacks the trees on *shelves* (rows, or columns with ``LR``/``RL``),
  choosing the shelf length whose picture prints largest on an A4 page in its
  better orientation while keeping neither side longer than
  :data:`MAX_ASPECT` times the other where that can be done;
* staggers wide fans of leaf premises over two ranks, so one claim with
  fifteen reasons does not set the width of the whole picture.

The result is expressed in DOT terms the builder adds: a ``minlen`` for some
edges, ``constraint=false`` for edges between trees (so they do not drag
one tree's ranks into another's), and an invisible point between shelves
with invisible edges to it.  Both renderers read the same DOT, so they give
the same arrangement.  All of it is linear in the scene, bar the choice of
shelf length (at most :data:`CANDIDATES` passes over the trees).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..model import Ref
from .scene import SIDEWAYS, Scene

__all__ = ["Plan", "plan", "PAGE_SIZES", "printed_scale", "MAX_ASPECT", "node_size", "aspect", "trees", "parents"]

Element = Ref | int   # a node's Ref or a junction's index

MAX_ASPECT = 2.5
CANDIDATES = 48       # shelf lengths tried
# Points: a node's children broader than this in one rank go on further ranks (each limit is tried).
FAN_BREADTHS = (900.0, 600.0, 400.0)
NODESEP = 16.0        # points, as DiagramOptions' graph attributes (nodesep 0.22 in)
RANKSEP = 30.0        # ranksep 0.42 in
TREE_GAP = 24.0       # between trees on a shelf
JUNCTION = 9.0        # a junction's diameter
VIRTUAL = 18.0        # the breadth an edge passing a rank takes there
LABEL_LINE = 11.0     # points: one line of an edge label (8.5 pt type), upright
LABEL_WIDTH = 80.0    # points: a typical edge label's width ("Negative Consequences" at 8.5 pt), side-on
# Page sizes in points (portrait), with 10 mm margins taken off when printing.
PAGE_SIZES = {"a4": (595.0, 842.0), "letter": (612.0, 792.0), "a3": (842.0, 1191.0),
              "slide": (720.0, 405.0)}
MARGIN = 28.35

_UP_ROLES = {"support", "premise", "conclusion", "attack", "undercut", "qualify"}
_WRAPPED_ROLES = {"support", "conclusion", "attack", "qualify"}   # linked premises stay beside their junction


def aspect(width: float, height: float) -> float:
    """The longer side over the shorter."""
    return max(width, height) / max(1.0, min(width, height))


def printed_scale(width: float, height: float, page: str = "a4") -> float:
    """How much a *width* x *height* pt picture is scaled to fit *page* in its better orientation."""
    pw, ph = PAGE_SIZES[page]
    pw, ph = pw - 2 * MARGIN, ph - 2 * MARGIN
    if width <= 0 or height <= 0:
        return 1.0
    return max(min(pw / width, ph / height), min(ph / width, pw / height))


def node_size(lines: list[str], head: str | list[str], font: float, head_font: float,
              pad_x: float, pad_y: float) -> tuple[float, float]:
    """The (width, height) in points Graphviz gives a box with these label lines (and header lines)."""
    from .metrics import text_width

    heads = [head] if isinstance(head, str) else head
    width = max([text_width(line, font) for line in lines] + [text_width(h, head_font) for h in heads])
    return width + 2 * pad_x, len(lines) * font * 1.2 + len(heads) * head_font * 1.2 + 2 * pad_y


@dataclass
class Plan:
    """What the DOT builder adds to arrange the scene."""

    minlen: dict[int, int] = field(default_factory=dict)    # edge index -> minlen
    tied: dict[int, bool] = field(default_factory=dict)     # sideways edges that rank: index -> drawn reversed
    loose: set[int] = field(default_factory=set)            # edge indexes drawn with constraint=false
    shelves: list[list[Element]] = field(default_factory=list)   # roots, shelf by shelf
    links: list[tuple[Element | str, Element | str]] = field(default_factory=list)  # invisible edges
    spacers: list[str] = field(default_factory=list)        # invisible points between shelves
    estimate: tuple[float, float] = (0.0, 0.0)              # the picture's estimated width, height
    rankdir: str = "BT"
    score: tuple = ()


@dataclass
class _Tree:
    root: Element
    order: int
    levels: dict[int, float] = field(default_factory=dict)   # level -> breadth
    depths: dict[int, float] = field(default_factory=dict)   # level -> rank-axis size
    deepest: Element | None = None
    deepest_level: int = -1
    span: float = 0.0    # breadth, from the subtrees

    @property
    def breadth(self) -> float:
        return self.span * 1.1   # Graphviz does not pack ranks quite tight

    gap: float = RANKSEP   # between levels (more when edges carry labels, see _level_gap)

    @property
    def depth(self) -> float:
        return sum(self.depths.values()) + self.gap * max(0, len(self.depths) - 1)


def _parents(scene: Scene, ties: dict[int, Element] | None = None) -> dict[Element, tuple[Element, int]]:
    """Each element's first upward neighbour and the edge that leads there.

    A node of another map linked sideways (``same_as``, ``related_to``) and
    hanging under nothing else hangs under the node it is linked to, so it is
    drawn beside its partner's tree instead of as a tree of its own on a
    shelf far away; *ties* (if given) receives those edges: index -> the node.
    """
    parent: dict[Element, tuple[Element, int]] = {}
    for i, edge in enumerate(scene.edges):
        if edge.role in _UP_ROLES and edge.source not in parent and edge.source != edge.target:
            parent[edge.source] = (edge.target, i)
    for i, edge in enumerate(scene.edges):
        if edge.role not in SIDEWAYS or edge.source == edge.target:
            continue
        for loose_end, other in ((edge.target, edge.source), (edge.source, edge.target)):
            node = scene.nodes.get(loose_end)
            if node is not None and not node.home and loose_end not in parent:
                parent[loose_end] = (other, i)
                if ties is not None:
                    ties[i] = loose_end
                break
    return parent


def _tree_edge(i: int, edge, ties: Mapping[int, Element]) -> tuple[Element, Element] | None:
    """(child, parent) of an edge that ranks its ends, or None for a sideways link."""
    if i in ties:
        child = ties[i]
        return child, (edge.source if child == edge.target else edge.target)
    if edge.role in SIDEWAYS:
        return None
    return edge.source, edge.target


def parents(scene: Scene) -> dict[Element, tuple[Element, int]]:
    """Each element's first upward neighbour (what it hangs under) and the index of the edge there."""
    return _parents(scene)


def _roots_and_levels(elements: list[Element], parent: Mapping[Element, tuple[Element, int]],
                      minlen: Mapping[int, int]) -> tuple[dict[Element, Element], dict[Element, int]]:
    """Each element's root and level (rank steps below it), linear, cycles cut where met."""
    root: dict[Element, Element] = {}
    level: dict[Element, int] = {}
    for start in elements:
        if start in root:
            continue
        path: list[Element] = []
        on_path: set[Element] = set()
        here: Element = start
        while here not in root and here not in on_path:
            path.append(here)
            on_path.add(here)
            up = parent.get(here)
            if up is None:
                break
            here = up[0]
        if here in root:            # reached a known element
            top, base = root[here], level[here]
            rest = path
        else:                       # reached a root, or closed a cycle: the last element is a root
            top, base = path[-1], 0
            root[top], level[top] = top, 0
            rest = path[:-1]
        for element in reversed(rest):
            up_element, edge = parent[element]
            base = level[up_element] + minlen.get(edge, 1)
            root[element], level[element] = top, base
    return root, level


def plan(scene: Scene, sizes: Mapping[Element, tuple[float, float]], rankdir: str = "AUTO",
         page: str = "a4", correction: tuple[float, float] = (1.0, 1.0)) -> Plan:
    """The arrangement of *scene*; *sizes* holds each node's (width, height) in points.

    *rankdir* ``AUTO`` tries conclusions on top (``BT``) and on the left
    (``RL``) and keeps the one whose picture prints larger.  *correction*
    scales the estimated breadth (across ranks) and depth (along them), as
    measured against a first layout that missed (see :mod:`.draw`).
    """
    best: tuple | None = None
    for direction in (("BT", "RL") if rankdir == "AUTO" else (rankdir,)):
        # Graphviz spreads a wrapped fan wider than estimated upright: side-on wins only clearly.
        bias = 1.15 if direction == "RL" else 1.0
        for fan in FAN_BREADTHS:
            wrapped = False
            for stagger in (False, True):
                candidate = _plan(scene, sizes, direction, page, correction, fan, stagger)
                wrapped = wrapped or (not stagger and bool(candidate.minlen))
                score = (candidate.score[0], candidate.score[1] * bias)
                if best is None or score > best[0]:
                    best = (score, candidate)
            if not wrapped:   # no fan was wide enough to wrap: narrower limits change nothing
                break
    return best[1]


def _plan(scene: Scene, sizes: Mapping[Element, tuple[float, float]], rankdir: str, page: str,
          correction: tuple[float, float], fan_breadth: float, stagger: bool) -> Plan:
    result = Plan(rankdir=rankdir)
    elements: list[Element] = [*scene.nodes, *(j.index for j in scene.junctions)]
    if not elements:
        return result
    ties: dict[int, Element] = {}
    parent = _parents(scene, ties)
    result.tied = {i: child == scene.edges[i].target for i, child in ties.items()}
    across = rankdir in ("BT", "TB")   # trees' breadth runs across the page

    def extent(element: Element) -> tuple[float, float]:
        """(breadth, rank-axis size) of one element."""
        w, h = sizes.get(element, (JUNCTION, JUNCTION))
        return (w, h) if across else (h, w)

    # Wrap wide fans: a node's children beyond FAN_ROW go on further ranks, round robin.
    children: dict[Element, list[tuple[Element, int]]] = {}
    for element, (up, edge) in parent.items():
        children.setdefault(up, []).append((element, edge))
    for kids in children.values():
        fan = [(e, i) for e, i in kids if scene.edges[i].role in _WRAPPED_ROLES]
        spread = sum(extent(e)[0] + NODESEP for e, _ in fan)
        if spread > fan_breadth:
            ranks = -(-int(spread) // int(fan_breadth))
            for k, (_element, edge) in enumerate(sorted(fan, key=lambda pair: pair[1])):
                if k % ranks:
                    result.minlen[edge] = 1 + k % ranks
    if stagger:   # every other leaf one rank lower, as Graphviz's unflatten -l 2 does
        leaves = [edge for element, (_up, edge) in parent.items()
                  if element not in children and edge not in result.minlen
                  and scene.edges[edge].role in _WRAPPED_ROLES]
        for k, edge in enumerate(sorted(leaves)):
            if k % 2:
                result.minlen[edge] = 2

    root, level = _roots_and_levels(elements, parent, result.minlen)
    for i, edge in enumerate(scene.edges):
        ends = _tree_edge(i, edge, ties)
        if ends is not None and root.get(ends[0]) != root.get(ends[1]):
            result.loose.add(i)

    level = _longest(elements, scene, root, level, result, ties)
    gap = _level_gap(scene, across)
    trees: dict[Element, _Tree] = {}
    for element in elements:
        top = root[element]
        tree = trees.get(top)
        if tree is None:
            tree = trees[top] = _Tree(top, len(trees), gap=gap)
        breadth, depth = extent(element)
        lvl = level[element]
        tree.levels[lvl] = tree.levels.get(lvl, -NODESEP) + breadth + NODESEP
        tree.depths[lvl] = max(tree.depths.get(lvl, 0.0), depth)
        if lvl > tree.deepest_level:
            tree.deepest, tree.deepest_level = element, lvl
    # Graphviz gives an edge that passes a rank a slot of its own there (a virtual node):
    # count them per level with a difference array, so the work is linear in edges and levels.
    passing: dict[Element, dict[int, int]] = {}
    for i, edge in enumerate(scene.edges):
        ends = _tree_edge(i, edge, ties)
        if i in result.loose or ends is None:
            continue
        low, high = sorted((level.get(ends[0], 0), level.get(ends[1], 0)))
        if high - low > 1:
            marks = passing.setdefault(root[ends[0]], {})
            marks[low + 1] = marks.get(low + 1, 0) + 1
            marks[high] = marks.get(high, 0) - 1
    for top, marks in passing.items():
        tree, running = trees[top], 0
        for lvl in sorted(marks):
            running += marks[lvl]
            if running > 0 and lvl in tree.levels:
                tree.levels[lvl] += running * VIRTUAL
    for tree in trees.values():
        tree.span = max(tree.levels.values(), default=0.0)
    ordered = list(trees.values())

    best = None
    for length in _candidates(ordered):
        shelves = _shelve(ordered, length)
        breadth = max(sum(t.breadth for t in s) + TREE_GAP * (len(s) - 1) for s in shelves)
        depth = sum(max(t.depth for t in s) for s in shelves) + (RANKSEP * 2) * (len(shelves) - 1)
        breadth, depth = breadth * correction[0], depth * correction[1]
        width, height = (breadth, depth) if across else (depth, breadth)
        aspect = max(width, height) / max(1.0, min(width, height))
        score = (aspect <= MAX_ASPECT, printed_scale(width, height, page), -len(shelves))
        if best is None or score > best[0]:
            best = (score, shelves, (width, height))
    result.score, shelves, result.estimate = best
    if rankdir in ("TB", "RL"):   # the first shelf at the top (left) whichever way ranks run
        shelves = shelves[::-1]
    result.shelves = [[t.root for t in s] for s in shelves]
    for k in range(1, len(shelves)):
        spacer = f"shelf{k}"
        result.spacers.append(spacer)
        for tree in shelves[k - 1]:   # the spacer lies beyond the deepest element of the shelf before...
            result.links.append((spacer, tree.deepest))
        for tree in shelves[k]:       # ...and every root of this shelf beyond the spacer
            result.links.append((tree.root, spacer))
    return result


def _level_gap(scene: Scene, across: bool) -> float:
    """The rank-axis room between two levels.

    Graphviz's dot doubles every edge's rank span once any edge has a label
    (a scheme, who draws an inference, how a node qualifies), putting the
    labels on the ranks between: each level then takes a second RANKSEP and
    the labels' extent along the rank axis (their height upright, their
    width side-on).
    """
    labelled = [e for e in scene.edges if e.role == "qualify" or e.scheme or e.drawn_by]
    if not labelled:
        return RANKSEP
    lines = max(bool(e.role == "qualify") + bool(e.scheme) + bool(e.drawn_by) for e in labelled)
    return RANKSEP * 2 + (LABEL_LINE * lines if across else LABEL_WIDTH)


def _longest(elements: list[Element], scene: Scene, root: Mapping[Element, Element],
             level: dict[Element, int], result: Plan, ties: Mapping[int, Element]) -> dict[Element, int]:
    """Levels as Graphviz ranks them: every edge within a tree pushes its source below its target.

    Longest paths by Kahn's algorithm, linear; elements on a cycle keep their first-parent level.
    """
    ups: dict[Element, list[tuple[Element, int]]] = {}
    waiting: dict[Element, int] = dict.fromkeys(elements, 0)
    for i, edge in enumerate(scene.edges):
        ends = _tree_edge(i, edge, ties)
        if i in result.loose or ends is None or ends[0] == ends[1]:
            continue
        ups.setdefault(ends[1], []).append((ends[0], result.minlen.get(i, 1)))
        waiting[ends[0]] += 1
    longest = {e: 0 for e in elements}
    ready = [e for e in elements if waiting[e] == 0]
    seen = 0
    while ready:
        element = ready.pop()
        seen += 1
        for below, step in ups.get(element, ()):
            longest[below] = max(longest[below], longest[element] + step)
            waiting[below] -= 1
            if waiting[below] == 0:
                ready.append(below)
    if seen < len(elements):   # a cycle: trust the first-parent levels there
        return {e: (longest[e] if waiting[e] == 0 else level[e]) for e in elements}
    return longest


def trees(scene: Scene) -> dict[Element, list[Element]]:
    """The scene's trees: each root (a main claim, or a node hanging under nothing) and its elements."""
    elements: list[Element] = [*scene.nodes, *(j.index for j in scene.junctions)]
    root, _level = _roots_and_levels(elements, _parents(scene), {})
    grouped: dict[Element, list[Element]] = {}
    for element in elements:
        grouped.setdefault(root[element], []).append(element)
    return grouped


def _candidates(trees: list[_Tree]) -> list[float]:
    """Shelf lengths worth trying: from the widest tree to all trees in one shelf."""
    widest = max(t.breadth for t in trees)
    total = sum(t.breadth for t in trees) + TREE_GAP * (len(trees) - 1)
    if len(trees) == 1 or total <= widest:
        return [total]
    step = (total - widest) / (CANDIDATES - 1)
    return [widest + step * k for k in range(CANDIDATES)]


def _shelve(trees: list[_Tree], length: float) -> list[list[_Tree]]:
    """Next-fit: trees in order, a new shelf whenever the next would pass *length*."""
    shelves: list[list[_Tree]] = [[]]
    used = 0.0
    for tree in trees:
        extra = tree.breadth + (TREE_GAP if shelves[-1] else 0.0)
        if shelves[-1] and used + extra > length + 0.5:
            shelves.append([])
            used, extra = 0.0, tree.breadth
        shelves[-1].append(tree)
        used += extra
    return shelves

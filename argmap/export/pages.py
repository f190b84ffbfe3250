"""Diagrams for print and slides: which nodes go on which page (``--page``, ``--split claim``).

``--split claim`` draws one diagram per main claim: the claim and what hangs
under it (its tree, as :mod:`.arrange` finds trees), titled with the claim;
the map's points that hang under no claim share a last diagram.

``--page`` fits diagrams to a page.  A map whose whole diagram prints with
body text of at least :data:`READABLE` points on that page (in the better
orientation) is one page; a bigger one is split by main claim, a tree too
big for a page again where it branches (a fan of points too wide is
halved), until every page prints readably; consecutive small pages then
share a sheet where they still print readably.  Pages are measured in the
output's own format, with the stubs they will carry: a node on another page
in conflict with one here (attack, undercut, qualification) is drawn as a
stub "see page N: node" (see :mod:`.scene`).  Clearly small pages are
judged from :mod:`.arrange`'s estimate, without a layout.  :mod:`.paper`
puts the drawings on paper (PDF pages, SVG and PNG sized to the paper).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..model import Kind, Project, Ref
from .arrange import PAGE_SIZES, RANKSEP, TREE_GAP, parents, printed_scale, trees
from .escape import clean, truncate
from .legend import LEGEND_HEIGHT
from .metrics import text_width
from .filters import Within
from .paper import READABLE, combine_pdf, fit_svg, picture_points, printed_text
from .style import FONT_SIZE

__all__ = ["PAGES", "SPLITS", "READABLE", "Page", "claim_pages", "render_pages", "combine_pdf", "fit_svg",
           "printed_text"]

PAGES = tuple(PAGE_SIZES)
SPLITS = ("claim",)


@dataclass(frozen=True)
class Page:
    key: str            # what the file name gets: the claim's id, or "other"
    title: str          # the heading drawn above the diagram
    only: object        # the node filter that draws just this page (argmap.export.filters.Within)
    root: Ref | None = None       # the page's main claim
    refs: frozenset = frozenset()  # the map's nodes on the page
    chain: tuple = ()             # a top page: the claim down to where it branches...
    fan: tuple = ()               # ...and the points right under that (halved when too many)
    parts: tuple = ()             # a page of several claims' pages: their titles (one outline entry each)


MAX_SPLITS = 64   # a safety bound: every split makes strictly smaller pages, so splitting ends anyway


def claim_pages(project: Project, map_id: str, only=None) -> list[Page]:
    """One page per main claim of *map_id* (in the map's order), and one for the rest, if any."""
    from .scene import build_scene

    argmap = project.maps[map_id]
    order = {ref: i for i, ref in enumerate(node.ref for node in argmap.nodes.values())}
    scene = build_scene(project, map_id, only=only)
    pages: list[tuple[int, Page]] = []
    rest: list[Ref] = []
    for root, elements in trees(scene).items():
        refs = [e for e in elements if isinstance(e, Ref) and e.map_id == map_id]
        node = project.node(root) if isinstance(root, Ref) and root.map_id == map_id else None
        if node is not None and (node.kind is Kind.CLAIM or len(refs) > 2):
            page = Page(root.node_id, f"{root.node_id}: {node.text}",
                        Within(frozenset(refs), f"claim {root.node_id}", only or None), root, frozenset(refs))
            pages.append((order.get(root, len(order)), page))
        else:
            rest.extend(refs)
    pages.sort(key=lambda pair: pair[0])
    if rest:
        pages.append((len(order), Page("other", f"Other points of {argmap.title}",
                                       Within(frozenset(rest), "other points", only or None),
                                       None, frozenset(rest))))
    return [page for _, page in pages]


def split_page(project: Project, map_id: str, page: Page, only=None) -> list[Page]:
    """*page* too big to print readably, as pages: its claim with the points right under it, then
    one page for each of those points that has points under it in turn (each titled "claim › point").

    Returns ``[page]`` when there is nothing to split.
    """
    from .scene import build_scene

    if page.root is None:
        return [page]
    scene = build_scene(project, map_id, only=page.only)
    children: dict = {}
    for element, (up, _edge) in parents(scene).items():
        children.setdefault(up, []).append(element)

    def below(element) -> list[Ref]:
        """The nodes right under *element* (through a junction: its premises)."""
        out = []
        for child in children.get(element, ()):
            out.extend(below(child) if isinstance(child, int) else [child])
        return [r for r in out if r in page.refs]

    def subtree(start: Ref) -> set[Ref]:
        seen, stack = {start}, [start]
        while stack:
            for child in below(stack.pop()):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        return seen

    # Down a chain (one point under another) to where the tree branches: the chain stays on top.
    chain, here = [page.root], page.root
    direct = below(here)
    while len(direct) == 1 and len(chain) < len(page.refs):
        here = direct[0]
        chain.append(here)
        direct = below(here)
    parts = [(child, subtree(child)) for child in direct]
    parts = [(child, refs) for child, refs in parts if len(refs) > 1]
    top = frozenset({*chain, *direct})
    name = page.root.node_id
    head = Page(page.key, page.title, Within(top, f"claim {name}", only or None), None, top,
                tuple(chain), tuple(direct))
    if not parts:   # a claim over a fan of single points: the fan is halved
        return halve_fan(head, only) if top == page.refs else [page]
    pages = [head]
    for child, refs in parts:
        node = project.node(child)
        pages.append(Page(f"{page.key}--{child.node_id}", f"{name} \u203a {child.node_id}: {node.text if node else ''}",
                          Within(frozenset(refs), f"{name} \u203a {child.node_id}", only or None), child,
                          frozenset(refs)))
    return pages


def halve_fan(page: Page, only=None) -> list[Page]:
    """A top page whose fan of points is too wide to print readably, as two pages (or ``[page]``)."""
    if len(page.fan) < 2:
        return [page]
    middle = len(page.fan) // 2
    out = []
    for n, fan in enumerate((page.fan[:middle], page.fan[middle:]), 1):
        refs = frozenset({*page.chain, *fan})
        out.append(Page(f"{page.key}-{n}", f"{page.title} ({n}/2)",
                        Within(refs, f"{page.only.describe()} ({n}/2)", only or None), None, refs, page.chain, fan))
    return out


def _cross_references(pages: list[Page], split: str | None) -> list[Page]:
    """*pages*, each knowing where the map's other nodes are drawn, so it can draw stubs to them.

    An attack, undercut or qualification between nodes on different pages is
    then drawn on both, to a stub "see page N: node" (``--split``: "see CLAIM").
    """
    if len(pages) < 2:
        return pages
    where: dict[Ref, str] = {}
    for number, page in enumerate(pages, 1):
        label = f"see page {number}" if split is None else f"see {page.key}"
        for ref in page.refs:
            where.setdefault(ref, label)
    return [_pointing(p, where) for p in pages]


def _pointing(page: Page, where: Mapping[Ref, str]) -> Page:
    """*page* drawing stubs to the nodes *where* names (see :func:`argmap.export.scene.build_scene`)."""
    return replace(page, only=replace(page.only, elsewhere=where)) if isinstance(page.only, Within) else page


BAND = LEGEND_HEIGHT + 30.0   # points a page's legend (up to three rows) and heading add above its diagram


def _on_page(diagram: tuple[float, float], title: str) -> tuple[float, float]:
    """A page's size from its diagram's: the heading (14 pt, at most 110 characters) and legend on top."""
    heading = text_width(truncate(clean(title), 110), 14) + 20 if title else 0.0
    return max(diagram[0], heading, 300.0), diagram[1] + BAND


def _text(size: tuple[float, float], page: str) -> float:
    """The body text size a picture of *size* prints at on *page*."""
    return FONT_SIZE * min(1.0, printed_scale(*size, page))


ESTIMATE_ROOM = 1.3   # Graphviz lays a page out up to this much bigger than arrange estimates
SURE = 1.15           # an estimate this far above READABLE is trusted without a layout


class _Measure:
    """Lays pages out to see what they print at, remembering each page's size.

    A page with no stubs is drawn the same when it is measured and when it is
    written, so that drawing is kept (``drawn``) and written as it is.
    """

    def __init__(self, project: Project, map_id: str, page: str, options: dict, fmt: str = "svg") -> None:
        from . import render_map

        self.render_map, self.project, self.map_id, self.page = render_map, project, map_id, page
        # Measured in the output's own format: PNG and PDF labels (HTML-like) lay out a little differently.
        self.fmt = fmt if fmt in ("png", "pdf") else "svg"
        self.options = {k: v for k, v in options.items() if k != "dpi"}
        # Every node of the map as "elsewhere", so a page is measured with the stubs it will have.
        self.elsewhere = {node.ref: "see page 00" for node in project.maps[map_id].nodes.values()}
        self.sizes: dict[Page, tuple[float, float]] = {}
        self.drawn: dict[Page, bytes] = {}
        self._stubless: set[Page] = set()

    def readable(self, candidate: Page) -> bool:
        """Whether *candidate* prints with body text of READABLE points or more (its size is kept)."""
        estimate = self._estimate(candidate)
        if estimate is not None and _text(_on_page(estimate, candidate.title), self.page) >= READABLE * SURE:
            self.sizes[candidate] = estimate   # clearly readable: no layout needed to know
            return True
        drawn = self.render_map(self.project, self.map_id, self.fmt, only=_pointing(candidate, self.elsewhere).only,
                                heading=candidate.title or None, **self.options)
        size = picture_points(drawn, self.fmt)
        if size is None:
            return False
        if candidate in self._stubless:
            self.drawn[candidate] = drawn
        self.sizes[candidate] = (size[0], max(1.0, size[1] - BAND))   # the diagram without legend and heading
        return _text(size, self.page) >= READABLE

    def _estimate(self, candidate: Page) -> tuple[float, float] | None:
        """*candidate*'s size from :mod:`.arrange`'s estimate (no Graphviz), generously rounded up."""
        from ..errors import UsageError
        from .dot import DiagramOptions, build_dot
        from .scene import build_scene

        try:
            scene = build_scene(self.project, self.map_id, only=_pointing(candidate, self.elsewhere).only)
        except UsageError:
            return None
        if not any(n.elsewhere for n in scene.nodes.values()):
            self._stubless.add(candidate)
        rankdir = str(self.options.get("rankdir") or "AUTO").upper()
        drawing = build_dot(self.project, scene, DiagramOptions(group=self.options.get("group", "none"),
                                                                rankdir=rankdir, legend=False))
        width, height = drawing.plan.estimate if drawing.plan is not None else (0.0, 0.0)
        if not width or not height:
            return None
        return width * ESTIMATE_ROOM + 20, height * ESTIMATE_ROOM + 20


def _split(pages: list[Page], measure: _Measure, project: Project, map_id: str, only) -> list[Page]:
    """*pages*, with each that does not print readably split further (at most MAX_SPLITS times over)."""
    queue, done = [(p, 0) for p in pages], []
    while queue:
        candidate, level = queue.pop(0)
        if measure.readable(candidate) or level >= MAX_SPLITS:
            done.append(candidate)
            continue
        parts = halve_fan(candidate, only) if candidate.fan else split_page(project, map_id, candidate, only)
        if len(parts) == 1:
            done.append(candidate)
        else:
            queue[0:0] = [(p, level + 1) for p in parts]
    return done


def _together(size_a: tuple[float, float], size_b: tuple[float, float], page: str) -> tuple[float, float]:
    """The diagram two pages' diagrams make on one page, one above or beside the other (whichever prints larger)."""
    (wa, ha), (wb, hb) = size_a, size_b
    shapes = ((max(wa, wb), ha + hb + 2 * RANKSEP), (wa + wb + TREE_GAP, max(ha, hb)))
    return max(shapes, key=lambda shape: _text(_on_page(shape, "Claims"), page))


MERGE_SLACK = 1.1   # merge only where the estimate leaves this factor of room over READABLE


def _merge(pages: list[Page], measure: _Measure, only) -> list[Page]:
    """Consecutive small pages on one page while they still print readably (a page per claim wastes paper).

    Decided from the sizes already measured (two drawings side by side or one
    above the other), then each merged page is laid out once to confirm; one
    that misses falls back to its parts.  Linear in the pages.
    """
    groups: list[tuple[list[Page], tuple[float, float]]] = []
    for candidate in pages:
        size = measure.sizes.get(candidate)
        if size is None:
            groups.append(([candidate], (1e9, 1e9)))
            continue
        joined = _together(groups[-1][1], size, measure.page) if groups else None
        if joined is not None and _text(_on_page(joined, "Claims"), measure.page) >= READABLE * MERGE_SLACK:
            groups[-1] = ([*groups[-1][0], candidate], joined)
        else:
            groups.append(([candidate], size))
    merged: list[Page] = []
    for members, _size in groups:
        if len(members) == 1:
            merged.append(members[0])
            continue
        refs = frozenset().union(*(m.refs for m in members))
        keys = [m.key for m in members]
        titles = tuple(m.title for m in members)
        together = Page(members[0].key, " \u00b7 ".join(titles),
                        Within(refs, "claims " + ", ".join(keys), only or None), None, refs, parts=titles)
        merged.extend([together] if measure.readable(together) else members)
    return merged


def render_pages(project: Project, map_id: str | None, fmt: str, *, page: str | None = None,
                 split: str | None = None, **options) -> list[tuple[str, bytes]]:
    """The files of one map's export under ``--page``/``--split``: ``[(key, bytes)]``.

    The key is ``""`` for a single file, else what names the file: the
    claim's id (``--split``) or the page number (``--page`` in SVG, PNG, DOT).
    """
    from . import render_map
    from .paper import combine_pdf, fit_svg, paper_png

    only = options.pop("only", None)
    focus = options.get("focus")
    measure = _Measure(project, focus.map_id if focus is not None else map_id, page or "a4", options, fmt)
    if focus is not None or (split is None and measure.readable(Page("", "", only))):
        pages = [Page("", "", only)]
    else:
        pages = claim_pages(project, map_id, only)
        if page is not None:   # split further what still does not print readably
            pages = _split(pages, measure, project, map_id, only)
            if split is None:
                pages = _merge(pages, measure, only)
    pages = _cross_references(pages, split)
    drawn = []
    for p in pages:
        heading = p.title or None
        if page is not None and fmt == "png":   # scaled to the paper at --dpi (default 150)
            data = paper_png(render_map, project, map_id, p.only, heading, page, options, measure.options)
        elif fmt == measure.fmt and p in measure.drawn:   # measured already, and drawn the same
            data = measure.drawn[p]
        else:
            data = render_map(project, map_id, fmt, only=p.only, heading=heading, **options)
        drawn.append((p.key, p.title, data))
    if page is not None and fmt == "pdf":
        return [("", combine_pdf([(p.parts or p.title, data) for p, (_k, _t, data) in zip(pages, drawn)], page))]
    if page is not None and fmt == "svg":
        drawn = [(k, t, fit_svg(data, page)) for k, t, data in drawn]
    if split is None and len(drawn) > 1:   # --page alone: pages are numbered
        return [(str(n), data) for n, (_k, _t, data) in enumerate(drawn, 1)]
    return [(key, data) for key, _t, data in drawn]

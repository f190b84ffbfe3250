"""Diagrams for print and slides: ``--page a4|letter|a3|slide`` and ``--split claim``.

``--split claim`` draws one diagram per main claim: the claim and what hangs
under it (its tree, as :mod:`.arrange` finds trees), titled with the claim;
the map's points that hang under no claim share a last diagram.

``--page`` fits diagrams to a page.  A map whose whole diagram prints with
body text of at least :data:`READABLE` points on that page (in the better
orientation) is one page; a bigger one is split by main claim, one per
page.  A PDF is one file of such pages, each page the paper's size with the
diagram centred and scaled to fit (never enlarged), its legend and its
title, and an outline entry per page; SVG, PNG and DOT give one file per
page.  Multi-page PDF needs ``pypdf`` (a dependency of argmap).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from ..errors import RenderError
from ..model import Kind, Project, Ref
from .arrange import MARGIN, PAGE_SIZES, parents, printed_scale, trees
from .escape import clean
from .filters import Within
from .style import FONT_SIZE

__all__ = ["PAGES", "SPLITS", "READABLE", "Page", "claim_pages", "render_pages", "combine_pdf", "fit_svg"]

PAGES = tuple(PAGE_SIZES)
SPLITS = ("claim",)
READABLE = 9.0   # points: body text printed smaller than this is split over pages


@dataclass(frozen=True)
class Page:
    key: str            # what the file name gets: the claim's id, or "other"
    title: str          # the heading drawn above the diagram
    only: object        # the node filter that draws just this page (argmap.export.filters.Within)
    root: Ref | None = None       # the page's main claim
    refs: frozenset = frozenset()  # the map's nodes on the page
    chain: tuple = ()             # a top page: the claim down to where it branches...
    fan: tuple = ()               # ...and the points right under that (halved when too many)


MAX_SPLITS = 4   # a tree too big for a page is split at most this many times over


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
    if not parts:
        return [page]
    top = frozenset({*chain, *direct})
    name = page.root.node_id
    pages = [Page(page.key, page.title, Within(top, f"claim {name}", only or None), None, top,
                  tuple(chain), tuple(direct))]
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


def _readable(svg: bytes, page: str) -> bool:
    from .draw import svg_points

    size = svg_points(svg)
    return size is not None and FONT_SIZE * min(1.0, printed_scale(*size, page)) >= READABLE


def render_pages(project: Project, map_id: str | None, fmt: str, *, page: str | None = None,
                 split: str | None = None, **options) -> list[tuple[str, bytes]]:
    """The files of one map's export under ``--page``/``--split``: ``[(key, bytes)]``.

    The key is ``""`` for a single file, else what names the file: the
    claim's id (``--split``) or the page number (``--page`` in SVG, PNG, DOT).
    """
    from . import render_map

    only = options.pop("only", None)
    focus = options.get("focus")
    if focus is not None or (split is None and _readable(render_map(project, map_id, "svg", only=only, **{
            k: v for k, v in options.items() if k != "dpi"}), page)):
        pages = [Page("", "", only)]
    else:
        pages = claim_pages(project, map_id, only)
    if page is not None and len(pages) > 1:   # split further what still does not print readably
        svg_options = {k: v for k, v in options.items() if k != "dpi"}
        queue, pages = [(p, 0) for p in pages], []
        while queue:
            candidate, level = queue.pop(0)
            if level >= MAX_SPLITS or _readable(render_map(project, map_id, "svg", only=candidate.only,
                                                           heading=candidate.title, **svg_options), page):
                pages.append(candidate)
                continue
            parts = halve_fan(candidate, only) if candidate.fan else split_page(project, map_id, candidate, only)
            if len(parts) == 1:
                pages.append(candidate)
            else:
                queue[0:0] = [(p, level + 1) for p in parts]
    drawn = [(p.key, p.title, render_map(project, map_id, fmt, only=p.only, heading=p.title or None, **options))
             for p in pages]
    if page is not None and fmt == "pdf":
        return [("", combine_pdf([(title, data) for _k, title, data in drawn], page))]
    if page is not None and fmt == "svg":
        drawn = [(k, t, fit_svg(data, page)) for k, t, data in drawn]
    if split is None and len(drawn) > 1:   # --page alone: pages are numbered
        return [(str(n), data) for n, (_k, _t, data) in enumerate(drawn, 1)]
    return [(key, data) for key, _t, data in drawn]


def _fit(width: float, height: float, page: str) -> tuple[float, float, float]:
    """The paper (width, height) in the orientation that suits the picture, and the scale to fit it."""
    pw, ph = PAGE_SIZES[page]
    if (width > height) != (pw > ph):
        pw, ph = ph, pw
    return pw, ph, min(1.0, (pw - 2 * MARGIN) / width, (ph - 2 * MARGIN) / height)


_SVG_SIZE = re.compile(rb'(<svg[^>]*?\swidth=")([\d.]+)pt("[^>]*?\sheight=")([\d.]+)pt(")', re.S)


def fit_svg(svg: bytes, page: str) -> bytes:
    """*svg* with its printed width and height scaled down to fit *page* (the drawing is unchanged)."""
    found = _SVG_SIZE.search(svg[:4096])
    if found is None:
        return svg
    width, height = float(found.group(2)), float(found.group(4))
    _pw, _ph, scale = _fit(width, height, page)
    if scale >= 1.0:
        return svg
    new = (found.group(1) + f"{width * scale:.0f}".encode() + b"pt" + found.group(3)
           + f"{height * scale:.0f}".encode() + b"pt" + found.group(5))
    return svg[:found.start()] + new + svg[found.end():]


def combine_pdf(pages: list[tuple[str, bytes]], page: str) -> bytes:
    """One PDF of *pages* (title, one-page PDF from Graphviz), each centred on a *page*-sized sheet."""
    try:
        from pypdf import PageObject, PdfReader, PdfWriter, Transformation
    except ImportError:
        raise RenderError("a multi-page PDF needs the pypdf package (pip install pypdf)") from None
    writer = PdfWriter()
    for index, (title, data) in enumerate(pages):
        try:
            source = PdfReader(io.BytesIO(data)).pages[0]
        except Exception as exc:  # Graphviz wrote something pypdf cannot read
            raise RenderError(f"cannot read the PDF Graphviz wrote for page {index + 1}: {exc}") from None
        width, height = float(source.mediabox.width), float(source.mediabox.height)
        pw, ph, scale = _fit(width, height, page)
        sheet = PageObject.create_blank_page(width=pw, height=ph)
        move = Transformation().scale(scale).translate((pw - width * scale) / 2, (ph - height * scale) / 2)
        sheet.merge_transformed_page(source, move)
        writer.add_page(sheet)
        if title:
            writer.add_outline_item(title=clean(title)[:120], page_number=index)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

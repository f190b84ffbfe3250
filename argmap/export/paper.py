"""Diagrams on paper: PDF pages, SVG and PNG pages sized to the paper, and what a file prints at.

:mod:`.pages` decides what goes on each page; this module puts drawings on
paper.  A PDF is one file of pages, each the paper's size, the drawing
centred and scaled to fit (never enlarged), with an outline entry per page
(``pypdf``, a dependency of argmap).  An SVG page keeps its drawing and says
a printed size that fits the paper; a PNG page is drawn at the resolution
that fits the paper at ``--dpi`` (default :data:`PNG_DPI`) and says that
resolution in its pHYs chunk.
"""

from __future__ import annotations

import io
import re
import struct
import zlib

from ..errors import RenderError
from .arrange import MARGIN, PAGE_SIZES, printed_scale
from .escape import clean
from .style import FONT_SIZE

__all__ = ["READABLE", "PNG_DPI", "picture_points", "printed_text", "print_note", "paper_png", "png_with_dpi", "fit", "fit_svg",
           "combine_pdf"]

READABLE = 9.0   # points: body text printed smaller than this is split over pages


def picture_points(data: bytes, fmt: str) -> tuple[float, float] | None:
    """The natural width and height in points of a picture Graphviz drew as *fmt* (PNG at 96 dpi), or None."""
    if fmt == "svg":
        from .draw import svg_points
        return svg_points(data)
    if fmt == "png":
        if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
            return None
        width, height = struct.unpack(">II", data[16:24])
        return width * 72 / 96, height * 72 / 96
    if fmt == "pdf":
        try:
            from pypdf import PdfReader
            box = PdfReader(io.BytesIO(data)).pages[0].mediabox
            return float(box.width), float(box.height)
        except Exception:   # unreadable: the caller treats the size as unknown
            return None
    return None


def printed_text(svg: bytes, page: str) -> float | None:
    """The body text size in points of *svg* (Graphviz's, natural size) printed to fit *page*."""
    from .draw import svg_points

    size = svg_points(svg)
    return FONT_SIZE * min(1.0, printed_scale(*size, page)) if size is not None else None


def print_note(fmt: str, data: bytes, page: str | None, dpi: int | None, paged: bool) -> str:
    """What ``argmap export`` says about a file it wrote, for print: its pages, or how small it prints.

    A PDF's page count; for one SVG or PNG picture that would print on an A4
    sheet with body text under :data:`READABLE` points, that size and how to
    get readable pages.  ``""`` when there is nothing to say.
    """
    if fmt == "pdf" and page is not None:
        try:
            from pypdf import PdfReader
            count = len(PdfReader(io.BytesIO(data)).pages)
        except Exception:   # the note is a courtesy; the file is written either way
            return ""
        return f"{count} {page.upper() if page != 'slide' else 'slide'} page{'s' if count != 1 else ''}"
    if paged or fmt not in ("svg", "png"):
        return ""
    if fmt == "svg":
        from .draw import svg_points
        size = svg_points(data)
    elif data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        pixels = struct.unpack(">II", data[16:24])
        size = tuple(p * 72 / (dpi or 96) for p in pixels)
    else:
        size = None
    if not size:
        return ""
    text = FONT_SIZE * min(1.0, printed_scale(*size, "a4"))
    if text >= READABLE:
        return ""
    return f"one picture; on an A4 sheet its text would print at {text:.1f} pt: --page a4 gives readable pages"


PNG_DPI = 150   # a PNG page's resolution on paper, unless --dpi says otherwise


def paper_png(render_map, project, map_id, only, heading, page: str, options: dict, svg_options: dict) -> bytes:
    """A PNG page whose pixels, at its stated resolution, fit the paper (as an SVG page's points do).

    Graphviz's SVG gives the natural size; the PNG is drawn at the resolution
    that shrinks it to the paper, and says ``--dpi`` (default 150) in its
    pHYs chunk, so printing it at its stated size fills the page.
    """
    from .draw import svg_points

    dpi = options.get("dpi") or PNG_DPI
    size = svg_points(render_map(project, map_id, "svg", only=only, heading=heading, **svg_options))
    scale = fit(*size, page)[2] if size else 1.0
    png_options = {**options, "dpi": max(1, round(dpi * scale))}
    return png_with_dpi(render_map(project, map_id, "png", only=only, heading=heading, **png_options), dpi)


def png_with_dpi(png: bytes, dpi: int) -> bytes:
    """*png* with a pHYs chunk saying *dpi* (Graphviz's PNG has none), after the IHDR chunk.

    A PNG starts with its 8-byte signature and the 25-byte IHDR chunk; a
    pHYs chunk may follow it.  Anything else is returned as it is.
    """
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR" or b"pHYs" in png[33:41]:
        return png
    per_metre = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    return png[:33] + chunk + png[33:]


def fit(width: float, height: float, page: str) -> tuple[float, float, float]:
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
    _pw, _ph, scale = fit(width, height, page)
    if scale >= 1.0:
        return svg
    new = (found.group(1) + f"{width * scale:.0f}".encode() + b"pt" + found.group(3)
           + f"{height * scale:.0f}".encode() + b"pt" + found.group(5))
    return svg[:found.start()] + new + svg[found.end():]


def combine_pdf(pages: list[tuple[str | tuple[str, ...], bytes]], page: str) -> bytes:
    """One PDF of *pages* (title or titles, one-page PDF from Graphviz), each centred on a *page*-sized sheet.

    Each title is an outline entry for its page (a page of several claims has one per claim).

    The drawing is placed by wrapping its content streams in a transformation
    (``q … cm`` before, ``Q`` after) rather than by merging pages, which
    would make pypdf parse every drawing operator (seconds for a big map).
    """
    try:
        from pypdf import PdfReader, PdfWriter
        from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject, RectangleObject
    except ImportError:
        raise RenderError("a multi-page PDF needs the pypdf package (pip install pypdf)") from None
    writer = PdfWriter()

    def stream(data: bytes):
        obj = DecodedStreamObject()
        obj.set_data(data)
        return writer._add_object(obj)   # pypdf has no public call that adds a bare stream

    for index, (title, data) in enumerate(pages):
        try:
            sheet = writer.add_page(PdfReader(io.BytesIO(data)).pages[0])
            box = sheet.mediabox
            x0, y0 = float(box.left), float(box.bottom)
            width, height = float(box.width), float(box.height)
            contents = sheet.get(NameObject("/Contents"))
        except Exception as exc:  # Graphviz wrote something pypdf cannot read
            raise RenderError(f"cannot read the PDF Graphviz wrote for page {index + 1}: {exc}") from None
        pw, ph, scale = fit(width, height, page)
        tx, ty = (pw - width * scale) / 2 - x0 * scale, (ph - height * scale) / 2 - y0 * scale
        streams = []
        if contents is not None:
            resolved = contents.get_object()
            streams = list(resolved) if isinstance(resolved, ArrayObject) else [contents]
        sheet[NameObject("/Contents")] = ArrayObject(
            [stream(f"q {scale:.6f} 0 0 {scale:.6f} {tx:.3f} {ty:.3f} cm\n".encode()), *streams,
             stream(b"\nQ\n")])
        sheet.mediabox = RectangleObject([0, 0, pw, ph])
        for name in ("/CropBox", "/TrimBox", "/BleedBox", "/ArtBox"):
            if name in sheet:
                del sheet[name]
        for entry in ((title,) if isinstance(title, str) else title):
            if entry:
                writer.add_outline_item(title=clean(entry)[:120], page_number=index)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

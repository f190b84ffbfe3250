"""Choose a Graphviz: the system ``dot`` when installed, else the embedded one.

``renderer`` is ``auto`` (system ``dot`` if it is on PATH, otherwise the
embedded WebAssembly Graphviz), ``dot`` (the system one, or an error) or
``embedded``.  PNG and PDF need the system ``dot``: the embedded Graphviz
has no Cairo.  The environment variable ``ARGMAP_DOT`` names a ``dot``
binary to use instead of the one on PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import RenderError, UsageError
from . import embedded

__all__ = ["RENDERERS", "system_dot", "choose", "render", "render_with_svg", "TIMEOUT"]

RENDERERS = ("auto", "dot", "embedded")
TIMEOUT = 600  # seconds: a layout that takes longer has gone wrong


def system_dot() -> str | None:
    """The path of the system Graphviz ``dot``, or None."""
    explicit = os.environ.get("ARGMAP_DOT")
    if explicit:
        return explicit if os.path.isfile(explicit) and os.access(explicit, os.X_OK) else None
    return shutil.which("dot")


def choose(renderer: str, fmt: str) -> str:
    """``dot`` or ``embedded``: which Graphviz draws *fmt* under the *renderer* setting."""
    if renderer not in RENDERERS:
        raise UsageError(f"unknown renderer {renderer!r}; choose one of {', '.join(RENDERERS)}")
    if renderer == "dot" or (renderer == "auto" and system_dot()):
        if not system_dot():
            raise RenderError("the system Graphviz 'dot' is not installed (or not on PATH); "
                              "use --renderer embedded, or install Graphviz")
        return "dot"
    if fmt not in embedded.FORMATS:
        raise RenderError(f"{fmt.upper()} needs the system Graphviz 'dot', which is not installed; "
                          f"export SVG instead (-f svg), or install Graphviz (e.g. apt install graphviz)")
    return "embedded"


def _run_dot(source: str, fmt: str, extra: list[str], output: bool = True) -> bytes:
    binary = system_dot()
    if binary is None:
        raise RenderError("the system Graphviz 'dot' is not installed")
    try:
        done = subprocess.run([binary, f"-T{fmt}", *extra], input=source.encode("utf-8"),
                              capture_output=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise RenderError(f"Graphviz took longer than {TIMEOUT} s; try --focus NODE --depth N") from None
    except OSError as exc:
        raise RenderError(f"cannot run {binary}: {exc.strerror or exc}") from None
    if done.returncode != 0 or (output and not done.stdout):
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError("Graphviz 'dot' failed: " + (message[-1] if message else f"exit {done.returncode}"))
    return done.stdout


def render(source: str, fmt: str, renderer: str = "auto", *, dpi: int | None = None) -> tuple[bytes, str]:
    """Draw DOT *source* as *fmt*; returns the output and the renderer used (``dot``/``embedded``)."""
    used = choose(renderer, fmt)
    if used == "dot":
        extra = [f"-Gdpi={dpi}"] if dpi and fmt == "png" else []
        return _run_dot(source, fmt, extra), used
    return embedded.render(source, fmt), used


def render_with_svg(source: str, fmt: str, renderer: str = "auto", *, dpi: int | None = None) -> tuple[bytes, bytes]:
    """Draw DOT *source* as SVG and as *fmt* (PNG, PDF) from one layout: ``(svg, data)``.

    The system ``dot`` writes several formats from one run (``-Tsvg -o a
    -Tpdf -o b``), so a caller that measures the SVG before keeping the PDF
    pays for one layout, not two.
    """
    if choose(renderer, fmt) != "dot" or fmt == "svg" or (dpi and fmt == "png"):   # -Gdpi scales the SVG too
        svg = render(source, "svg", renderer)[0]
        return svg, (svg if fmt == "svg" else render(source, fmt, renderer, dpi=dpi)[0])
    with tempfile.TemporaryDirectory(prefix="argmap-dot-") as folder:
        svg_path, out_path = Path(folder) / "out.svg", Path(folder) / f"out.{fmt}"
        _run_dot(source, "svg", ["-o", str(svg_path), f"-T{fmt}", "-o", str(out_path)], output=False)
        try:
            return svg_path.read_bytes(), out_path.read_bytes()
        except OSError as exc:
            raise RenderError(f"Graphviz 'dot' wrote no {fmt.upper()}: {exc.strerror or exc}") from None

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

from ..errors import RenderError, UsageError
from . import embedded

__all__ = ["RENDERERS", "system_dot", "choose", "render", "TIMEOUT"]

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


def _run_dot(source: str, fmt: str, extra: list[str]) -> bytes:
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
    if done.returncode != 0 or not done.stdout:
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

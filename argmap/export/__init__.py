"""Export maps as diagrams (SVG, PNG, PDF, DOT) and interchange formats (JSON, Argdown, AIF).

The API other parts of argmap call (the TUI exports the map or a node's
neighbourhood from here)::

    from argmap.export import render_map
    svg = render_map(project, "may-2018", "svg")                       # the whole map
    svg = render_map(project, "may-2018", "svg", focus=Ref("may-2018", "roll-back"), depth=2)

Modules, one job each: :mod:`.scene` picks what to draw, :mod:`.dot` writes
DOT, :mod:`.render` picks and runs a Graphviz (:mod:`.embedded` is the
WebAssembly one), :mod:`.svg` finishes the SVG, :mod:`.escape` and
:mod:`.ids` keep text and element ids safe; :mod:`.json_model`,
:mod:`.argdown` and :mod:`.aif` write the interchange formats and
:mod:`.aif_import` reads AIF.  docs/export.md describes the output.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Project, Ref

__all__ = ["render_map", "export_map", "export_project", "acceptability", "DIAGRAM_FORMATS",
           "INTERCHANGE_FORMATS", "FORMATS", "EXTENSIONS", "LABEL_SEMANTICS"]

DIAGRAM_FORMATS = ("svg", "png", "pdf", "dot")
INTERCHANGE_FORMATS = ("json", "argdown", "aif")
FORMATS = DIAGRAM_FORMATS + INTERCHANGE_FORMATS
EXTENSIONS = {"svg": "svg", "png": "png", "pdf": "pdf", "dot": "dot", "json": "json",
              "argdown": "argdown", "aif": "aif.json"}
LABEL_SEMANTICS = ("grounded", "preferred", "stable", "none")


def acceptability(project: Project, semantics: str = "grounded"):
    """The labelling of *project* under *semantics*, or None (``none``, or no analysis module)."""
    if semantics in (None, "none"):
        return None
    try:
        from ..analysis.semantics import label
    except ImportError:  # pragma: no cover - the analysis is part of argmap now
        return None
    return label(project, semantics)


def render_map(project: Project, map_id: str | None = None, fmt: str = "svg", *,
               focus: Ref | None = None, depth: int | None = None, group: str = "none",
               rankdir: str = "auto", renderer: str = "auto", labels: str | Mapping | None = None,
               legend: bool = True, dpi: int | None = None, only=None, heading: str | None = None) -> bytes:
    """Draw one map, or one node's neighbourhood, and return the file's bytes.

    * *map_id*: the map to draw (may be None when *focus* is given).
    * *fmt*: ``svg`` (default), ``png``, ``pdf`` (these two need the system
      Graphviz), or ``dot`` (the DOT source, not laid out).
    * *focus*, *depth*: draw only the nodes within *depth* relation steps
      of the node *focus* (default depth 2), in any map.
    * *group*: ``none`` or ``speaker`` (a dashed cluster per speaker).
    * *rankdir*: ``auto`` (the default: conclusions on top, ``BT``, or on the
      left, ``RL``, whichever prints larger), ``BT``, ``TB``, ``LR``, ``RL``.
    * *renderer*: ``auto`` (system ``dot`` if installed, else embedded),
      ``dot`` or ``embedded``.
    * *labels*: None (the default) draws no states; else the semantics whose
      labels give each node its state in the debate ("unchallenged",
      "challenged, no reply in the maps"...: docs/analysis.md), drawn under
      its header (``grounded``, ``preferred``, ``stable``), or a
      ready-made labelling (an object with ``.labels`` and ``.inferences``,
      as :func:`argmap.analysis.semantics.label` returns, or a plain
      ``{Ref: Label}`` mapping).
    * *legend*: draw the legend.
    * *only*: a :class:`~argmap.export.filters.NodeFilter` (speakers, topics,
      tags, kinds): draw just the map's nodes it matches, and the relations
      among them (combines with *focus*).
    * *heading*: a title drawn above the diagram (see :mod:`.pages`).

    Raises :class:`~argmap.errors.UsageError` for a bad argument and
    :class:`~argmap.errors.RenderError` when Graphviz fails.  SVG node
    elements have ids ``<map>--<node>`` (see :mod:`argmap.export.ids`).
    """
    from ..errors import UsageError
    from .dot import GROUPS, RANKDIRS, DiagramOptions
    from .draw import draw
    from .scene import build_scene

    if fmt not in DIAGRAM_FORMATS:
        raise UsageError(f"render_map draws {', '.join(DIAGRAM_FORMATS)}, not {fmt!r}")
    if group not in GROUPS:
        raise UsageError(f"--group must be one of {', '.join(GROUPS)}")
    rankdir = rankdir.upper()
    if rankdir not in RANKDIRS:
        raise UsageError(f"--rankdir must be one of {', '.join(RANKDIRS)}")
    if map_id is None and focus is None:
        raise UsageError("name a map or a node to focus on")
    scene = build_scene(project, map_id or focus.map_id, focus, depth, only=only)
    if labels is None or isinstance(labels, str):
        labelling = acceptability(project, labels)
    else:
        labelling = labels
    if isinstance(labelling, Mapping):  # a plain {Ref: Label}
        node_labels, inference_labels = labelling, None
    else:
        node_labels = getattr(labelling, "labels", None)
        inference_labels = getattr(labelling, "inferences", None)
    html = fmt in ("png", "pdf")
    options = DiagramOptions(group=group, rankdir=rankdir, legend=legend, labels=node_labels,
                             inference_labels=inference_labels, html=html, heading=heading)
    drawing, output = draw(project, scene, options, fmt, renderer, dpi)
    if fmt == "dot":
        return output
    if fmt == "svg":
        from .svg import finish_svg

        argmap = project.maps.get(scene.map_id)
        title = (f"{focus} (depth {scene.depth})" if focus is not None
                 else (argmap.title if argmap else scene.map_id))
        if only:
            title += f" ({only.describe()})"
        return finish_svg(output, drawing, title)
    return output


def export_map(project: Project, map_id: str, fmt: str, **options) -> bytes:
    """One map in any format of :data:`FORMATS` (diagram options as for :func:`render_map`)."""
    if fmt in DIAGRAM_FORMATS:
        return render_map(project, map_id, fmt, **options)
    if fmt == "json":
        from .json_model import dumps
        return dumps(project, [map_id], labels=options.get("labels", "grounded"))
    if fmt == "argdown":
        from .argdown import to_argdown
        return to_argdown(project, map_id).encode("utf-8")
    if fmt == "aif":
        from .aif import dumps as aif_dumps
        return aif_dumps(project, map_id, options.get("aif_flavour") or "aifdb")
    from ..errors import UsageError
    raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def export_project(project: Project, map_ids: list[str] | None = None, labels: object = "grounded") -> bytes:
    """The JSON model (docs/export.md) of *map_ids* (default: every map) in one document.

    *labels*: ``grounded``, ``preferred``, ``stable``, ``none``/None, or a labelling already computed.
    """
    from .json_model import dumps
    return dumps(project, map_ids, labels=labels)

"""Acceptability labels for node detail, from argmap.analysis when present.

The analysis is another module's work: if it is missing or fails, the
browser still works and says why there is no label.
"""

from __future__ import annotations

from ..model import Project

__all__ = ["compute_labels"]


def compute_labels(project: Project, semantics: str = "grounded") -> tuple[object | None, str]:
    """The labelling of *project* (or ``None``) and a note to show instead of a label."""
    try:
        from ..analysis.semantics import label
    except ImportError:
        return None, ""  # no analysis in this build: show no label at all
    try:
        return label(project, semantics=semantics), ""
    except Exception as exc:  # noqa: BLE001 - a failing analysis must not take the browser down
        return None, f"unavailable ({type(exc).__name__}: {exc})"

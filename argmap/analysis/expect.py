"""The ``expect`` check: nodes whose grounded label is not the one the curator expects.

Registered in :data:`argmap.validate.CHECKS`, so ``argmap check`` runs it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic, error
from ..model import Project

__all__ = ["check_expected_labels"]


def check_expected_labels(project: Project) -> Iterator[Diagnostic]:
    """``error[expect-mismatch]`` at a node's ``expect:`` when its grounded label differs."""
    expecting = [node for node in project.nodes() if node.expect is not None]
    if not expecting:
        return  # no labelling to compute: the common case costs nothing
    from .semantics import label

    labelling = label(project)
    for node in expecting:
        got = labelling.labels.get(node.ref)
        if got is None or got is node.expect:
            continue
        yield error("expect-mismatch",
                    f"node {node.id!r} is expected {node.expect.value.upper()} but is {got.value.upper()} "
                    f"under grounded semantics",
                    node.positions.get("expect", node.pos),
                    labelling.explain(node.ref))

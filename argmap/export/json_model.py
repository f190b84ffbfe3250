"""The normalised model as JSON: the documented, versioned format other tools read.

docs/export.md specifies it (format ``argmap``, version 2) and keeps its
changelog.  Compatible additions (new keys) keep the version; removing or
changing the meaning of a key increases it.  Every node reference is a
string ``map:node``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from .. import __version__
from ..analysis.states import debate_state
from ..model import ArgMap, Node, Project, QualifyHow, Relation, RelKind
from ..schemes import get as get_scheme
from .ids import node_svg_id

__all__ = ["FORMAT", "VERSION", "to_dict", "dumps"]

FORMAT = "argmap"
# 2: the commentary constructs (force, qualifies, related_to, schemes, drawn_by,
# adopts, stance details) and the support-aware labels; docs/export.md's changelog.
VERSION = 2


def _span(span: tuple[int, int] | None) -> list[int] | None:
    return list(span) if span is not None else None


def _relation(relation: Relation) -> dict:
    out = {"kind": relation.kind.value, "source": str(relation.source), "target": str(relation.target),
           "cross_map": relation.source.map_id != relation.target.map_id}
    if relation.group:
        out["group"] = [str(r) for r in relation.group]
    if relation.premise is not None:
        out["premise"] = str(relation.premise)
    if relation.scheme is not None:
        scheme = get_scheme(relation.scheme)
        out["scheme"] = relation.scheme
        out["scheme_name"] = scheme.aif if scheme is not None else None
    if relation.drawn_by is not None:
        out["drawn_by"] = relation.drawn_by
    if relation.kind is RelKind.QUALIFIES:
        out["how"] = (relation.how or QualifyHow.LIMITS).value
    return out


def _stance_details(node: Node) -> dict:
    return {topic: {"if": d.condition or None, "only": d.scope or None, "as_of": d.as_of or None}
            for topic, d in node.stance_details.items()}


def _node(project: Project, argmap: ArgMap, node: Node, labels) -> dict:
    part = argmap.part_of(node)
    out = {
        "id": node.id,
        "ref": str(node.ref),
        "svg_id": node_svg_id(node.ref),
        "kind": node.kind.value,
        "by": node.by,
        "via": node.via,
        "chain": [s.id for s in project.attribution_of(node)],
        "text": node.text,
        "quotes": [{"text": q.text, "span": _span(q.span)} for q in node.quotes],
        "tags": list(node.tags),
        "stances": {topic: stance.value for topic, stance in node.stances.items()},
        "stance_details": _stance_details(node),
        "force": node.effective_force.value,
        "said_by": project.said_by(node),
        "expect": node.expect.value if node.expect else None,
        "note": node.note or None,
        "genre": argmap.genre_of(node).value,
        "part": part.id if part else None,
    }
    if labels is not None:
        label = labels.get(node.ref)
        out["label"] = label.value if label is not None else None
        state = debate_state(project, labels, node.ref)
        out["state"] = state.name.lower().replace("_", "-") if state is not None else None
    return out


def _map(project: Project, argmap: ArgMap, labels) -> dict:
    source = argmap.source
    return {
        "id": argmap.id,
        "title": argmap.title,
        "path": argmap.path,
        "source": {
            "seed": source.seed, "genre": source.genre.value, "original": source.original or None,
            "outlet": source.outlet or None, "author": source.author or None, "date": source.date or None,
            "url": source.url or None,
            "parts": [{"id": p.id, "genre": p.genre.value, "title": p.title or None, "outlet": p.outlet or None,
                       "author": p.author or None, "date": p.date or None, "speaker": p.speaker,
                       "starts": p.starts or None, "span": _span(p.span), "adopts": list(p.adopts)}
                      for p in source.parts],
        },
        "speakers": [{"id": s.id, "name": s.name, "role": s.role or None, "via": s.via,
                      "adopts": list(s.adopts), "chain": [c.id for c in project.attribution(argmap.id, s.id)]}
                     for s in argmap.speakers.values()],
        "nodes": [_node(project, argmap, node, labels) for node in argmap.nodes.values()],
        "relations": [_relation(r) for node in argmap.nodes.values() for r in node.relations],
    }


def to_dict(project: Project, map_ids: Iterable[str] | None = None, labels: object = "grounded") -> dict:
    """The JSON model of *map_ids* (default: every map), as plain Python data.

    *labels* names the semantics of the acceptability labels (``none``/None
    for no labels) or is a labelling already computed.
    """
    from . import acceptability

    ids = list(project.maps) if map_ids is None else list(map_ids)
    labelling = acceptability(project, labels) if labels is None or isinstance(labels, str) else labels
    node_labels = labelling.labels if labelling is not None else None
    chosen = set(ids)
    maps = [_map(project, project.maps[i], node_labels) for i in ids]
    links = [r for m in maps for r in m["relations"] if r["cross_map"]]
    arguments = [{"premises": [str(p) for p in a.premises], "conclusion": str(a.conclusion),
                  **({"label": labelling.inferences[a].value} if labelling is not None
                     and a in labelling.inferences else {})}
                 for a in project.arguments() if a.conclusion.map_id in chosen]
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"argmap {__version__}",
        "semantics": labelling.semantics if labelling is not None else None,
        "topics": [{"id": t.id, "question": t.question, "description": t.description or None}
                   for t in project.topics.values()],
        "maps": maps,
        "arguments": arguments,
        "links": links,
    }


def dumps(project: Project, map_ids: Iterable[str] | None = None, labels: object = "grounded") -> bytes:
    """:func:`to_dict` as UTF-8 JSON text."""
    data = to_dict(project, map_ids, labels)
    try:
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: \u-escapes keep the JSON valid
        return (json.dumps(data, ensure_ascii=True, indent=1) + "\n").encode("ascii")

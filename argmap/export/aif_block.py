"""argmap's block in an AIF file: everything AIF cannot say, so that a round trip loses nothing.

Other tools ignore the ``argmap`` object; ``argmap import aif`` reads it
(:mod:`.aif_ext`, which checks every field).  Its fields are documented in
docs/export.md ("The argmap block"); version 2 adds forces, ``said_by``,
schemes and who draws each inference, qualifications, ``related_to``,
adoptions, stance details, the quotes' offsets (no longer in
``locutions``), each node's relations in the order the map declares them
and, in AIFdb's layout, the seed text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import __version__
from ..model import Project, RelKind
from .escape import clean

if TYPE_CHECKING:
    from .aif import AifGraph

__all__ = ["EXTENSION_VERSION", "build_block"]

EXTENSION_VERSION = 2


def _stance_details(node) -> dict:
    out = {}
    for topic, detail in node.stance_details.items():
        fields = {key: value for key, value in (("if", detail.condition), ("only", detail.scope),
                                                ("as_of", detail.as_of)) if value}
        if fields:
            out[topic] = fields
    return out


def _home_info(node, i_text: str, relations: list[dict]) -> dict:
    info: dict = {"ref": str(node.ref), "kind": node.kind.value, "by": node.by,
                  "quotes": [q.text for q in node.quotes]}
    if node.text != i_text:  # the I-node's text is cleaned for display; the block keeps it exactly
        info["text"] = node.text
    if any(q.span is not None for q in node.quotes):
        info["spans"] = [list(q.span) if q.span is not None else None for q in node.quotes]
    optional = (("via", node.via), ("force", node.force.value if node.force else None), ("said_by", node.said_by),
                ("tags", list(node.tags)), ("stances", {t: s.value for t, s in node.stances.items()}),
                ("stance_details", _stance_details(node)),
                ("expect", node.expect.value if node.expect is not None else None), ("note", node.note))
    info.update((key, value) for key, value in optional if value)
    undercuts = [[str(r.premise), str(r.target)] for r in node.relations
                 if r.kind is RelKind.UNDERCUTS and r.premise is not None]
    if undercuts:  # version 1's field, still written: which premise the map names
        info["undercuts"] = undercuts
    # Always written, empty too: a node the block lists without relations declares none, so a
    # linked support goes back to the premise that declared it, not to every premise of its RA.
    info["relations"] = relations
    return info


def _context_info(project: Project, ref) -> dict:
    """A node of another map: enough to import it as a node of its own map, so the result checks anywhere."""
    info: dict = {"ref": str(ref), "context": True}
    node, argmap = project.node(ref), project.maps.get(ref.map_id)
    if node is not None and argmap is not None:
        speaker = argmap.speakers.get(node.by)
        info.update(kind=node.kind.value, by=node.by, map_title=argmap.title)
        if speaker is not None:
            info["speaker"] = {"name": speaker.name, "role": speaker.role}
        if node.text != clean(node.text):
            info["text"] = node.text
    return info


def build_block(project: Project, map_id: str, graph: AifGraph, *, with_text: bool) -> dict:
    """The ``argmap`` object for *graph* (*with_text*: carry the seed text, which AIFdb's layout has nowhere else)."""
    argmap = project.maps[map_id]
    texts = {n["nodeID"]: n["text"] for n in graph.nodes if n["type"] == "I"}
    nodes: dict[str, dict] = {}
    for ref, node_id in graph.i_nodes.items():
        node = project.node(ref)
        if ref.map_id == map_id and node is not None:
            nodes[node_id] = _home_info(node, texts[node_id], graph.relations.get(ref, []))
        else:
            nodes[node_id] = _context_info(project, ref)
    people = {p["participantID"]: p for p in graph.participants}
    source = argmap.source
    parts = []
    for p in source.parts:
        part = {"id": p.id, "genre": p.genre.value, "title": p.title, "outlet": p.outlet, "author": p.author,
                "date": p.date, "speaker": p.speaker, "starts": p.starts}
        if p.adopts:
            part["adopts"] = list(p.adopts)
        parts.append(part)
    speakers = []
    for k, s in enumerate(argmap.speakers.values(), 1):
        speaker = {"id": s.id, "name": s.name, "role": s.role, "via": s.via, "participantID": k}
        if s.adopts:
            speaker["adopts"] = list(s.adopts)
        assert k in people  # the first participants are the map's speakers, in order
        speakers.append(speaker)
    block = {
        "format": "argmap-aif", "version": EXTENSION_VERSION, "generator": f"argmap {__version__}",
        "map": {"id": argmap.id, "title": argmap.title},
        "source": {"seed": source.seed, "genre": source.genre.value, "original": source.original,
                   "outlet": source.outlet, "author": source.author, "date": source.date, "url": source.url,
                   "parts": parts},
        "speakers": speakers,
        "nodes": nodes,
        "snodes": graph.snodes,
    }
    if with_text and argmap.seed_text is not None:
        block["source"]["text"] = argmap.seed_text
    return block

"""The two AIF layouts: AIFdb's flat JSON and OVA3's ``{"AIF": …, "OVA": …, "text": …}``.

What each reader reads (read December 2026; tests/export/test_aif_out_readers.py
checks the files against it field by field):

* AIFdb's upload (``AIFdb/actions/json.php``; OVA3's ``save2db`` posts it
  this shape, with numeric ids) reads top-level ``nodes``
  (``nodeID``, ``text``, ``type``), ``edges`` (``fromID``, ``toID``),
  ``schemefulfillments`` (``nodeID``, ``schemeID``), ``participants``
  (``participantID``, ``firstname``, ``surname``) and ``locutions``
  (``nodeID``, ``personID``, ``start`` only if set: as a Unix time).  AIFdb's
  own exports add ``scheme``/``schemeID`` to S-nodes and ``formEdgeID`` to
  edges; we write them too.  It has no place for the source text, which is
  in argmap's block.
* OVA3's load (``res/js/ova-save.js``, ``loadOva3Json``) reads
  ``AIF.participants``, ``text`` (a string, or ``{"txt"}``), ``AIF.nodes``,
  ``AIF.schemefulfillments``, ``AIF.descriptorfulfillments``,
  ``AIF.cqdescriptorfulfillments``, then draws only the nodes listed in
  ``OVA.nodes`` (``nodeID``, ``visible``, ``x``, ``y``, ``timestamp``) and
  the edges in ``OVA.edges`` (``fromID``, ``toID``, ``visible``); it fails
  on an empty ``OVA.nodes``.  In the text, a quote is a ``<span
  class="highlighted" id="node<L-node id>">``: OVA links an I-node to the
  span of its L-node (``hlUpdate``).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ..model import Project

if TYPE_CHECKING:
    from .aif import AifGraph

__all__ = ["aifdb_layout", "highlighted_text", "ova_layout"]

# OVA's canvas: I-nodes in a column, each with its locutions to the right; S-nodes to the left.
_X_I, _X_YA, _X_L, _X_S, _ROW, _STEP = 600, 900, 1200, 250, 140, 60


def aifdb_layout(graph: AifGraph, block: dict) -> dict:
    """AIFdb's flat layout, as OVA3's ``save2db`` posts it to AIFdb's upload.

    Ids are numbers there (the block's keys and references stay strings, as
    JSON keys must be): OVA3 reads this layout back with ``loaddbjson``,
    which adds a number to each id, so that a string id ``"2"`` would
    become ``"02"``.
    """
    def n(node_id: str) -> int:
        return int(node_id)

    return {
        "nodes": [{**node, "nodeID": n(node["nodeID"])} for node in graph.nodes],
        "edges": [{"edgeID": k, "fromID": n(a), "toID": n(b), "formEdgeID": None}
                  for k, (a, b) in enumerate(graph.edges, 1)],
        "schemefulfillments": [{"nodeID": n(sf["nodeID"]), "schemeID": sf["schemeID"]}
                               for sf in graph.schemefulfillments],
        "participants": graph.participants,
        "locutions": [{**loc, "nodeID": n(loc["nodeID"])} for loc in graph.locutions],
        "descriptorfulfillments": [],
        "argmap": block,
    }


def _positions(graph: AifGraph) -> dict[str, tuple[int, int]]:
    """x, y of every node: linear, and never two nodes of a column at one place unless OVA must stack them."""
    at: dict[str, tuple[int, int]] = {}
    y = row = 0
    for node in graph.nodes:  # I-nodes, each followed by its L- and YA-nodes
        kind = node["type"]
        if kind == "I":
            y += _ROW
            at[node["nodeID"]] = (_X_I, y)
            row = y - _STEP
        elif kind in ("L", "YA"):
            if kind == "L":
                row += _STEP
                y = max(y, row)
            at[node["nodeID"]] = (_X_L if kind == "L" else _X_YA, row)
    neighbours: dict[str, list[str]] = {}
    for a, b in graph.edges:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    taken: dict[int, int] = {}
    for node in graph.nodes:
        if node["nodeID"] in at:
            continue
        ys = [at[n][1] for n in neighbours.get(node["nodeID"], ()) if n in at]
        slot = round(sum(ys) / len(ys) / 20) * 20 if ys else 0
        count = taken.get(slot, 0)  # S-nodes meeting at one height step aside, at once (no search)
        taken[slot] = count + 1
        at[node["nodeID"]] = (_X_S - 180 * (count % 3), slot + 40 * (count // 3))
    return at


def highlighted_text(seed: str, spans: list[tuple[int, int, str]]) -> str:
    """*seed* as OVA's text: HTML-escaped, lines as ``<br>``, each quote a highlighted span of its L-node.

    Spans that overlap one already wrapped are left plain (HTML cannot nest
    them crosswise); a quote's L-node still says whose words they are.
    """
    def esc(text: str) -> str:
        return html.escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br>")

    out, at = [], 0
    for start, end, node_id in sorted(spans):
        if start < at or not 0 <= start < end <= len(seed):
            continue
        out.append(esc(seed[at:start]))
        out.append(f'<span class="highlighted" id="node{html.escape(node_id)}">{esc(seed[start:end])}</span>')
        at = end
    out.append(esc(seed[at:]))
    return "".join(out)


def ova_layout(project: Project, map_id: str, graph: AifGraph, block: dict) -> dict:
    """OVA3's layout: the AIF, the source text with its quotes highlighted, and where OVA draws each node."""
    argmap = project.maps[map_id]
    seed = argmap.seed_text
    text = highlighted_text(seed, graph.spans) if seed else ""
    at = _positions(graph)
    return {
        "AIF": {
            "nodes": [{"nodeID": n["nodeID"], "text": n["text"], "type": n["type"]} for n in graph.nodes],
            "edges": [{"edgeID": k, "fromID": a, "toID": b} for k, (a, b) in enumerate(graph.edges, 1)],
            "schemefulfillments": graph.schemefulfillments,
            "participants": graph.participants,
            "locutions": graph.locutions,
            "descriptorfulfillments": [],
            "cqdescriptorfulfillments": [],
        },
        "text": text,
        "OVA": {
            # The analyst; and, with no source text, OVA shows the article's page instead.
            "firstname": "", "surname": "", "url": "" if text else argmap.source.url,
            "nodes": [{"nodeID": n["nodeID"], "visible": True, "x": at[n["nodeID"]][0], "y": at[n["nodeID"]][1],
                       "timestamp": ""} for n in graph.nodes],
            "edges": [{"fromID": a, "toID": b, "visible": True} for a, b in graph.edges],
        },
        "argmap": block,
    }

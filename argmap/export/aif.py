"""Write a map in the Argument Interchange Format (AIF) as AIFdb and OVA write it.

The JSON has the AIFdb shape: ``nodes`` (``nodeID``, ``text``, ``type``),
``edges`` (``edgeID``, ``fromID``, ``toID``), ``locutions`` (``nodeID``,
``personID``) and ``participants`` (``participantID``, ``firstname``,
``surname``).  The mapping (docs/export.md):

* every node is an **I-node** (its text);
* every inference is one **RA** node: each premise → RA → conclusion, so
  the premises of a linked argument share one RA;
* an attack is a **CA** node: attacker → CA → attacked I-node; an undercut
  is a CA into the RA of the inference it attacks;
* ``same_as`` is an **MA** node (AIF's rephrase) between the two I-nodes;
* who said what: one **L-node** per quote (``"Speaker Name : quoted words"``)
  with a **YA** ``Asserting`` node from the L-node to the I-node, a
  ``locutions`` entry tying the L-node to its participant, and one
  participant per speaker.

AIF has no node kinds, ids, attribution chains, stances or seed offsets, so
the file also carries an ``argmap`` object (ignored by other tools) that
lets ``argmap import aif`` restore the map exactly; the seed text itself is
in OVA's ``text`` field.
"""

from __future__ import annotations

import html
import json

from .. import __version__
from ..model import Project, Ref, RelKind
from .escape import clean

__all__ = ["to_aif", "dumps", "EXTENSION_VERSION", "split_name"]

EXTENSION_VERSION = 1


def split_name(name: str) -> tuple[str, str]:
    """A speaker's name as AIF's (firstname, surname)."""
    first, _, rest = clean(name).partition(" ")
    return first, rest


class _Ids:
    def __init__(self) -> None:
        self.next = 1
        self.nodes: list[dict] = []
        self.edges: list[dict] = []

    def node(self, type_: str, text: str, **extra) -> str:
        node_id = str(self.next)
        self.next += 1
        self.nodes.append({"nodeID": node_id, "text": text, "type": type_, **extra})
        return node_id

    def edge(self, source: str, target: str) -> None:
        self.edges.append({"edgeID": len(self.edges) + 1, "fromID": source, "toID": target, "formEdgeID": None})


def to_aif(project: Project, map_id: str) -> dict:
    """The AIF (AIFdb JSON) of map *map_id*, as plain Python data."""
    from .scene import build_scene

    argmap = project.maps[map_id]
    scene = build_scene(project, map_id)
    ids = _Ids()
    i_nodes: dict[Ref, str] = {}
    ext_nodes: dict[str, dict] = {}
    for ref, scene_node in scene.nodes.items():
        node = scene_node.node
        text = clean(node.text) if node is not None else str(ref)
        i_nodes[ref] = ids.node("I", text)
        info: dict = {"ref": str(ref)}
        if node is not None and scene_node.home:
            info.update({"kind": node.kind.value, "by": node.by, "quotes": [q.text for q in node.quotes]})
            if node.via:
                info["via"] = node.via
            if node.tags:
                info["tags"] = list(node.tags)
            if node.stances:
                info["stances"] = {t: s.value for t, s in node.stances.items()}
            if node.expect is not None:
                info["expect"] = node.expect.value
            if node.note:
                info["note"] = node.note
            undercuts = [[str(r.premise), str(r.target)] for r in node.relations
                         if r.kind is RelKind.UNDERCUTS and r.premise is not None]
            if undercuts:  # which premise the map names (AIF's CA names only the inference)
                info["undercuts"] = undercuts
        elif not scene_node.home:
            info["context"] = True
        ext_nodes[i_nodes[ref]] = info

    # Inferences: one RA each (from the project, so undercuts can land on any of them).
    ra_of: dict[tuple[frozenset[Ref], Ref], str] = {}
    for argument in project.arguments():
        if argument.conclusion not in scene.nodes or not all(p in scene.nodes for p in argument.premises):
            continue
        if argument.conclusion.map_id != map_id and all(p.map_id != map_id for p in argument.premises):
            continue
        ra = ids.node("RA", "Default Inference", scheme="Default Inference")
        ra_of[(frozenset(argument.premises), argument.conclusion)] = ra
        for premise in argument.premises:
            ids.edge(i_nodes[premise], ra)
        ids.edge(ra, i_nodes[argument.conclusion])

    home = [ref for ref, n in scene.nodes.items() if n.home]
    for ref in home:
        for relation in project.outgoing(ref):
            if relation.target not in i_nodes:
                continue
            if relation.kind is RelKind.ATTACKS:
                ca = ids.node("CA", "Default Conflict", scheme="Default Conflict")
                ids.edge(i_nodes[ref], ca)
                ids.edge(ca, i_nodes[relation.target])
            elif relation.kind is RelKind.UNDERCUTS:
                for (premises, conclusion), ra in ra_of.items():
                    if conclusion == relation.target and relation.premise in premises:
                        ca = ids.node("CA", "Default Conflict", scheme="Default Conflict")
                        ids.edge(i_nodes[ref], ca)
                        ids.edge(ca, ra)
            elif relation.kind is RelKind.SAME_AS:
                ma = ids.node("MA", "Default Rephrase", scheme="Default Rephrase")
                ids.edge(i_nodes[ref], ma)
                ids.edge(ma, i_nodes[relation.target])

    # Who said what.
    participants: list[dict] = []
    person_of: dict[str, int] = {}
    for k, speaker in enumerate(argmap.speakers.values(), 1):
        first, last = split_name(speaker.name)
        participants.append({"participantID": k, "firstname": first, "surname": last})
        person_of[speaker.id] = k
    locutions: list[dict] = []
    for ref in home:
        node = scene.nodes[ref].node
        if node is None:
            continue
        speaker = argmap.speakers.get(node.by)
        name = clean(speaker.name) if speaker else node.by
        for quote in node.quotes:
            l_node = ids.node("L", f"{name} : {clean(quote.text)}")
            ya = ids.node("YA", "Asserting", scheme="Asserting")
            ids.edge(l_node, ya)
            ids.edge(ya, i_nodes[ref])
            locution = {"nodeID": l_node, "personID": person_of.get(node.by)}
            if quote.span is not None:
                locution["start"], locution["end"] = quote.span
            locutions.append(locution)

    source = argmap.source
    extension = {
        "format": "argmap-aif", "version": EXTENSION_VERSION, "generator": f"argmap {__version__}",
        "map": {"id": argmap.id, "title": argmap.title},
        "source": {"seed": source.seed, "genre": source.genre.value, "original": source.original,
                   "outlet": source.outlet, "author": source.author, "date": source.date, "url": source.url,
                   "parts": [{"id": p.id, "genre": p.genre.value, "title": p.title, "outlet": p.outlet,
                              "author": p.author, "date": p.date, "speaker": p.speaker, "starts": p.starts}
                             for p in source.parts]},
        "speakers": [{"id": s.id, "name": s.name, "role": s.role, "via": s.via,
                      "participantID": person_of[s.id]} for s in argmap.speakers.values()],
        "nodes": ext_nodes,
    }
    out = {
        "nodes": ids.nodes,
        "edges": ids.edges,
        "locutions": locutions,
        "participants": participants,
        "schemefulfillments": [],
        "descriptorfulfillments": [],
        "argmap": extension,
    }
    if argmap.seed_text is not None:
        out["text"] = {"txt": html.escape(argmap.seed_text, quote=False).replace("\n", "<br>")}
    return out


def dumps(project: Project, map_id: str) -> bytes:
    data = to_aif(project, map_id)
    try:
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(data, ensure_ascii=True, indent=1) + "\n").encode("ascii")

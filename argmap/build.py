"""Build model objects from decoded map and topics files.

Checks that need only the file itself and its seed are made here (speakers
named by nodes exist, quotes are found in the seed); checks across maps are
in :mod:`argmap.validate`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from .diagnostics import Diagnostic, error, warning
from .model import (EMPTY_MAPPING, ArgMap, Force, Genre, Kind, Label, Node, Part, Pos, QualifyHow, Quote, Ref,
                    Relation, RelKind, Source, Speaker, Stance, StanceDetail, Topic)
from .quotes import SeedText
from .fastnode import FastNode, NodeReader
from .listing import join_shortened
from .spec import NODE
from .structure import Decoder, LDict, LList, Positions
from .suggest import did_you_mean

__all__ = ["build_map", "build_topics"]

_KINDS = {k.value: k for k in Kind}
_STANCES = {s.value: s for s in Stance}
_LABELS = {label.value: label for label in Label}
_FORCES = {f.value: f for f in Force}
_HOWS = {h.value: h for h in QualifyHow}
# Named tuples built in bulk skip their Python-level __new__ (see fastnode.py).
_new = tuple.__new__


def _items(value: LList | None) -> list[tuple[object, Pos]]:
    return list(zip(value, value.at)) if value else []


def build_topics(doc: LDict) -> dict[str, Topic]:
    topics = doc.get("topics") or {}
    return {
        tid: Topic(tid, t.get("question", ""), topics.key_pos[tid], t.get("description", ""))
        for tid, t in topics.items()
    }


def build_map(doc: LDict, path: str, seed: SeedText | None,
              diagnostics: list[Diagnostic]) -> ArgMap | None:
    """Build an :class:`ArgMap`; returns ``None`` if the header is unusable."""
    map_id = doc.get("map")
    source_doc = doc.get("source")
    if map_id is None or source_doc is None:
        return None
    report = diagnostics.append

    speakers_doc: LDict = doc.get("speakers") or LDict(doc.pos)
    speakers = {
        sid: Speaker(sid, s.get("name", sid), speakers_doc.key_pos[sid], s.get("role", ""), s.get("via"),
                     tuple(s.get("adopts") or ()))
        for sid, s in speakers_doc.items()
    }

    def check_speaker(owner: LDict, key: str, what: str) -> None:
        sid = owner.get(key)
        if sid is not None and sid not in speakers:
            report(error("unknown-speaker", f"{what} names unknown speaker {sid!r}", owner.at[key],
                         did_you_mean(sid, speakers)))

    for sid, s in speakers_doc.items():
        check_speaker(s, "via", f"speaker {sid!r}")
        if "adopts" in s:
            _check_adopts(s["adopts"], sid, speakers, "speaker", report)
    _check_via_loops(speakers, speakers_doc, report)

    source = _build_source(source_doc, seed, check_speaker, report)
    # The nodes table holds raw YAML nodes (decoding was deferred): most take
    # the fast path; the rest, and every node with a problem, the generic one.
    raw_nodes: LDict = doc.get("nodes") or LDict(doc.pos)
    decoder = Decoder(path, diagnostics)
    reader = NodeReader(map_id, path, speakers)
    decoded: list[tuple[str, FastNode | LDict]] = []
    quote_texts = reader.quote_texts
    for nid, raw in raw_nodes.items():
        n = reader.read(raw, nid)
        if n is None:
            n = decoder.record(raw, NODE, ("entry", "node", nid))
            if n is None:
                continue
            quote_texts.extend(n.get("quote") or ())
        decoded.append((nid, n))
    spans = seed.find_all(quote_texts) if seed else {}
    nodes: dict[str, Node] = {}
    key_nodes, pos = raw_nodes.key_nodes, reader.pos
    for nid, n in decoded:
        if type(n) is FastNode:
            nodes[nid] = _node_from_fast(map_id, nid, n, pos(key_nodes[nid]), reader, seed, spans, report)
        else:
            nodes[nid] = _build_node(map_id, nid, n, pos(key_nodes[nid]), seed, spans, check_speaker, report,
                                     speakers)
    return ArgMap(
        id=map_id, title=doc.get("title", ""), path=path, pos=doc.at.get("map", doc.pos),
        source=source, speakers=MappingProxyType(speakers), nodes=MappingProxyType(nodes),
        seed_text=seed.text if seed else None,
    )


def _build_source(s: LDict, seed: SeedText | None, check_speaker: Callable,
                  report: Callable) -> Source:
    parts: list[Part] = []
    parts_doc: LDict | None = s.get("parts")
    for pid, p in (parts_doc or {}).items():
        check_speaker(p, "speaker", f"part {pid!r}")
        start = None
        if seed is not None and "starts" in p:
            span = seed.find(p["starts"])
            if span is None:
                report(_not_found(p["starts"], p.at["starts"], seed, f"start of part {pid!r}"))
            else:
                start = span[0]
        parts.append(Part(pid, Genre(p.get("genre", "news-report")), parts_doc.key_pos[pid],
                          p.get("title", ""), p.get("outlet", ""), p.get("author", ""), p.get("date", ""),
                          p.get("speaker"), p.get("starts", ""), (start, start) if start is not None else None,
                          tuple(p.get("adopts") or ())))
    for pid, p in (parts_doc or {}).items():
        if "adopts" in p:
            _check_adopts(p["adopts"], pid, parts_doc, "part", report)
            if "speaker" not in p:
                report(warning("adopts-without-speaker", f"part {pid!r} adopts other parts but names no speaker "
                               "who adopts them", p.at["adopts"], "add 'speaker: <who adopts them>'"))
    # Each part runs to the start of the next one in the seed.
    located = sorted((p for p in parts if p.span is not None), key=lambda p: p.span[0])
    end_of_seed = len(seed.text) if seed else 0
    spans = {p.id: (p.span[0], located[i + 1].span[0] if i + 1 < len(located) else end_of_seed)
             for i, p in enumerate(located)}
    parts = [_replace_span(p, spans.get(p.id)) for p in parts]
    return Source(seed=s.get("seed", ""), pos=s.pos, genre=Genre(s.get("genre", "news-report")),
                  original=s.get("original", ""), outlet=s.get("outlet", ""), author=s.get("author", ""),
                  date=s.get("date", ""), url=s.get("url", ""), parts=tuple(parts))


def _replace_span(part: Part, span: tuple[int, int] | None) -> Part:
    return Part(part.id, part.genre, part.pos, part.title, part.outlet, part.author, part.date,
                part.speaker, part.starts, span, part.adopts)


def _locate(quotes, spans: Mapping[str, tuple[int, int] | None], seed: SeedText | None,
            report: Callable) -> tuple[Quote, ...]:
    """Quote objects with their spans, reporting each quote the seed lacks."""
    located = []
    for text, qpos in quotes:
        span = spans.get(text)
        if span is None and seed is not None:
            report(_not_found(text, qpos, seed, "quote"))
        located.append(_new(Quote, (text, qpos, span)))
    return tuple(located)


def _node_from_fast(map_id: str, nid: str, n: FastNode, pos: Pos, reader: NodeReader, seed: SeedText | None,
                    spans: Mapping[str, tuple[int, int] | None], report: Callable) -> Node:
    quotes = _locate([(q.value, reader.pos(q)) for q in n.quotes], spans, seed, report)
    return _new(Node, (nid, map_id, n.kind, n.text, n.by, pos, quotes, n.tags,
                       MappingProxyType(n.stances) if n.stances else EMPTY_MAPPING, n.relations, n.expect, n.note,
                       n.via, Positions(reader.path, n.where), None, None, EMPTY_MAPPING))


def _build_node(map_id: str, nid: str, n: LDict, pos: Pos, seed: SeedText | None,
                spans: Mapping[str, tuple[int, int] | None], check_speaker: Callable,
                report: Callable, speakers: Mapping[str, Speaker]) -> Node:
    # A node with a broken field is still built (its problem is reported), so
    # that references to it do not cascade into "unknown node" errors.
    at = n.at
    get = n.get
    if get("by") not in speakers:
        check_speaker(n, "by", f"node {nid!r}")
    check_speaker(n, "said_by", f"'said_by' of node {nid!r}")
    if "via" in n:
        check_speaker(n, "via", f"'via' of node {nid!r}")
        if n["via"] == get("by"):
            report(error("bad-via", f"node {nid!r} is reported via its own speaker", at["via"],
                         "'via' names who reports the holder's words; remove it"))

    quotes = _locate(_items(get("quote")), spans, seed, report)

    stances: Mapping[str, Stance] = EMPTY_MAPPING
    details: Mapping[str, StanceDetail] = EMPTY_MAPPING
    positions: Mapping[str, Pos] = at
    stance_doc = get("stance")
    if stance_doc:
        stances, details, positions = {}, {}, dict(at)
        for topic, value in stance_doc.items():
            positions[f"stance.{topic}"] = stance_doc.key_pos[topic]
            if isinstance(value, LDict):  # {is: against, if: ..., only: ..., as_of: ...}
                if "is" not in value:
                    continue
                stances[topic] = _STANCES[value["is"]]
                details[topic] = StanceDetail(value.get("if", ""), value.get("only", ""), value.get("as_of", ""))
            else:
                stances[topic] = _STANCES[value]
        stances, details, positions = (MappingProxyType(stances), MappingProxyType(details),
                                       MappingProxyType(positions))

    source = Ref(map_id, nid)
    relations: list[Relation] = []
    if "supports" in n:
        for item, rpos in _items(n["supports"]):
            if isinstance(item, LDict):
                if "to" in item:
                    group = (source, *(Ref.parse(w, map_id) for w in item.get("with") or ()))
                    if "by" in item:
                        check_speaker(item, "by", f"the support of node {nid!r}")
                    relations.append(Relation(RelKind.SUPPORTS, source, Ref.parse(item["to"], map_id),
                                              item.at["to"], group, scheme=item.get("scheme"),
                                              drawn_by=item.get("by")))
            else:
                relations.append(Relation(RelKind.SUPPORTS, source, Ref.parse(item, map_id), rpos, (source,)))
    if "attacks" in n:
        for item, rpos in _items(n["attacks"]):
            if isinstance(item, LDict):
                if "to" in item:
                    relations.append(Relation(RelKind.ATTACKS, source, Ref.parse(item["to"], map_id),
                                              item.at["to"], scheme=item.get("scheme")))
            else:
                relations.append(Relation(RelKind.ATTACKS, source, Ref.parse(item, map_id), rpos))
    if "undercuts" in n:
        for item, rpos in _items(n["undercuts"]):
            if "from" in item and "to" in item:
                relations.append(Relation(RelKind.UNDERCUTS, source, Ref.parse(item["to"], map_id), rpos,
                                          premise=Ref.parse(item["from"], map_id), scheme=item.get("scheme")))
    if "qualifies" in n:
        for item, rpos in _items(n["qualifies"]):
            if isinstance(item, LDict):
                if "to" in item:
                    how = item.get("how")
                    relations.append(Relation(RelKind.QUALIFIES, source, Ref.parse(item["to"], map_id),
                                              item.at["to"], how=_HOWS[how] if how else None))
            else:
                relations.append(Relation(RelKind.QUALIFIES, source, Ref.parse(item, map_id), rpos))
    for key, kind in (("same_as", RelKind.SAME_AS), ("related_to", RelKind.RELATED_TO)):
        for item, rpos in _items(n.get(key)):
            relations.append(Relation(kind, source, Ref.parse(item, map_id), rpos))

    expect = get("expect")
    tags = get("tags")
    return Node(
        id=nid, map_id=map_id, kind=_KINDS[get("kind", "claim")], text=get("text", ""), by=get("by", ""),
        pos=pos, quotes=quotes, tags=tuple(tags) if tags else (), stances=stances,
        relations=tuple(relations), expect=_LABELS[expect] if expect else None, note=get("note", ""),
        via=get("via"), positions=positions, force=_FORCES[force] if (force := get("force")) else None,
        said_by=get("said_by"), stance_details=details,
    )


def _check_adopts(adopts: LList, owner: str, known: Mapping[str, object], what: str, report: Callable) -> None:
    """Each id a speaker (or part) adopts names another speaker (or part) of the map."""
    for item, pos in _items(adopts):
        if item == owner:
            report(error("self-relation", f"{what} {owner!r} adopts itself", pos))
        elif item not in known:
            report(error(f"unknown-{what}", f"{what} {owner!r} adopts unknown {what} {item!r}", pos,
                         did_you_mean(item, known)))


def _not_found(text: str, pos: Pos, seed: SeedText, what: str) -> Diagnostic:
    from .quotediff import describe  # where the quote and the closest passage differ

    shown, hint = describe(text, seed.closest(text))
    return error("quote-not-found", f"{what} not found in the seed: {shown}", pos, hint)


def _check_via_loops(speakers: dict[str, Speaker], doc: LDict, report: Callable) -> None:
    """Report each loop of 'via' once, at its first speaker in file order.

    Each speaker names at most one other, so one walk along the chains,
    never walking a speaker twice, finds every loop (linear: a walk per
    speaker was quadratic in a long chain).
    """
    order = {sid: i for i, sid in enumerate(speakers)}
    walked: dict[str, int] = {}  # speaker -> the walk that reached it
    for walk, sid in enumerate(speakers):
        chain: list[str] = []
        current: str | None = sid
        while current in speakers and current not in walked:
            walked[current] = walk
            chain.append(current)
            current = speakers[current].via
        if current is None or walked.get(current) != walk:
            continue  # the chain ends, or joins one walked before (whose loop, if any, is reported)
        loop = chain[chain.index(current):]
        at = min(range(len(loop)), key=lambda i: order[loop[i]])
        first = loop[at]
        ordered = loop[at:] + loop[:at] + [first]
        report(error("via-loop", f"speaker {first!r} is reported through a loop: " + join_shortened(ordered),
                     doc[first].at.get("via", doc.key_pos[first])))

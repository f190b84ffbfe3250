"""The imported map as plain data, in the map format's key order, for :func:`.aif_write.dump`.

Every value here has been checked already (ids by :mod:`.aif_ext`, texts
cleaned and cut to the format's length limit), so what is written passes
``argmap check``: stances only on topics the destination defines, parts
only where their start is found in the seed, a 'via' only to a speaker of
the map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..quotes import SeedText
from ..spec import MAX_TEXT
from .aif_seed import locate
from .aif_write import Flow
from .escape import clean, truncate

if TYPE_CHECKING:
    from .aif_import import _Converter

__all__ = ["map_document"]

_NO_RELATIONS: dict[str, list] = {}


# The relation keys of a node, in the order the map format lists them (docs/format.md).
_RELATION_KEYS = ("supports", "attacks", "undercuts", "same_as", "qualifies", "related_to")


def _drawn_by_known(value: dict, speakers: dict) -> dict:
    """A relation record without a ``by`` that names no speaker of the map (the check would refuse it)."""
    if "by" in value and value["by"] not in speakers:
        return {k: v for k, v in value.items() if k != "by"}
    return value


def _stance(stance: str, details: dict[str, str] | None) -> object:
    """A stance as the map writes it: the word, or ``{is, if, only, as_of}`` when it has details."""
    if not details:
        return stance
    record = {"is": stance}
    for key in ("if", "only"):
        if text := _prose(details.get(key)):
            record[key] = text
    if details.get("as_of"):
        record["as_of"] = details["as_of"]
    return record


def _prose(text: str | None) -> str | None:
    """*text* cleaned and within the length limit; ``None`` when empty."""
    text = clean(text) if text else ""
    return truncate(text, MAX_TEXT) if text else None


def map_document(c: _Converter, relations: dict, speakers: dict[str, dict], by: dict[str, str],
                 quotes: dict[str, list[str]], seed_name: str, seed_text: str) -> dict:
    ext = c.ext
    source: dict = {"seed": seed_name, "genre": ext.source.get("genre") or c.genre}
    for key in ("original", "outlet", "author", "url"):
        if value := _prose(ext.source.get(key)):
            source[key] = value
    if "date" in ext.source:
        source["date"] = ext.source["date"]
    parts = _parts(c, seed_text, speakers)
    if parts:
        source["parts"] = parts
    used = set(by.values())
    written = {}
    for sid, fields in speakers.items():
        if sid not in used and not c.has_ext:
            continue
        speaker = {"name": fields["name"]}
        if fields.get("role"):
            speaker["role"] = fields["role"]
        if fields.get("via"):
            speaker["via"] = fields["via"]
        if fields.get("adopts"):
            speaker["adopts"] = fields["adopts"] if len(fields["adopts"]) > 1 else fields["adopts"][0]
        written[sid] = speaker
    nodes = {}
    dropped = 0
    for node_id, info in c.home.items():
        rel = relations.get(node_id, _NO_RELATIONS)
        holder = by[node_id]
        node: dict = {"kind": c.kind(node_id, rel), "by": holder}
        force = c.forces.get(node_id)
        said_by = info.said_by if info.said_by in speakers else None
        if force in ("ascribed", "reported") and said_by is None and (
                force == "ascribed" or not (info.via in speakers or speakers[holder].get("via"))):
            c.skip(f"node {c.ids[node_id]} is {force} but the file says not by whom; imported as asserted",
                   "a force without who says so")
            force = None
        if force:
            node["force"] = force
        if said_by:
            node["said_by"] = said_by
        if info.via in speakers and info.via != holder:
            node["via"] = info.via
        node["text"] = c.texts[node_id]
        node_quotes = quotes[node_id]
        node["quote"] = node_quotes[0] if len(node_quotes) == 1 else node_quotes
        if info.tags:
            node["tags"] = list(dict.fromkeys(info.tags))
        kept = Flow((t, _stance(s, info.stance_details.get(t))) for t, s in info.stances.items() if t in c.topics)
        dropped += len(info.stances) - len(kept)
        if kept:
            node["stance"] = kept
        for kind in _RELATION_KEYS:
            if kind in rel:
                node[kind] = [Flow(_drawn_by_known(v, speakers)) if isinstance(v, dict) else v for v in rel[kind]]
        if info.expect:
            node["expect"] = info.expect
        remarks = [info.note] if info.note else []
        if node_id in c.borrowed:
            title = f" ({clean(info.map_title)})" if info.map_title and clean(info.map_title) else ""
            remarks.append(f"Node {c.borrowed[node_id]} of another map{title}, which the destination does not "
                           f"have: imported with this map so that its relations stay.")
        remarks += [f"AIF: {line}." for line in c.unknown_schemes.get(node_id, ())]
        if note := _prose(" ".join(remarks)):
            node["note"] = note
        nodes[c.ids[node_id]] = node
        for copy_id, sid, copy_quotes, force in c.copies.get(node_id, ()):
            copy: dict = {"kind": node["kind"], "by": sid}
            if force:
                copy["force"] = force
            copy.update(text=node["text"], quote=copy_quotes[0] if len(copy_quotes) == 1 else copy_quotes,
                        same_as=c.ids[node_id])
            nodes[copy_id] = copy
    if dropped:
        c.skip(f"{dropped:,} stance(s) on topics that the destination's topics.yaml does not define were dropped")
    title = _prose(ext.title) or truncate("Imported from " + clean(c.source_name), MAX_TEXT)
    return {"map": c.map_id, "title": title, "source": source, "speakers": written, "nodes": nodes}


def _parts(c: _Converter, seed_text: str, speakers: dict) -> dict:
    """The parts of argmap's block whose id is new, whose speaker exists and whose start is in the seed."""
    wanted = {}
    for part in c.ext.parts:
        if part.id in wanted:
            c.skip(f"a second part {part.id!r} was dropped", "a second part with one id")
            continue
        wanted[part.id] = part
    if not wanted:
        return {}
    found, _ = locate(SeedText(seed_text), list(dict.fromkeys(clean(p.starts) for p in wanted.values())))
    parts = {}
    for part in wanted.values():
        starts = clean(part.starts)
        if starts not in found:
            c.skip("a part of the source whose start is not in the seed was dropped", "a part is not in the seed")
            continue
        fields: dict = {"genre": part.genre}
        for key in ("title", "outlet", "author"):
            if value := _prose(part.fields.get(key)):
                fields[key] = value
        if "date" in part.fields:
            fields["date"] = part.fields["date"]
        if part.fields.get("speaker") in speakers:
            fields["speaker"] = part.fields["speaker"]
        fields["starts"] = starts
        parts[part.id] = fields
    for part_id, fields in parts.items():  # only parts that were kept, never the part itself
        adopts = [a for a in wanted[part_id].adopts if a in parts and a != part_id]
        if adopts:
            fields["adopts"] = adopts if len(adopts) > 1 else adopts[0]
    return parts

"""The imported map as plain data, in the map format's key order, for :func:`.aif_write.dump`.

Every value here has been checked already (ids by :mod:`.aif_ext`, texts
cleaned and cut to the format's length limit), so what is written passes
``argmap check``: stances only on topics the destination defines, parts
only where their start is found in the seed, a 'via' only to a speaker of
the map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Genre
from ..quotes import SeedText
from ..spec import MAX_TEXT
from .aif_seed import locate
from .aif_write import Flow
from .escape import clean, truncate

if TYPE_CHECKING:
    from .aif_import import _Converter

__all__ = ["map_document"]

_NO_RELATIONS: dict[str, list] = {}
_GENRES = frozenset(g.value for g in Genre if g is not Genre.PAGE_FURNITURE)


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
        written[sid] = speaker
    nodes = {}
    dropped = 0
    for node_id, info in c.home.items():
        rel = relations.get(node_id, _NO_RELATIONS)
        node: dict = {"kind": c.kind(node_id, rel), "by": by[node_id]}
        if info.via in speakers and info.via != by[node_id]:
            node["via"] = info.via
        node["text"] = c.texts[node_id]
        node_quotes = quotes[node_id]
        node["quote"] = node_quotes[0] if len(node_quotes) == 1 else node_quotes
        if info.tags:
            node["tags"] = list(dict.fromkeys(info.tags))
        kept = Flow((t, s) for t, s in info.stances.items() if t in c.topics)
        dropped += len(info.stances) - len(kept)
        if kept:
            node["stance"] = kept
        if "supports" in rel:
            node["supports"] = [Flow({"to": v["to"], "with": v["with"]}) if isinstance(v, dict) else v
                                for v in rel["supports"]]
        for kind in ("attacks", "same_as"):
            if kind in rel:
                node[kind] = rel[kind]
        if "undercuts" in rel:
            node["undercuts"] = [Flow(u) for u in rel["undercuts"]]
        if info.expect:
            node["expect"] = info.expect
        if note := _prose(info.note):
            node["note"] = note
        nodes[c.ids[node_id]] = node
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
    return parts

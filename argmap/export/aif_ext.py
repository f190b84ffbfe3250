"""Read the parts of an AIF file that are not its graph: the source text and argmap's ``argmap`` block.

The ``argmap`` block (see :mod:`.aif`) lets a map survive a round trip
through AIF, but a file that claims to carry one may have been edited by
anybody: every field is checked for type and form here, and one that is
wrong is noted and ignored, so the importer falls back to what the AIF
structure says.  Ids must match the map format's id pattern in full (a
final newline included) and be at most :data:`~.aif_read.MAX_ID`
characters; a seed name must be such an id too, so it cannot climb out of
``seeds/`` or hide (``..``, ``.x``) or carry controls.
"""

from __future__ import annotations

import html
import re

from ..model import Force, Genre, Kind, Label, QualifyHow, Stance
from ..spec import DATE_PATTERN
from ..schemes import get as get_scheme
from .aif_read import (MAX_ID, Extension, NodeInfo, Notes, Part, RelRecord, SpeakerInfo, aif_id, is_id, json_type,
                       pattern_of, shown)

__all__ = ["read_extension", "source_text", "safe_id"]

_TAG = re.compile(r"<[^<>]*>")  # not [^>]*: a run of '<' without '>' would make that quadratic
_BR = re.compile(r"<br\s*/?>|</p\s*>|</div\s*>", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON can escape them; UTF-8 cannot hold them
_DATE = re.compile(DATE_PATTERN).fullmatch
_GENRES = frozenset(g.value for g in Genre)
_SOURCE_GENRES = frozenset(g.value for g in Genre if g is not Genre.PAGE_FURNITURE)
_KINDS = frozenset(k.value for k in Kind)
_STANCES = frozenset(s.value for s in Stance)
_LABELS = frozenset(label.value for label in Label)
_FORCES = frozenset(f.value for f in Force)
_HOWS = frozenset(h.value for h in QualifyHow)
_REL_KINDS = frozenset(("supports", "attacks", "undercuts", "same_as", "qualifies", "related_to"))
_PROSE = ("original", "outlet", "author", "url")
_PART_PROSE = ("title", "outlet", "author")


def safe_id(value: object) -> str | None:
    """*value* if it is an id argmap may write as it is (the id pattern in full, not too long)."""
    return value if isinstance(value, str) and len(value) <= MAX_ID and is_id(value) else None


def source_text(value: object, notes: Notes) -> str:
    """OVA's ``text`` (a string, or an object with ``txt``) as plain text; '' when absent."""
    if isinstance(value, dict):
        value = value.get("txt")
        if value is not None and not isinstance(value, str):
            notes.add(f"text.txt: expected a string, found {json_type(value)}; the source text is ignored")
            return ""
    if value is None:
        return ""
    if not isinstance(value, str):
        notes.add(f"text: expected a string or an object with 'txt', found {json_type(value)}; ignored")
        return ""
    text = _TAG.sub("", _BR.sub("\n", value))
    text = html.unescape(text).replace("\r\n", "\n")
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


class FieldReader:
    """Checks one field after another, noting what is wrong (capped per kind of field)."""

    def __init__(self, notes: Notes) -> None:
        self.notes = notes

    def bad(self, where: str, expected: str, value: object) -> None:
        self.notes.add(f"{where}: expected {expected}, found {shown(value)}; ignored",
                       f"{pattern_of(where)}: not {expected}")

    def obj(self, container: dict, key: str, where: str) -> dict:
        value = container.get(key)
        if value is None or isinstance(value, dict):
            return value or {}
        self.bad(f"{where}.{key}", "an object", value)
        return {}

    def items(self, container: dict, key: str, where: str) -> list:
        value = container.get(key)
        if value is None or isinstance(value, list):
            return value or []
        self.bad(f"{where}.{key}", "a list", value)
        return []

    def text(self, container: dict, key: str, where: str) -> str | None:
        value = container.get(key)
        if value is None or isinstance(value, str):
            return value
        self.bad(f"{where}.{key}", "a string", value)
        return None

    def ident(self, container: dict, key: str, where: str) -> str | None:
        value = container.get(key)
        if value is None or value == "":
            return None
        if safe_id(value) is None:
            self.bad(f"{where}.{key}", f"an id (letters, digits, '_', '.', '-'; at most {MAX_ID})", value)
            return None
        return value

    def choice(self, container: dict, key: str, where: str, allowed: frozenset[str]) -> str | None:
        value = container.get(key)
        if value is None or (isinstance(value, str) and value in allowed):
            return value
        self.bad(f"{where}.{key}", "one of " + ", ".join(sorted(allowed)), value)
        return None

    def date(self, container: dict, key: str, where: str) -> str | None:
        value = container.get(key)
        if value is None or value == "" or (isinstance(value, str) and _DATE(value)):
            return value or None
        self.bad(f"{where}.{key}", "a date (YYYY, YYYY-MM or YYYY-MM-DD)", value)
        return None


def read_extension(value: object, notes: Notes) -> Extension | None:
    """argmap's block, its fields checked; ``None`` when absent or another tool's."""
    if value is None:
        return None
    if not isinstance(value, dict):
        notes.add(f"argmap: expected an object, found {json_type(value)}; ignored")
        return None
    if value.get("format") != "argmap-aif":
        return None
    read = FieldReader(notes)
    ext = Extension()
    map_ = read.obj(value, "map", "argmap")
    ext.map_id = read.ident(map_, "id", "argmap.map")
    ext.title = read.text(map_, "title", "argmap.map")
    source = read.obj(value, "source", "argmap")
    if (seed := read.text(source, "text", "argmap.source")) is not None:
        ext.seed_text = _SURROGATE.sub("\ufffd", seed) if _SURROGATE.search(seed) else seed
    for key in _PROSE:
        if (text := read.text(source, key, "argmap.source")) is not None:
            ext.source[key] = text
    for key, found in (("seed", read.ident(source, "seed", "argmap.source")),
                       ("genre", read.choice(source, "genre", "argmap.source", _SOURCE_GENRES)),
                       ("date", read.date(source, "date", "argmap.source"))):
        if found is not None:
            ext.source[key] = found
    for i, raw in enumerate(read.items(source, "parts", "argmap.source")):
        where = f"argmap.source.parts[{i}]"
        if not isinstance(raw, dict):
            read.bad(where, "an object", raw)
            continue
        part_id, genre, starts = read.ident(raw, "id", where), read.choice(raw, "genre", where, _GENRES), \
            read.text(raw, "starts", where)
        if part_id is None or genre is None or not starts:
            notes.add(f"{where}: a part needs an id, a genre and where it starts; dropped", "a part is incomplete")
            continue
        fields = {key: text for key in _PART_PROSE if (text := read.text(raw, key, where))}
        if (date := read.date(raw, "date", where)) is not None:
            fields["date"] = date
        if (speaker := read.ident(raw, "speaker", where)) is not None:
            fields["speaker"] = speaker
        ext.parts.append(Part(part_id, genre, starts, fields, _ids(read, raw, "adopts", where)))
    for i, raw in enumerate(read.items(value, "speakers", "argmap")):
        where = f"argmap.speakers[{i}]"
        if not isinstance(raw, dict):
            read.bad(where, "an object", raw)
            continue
        speaker_id, name = read.ident(raw, "id", where), read.text(raw, "name", where)
        if speaker_id is not None and name and name.strip():
            ext.speakers.append(SpeakerInfo(speaker_id, name, read.text(raw, "role", where) or "",
                                            read.ident(raw, "via", where), _ids(read, raw, "adopts", where)))
    for order, (key, raw) in enumerate(read.obj(value, "nodes", "argmap").items()):
        where = f"argmap.nodes[{shown(key)}]"
        node_id = aif_id(key, where, notes)
        if node_id is None:
            continue
        if not isinstance(raw, dict):
            read.bad(where, "an object", raw)
            continue
        info = ext.nodes.setdefault(node_id, _node_info(read, raw, where))
        if info.order < 0:
            info.order = order
    return ext


def _node_info(read: FieldReader, raw: dict, where: str) -> NodeInfo:
    info = NodeInfo()
    ref = read.text(raw, "ref", where)
    if ref is not None:
        ref_map, _, ref_node = ref.partition(":")
        if safe_id(ref_map) and safe_id(ref_node):
            info.ref_map, info.ref_node = ref_map, ref_node
        else:
            read.bad(f"{where}.ref", "a node reference (map:node)", ref)
    info.context = raw.get("context") is True
    info.kind = read.choice(raw, "kind", where, _KINDS)
    info.by = read.ident(raw, "by", where)
    info.via = read.ident(raw, "via", where)
    info.quotes = _strings(read, raw, "quotes", where)
    info.tags = [t for t in _strings(read, raw, "tags", where) if safe_id(t) or read.bad(f"{where}.tags", "ids", t)]
    for topic, stance in read.obj(raw, "stances", where).items():
        if safe_id(topic) and isinstance(stance, str) and stance in _STANCES:
            info.stances[topic] = stance
        else:
            read.bad(f"{where}.stances[{shown(topic)}]", "one of " + ", ".join(sorted(_STANCES)), stance)
    for topic, details in read.obj(raw, "stance_details", where).items():
        here = f"{where}.stance_details[{shown(topic)}]"
        if topic not in info.stances or not isinstance(details, dict):
            read.bad(here, "{if, only, as_of} for a topic of 'stances'", details)
            continue
        kept = {key: text for key in ("if", "only") if (text := read.text(details, key, here))}
        if (date := read.date(details, "as_of", here)) is not None:
            kept["as_of"] = date
        if kept:
            info.stance_details[topic] = kept
    info.force = read.choice(raw, "force", where, _FORCES)
    info.said_by = read.ident(raw, "said_by", where)
    info.text = read.text(raw, "text", where)
    info.map_title = read.text(raw, "map_title", where)
    speaker = read.obj(raw, "speaker", where)
    if (name := read.text(speaker, "name", f"{where}.speaker")) and name.strip():
        info.speaker = (name, read.text(speaker, "role", f"{where}.speaker") or "")
    if "relations" in raw:
        info.relations = [r for i, item in enumerate(read.items(raw, "relations", where))
                          if (r := _relation(read, item, f"{where}.relations[{i}]")) is not None]
    info.expect = read.choice(raw, "expect", where, _LABELS)
    info.note = read.text(raw, "note", where)
    for item in read.items(raw, "undercuts", where):
        if isinstance(item, list) and len(item) == 2 and all(isinstance(r, str) for r in item):
            info.undercuts.append((item[0], item[1]))
        else:
            read.bad(f"{where}.undercuts", "[premise, conclusion] pairs", item)
    return info


def _relation(read: FieldReader, item: object, where: str) -> RelRecord | None:
    """One record of a node's ``relations`` (version 2), or None (noted) when it is malformed."""
    if not isinstance(item, dict):
        read.bad(where, "an object", item)
        return None
    kind, target = item.get("kind"), item.get("to")
    if not isinstance(kind, str) or kind not in _REL_KINDS or not _ref(target):
        read.bad(where, "a relation with a kind and a 'to' reference", item)
        return None
    snode = item.get("snode")
    snodes = tuple(s for s in (snode if isinstance(snode, list) else [snode]) if isinstance(s, (str, int))
                   and not isinstance(s, bool))
    scheme = item.get("scheme")
    if scheme is not None and (not isinstance(scheme, str) or not safe_id(scheme) or get_scheme(scheme) is None):
        read.bad(f"{where}.scheme", "a scheme of argmap's catalogue", scheme)
        scheme = None
    premise = item.get("premise")
    if kind == "undercuts" and not _ref(premise):
        read.bad(f"{where}.premise", "the premise an undercut names (map:node)", premise)
        return None
    return RelRecord(kind, target, tuple(map(str, snodes)), scheme, read.ident(item, "by", where),
                     read.choice(item, "how", where, _HOWS), premise if kind == "undercuts" else None)


def _ref(value: object) -> bool:
    """Whether *value* is a node reference as the block writes them: ``map:node``, both ids."""
    if not isinstance(value, str):
        return False
    map_id, sep, node_id = value.partition(":")
    return bool(sep) and safe_id(map_id) is not None and safe_id(node_id) is not None


def _ids(read: FieldReader, raw: dict, key: str, where: str) -> list[str]:
    """A list of ids (a speaker's or part's ``adopts``); a single id is taken as a list of one."""
    value = raw.get(key)
    items = [value] if isinstance(value, str) else read.items(raw, key, where)
    out = []
    for item in items:
        if safe_id(item):
            out.append(item)
        else:
            read.bad(f"{where}.{key}", "ids", item)
    return list(dict.fromkeys(out))


def _strings(read: FieldReader, raw: dict, key: str, where: str) -> list[str]:
    out = []
    for item in read.items(raw, key, where):
        if isinstance(item, str):
            out.append(item)
        else:
            read.bad(f"{where}.{key}", "strings", item)
    return out

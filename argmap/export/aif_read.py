"""Read an AIF file into checked, typed data: the JSON's shape is validated here, once.

An AIF file may come from anybody, so every value :mod:`.aif_import` uses is
checked for its type where it is read, and everything wrong is said with
its place in the file (``nodes[3].nodeID: expected a string or number,
found a list``).  What cannot be AIF at all (not JSON, not an object, a
``nodes`` that is not a list, a file over the size cap) is refused with an
:class:`~argmap.errors.ArgmapError`; a bad element of a list, or a bad
field of argmap's own ``argmap`` block, is skipped with a note, as real AIF
files are messy.  Notes of one kind are capped, so a million bad nodes make
twenty lines and a count, not a million lines.

Ids from the file are only ever compared, never written: the importer
writes ids it makes itself, or ones that match the map format's id pattern
in full.  Values shown in messages pass through :func:`shown`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from collections.abc import Mapping
from types import MappingProxyType
from typing import BinaryIO, NamedTuple

from ..errors import ArgmapError
from ..spec import ID_PATTERN
from ..visible import visible
from .jsonfile import MAX_BYTES, parse_json, read_capped

__all__ = ["MAX_AIF_BYTES", "MAX_ID", "AifGraph", "AifNode", "BigNumber", "NONE", "Extension", "NodeInfo", "Notes",
           "Part", "RelRecord", "SpeakerInfo", "aif_id", "is_id", "json_type", "parse_aif", "pattern_of", "plain_id",
           "read_aif", "read_graph", "shown"]

MAX_AIF_BYTES = MAX_BYTES  # the same cap as a map file's
MAX_ID = 100  # characters in an id argmap writes or an AIF id it reads (real ones: digits or a UUID)
_MAX_DIGITS = 4_000  # below Python's int conversion limit (4,300 digits), which would raise
_NOTES_PER_KIND = 20
NONE: Mapping[str, None] = MappingProxyType({})  # the successors of a node without any

is_id = re.compile(ID_PATTERN).fullmatch  # fullmatch: '$' alone would accept a final newline


class BigNumber:
    """A JSON integer too long to convert (Python refuses past 4,300 digits): kept as its length."""

    __slots__ = ("digits",)

    def __init__(self, text: str) -> None:
        self.digits = len(text.lstrip("-"))


def _parse_int(text: str) -> int | BigNumber:
    return int(text) if len(text) <= _MAX_DIGITS else BigNumber(text)


def read_aif(stream: BinaryIO) -> bytes:
    """The bytes of an AIF file from *stream*, refused past the size cap (read no further than that)."""
    return read_capped(stream, "AIF")


def parse_aif(data: bytes | str) -> dict:
    """The JSON document of an AIF file (errors name the problem, not a traceback)."""
    document = parse_json(data, "AIF", parse_int=_parse_int)
    if not isinstance(document, dict):
        raise ArgmapError(f"the AIF file is {json_type(document)}, not a JSON object with 'nodes' and 'edges'")
    return document


def shown(value: object, limit: int = 40) -> str:
    """*value* for a message: controls visible, on one line, at most about *limit* characters."""
    text = value if isinstance(value, str) else json_type(value) if isinstance(value, (list, dict, BigNumber)) \
        else json.dumps(value)
    if len(text) > limit:
        text = f"{text[:limit]}… ({len(text):,} characters)"
    return visible(text, one_line=True)


def json_type(value: object) -> str:
    """How a message names the JSON type of *value*: 'a list', 'a number', 'null'."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, BigNumber):
        return f"a number of {value.digits:,} digits"
    if isinstance(value, (int, float)):
        return "a number"
    return {str: "a string", list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


class Notes:
    """What the import skips, in plain words; at most twenty lines of any one kind, then a count."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._counts: dict[str, int] = {}

    def add(self, message: str, kind: str | None = None) -> None:
        kind = kind or message
        count = self._counts[kind] = self._counts.get(kind, 0) + 1
        if count <= _NOTES_PER_KIND:
            self.lines.append(message)

    def summary(self) -> list[str]:
        more = [f"... and {count - _NOTES_PER_KIND:,} more like: {kind}"
                for kind, count in self._counts.items() if count > _NOTES_PER_KIND]
        return self.lines + more


def aif_id(value: object, where: str, notes: Notes, *, required: bool = True) -> str | None:
    """An AIF id (``nodeID``, ``fromID``...): a string or integer, compared as stripped text."""
    if value is None and not required:
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        found = "missing" if value is None else f"expected a string or number, found {json_type(value)}"
        notes.add(f"{where}: {found}; skipped", f"{pattern_of(where)}: {found}")
        return None
    text = str(value).strip()
    if not text:
        notes.add(f"{where}: empty; skipped", f"{pattern_of(where)}: empty")
        return None
    if len(text) > MAX_ID:
        notes.add(f"{where}: {len(text):,} characters long; at most {MAX_ID} allowed; skipped",
                  f"{pattern_of(where)}: too long")
        return None
    return text


def plain_id(value: object) -> str | None:
    """*value* as an id when it is an ordinary one (checked fast); ``None`` sends it to :func:`aif_id`."""
    if type(value) is str:
        if 0 < len(value) <= MAX_ID and not value[0].isspace() and not value[-1].isspace():
            return value
    elif type(value) is int and -10**15 < value < 10**15:
        return str(value)
    return None


def pattern_of(where: str) -> str:
    """``nodes[3].nodeID`` -> ``nodes[].nodeID``: the kind of a note, for capping."""
    return re.sub(r"\[[^\]]*\]", "[]", where)


def _text(container: dict, key: str, where: str, notes: Notes) -> str | None:
    """A string field of an object: ``None`` when absent or null, noted when of another type."""
    value = container.get(key)
    if value is None or isinstance(value, str):
        return value
    notes.add(f"{where}.{key}: expected a string, found {json_type(value)}; ignored",
              f"{pattern_of(where)}.{key}: not a string")
    return None


def _list(container: dict, key: str, where: str) -> list:
    """A list field at the top level; absent or null is empty, anything else is refused."""
    value = container.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ArgmapError(f"{where}{key}: expected a list, found {json_type(value)}")
    return value


def _objects(items: list, where: str, notes: Notes):
    """(index, item) of each object in *items*; others are noted."""
    for i, item in enumerate(items):
        if isinstance(item, dict):
            yield i, item
        else:
            notes.add(f"{where}[{i}]: expected an object, found {json_type(item)}; skipped",
                      f"{where}[]: not an object")


@dataclass(slots=True)
class AifNode:
    """One AIF node: its type (upper case, '' when missing) and text.

    *scheme* is the scheme name an S-node carries besides its text (AIFdb's
    and AraucariaDB's ``scheme``), *scheme_id* its ``schemeID`` (the node's
    own, else its ``schemefulfillments`` entry); '' when absent.
    """

    type: str
    text: str
    scheme: str = ""
    scheme_id: str = ""


@dataclass(slots=True)
class Part:
    """A part of the source, as argmap's ``argmap`` block has it (every field checked)."""

    id: str
    genre: str
    starts: str
    fields: dict[str, str]  # title, outlet, author, date, speaker: those present and valid
    adopts: list[str] = field(default_factory=list)  # ids of the parts this part's speaker adopts


@dataclass(slots=True)
class SpeakerInfo:
    id: str
    name: str
    role: str
    via: str | None
    adopts: list[str] = field(default_factory=list)


@dataclass(slots=True)
class NodeInfo:
    """argmap's own record of an I-node (``argmap.nodes[nodeID]``), each field checked."""

    ref_map: str = ""
    ref_node: str = ""
    context: bool = False
    kind: str | None = None
    by: str | None = None
    via: str | None = None
    quotes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    stances: dict[str, str] = field(default_factory=dict)
    expect: str | None = None
    note: str | None = None
    undercuts: list[tuple[str, str]] = field(default_factory=list)  # (premise ref, conclusion ref)
    force: str | None = None
    said_by: str | None = None
    stance_details: dict[str, dict[str, str]] = field(default_factory=dict)  # topic -> {if, only, as_of}
    relations: list[RelRecord] | None = None  # version 2: the node's relations as the map declares them
    text: str | None = None                   # the exact text, where the I-node's is cleaned for display
    speaker: tuple[str, str] | None = None    # a context node's speaker: (name, role)
    map_title: str | None = None              # a context node's map's title
    order: int = -1  # the node's place in the map (the block's order of nodes)


class RelRecord(NamedTuple):
    """One relation in argmap's block (version 2), each field checked: refs are ``map:node``."""

    kind: str                 # supports, attacks, undercuts, same_as, qualifies, related_to
    to: str
    snodes: tuple[str, ...]   # the RA, CA or MA nodes that carry it in the graph
    scheme: str | None = None
    by: str | None = None     # supports: who draws the inference
    how: str | None = None    # qualifies
    premise: str | None = None  # undercuts: the premise it names


@dataclass
class Extension:
    """argmap's ``argmap`` block, as far as it is well-formed."""

    map_id: str | None = None
    title: str | None = None
    source: dict[str, str] = field(default_factory=dict)  # seed, genre, original, outlet, author, date, url
    parts: list[Part] = field(default_factory=list)
    speakers: list[SpeakerInfo] = field(default_factory=list)
    nodes: dict[str, NodeInfo] = field(default_factory=dict)
    seed_text: str | None = None  # the seed itself (version 2, AIFdb's layout, which has no 'text')


@dataclass
class AifGraph:
    """The nodes and edges of an AIF file, with who said what.

    Successors and predecessors are ordered sets (dicts), present only for
    nodes that have some: read them with ``succ.get(node, NONE)``.
    """

    nodes: dict[str, AifNode]
    succ: dict[str, dict[str, None]]
    pred: dict[str, dict[str, None]]
    by_type: dict[str, list[str]]   # node type -> nodeIDs
    participants: dict[str, str]    # participantID -> name
    locutions: dict[str, str]       # L-node id -> participantID
    body: dict                      # the object holding 'nodes': the document, or its 'AIF' object
    notes: Notes


def read_graph(document: dict) -> AifGraph:
    """Check *document* (from :func:`parse_aif`) and read its graph; refuse what is not AIF at all."""
    notes = Notes()
    aif, where = document, ""
    for key in ("AIF", "aif"):
        if key in document:
            if isinstance(document[key], dict):
                aif, where = document[key], f"{key}."
            else:
                notes.add(f"{key}: expected an object, found {json_type(document[key])}; ignored")
            break
    if not isinstance(aif.get("nodes"), list):
        found = "" if "nodes" not in aif else f" ('{where}nodes' is {json_type(aif['nodes'])})"
        raise ArgmapError(f"the AIF file has no 'nodes' list{found}")

    # The loops below run once per node and edge of files of millions: ordinary values take
    # the fast path (plain_id, type() is str) and messages are only formatted for the others.
    nodes: dict[str, AifNode] = {}
    by_type: dict[str, list[str]] = {}
    types: dict[str, str] = {}  # as written -> as compared ('ra ' -> 'RA')
    for i, raw in enumerate(aif["nodes"]):
        if type(raw) is not dict:
            notes.add(f"{where}nodes[{i}]: expected an object, found {json_type(raw)}; skipped",
                      f"{where}nodes[]: not an object")
            continue
        value = raw.get("nodeID")
        node_id = plain_id(value) or aif_id(value, f"{where}nodes[{i}].nodeID", notes)
        if node_id is None:
            continue
        if node_id in nodes:
            notes.add(f"{where}nodes[{i}]: a second node with nodeID {shown(node_id)}; skipped",
                      "a second node with a nodeID")
            continue
        type_, text = raw.get("type"), raw.get("text")
        if type(type_) is not str:
            type_ = _text(raw, "type", f"{where}nodes[{i}]", notes) or ""
        if type(text) is not str:
            text = _text(raw, "text", f"{where}nodes[{i}]", notes) or ""
        kind = types.get(type_)
        if kind is None:
            kind = types[type_] = type_.strip().upper()[:20]
        node = nodes[node_id] = AifNode(kind, text)
        if "scheme" in raw or "schemeID" in raw:  # S-nodes of AIFdb exports, OVA and AraucariaDB
            _scheme_of(node, raw, f"{where}nodes[{i}]", notes)
        if kind in by_type:
            by_type[kind].append(node_id)
        else:
            by_type[kind] = [node_id]

    succ: dict[str, dict[str, None]] = {}
    pred: dict[str, dict[str, None]] = {}
    if aif.get("edges") is None:
        notes.add("the file has no 'edges' list: no relations imported")
    for i, raw in enumerate(_list(aif, "edges", where)):
        if type(raw) is not dict:
            notes.add(f"{where}edges[{i}]: expected an object, found {json_type(raw)}; skipped",
                      f"{where}edges[]: not an object")
            continue
        source, target = raw.get("fromID"), raw.get("toID")
        source = plain_id(source) or aif_id(source, f"{where}edges[{i}].fromID", notes)
        target = plain_id(target) or aif_id(target, f"{where}edges[{i}].toID", notes)
        if source is None or target is None:
            continue
        if source not in nodes or target not in nodes:
            edge = raw.get("edgeID")
            label = f"edge {shown(edge)}: " if isinstance(edge, (str, int)) and not isinstance(edge, bool) else ""
            notes.add(f"{where}edges[{i}]: {label}{shown(source)} -> {shown(target)} names a node that does "
                      f"not exist; skipped", "an edge names a node that does not exist")
            continue
        if source in succ:
            succ[source][target] = None
        else:
            succ[source] = {target: None}
        if target in pred:
            pred[target][source] = None
        else:
            pred[target] = {source: None}

    participants: dict[str, str] = {}
    for i, raw in _objects(_list(aif, "participants", where), f"{where}participants", notes):
        here = f"{where}participants[{i}]"
        person = aif_id(raw.get("participantID"), f"{here}.participantID", notes)
        if person is not None:
            name = " ".join(filter(None, (_text(raw, k, here, notes) for k in ("firstname", "surname"))))
            participants.setdefault(person, name)
    locutions: dict[str, str] = {}
    for i, raw in _objects(_list(aif, "locutions", where), f"{where}locutions", notes):
        here = f"{where}locutions[{i}]"
        node_id, person = raw.get("nodeID"), raw.get("personID")
        node_id = plain_id(node_id) or aif_id(node_id, f"{here}.nodeID", notes)
        person = plain_id(person) or aif_id(person, f"{here}.personID", notes, required=False)
        if node_id is not None and person is not None:
            locutions.setdefault(node_id, person)

    fulfilled = aif.get("schemefulfillments")
    if fulfilled is not None and not isinstance(fulfilled, list):  # optional: a bad one costs only the schemes
        notes.add(f"{where}schemefulfillments: expected a list, found {json_type(fulfilled)}; ignored")
        fulfilled = None
    for i, raw in _objects(fulfilled or [], f"{where}schemefulfillments", notes):
        here = f"{where}schemefulfillments[{i}]"
        node_id = aif_id(raw.get("nodeID"), f"{here}.nodeID", notes)
        scheme = aif_id(raw.get("schemeID"), f"{here}.schemeID", notes)
        node = nodes.get(node_id) if node_id is not None else None
        if node is not None and scheme is not None and not node.scheme_id:
            node.scheme_id = scheme

    return AifGraph(nodes, succ, pred, by_type, participants, locutions, aif, notes)


def _scheme_of(node: AifNode, raw: dict, where: str, notes: Notes) -> None:
    """An S-node's own ``scheme`` name and ``schemeID`` (AIFdb writes both; either may be null)."""
    name = raw.get("scheme")
    if isinstance(name, str):
        node.scheme = name.strip()[:MAX_ID]
    elif name is not None:
        _text(raw, "scheme", where, notes)  # notes the wrong type
    scheme_id = raw.get("schemeID")
    if scheme_id is not None and scheme_id != "":
        node.scheme_id = aif_id(scheme_id, f"{where}.schemeID", notes) or ""

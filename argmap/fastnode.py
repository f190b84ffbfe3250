"""A fast path for decoding the node records of a map.

Big maps are mostly nodes, and the generic decoder (structure.py) pays for
its generality on every value.  :class:`NodeReader` reads a node's composed
YAML directly when the node is well-formed in the ordinary ways; on anything
unusual it gives up (returns None) and the caller decodes that node with the
generic decoder, which is the one definition of what is allowed and reports
the problems.  tests/test_fastnode.py checks that both paths agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

import yaml

from .model import Kind, Label, Pos, Ref, Relation, RelKind, Stance
from .spec import ID_PATTERN, MAX_TEXT, REF_PATTERN

__all__ = ["FastNode", "NodeReader"]

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ID = re.compile(ID_PATTERN).fullmatch
_REF = re.compile(REF_PATTERN).fullmatch
_KINDS = {k.value: k for k in Kind}
_STANCES = {s.value: s for s in Stance}
_LABELS = {label.value: label for label in Label}
# The keys of docs/format.md's "what commentary does" (force, said_by, qualifies,
# related_to, scheme, a stance's details) are rare: a node using one takes the
# generic decoder (structure.py + build.py), which keeps this path lean.
_FIELDS = frozenset({"kind", "by", "via", "text", "quote", "tags", "stance", "supports", "attacks", "undercuts",
                     "same_as", "expect", "note"})
_REQUIRED = frozenset({"kind", "by", "text", "quote"})
_RELATIONS = frozenset({"supports", "attacks", "undercuts", "same_as"})
_LINKED = frozenset({"to", "with"})
_UNDERCUT = frozenset({"from", "to"})
_ScalarNode, _SequenceNode, _MappingNode = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
_SUPPORTS, _ATTACKS, _UNDERCUTS, _SAME_AS = RelKind.SUPPORTS, RelKind.ATTACKS, RelKind.UNDERCUTS, RelKind.SAME_AS
# The model's named tuples are built with tuple.__new__ on this path: their
# generated __new__ is a Python call per object, and there are several per node.
_new = tuple.__new__


class _GiveUp(Exception):
    """The node needs the generic decoder."""


class FastNode(NamedTuple):
    """A node's decoded fields, before its quotes are located in the seed."""

    kind: Kind
    by: str
    text: str
    via: str | None
    note: str
    expect: Label | None
    quotes: list[yaml.ScalarNode]
    tags: tuple[str, ...]
    stances: dict[str, Stance] | None
    relations: tuple[Relation, ...]
    # The YAML node of each field's value, and of each stance's topic key
    # ("stance.<topic>"), from which Node.positions are made when asked for.
    where: dict[str, yaml.Node]


def _text(node: yaml.Node) -> str:
    if type(node) is not _ScalarNode or node.tag != _STR or len(node.value) > MAX_TEXT:
        raise _GiveUp
    return node.value


def _items(node: yaml.Node) -> list[yaml.Node]:
    """One item or a non-empty list of them."""
    if type(node) is _SequenceNode:
        if node.tag != _SEQ or not node.value:
            raise _GiveUp
        return node.value
    return [node]


def _record(node: yaml.Node, allowed: frozenset[str]) -> dict[str, yaml.Node]:
    if type(node) is not _MappingNode or node.tag != _MAP:
        raise _GiveUp
    out: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        if type(key_node) is not _ScalarNode or key_node.tag != _STR:
            raise _GiveUp
        key = key_node.value
        if key in out or key not in allowed:
            raise _GiveUp
        out[key] = value_node
    if out.keys() != allowed:
        raise _GiveUp
    return out


class NodeReader:
    """Reads the node records of one map, sharing what repeats between nodes."""

    def __init__(self, map_id: str, path: str, speakers: Mapping[str, object]) -> None:
        self.map_id = map_id
        self.path = path
        self.speakers = speakers
        # Reference text -> Ref, for references already seen to be well-formed:
        # most nodes are named several times, and checking and splitting each
        # mention anew is a regular expression and a tuple apiece.
        self._refs: dict[str, Ref] = {}
        self._ids: set[str] = set()  # tag texts already seen to be valid ids
        self.quote_texts: list[str] = []  # of every node read, for one batched look-up in the seed

    def read(self, raw: yaml.Node, node_id: str) -> FastNode | None:
        """Decode a well-formed node record, or return None to ask for the generic decoder."""
        texts = len(self.quote_texts)
        try:
            return self._read(raw, node_id)
        except _GiveUp:
            del self.quote_texts[texts:]
            return None

    def pos(self, node: yaml.Node) -> Pos:
        mark = node.start_mark
        return _new(Pos, (self.path, mark.line + 1, mark.column + 1))

    def ref(self, node: yaml.Node) -> Ref:
        if type(node) is not _ScalarNode or node.tag != _STR:
            raise _GiveUp
        text = node.value
        ref = self._refs.get(text)
        if ref is None:
            if len(text) > MAX_TEXT or not _REF(text):
                raise _GiveUp
            map_id, sep, node_id = text.partition(":")
            ref = self._refs[text] = _new(Ref, (map_id, node_id) if sep else (self.map_id, text))
        return ref

    def _tag(self, node: yaml.Node) -> str:
        text = _text(node)
        if text not in self._ids:
            if not _ID(text):
                raise _GiveUp
            self._ids.add(text)
        return text

    def _read(self, raw: yaml.Node, node_id: str) -> FastNode:
        if type(raw) is not _MappingNode or raw.tag != _MAP:
            raise _GiveUp
        where: dict[str, yaml.Node] = {}
        for key_node, value_node in raw.value:
            if (key_node.tag != _STR or type(key_node) is not _ScalarNode or (key := key_node.value) in where
                    or key not in _FIELDS or (value_node.tag != _STR and type(value_node) is _ScalarNode)):
                raise _GiveUp  # duplicates, unknown keys, nulls and tags are the generic decoder's to report
            where[key] = value_node
        if not _REQUIRED <= where.keys():
            raise _GiveUp
        # Every scalar among the values is untagged text (checked above), so
        # a field that must be a word from a small set needs only a type check.
        speakers = self.speakers
        kind_node, by_node, text_node = where["kind"], where["by"], where["text"]
        if (type(kind_node) is not _ScalarNode or type(by_node) is not _ScalarNode
                or type(text_node) is not _ScalarNode or len(text := text_node.value) > MAX_TEXT):
            raise _GiveUp
        kind, by = _KINDS.get(kind_node.value), by_node.value
        if kind is None or by not in speakers:  # speaker ids are valid ids, so no pattern check
            raise _GiveUp
        via = expect = None
        note = ""
        if len(where) > 4:  # the optional fields
            if "via" in where:
                via = _text(where["via"])
                if via not in speakers or via == by:
                    raise _GiveUp
            if "expect" in where:
                expect = _LABELS.get(_text(where["expect"]))
                if expect is None:
                    raise _GiveUp
            if "note" in where:
                note = _text(where["note"])
        quotes = _items(where["quote"])
        self.quote_texts.extend(map(_text, quotes))
        tags = tuple(map(self._tag, _items(where["tags"]))) if "tags" in where else ()
        stances = self._stances(where["stance"], where) if "stance" in where else None
        relations = self._relations(where, node_id) if _RELATIONS & where.keys() else ()
        return _new(FastNode, (kind, by, text, via, note, expect, quotes, tags, stances, relations, where))

    def _stances(self, node: yaml.Node, where: dict[str, yaml.Node]) -> dict[str, Stance]:
        if type(node) is not _MappingNode or node.tag != _MAP:
            raise _GiveUp
        stances: dict[str, Stance] = {}
        for key_node, value_node in node.value:
            topic = self._tag(key_node) if key_node.tag == _STR else None
            value = _STANCES.get(_text(value_node)) if value_node.tag == _STR else None
            if topic is None or topic in stances or value is None:
                raise _GiveUp
            stances[topic] = value
            where["stance." + topic] = key_node
        return stances

    def _relations(self, where: dict[str, yaml.Node], node_id: str) -> tuple[Relation, ...]:
        source = self._refs.get(node_id) or _new(Ref, (self.map_id, node_id))
        ref, pos = self.ref, self.pos
        relations: list[Relation] = []
        if "supports" in where:
            for item in _items(where["supports"]):
                if type(item) is _MappingNode:
                    linked = _record(item, _LINKED)
                    target = linked["to"]
                    group = (source, *map(ref, _items(linked["with"])))
                    relations.append(_new(Relation, (_SUPPORTS, source, ref(target), pos(target), group,
                                                     None, None, None, None)))
                else:
                    relations.append(_new(Relation, (_SUPPORTS, source, ref(item), pos(item), (source,),
                                                     None, None, None, None)))
        if "attacks" in where:
            for item in _items(where["attacks"]):
                relations.append(_new(Relation, (_ATTACKS, source, ref(item), pos(item), (), None, None, None, None)))
        if "undercuts" in where:
            for item in _items(where["undercuts"]):
                inference = _record(item, _UNDERCUT)
                relations.append(_new(Relation, (_UNDERCUTS, source, ref(inference["to"]), pos(item), (),
                                                 ref(inference["from"]), None, None, None)))
        if "same_as" in where:
            for item in _items(where["same_as"]):
                relations.append(_new(Relation, (_SAME_AS, source, ref(item), pos(item), (), None, None, None, None)))
        return tuple(relations)

"""A fast path for decoding the node records of a map.

Big maps are mostly nodes, and the generic decoder (structure.py) pays for
its generality on every value.  This module reads a node's composed YAML
directly when the node is well-formed in the ordinary ways; on anything
unusual it gives up (returns None) and the caller decodes that node with the
generic decoder, which is the one definition of what is allowed and reports
the problems.  tests/test_fastnode.py checks that both paths agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import yaml

from .model import Kind, Label, Pos, Ref, Relation, RelKind, Stance
from .spec import ID_PATTERN, MAX_TEXT, REF_PATTERN
from .structure import Positions

__all__ = ["FastNode", "fast_node"]

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ID = re.compile(ID_PATTERN).fullmatch
_REF = re.compile(REF_PATTERN).fullmatch
_KINDS = {k.value: k for k in Kind}
_STANCES = {s.value: s for s in Stance}
_LABELS = {label.value: label for label in Label}
_FIELDS = frozenset({"kind", "by", "via", "text", "quote", "tags", "stance", "supports", "attacks", "undercuts",
                     "same_as", "expect", "note"})
_REQUIRED = frozenset({"kind", "by", "text", "quote"})
_ScalarNode, _SequenceNode, _MappingNode = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode


class _GiveUp(Exception):
    """The node needs the generic decoder."""


class FastNode:
    """A node's decoded fields, before its quotes are located in the seed."""

    __slots__ = ("fields", "quotes", "tags", "stances", "stance_keys", "relations", "nodes")

    def __init__(self) -> None:
        self.nodes: dict[str, tuple[yaml.Node, yaml.Node]] = {}


def _text(node: yaml.Node) -> str:
    if type(node) is not _ScalarNode or node.tag != _STR or len(node.value) > MAX_TEXT:
        raise _GiveUp
    return node.value


def _matching(node: yaml.Node, match) -> str:
    value = _text(node)
    if not match(value):
        raise _GiveUp
    return value


def _items(node: yaml.Node) -> list[yaml.Node]:
    """One item or a non-empty list of them."""
    if type(node) is _SequenceNode:
        if node.tag != _SEQ or not node.value:
            raise _GiveUp
        return node.value
    return [node]


def _pos(path: str, node: yaml.Node) -> Pos:
    mark = node.start_mark
    return Pos(path, mark.line + 1, mark.column + 1)


def _record(node: yaml.Node, allowed: frozenset[str]) -> dict[str, yaml.Node]:
    if type(node) is not _MappingNode or node.tag != _MAP:
        raise _GiveUp
    out: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = _text(key_node)
        if key in out or key not in allowed:
            raise _GiveUp
        out[key] = value_node
    if out.keys() != allowed:
        raise _GiveUp
    return out


_LINKED = frozenset({"to", "with"})
_UNDERCUT = frozenset({"from", "to"})


def fast_node(raw: yaml.Node, map_id: str, node_id: str, path: str, speakers) -> FastNode | None:
    """Decode a well-formed node record, or return None to ask for the generic decoder."""
    try:
        return _decode(raw, map_id, node_id, path, speakers)
    except _GiveUp:
        return None


def _decode(raw: yaml.Node, map_id: str, node_id: str, path: str, speakers) -> FastNode:
    if type(raw) is not _MappingNode or raw.tag != _MAP:
        raise _GiveUp
    out = FastNode()
    pairs = out.nodes
    values: dict[str, yaml.Node] = {}
    for key_node, value_node in raw.value:
        key = key_node.value
        if (key_node.tag != _STR or type(key_node) is not _ScalarNode or key in pairs or key not in _FIELDS
                or (value_node.tag != _STR and type(value_node) is _ScalarNode)):
            raise _GiveUp  # duplicates, unknown keys, nulls and tags are the generic decoder's to report
        pairs[key] = (key_node, value_node)
        values[key] = value_node
    if not _REQUIRED <= values.keys():
        raise _GiveUp

    kind = _KINDS.get(_text(values["kind"]))
    by = _matching(values["by"], _ID)
    if kind is None or by not in speakers:
        raise _GiveUp
    fields = {"kind": kind, "by": by, "text": _text(values["text"])}
    if "via" in values:
        via = _matching(values["via"], _ID)
        if via not in speakers or via == by:
            raise _GiveUp
        fields["via"] = via
    if "note" in values:
        fields["note"] = _text(values["note"])
    if "expect" in values:
        label = _LABELS.get(_text(values["expect"]))
        if label is None:
            raise _GiveUp
        fields["expect"] = label
    out.fields = fields
    out.quotes = [(_text(q), _pos(path, q)) for q in _items(values["quote"])]
    out.tags = tuple(_matching(t, _ID) for t in _items(values["tags"])) if "tags" in values else ()

    out.stances = None
    out.stance_keys = None
    if "stance" in values:
        stance_node = values["stance"]
        if type(stance_node) is not _MappingNode or stance_node.tag != _MAP:
            raise _GiveUp
        stances: dict[str, Stance] = {}
        keys: dict[str, yaml.Node] = {}
        for key_node, value_node in stance_node.value:
            topic = _matching(key_node, _ID)
            value = _STANCES.get(_text(value_node))
            if topic in stances or value is None:
                raise _GiveUp
            stances[topic] = value
            keys[topic] = key_node
        out.stances, out.stance_keys = stances, keys

    source = Ref(map_id, node_id)
    relations: list[Relation] = []
    if "supports" in values:
        for item in _items(values["supports"]):
            if type(item) is _MappingNode:
                linked = _record(item, _LINKED)
                target = linked["to"]
                group = (source, *(Ref.parse(_matching(w, _REF), map_id) for w in _items(linked["with"])))
                relations.append(Relation(RelKind.SUPPORTS, source, Ref.parse(_matching(target, _REF), map_id),
                                          _pos(path, target), group))
            else:
                relations.append(Relation(RelKind.SUPPORTS, source, Ref.parse(_matching(item, _REF), map_id),
                                          _pos(path, item), (source,)))
    if "attacks" in values:
        for item in _items(values["attacks"]):
            relations.append(Relation(RelKind.ATTACKS, source, Ref.parse(_matching(item, _REF), map_id),
                                      _pos(path, item)))
    if "undercuts" in values:
        for item in _items(values["undercuts"]):
            inference = _record(item, _UNDERCUT)
            relations.append(Relation(RelKind.UNDERCUTS, source, Ref.parse(_matching(inference["to"], _REF), map_id),
                                      _pos(path, item), premise=Ref.parse(_matching(inference["from"], _REF), map_id)))
    if "same_as" in values:
        for item in _items(values["same_as"]):
            relations.append(Relation(RelKind.SAME_AS, source, Ref.parse(_matching(item, _REF), map_id),
                                      _pos(path, item)))
    out.relations = relations
    return out


def positions_of(fast: FastNode, path: str) -> Mapping[str, Pos]:
    """The positions of the fast node's values (for Node.positions)."""
    return Positions(path, fast.nodes, 1)

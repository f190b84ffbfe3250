"""Check a composed YAML tree against the spec and turn it into plain values.

The result is made of :class:`LDict`, :class:`LList` and ``str``: ordinary
containers that also remember where each of their values stands in the file.
Every structural problem (unknown or duplicate key, missing field, wrong
type, bad id, object tag) becomes a diagnostic; decoding goes on past
it so that one run reports everything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

import yaml

from .diagnostics import Diagnostic, error
from .model import Pos
from .suggest import did_you_mean
from .spec import ID_RULE, MAX_TEXT, AnyOf, Choice, OneOrMany, Record, Spec, Table, Text

__all__ = ["LDict", "LList", "Decoder", "Positions", "decode", "Where"]

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
# Tags a plain scalar may resolve to; any other tag was written explicitly.
_SCALAR_TAGS = frozenset({_STR, _NULL, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                          "tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"})


class Positions(Mapping[str, Pos]):
    """Positions of a mapping's keys or values, made from libyaml's marks on demand.

    Most positions are never asked for (only problems and editor jumps need
    them), so building a Pos for every value up front would be wasted work.
    """

    __slots__ = ("_path", "_nodes")

    def __init__(self, path: str, nodes: dict[str, yaml.Node]) -> None:
        self._path, self._nodes = path, nodes

    def __getitem__(self, key: str) -> Pos:
        mark = self._nodes[key].start_mark
        return Pos(self._path, mark.line + 1, mark.column + 1)

    def __iter__(self) -> Iterator[str]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)


class LDict(dict):
    """A dict that knows its own position, its keys' (``key_pos``) and its values' (``at``)."""

    __slots__ = ("pos", "key_nodes", "value_nodes", "key_pos", "at")

    def __init__(self, pos: Pos, path: str = "") -> None:
        super().__init__()
        self.pos = pos
        self.key_nodes: dict[str, yaml.Node] = {}
        self.value_nodes: dict[str, yaml.Node] = {}
        self.key_pos = Positions(path or pos.path, self.key_nodes)
        self.at = Positions(path or pos.path, self.value_nodes)

    def keep(self, key: str, value: object, key_node: yaml.Node, value_node: yaml.Node) -> None:
        """Store a decoded value with the YAML nodes its positions come from."""
        self[key] = value
        self.key_nodes[key] = key_node
        self.value_nodes[key] = value_node


class LList(list):
    """A list that knows its own position and its items' (``at``)."""

    __slots__ = ("pos", "at")

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.at: list[Pos] = []


@lru_cache(maxsize=None)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# Where a value stands, for messages: a string, or a tuple formatted only when
# a problem is reported, since building the text for every value is costly.
Where = str | tuple


def _name(where: Where) -> str:
    if isinstance(where, str):
        return where
    kind, a, b = where
    return f"{a!r} of {_name(b)}" if kind == "field" else f"{a} {b!r}"


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "null" if node.tag == _NULL else "a text"


class Decoder:
    """Decodes YAML nodes of one file, appending problems to *diagnostics*.

    Values of the specs in *defer* are checked no further and returned as the
    raw YAML nodes, for a caller that decodes them itself (see build.py).
    """

    def __init__(self, path: str, diagnostics: list[Diagnostic], defer: frozenset[Spec] = frozenset()) -> None:
        self.path = path
        self.diagnostics = diagnostics
        self.defer_ids = {id(spec) for spec in defer}  # identity: hashing a spec is deep

    def pos(self, node: yaml.Node) -> Pos:
        mark = node.start_mark
        return Pos(self.path, mark.line + 1, mark.column + 1)

    def report(self, code: str, message: str, node: yaml.Node, hint: str = "") -> None:
        self.diagnostics.append(error(code, message, self.pos(node), hint))

    def decode(self, node: yaml.Node, spec: Spec, what: Where) -> object | None:
        return _DISPATCH[type(spec)](self, node, spec, what)

    def one_or_many(self, node: yaml.Node, spec: OneOrMany, what: Where) -> LList | None:
        if type(node) is yaml.SequenceNode:
            return self.seq(node, spec.item, what)
        value = self.decode(node, spec.item, what)
        if value is None:
            return None
        out = LList(self.pos(node))
        out.append(value)
        out.at.append(out.pos)
        return out

    def any_of(self, node: yaml.Node, spec: AnyOf, what: Where) -> object | None:
        if type(node) is yaml.MappingNode:
            return self.record(node, spec.record, what)
        return self.decode(node, spec.text, what)

    def bad_tag(self, node: yaml.Node) -> bool:
        """Report an explicit tag ('!!python/object', '!include'): maps are plain data."""
        if node.tag in _SCALAR_TAGS or node.tag == _MAP or node.tag == _SEQ:
            return False
        self.report("tag", f"tag {node.tag!r} is not allowed: maps are plain data", node, "remove the '!' tag")
        return True

    def scalar(self, node: yaml.Node, what: Where, expected: str) -> str | None:
        if self.bad_tag(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.report("type", f"{_name(what)} should be {expected}, not {_kind(node)}", node)
            return None
        if node.tag == _NULL:
            self.report("missing", f"{_name(what)} has no value", node)
            return None
        value = node.value
        if len(value) > MAX_TEXT:
            self.report("too-long", f"{_name(what)} is {len(value):,} characters long; "
                        f"at most {MAX_TEXT:,} allowed", node)
            return None
        return value

    def text(self, node: yaml.Node, spec: Text, what: Where) -> str | None:
        value = self.scalar(node, what, spec.what)
        if value is not None and spec.pattern and not _regex(spec.pattern).fullmatch(value):
            hint = ""
            if spec.what == "an id":
                hint = ID_RULE
            self.report("bad-value", f"{_name(what)} is {value!r}, which is not {spec.what}", node, hint)
            return None
        return value

    def choice(self, node: yaml.Node, spec: Choice, what: Where) -> str | None:
        value = self.scalar(node, what, "one of " + ", ".join(spec.values))
        if value is not None and value not in spec.values:
            self.report("bad-value", f"{_name(what)} is {value!r}, not one of: {', '.join(spec.values)}", node,
                        did_you_mean(value, spec.values))
            return None
        return value

    def collection(self, node: yaml.Node, kind: type, what: Where) -> bool:
        if self.bad_tag(node):
            return False
        if not isinstance(node, kind):
            self.report("type", f"{_name(what)} should be "
                        f"{'a mapping' if kind is yaml.MappingNode else 'a list'}, not {_kind(node)}", node)
            return False
        return True

    def seq(self, node: yaml.Node, item: Spec, what: Where) -> LList | None:
        if not self.collection(node, yaml.SequenceNode, what):
            return None
        out = LList(self.pos(node))
        for child in node.value:
            value = self.decode(child, item, what)
            if value is not None:
                out.append(value)
                out.at.append(self.pos(child))
        if not node.value:
            self.report("missing", f"{_name(what)} is an empty list", node)
            return None
        return out

    def key(self, key_node: yaml.Node, seen: dict[str, yaml.Node], what: Where, key_desc: str) -> str | None:
        """The text of a mapping key, or None after reporting a bad or duplicate key.

        PyYAML keeps the last of two equal keys and drops the first without a
        word; here the second is reported and the first kept.
        """
        if type(key_node) is not yaml.ScalarNode or key_node.tag not in _SCALAR_TAGS:
            self.report("bad-key", f"keys of {_name(what)} must be plain text", key_node)
            return None
        key = key_node.value
        if key in seen:
            earlier = seen[key].start_mark.line + 1
            code = "duplicate-id" if key_desc.endswith("id") else "duplicate-key"
            self.report(code, f"duplicate {key_desc} {key!r} in {_name(what)} (first at line {earlier}); "
                        "YAML would silently keep only the last", key_node)
            return None
        seen[key] = key_node
        return key

    def record(self, node: yaml.Node, spec: Record, what: Where) -> LDict | None:
        if not self.collection(node, yaml.MappingNode, what):
            return None
        path = self.path
        out = LDict(Pos(path, node.start_mark.line + 1, node.start_mark.column + 1), path)
        fields = spec.by_name
        present: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, present, what, "key")
            if key is None:
                continue
            f = fields.get(key)
            if f is None:
                self.report("unknown-key", f"unknown key {key!r} in {_name(what)}", key_node,
                            did_you_mean(key, fields) or "expected one of: " + ", ".join(fields))
                continue
            tag = value_node.tag
            if tag == _NULL:
                if f.required:
                    self.report("missing", f"{key!r} of {_name(what)} has no value", value_node)
                continue
            value = _fast_scalar(f.spec, value_node) if tag == _STR else None
            if value is None:
                value = self.decode(value_node, f.spec, ("field", key, what))
                if value is None:
                    continue
            out.keep(key, value, key_node, value_node)
        for f in spec.fields:
            if f.required and f.name not in present:
                self.report("missing", f"{_name(what)} has no {f.name!r}", node, f"add '{f.name}: ...'")
        return out

    def table(self, node: yaml.Node, spec: Table, what: Where) -> LDict | None:
        if not self.collection(node, yaml.MappingNode, what):
            return None
        out = LDict(self.pos(node), self.path)
        pattern = _regex(spec.key_pattern)
        seen: dict[str, yaml.Node] = {}
        deferred = id(spec.value) in self.defer_ids
        for key_node, value_node in node.value:
            if deferred and type(key_node) is yaml.ScalarNode and key_node.tag == _STR:
                # The common case of a big table (a map's nodes): a good id, kept as it is.
                key = key_node.value
                if key not in seen and pattern.fullmatch(key):
                    seen[key] = key_node
                    out.keep(key, value_node, key_node, value_node)
                    continue
            key = self.key(key_node, seen, what, spec.what)
            if key is None:
                continue
            if not pattern.fullmatch(key):
                self.report("bad-id", f"{spec.what} {key!r} in {_name(what)} is not a valid id", key_node,
                            ID_RULE)
                continue
            if deferred:
                value = value_node
            else:
                value = self.decode(value_node, spec.value, ("entry", spec.what.removesuffix(" id"), key))
            if value is not None:
                out.keep(key, value, key_node, value_node)
        return out


def _fast_scalar(spec: Spec, node: yaml.Node) -> object | None:
    """The value of a plain-text scalar that needs no further checks, else None.

    Covers most values of a map; anything unusual (or wrong) is left to the
    full decoder, which reports it.
    """
    value = node.value
    if len(value) > MAX_TEXT:
        return None
    kind = type(spec)
    if kind is Text:
        if spec.pattern is None or _regex(spec.pattern).fullmatch(value):
            return value
    elif kind is Choice:
        if value in spec.values:
            return value
    return None


_DISPATCH = {
    Text: Decoder.text, Choice: Decoder.choice, Record: Decoder.record, Table: Decoder.table,
    OneOrMany: Decoder.one_or_many, AnyOf: Decoder.any_of,
}


def decode(root: yaml.Node, spec: Record, path: str, what: str, diagnostics: list[Diagnostic],
           defer: frozenset[Spec] = frozenset()) -> LDict | None:
    """Decode the document *root* as *spec*, appending problems to *diagnostics*."""
    return Decoder(path, diagnostics, defer).record(root, spec, what)

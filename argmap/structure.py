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
from .spec import MAX_TEXT, AnyOf, Choice, OneOrMany, Record, Seq, Spec, Table, Text

__all__ = ["LDict", "LList", "decode"]

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
# Tags a plain scalar may resolve to; any other tag was written explicitly.
_SCALAR_TAGS = frozenset({_STR, _NULL, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                          "tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"})


class _Positions(Mapping[str, Pos]):
    """Positions of a mapping's keys or values, made from libyaml's marks on demand.

    Most positions are never asked for (only problems and editor jumps need
    them), so building a Pos for every value up front would be wasted work.
    """

    __slots__ = ("_path", "_nodes", "_which")

    def __init__(self, path: str, nodes: dict[str, tuple[yaml.Node, yaml.Node]], which: int) -> None:
        self._path, self._nodes, self._which = path, nodes, which

    def __getitem__(self, key: str) -> Pos:
        mark = self._nodes[key][self._which].start_mark
        return Pos(self._path, mark.line + 1, mark.column + 1)

    def __iter__(self) -> Iterator[str]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)


class LDict(dict):
    """A dict that knows its own position, its keys' (``key_pos``) and its values' (``at``)."""

    __slots__ = ("pos", "nodes", "key_pos", "at")

    def __init__(self, pos: Pos, path: str = "") -> None:
        super().__init__()
        self.pos = pos
        self.nodes: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        self.key_pos = _Positions(path or pos.path, self.nodes, 0)
        self.at = _Positions(path or pos.path, self.nodes, 1)


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


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "null" if node.tag == _NULL else "a text"


class _Decoder:
    def __init__(self, path: str, diagnostics: list[Diagnostic]) -> None:
        self.path = path
        self.diagnostics = diagnostics

    def pos(self, node: yaml.Node) -> Pos:
        mark = node.start_mark
        return Pos(self.path, mark.line + 1, mark.column + 1)

    def report(self, code: str, message: str, node: yaml.Node, hint: str = "") -> None:
        self.diagnostics.append(error(code, message, self.pos(node), hint))

    def decode(self, node: yaml.Node, spec: Spec, what: str) -> object | None:
        if isinstance(spec, Text):
            return self.text(node, spec, what)
        if isinstance(spec, Record):
            return self.record(node, spec, what)
        if isinstance(spec, Table):
            return self.table(node, spec, what)
        if isinstance(spec, OneOrMany):
            if isinstance(node, yaml.SequenceNode):
                return self.seq(node, spec.item, what)
            value = self.decode(node, spec.item, what)
            if value is None:
                return None
            out = LList(self.pos(node))
            out.append(value)
            out.at.append(self.pos(node))
            return out
        if isinstance(spec, Seq):
            return self.seq(node, spec.item, what)
        if isinstance(spec, Choice):
            return self.choice(node, spec, what)
        if isinstance(spec, AnyOf):
            if isinstance(node, yaml.MappingNode):
                return self.record(node, spec.record, what)
            return self.text(node, spec.text, what)
        raise TypeError(spec)

    def bad_tag(self, node: yaml.Node) -> bool:
        """Report an explicit tag ('!!python/object', '!include'): maps are plain data."""
        if node.tag in _SCALAR_TAGS or node.tag == _MAP or node.tag == _SEQ:
            return False
        self.report("tag", f"tag {node.tag!r} is not allowed: maps are plain data", node, "remove the '!' tag")
        return True

    def scalar(self, node: yaml.Node, what: str, expected: str) -> str | None:
        if self.bad_tag(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.report("type", f"{what} should be {expected}, not {_kind(node)}", node)
            return None
        if node.tag == _NULL:
            self.report("missing", f"{what} has no value", node)
            return None
        value = node.value
        if len(value) > MAX_TEXT:
            self.report("too-long", f"{what} is {len(value):,} characters long; at most {MAX_TEXT:,} allowed", node)
            return None
        return value

    def text(self, node: yaml.Node, spec: Text, what: str) -> str | None:
        value = self.scalar(node, what, spec.what)
        if value is not None and spec.pattern and not _regex(spec.pattern).fullmatch(value):
            hint = ""
            if spec.what == "an id":
                hint = "ids use letters, digits, '-', '_' and '.', and start with a letter or digit"
            self.report("bad-value", f"{what} is {value!r}, which is not {spec.what}", node, hint)
            return None
        return value

    def choice(self, node: yaml.Node, spec: Choice, what: str) -> str | None:
        value = self.scalar(node, what, "one of " + ", ".join(spec.values))
        if value is not None and value not in spec.values:
            self.report("bad-value", f"{what} is {value!r}, not one of: {', '.join(spec.values)}", node,
                        did_you_mean(value, spec.values))
            return None
        return value

    def collection(self, node: yaml.Node, kind: type, what: str) -> bool:
        if self.bad_tag(node):
            return False
        if not isinstance(node, kind):
            self.report("type", f"{what} should be {'a mapping' if kind is yaml.MappingNode else 'a list'}, "
                        f"not {_kind(node)}", node)
            return False
        return True

    def seq(self, node: yaml.Node, item: Spec, what: str) -> LList | None:
        if not self.collection(node, yaml.SequenceNode, what):
            return None
        out = LList(self.pos(node))
        for child in node.value:
            value = self.decode(child, item, what)
            if value is not None:
                out.append(value)
                out.at.append(self.pos(child))
        if not node.value:
            self.report("missing", f"{what} is an empty list", node)
            return None
        return out

    def key(self, key_node: yaml.Node, seen: dict[str, yaml.Node], what: str, key_desc: str) -> str | None:
        """The text of a mapping key, or None after reporting a bad or duplicate key.

        PyYAML keeps the last of two equal keys and drops the first without a
        word; here the second is reported and the first kept.
        """
        if type(key_node) is not yaml.ScalarNode or key_node.tag not in _SCALAR_TAGS:
            self.report("bad-key", f"keys of {what} must be plain text", key_node)
            return None
        key = key_node.value
        if key in seen:
            earlier = seen[key].start_mark.line + 1
            code = "duplicate-id" if key_desc.endswith("id") else "duplicate-key"
            self.report(code, f"duplicate {key_desc} {key!r} in {what} (first at line {earlier}); "
                        "YAML would silently keep only the last", key_node)
            return None
        seen[key] = key_node
        return key

    def record(self, node: yaml.Node, spec: Record, what: str) -> LDict | None:
        if not self.collection(node, yaml.MappingNode, what):
            return None
        path = self.path
        out = LDict(Pos(path, node.start_mark.line + 1, node.start_mark.column + 1), path)
        nodes = out.nodes
        fields = spec.by_name
        present: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, present, what, "key")
            if key is None:
                continue
            f = fields.get(key)
            if f is None:
                self.report("unknown-key", f"unknown key {key!r} in {what}", key_node,
                            did_you_mean(key, fields) or "expected one of: " + ", ".join(fields))
                continue
            tag = value_node.tag
            if tag == _NULL:
                if f.required:
                    self.report("missing", f"{key!r} of {what} has no value", value_node)
                continue
            fs = f.spec
            # Fast path for the commonest case, a plain string that needs no
            # further checks; everything else goes through decode().
            if tag == _STR and type(fs) is Text and fs.pattern is None and len(value_node.value) <= MAX_TEXT:
                value = value_node.value
            else:
                value = self.decode(value_node, fs, f"{key!r} of {what}")
                if value is None:
                    continue
            out[key] = value
            nodes[key] = (key_node, value_node)
        for f in spec.fields:
            if f.required and f.name not in present:
                self.report("missing", f"{what} has no {f.name!r}", node, f"add '{f.name}: ...'")
        return out

    def table(self, node: yaml.Node, spec: Table, what: str) -> LDict | None:
        if not self.collection(node, yaml.MappingNode, what):
            return None
        out = LDict(self.pos(node), self.path)
        pattern = _regex(spec.key_pattern)
        seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, seen, what, spec.what)
            if key is None:
                continue
            if not pattern.match(key):
                self.report("bad-id", f"{spec.what} {key!r} in {what} is not a valid id", key_node,
                            "ids use letters, digits, '-', '_' and '.', and start with a letter or digit")
                continue
            value = self.decode(value_node, spec.value, f"{spec.what.removesuffix(' id')} {key!r}")
            if value is not None:
                out[key] = value
                out.nodes[key] = (key_node, value_node)
        return out


def decode(root: yaml.Node, spec: Record, path: str, what: str,
           diagnostics: list[Diagnostic]) -> LDict | None:
    """Decode the document *root* as *spec*, appending problems to *diagnostics*."""
    return _Decoder(path, diagnostics).record(root, spec, what)

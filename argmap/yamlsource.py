"""Read a YAML file into a composed node tree, safely, keeping positions.

Only ``yaml.compose`` runs: nothing is ever constructed, so object tags
cannot execute code and aliases are never expanded (a "billion laughs" file
costs nothing).  Inputs that would crash or stall libyaml are turned away
before it sees them: binary data, non-UTF-8 text, oversized files, and
nesting deep enough to overflow the C stack of the composer.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .controls import maybe_controls, yaml_control_warnings
from .gcpause import gc_paused
from .diagnostics import Diagnostic, error
from .model import Pos

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_NULL_TAG, _STR_TAG = "tag:yaml.org,2002:null", "tag:yaml.org,2002:str"
_MAP_TAG, _SEQ_TAG = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class SafeLoader(_BaseLoader):
    """libyaml's safe loader, resolving untagged scalars only to null or text.

    Every value in a map is text (a date or a year included), so YAML 1.1's
    implicit typing, which runs a Python regular expression per scalar and
    makes 'no' a boolean, is both wasted work and a trap.
    """

    def resolve(self, kind, value, implicit):  # noqa: D102 - same contract as yaml's Resolver
        if kind is yaml.ScalarNode:
            return _NULL_TAG if implicit[0] and value in _NULLS else _STR_TAG
        return _MAP_TAG if kind is yaml.MappingNode else _SEQ_TAG

    # Path-based resolvers are not used; the composer calls these per node.
    def descend_resolver(self, current_node, current_index):  # noqa: D102
        pass

    def ascend_resolver(self):  # noqa: D102
        pass

__all__ = ["YamlDocument", "read_yaml", "parse_yaml", "MAX_FILE_BYTES", "MAX_DEPTH"]

MAX_FILE_BYTES = 100 * 1024 * 1024
# libyaml up to 0.2.5 (PyYAML <= 6.0.3) composes on the C stack and crashes
# near 100,000 levels; the libyaml in PyYAML 6.0.4 stops at 1,000 with a
# syntax error of its own.  Half that keeps argmap's guard the one that
# decides, whichever is installed.  A map needs six; the spec rejects
# anything deeper than it expects.
MAX_DEPTH = 500
# libyaml's own refusal, translated should a future libyaml stop sooner.
_LIBYAML_NESTING = "maximum nesting depth"

# Something that may be an anchor; only then is the tree walked to be sure.
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]")
# Every byte but the flow brackets (single bytes in UTF-8, never inside a
# multi-byte character), to delete with bytes.translate, which runs in C.
_NOT_BRACKETS = bytes(sorted(set(range(256)) - set(b"[]{}")))
# A line starting with this many indentation or block indicator characters
# could open that many block levels.  The leading newline, rather than '^'
# in MULTILINE mode, lets the regex engine skip ahead to line starts.
_DEEP_PREFIX = re.compile(r"\n[ \t?:-]{%d}" % (MAX_DEPTH // 2))


@dataclass(frozen=True, slots=True)
class YamlDocument:
    """A file's text and its composed YAML tree (``None`` for a file with no document)."""

    path: str
    text: str
    root: yaml.Node | None


def read_yaml(path: Path, display: str | None = None) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Read and compose *path*.  Returns the document (or ``None``) and problems."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [error("too-large", f"file is {size:,} bytes; maps are limited to {MAX_FILE_BYTES:,}",
                                Pos(name, 1, 1))]
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Diagnostic("not-found", "no such file", path=name)]
    except OSError as exc:
        return None, [Diagnostic("io", f"cannot read: {exc.strerror or exc}", path=name)]
    return parse_yaml(data, name)


def parse_yaml(data: bytes, name: str) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Decode and compose YAML *data* read from the file called *name*.

    With a document come its warnings (terminal controls in values); without
    one, the problem that stopped it.
    """
    text, problem = _decode(data, name)
    if problem:
        return None, [problem]
    assert text is not None
    problem = _check_depth(text, data, name)
    if problem:
        return None, [problem]
    with gc_paused():
        try:
            root = yaml.compose(text, Loader=SafeLoader)
        except yaml.MarkedYAMLError as exc:
            if _LIBYAML_NESTING in (exc.problem or ""):
                return None, [_too_deep(exc.problem_mark, name)]
            return None, [_syntax_error(exc, text, name)]
        except yaml.YAMLError as exc:
            return None, [error("yaml-syntax", str(exc).splitlines()[0], Pos(name, 1, 1))]
        except RecursionError:  # pure-Python composer only
            return None, [_too_deep(None, name)]
    if root is not None and "&" in text and _ANCHOR.search(text):
        reused = _reused_node(root)
        if reused is not None:
            mark = reused.start_mark
            return None, [error("alias", "anchors and aliases are not supported in maps",
                                Pos(name, mark.line + 1, mark.column + 1),
                                "write the value out in full where it is reused")]
    # Controls in values are worth a warning; a scan of the bytes clears ordinary files at C speed.
    warnings = yaml_control_warnings(root, text, name) if maybe_controls(data) else []
    return YamlDocument(name, text, root), warnings


def _reused_node(root: yaml.Node) -> yaml.Node | None:
    """A node reachable twice (the composer shares one object between an anchor
    and its aliases), found without ever expanding an alias."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
    return None


def _decode(data: bytes, name: str) -> tuple[str | None, Diagnostic | None]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(data):
        return None, error("encoding", "file is UTF-16; maps must be UTF-8", Pos(name, 1, 1),
                           hint="re-save the file as UTF-8 (most editors: 'Save with encoding')")
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _line_col_of_byte(data, nul)
        return None, error("binary", "file contains NUL bytes: it is binary, not YAML", Pos(name, line, col))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_col_of_byte(data, exc.start)
        return None, error("encoding", f"invalid UTF-8 (byte 0x{data[exc.start]:02x}): maps must be UTF-8 text",
                           Pos(name, line, col))
    if not text.strip():
        return None, error("empty", "file is empty", Pos(name, 1, 1),
                           hint="a map starts with 'map: <id>'; see docs/format.md")
    return text, None


def _looks_utf16(data: bytes) -> bool:
    """ASCII text saved as UTF-16 without a byte order mark: every other byte is NUL."""
    head = data[:8]
    if len(head) < 4:
        return False
    odd_nul = all(b == 0 for b in head[1::2]) and all(b != 0 for b in head[0::2])
    even_nul = all(b == 0 for b in head[0::2]) and all(b != 0 for b in head[1::2])
    return odd_nul or even_nul


def _line_col_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return line, col


def _check_depth(text: str, data: bytes, name: str) -> Diagnostic | None:
    """Refuse documents nested deeper than MAX_DEPTH.

    libyaml's composer recurses on the C stack and crashes the interpreter on
    deeply nested input, so depth must be measured first.  A cheap bound
    clears ordinary files: flow nesting is at most the number of rounds it
    takes to strip matched bracket pairs (plus any brackets left unmatched),
    and block nesting at most the run of indentation and indicators that
    starts a line.  Only suspicious files pay for an exact count with the
    event parser, which is iterative.
    """
    if _flow_depth_bound(data) < MAX_DEPTH // 2 and not (
            _DEEP_PREFIX.search(text) or _DEEP_PREFIX.match("\n" + text[:MAX_DEPTH])):
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=SafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return _too_deep(event.start_mark, name)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        if _LIBYAML_NESTING in (exc.problem or ""):
            return _too_deep(exc.problem_mark, name)
        return None  # the syntax error is reported by compose, with its position
    except yaml.YAMLError:
        return None
    return None


def _too_deep(mark: yaml.Mark | None, name: str) -> Diagnostic:
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return error("too-deep", f"nesting deeper than {MAX_DEPTH} levels", Pos(name, line, col),
                 hint="a map needs six levels at most; check brackets and indentation")


def _flow_depth_bound(data: bytes) -> int:
    """An upper bound of the bracket nesting in *data* (quoted brackets count too)."""
    brackets = data.translate(None, _NOT_BRACKETS)
    rounds = 0
    while brackets and rounds < MAX_DEPTH:
        stripped = brackets.replace(b"[]", b"").replace(b"{}", b"")
        if stripped == brackets:
            break
        brackets = stripped
        rounds += 1
    return rounds + len(brackets)


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, name: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or exc.context or "invalid YAML"
    message = problem
    if exc.context and exc.problem and exc.context_mark and exc.context_mark is not mark:
        ctx = exc.context_mark
        message = f"{problem} ({exc.context} at line {ctx.line + 1})"
    hint = ""
    lines = text.splitlines()
    bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())] or "\t" in problem:
        hint = "YAML does not allow tabs for indentation: indent with spaces"
    elif "found unexpected end of stream" in problem or "found unexpected end" in problem:
        hint = "a quote or bracket opened earlier is never closed"
    elif "mapping values are not allowed" in problem:
        hint = "a value containing ': ' must be quoted, e.g. 'text: \"a: b\"'"
    return error("yaml-syntax", message, Pos(name, line, col), hint)

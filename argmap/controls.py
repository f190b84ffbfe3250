"""Find the terminal controls a map or seed holds, and say where (the ``control-char`` warning).

:func:`argmap.visible.visible` keeps them from acting on a terminal when
argmap prints them; this module tells the curator they are there at all, so
a hostile or garbled file is noticed rather than quietly shown as ``\\x1b``.

``argmap check`` must stay fast, so the file's bytes are scanned first (in
C, about 1 ms for 10,000 nodes) for a control typed raw, or a YAML escape
in a double-quoted scalar that can make one (``\\e``, ``\\x1b``,
``\\u202e``...).  Only a file that trips the scan has its composed tree
walked for the exact scalars.
"""

from __future__ import annotations

import re

import yaml

from .diagnostics import Diagnostic, warning
from .model import Pos
from .visible import BIDI_CONTROLS, CONTROLS

__all__ = ["CODE", "describe", "maybe_controls", "yaml_control_warnings", "seed_control_warning"]

CODE = "control-char"

# The scan works on the file's UTF-8 bytes, where every raw control but the
# C1 and bidi ones is a single byte, as is the backslash that starts a YAML
# escape: bytes.translate deletes every other byte at memory speed, and only
# what is left decides whether the slower, exact searches run at all.
_C0_BYTES = [*range(0x00, 0x09), 0x0B, 0x0C, 0x0D, *range(0x0E, 0x20), 0x7F]   # tab and newline aside
# In YAML, CR is a line break that never reaches a value, and a backslash may start an escape.
_YAML_OTHER = bytes(sorted(set(range(256)) - {*_C0_BYTES, 0x5C, 0xC2, 0xE2} | {0x0D}))
# In a seed, CR before a newline is a Windows line end, text and no attack.
_SEED_OTHER = bytes(sorted(set(range(256)) - {*_C0_BYTES, 0xC2, 0xE2}))
_LONE_CR = re.compile(rb"\r(?!\n)")
# The escapes of double-quoted YAML that can produce a control: \0 \a \b \v
# \f \r \e, \N (NEL, U+0085), and \x \u \U, which can produce anything.
_ESCAPE = re.compile(rb"\\[0abvfreNxuU]")
# C1 (U+0080-U+009F) and the bidi controls in UTF-8.  Each starts with one
# literal byte, which the regex engine finds quickly; curly quotes and dashes
# start with 0xE2 too, so the byte alone proves nothing.
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_BIDI_UTF8 = re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")
# In a seed: every control, but a CR that ends a line (Windows line ends are text, not an attack).
_SEED_CONTROLS = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{BIDI_CONTROLS}]|\r(?!\n)")

_C0 = ("NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI "
       "DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US").split()
_C1 = ("PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 "
       "DCS PU1 PU2 STS CCH MW SPA EPA SOS SGCI SCI CSI ST OSC PM APC").split()
_BIDI = dict(zip("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
                 "LRE RLE PDF LRO RLO LRI RLI FSI PDI".split()))


def describe(char: str) -> str:
    """``U+001B (ESC)``: the code point and its usual abbreviation."""
    code = ord(char)
    if code < 0x20:
        name = _C0[code]
    elif code == 0x7F:
        name = "DEL"
    elif 0x80 <= code <= 0x9F:
        name = _C1[code - 0x80]
    else:
        name = _BIDI.get(char, "")
    return f"U+{code:04X}" + (f" ({name})" if name else "")


def maybe_controls(data: bytes) -> bool:
    """Whether YAML *data* (UTF-8) may hold a control in some value: false positives allowed, no misses.

    About 1 ms for a 10,000-node map: see benchmarks/bench_controls.py.
    """
    return _may_hold(data, _YAML_OTHER)


def _may_hold(data: bytes, others: bytes) -> bool:
    """Whether UTF-8 *data* may hold a control, once the bytes in *others* are known not to start one."""
    flagged = data.translate(None, others)
    if not flagged:
        return False
    if flagged.translate(None, b"\\\r\xc2\xe2"):
        return True   # a raw C0 control (tab and newline aside) or DEL
    return bool((b"\r" in flagged and _LONE_CR.search(data))
                or (b"\\" in flagged and _ESCAPE.search(data))
                or (b"\xc2" in flagged and _C1_UTF8.search(data))
                or (b"\xe2" in flagged and _BIDI_UTF8.search(data)))


def yaml_control_warnings(root: yaml.Node | None, text: str, name: str) -> list[Diagnostic]:
    """A ``control-char`` warning for each scalar of *root* holding a terminal control.

    The position is the control's own when it stands raw in *text*, else the
    start of the scalar (it came from an escape).  Iterative: depth is
    bounded by the reader, but the walk needs no stack of its own anyway.
    """
    found: list[Diagnostic] = []
    if root is None:
        return found
    stack: list[tuple[yaml.Node, str]] = [(root, "a value")]
    while stack:
        node, what = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            match = CONTROLS.search(node.value)
            if match:
                found.append(_warning(node, match.group(), what, text, name))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, what) for item in reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                label = key.value if isinstance(key, yaml.ScalarNode) else "a value"
                stack.append((value, label))
                stack.append((key, "a key"))
    return found


def _warning(node: yaml.ScalarNode, char: str, what: str, text: str, name: str) -> Diagnostic:
    start, end = node.start_mark, node.end_mark
    line, col = start.line + 1, start.column + 1
    at = text.find(char, start.index, end.index)
    if at >= 0:  # typed raw: point at the character itself
        line = start.line + 1 + text.count("\n", start.index, at)
        col = at - text.rfind("\n", 0, at)
    return warning(CODE, f"{what} holds a control character {describe(char)}", Pos(name, line, col),
                   "terminals act on control characters (argmap shows them as escapes like \\x1b); "
                   "remove it unless it is meant")


def seed_control_warning(text: str, name: str) -> Diagnostic | None:
    """One ``control-char`` warning for seed *text* (read from *name*): where its first control stands."""
    if not _may_hold(text.encode("utf-8", "surrogatepass"), _SEED_OTHER):
        return None   # the common case, at memory speed: seeds can be megabytes
    match = _SEED_CONTROLS.search(text)
    if match is None:
        return None
    at = match.start()
    line = text.count("\n", 0, at) + 1
    col = at - text.rfind("\n", 0, at)
    more = sum(1 for _ in _SEED_CONTROLS.finditer(text, at + 1))
    extra = f" ({more:,} more after it)" if more else ""
    return warning(CODE, f"the seed text holds a control character {describe(match.group())}{extra}",
                   Pos(name, line, col), "a seed is the article's text as received: terminals act on "
                   "control characters, and argmap shows them as escapes such as \\x1b")

"""What the cursor stands in: which key's value (or which mapping's key), and what was typed of it.

Read from the buffer's lines, not from the parsed YAML: mid-edit the buffer
rarely parses.  Block structure comes from indentation, flow collections
(``[a, b]``, ``{ to: x, with: [y] }``) from a scan of the line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Context", "context_at", "word_at"]

# A line's key: `  key: value` or `- key: value`.
_KEY_LINE = re.compile(r"(?P<key>[^\s#:'\"\[\]{},-][^#:]*?|[A-Za-z0-9_.-]+)[ \t]*:(?:[ \t]+|$)")
_BLOCK_SCALAR = re.compile(r"[|>][+-]?[1-9]?\s*(?:#.*)?$")
# Lines longer than this (a paste) get no context: a scan per keystroke stays cheap.
MAX_LINE = 20_000
# How far up a parent key is looked for, in lines: past a whole 10,000-node map's nodes.
MAX_LOOKBACK = 400_000
_ID_CHAR = re.compile(r"[A-Za-z0-9_.:-]")


@dataclass(frozen=True)
class Context:
    """The cursor's place in the YAML.

    ``key`` is the key whose value is being typed (``supports``, ``by``, a
    topic id under ``stance``), or with ``in_key`` the key of the mapping in
    which a key is being typed (``stance`` when typing a topic id).
    ``parents`` are the enclosing block keys, outermost first.  ``prefix``
    is what was typed (inside quotes, when ``quote_char`` opened them), from
    character ``start`` of the line.
    """

    key: str | None
    parents: tuple[str, ...]
    in_key: bool
    prefix: str
    start: int
    quote_char: str = ""

    @property
    def in_node(self) -> bool:
        """Whether the cursor is inside a node record (``nodes: <id>: ...``)."""
        return len(self.parents) >= 2 and self.parents[0] == "nodes"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _strip_item(text: str) -> tuple[str, bool]:
    """*text* without its leading list markers (``- - x`` gives ``x``), and whether it had one."""
    item = False
    while text.startswith("- ") or text == "-":
        text, item = text[2:].lstrip(" "), True
    return text, item


def _parents(lines: Sequence[str], row: int, indent: int, item: bool = False) -> tuple[list[str], bool]:
    """The keys enclosing line *row* (outermost first), and whether it continues a block scalar.

    A list item (*item*) may stand at its key's own indentation (``quote:`` then ``- x``).
    """
    keys: list[str] = []
    in_scalar = False
    first = True
    stop = max(row - MAX_LOOKBACK, -1)
    for r in range(row - 1, stop, -1):
        line = lines[r]
        stripped = line.lstrip(" ")
        if not stripped.strip() or stripped.startswith("#"):
            continue
        here = len(line) - len(stripped)
        if here > indent or (here == indent and (not item or stripped.startswith("-"))):
            continue
        item = False
        body, item = _strip_item(stripped.rstrip("\r\n"))
        match = _KEY_LINE.match(body)
        if match:
            if first and _BLOCK_SCALAR.match(body, match.end()):
                in_scalar = True
            keys.append(match.group("key").strip())
        elif first and item and _BLOCK_SCALAR.match(body):
            in_scalar = True  # `- >-` under a key: the key is found further up
        first = False
        # A list item's key counts at the item's content indentation.
        indent = here
        if indent == 0:
            break
    keys.reverse()
    return keys, in_scalar


def context_at(lines: Sequence[str], row: int, col: int) -> Context | None:
    """The context at character *col* of line *row*, or ``None`` where there is none (a comment, a long line)."""
    if not 0 <= row < len(lines):
        return None
    line = lines[row].rstrip("\r\n")
    if len(line) > MAX_LINE:
        return None
    before = line[:col]
    indent = _indent(before)
    body, item = _strip_item(before[indent:])
    if "#" in body and re.search(r"(^|\s)#", body):
        quote_free = re.sub(r"\"[^\"]*\"|'[^']*'", "", body)
        if re.search(r"(^|\s)#", quote_free):
            return None
    parents, in_scalar = _parents(lines, row, indent, item)
    if in_scalar and parents:
        text = before[indent:]
        return Context(parents[-1], tuple(parents[:-1]), False, text, indent)
    offset = len(before) - len(body)
    match = _KEY_LINE.match(body)
    if match is None:
        # A bare word: a list item's value, or a key being typed.
        key = parents[-1] if parents else None
        return _scan(body, offset, key, tuple(parents[:-1]) if parents else (), not item)
    key = match.group("key").strip()
    return _scan(body[match.end():], offset + match.end(), key, tuple(parents), False)


def _scan(value: str, offset: int, key: str | None, parents: tuple[str, ...], in_key: bool) -> Context:
    """The context at the end of *value*, the text typed after *key*'s colon (flow collections included)."""
    stack: list[tuple[str, str | None]] = []
    base = parents
    start = 0
    i = 0
    n = len(value)
    while i < n:
        ch = value[i]
        if ch in "\"'" and value[start:i].strip() == "":
            close = _closing(value, i)
            if close is None:  # an open quote: the rest is the typed text
                return Context(key, parents, in_key, value[i + 1:], offset + i + 1, ch)
            i = close + 1
            continue
        if ch in "{[":
            stack.append((ch, key))
            in_key = ch == "{"
            start = i + 1
        elif ch in "}]":
            if stack:
                stack.pop()
            key = stack[-1][1] if stack else key
            start = i + 1
        elif ch == ",":
            if stack:
                in_key = stack[-1][0] == "{"
                key = stack[-1][1]
            start = i + 1
        elif ch == ":" and in_key and (i + 1 == n or value[i + 1] in " \t"):
            parents = (*base, *(k for _, k in stack if k))
            key = value[start:i].strip()
            in_key = False
            start = i + 1
        i += 1
    typed = value[start:]
    stripped = typed.lstrip(" \t")
    return Context(key, parents, in_key, stripped, offset + start + len(typed) - len(stripped))


def _closing(value: str, i: int) -> int | None:
    """The index of the quote closing the one at *i*, or ``None``."""
    quote = value[i]
    j = i + 1
    while j < len(value):
        if value[j] == quote:
            if quote == "'" and j + 1 < len(value) and value[j + 1] == "'":
                j += 2
                continue
            return j
        if quote == '"' and value[j] == "\\":
            j += 1
        j += 1
    return None


def word_at(line: str, col: int) -> tuple[str, int, int] | None:
    """The id or ``map:node`` reference around character *col* of *line*: text, start, end."""
    if len(line) > MAX_LINE:
        return None
    col = min(max(col, 0), len(line))
    start = col
    while start > 0 and _ID_CHAR.match(line[start - 1]):
        start -= 1
    end = col
    while end < len(line) and _ID_CHAR.match(line[end]):
        end += 1
    word = line[start:end].rstrip(":")
    if not word or word.startswith(":"):
        return None
    return word, start, start + len(word)

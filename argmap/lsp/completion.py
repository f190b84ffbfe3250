"""Completion: node ids where a relation expects one, speakers, topics, every enum of the format, and quotes.

What a value may be is read from :mod:`argmap.spec` (the one definition of
the format), by walking it along the keys that enclose the cursor: a field
declared as a node reference completes node ids, a choice completes its
values, a record completes its keys.
"""

from __future__ import annotations

import bisect
import itertools
import json
from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types

from ..coverage import sentences
from ..model import ArgMap, Project
from ..spec import MAP_FILE, REF_PATTERN, AnyOf, Choice, OneOrMany, Record, Spec, Table, Text
from .context import Context, context_at
from .convert import client_col
from .state import Snapshot, quote_at

__all__ = ["complete", "spec_at", "MAX_ITEMS"]

# A completion list the editor can filter at once; the rest is marked incomplete.
MAX_ITEMS = 500
# Keys whose value is a speaker id (said_by: who says an ascribed or reported node is held).
SPEAKER_KEYS = frozenset({"by", "via", "speaker", "said_by"})
_PLAIN_UNSAFE = set("#:{}[],&*!|>'\"%@`")


def spec_at(keys: Sequence[str]) -> Spec | None:
    """The spec of the value at *keys* (``["nodes", "n1", "kind"]``) in a map file, or ``None``."""
    spec: Spec | None = MAP_FILE
    for key in keys:
        while isinstance(spec, (OneOrMany, AnyOf)):
            spec = spec.item if isinstance(spec, OneOrMany) else spec.record
        if isinstance(spec, Record):
            found = spec.by_name.get(key)
            spec = found.spec if found else None
        elif isinstance(spec, Table):
            spec = spec.value
        else:
            return None
    return spec


def _leaf(spec: Spec | None) -> Spec | None:
    """*spec* with one-or-many and text-or-record unwrapped to the scalar a value is typed as."""
    while isinstance(spec, (OneOrMany, AnyOf)):
        spec = spec.item if isinstance(spec, OneOrMany) else spec.text
    return spec


def complete(snapshot: Snapshot | None, path: Path, lines: Sequence[str], row: int,
             col: int) -> types.CompletionList:
    """The completions at character *col* of line *row* of the buffer at *path*."""
    ctx = context_at(lines, row, col)
    if ctx is None or ctx.key is None:
        return types.CompletionList(is_incomplete=False, items=[])
    argmap, project = snapshot.map_at(path) if snapshot else (None, None)
    line = lines[row].rstrip("\r\n")
    edit_range = types.Range(types.Position(row, client_col(line, ctx.start)),
                             types.Position(row, client_col(line, col)))
    items = _items(ctx, argmap, project, edit_range, row, snapshot)
    incomplete = len(items) > MAX_ITEMS
    return types.CompletionList(is_incomplete=incomplete, items=items[:MAX_ITEMS])


def _items(ctx: Context, argmap: ArgMap | None, project: Project | None, edit_range: types.Range,
           row: int, snapshot: Snapshot | None) -> list[types.CompletionItem]:
    keys = [*ctx.parents, ctx.key]
    spec = spec_at(keys)
    if ctx.in_key:
        if isinstance(spec, Record):
            return [_item(f.name, f"{f.name}: ", edit_range, types.CompletionItemKind.Property,
                          f.description or None) for f in spec.fields]
        if isinstance(spec, Table) and ctx.key == "stance" and project is not None:
            return [_item(t.id, f"{t.id}: ", edit_range, types.CompletionItemKind.EnumMember,
                          t.question) for t in project.topics.values()]
        return []
    leaf = _leaf(spec)
    if isinstance(leaf, Choice):
        return [_item(v, v, edit_range, types.CompletionItemKind.EnumMember) for v in leaf.values]
    if not isinstance(leaf, Text) or argmap is None or project is None:
        return []
    if leaf.pattern == REF_PATTERN:
        return _node_items(ctx.prefix, argmap, project, edit_range)
    if ctx.key in SPEAKER_KEYS:
        return [_item(s.id, s.id, edit_range, types.CompletionItemKind.Variable, s.name)
                for s in argmap.speakers.values()]
    if ctx.key == "tags":
        tags = sorted({t for n in argmap.nodes.values() for t in n.tags})
        return [_item(t, t, edit_range, types.CompletionItemKind.Keyword) for t in tags]
    if ctx.key == "quote" and snapshot is not None:
        return _quote_items(ctx, argmap, edit_range, row, snapshot)
    return []


def _item(label: str, text: str, edit_range: types.Range, kind: types.CompletionItemKind,
          detail: str | None = None, sort: str | None = None, filter_text: str | None = None
          ) -> types.CompletionItem:
    return types.CompletionItem(label=label, kind=kind, detail=detail, sort_text=sort,
                                filter_text=filter_text,
                                text_edit=types.TextEdit(range=edit_range, new_text=text))


def _node_items(prefix: str, argmap: ArgMap, project: Project,
                edit_range: types.Range) -> list[types.CompletionItem]:
    """This map's node ids first, then ``map:node`` for the other maps' (one map's, once a ``map:`` is typed)."""
    items: list[types.CompletionItem] = []
    kind = types.CompletionItemKind.Reference
    map_part, sep, _ = prefix.partition(":")
    if not sep:
        for node in argmap.nodes.values():
            if node.id.startswith(prefix):
                items.append(_item(node.id, node.id, edit_range, kind, _short(node.text), f"0{node.id}"))
            if len(items) > MAX_ITEMS:
                return items
    for other in project.maps.values():
        if other.id == argmap.id or (sep and other.id != map_part) or not other.id.startswith(map_part):
            continue
        for node in other.nodes.values():
            ref = f"{other.id}:{node.id}"
            if ref.startswith(prefix):
                items.append(_item(ref, ref, edit_range, kind, _short(node.text), f"1{ref}"))
            if len(items) > MAX_ITEMS:
                return items
    return items


def _short(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _quote_items(ctx: Context, argmap: ArgMap, edit_range: types.Range, row: int,
                 snapshot: Snapshot) -> list[types.CompletionItem]:
    """The seed's sentences that begin with what was typed, unmapped first, inserted verbatim.

    The quote being typed does not count as mapping a sentence: its first
    words are in the seed, and would otherwise cover the very sentence wanted.
    """
    typing = quote_at(argmap, row)
    key = ("quotes", argmap.id, typing.pos if typing else None)
    cached = snapshot.cache.get(key)
    if cached is None:
        spans = sorted(q.span for n in argmap.nodes.values() for q in n.quotes if q.span and q is not typing)
        starts = [s for s, _ in spans]
        reach = list(itertools.accumulate((e for _, e in spans), max))  # the furthest end so far
        cached = []
        for sentence in sentences(argmap):
            last = bisect.bisect_left(starts, sentence.end)
            cached.append((sentence.text, not (last and reach[last - 1] > sentence.start)))
        snapshot.cache[key] = cached
    typed = ctx.prefix.casefold()
    items = []
    for rank, (text, unmapped) in enumerate(cached):
        if text.casefold().startswith(typed):
            new_text = _yaml_scalar(text, ctx.quote_char)
            items.append(_item(_short(text), new_text, edit_range, types.CompletionItemKind.Text,
                               "unmapped sentence" if unmapped else "already quoted",
                               f"{0 if unmapped else 1}{rank:08d}", ctx.quote_char + text))
            if len(items) > MAX_ITEMS:
                break
    return items


def _yaml_scalar(text: str, quote_char: str) -> str:
    """*text* as a YAML scalar that reads back as exactly *text*, in the quoting the user opened."""
    if quote_char == "'":
        return "'" + text.replace("'", "''") + "'"
    if quote_char == '"' or not _plain_safe(text):
        return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars
    return text


def _plain_safe(text: str) -> bool:
    """Whether *text* reads back unchanged as a plain YAML scalar (conservatively)."""
    if not text or text != text.strip() or text[0] in _PLAIN_UNSAFE or text[0] in "-?":
        return False
    return ": " not in text and " #" not in text and not text.endswith(":")

"""Hover, go to definition and find references: for node ids (across maps), speakers and topics.

What the word under the cursor names is decided by where it stands (see
:mod:`.context`): a value of ``by``/``via`` is a speaker, a key under
``stance`` a topic, a value the format declares a node reference a node, a
key under ``nodes``/``speakers``/``topics`` the declaration itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from lsprotocol import types

from ..model import ArgMap, Pos, Project, Ref
from ..project import _seed_dirs  # the loader's own look-up of a map's seed
from ..spec import REF_PATTERN, Text
from ..visible import visible
from .completion import SPEAKER_KEYS, _leaf, spec_at
from .context import context_at, word_at
from .convert import token_range, client_col
from .state import Snapshot, quote_at

__all__ = ["Target", "target_at", "hover", "definition", "references"]

# How many lines below a relation's position its references are looked for (a flow or block record).
_RECORD_LINES = 12
_CONTEXT_CHARS = 120
_INCOMING = {"supports": "supported by", "attacks": "attacked by", "undercuts": "inference undercut by",
             "same_as": "same as"}


class Target(NamedTuple):
    """What a word names: ``("node", Ref)``, ``("speaker", (map_id, id))`` or ``("topic", id)``."""

    kind: str
    key: object
    word_range: types.Range


def target_at(snapshot: Snapshot, path: Path, lines: Sequence[str], row: int, col: int) -> Target | None:
    """What the word at character *col* of line *row* names, if anything the project knows."""
    if not 0 <= row < len(lines):
        return None
    line = lines[row].rstrip("\r\n")
    found = word_at(line, col)
    if found is None:
        return None
    word, start, end = found
    ctx = context_at(lines, row, end)
    argmap, project = snapshot.map_at(path)
    rng = types.Range(types.Position(row, client_col(line, start)), types.Position(row, client_col(line, end)))
    if ctx is None or ctx.key is None:
        return None
    if ctx.in_key:
        declared = {"nodes": "node", "speakers": "speaker", "stance": "topic", "topics": "topic"}.get(ctx.key)
        if declared == "node" and argmap is not None and word in argmap.nodes:
            return Target("node", Ref(argmap.id, word), rng)
        if declared == "speaker" and argmap is not None and word in argmap.speakers:
            return Target("speaker", (argmap.id, word), rng)
        if declared == "topic" and word in project.topics:
            return Target("topic", word, rng)
        return None
    if ctx.key in SPEAKER_KEYS and argmap is not None and word in argmap.speakers:
        return Target("speaker", (argmap.id, word), rng)
    if ctx.parents[-1:] == ("stance",) and ctx.key == word and word in project.topics:
        return Target("topic", word, rng)
    leaf = _leaf(spec_at([*ctx.parents, ctx.key]))
    if isinstance(leaf, Text) and leaf.pattern == REF_PATTERN and argmap is not None:
        ref = Ref.parse(word, argmap.id)
        if project.node(ref) is not None:
            return Target("node", ref, rng)
    return None


def hover(snapshot: Snapshot, target: Target) -> types.Hover | None:
    """Plain text (map text is shown, never rendered): the node's text, quote in context, speakers, status, relations."""
    _, project = _project_of(snapshot, target)
    if target.kind == "node":
        text = _node_hover(snapshot, project, target.key)
    elif target.kind == "speaker":
        map_id, sid = target.key
        chain = project.attribution(map_id, sid)
        text = " ← ".join(f"{s.name} ({s.id})" for s in chain) + (f"\n{chain[0].role}" if chain and chain[0].role else "")
    else:
        topic = project.topics.get(target.key)
        text = f"topic {topic.id}: {topic.question}" if topic else ""
    if not text:
        return None
    return types.Hover(contents=types.MarkupContent(types.MarkupKind.PlainText, visible(text)),
                       range=target.word_range)


def _project_of(snapshot: Snapshot, target: Target) -> tuple[ArgMap | None, Project]:
    if target.kind in ("node", "speaker"):
        map_id = target.key[0]
        for path, argmap in snapshot.maps.items():
            if argmap.id == map_id:
                return argmap, snapshot.projects[path]
    return None, snapshot.project


def _node_hover(snapshot: Snapshot, project: Project, ref: Ref) -> str:
    node = project.node(ref)
    argmap = project.maps.get(ref.map_id)
    if node is None or argmap is None:
        return ""
    label = snapshot.labels().get(ref) if project is snapshot.project else None
    head = f"{node.kind} {ref}" + (f" — grounded: {label}" if label else "")
    out = [head, " ".join(node.text.split())]
    chain = project.attribution_of(node)
    if chain:
        out.append("by " + " ← ".join(s.name for s in chain))
    for quote in node.quotes[:3]:
        out.append("quote: " + _in_context(argmap.seed_text, quote.span, quote.text))
    groups: dict[str, list[str]] = {}
    for rel in project.incoming(ref):
        groups.setdefault(_INCOMING.get(str(rel.kind), str(rel.kind)), []).append(_name(rel.source, ref.map_id))
    for heading, names in groups.items():
        shown = ", ".join(names[:10]) + (f" and {len(names) - 10} more" if len(names) > 10 else "")
        out.append(f"{heading}: {shown}")
    return "\n".join(out)


def _name(ref: Ref, home: str) -> str:
    return ref.node_id if ref.map_id == home else str(ref)


def _in_context(seed: str | None, span: tuple[int, int] | None, text: str) -> str:
    """The quote with a little of the seed on either side, or as written when not found."""
    if not seed or span is None:
        return f"“{text}” (not found in the seed)"
    start, end = span
    before = " ".join(seed[max(0, start - _CONTEXT_CHARS):start].split()[1:])
    after = " ".join(seed[end:end + _CONTEXT_CHARS].split()[:-1])
    return f"…{before} »{' '.join(seed[start:end].split())}« {after}…"


def definition(snapshot: Snapshot, target: Target) -> types.Location | None:
    """Where *target* is declared."""
    argmap, project = _project_of(snapshot, target)
    if target.kind == "node":
        node = project.node(target.key)
        pos = node.pos if node else None
    elif target.kind == "speaker":
        speaker = argmap.speakers.get(target.key[1]) if argmap else None
        pos = speaker.pos if speaker else None
    else:
        topic = project.topics.get(target.key)
        pos = topic.pos if topic else None
    return _location(snapshot, pos) if pos else None


def quote_definition(snapshot: Snapshot, path: Path, row: int) -> types.Location | None:
    """From a line of a node's quote to the quoted span in the seed file."""
    argmap, _ = snapshot.map_at(path)
    if argmap is None or not argmap.seed_text:
        return None
    best = quote_at(argmap, row)
    if best is None or best.span is None:
        return None
    seed_path = next((folder / argmap.source.seed for folder in _seed_dirs(Path(argmap.path), None)
                      if (folder / argmap.source.seed).is_file()), None)
    if seed_path is None:
        return None
    text = argmap.seed_text
    start, end = best.span
    return types.Location(seed_path.resolve().as_uri(),
                          types.Range(_seed_position(text, start), _seed_position(text, end)))


def _seed_position(text: str, offset: int) -> types.Position:
    line = text.count("\n", 0, offset)
    line_start = text.rfind("\n", 0, offset) + 1
    return types.Position(line, client_col(text[line_start:offset + 1], offset - line_start))


def _location(snapshot: Snapshot, pos: Pos, word: str | None = None) -> types.Location:
    path = Path(pos.path).resolve()
    lines = snapshot.file_lines(path)
    if word is not None:
        pos = _locate(lines, pos, word)
    return types.Location(path.as_uri(), token_range(lines, pos))


def _locate(lines: Sequence[str], pos: Pos, word: str) -> Pos:
    """The position of the reference *word* (``id`` or ``map:id``) at or just below *pos*."""
    pattern = re.compile(rf"(?<![\w.:-])(?:[\w.-]+:)?{re.escape(word)}(?![\w.:-])")
    for row in range(pos.line - 1, min(pos.line - 1 + _RECORD_LINES, len(lines))):
        found = pattern.search(lines[row], pos.col - 1 if row == pos.line - 1 else 0)
        if found:
            return Pos(pos.path, row + 1, found.start() + 1)
    return pos


def _after_key(lines: Sequence[str], pos: Pos, key: str, word: str) -> Pos | None:
    """The first *word* after ``key:`` in the record written at *pos* (a flow or block value, a list)."""
    key_at = re.compile(rf"(?<![\w.-]){re.escape(key)}[ \t]*:")
    word_at = re.compile(rf"(?<![\w.:-]){re.escape(word)}(?![\w.:-])")
    last = min(pos.line - 1 + _RECORD_LINES, len(lines))
    for row in range(pos.line - 1, last):
        start = pos.col - 1 if row == pos.line - 1 else 0
        found = key_at.search(lines[row], start)
        if found is None:
            continue
        col = found.end()
        for value_row in range(row, last):
            hit = word_at.search(lines[value_row], col if value_row == row else 0)
            if hit:
                return Pos(pos.path, value_row + 1, hit.start() + 1)
            if value_row > row and not lines[value_row].lstrip().startswith(("-", "[", ",")) \
                    and ":" in lines[value_row]:
                break  # the next key: the value did not name the word
        return None
    return None


def references(snapshot: Snapshot, target: Target, include_declaration: bool) -> list[types.Location]:
    """Every place that names *target*, in every map of the project (its declaration first, if asked)."""
    argmap, project = _project_of(snapshot, target)
    out = []
    if include_declaration:
        declared = definition(snapshot, target)
        if declared:
            out.append(declared)
    def lines_of(name: str) -> Sequence[str]:
        return snapshot.file_lines(Path(name).resolve())

    out += [_location(snapshot, pos, word) for pos, word in _uses(project, argmap, target, lines_of)]
    return out


def _uses(project: Project, argmap: ArgMap | None, target: Target,
          lines_of: Callable[[str], Sequence[str]]) -> Iterator[tuple[Pos, str]]:
    if target.kind == "node":
        ref: Ref = target.key
        for rel in project.relations():
            if rel.target == ref or rel.premise == ref or (ref in rel.group and rel.source != ref):
                yield rel.pos, ref.node_id
    elif target.kind == "speaker" and argmap is not None:
        sid = target.key[1]
        seen: set[Pos] = set()

        def after(pos: Pos, key: str) -> Iterator[tuple[Pos, str]]:
            """Where *key*'s value names the speaker in the record at *pos* (once per place)."""
            found = _after_key(lines_of(pos.path), pos, key, sid)
            if found is not None and found not in seen:
                seen.add(found)
                yield found, sid

        for speaker in argmap.speakers.values():
            if speaker.via == sid:
                yield from after(speaker.pos, "via")
            if sid in speaker.adopts:
                yield from after(speaker.pos, "adopts")
        for part in argmap.source.parts:
            if part.speaker == sid:
                yield from after(part.pos, "speaker")
        for node in argmap.nodes.values():
            for key in ("by", "via", "said_by"):
                if getattr(node, key) == sid:
                    yield node.positions.get(key, node.pos), sid
            for rel in node.relations:
                if rel.drawn_by == sid:
                    yield from after(rel.pos, "by")
    elif target.kind == "topic":
        for node in project.nodes():
            if target.key in node.stances:
                yield node.positions.get(f"stance.{target.key}", node.pos), target.key


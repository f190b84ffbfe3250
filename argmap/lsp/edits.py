"""Edits the editor applies on request: rename, and code actions ("did you mean", a near-miss quote, an unmapped sentence).

Every edit is a :class:`~lsprotocol.types.WorkspaceEdit` returned to the
editor, which applies it to its buffers; argmap writes no file.  Edits are
computed from the last check, so they are refused while a buffer has
changed since (its positions may have moved).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types
from pygls.uris import to_fs_path

from ..model import ArgMap, Quote
from ..quotes import SeedText
from ..spec import ID_PATTERN, ID_RULE
from .completion import _yaml_scalar
from .convert import _QUOTED, char_index, client_col
from .navigate import Target, references
from .state import Snapshot, quote_at

__all__ = ["RefusedEdit", "rename", "code_actions", "MAX_SENTENCE_ACTIONS"]

_DID_YOU_MEAN = re.compile(r"did you mean '([^'\n]+)'\?")
# Unmapped sentences offered as "add a node" at one place: the first few, in seed order.
MAX_SENTENCE_ACTIONS = 5
_TOP_KEY = re.compile(r"^[A-Za-z_][\w-]*[ \t]*:")


class RefusedEdit(ValueError):
    """The edit cannot be made (bad new name, stale check); the message says why."""


def rename(snapshot: Snapshot, target: Target, new_name: str) -> types.WorkspaceEdit:
    """Rename the node, speaker or topic *target* everywhere it is declared or named."""
    if not re.match(ID_PATTERN, new_name):
        raise RefusedEdit(f"{new_name!r} is not an id: {ID_RULE}")
    old = target.key.node_id if target.kind == "node" else target.key[1] if target.kind == "speaker" else target.key
    changes: dict[str, list[types.TextEdit]] = {}
    for location in references(snapshot, target, include_declaration=True):
        lines = snapshot.file_lines(Path(to_fs_path(location.uri) or location.uri).resolve())
        rng = location.range
        row = rng.start.line
        line = lines[row] if row < len(lines) else ""
        written = _text_in(line, rng)
        at = written.rfind(old)
        if at < 0 or written[at:] != old:  # the position no longer holds the id: the check is stale
            raise RefusedEdit("the maps changed since the last check; try again in a moment")
        start = rng.start.character + client_col(written, at)
        edit_range = types.Range(types.Position(row, start), rng.end)
        changes.setdefault(location.uri, []).append(types.TextEdit(edit_range, new_name))
    return types.WorkspaceEdit(changes=changes)


def _text_in(line: str, rng: types.Range) -> str:
    """The text of single-line range *rng* of *line* (columns in the agreed unit)."""
    return line[char_index(line, rng.start.character):char_index(line, rng.end.character)]


def code_actions(snapshot: Snapshot, path: Path, uri: str, lines: Sequence[str], rng: types.Range,
                 diagnostics: Sequence[types.Diagnostic]) -> list[types.CodeAction]:
    """The fixes for the problems in *rng*, and nodes for the seed's unmapped sentences."""
    actions: list[types.CodeAction] = []
    argmap, _ = snapshot.map_at(path)
    for problem in diagnostics:
        if problem.source != "argmap":
            continue
        suggestion = _DID_YOU_MEAN.search(problem.message)
        if suggestion:
            actions.append(_did_you_mean(uri, lines, problem, suggestion.group(1)))
        elif problem.code == "quote-not-found" and argmap is not None:
            fix = _closest_quote(snapshot, argmap, uri, lines, problem)
            if fix is not None:
                actions.append(fix)
    if argmap is not None and argmap.seed_text:
        actions += _unmapped_sentence_nodes(snapshot, argmap, uri, lines)
    return actions


def _did_you_mean(uri: str, lines: Sequence[str], problem: types.Diagnostic, name: str) -> types.CodeAction:
    """Replace the misspelt id with the suggestion (a ``map:`` prefix, when written, kept)."""
    line = lines[problem.range.start.line] if problem.range.start.line < len(lines) else ""
    written = _text_in(line, problem.range)
    rng = problem.range
    prefix, sep, _ = written.partition(":")
    if sep and ":" not in name and not written.startswith(("'", '"')):
        start = rng.start.character + client_col(written, len(prefix) + 1)
        rng = types.Range(types.Position(rng.start.line, start), rng.end)
    return types.CodeAction(title=f"Change to '{name}'", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[problem], is_preferred=True,
                            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(rng, name)]}))


def _closest_quote(snapshot: Snapshot, argmap: ArgMap, uri: str, lines: Sequence[str],
                   problem: types.Diagnostic) -> types.CodeAction | None:
    """Replace a quote that is not in the seed with the seed's closest passage, exactly as the seed has it."""
    quote: Quote | None = quote_at(argmap, problem.range.start.line, reach=0)
    if quote is None:
        return None
    seed = snapshot.cache.get(("seed", argmap.id))
    if seed is None:
        seed = snapshot.cache[("seed", argmap.id)] = SeedText(argmap.seed_text or "")
    passage = seed.closest(quote.text)
    if not passage:
        return None
    row, col = quote.pos.line - 1, quote.pos.col - 1
    found = _scalar_end(lines, row, col)
    if found is None:
        return None
    end_row, end = found
    line, end_line = lines[row], lines[end_row]
    rng = types.Range(types.Position(row, client_col(line, col)), types.Position(end_row, client_col(end_line, end)))
    return types.CodeAction(title="Replace with the seed's closest passage", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[problem],
                            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(rng, _yaml_scalar(passage, ""))]}))


def _scalar_end(lines: Sequence[str], row: int, col: int) -> tuple[int, int] | None:
    """Where the scalar at *row*, *col* ends: a block scalar, a quoted or a plain one on one line.

    ``None`` for what is not safe to replace whole (a multi-line quoted or
    plain scalar, an item of a flow list).
    """
    line = lines[row] if row < len(lines) else ""
    first = line[col:col + 1]
    if first in (">", "|"):  # a block scalar: its lines are those indented deeper than the key's
        base = len(line) - len(line.lstrip(" "))
        end_row = row
        while end_row + 1 < len(lines) and (not lines[end_row + 1].strip()
                                            or len(lines[end_row + 1]) - len(lines[end_row + 1].lstrip(" ")) > base):
            end_row += 1
        while end_row > row and not lines[end_row].strip():
            end_row -= 1
        return end_row, len(lines[end_row].rstrip())
    if first in ("'", '"'):
        match = _QUOTED.match(line, col)
        closed = match is not None and len(match.group()) > 1 and match.group().endswith(first)
        return (row, match.end()) if closed else None
    rest = line[col:]
    if re.search(r"[,\]}]", rest):
        return None
    following = lines[row + 1] if row + 1 < len(lines) else ""
    indent = len(line) - len(line.lstrip(" -"))
    if following.strip() and len(following) - len(following.lstrip(" ")) >= indent \
            and not _TOP_KEY.match(following.strip()) and not following.strip().startswith("- "):
        return None  # a plain scalar continued on the next line
    comment = re.search(r"\s#", rest)
    return row, col + (comment.start() if comment else len(rest.rstrip()))


def _unmapped_sentence_nodes(snapshot: Snapshot, argmap: ArgMap, uri: str,
                             lines: Sequence[str]) -> list[types.CodeAction]:
    """"Add a node for ..." for the first unmapped sentences of the seed, appended to ``nodes:``."""
    from ..coverage import map_coverage

    unmapped = snapshot.cache.get(("unmapped", argmap.id))
    if unmapped is None:
        unmapped = snapshot.cache[("unmapped", argmap.id)] = [s.text for s in map_coverage(argmap).unmapped]
    if not unmapped:
        return []
    where = _end_of_nodes(lines)
    if where is None:
        return []
    speaker = next(iter(argmap.speakers), "SPEAKER")
    actions = []
    taken = set(argmap.nodes)
    for sentence in unmapped[:MAX_SENTENCE_ACTIONS]:
        node_id = _new_id(sentence, taken)
        taken.add(node_id)
        scalar = _yaml_scalar(sentence, "")
        text = (f"\n  {node_id}:\n    kind: premise\n    by: {speaker}\n"
                f"    text: {scalar}  # paraphrase it\n    quote: {scalar}\n")
        short = sentence if len(sentence) <= 60 else sentence[:59] + "…"
        actions.append(types.CodeAction(
            title=f"Add a node for the unmapped sentence “{short}”", kind=types.CodeActionKind.Refactor,
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(types.Range(where, where), text)]})))
    return actions


def _end_of_nodes(lines: Sequence[str]) -> types.Position | None:
    """Where a node appended to the ``nodes:`` block goes: after its last non-blank line."""
    start = next((i for i, line in enumerate(lines) if line.startswith("nodes:")), None)
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if _TOP_KEY.match(lines[i])), len(lines))
    last = end - 1
    while last > start and not lines[last].strip():
        last -= 1
    return types.Position(last, client_col(lines[last], len(lines[last])))


def _new_id(sentence: str, taken: set[str]) -> str:
    words = re.findall(r"[a-z0-9]+", sentence.casefold())[:4] or ["node"]
    base = "-".join(words)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate

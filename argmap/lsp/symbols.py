"""The outline of a map (nodes grouped by kind, speakers, parts) and workspace symbols across maps."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from ..model import ArgMap, Project
from ..visible import visible
from .convert import token_range
from .state import Snapshot

__all__ = ["document_symbols", "workspace_symbols", "MAX_WORKSPACE_SYMBOLS"]

MAX_WORKSPACE_SYMBOLS = 500


def _symbol(name: str, detail: str, kind: types.SymbolKind, rng: types.Range,
            children: list[types.DocumentSymbol] | None = None) -> types.DocumentSymbol:
    return types.DocumentSymbol(name=visible(name, one_line=True) or "?", detail=visible(detail, one_line=True),
                                kind=kind, range=rng, selection_range=rng, children=children)


def _group(name: str, kind: types.SymbolKind, children: list[types.DocumentSymbol]) -> types.DocumentSymbol:
    """A heading spanning its members (an outline container needs a range that holds them)."""
    first, last = children[0].range, children[-1].range
    rng = types.Range(first.start, last.end)
    return types.DocumentSymbol(name=name, kind=kind, range=rng, selection_range=first, children=children)


def document_symbols(argmap: ArgMap, lines: Sequence[str]) -> list[types.DocumentSymbol]:
    """*argmap*'s nodes by kind, then its speakers and the parts of its source."""
    out: list[types.DocumentSymbol] = []
    by_kind: dict[str, list[types.DocumentSymbol]] = {}
    for node in argmap.nodes.values():
        by_kind.setdefault(str(node.kind), []).append(
            _symbol(node.id, " ".join(node.text.split())[:120], types.SymbolKind.Object, token_range(lines, node.pos)))
    for kind, members in by_kind.items():
        out.append(_group(f"{kind}s ({len(members)})", types.SymbolKind.Class, members))
    speakers = [_symbol(s.id, s.name, types.SymbolKind.Variable, token_range(lines, s.pos))
                for s in argmap.speakers.values()]
    if speakers:
        out.append(_group("speakers", types.SymbolKind.Namespace, speakers))
    parts = [_symbol(p.id, f"{p.genre} {p.title}".strip(), types.SymbolKind.Module, token_range(lines, p.pos))
             for p in argmap.source.parts]
    if parts:
        out.append(_group("parts", types.SymbolKind.Namespace, parts))
    return out


def workspace_symbols(snapshots: Sequence[Snapshot], query: str) -> list[types.WorkspaceSymbol]:
    """Nodes, speakers and topics whose id or text holds *query* (case-insensitive), across every map."""
    wanted = query.casefold()
    out: list[types.WorkspaceSymbol] = []
    for snapshot in snapshots:
        project: Project = snapshot.project
        for node in project.nodes():
            if wanted in node.id.casefold() or wanted in node.text.casefold():
                out.append(_workspace(snapshot, f"{node.map_id}:{node.id}", types.SymbolKind.Object,
                                      node.pos, str(node.kind)))
                if len(out) >= MAX_WORKSPACE_SYMBOLS:
                    return out
        for argmap in project.maps.values():
            for speaker in argmap.speakers.values():
                if wanted in speaker.id.casefold() or wanted in speaker.name.casefold():
                    out.append(_workspace(snapshot, f"{argmap.id}:{speaker.id}", types.SymbolKind.Variable,
                                          speaker.pos, "speaker"))
        for topic in project.topics.values():
            if wanted in topic.id.casefold() or wanted in topic.question.casefold():
                out.append(_workspace(snapshot, topic.id, types.SymbolKind.EnumMember, topic.pos, "topic"))
    return out[:MAX_WORKSPACE_SYMBOLS]


def _workspace(snapshot: Snapshot, name: str, kind: types.SymbolKind, pos, container: str) -> types.WorkspaceSymbol:
    from pathlib import Path

    path = Path(pos.path).resolve()
    return types.WorkspaceSymbol(name=visible(name, one_line=True), kind=kind, container_name=container,
                                 location=types.Location(path.as_uri(),
                                                         token_range(snapshot.file_lines(path), pos)))

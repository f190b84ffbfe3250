"""The pygls wiring: which LSP message runs which feature, and when maps are re-checked.

Checks run on a thread of their own, one at a time per server, never on the
event loop: the editor's keystrokes keep flowing while a big project is
re-checked.  Edits are debounced (a check starts once typing pauses for
:data:`DEBOUNCE` seconds), a folder has at most one check in flight, and
an edit made during a check cancels it (between files, or before
validation) and starts one more.  Each check re-parses only the files
that changed since the last (:class:`argmap.loadmemo.FileMemo`).  Request
features read the last finished snapshot on pygls' worker threads.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..errors import Superseded
from ..visible import visible
from . import completion, edits, navigate, symbols
from .context import context_at
from .convert import char_index, set_position_encoding, split_lines, to_lsp_diagnostic
from .state import MAP_SUFFIXES, Snapshot, check, looks_like_map

__all__ = ["ArgmapServer", "make_server", "serve", "DEBOUNCE"]

log = logging.getLogger(__name__)

# Seconds of quiet after an edit before the folder is re-checked.
DEBOUNCE = 0.05
# Files whose change on disk may change a check: maps, topics and seeds.
WATCHED = ["**/*.yaml", "**/*.yml", "**/seeds/**"]


class _Checker:
    """Re-checks one folder when asked, debounced, one check at a time."""

    def __init__(self, server: ArgmapServer, folder: Path) -> None:
        self.server = server
        self.folder = folder
        self.generation = 0
        self.due = 0.0
        self.task: asyncio.Task | None = None

    def touch(self, delay: float) -> None:
        loop = asyncio.get_running_loop()
        self.generation += 1
        self.due = loop.time() + delay
        if self.task is None or self.task.done():
            self.task = loop.create_task(self._run())

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            wait = self.due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
                continue
            generation = self.generation
            buffers, versions = self.server.buffers_in(self.folder)
            previous = self.server.snapshots.get(self.folder)
            try:
                snapshot = await loop.run_in_executor(self.server.checks, check, self.folder, buffers, previous,
                                                      lambda: self.generation != generation)
            except Superseded:  # an edit came in meanwhile: check again, for it
                continue
            except Exception as exc:  # a bug: say so in the editor's log, keep serving
                log.exception("checking %s failed", self.folder)
                self.server.window_log_message(types.LogMessageParams(
                    types.MessageType.Error, f"argmap: checking {self.folder} failed: {type(exc).__name__}: {exc}"))
                return
            self.server.snapshots[self.folder] = snapshot
            self.server.publish(snapshot, versions)
            if generation == self.generation:
                # Label the project now, on the check thread, so that the first hover
                # after a check does not pay for it (about 50 ms on 10,000 nodes).
                await loop.run_in_executor(self.server.checks, snapshot.labels)
            if generation == self.generation:  # no edit came in meanwhile
                return


class ArgmapServer(LanguageServer):
    """argmap's language server: one snapshot per folder of maps the editor has open."""

    def __init__(self) -> None:
        super().__init__("argmap", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.snapshots: dict[Path, Snapshot] = {}
        self.checkers: dict[Path, _Checker] = {}
        self.published: dict[Path, set[str]] = {}
        self.uris: dict[Path, str] = {}  # each open file's URI as the client spelled it
        self._lines: dict[str, tuple[int | None, str, list[str]]] = {}
        self.checks = ThreadPoolExecutor(max_workers=1, thread_name_prefix="argmap-check")

    # -- documents ---------------------------------------------------------------------------

    def path_of(self, uri: str) -> Path | None:
        fs_path = to_fs_path(uri)
        return Path(fs_path).resolve() if fs_path else None

    def buffers_in(self, folder: Path) -> tuple[dict[Path, str], dict[Path, int | None]]:
        """The unsaved text of every open map file in *folder*, and each buffer's version."""
        buffers: dict[Path, str] = {}
        versions: dict[Path, int | None] = {}
        for uri, doc in list(self.workspace.text_documents.items()):
            path = self.path_of(uri)
            if path is not None and path.parent == folder and path.suffix in MAP_SUFFIXES:
                buffers[path] = doc.source
                versions[path] = doc.version
                self.uris[path] = uri
        return buffers, versions

    def changed(self, uri: str, delay: float) -> None:
        """The buffer at *uri* changed (or opened, saved, closed): re-check its folder soon."""
        path = self.path_of(uri)
        if path is None or path.suffix not in MAP_SUFFIXES:
            return
        folder = path.parent
        if folder not in self.checkers:
            doc = self.workspace.text_documents.get(uri)
            if doc is None or not looks_like_map(path, doc.source):
                return  # YAML that is not a map: none of argmap's business
            self.checkers[folder] = _Checker(self, folder)
        self.checkers[folder].touch(delay)

    def publish(self, snapshot: Snapshot, versions: dict[Path, int | None]) -> None:
        """Send every file's problems in the folder, and clear those of files that have none now."""
        uris = {path: self.uris.get(path) or from_fs_path(str(path)) or path.as_uri() for path in snapshot.diagnostics}
        sent = set(uris.values())
        # Clears first: a file's URI may be spelt two ways (as the client opened it, and from its path).
        for uri in self.published.get(snapshot.folder, set()) - sent:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        for path, problems in snapshot.diagnostics.items():
            lines = snapshot.file_lines(path)
            diagnostics = [to_lsp_diagnostic(p, lines) for p in problems]
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=uris[path], diagnostics=diagnostics, version=versions.get(path)))
        self.published[snapshot.folder] = sent

    def lines_of(self, uri: str, source: str, version: int | None) -> list[str]:
        """The buffer's lines, split once per version (a 10,000-node map is 100,000 lines)."""
        cached = self._lines.get(uri)
        if cached is None or cached[0] != version or cached[1] is not source:
            cached = (version, source, split_lines(source))
            self._lines[uri] = cached
        return cached[2]

    def where(self, uri: str, position: types.Position) -> tuple[Snapshot | None, Path, list[str], int, int] | None:
        """The snapshot, path, buffer lines, row and character index of a request's position."""
        path = self.path_of(uri)
        if path is None:
            return None
        doc = self.workspace.text_documents.get(uri)
        lines = self.lines_of(uri, doc.source, doc.version) if doc is not None else []
        row = position.line
        col = char_index(lines[row], position.character) if 0 <= row < len(lines) else 0
        return self.snapshots.get(path.parent), path, lines, row, col


def make_server() -> ArgmapServer:
    """A server with every feature registered (not yet started)."""
    server = ArgmapServer()

    @server.feature(types.INITIALIZED)
    async def initialized(ls: ArgmapServer, params: types.InitializedParams) -> None:
        set_position_encoding(str(ls.workspace.position_encoding or "utf-16"))
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            # Maps and seeds changed on disk (a git checkout, another editor) are re-checked too.
            await ls.client_register_capability_async(types.RegistrationParams([types.Registration(
                "argmap-watch", types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                types.DidChangeWatchedFilesRegistrationOptions([
                    types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]))]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: ArgmapServer, params: types.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            path = ls.path_of(change.uri)
            if path is None:
                continue
            # A map's folder, or for a seed the folders of the maps that may quote it.
            for folder in (path.parent, path.parent.parent / "maps", path.parent.parent):
                if folder in ls.checkers:
                    ls.checkers[folder].touch(DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.changed(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.changed(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.changed(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
        ls._lines.pop(params.text_document.uri, None)
        ls.changed(params.text_document.uri, 0)  # the saved file counts again

    @server.feature(types.TEXT_DOCUMENT_COMPLETION,
                    types.CompletionOptions(trigger_characters=[":", " ", "[", ",", "\"", "'"]))
    @server.thread()
    def complete(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList | None:
        found = ls.where(params.text_document.uri, params.position)
        if found is None:
            return None
        snapshot, path, lines, row, col = found
        return completion.complete(snapshot, path, lines, row, col)

    def target(ls: ArgmapServer, uri: str, position: types.Position):
        found = ls.where(uri, position)
        if found is None or found[0] is None:
            return None, None
        snapshot, path, lines, row, col = found
        return snapshot, navigate.target_at(snapshot, path, lines, row, col)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @server.thread()
    def hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
        snapshot, found = target(ls, params.text_document.uri, params.position)
        return navigate.hover(snapshot, found) if found else None

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    @server.thread()
    def definition(ls: ArgmapServer, params: types.DefinitionParams) -> types.Location | None:
        snapshot, found = target(ls, params.text_document.uri, params.position)
        if found is not None:
            return navigate.definition(snapshot, found)
        where = ls.where(params.text_document.uri, params.position)
        if where is None or where[0] is None:
            return None
        snapshot, path, lines, row, col = where
        ctx = context_at(lines, row, col)
        if ctx is not None and ctx.key == "quote":  # from a quote to its span in the seed
            return navigate.quote_definition(snapshot, path, row)
        return None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    @server.thread()
    def references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location] | None:
        snapshot, found = target(ls, params.text_document.uri, params.position)
        if found is None:
            return None
        return navigate.references(snapshot, found, params.context.include_declaration)

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @server.thread()
    def document_symbol(ls: ArgmapServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        path = ls.path_of(params.text_document.uri)
        snapshot = ls.snapshots.get(path.parent) if path else None
        if snapshot is None:
            return []
        argmap, _ = snapshot.map_at(path)
        return symbols.document_symbols(argmap, snapshot.file_lines(path)) if argmap else []

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    @server.thread()
    def prepare_rename(ls: ArgmapServer, params: types.PrepareRenameParams) -> types.Range | None:
        _, found = target(ls, params.text_document.uri, params.position)
        return found.word_range if found else None

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    @server.thread()
    def rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        snapshot, found = target(ls, params.text_document.uri, params.position)
        if found is None:
            return None
        try:
            return edits.rename(snapshot, found, params.new_name)
        except edits.RefusedEdit as exc:
            raise JsonRpcInvalidParams(visible(str(exc), one_line=True)) from None

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.Refactor]))
    @server.thread()
    def code_action(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        where = ls.where(params.text_document.uri, params.range.start)
        if where is None or where[0] is None:
            return None
        snapshot, path, lines, _, _ = where
        return edits.code_actions(snapshot, path, params.text_document.uri, lines, params.range,
                                  params.context.diagnostics)

    @server.feature(types.WORKSPACE_SYMBOL)
    @server.thread()
    def workspace_symbol(ls: ArgmapServer, params: types.WorkspaceSymbolParams) -> list[types.WorkspaceSymbol]:
        return symbols.workspace_symbols(list(ls.snapshots.values()), params.query)

    return server


def serve() -> None:
    """Speak LSP on standard input and output until the client says exit."""
    make_server().start_io()

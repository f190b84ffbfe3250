"""A real ``argmap lsp`` process and a pytest-lsp client talking to it over stdio, on a copy of the bundled maps."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

REPO = Path(__file__).resolve().parents[2]


# The bundled maps as they stood when these tests were written: the curated maps/
# change as the maps are re-read, and these tests name their nodes and lines.
FIXTURE = Path(__file__).resolve().parent / "fixture"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the fixture's maps/ and seeds/ (the server only reads, but a test must not depend on that)."""
    shutil.copytree(FIXTURE / "maps", tmp_path / "maps")
    shutil.copytree(FIXTURE / "seeds", tmp_path / "seeds")
    return tmp_path


def _recording_client() -> LanguageClient:
    """pytest-lsp's client, keeping every publishDiagnostics in order (with its version) in ``published``."""
    features = dict(DEFAULT_CLIENT_FEATURES)

    def record(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.published.append(params)
        client.diagnostics[params.uri] = params.diagnostics

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
    client = LanguageClient(converter_factory=default_converter)
    client.published = []
    register_lsp_features(client, features)
    return client


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"],
                                              client_factory=_recording_client))
async def client(lsp_client: LanguageClient, project: Path):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=project.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=project.as_uri(), name="maps")]))
    yield
    await lsp_client.shutdown_session()


def mark(client: LanguageClient) -> int:
    """A point in the stream of published diagnostics, for :func:`diagnostics_for`'s *after*."""
    return len(client.published)


async def diagnostics_for(client: LanguageClient, uri: str, version: int | None = None,
                          after: int = 0) -> list[types.Diagnostic]:
    """The latest diagnostics published for *uri* after *after* (for *version* of it, when given).

    Fails after a generous wait rather than hanging the suite should the server never publish.
    """
    for _ in range(600):
        for params in reversed(client.published[after:]):
            if params.uri == uri and (version is None or params.version == version):
                return list(params.diagnostics)
        await asyncio.sleep(0.05)
    raise AssertionError(f"no diagnostics published for {uri} (version {version})")


def open_doc(client: LanguageClient, path: Path, text: str | None = None, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri, language_id="yaml", version=version, text=path.read_text("utf-8") if text is None else text)))
    return uri


def change_doc(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        [types.TextDocumentContentChangeWholeDocument(text=text)]))

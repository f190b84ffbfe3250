"""The server survives what a stranger's file or a wild paste holds, and stays bounded."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types
from pytest_lsp import LanguageClient

from argmap.lsp import state
from argmap.lsp.completion import complete
from argmap.lsp.context import context_at
from argmap.lsp.convert import split_lines
from argmap.lsp.navigate import target_at

from .conftest import REPO, diagnostics_for, open_doc


@pytest.mark.asyncio
async def test_deep_nesting_and_a_megabyte_line_mid_edit(client: LanguageClient, project: Path) -> None:
    path = project / "maps" / "may-2018.yaml"
    text = path.read_text("utf-8")
    deep = "map: x\nnodes: " + "[" * 200_000 + "\n"
    uri = open_doc(client, path, deep)
    [problem] = await diagnostics_for(client, uri)
    assert problem.code == "too-deep"
    long_line = text.replace("    by: may\n", "    by: " + "m" * 1_000_000 + "\n", 1)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        [types.TextDocumentContentChangeWholeDocument(text=long_line)]))
    problems = await diagnostics_for(client, uri, 2)
    assert "too-long" in {d.code for d in problems}  # the id's length is refused, not looked up
    row = long_line.splitlines().index("    by: " + "m" * 1_000_000)
    for position in (types.Position(row, 500_000), types.Position(row, 10**9), types.Position(10**9, 0)):
        doc = types.TextDocumentIdentifier(uri)
        assert await client.text_document_hover_async(types.HoverParams(doc, position)) is None
        result = await client.text_document_completion_async(types.CompletionParams(doc, position))
        assert result is None or not result.items


def test_a_buffer_over_the_size_limit_is_refused_not_parsed(monkeypatch, project: Path) -> None:
    monkeypatch.setattr(state, "MAX_FILE_BYTES", 1000)
    path = (project / "maps" / "may-2018.yaml").resolve()
    snapshot = state.check(path.parent, {path: "map: may-2018\n" + "x" * 5000})
    assert [d.code for d in snapshot.diagnostics[path]] == ["too-large"]
    assert path.read_text("utf-8").startswith("# yaml-language-server")  # the saved file stands


_YAMLISH = st.lists(st.sampled_from(list("ab:-[]{},'\"# >|\n\t\u202e\x1b\U0001F600") + [
    "supports: ", "by: ", "quote: ", "stance: ", "  ", "nodes:\n", "may-2018:", "In a sp"]), max_size=60).map("".join)


@pytest.fixture(scope="module")
def bundled() -> state.Snapshot:
    return state.check((REPO / "maps").resolve(), {})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_YAMLISH, row=st.integers(-2, 12), col=st.integers(-2, 90))
def test_completion_and_navigation_never_fail_on_any_buffer(bundled: state.Snapshot, text: str, row: int,
                                                             col: int) -> None:
    lines = split_lines(text)
    path = (REPO / "maps" / "may-2018.yaml").resolve()
    context_at(lines, row, col)
    if 0 <= row < len(lines):
        complete(bundled, path, lines, row, max(col, 0))
        target_at(bundled, path, lines, row, max(col, 0))


@pytest.mark.asyncio
async def test_a_seed_holding_terminal_controls_is_warned_about_in_the_seed(client: LanguageClient,
                                                                           project: Path) -> None:
    """As `argmap check` does: one control-char warning, at the seed's own line and column."""
    seed = project / "seeds" / "2018-pm-may-internal-market.txt"
    text = seed.read_text("utf-8")
    lines = text.split("\n")
    lines[2] = "ab\x1b[2Jcd" + lines[2]
    seed.write_text("\n".join(lines), "utf-8")
    uri = open_doc(client, project / "maps" / "may-2018.yaml")
    await diagnostics_for(client, uri)
    [problem] = await diagnostics_for(client, seed.resolve().as_uri())
    assert problem.code == "control-char" and problem.severity == types.DiagnosticSeverity.Warning
    assert (problem.range.start.line, problem.range.start.character) == (2, 2)
    assert "\\x1b" in problem.message and "\x1b" not in problem.message

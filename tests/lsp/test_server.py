"""``argmap lsp`` end to end: a pytest-lsp client drives the real server process over stdio.

Each test opens a buffer of a copy of the bundled maps (often broken, as
mid-edit) and checks what an editor would show.
"""

from __future__ import annotations

import re

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from argmap.model import Kind, Stance

from .conftest import change_doc, diagnostics_for, mark, open_doc

pytestmark = pytest.mark.asyncio

MAY = "may-2018.yaml"


def _check_json(folder: Path, cwd: Path) -> list[dict]:
    """What ``argmap check --format json`` says of *folder*."""
    done = subprocess.run([sys.executable, "-m", "argmap", "check", "--format", "json", str(folder)],
                          capture_output=True, text=True, cwd=cwd, check=False)
    return json.loads(done.stdout)["diagnostics"]


def _pos(d: types.Diagnostic) -> tuple[int, int]:
    return d.range.start.line, d.range.start.character


async def test_diagnostics_of_an_unsaved_buffer_are_argmap_checks(client: LanguageClient, project: Path) -> None:
    """Same codes, positions, messages and hints as `argmap check` on the same text saved."""
    path = project / "maps" / MAY
    text = path.read_text("utf-8")
    # A misspelt speaker, and the first plain support's target misspelt (whatever the curators map).
    support = re.search(r"^ +supports: ([\w-]+)$", text, re.M)
    broken = text.replace("by: may", "by: mayy", 1)
    broken = broken[:support.end()] + "x" + broken[support.end():]
    uri = open_doc(client, path, broken)
    got = await diagnostics_for(client, uri)
    assert path.read_text("utf-8") == text  # the server read the buffer, and wrote nothing

    saved = project / "saved"
    (saved / "maps").mkdir(parents=True)
    for f in (project / "maps").iterdir():
        (saved / "maps" / f.name).write_text(broken if f.name == MAY else f.read_text("utf-8"), "utf-8")
    (saved / "seeds").symlink_to(project / "seeds")
    expected = [d for d in _check_json(saved / "maps", saved) if d["path"].endswith(MAY)]
    assert {d["code"] for d in expected} >= {"unknown-speaker", "unknown-node"}
    assert sorted((_pos(d), d.code, d.message) for d in got) == sorted(
        ((e["line"] - 1, e["col"] - 1), e["code"], e["message"] + (f"\nhint: {e['hint']}" if e["hint"] else ""))
        for e in expected)
    speaker = next(d for d in got if d.code == "unknown-speaker")
    line = broken.splitlines()[speaker.range.start.line]
    assert line[speaker.range.start.character:speaker.range.end.character] == "mayy"


async def test_an_edit_shows_the_problems_it_causes_in_other_maps(client: LanguageClient, project: Path) -> None:
    """Renaming a node another map refers to: that map's diagnostics appear, and go when it is undone."""
    path = project / "maps" / MAY
    text = path.read_text("utf-8")
    uri = open_doc(client, path, text)
    other = (project / "maps" / "csw-hancock-2021.yaml").as_uri()
    assert await diagnostics_for(client, uri) == []
    assert await diagnostics_for(client, other) == []
    start = mark(client)  # the first check is over: what is published after this follows the edit
    change_doc(client, uri, text.replace("  lansley-mistakes:", "  lansley-errors:"), 2)
    problems = await diagnostics_for(client, other, after=start)
    assert [(d.code, d.range.start.line) for d in problems] == [("unknown-node", 291)]
    assert "'lansley-mistakes' in map 'may-2018'" in problems[0].message
    assert "did you mean 'lansley-errors'?" in problems[0].message
    start = mark(client)
    change_doc(client, uri, text, 3)
    assert await diagnostics_for(client, other, after=start) == []


async def test_broken_yaml_mid_edit_is_a_diagnostic_and_the_server_carries_on(client: LanguageClient,
                                                                               project: Path) -> None:
    path = project / "maps" / MAY
    text = path.read_text("utf-8")
    uri = open_doc(client, path, text.replace("    by: may\n", "    by: [may\n", 1))
    problems = await diagnostics_for(client, uri)
    assert [d.code for d in problems] == ["yaml-syntax"]
    # Completion still knows the map (from its last good state, or from disk).
    change_doc(client, uri, text, 2)
    assert await diagnostics_for(client, uri, 2) == []


async def test_hostile_text_is_shown_escaped_and_other_yaml_is_left_alone(client: LanguageClient,
                                                                          project: Path) -> None:
    path = project / "maps" / MAY
    text = path.read_text("utf-8").replace("by: may", 'by: "ma\\u202ey\\x1b[2J"', 1)
    uri = open_doc(client, path, text)
    problems = await diagnostics_for(client, uri)
    messages = "".join(d.message for d in problems)
    assert "\u202e" not in messages and "\x1b" not in messages
    assert "control character U+202E" in messages and "\\x1b[2J" in messages
    # A YAML file that is not a map gets nothing at all (no "a map file is a mapping" noise).
    ci = project / "ci.yaml"
    ci.write_text("jobs: {build: {runs-on: ubuntu}}\n")
    open_doc(client, ci)
    hover = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(ci.as_uri()), types.Position(0, 2)))
    assert hover is None
    assert ci.as_uri() not in client.diagnostics


async def _complete(client: LanguageClient, uri: str, line: int, character: int) -> list[types.CompletionItem]:
    result = await client.text_document_completion_async(types.CompletionParams(
        types.TextDocumentIdentifier(uri), types.Position(line, character)))
    assert isinstance(result, types.CompletionList)
    return sorted(result.items, key=lambda i: i.sort_text or i.label)


async def _open_with(client: LanguageClient, project: Path, old: str, new: str) -> tuple[str, int, str]:
    """Open may-2018 with *old* replaced by *new*; the line of the change and the buffer's text."""
    path = project / "maps" / MAY
    text = path.read_text("utf-8").replace(old, new, 1)
    uri = open_doc(client, path, text)
    await diagnostics_for(client, uri)
    line = next(i for i, l in enumerate(text.splitlines()) if l.startswith(new.splitlines()[0]))
    return uri, line, text


async def test_completion_of_node_ids_where_a_relation_expects_one(client: LanguageClient, project: Path) -> None:
    uri, line, text = await _open_with(client, project, "    supports: roll-back-internal-market\n",
                                       "    supports: [targets-review, \n")
    col = len(text.splitlines()[line])
    items = await _complete(client, uri, line, col)
    labels = [i.label for i in items]
    own = [l for l in labels if ":" not in l]
    assert "roll-back-internal-market" in own and "csw-hancock-2021:reform-package" in labels
    assert labels.index(own[-1]) < labels.index("csw-hancock-2021:reform-package")  # this map's first
    # Typing 'map:' narrows to that map's nodes.
    uri2, line2, text2 = await _open_with(client, project, "    supports: roll-back-internal-market\n",
                                          "    supports: csw-hancock-2021:re\n")
    items = await _complete(client, uri2, line2, len(text2.splitlines()[line2]))
    assert items and all(i.label.startswith("csw-hancock-2021:re") for i in items)
    edit = items[0].text_edit
    assert (edit.range.start.character, edit.range.end.character) == (14, 33)


async def test_completion_of_speakers_kinds_and_stances(client: LanguageClient, project: Path) -> None:
    uri, line, _ = await _open_with(client, project, "    by: may\n", "    by: \n")
    assert {"may", "news-report", "sector"} <= {i.label for i in await _complete(client, uri, line, 8)}
    # Who says an ascribed or reported node is held is a speaker too.
    uri, line, _ = await _open_with(client, project, "    by: may\n", "    by: may\n    said_by: \n")
    assert {"may", "news-report", "sector"} <= {i.label for i in await _complete(client, uri, line + 1, 13)}
    uri, line, _ = await _open_with(client, project, "    kind: claim\n", "    kind: \n")
    assert [i.label for i in await _complete(client, uri, line, 10)] == sorted(k.value for k in Kind)
    uri, line, text = await _open_with(client, project, "    stance: { tendering: against,",
                                       "    stance: { tendering: ")
    items = await _complete(client, uri, line, len("    stance: { tendering: "))
    assert [i.label for i in items] == sorted(s.value for s in Stance)
    uri, line, text = await _open_with(client, project, "    stance: { tendering: against,", "    stance: { ")
    items = await _complete(client, uri, line, len("    stance: { "))
    assert {"tendering", "integration"} <= {i.label for i in items}


async def test_quote_completion_offers_the_seeds_sentences_unmapped_first(client: LanguageClient,
                                                                          project: Path) -> None:
    uri, line, _ = await _open_with(client, project,
                                    "    text: There will be a clinically led review of NHS targets.\n",
                                    "    text: There will be a clinically led review of NHS targets.\n"
                                    "    quote: In a sp\n")
    items = await _complete(client, uri, line + 1, len("    quote: In a sp"))
    assert items[0].detail == "unmapped sentence"
    # Inserted verbatim, quoted as YAML needs (the sentence ends with a colon).
    assert items[0].text_edit.new_text == '"In a speech today, Theresa May also said:"'
    uri, line, _ = await _open_with(client, project,
                                    "    text: There will be a clinically led review of NHS targets.\n",
                                    "    text: There will be a clinically led review of NHS targets.\n"
                                    "    quote: The prime minister")
    items = await _complete(client, uri, line + 1, len("    quote: The prime minister"))
    assert items and all(i.label.startswith("The prime minister") for i in items)
    assert all(i.detail == "already quoted" for i in items)


async def test_hover_definition_and_references_across_maps(client: LanguageClient, project: Path) -> None:
    csw = project / "maps" / "csw-hancock-2021.yaml"
    uri = open_doc(client, csw)
    await diagnostics_for(client, uri)
    lines = csw.read_text("utf-8").splitlines()
    row = next(i for i, l in enumerate(lines) if "may-2018:lansley-mistakes" in l)
    at = types.Position(row, lines[row].index("lansley") + 2)
    doc = types.TextDocumentIdentifier(uri)
    hover = await client.text_document_hover_async(types.HoverParams(doc, at))
    text = hover.contents.value
    assert text.startswith("claim may-2018:lansley-mistakes — grounded: in\n")
    assert "by Unidentified news outlet (2018)" in text  # the speaker chain
    assert "»Ms May’s comments also represent a clear admission" in text  # the quote in context
    assert "supported by: csw-hancock-2021:lansley-reform, contracts-problem" in text

    found = await client.text_document_definition_async(types.DefinitionParams(doc, at))
    may = project / "maps" / MAY
    assert found.uri == may.as_uri()
    assert may.read_text("utf-8").splitlines()[found.range.start.line] == "  lansley-mistakes:"

    refs = await client.text_document_references_async(types.ReferenceParams(
        text_document=doc, position=at, context=types.ReferenceContext(include_declaration=False)))
    places = {(Path(r.uri).name, r.range.start.line) for r in refs}
    assert ("csw-hancock-2021.yaml", row) in places
    may_lines = may.read_text("utf-8").splitlines()
    linked = next(i for i, l in enumerate(may_lines) if "lansley-mistakes]" in l)
    assert ("may-2018.yaml", linked) in places
    for r in refs:  # each reference's range covers the id as written
        file_lines = (project / "maps" / Path(r.uri).name).read_text("utf-8").splitlines()
        assert file_lines[r.range.start.line][r.range.start.character:r.range.end.character].endswith(
            "lansley-mistakes")


async def test_document_and_workspace_symbols(client: LanguageClient, project: Path) -> None:
    path = project / "maps" / MAY
    uri = open_doc(client, path)
    await diagnostics_for(client, uri)
    outline = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        types.TextDocumentIdentifier(uri)))
    groups = {s.name.split(" ")[0]: s for s in outline}
    assert {"claims", "premises", "speakers"} <= set(groups)
    assert "roll-back-internal-market" in {c.name for c in groups["claims"].children}
    found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="lansley"))
    assert "may-2018:lansley-mistakes" in {s.name for s in found}


async def test_a_map_changed_on_disk_is_rechecked(client: LanguageClient, project: Path) -> None:
    """A saved change to a map that is not open (a git checkout) reaches the open map's diagnostics."""
    path = project / "maps" / MAY
    uri = open_doc(client, path)
    assert await diagnostics_for(client, uri) == []
    other = project / "maps" / "csw-hancock-2021.yaml"
    start = mark(client)
    other.write_text(other.read_text("utf-8").replace("may-2018:lansley-mistakes", "may-2018:lansley-mistaks"),
                     "utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        [types.FileEvent(uri=other.as_uri(), type=types.FileChangeType.Changed)]))
    problems = await diagnostics_for(client, other.as_uri(), after=start)
    assert [d.code for d in problems] == ["unknown-node"]


async def test_definition_of_a_quote_is_its_span_in_the_seed(client: LanguageClient, project: Path) -> None:
    path = project / "maps" / MAY
    uri = open_doc(client, path)
    await diagnostics_for(client, uri)
    lines = path.read_text("utf-8").splitlines()
    row = lines.index("      - NHS legislation open to change - PM")
    found = await client.text_document_definition_async(types.DefinitionParams(
        types.TextDocumentIdentifier(uri), types.Position(row, 12)))
    seed = project / "seeds" / "2018-pm-may-internal-market.txt"
    assert found.uri == seed.as_uri()
    seed_lines = seed.read_text("utf-8").splitlines()
    start, end = found.range.start, found.range.end
    assert start.line == end.line
    assert seed_lines[start.line][start.character:end.character] == "NHS legislation open to change - PM"

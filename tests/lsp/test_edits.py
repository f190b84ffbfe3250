"""Rename and code actions through the real server: workspace edits the editor applies (argmap writes nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from .conftest import diagnostics_for, open_doc

pytestmark = pytest.mark.asyncio

MAY = "may-2018.yaml"


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    """*text* with *edits* applied, as an editor would (ASCII lines: columns are characters)."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start = offsets[edit.range.start.line] + edit.range.start.character
        end = offsets[edit.range.end.line] + edit.range.end.character
        text = text[:start] + edit.new_text + text[end:]
    return text


def _cross_map_target(maps: Path) -> tuple[str, str, str]:
    """A node that another map refers to: (its map file, its id, the referring map file)."""
    from argmap.project import load

    project = load([maps]).project
    for relation in project.relations():
        if relation.source.map_id != relation.target.map_id:
            target = project.maps[relation.target.map_id]
            source = project.maps[relation.source.map_id]
            return Path(target.path).name, relation.target.node_id, Path(source.path).name
    raise AssertionError("the bundled maps have no cross-map relation")


async def test_rename_a_node_across_maps(client: LanguageClient, project: Path) -> None:
    maps = project / "maps"
    home, node_id, referrer = _cross_map_target(maps)
    uri = open_doc(client, maps / home)
    await diagnostics_for(client, uri)
    before = {f.name: f.read_text("utf-8") for f in maps.iterdir()}
    row = before[home].splitlines().index(f"  {node_id}:")
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=types.TextDocumentIdentifier(uri), position=types.Position(row, 5), new_name="renamed-node"))
    assert {f.name: f.read_text("utf-8") for f in maps.iterdir()} == before  # nothing written
    after = {Path(u).name: _apply(before[Path(u).name], e) for u, e in edit.changes.items()}
    assert {home, referrer} <= set(after)
    home_map_id = home.removesuffix(".yaml")
    assert f"{home_map_id}:renamed-node" in after[referrer]
    assert f"  {node_id}:" not in after[home] and "  renamed-node:" in after[home]
    # The renamed maps check as before.
    from argmap.project import load

    problems_before = [d.format() for d in load([maps]).diagnostics]
    for name, text in after.items():
        (maps / name).write_text(text, "utf-8")
    assert [d.format() for d in load([maps]).diagnostics] == problems_before


SPEAKERS_MAP = """\
map: voices
title: Every place a speaker is named
source:
  seed: voices.txt
  genre: opinion-column
  parts:
    column: {genre: opinion-column, speaker: heath, starts: Heath wrote}
    comment:
      genre: reader-comment
      speaker: heath
      starts: A reader wrote
speakers:
  heath: {name: Allister Heath}
  commenter: {name: A commenter, via: heath, adopts: [heath]}
  rayner:
    name: Angela Rayner
    via: heath
    adopts:
      - commenter
      - heath
nodes:
  lie:
    kind: claim
    by: rayner
    force: ascribed
    said_by: heath
    text: Criticism is an attack.
    quote: Heath wrote that Rayner thinks criticism is an attack.
  reason:
    kind: premise
    by: commenter
    via: heath
    text: Staff are criticised.
    quote: A reader wrote that staff are criticised.
    supports: {to: lie, by: heath}
"""
SPEAKERS_SEED = "Heath wrote that Rayner thinks criticism is an attack. A reader wrote that staff are criticised.\n"


async def test_rename_a_speaker_everywhere_it_is_named(client: LanguageClient, project: Path) -> None:
    maps = project / "maps"
    (maps / "voices.yaml").write_text(SPEAKERS_MAP, "utf-8")
    (project / "seeds" / "voices.txt").write_text(SPEAKERS_SEED, "utf-8")
    uri = open_doc(client, maps / "voices.yaml")
    assert await diagnostics_for(client, uri) == []
    row = SPEAKERS_MAP.splitlines().index("  heath: {name: Allister Heath}")
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=types.TextDocumentIdentifier(uri), position=types.Position(row, 3), new_name="allister"))
    (changed_uri, edits), = edit.changes.items()
    after = _apply(SPEAKERS_MAP, edits)
    # parts' speaker (flow and block), via, adopts (flow and block lists), by, said_by, a support's by
    assert after == SPEAKERS_MAP.replace("heath", "allister")  # "Heath" in text and quotes untouched
    assert len(edits) == SPEAKERS_MAP.count("heath") == 10
    from argmap.project import load

    (maps / "voices.yaml").write_text(after, "utf-8")
    assert [d.format() for d in load([maps / "voices.yaml"]).diagnostics] == []


async def test_rename_refuses_what_is_not_an_id(client: LanguageClient, project: Path) -> None:
    uri = open_doc(client, project / "maps" / MAY)
    await diagnostics_for(client, uri)
    row = next(i for i, line in enumerate((project / "maps" / MAY).read_text("utf-8").splitlines())
               if line.startswith("  ") and not line.startswith("   ") and line.rstrip().endswith(":")
               and i > (project / "maps" / MAY).read_text("utf-8").splitlines().index("nodes:"))
    with pytest.raises(JsonRpcException, match="not an id"):
        await client.text_document_rename_async(types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri), position=types.Position(row, 5),
            new_name="two words: \x1b[2J"))


async def _actions(client: LanguageClient, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))


async def test_code_actions_fix_a_misspelt_id_and_a_near_miss_quote(client: LanguageClient, project: Path) -> None:
    path = project / "maps" / MAY
    saved = path.read_text("utf-8")
    text = (saved.replace("    by: may\n", "    by: mayy\n", 1)
            .replace("      - NHS legislation open to change - PM", "      - NHS legislation is open to changes - PM", 1))
    uri = open_doc(client, path, text)
    problems = await diagnostics_for(client, uri)
    edits = []
    for code in ("unknown-speaker", "quote-not-found"):
        [problem] = [d for d in problems if d.code == code]
        [fix] = [a for a in await _actions(client, uri, problem) if a.kind == types.CodeActionKind.QuickFix]
        edits += fix.edit.changes[uri]
    fixed = _apply(text, edits)
    assert fixed == saved


async def test_code_action_adds_a_node_for_an_unmapped_sentence(client: LanguageClient, project: Path) -> None:
    path = project / "maps" / MAY
    uri = open_doc(client, path)
    assert await diagnostics_for(client, uri) == []
    anywhere = types.Diagnostic(range=types.Range(types.Position(3, 0), types.Position(3, 0)), message="")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=anywhere.range,
        context=types.CodeActionContext(diagnostics=[])))
    [add] = [a for a in actions if "In a speech today" in a.title]
    text = _apply(path.read_text("utf-8"), add.edit.changes[uri])
    node = yaml.safe_load(text)["nodes"]["in-a-speech-today"]
    assert node["quote"] == "In a speech today, Theresa May also said:"
    path.write_text(text, "utf-8")
    from argmap.project import load

    # It checks without errors; it is an orphan (a warning) until the curator connects it.
    assert [d.code for d in load([path.parent]).diagnostics] == ["orphan"]

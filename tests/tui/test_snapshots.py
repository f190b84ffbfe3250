"""Snapshots of the main screens at 80x24 and 120x40, on the fixed fixture maps.

Update after a deliberate change with ``pytest tests/tui --snapshot-update``
and look at the SVGs in tests/tui/__snapshots__/ before committing them.
The fixture, not the curated maps/, is drawn: those change every day.
Labels (another module's text) and file watching are off, so the pictures
depend on the TUI alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from argmap.model import Ref
from argmap.tui.app import ArgmapApp

from .conftest import FIXTURE, loaded

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture
def in_fixture(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the fixture folder, so paths show as maps/alpha.yaml."""
    monkeypatch.chdir(FIXTURE)
    return FIXTURE


def make_app() -> ArgmapApp:
    return ArgmapApp(["maps"], watch=False, analysis=False)


async def _settle(pilot: Pilot) -> None:
    for input_ in pilot.app.screen.query(Input):
        input_.cursor_blink = False
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_browser(snap_compare, in_fixture, size) -> None:
    async def run_before(pilot: Pilot) -> None:
        await loaded(pilot)
        tree = pilot.app.browser.tree
        tree.select(tree.map_node("alpha"))
        tree.action_expand_subtree()
        pilot.app.jump(Ref("alpha", "tendering-saves"))
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_source(snap_compare, in_fixture, size) -> None:
    async def run_before(pilot: Pilot) -> None:
        await loaded(pilot)
        pilot.app.jump(Ref("alpha", "savings-illusory"))
        await pilot.press("s")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_topics(snap_compare, in_fixture, size) -> None:
    async def run_before(pilot: Pilot) -> None:
        await loaded(pilot)
        await pilot.press("t", "down", "right")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_search(snap_compare, in_fixture, size) -> None:
    async def run_before(pilot: Pilot) -> None:
        await loaded(pilot)
        await pilot.press("slash", *"tendering kind:p")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_problems(snap_compare, tmp_path, monkeypatch, size) -> None:
    shutil.copytree(FIXTURE, tmp_path / "set")
    monkeypatch.chdir(tmp_path / "set")
    alpha = Path("maps/alpha.yaml")
    alpha.write_text(alpha.read_text().replace("by: critic", "by: nobody"))

    async def run_before(pilot: Pilot) -> None:
        await loaded(pilot)
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, in_fixture, size) -> None:
    async def run_before(pilot: Pilot) -> None:
        await loaded(pilot)
        await pilot.press("question_mark")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


def test_browser_follows_the_theme(snap_compare, in_fixture) -> None:
    async def run_before(pilot: Pilot) -> None:
        await loaded(pilot)
        pilot.app.theme = "textual-light"
        pilot.app.jump(Ref("alpha", "tendering-saves"))
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run_before)


# -- what commentary does (issue 12), on its own fixture: tests/tui/commentary ---------------------

COMMENTARY = Path(__file__).resolve().parent / "commentary"


@pytest.fixture
def in_commentary(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(COMMENTARY)
    return COMMENTARY


@pytest.mark.parametrize("size", SIZES)
def test_commentary_browser(snap_compare, in_commentary, size) -> None:
    """Forces, qualifications both ways, schemes and a related_to link in the tree and detail."""
    async def run_before(pilot: Pilot) -> None:
        await loaded(pilot)
        tree = pilot.app.browser.tree
        tree.select(tree.map_node("gamma"))
        tree.action_expand_subtree()
        pilot.app.jump(Ref("gamma", "not-enough"))
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


def test_commentary_reading(snap_compare, in_commentary) -> None:
    async def run_before(pilot: Pilot) -> None:
        await loaded(pilot)
        pilot.app.jump("gamma")
        await pilot.press("v")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_commentary_topics(snap_compare, in_commentary) -> None:
    """An ascribed position in a row apart; a qualified stance explained below the matrix."""
    async def run_before(pilot: Pilot) -> None:
        await loaded(pilot)
        await pilot.press("t", "right", *["down"] * 6)  # to the ascribed row, last
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=run_before)

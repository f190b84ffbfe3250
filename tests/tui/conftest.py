"""Fixtures for the TUI tests: a fixed pair of maps, and ways to wait on the app."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from argmap.model import Ref

FIXTURE = Path(__file__).resolve().parent / "fixture"


@pytest.fixture
def fixture_maps(tmp_path: Path) -> Path:
    """A private copy of tests/tui/fixture (maps/ and seeds/); returns its maps/ folder.

    The copy can be edited by a test; paths are shown relative to tmp_path.
    """
    shutil.copytree(FIXTURE, tmp_path / "set")
    return tmp_path / "set" / "maps"


async def wait_until(pilot: Pilot, condition: Callable[[], object], what: str = "condition",
                     limit: float = 15.0) -> None:
    """Let the app run until *condition* holds (a bounded wait, not a timing test)."""
    waited = 0.0
    while not condition():
        if waited >= limit:
            raise AssertionError(f"gave up waiting for {what}")
        await pilot.pause(0.05)
        waited += 0.05
    await pilot.pause()


async def loaded(pilot: Pilot, loads: int = 1) -> None:
    """Wait for the app's first (or *loads*-th) load to be on screen."""
    app = pilot.app
    await wait_until(pilot, lambda: app.loads >= loads, f"load {loads}")
    if getattr(app, "with_analysis", False):
        await wait_until(pilot, lambda: app.labels is not None or app.labels_note not in ("", "computing\u2026"),
                         "labels")


def cursor_ref(app) -> Ref | None:
    row = app.browser.tree.cursor_row
    return row.ref if row is not None else None


def cursor_row(app):
    return app.browser.tree.cursor_row


@pytest.fixture
def anyio_backend() -> str:
    """Async tests run on asyncio (Textual's loop), through anyio's pytest plugin."""
    return "asyncio"


async def save_until(pilot: Pilot, path: Path, text: str, condition: Callable[[], object], what: str,
                     limit: float = 20.0) -> None:
    """Write *text* to *path* as an editor would, until the app shows *condition*.

    The write is repeated every two seconds in case it landed before the
    file watcher was listening; a bounded wait, not a timing test.
    """
    waited = 0.0
    while True:
        path.write_text(text, encoding="utf-8")
        try:
            await wait_until(pilot, condition, what, limit=2.0)
            return
        except AssertionError:
            waited += 2.0
            if waited >= limit:
                raise

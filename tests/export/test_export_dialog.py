"""The explorer's export dialog: SVG, PNG or PDF by choice or by name, a free absolute path."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from argmap.tui.app import ArgmapApp
from argmap.tui.exporting import default_name
from tests.tui.conftest import anyio_backend, fixture_maps, loaded, wait_until  # noqa: F401 (fixtures)

pytestmark = pytest.mark.anyio
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="PNG and PDF need the system Graphviz")


def make_app(maps: Path) -> ArgmapApp:
    return ArgmapApp([str(maps)], watch=False)


def test_default_name_is_absolute_and_free(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert default_name("may", None) == str(tmp_path / "may.svg")
    (tmp_path / "may.png").write_text("taken")
    os.symlink("nowhere", tmp_path / "may-2.png")   # a dangling link is taken too
    assert default_name("may", None, fmt="png") == str(tmp_path / "may-3.png")


@needs_dot
async def test_choosing_png_rewrites_the_name_and_writes_png(fixture_maps: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(fixture_maps)
    async with app.run_test(notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("x")
        field = app.screen.query_one("#export-path")
        assert field.value == str(tmp_path / "alpha.svg")
        await pilot.click("#export-png")
        await pilot.pause()
        assert field.value == str(tmp_path / "alpha.png")
        field.focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: (tmp_path / "alpha.png").exists(), "the PNG", limit=60)
        await app.workers.wait_for_complete()
        assert (tmp_path / "alpha.png").read_bytes().startswith(b"\x89PNG")
        await pilot.pause()
        assert any(str(tmp_path / "alpha.png") in n.message for n in app._notifications)


@needs_dot
async def test_a_typed_relative_pdf_name_is_written_and_reported_absolute(
        fixture_maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    app = make_app(fixture_maps)
    async with app.run_test(notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("x")
        app.screen.query_one("#export-path").value = "sub/report.pdf"
        await pilot.pause()
        assert app.screen.query_one("#export-pdf").value   # the name picked the format
        await pilot.press("enter")
        target = tmp_path / "sub" / "report.pdf"
        await wait_until(pilot, target.exists, "the PDF", limit=60)
        await app.workers.wait_for_complete()
        assert target.read_bytes().startswith(b"%PDF")
        await pilot.pause()
        assert any(str(target) in n.message for n in app._notifications)


async def test_other_formats_and_existing_files_are_refused(fixture_maps: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken.svg").write_text("keep me")
    app = make_app(fixture_maps)
    async with app.run_test() as pilot:
        await loaded(pilot)
        await pilot.press("x")
        field = app.screen.query_one("#export-path")
        for name, said in (("x.json", "not JSON"), ("taken.svg", "exists")):
            field.value = name
            await pilot.press("enter")
            assert said in str(app.screen.query_one("#export-status").render())
        assert (tmp_path / "taken.svg").read_text() == "keep me"
        assert sorted(os.listdir(tmp_path)) == ["set", "taken.svg"]

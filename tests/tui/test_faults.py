"""The explorer under faults: a folder made unreadable, a broken map at start, many reloads.

Whatever happens on disk, the app keeps the last good version on screen,
says what went wrong (a notice and the problems panel), and goes on
answering keys.
"""

from __future__ import annotations

import gc
import os
import stat
import sys
import textwrap
from pathlib import Path

import pytest

import argmap.tui.app as app_module
from argmap.model import Ref
from argmap.tui.app import ArgmapApp

from .conftest import cursor_ref, cursor_row, loaded, wait_until

pytestmark = pytest.mark.anyio


def _notices(app: ArgmapApp) -> str:
    return "\n".join(n.message for n in app._notifications)


def _problems(app: ArgmapApp) -> str:
    return "\n".join(str(o.prompt) for o in app.browser.problems.options)


async def _reload(pilot, app: ArgmapApp) -> None:
    before = app.loads
    await pilot.press("r")
    await wait_until(pilot, lambda: app.loads > before, "the reload")


async def test_a_load_that_raises_keeps_the_last_good_version(fixture_maps: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # What discover() meets when the maps folder is made unreadable (chmod 000)
    # while the app runs; as root, chmod cannot cause it, so the error is raised here.
    app = ArgmapApp([str(fixture_maps)], watch=False)
    async with app.run_test(notifications=True) as pilot:
        await loaded(pilot)
        app.jump(Ref("alpha", "slow"))
        await pilot.pause()
        good = app.project
        real_load = app_module.load

        def unreadable(paths, **options):
            raise PermissionError(13, "Permission denied", str(fixture_maps))

        monkeypatch.setattr(app_module, "load", unreadable)
        await _reload(pilot, app)
        assert app.is_running and app.project is good
        assert cursor_ref(app) == Ref("alpha", "slow")
        panel = app.browser.problems
        assert panel.display
        assert f"{fixture_maps}: error[io]: cannot read: Permission denied" in _problems(app)
        assert "Permission denied" in _notices(app)
        await pilot.press("up")  # still answers keys
        assert cursor_ref(app) != Ref("alpha", "slow")
        monkeypatch.setattr(app_module, "load", real_load)
        await _reload(pilot, app)
        assert not panel.display and app.project is not good


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="chmod 000 does not stop root (or Windows) from reading")
async def test_maps_folder_made_unreadable_while_running(fixture_maps: Path) -> None:
    app = ArgmapApp([str(fixture_maps)], watch=False)
    async with app.run_test(notifications=True) as pilot:
        await loaded(pilot)
        good = app.project
        mode = fixture_maps.stat().st_mode
        fixture_maps.chmod(0)
        try:
            await _reload(pilot, app)
        finally:
            fixture_maps.chmod(stat.S_IMODE(mode))
        assert app.is_running and app.project is good
        assert app.browser.problems.display and "Permission denied" in _problems(app)


async def test_a_first_load_that_raises_is_reported_and_the_app_responds(
        fixture_maps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(paths, **options):
        raise RuntimeError("the loader fell over")

    monkeypatch.setattr(app_module, "load", broken)
    app = ArgmapApp([str(fixture_maps)], watch=False, analysis=False)
    async with app.run_test(notifications=True) as pilot:
        await loaded(pilot)
        assert app.project is None
        assert "no maps loaded" in str(app.browser.tree.border_subtitle)
        assert "RuntimeError: the loader fell over" in _problems(app)
        await pilot.press("down", "g", "/", "t", "e", "x", "escape")
        assert app.is_running


async def test_a_watcher_that_cannot_watch_says_so(fixture_maps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable(self):
        raise PermissionError(13, "Permission denied", str(fixture_maps))

    monkeypatch.setattr(ArgmapApp, "watched_dirs", unreadable)
    app = ArgmapApp([str(fixture_maps)], watch=True)
    async with app.run_test(notifications=True) as pilot:
        await loaded(pilot)
        await wait_until(pilot, lambda: "stopped watching" in _notices(app), "the notice")
        assert app.is_running


BROKEN = "map: alpha\ntitle: [unclosed\nnodes: {}\n"


async def test_a_map_broken_at_start_has_a_row_saying_why(fixture_maps: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    (fixture_maps / "alpha.yaml").write_text(BROKEN, encoding="utf-8")
    log = tmp_path / "editor.log"
    editor = tmp_path / "fake-editor"
    editor.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import sys
        open({str(log)!r}, "w").write(" ".join(sys.argv[1:]))
        """))
    editor.chmod(0o755)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(editor))
    app = ArgmapApp([str(fixture_maps)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        tree = app.browser.tree
        rows = [child.data for child in tree.root.children]
        assert [r.kind for r in rows] == ["map", "broken"]
        broken = rows[1]
        assert broken.map_id.endswith("alpha.yaml")
        assert "does not load" in str(tree.root.children[1].label)
        assert "1 file not loaded" in str(tree.border_subtitle)
        tree.select(tree.root.children[1])  # (the one map that loaded is open above it)
        await pilot.pause()
        assert cursor_row(app) is broken
        detail = "\n".join(str(o.prompt) for o in app.browser.detail.options)
        assert "error[" in detail
        await pilot.press("x", "X")  # nothing to draw: no crash, no prompt
        assert app.screen is app.browser
        await pilot.press("e")
        await wait_until(pilot, log.exists, "the editor")
        line = app.broken[broken.map_id][0].pos.line
        assert log.read_text() == f"+{line} {(fixture_maps / 'alpha.yaml').resolve()}"


async def test_reloads_do_not_pile_up_frozen_objects(fixture_maps: Path) -> None:
    # gc.freeze() on every load put each old project (and the widgets that
    # showed it) out of the collector's reach for good: ~1.5 MB a reload.
    # Now each reload hands the frozen objects back and collects first, so
    # the frozen count stays what one project and its screen need.
    app = ArgmapApp([str(fixture_maps)], watch=False, analysis=False)
    async with app.run_test() as pilot:
        await loaded(pilot)
        await _reload(pilot, app)
        await _reload(pilot, app)
        frozen = gc.get_freeze_count()
        for _ in range(4):
            await _reload(pilot, app)
        assert gc.get_freeze_count() <= frozen * 1.01, (frozen, gc.get_freeze_count())

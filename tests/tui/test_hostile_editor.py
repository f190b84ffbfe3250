"""`e` and Enter on a problem run the user's editor: no file name may become an editor command.

A stranger's map folder can hold a file named ``+!touch pwned.yaml``; run
as ``vi +3 +!touch pwned.yaml`` (the old command line), vim executes it.
And an editor that cannot start must leave the explorer usable.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import stat
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.errors import UsageError
from argmap.model import Ref
from argmap.tui.app import ArgmapApp
from argmap.tui.editor import editor_command, resolve_editor

from .conftest import cursor_ref, loaded, wait_until

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fake editors are POSIX scripts")

HOSTILE_NAMES = ["+!touch pwned.yaml", "-c!touch pwned.yaml", "--cmd=!touch pwned.yaml",
                 "-", "has space.yaml", "new\nline.yaml", "+12", "-u NONE.yaml"]


# -- the command line, as a pure function ------------------------------------------------------

@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("editor", ["vi", "vim", "/usr/bin/nvim", "nano", "emacs -nw", "kak", "my-editor"])
def test_the_file_is_an_absolute_path_and_nothing_else_reads_as_an_option(
        name: str, editor: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    argv = editor_command(name, 7, {"EDITOR": editor})
    words = editor.split()
    assert argv[:len(words)] == words
    rest = argv[len(words):]
    assert rest[-1] == str(tmp_path / name)  # absolute, the name unchanged
    assert rest[0] == "+7"
    assert rest[1:-1] in ([], ["--"])
    if Path(words[0]).name in ("vi", "vim", "nvim", "nano"):
        assert rest[1:-1] == ["--"]


def test_editor_words_are_split_as_a_shell_would() -> None:
    assert editor_command("/m/x.yaml", 3, {"EDITOR": "code --wait"}) == ["code", "--wait", "--goto", "/m/x.yaml:3"]
    assert editor_command("/m/x.yaml", 3, {"EDITOR": "'/opt/my editor/vim' -u NONE"}) == [
        "/opt/my editor/vim", "-u", "NONE", "+3", "--", "/m/x.yaml"]


def test_visual_first_then_editor_then_vi() -> None:
    assert editor_command("/x", 1, {"VISUAL": "nano", "EDITOR": "vim"})[0] == "nano"
    assert editor_command("/x", 1, {"VISUAL": "  ", "EDITOR": "vim"})[0] == "vim"
    assert editor_command("/x", 1, {})[0] == "vi"
    assert editor_command("/x", 0, {})[1] == "+1"  # never "+0" or "+-1"


def test_an_unsplittable_editor_setting_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match=r"\$EDITOR"):
        editor_command("/x", 1, {"EDITOR": 'vim "-u NONE'})


def test_resolve_editor_says_why_a_program_cannot_start(tmp_path: Path) -> None:
    script = tmp_path / "not-executable"
    script.write_text("#!/bin/sh\n")
    assert "not installed" in resolve_editor(["no-such-editor-argmap"], {"PATH": str(tmp_path)})
    assert "does not exist" in resolve_editor([str(tmp_path / "gone")])
    assert "not an executable" in resolve_editor([str(script)])
    assert "not an executable" in resolve_editor([str(tmp_path)])
    assert resolve_editor([sys.executable]) is None


# -- through the explorer -------------------------------------------------------------------------

def _recording_editor(tmp_path: Path, log: Path, status: int = 0) -> Path:
    """A fake editor that writes its argv (as JSON) to *log* and exits with *status*."""
    editor = tmp_path / "record-editor"
    editor.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import json, sys
        open({str(log)!r}, "w").write(json.dumps(sys.argv[1:]))
        sys.exit({status})
        """))
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    return editor


def _hostile_folder(fixture_maps: Path, name: str) -> Path:
    """The fixture's maps with alpha.yaml renamed to *name*; returns the new file."""
    target = fixture_maps / name
    (fixture_maps / "alpha.yaml").rename(target)
    return target


@pytest.mark.anyio
@pytest.mark.parametrize("name", ["+!touch pwned.yaml", "-c!touch pwned.yaml", "has space.yaml"])
async def test_e_passes_a_hostile_file_name_as_an_absolute_path(
        name: str, fixture_maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "argv.json"
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(_recording_editor(tmp_path, log)))
    target = _hostile_folder(fixture_maps, name)
    monkeypatch.chdir(fixture_maps)  # so the map's path shows as the bare hostile name
    app = ArgmapApp(["."], watch=False)
    async with app.run_test() as pilot:
        await loaded(pilot)
        app.jump(Ref("alpha", "slow"))
        await pilot.pause()
        line = app.project.node(Ref("alpha", "slow")).pos.line
        await pilot.press("e")
        await wait_until(pilot, log.exists, "the editor to run")
        assert json.loads(log.read_text()) == [f"+{line}", str(target)]


@pytest.mark.anyio
@pytest.mark.skipif(shutil.which("vim") is None, reason="vim is not installed")
async def test_vim_does_not_run_a_file_name_as_a_command(fixture_maps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Real vim, in silent Ex mode so it needs no terminal: on the old command
    # line ("vim +N +!touch pwned.yaml") it created pwned.yaml.
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", "vim -es -u NONE -i NONE -N")
    _hostile_folder(fixture_maps, "+!touch pwned.yaml")
    monkeypatch.chdir(fixture_maps)
    app = ArgmapApp(["."], watch=False)
    async with app.run_test() as pilot:
        await loaded(pilot)
        loads = app.loads
        await pilot.press("e")
        await wait_until(pilot, lambda: app.loads > loads, "the reload after the editor")
    assert not (fixture_maps / "pwned.yaml").exists()
    assert not (fixture_maps / "pwned").exists()


def _notices(app: ArgmapApp) -> str:
    return "\n".join(n.message for n in app._notifications)


async def _still_responds(pilot, app: ArgmapApp) -> None:
    """Keys still move the cursor: the app is not stuck after the failed editor."""
    before = cursor_ref(app)
    await pilot.press("right", "down")
    await pilot.pause()
    assert cursor_ref(app) is not None and cursor_ref(app) != before
    assert app.is_running


@pytest.mark.anyio
@pytest.mark.parametrize(("editor", "says"), [
    ("/nonexistent/editor", "does not exist"),
    ("no-such-editor-argmap --wait", "not installed"),
    ('vim "-u NONE', "cannot read $EDITOR"),
])
async def test_an_editor_that_cannot_start_is_reported_and_the_app_responds(
        editor: str, says: str, fixture_maps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", editor)
    app = ArgmapApp([str(fixture_maps)], watch=False)
    async with app.run_test(notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert says in _notices(app)
        await _still_responds(pilot, app)


@pytest.mark.anyio
async def test_an_editor_that_fails_at_once_is_reported(fixture_maps: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "argv.json"
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(_recording_editor(tmp_path, log, status=3)))
    app = ArgmapApp([str(fixture_maps)], watch=False)
    async with app.run_test(notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        await wait_until(pilot, log.exists, "the editor to run")
        await pilot.pause()
        assert "exited with status 3" in _notices(app)
        await _still_responds(pilot, app)


@pytest.mark.anyio
async def test_the_terminal_is_given_back_when_the_editor_cannot_be_executed(
        fixture_maps: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An executable whose interpreter is missing passes every check and fails
    # only at exec, inside App.suspend, which does not resume if its body raises.
    editor = tmp_path / "bad-interpreter"
    editor.write_text("#!/nonexistent/interpreter\n")
    editor.chmod(0o755)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(editor))
    app = ArgmapApp([str(fixture_maps)], watch=False)
    suspended: list[str] = []

    @contextlib.contextmanager
    def suspend() -> Iterator[None]:
        suspended.append("suspended")
        yield  # an exception from the body would skip the next line, as in Textual
        suspended.append("resumed")

    monkeypatch.setattr(app, "suspend", suspend)
    async with app.run_test(notifications=True) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert suspended == ["suspended", "resumed"]
        assert "cannot run the editor" in _notices(app)
        await _still_responds(pilot, app)


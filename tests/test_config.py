"""The settings file: read without ever raising, written without losing the user's text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap import config
from argmap.config import ConfigError, Settings, load_settings, remember


def test_every_test_has_a_private_settings_file(tmp_path: Path) -> None:
    # conftest's autouse fixture: no test touches the user's real settings.
    path = config.config_path()
    assert os.environ["ARGMAP_CONFIG"] == str(path)
    assert "settings" in str(path) and not path.exists()


def test_without_override_the_platform_config_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("ARGMAP_CONFIG")
    assert config.config_path() == platformdirs.user_config_path("argmap") / "config.toml"


def test_a_missing_file_is_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "nothing.toml") == (Settings(), [])
    assert load_settings() == (Settings(), [])


def test_good_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('theme = "nord"\nsplit = 35\nsemantics = "preferred"\nrenderer = "embedded"\n')
    assert load_settings(path) == (Settings("nord", 35, "preferred", "embedded"), [])


def test_bad_keys_and_values_are_reported_where_they_are_and_the_rest_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('# my settings\ntheme = "nord"\nsplt = 30\nsplit = 200\nsemantics = 3\nrenderer = true\n')
    settings, problems = load_settings(path)
    assert settings == Settings(theme="nord")
    shown = [p.format() for p in problems]
    assert shown[0].startswith(f"{path}:3:1: warning[config]: unknown setting 'splt'; did you mean 'split'?")
    assert shown[1].startswith(f"{path}:4:1: error[config]: split must be between 10 and 90")
    assert f"{path}:5:1: error[config]: semantics must be one of grounded, preferred, stable" in shown[2]
    assert f"{path}:6:1: error[config]: renderer must be one of auto, dot, embedded" in shown[3]


@pytest.mark.parametrize("text", ["theme = \n", "theme = 'a\n", "[[x]\n", "split = 1\nsplit = 2\n"])
def test_toml_syntax_errors_give_file_line_col(tmp_path: Path, text: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text)
    settings, [problem] = load_settings(path)
    assert settings == Settings()
    assert problem.code == "syntax" and problem.pos is not None and problem.pos.path == str(path)


@pytest.mark.parametrize("data", [b"\xff\xfe t", b"x" * (config.MAX_CONFIG_BYTES + 1), b"a = " + b"[" * 100_000])
def test_hostile_files_give_a_diagnostic_not_an_exception(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(data)
    settings, problems = load_settings(path)
    assert settings == Settings() and problems and str(path) in problems[0].format()


def test_an_unreadable_path_is_an_io_diagnostic(tmp_path: Path) -> None:
    settings, [problem] = load_settings(tmp_path)  # a folder
    assert (settings, problem.code) == (Settings(), "io") and str(tmp_path) in problem.format()


def test_controls_in_the_path_are_shown_visibly(tmp_path: Path) -> None:
    path = tmp_path / "c\x1b[31m.toml"
    path.write_text("split = 'wide'\n")
    [problem] = load_settings(path)[1]
    assert "\x1b" not in problem.format() and "\\x1b" in problem.format()


def test_remember_keeps_comments_and_other_keys(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('# my settings\ntheme = "nord"  # the one I like\nsemantics = "stable"\n')
    remember("split", 30, path)
    remember("theme", "gruvbox", path)
    text = path.read_text()
    assert "# my settings" in text and 'theme = "gruvbox"  # the one I like' in text
    assert load_settings(path) == (Settings("gruvbox", 30, "stable", None), [])
    remember("theme", None, path)
    assert load_settings(path)[0] == Settings(None, 30, "stable", None)


def test_remember_creates_the_folder_and_file(tmp_path: Path) -> None:
    remember("renderer", "dot")
    assert load_settings() == (Settings(renderer="dot"), [])
    assert not [p for p in config.config_path().parent.iterdir() if p.name.endswith(".tmp")]


def test_remember_refuses_bad_values_and_never_loses_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    with pytest.raises(ConfigError, match="split must be between"):
        remember("split", 5, path)
    with pytest.raises(ConfigError, match="did you mean 'theme'"):
        remember("thme", "nord", path)
    broken = b"# hand-edited\ntheme = \n"
    path.write_bytes(broken)
    with pytest.raises(ConfigError, match="not valid TOML") as caught:
        remember("split", 40, path)
    assert caught.value.path == str(path) and isinstance(caught.value, OSError)
    assert path.read_bytes() == broken


def test_remember_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "argmap.toml"
    real.parent.mkdir()
    real.write_text("# kept in git\n")
    link = tmp_path / "config.toml"
    link.symlink_to(real)
    remember("split", 50, link)
    assert link.is_symlink() and "# kept in git" in real.read_text() and "split = 50" in real.read_text()


def test_remember_into_a_folder_is_an_oserror_naming_the_path(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.mkdir()
    with pytest.raises(OSError) as caught:
        remember("split", 40, path)
    assert str(path) in str(caught.value)


def test_remember_into_a_read_only_folder_is_a_write_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        blocked = tmp_path / "file"
        blocked.write_text("")
        path = blocked / "c.toml"  # a parent that is a file fails for root too
    else:
        tmp_path.chmod(0o500)
        path = tmp_path / "c.toml"
    with pytest.raises(OSError) as caught:
        remember("split", 40, path)
    assert str(path) in str(caught.value)


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    os.mkfifo(path)
    settings, [problem] = load_settings(path)
    assert (settings, problem.code) == (Settings(), "io") and "not a regular file" in problem.message
    with pytest.raises(ConfigError, match="not a regular file"):
        remember("split", 40, path)

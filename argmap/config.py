"""The user's settings: one TOML file in the platform's config folder.

The file (documented in the README's "Settings" section) lives at
``$ARGMAP_CONFIG`` if that is set, otherwise at
``platformdirs.user_config_path("argmap") / "config.toml"``
(``~/.config/argmap/config.toml`` on Linux).  It holds top-level keys only::

    theme = "gruvbox"        # the explorer's theme
    split = 40               # the explorer's tree pane width, in percent
    semantics = "preferred"  # argmap eval's default --semantics
    renderer = "embedded"    # argmap export's default --renderer

Reading never raises: a missing file gives the defaults, and a file that is
unreadable, too large, not TOML, or holds unknown keys or bad values gives
diagnostics (``path:line:col`` where known) and the defaults for what is
wrong, keeping what is right.  Writing (:func:`remember`) changes one key,
keeps the user's comments and other keys (tomlkit), and writes atomically.
The command line always wins over the file.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TextIO, TypeVar

from .diagnostics import Diagnostic, error, warning
from .errors import ArgmapError, ConfigError, WriteError
from .model import Pos
from .visible import visible

__all__ = ["Settings", "ConfigError", "config_path", "load_settings", "remember", "chosen", "KEYS",
           "SPLIT_RANGE"]

ENV_VAR = "ARGMAP_CONFIG"
MAX_CONFIG_BYTES = 1024 * 1024  # a settings file is a few lines; this bounds the work on a hostile one
SPLIT_RANGE = (10, 90)  # the tree pane's width in percent: both panes stay usable


@dataclass(frozen=True)
class Settings:
    """What the config file sets; ``None`` means "not set": the built-in default applies."""

    theme: str | None = None
    split: int | None = None  # tree pane width in percent
    semantics: str | None = None
    renderer: str | None = None


KEYS = tuple(f.name for f in fields(Settings))


def config_path() -> Path:
    """Where the settings live: ``$ARGMAP_CONFIG``, else the platform's config folder."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    import platformdirs  # only here: most commands never look at the settings

    return platformdirs.user_config_path("argmap") / "config.toml"


# -- validation ----------------------------------------------------------------------------------


def _check_theme(value: object) -> str | None:
    # The explorer knows the theme names (Textual's); here only the shape is checked,
    # so an unknown theme is reported by the explorer, which can list the real ones.
    if not isinstance(value, str) or not value.strip():
        return "must be a theme name (a non-empty string)"
    if len(value) > 100 or any(not (ch.isalnum() or ch in "-_") for ch in value):
        return "must be a theme name: letters, digits, '-' and '_'"
    return None


def _check_split(value: object) -> str | None:
    low, high = SPLIT_RANGE
    if isinstance(value, bool) or not isinstance(value, int):
        return f"must be a whole number of percent, {low} to {high}"
    if not low <= value <= high:
        return f"must be between {low} and {high} (percent of the width), not {value}"
    return None


def _one_of(names: Callable[[], tuple[str, ...]]) -> Callable[[object], str | None]:
    def check(value: object) -> str | None:
        choices = names()
        if isinstance(value, str) and value in choices:
            return None
        return f"must be one of {', '.join(choices)}"

    return check


def _semantics() -> tuple[str, ...]:
    from .analysis.semantics import SEMANTICS

    return SEMANTICS


def _renderers() -> tuple[str, ...]:
    from .export.render import RENDERERS

    return RENDERERS


_CHECKS: dict[str, Callable[[object], str | None]] = {
    "theme": _check_theme,
    "split": _check_split,
    "semantics": _one_of(_semantics),
    "renderer": _one_of(_renderers),
}


def check_value(key: str, value: object) -> str | None:
    """Why *value* cannot be the setting *key*, or ``None`` if it can."""
    if key not in _CHECKS:
        from .suggest import did_you_mean

        hint = did_you_mean(key, KEYS)
        return f"unknown setting {key!r}" + (f"; {hint}" if hint else f"; settings are {', '.join(KEYS)}")
    return _CHECKS[key](value)


# -- reading -------------------------------------------------------------------------------------


def load_settings(path: Path | None = None) -> tuple[Settings, list[Diagnostic]]:
    """The settings in *path* (default :func:`config_path`) and the problems found; never raises."""
    try:
        path = config_path() if path is None else Path(path)
    except Exception as exc:  # platformdirs found no home folder, say
        return Settings(), [error("io", f"cannot find the settings folder: {exc}")]
    shown = visible(os.fspath(path), one_line=True)
    try:
        data = _read(path)
    except FileNotFoundError:
        return Settings(), []
    except (OSError, ValueError) as exc:  # a folder, no permission, a NUL in $ARGMAP_CONFIG...
        reason = getattr(exc, "strerror", None) or str(exc)
        return Settings(), [Diagnostic("io", f"cannot read the settings file: {reason}", path=shown)]
    if len(data) > MAX_CONFIG_BYTES:
        return Settings(), [Diagnostic("too-large", f"the settings file is over {MAX_CONFIG_BYTES:,} bytes; "
                                       "it should hold a few lines", path=shown)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Settings(), [Diagnostic("encoding", f"the settings file is not UTF-8 (byte {exc.start})",
                                       path=shown)]
    import tomllib

    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Settings(), [_syntax_error(exc, text, os.fspath(path))]
    except RecursionError:  # deeply nested arrays: not a settings file
        return Settings(), [Diagnostic("syntax", "the settings file is nested too deeply", path=shown)]
    return _settings(table, text, os.fspath(path))


def _read(path: Path) -> bytes:
    """At most MAX_CONFIG_BYTES + 1 bytes of *path*, which must be a regular file.

    A FIFO or device there would block or never end: refused before opening.
    """
    import stat

    if not stat.S_ISREG(os.stat(path).st_mode):
        raise OSError(0, "it is a folder" if os.path.isdir(path) else "not a regular file (a FIFO, device or socket)")
    with open(path, "rb") as handle:
        return handle.read(MAX_CONFIG_BYTES + 1)


def _settings(table: dict, text: str, name: str) -> tuple[Settings, list[Diagnostic]]:
    values: dict[str, object] = {}
    problems = []
    for key, value in table.items():
        why = check_value(key, value)
        pos = _key_pos(text, key, name)
        if why is None:
            values[key] = value
        elif key in _CHECKS:
            problems.append(error("config", f"{key} {why}; using the default",
                                  pos, hint=f"{key} = {_example(key)}"))
        else:
            problems.append(warning("config", why, pos))
    shown = visible(name, one_line=True)
    problems = [p if p.pos else replace(p, path=shown) for p in problems]
    return Settings(**values), problems


def _example(key: str) -> str:
    return {"theme": '"textual-dark"', "split": "40", "semantics": '"grounded"', "renderer": '"auto"'}[key]


def _key_pos(text: str, key: str, name: str) -> Pos | None:
    """Where the top-level *key* is set: the first line ``key =`` before any table header."""
    pattern = re.compile(r"[ \t]*(?:" + re.escape(key) + r"|\"" + re.escape(key) + r"\"|'" + re.escape(key)
                         + r"')[ \t]*=")
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("["):
            header = line.strip().strip("[]").strip().strip("\"'")
            if header == key:
                return Pos(name, number, line.index("[") + 1)
            break
        if pattern.match(line):
            return Pos(name, number, len(line) - len(line.lstrip()) + 1)
    return None


_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_AT_END = " (at end of document)"


def _syntax_error(exc: Exception, text: str, name: str) -> Diagnostic:
    """tomllib's error with its ``(at line L, column C)`` (or end of document) as ``path:L:C``."""
    message = str(exc)
    found = _AT.search(message)
    if found:
        return error("syntax", f"the settings file is not valid TOML: {message[:found.start()]}",
                     Pos(name, int(found.group(1)), int(found.group(2))))
    if message.endswith(_AT_END):
        last = text.rsplit("\n", 1)[-1]
        return error("syntax", f"the settings file is not valid TOML: {message[:-len(_AT_END)]} at its end",
                     Pos(name, text.count("\n") + 1, len(last) + 1))
    return Diagnostic("syntax", f"the settings file is not valid TOML: {message}",
                      path=visible(name, one_line=True))


# -- the command line over the file -------------------------------------------------------------

T = TypeVar("T")


def chosen(key: str, given: T | None, fallback: T, err: TextIO | None = None) -> T:
    """What a command uses for *key*: the command line's *given* value, else the settings file's, else *fallback*.

    The file is read only when the command line does not decide; its
    problems are printed to *err* (standard error), and what is wrong in it
    is ignored, so a broken settings file never stops a command.
    """
    if given is not None:
        return given
    settings, problems = load_settings()
    for problem in problems:
        print(f"argmap: settings: {problem.format()}", file=err or sys.stderr)
    value = getattr(settings, key)
    return fallback if value is None else value


# -- writing -------------------------------------------------------------------------------------


def remember(key: str, value: object, path: Path | None = None) -> None:
    """Set *key* to *value* in the settings file, keeping everything else in it as it was.

    ``None`` removes the key (back to the default).  A settings file that is
    a symbolic link (dotfiles kept elsewhere) is written where it points.

    Raises ConfigError for an unknown key, a bad value or a file that is not
    TOML (it is not replaced: the user's file is never lost), and
    WriteError (both are OSError and ArgmapError) if it cannot be written.
    """
    path = config_path() if path is None else Path(path)
    shown = visible(os.fspath(path), one_line=True)
    why = check_value(key, value) if value is not None or key not in _CHECKS else None
    if why is not None:
        raise ConfigError(f"cannot remember {key} in {shown}: {key} {why}" if key in _CHECKS
                          else f"cannot remember {key!r} in {shown}: {why}", path)
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    try:
        data = _read(path)
    except FileNotFoundError:
        data = b""
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read {shown}: {getattr(exc, 'strerror', None) or exc}", path) from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{shown} is over {MAX_CONFIG_BYTES:,} bytes; not changing it", path)
    try:
        document = tomlkit.parse(data.decode("utf-8"))
    except (UnicodeDecodeError, TOMLKitError, RecursionError) as exc:
        raise ConfigError(f"{shown} is not valid TOML, so it is left as it is: "
                          f"{visible(str(exc), one_line=True)}", path) from None
    if value is None:
        document.pop(key, None)
    else:
        document[key] = value
    if os.path.islink(path):
        path = Path(os.path.realpath(path))
    from .atomic import write_text

    try:
        # The settings file is argmap's own: replacing it (atomically) is the point.
        write_text(path, tomlkit.dumps(document), overwrite=True)
    except WriteError:
        raise
    except ArgmapError as exc:  # a folder or FIFO where the file should be
        raise ConfigError(str(exc), path) from None

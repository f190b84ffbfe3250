"""The command that opens a map file in the user's editor, safe for any file name.

A map folder may come from a stranger, so a file name may be built to look
like an option or an editor command: vim runs ``+!touch x`` as an Ex
command, and ``-c…`` as one too.  The file is always passed as an absolute
path (it starts with ``/``, so no editor reads it as an option or a
``+command``), after ``--`` for the editors known to take it.  ``$VISUAL``
and ``$EDITOR`` are split into words as a shell would (``code --wait``), as
git does.  No Textual here: the app suspends itself around :func:`run_editor`.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import threading
from collections.abc import Mapping
from pathlib import Path

from ..errors import UsageError

__all__ = ["editor_command", "resolve_editor", "run_editor", "DEFAULT_EDITOR"]

DEFAULT_EDITOR = "vi"

# Editors whose command line ends options at "--" and take "+LINE" before it.
_TAKES_DASHES = frozenset({"vi", "vim", "nvim", "view", "ex", "gvim", "mvim", "nano", "rnano"})
# Editors that want "--goto FILE:LINE" rather than "+LINE FILE".
_GOTO = frozenset({"code", "code-insiders", "codium", "vscodium", "cursor"})


def editor_command(path: str | os.PathLike, line: int,
                   environ: Mapping[str, str] | None = None) -> list[str]:
    """The argv that opens *path* at *line*: ``vi +12 -- /abs/maps/x.yaml``.

    ``$VISUAL``, else ``$EDITOR``, else ``vi``, split as a shell would.
    Raises UsageError when the variable cannot be split (an unclosed quote).
    """
    env = os.environ if environ is None else environ
    name = "VISUAL" if (env.get("VISUAL") or "").strip() else "EDITOR"
    setting = env.get(name) or ""
    try:
        words = shlex.split(setting)
    except ValueError as exc:
        raise UsageError(f"cannot read ${name} ({setting!r}): {exc}") from None
    if not words:
        words = [DEFAULT_EDITOR]
    # Absolute, so "+!cmd", "-c…" or "--cmd" in a name stays part of a path.
    target = os.path.abspath(os.fspath(path))
    line = max(1, int(line))
    program = Path(words[0]).name.lower()
    program = program[:-4] if program.endswith(".exe") else program
    if program in _GOTO:
        return [*words, "--goto", f"{target}:{line}"]
    if program in _TAKES_DASHES:
        return [*words, f"+{line}", "--", target]
    return [*words, f"+{line}", target]


def resolve_editor(command: list[str], environ: Mapping[str, str] | None = None) -> str | None:
    """Why *command* cannot be started, or None if its program is there and executable.

    Checked before the app hands over the terminal: a program that is not
    found would otherwise leave the screen blank until the user finds out.
    """
    env = os.environ if environ is None else environ
    program = command[0]
    if os.sep in program or (os.altsep and os.altsep in program):
        if not os.path.exists(program):
            return f"{program} does not exist"
        if os.path.isdir(program) or not os.access(program, os.X_OK):
            return f"{program} is not an executable program"
        return None
    if shutil.which(program, path=env.get("PATH", os.defpath)) is None:
        return f"{program!r} is not installed (not found on $PATH)"
    return None


def run_editor(command: list[str], *, interactive: bool) -> int | OSError:
    """Run the editor; its exit status, or the OSError that kept it from starting.

    While an editor owns the terminal, Ctrl+C is its key: as git does, the
    app ignores SIGINT until the editor exits (set after the start, so the
    editor keeps its own), since an interrupt raised here would leave the
    app suspended, the screen blank.
    """
    try:
        process = subprocess.Popen(command, stdin=None if interactive else subprocess.DEVNULL)
    except OSError as exc:  # vanished since checked, not executable, a bad interpreter line
        return exc
    previous = None
    if interactive and threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return process.wait()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)

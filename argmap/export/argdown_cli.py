"""The Argdown CLI (``@argdown/cli``), run safely: finding it, and the JSON it makes of a document.

argmap parses no Argdown itself: ``argmap import argdown`` hands an
Argdown document to the real parser, and tests and benchmarks compare our
export with what it reads.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import ArgmapError
from ..visible import visible

__all__ = ["find_cli", "run_cli", "is_json", "CLI_TIMEOUT"]

CLI_TIMEOUT = 300  # seconds the Argdown CLI may take over one document
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# The Argdown CLI's IncludePlugin pattern (argdown-node): it replaces each match, before parsing, with
# the named file's text, from any path, so a stranger's document could read the user's files into a map.
_INCLUDE = re.compile(r"@include\([^)]+\)")


def find_cli(search: Iterable[os.PathLike | str] = ()) -> list[str] | None:
    """The command that runs the Argdown CLI (``@argdown/cli``), if it is installed.

    ``$ARGDOWN_CLI`` wins; then ``argdown`` on PATH; then an npm install
    (``node_modules/.bin/argdown``) in one of the *search* folders, which
    also needs ``node`` on PATH.  Tests, benchmarks and ``argmap import
    argdown FILE.argdown`` use it.
    """
    explicit = os.environ.get("ARGDOWN_CLI")
    if explicit:
        return explicit.split()
    found = shutil.which("argdown")
    if found:
        return [found]
    if shutil.which("node") is None:
        return None
    for folder in search:
        candidate = Path(folder) / "node_modules" / ".bin" / "argdown"
        if candidate.exists():
            return [str(candidate)]
    return None


def run_cli(source: bytes) -> bytes:
    """The JSON the Argdown CLI makes of an Argdown document (*source*), run on a copy in a fresh folder.

    A copy under a name of ours: no file name from the user reaches the
    command line (where it could read as an option), and no configuration
    file beside the user's document (``argdown.config.js`` runs code) is read.
    A document that includes other files (``@include(...)``) is refused:
    the CLI would read them from any path.
    """
    if _INCLUDE.search(source.decode("utf-8", "replace")):
        raise ArgmapError("the document includes other files (@include), which the Argdown CLI would read from "
                          "anywhere on this machine; argmap does not run it on such a document. Run 'argdown json "
                          "FILE --stdout' yourself where you trust the included files, and import that JSON")
    command = find_cli()
    if command is None:
        raise ArgmapError("this is an Argdown document; reading it needs the Argdown CLI, which is not installed "
                          "(npm install -g @argdown/cli, or set ARGDOWN_CLI to its path); or import the JSON that "
                          "'argdown json FILE --stdout' writes")
    with tempfile.TemporaryDirectory(prefix="argmap-argdown-") as folder:
        (Path(folder) / "input.argdown").write_bytes(source)

        def run(*extra: str) -> subprocess.CompletedProcess:
            return subprocess.run([*command, "json", "./input.argdown", "--stdout", *extra], cwd=folder, check=False,
                                  stdin=subprocess.DEVNULL, capture_output=True, timeout=CLI_TIMEOUT)
        try:
            done = run("--silent")
            if done.returncode == 0 and done.stdout.strip():
                return done.stdout
            said = run()   # again, to have the CLI say what is wrong (--silent says nothing)
        except subprocess.TimeoutExpired:
            raise ArgmapError(f"the Argdown CLI took more than {CLI_TIMEOUT} s over the file; not imported") from None
        except OSError as exc:
            raise ArgmapError(f"cannot run the Argdown CLI ({visible(' '.join(command), one_line=True)}): "
                              f"{exc.strerror or exc}") from None
    message = _ANSI.sub("", (said.stdout + said.stderr).decode("utf-8", "replace")).replace(folder, "")
    lines = [visible(line.strip(), one_line=True) for line in message.splitlines() if line.strip()][:6]
    raise ArgmapError("the Argdown CLI could not read the document" + (": " + "; ".join(lines) if lines else ""))


def is_json(data: bytes) -> bool:
    """Whether *data* is JSON rather than an Argdown document (a JSON object starts with '{')."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"

"""The README's sample output is what the commands print: generated from real runs, checked here.

Each sample in README.md sits between ``<!-- sample: NAME -->`` and ``<!-- /sample -->`` as a
``console`` block: the command, then what it prints (standard output, then standard error).
After changing what a command prints, rewrite them with::

    .venv/bin/python tests/test_readme_samples.py
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
_BLOCK = re.compile(r"(<!-- sample: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(\n<!-- /sample -->)", re.S)


def _break_may_2018(project: Path) -> None:
    """The two mistakes the check sample shows: a shortened relation target and a misquote."""
    path = project / "maps" / "may-2018.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    supports: intentions-right\n", "    supports: intentions\n", 1)
    text = text.replace("in the early 1990s were right.'", "in the early 1990s was right.'", 1)
    path.write_text(text, encoding="utf-8")


# name: (command line as shown, how to prepare a copy of the project for it)
SAMPLES: dict[str, tuple[str, Callable[[Path], None] | None]] = {
    "check": ("argmap check", _break_may_2018),
    "check-clean": ("argmap check may-2018", None),
    "search": ("argmap search 'by:hewitt kind:claim autonomy'", None),
    "typo": ("argmap exprot may-2018", None),
}


def run_sample(name: str, workdir: Path) -> str:
    """Run sample *name* in a fresh copy of the bundled maps and seeds; its console block."""
    from argmap.cli import main

    command, prepare = SAMPLES[name]
    project = workdir / name
    for folder in ("maps", "seeds"):
        shutil.copytree(REPO / folder, project / folder)
    if prepare is not None:
        prepare(project)
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(project)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main(shlex.split(command)[1:])
            except SystemExit:  # argparse's exit for a usage error
                pass
    finally:
        os.chdir(previous)
    return f"```console\n$ {command}\n{out.getvalue()}{err.getvalue()}```"


def readme_samples() -> dict[str, str]:
    return {m.group("name"): m.group("body") for m in _BLOCK.finditer(README.read_text(encoding="utf-8"))}


def test_every_sample_is_in_the_readme() -> None:
    assert set(readme_samples()) == set(SAMPLES)


def test_the_readme_shows_what_the_commands_print(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    shown = readme_samples()
    for name in SAMPLES:
        assert shown[name] == run_sample(name, tmp_path), (
            f"README sample {name!r} is out of date: run .venv/bin/python tests/test_readme_samples.py")


def write() -> None:
    """Rewrite every sample in README.md from a real run."""
    import tempfile

    os.environ["NO_COLOR"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("ARGMAP_CONFIG", str(Path(tmp) / "config.toml"))  # not the user's settings
        fresh = {name: run_sample(name, Path(tmp)) for name in SAMPLES}
    text = README.read_text(encoding="utf-8")
    README.write_text(_BLOCK.sub(lambda m: m.group(1) + fresh[m.group("name")] + m.group(4), text), encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    write()

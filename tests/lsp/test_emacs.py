"""A second real editor against ``argmap lsp``: Emacs with eglot, an unsaved edit, the diagnostics read back.

Skips where Emacs or eglot is not installed (Debian: emacs-nox and elpa-eglot; eglot is built in from Emacs 29).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def _emacs_with_eglot() -> str:
    emacs = shutil.which("emacs")
    if emacs is None:
        pytest.skip("emacs is not installed")
    probe = subprocess.run([emacs, "--batch", "-Q", "--eval",
                            "(progn (dolist (d (file-expand-wildcards \"/usr/share/emacs/site-lisp/elpa/*\"))"
                            " (add-to-list 'load-path d)) (princ (if (require 'eglot nil t) \"yes\" \"no\")))"],
                           capture_output=True, text=True, timeout=60, check=False)
    if probe.stdout.strip() != "yes":
        pytest.skip("eglot is not installed for this Emacs")
    return emacs


def test_emacs_eglot_shows_the_checkers_diagnostics_for_an_unsaved_edit(project: Path, tmp_path: Path) -> None:
    emacs = _emacs_with_eglot()
    subprocess.run(["git", "init", "-q", str(project)], check=True)  # eglot's project: a version-controlled folder
    map_path = project / "maps" / "may-2018.yaml"
    saved = map_path.read_text("utf-8")
    out = tmp_path / "diagnostics.json"
    env = {**os.environ, "ARGMAP_PYTHON": sys.executable, "ARGMAP_MAP": str(map_path), "ARGMAP_OUT": str(out)}
    run = subprocess.run([emacs, "--batch", "-Q", "-l", str(HERE / "emacs_diagnostics.el")],
                         cwd=project, env=env, capture_output=True, text=True, timeout=180, check=False)
    assert out.exists(), run.stderr[-2000:]
    diagnostics = json.loads(out.read_text("utf-8") or "[]") or []  # json-encode writes null for none
    [speaker] = [d for d in diagnostics if "[unknown-speaker]" in d["text"]]
    row = saved.splitlines().index("    by: may")
    assert (speaker["line"], speaker["col"], speaker["end_col"]) == (row, 8, 12)
    assert "names unknown speaker 'mayy'" in speaker["text"] and speaker["type"] == "eglot-error"
    assert map_path.read_text("utf-8") == saved  # the edit stayed in the editor

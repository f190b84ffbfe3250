"""A real editor against ``argmap lsp``: Neovim headless, its built-in client, an unsaved edit, the diagnostics read back.

Skips where ``nvim`` is not installed.  Debian 12 packages Neovim 0.7, which has
``vim.lsp.start_client`` but not yet ``vim.lsp.start``; the script uses whichever there is.
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


def _nvim() -> str:
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("nvim is not installed")
    return nvim


def test_neovim_shows_the_checkers_diagnostics_for_an_unsaved_edit(project: Path, tmp_path: Path) -> None:
    nvim = _nvim()
    map_path = project / "maps" / "may-2018.yaml"
    saved = map_path.read_text("utf-8")
    out = tmp_path / "diagnostics.json"
    env = {**os.environ, "ARGMAP_PYTHON": sys.executable, "ARGMAP_MAP": str(map_path), "ARGMAP_OUT": str(out)}
    subprocess.run([nvim, "--headless", "--clean", "-u", "NONE", "-c", f"luafile {HERE / 'nvim_diagnostics.lua'}"],
                   cwd=project, env=env, capture_output=True, text=True, timeout=120, check=False)
    result = json.loads(out.read_text("utf-8"))
    assert result["found"], result
    [speaker] = [d for d in result["diagnostics"] if d["code"] == "unknown-speaker"]
    row = saved.splitlines().index("    by: may")
    assert (speaker["line"], speaker["col"], speaker["end_col"]) == (row, 8, 12)
    assert speaker["message"].startswith("node 'roll-back-internal-market' names unknown speaker 'mayy'")
    assert "hint: did you mean 'may'?" in speaker["message"]
    assert map_path.read_text("utf-8") == saved  # the edit stayed in the editor

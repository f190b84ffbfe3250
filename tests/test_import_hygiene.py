"""The model, loader and checker import nothing from Textual (or Graphviz).

Data flows one way: loader -> model -> validation -> consumers.  A consumer
leaking into the core would make `argmap check` slow and the model hard to
reuse, so this is checked in a fresh interpreter.
"""

from __future__ import annotations

import subprocess
import sys

from .conftest import MAPS

CORE = ["argmap", "argmap.model", "argmap.project", "argmap.yamlsource", "argmap.structure",
        "argmap.spec", "argmap.build", "argmap.validate", "argmap.quotes", "argmap.diagnostics",
        "argmap.coverage", "argmap.cli"]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'graphviz', 'wasmtime'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_argmap_check_does_not_load_textual() -> None:
    code = (
        "import sys\nfrom argmap.cli import main\n"
        f"main(['check', '-q', {str(MAPS)!r}])\n"
        "print('textual' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.strip().splitlines()[-1] == "False"

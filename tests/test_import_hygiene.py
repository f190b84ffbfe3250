"""The model, loader and checker import nothing from Textual (or Graphviz).

Data flows one way: loader -> model -> validation -> consumers.  A consumer
leaking into the core would make `argmap check` slow and the model hard to
reuse, so this is checked in a fresh interpreter.  `argmap check` is also
held to what it needs: not the other commands, the exporters or the TUI, nor
standard modules that only help, bug reports, JSON output or hints use.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys

from .conftest import MAPS

CORE = ["argmap", "argmap.model", "argmap.project", "argmap.yamlsource", "argmap.structure",
        "argmap.spec", "argmap.build", "argmap.validate", "argmap.quotes", "argmap.diagnostics",
        "argmap.coverage", "argmap.cli"]

GUI = ("textual", "rich", "graphviz", "wasmtime")

# What `argmap check` (text output, clean maps) must not load, packages with their submodules.
NOT_FOR_CHECK = (
    "argmap.export", "argmap.tui", "argmap.coverage", "argmap.palette", "argmap.atomic",
    "argmap.analysis.common", "argmap.analysis.search", "argmap.analysis.show",
    "argmap.analysis.stances", "argmap.analysis.stats",
    "traceback",  # only for ARGMAP_DEBUG
    "json",       # only for --format json
    "difflib",    # only for "did you mean" hints
)
# Modules, owned elsewhere, that still import one of the above at module level.  Delete an
# entry when its module imports the name where it is used: the tests then enforce it.
STILL_IMPORTED_BY: dict[str, str] = {}

# Runs a command in a fresh interpreter; prints the modules loaded and, for each argmap
# module, the modules whose objects (or which themselves) it binds at module level.
_PROBE = """
import contextlib, io, sys, types
from argmap.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(ARGV)
loaded = sorted(sys.modules)
def owner(value):
    return value.__name__ if isinstance(value, types.ModuleType) else getattr(value, "__module__", None)
binds = {name: sorted({o for v in vars(m).values() if isinstance(o := owner(v), str)})
         for name, m in list(sys.modules.items()) if name.split(".")[0] == "argmap" and m is not None}
print(repr({"loaded": loaded, "binds": binds}))
"""


def _probe(*argv: str) -> dict:
    script = _PROBE.replace("ARGV", repr(list(argv)))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return ast.literal_eval(out.strip().splitlines()[-1])


def _not_for_check(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in NOT_FOR_CHECK)


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {GUI!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_argmap_check_does_not_load_textual() -> None:
    loaded = _probe("check", "-q", str(MAPS))["loaded"]
    assert [m for m in loaded if m.split(".")[0] in GUI] == []


def test_argmap_check_loads_only_what_it_needs() -> None:
    probe = _probe("check", "-q", str(MAPS))
    excused = {name for name, holder in STILL_IMPORTED_BY.items() if name in probe["binds"].get(holder, [])}
    bad = [m for m in probe["loaded"] if _not_for_check(m) and m.split(".")[0] not in excused]
    assert bad == [], f"`argmap check` loads {bad}: import them where they are used"
    commands = [m for m in probe["loaded"] if m.startswith("argmap.commands.")]
    assert commands == ["argmap.commands.check"], "argmap.cli should import only the command it runs"


def test_no_module_check_loads_imports_at_top_level_what_check_does_not_need() -> None:
    """Stricter than the test above while argmap.spec and argmap.quotes still load json and
    difflib: a new module-level ``import json`` elsewhere would otherwise go unnoticed."""
    binds = _probe("check", "-q", str(MAPS))["binds"]
    bad = [f"{module}: {owner}" for module, owners in binds.items() for owner in owners
           if _not_for_check(owner) and STILL_IMPORTED_BY.get(owner.split(".")[0]) != module]
    assert bad == []


def test_argmap_check_format_json_works_with_json_imported_late() -> None:
    out = subprocess.run([sys.executable, "-m", "argmap", "check", "--format", "json", str(MAPS)],
                         capture_output=True, text=True).stdout
    assert json.loads(out)["version"] == 1

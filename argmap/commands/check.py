"""Check maps for every problem: YAML syntax, structure, references, quotes.

Exit status: 0 clean, 1 problems found, 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import sys

# Prints its whole result, so may end without freeing what it loaded (cli._exit_now).
EXIT_AT_ONCE = True
NAME = "check"
HELP = "validate maps and report every problem as path:line:col"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="MAP",
                        help="map files, folders or map ids (default: the project's maps/, "
                             "found from here upwards)")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    parser.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    parser.add_argument("--seeds", metavar="DIR", help="folder of seed texts (default: seeds/ beside the maps)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems, no summary")


def run(args: argparse.Namespace) -> int:
    from ..diagnostics import UNREADABLE_CODES, format_json, format_text, sort_key
    from ..locate import resolve_targets
    from ..plural import plural
    from ..project import load

    result = load(resolve_targets(args.paths, keep_missing=True), seeds_dir=args.seeds)
    diagnostics = result.diagnostics
    seed_warnings = _seed_warnings(result, args.seeds)
    if seed_warnings:
        diagnostics = sorted(diagnostics + seed_warnings, key=sort_key)
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    if args.format == "json":
        print(format_json(diagnostics, len(result.files)))
    else:
        if diagnostics:
            print(format_text(diagnostics))
        if not args.quiet:
            # The maps of the files checked: those beside them were loaded as context only.
            from ..project import display_path

            checked = {display_path(f) for f in result.files}
            maps = [m for m in result.project.maps.values() if m.path in checked]
            nodes = sum(len(m.nodes) for m in maps)
            summary = (f"{plural(len(result.files), 'file')}, {plural(len(maps), 'map')}, {plural(nodes, 'node')}: "
                       f"{plural(errors, 'error')}, {plural(warnings, 'warning')}")
            print(summary, file=sys.stderr)
    if any(d.code in UNREADABLE_CODES for d in diagnostics):
        return 2
    if errors or (args.strict and warnings):
        return 1
    return 0


def _seed_warnings(result, seeds: str | None) -> list:
    """A ``control-char`` warning for each seed of the checked maps that holds terminal controls.

    Once per seed, however many maps quote it, at the seed's own line and
    column.  The maps beside the named ones are context: their seeds are theirs.
    """
    from pathlib import Path

    from ..controls import seed_control_warning
    from ..project import _seed_dirs, display_path  # the loader's own look-up of a map's seed

    checked = {display_path(f) for f in result.files}
    seeds_dir = Path(seeds) if seeds is not None else None
    seen: set[Path] = set()
    found = []
    for argmap in result.project.maps.values():
        if argmap.seed_text is None or argmap.path not in checked:
            continue
        for folder in _seed_dirs(Path(argmap.path), seeds_dir):
            candidate = folder / argmap.source.seed
            if candidate.is_file():
                key = candidate.resolve()
                if key not in seen:
                    seen.add(key)
                    problem = seed_control_warning(argmap.seed_text, display_path(candidate))
                    if problem is not None:
                        found.append(problem)
                break
    return found

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
    from ..project import load, seed_warnings_of

    result = load(resolve_targets(args.paths, keep_missing=True), seeds_dir=args.seeds)
    diagnostics = result.diagnostics
    seed_warnings = seed_warnings_of(result, args.seeds)
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

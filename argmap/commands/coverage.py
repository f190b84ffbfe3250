"""Show how much of each seed the maps quote, and list the unmapped sentences.

Exit status 1 with --check when a seed is below its floor (opinion 90%,
news 70% of sentences).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Prints its whole result, so may end without freeing what it loaded (cli._exit_now).
EXIT_AT_ONCE = True
NAME = "coverage"
HELP = "share of each seed's sentences quoted by some node, and what is unmapped"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="MAP",
                        help="map files, folders or map ids (default: the project's maps/, found from here upwards)")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--check", action="store_true", help="exit 1 if a seed is below its floor")
    parser.add_argument("--summary", action="store_true", help="omit the list of unmapped sentences")


def run(args: argparse.Namespace) -> int:
    from ..coverage import FLOORS, map_coverage
    from ..diagnostics import UNREADABLE_CODES, format_text
    from ..locate import resolve_targets
    from ..project import display_path, load
    from ..visible import visible

    result = load(resolve_targets(args.paths))
    if result.errors:
        print(format_text(result.errors), file=sys.stderr)
        if any(d.code in UNREADABLE_CODES for d in result.errors):
            return 2
        print("argmap: coverage needs maps without errors (see argmap check)", file=sys.stderr)
        return 1
    # The maps of the files named: those beside them were loaded as context only.
    named = {display_path(f) for f in result.files}
    reports = [map_coverage(m) for m in result.project.maps.values() if m.path in named]
    failing = [r for r in reports if r.below_floor()]
    if args.format == "json":
        from ..jsonout import dumps
        print(dumps([{
            "map": r.argmap.id, "seed": r.argmap.source.seed,
            "groups": {g: {"covered": r.covered.get(g, 0), "total": r.total[g], "share": r.share(g),
                           "floor": FLOORS[g]} for g in r.total},
            "unmapped": [{"line": s.line, "genre": str(s.genre), "text": s.text} for s in r.unmapped],
        } for r in reports]))
    else:
        for r in reports:
            shares = "  ".join(f"{g} {r.covered.get(g, 0)}/{r.total[g]} ({r.share(g):.0%}, floor {FLOORS[g]:.0%})"
                               for g in sorted(r.total))
            mark = "  BELOW FLOOR" if r.below_floor() else ""
            print(f"{r.argmap.id} ({visible(r.argmap.source.seed, one_line=True)}): {shares}{mark}")
            if not args.summary:
                seed_file = Path(r.argmap.path).parent.parent / "seeds" / r.argmap.source.seed
                seed_path = visible(display_path(seed_file), one_line=True)
                for s in r.unmapped:
                    text = visible(s.text, one_line=True)
                    text = text if len(text) <= 100 else text[:97] + "..."
                    print(f"  {seed_path}:{s.line}: unmapped {s.genre}: {text}")
    return 1 if args.check and failing else 0

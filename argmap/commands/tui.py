"""Explore maps in the terminal: argument trees, sources, topics, search.

With no PATH, opens the maps in maps/.  Maps reload as they change on disk.
Press ? in the app for help.
"""

from __future__ import annotations

import argparse

NAME = "tui"
HELP = "explore maps in the terminal (the default command)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", default=["maps"], metavar="PATH",
                        help="map files or folders (default: maps/)")
    parser.add_argument("--seeds", metavar="DIR", help="folder of seed texts (default: seeds/ beside the maps)")
    parser.add_argument("--no-watch", action="store_true", help="do not reload when files change")


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..project import discover

    files, problems = discover(args.paths)
    if not files:
        raise UsageError("; ".join(f"{p.path}: {p.message}" for p in problems) or "no maps to open")
    from ..tui.app import ArgmapApp

    ArgmapApp(args.paths, seeds=args.seeds, watch=not args.no_watch).run()
    return 0

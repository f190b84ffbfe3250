"""Explore maps in the terminal: argument trees, sources, topics, search.

With no MAP, opens the project's maps/ (found from here upwards).  Maps reload as they change on disk.
Press ? in the app for help.
"""

from __future__ import annotations

import argparse

NAME = "tui"
HELP = "explore maps in the terminal (the default command)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="MAP",
                        help="map files, folders or map ids (default: the project's maps/, found from here upwards)")
    parser.add_argument("--seeds", metavar="DIR", help="folder of seed texts (default: seeds/ beside the maps)")
    parser.add_argument("--no-watch", action="store_true", help="do not reload when files change")


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..locate import resolve_targets
    from ..project import discover

    paths = [str(p) for p in resolve_targets(args.paths)]
    files, problems = discover(paths)
    if not files:
        raise UsageError("; ".join(f"{p.path}: {p.message}" for p in problems) or "no maps to open")
    from ..tui.app import ArgmapApp

    ArgmapApp(paths, seeds=args.seeds, watch=not args.no_watch).run()
    return 0

"""Print a map's argument tree as indented text (coloured on a terminal) or Markdown.

Under each conclusion come its supports (+), linked supports (together), the
undercuts of a support (⊘) and its attackers (−), each with its grounded
label.  Give NODE to print only the tree under that node.

Exit status: 0 printed, 1 the maps have errors, 2 bad paths or unknown map or node ids.
"""

from __future__ import annotations

import argparse
import sys

# Prints its whole result, so may end without freeing what it loaded (cli._exit_now).
EXIT_AT_ONCE = True
NAME = "show"
HELP = "print a map's argument tree as indented text or Markdown"


def configure(parser: argparse.ArgumentParser) -> None:
    from ..analysis.common import add_colour_option, add_maps_option

    parser.add_argument("map", metavar="MAP", help="a map file or map id")
    parser.add_argument("nodes", nargs="*", metavar="NODE", help="print only the tree under these nodes")
    parser.add_argument("-f", "--format", choices=["text", "markdown"], default="text", help="output format")
    parser.add_argument("-d", "--depth", type=int, metavar="N", help="stop N levels below each root")
    parser.add_argument("-q", "--quotes", action="store_true", help="print each node's quotes too")
    parser.add_argument("--no-labels", action="store_true", help="leave out the IN/OUT/UNDEC labels")
    parser.add_argument("-w", "--width", type=int, metavar="COLS",
                        help="wrap text at COLS columns (default: the terminal's width, or 100)")
    add_maps_option(parser)
    add_colour_option(parser)


def run(args: argparse.Namespace) -> int:
    import shutil
    from pathlib import Path

    from ..analysis.common import Style, colour_wanted, find_node, select_maps
    from ..analysis.show import render_markdown, render_text, tree
    from ..errors import UsageError

    if args.depth is not None and args.depth < 0:
        raise UsageError("--depth must be 0 or more")
    if Path(args.map).is_dir():
        from ..visible import visible
        raise UsageError(f"{visible(args.map, one_line=True)} is a folder: name one map file or map id")
    selection = select_maps([args.map], args.maps, args.seeds)
    argmap = selection.maps[0]
    project = selection.project
    start = [find_node(project, text, argmap).ref for text in args.nodes] or None
    items = tree(project, argmap, start, args.depth)
    labels = None
    if not args.no_labels:
        from ..analysis.semantics import label
        labels = label(project).labels
    if args.format == "markdown":
        sys.stdout.write(render_markdown(project, argmap, items, labels, quotes=args.quotes))
    else:
        width = args.width or (shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100)
        style = Style(colour_wanted(args.colour))
        sys.stdout.write(render_text(project, argmap, items, labels, style, width=width, quotes=args.quotes))
    return 0

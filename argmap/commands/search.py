"""Search nodes across maps; print each as path:line: id — text (like grep).

Every word of the query must occur, case-insensitively, in the node's id,
paraphrase, quotes, speaker (id or name) or tags.

Exit status: 0 found, 1 nothing found (or the maps have errors), 2 bad paths.
"""

from __future__ import annotations

import argparse
import sys

# Prints its whole result, so may end without freeing what it loaded (cli._exit_now).
EXIT_AT_ONCE = True
NAME = "search"
HELP = "find nodes by text, quote, speaker or id; prints path:line: id — text"


def configure(parser: argparse.ArgumentParser) -> None:
    from ..analysis.common import add_colour_option, add_maps_option

    parser.add_argument("query", help="words to find (all must occur; quote a phrase to pass it as one argument)")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="map files, folders or map ids (default: every map in --maps)")
    parser.add_argument("-c", "--count", action="store_true", help="print only the number of matching nodes")
    parser.add_argument("-w", "--where", action="store_true",
                        help="say where each match was found (text, quote, speaker, id, tags)")
    add_maps_option(parser)
    add_colour_option(parser)


def run(args: argparse.Namespace) -> int:
    from ..analysis.common import Style, colour_wanted, select_maps
    from ..analysis.search import highlight, search, terms_of
    from ..errors import UsageError
    from ..visible import visible

    terms = terms_of(args.query)
    if not terms:
        raise UsageError("the query is empty")
    selection = select_maps(args.paths, args.maps, args.seeds)
    hits = search(selection.maps, terms)
    if args.count:
        print(len(hits))
        return 0 if hits else 1
    style = Style(colour_wanted(args.colour))
    for hit in hits:
        if style.enabled:
            text = hit.text()  # controls made visible before colour is added
            path = style.fg(f"{visible(hit.map.path, one_line=True)}:{hit.node.pos.line}:", "#7b3fa0")
            node_id = highlight(hit.node.id, terms, lambda s: style.fg(s, "#d0342c", bold=True))
            text = highlight(text, terms, lambda s: style.fg(s, "#d0342c", bold=True))
            line = f"{path} {style.bold(node_id) if node_id == hit.node.id else node_id} — {text}"
        else:
            line = hit.line()
        if args.where:
            line += f"  [{', '.join(hit.fields)}]"
        sys.stdout.write(line + "\n")
    return 0 if hits else 1

"""Search nodes across maps; print each as path:line: id — text (like grep).

The query language is the explorer's (``/``), and so are the results:
every word must occur, at the start of a word, in the node's id,
paraphrase, quotes, speaker (id or name) or tags; filters narrow it
(``kind:claim by:heath tag:targets topic:tendering=against map:may``).

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

    parser.add_argument("query", help="words and filters, as in the explorer: 'nhs \"red tape\" kind:claim by:heath' "
                                      "(quote the whole query for the shell)")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="map files, folders or map ids (default: every map in --maps)")
    parser.add_argument("-c", "--count", action="store_true", help="print only the number of matching nodes")
    parser.add_argument("-w", "--where", action="store_true",
                        help="say where each match was found (text, quote, speaker, id, tags)")
    add_maps_option(parser)
    add_colour_option(parser)


def run(args: argparse.Namespace) -> int:
    from ..analysis.common import Style, colour_wanted, select_maps
    from ..analysis.search import SearchIndex, highlight, parse_query
    from ..errors import UsageError
    from ..visible import visible

    query = parse_query(args.query)
    if query.empty:
        raise UsageError("the query is empty")
    selection = select_maps(args.paths, args.maps, args.seeds)
    hits, _ = SearchIndex(selection.project, selection.maps).search(query, limit=None, every_field=args.where)
    maps = selection.project.maps
    # Like grep: in file order, not by score.
    found = sorted(((maps[h.ref.map_id], maps[h.ref.map_id].nodes[h.ref.node_id], h) for h in hits),
                   key=lambda t: (t[0].path, t[1].pos.line))
    if args.count:
        print(len(found))
        return 0 if found else 1
    style = Style(colour_wanted(args.colour))
    paint = lambda s: style.fg(s, "#d0342c", bold=True)  # noqa: E731
    for argmap, node, hit in found:
        path = f"{visible(argmap.path, one_line=True)}:{node.pos.line}:"
        node_id = visible(node.id, one_line=True)
        text = visible(" ".join(node.text.split()), one_line=True)  # controls shown before colour is added
        if style.enabled:
            path = style.fg(path, "#7b3fa0")
            lit = highlight(node_id, query.words, paint)
            node_id = style.bold(node_id) if lit == node_id else lit
            text = highlight(text, query.words, paint)
        line = f"{path} {node_id} — {text}"
        if args.where:
            line += f"  [{', '.join(hit.fields)}]"
        sys.stdout.write(line + "\n")
    return 0 if found else 1

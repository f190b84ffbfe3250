"""Positions on topics: the topic × article and topic × speaker matrices.

A cell is for, against, mixed (both, or a node marked mixed) or neutral,
derived from the stances of the nodes of that article or speaker; "·" means
no stance.  An article whose speakers take different positions is "split"
(who holds what is listed under the table), not mixed.  -f csv and -f json print the same matrices for spreadsheets and
scripts (CSV: one row per article or speaker, a column per topic).

Exit status: 0 answered, 1 the maps have errors, 2 bad paths or unknown map ids.
"""

from __future__ import annotations

import argparse
import sys

# Prints its whole result, so may end without freeing what it loaded (cli._exit_now).
EXIT_AT_ONCE = True
NAME = "stances"
HELP = "topic × article and topic × speaker stance matrices (table, CSV or JSON)"


def configure(parser: argparse.ArgumentParser) -> None:
    from ..analysis.common import add_colour_option, add_maps_option, add_targets_argument

    add_targets_argument(parser)
    parser.add_argument("-f", "--format", choices=["table", "csv", "json"], default="table", help="output format")
    parser.add_argument("--by", choices=["article", "speaker", "both"], default="both",
                        help="which matrix (default: both)")
    parser.add_argument("-t", "--transpose", action="store_true",
                        help="table: topics as rows instead of columns")
    add_maps_option(parser)
    add_colour_option(parser)


def run(args: argparse.Namespace) -> int:
    from ..analysis.common import Style, colour_wanted, select_maps
    from ..analysis.stances import matrices

    selection = select_maps(args.targets, args.maps, args.seeds)
    result = matrices(selection.project, selection.maps)
    groups = [("article", result.articles), ("speaker", result.speakers)]
    if args.by != "both":
        groups = [g for g in groups if g[0] == args.by]
    if args.format == "json":
        from ..jsonout import dumps
        doc = result.as_dict()
        if args.by != "both":
            doc.pop("speakers" if args.by == "article" else "articles")
        print(dumps(doc))
    elif args.format == "csv":
        import csv
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["kind", "id", "name", *map(cell, result.topics)])
        for kind, rows in groups:
            for row in rows:
                writer.writerow([kind, cell(row.id), cell(row.name),
                                 *(row.position(t) or "" for t in result.topics)])
    else:
        from ..visible import visible
        style = Style(colour_wanted(args.colour))
        from ..analysis.stances import render_notes
        blocks = [_table(kind, rows, result.topics, style, args.transpose) for kind, rows in groups]
        sys.stdout.write("\n".join(blocks))
        sys.stdout.write(("\n" + notes) if (notes := render_notes(result)) else "")
        if result.topics:
            sys.stdout.write("\n" + "\n".join(f"  {t}: {visible(result.questions[t], one_line=True)}"
                                               for t in result.topics if result.questions.get(t)) + "\n")
    return 0


# What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """A CSV cell of user text: terminal controls shown as escapes, and never a formula.

    A cell starting with ``= + - @``, tab or CR gets a leading ``'``, as OWASP
    recommends: spreadsheets show it as text and run nothing.  The csv
    module's quoting still takes care of commas, quotes and line breaks.
    """
    from ..visible import visible

    text = visible(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


NONE = "·"


def _table(kind: str, rows, topics: list[str], style, transpose: bool) -> str:
    title = style.bold(f"topic × {kind}") + f" ({len(rows)} {kind}{'s' * (len(rows) != 1)})"
    if not rows or not topics:
        return f"{title}\n  (no stances)\n"
    cells = [[row.position(t) or NONE for t in topics] for row in rows]
    if transpose:
        header = ["topic", *(r.id for r in rows)]
        body = [[t, *(cells[r][k] for r in range(len(rows)))] for k, t in enumerate(topics)]
    else:
        header = [kind, *topics]
        body = [[row.id, *cells[r]] for r, row in enumerate(rows)]
    widths = [max(len(line[c]) for line in [header, *body]) for c in range(len(header))]
    lines = [title, "  " + "  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
    for line in body:
        first = line[0].ljust(widths[0])
        rest = [style.stance(v, w) if v != NONE else style.dim(v.ljust(w)) for v, w in zip(line[1:], widths[1:])]
        lines.append(("  " + "  ".join([first, *rest])).rstrip())
    return "\n".join(lines) + "\n"

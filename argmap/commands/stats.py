"""Counts over maps: nodes per kind, relations per type, per speaker and per topic,
the most attacked and most supported nodes, and the deepest argument chain.

Exit status: 0 answered, 1 the maps have errors, 2 bad paths or unknown map ids.
"""

from __future__ import annotations

import argparse
import sys

# Prints its whole result, so may end without freeing what it loaded (cli._exit_now).
EXIT_AT_ONCE = True
NAME = "stats"
HELP = "count nodes, relations, speakers and topics; most contested claims; deepest chain"


def configure(parser: argparse.ArgumentParser) -> None:
    from ..analysis.common import add_colour_option, add_maps_option, add_targets_argument

    add_targets_argument(parser)
    parser.add_argument("-f", "--format", choices=["text", "json"], default="text", help="output format")
    parser.add_argument("--top", type=int, default=5, metavar="N", help="list the N most attacked/supported (default: 5)")
    add_maps_option(parser)
    add_colour_option(parser)


def run(args: argparse.Namespace) -> int:
    from ..analysis.common import Style, colour_wanted, select_maps
    from ..analysis.stats import compute
    from ..errors import UsageError

    if args.top < 1:
        raise UsageError("--top must be at least 1")
    selection = select_maps(args.targets, args.maps, args.seeds)
    stats = compute(selection.project, selection.maps, top=args.top)
    if args.format == "json":
        from ..jsonout import dumps
        print(dumps(stats.as_dict(selection.project)))
    else:
        sys.stdout.write(render(stats, selection, Style(colour_wanted(args.colour))))
    return 0


def _table(rows: list[list[str]], right: set[int] = frozenset(), indent: str = "  ") -> list[str]:
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [c.rjust(w) if k in right else c.ljust(w) for k, (c, w) in enumerate(zip(row, widths))]
        out.append(indent + "  ".join(cells).rstrip())
    return out


def render(stats, selection, style) -> str:
    from ..model import Kind, RelKind, Stance
    from ..plural import plural
    from ..visible import visible

    project = selection.project
    home = selection.maps[0].id if len(selection.maps) == 1 else None

    def name(ref) -> str:
        return ref.node_id if ref.map_id == home else str(ref)

    def text_of(ref, most: int = 70) -> str:
        node = project.node(ref)
        text = visible(" ".join(node.text.split()), one_line=True) if node else ""
        return text if len(text) <= most else text[:most - 1].rstrip() + "…"

    out: list[str] = []
    n_maps = len(stats.maps)
    total_rel = sum(stats.relations.values())
    out.append(style.bold(f"{plural(n_maps, 'map')}, {plural(stats.nodes, 'node')}, "
                          f"{plural(total_rel, 'relation')}, {plural(stats.inferences, 'inference')} "
                          f"({stats.linked:,} linked)"))
    if n_maps > 1:
        out += _table([["map", "nodes", "relations"]] + [[m, str(n), str(r)] for m, n, r in stats.maps], {1, 2})
    out.append("")
    out.append(style.bold("nodes per kind"))
    out += _table([[k.value, str(stats.kinds.get(k, 0))] for k in Kind], {1})
    out.append("")
    out.append(style.bold("relations per type"))
    out += _table([[k.value, str(stats.relations.get(k, 0))] for k in RelKind], {1})
    out.append("")
    out.append(style.bold("nodes per force"))
    out += _table([[f.value, str(n)] for f, n in sorted(stats.forces.items())], {1})
    if stats.schemes:
        out.append("")
        out.append(style.bold("argument schemes"))
        out += _table([[k, str(n)] for k, n in sorted(stats.schemes.items())], {1})
    out.append("")
    out.append(style.bold("per speaker"))
    rows = [["speaker", "name", "maps", "nodes", "supports", "attacks", "undercuts"]]
    for s in stats.speakers:
        shown = visible(s.name, one_line=True)
        rows.append([s.id, shown if len(shown) <= 40 else shown[:39] + "…", str(len(s.maps)), str(s.nodes),
                     *(str(s.relations.get(k, 0)) for k in ("supports", "attacks", "undercuts"))])
    out += _table(rows, {2, 3, 4, 5, 6})
    out.append("")
    out.append(style.bold("per topic"))
    if stats.topics:
        rows = [["topic", "nodes", "maps", *(s.value for s in Stance)]]
        for t in stats.topics:
            rows.append([t.id, str(t.nodes), str(len(t.maps)), *(str(t.stances.get(s.value, 0)) for s in Stance)])
        out += _table(rows, {1, 2, 3, 4, 5, 6})
    else:
        out.append("  (no topics)")
    for title, ranked, unit in (("most attacked", stats.most_attacked, "attack"),
                                ("most supported", stats.most_supported, "argument")):
        out.append("")
        out.append(style.bold(title))
        if not ranked:
            out.append("  (none)")
            continue
        width = max(len(name(r)) for r, _ in ranked)
        for ref, count in ranked:
            units = (unit + "s" * (count != 1)).ljust(len(unit) + 1)
            out.append(f"  {count:>3} {units}  {name(ref).ljust(width)}  {style.dim(text_of(ref))}")
    out.append("")
    chain = stats.chain
    out.append(style.bold(f"deepest argument chain ({len(chain)} step{'s' * (len(chain) != 1)})"))
    for k, step in enumerate(chain):
        cycle = f" (a cycle of {step.cycle} nodes)" if step.cycle > 1 else ""
        out.append(f"  {name(step.node)}{cycle}  {style.dim(text_of(step.node, 60))}")
        if step.relation is not None:
            out.append(f"    ↓ {step.relation.value}")
    return "\n".join(out) + "\n"

"""Which claims stand: label every node IN, OUT or UNDEC, and say why.

The maps are read as an abstract argumentation framework (docs/analysis.md):
attacks attack nodes, undercuts attack inferences, qualifications never
defeat, and a node the maps give reasons for stands only while one of them does.
Grounded semantics (the default) gives the one sceptical labelling; with
preferred or stable semantics the labels shown are the sceptical view (IN or
OUT where every labelling agrees) and --all lists the labellings.

Exit status: 0 answered, 1 the maps have errors (or the search is too large),
2 bad paths or unknown map ids.
"""

from __future__ import annotations

import argparse
import sys

# Prints its whole result, so may end without freeing what it loaded (cli._exit_now).
EXIT_AT_ONCE = True
NAME = "eval"
HELP = "label claims IN/OUT/UNDEC under grounded, preferred or stable semantics, with reasons"


def configure(parser: argparse.ArgumentParser) -> None:
    from ..analysis.common import add_colour_option, add_maps_option, add_targets_argument

    add_targets_argument(parser)
    parser.add_argument("-s", "--semantics", choices=["grounded", "preferred", "stable"], default=None,
                        help="argumentation semantics (default: the settings file's 'semantics', else grounded)")
    parser.add_argument("-f", "--format", choices=["text", "json"], default="text", help="output format")
    parser.add_argument("--all", action="store_true",
                        help="preferred/stable: list every labelling of the open disputes")
    parser.add_argument("--limit", type=int, default=20, metavar="N",
                        help="with --all, list at most N labellings (default: 20)")
    parser.add_argument("--max-steps", type=int, default=200_000, metavar="N",
                        help="preferred/stable: give up on a dispute after N search steps (default: 200,000)")
    parser.add_argument("--inferences", action="store_true",
                        help="list every inference, not only the defeated ones")
    add_maps_option(parser)
    add_colour_option(parser)


def run(args: argparse.Namespace) -> int:
    from ..analysis.common import Style, colour_wanted, select_maps
    from ..analysis.semantics import solve
    from ..config import chosen
    from ..errors import UsageError

    if args.limit < 1 or args.max_steps < 1:
        raise UsageError("--limit and --max-steps must be at least 1")
    args.semantics = chosen("semantics", args.semantics, "grounded")
    selection = select_maps(args.targets, args.maps, args.seeds)
    solution = solve(selection.project, args.semantics, max_steps=args.max_steps)
    labelling = solution.labelling()
    if args.format == "json":
        print(_json(selection, solution, labelling, args))
    else:
        style = Style(colour_wanted(args.colour))
        sys.stdout.write(_text(selection, solution, labelling, args, style))
    return 0


def _in_selection(element, selection) -> bool:
    from ..model import Argument, Ref
    if isinstance(element, Ref):
        return element.map_id in selection.map_ids
    if isinstance(element, Argument):
        return element.conclusion.map_id in selection.map_ids
    return False


def _disputes_in_selection(solution, selection):
    af = solution.framework
    return [(k, d) for k, d in enumerate(solution.disputes)
            if any(_in_selection(af.elements[g], selection) for g in d.members)]


def _text(selection, solution, labelling, args, style) -> str:
    from collections import Counter

    from ..model import Label
    from ..analysis.semantics import element_name
    from ..analysis.show import force_phrase
    from ..analysis.states import debate_state
    from ..visible import visible

    out: list[str] = []
    af = solution.framework
    count = solution.count
    if args.semantics != "grounded":
        if count == 0:
            out.append(f"no {args.semantics} labelling exists: {labelling.no_labelling_reason()}")
            return "\n".join(out) + "\n"
        disputes = _disputes_in_selection(solution, selection)
        out.append(f"{args.semantics} semantics: {count:,} labelling{'s' * (count != 1)}"
                   + (f"; {len(disputes)} open dispute{'s' * (len(disputes) != 1)} in these maps"
                      if disputes else "")
                   + ("; labels below are the sceptical view (IN or OUT where all agree)" if count > 1 else ""))
        out.append("")
    width = max((len(n.id) for n in selection.nodes()), default=0)
    for argmap in selection.maps:
        tally = Counter(labelling.labels[n.ref] for n in argmap.nodes.values())
        summary = ", ".join(f"{tally.get(lab, 0)} {lab.value.upper()}" for lab in Label)
        out.append(style.bold(f"{argmap.id}") + f" ({visible(argmap.path, one_line=True)}): {summary}")
        for node in argmap.nodes.values():
            lab = labelling.labels[node.ref]
            expect = ""
            if node.expect is not None and node.expect is not lab:
                expect = "  " + style.fg(f"(expected {node.expect.value.upper()})", "#d0342c", bold=True)
            head = style.label(lab) + " " * (6 - len(lab.value))
            force = force_phrase(selection.project, node)  # ascribed by …, reported by …, hedged, …
            force = f" [{visible(force, one_line=True)}]" if force else ""
            out.append(f"  {head} {style.bold(node.id.ljust(width))}  {_short(node.text)}{force}{expect}")
            # The state in the debate as mapped (docs/analysis.md), then the semantics' reason.
            reason = labelling.explain(node.ref).split(": ", 1)[1]
            state = debate_state(selection.project, labelling.labels, node.ref)
            if (labelling.count == 1 or lab is not Label.UNDEC) and not reason.startswith("every stated reason"):
                reason = f"{state.value}: {reason}"  # (a reason that says its reasons fell says it already)
            out.append(f"  {'':6} {'':{width}}  {style.dim(reason)}")
        shown = [(a, lab) for a, lab in labelling.inferences.items()
                 if a.conclusion.map_id == argmap.id and (args.inferences or lab is not Label.IN)]
        if shown:
            what = "inferences" if args.inferences else "defeated or open inferences"
            out.append(f"  {what}:")
            for argument, lab in shown:
                head = style.label(lab) + " " * (6 - len(lab.value))
                name = element_name(af, af.index[argument], argument)
                out.append(f"  {head} {name}")
                out.append(f"  {'':6} {style.dim(labelling.explain(argument).split(': ', 1)[1])}")
        out.append("")
    if args.all and args.semantics != "grounded":
        disputes = _disputes_in_selection(solution, selection)
        if not disputes:
            out.append("every labelling agrees on these maps: there is nothing open to list")
        for n, (k, dispute) in enumerate(disputes, 1):
            alternatives = dispute.alternatives
            out.append(style.bold(f"dispute {n}") + f": {len(dispute.members)} elements, "
                       f"{len(alternatives)} {args.semantics} labelling{'s' * (len(alternatives) != 1)}")
            for i, alternative in enumerate(alternatives[:args.limit], 1):
                groups: dict = {}
                for g, code in zip(dispute.members, alternative):
                    if g < af.n_nodes:
                        groups.setdefault(code, []).append(element_name(af, g))
                parts = []
                for code, lab in ((1, Label.IN), (2, Label.OUT), (3, Label.UNDEC)):
                    if groups.get(code):
                        parts.append(f"{style.label(lab)} {', '.join(groups[code])}")
                out.append(f"  {i}. " + "; ".join(parts))
            if len(alternatives) > args.limit:
                out.append(f"  … and {len(alternatives) - args.limit} more (raise --limit)")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _short(text: str, most: int = 90) -> str:
    from ..visible import visible

    text = visible(" ".join(text.split()), one_line=True)
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"


def _json(selection, solution, labelling, args) -> str:
    from ..analysis.semantics import element_name, label_of_code
    from ..jsonout import dumps

    af = solution.framework
    maps = []
    for argmap in selection.maps:
        nodes = []
        for node in argmap.nodes.values():
            lab = labelling.labels[node.ref]
            nodes.append({
                "id": node.id, "ref": str(node.ref), "label": lab.value,
                "reason": labelling.explain(node.ref).split(": ", 1)[1],
                "expect": node.expect.value if node.expect else None,
                "line": node.pos.line,
            })
        inferences = [{
            "premises": [str(p) for p in a.premises], "conclusion": str(a.conclusion),
            "label": lab.value, "reason": labelling.explain(a).split(": ", 1)[1],
        } for a, lab in labelling.inferences.items() if a.conclusion.map_id == argmap.id]
        maps.append({"map": argmap.id, "path": argmap.path, "nodes": nodes, "inferences": inferences})
    doc: dict = {"semantics": args.semantics, "labellings": solution.count, "maps": maps}
    if args.all and args.semantics != "grounded":
        doc["disputes"] = [{
            "elements": [element_name(af, g, None) for g in d.members],
            "labellings": [[label_of_code(c).value for c in alt] for alt in d.alternatives[:args.limit]],
            "total": len(d.alternatives),
        } for _, d in _disputes_in_selection(solution, selection)]
    return dumps(doc)

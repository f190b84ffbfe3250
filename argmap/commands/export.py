"""Export maps as diagrams (svg, png, pdf, dot) or for other tools (json, argdown, aif).

A folder gives one file per map (json gives one document for them all).
Output goes to the current folder unless -o says otherwise; -o - writes a
single output to standard output.  Existing files are kept unless --force;
a map file is never overwritten, and nothing is written into a folder that
holds maps unless --into-maps.  See docs/export.md.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

from ..plural import plural

NAME = "export"
HELP = "draw maps (svg, png, pdf, dot) or export them (json, argdown, aif)"


def configure(parser: argparse.ArgumentParser) -> None:
    from ..export import FORMATS, LABEL_SEMANTICS

    parser.add_argument("paths", nargs="*", metavar="MAP",
                        help="map files, folders or map ids (default: the project's maps/, found from here upwards)")
    parser.add_argument("-f", "--format", choices=FORMATS, default=None,
                        help="output format (default: from -o's extension, else svg)")
    parser.add_argument("-o", "--output", metavar="PATH",
                        help="output file (its extension picks the format: .svg .png .pdf .dot .json "
                             ".argdown .aif.json), or a folder (DIR/) for one file per map; '-' for "
                             "standard output")
    parser.add_argument("--focus", metavar="NODE", help="draw only this node (id or map:id) and its neighbours")
    parser.add_argument("--depth", type=int, metavar="N", help="how many relation steps around --focus (default 2)")
    parser.add_argument("--speaker", action="append", metavar="WHO",
                        help="draw only nodes of this speaker (id or name; repeatable: any of them)")
    parser.add_argument("--topic", action="append", metavar="TOPIC",
                        help="draw only nodes taking a stance on this topic (repeatable)")
    parser.add_argument("--tag", action="append", metavar="TAG", help="draw only nodes with this tag (repeatable)")
    parser.add_argument("--kind", action="append", choices=["claim", "premise", "rebuttal", "concession"],
                        help="draw only nodes of this kind (repeatable); different options must all hold")
    parser.add_argument("--page", choices=["a4", "letter", "a3", "slide", "none"],
                        help="fit to this page: a map too big to print readably (body text under 9 pt) is "
                             "split, one main claim per page; PDF gives one file of pages, SVG/PNG/DOT a "
                             "file per page (default: a4 for PDF, none for the others; none: one picture "
                             "at full size)")
    parser.add_argument("--split", choices=["claim"],
                        help="one diagram per main claim (files named MAP--CLAIM.EXT)")
    parser.add_argument("--group", choices=["none", "speaker"], default="none",
                        help="cluster nodes by speaker (default: none)")
    parser.add_argument("--rankdir", choices=["AUTO", "BT", "TB", "LR", "RL"], default="AUTO", type=str.upper,
                        help="direction of support arrows: BT puts conclusions on top, RL on the left "
                             "(default auto: whichever makes the page-shaped picture)")
    parser.add_argument("--renderer", choices=["auto", "dot", "embedded"], default=None,
                        help="Graphviz to use: system dot if installed, else embedded "
                             "(default: the settings file's 'renderer', else auto)")
    parser.add_argument("--labels", nargs="?", const="grounded", default=None, metavar="SEMANTICS",
                        help=f"diagrams: write each node's state in the debate (unchallenged, defended, "
                             f"challenged...) under the semantics named ({', '.join(LABEL_SEMANTICS)}; --labels "
                             f"alone: grounded; default: no states drawn); json: the labels it carries "
                             f"(default: grounded)")
    parser.add_argument("--no-legend", action="store_true", help="leave out the legend")
    parser.add_argument("--dpi", type=int, metavar="N", help="resolution of PNG output (system dot)")
    parser.add_argument("--force", action="store_true", help="overwrite existing output files (never maps)")
    parser.add_argument("--into-maps", action="store_true", help="allow writing into a folder that holds maps")
    parser.add_argument("--seeds", metavar="DIR", help="folder of seed texts (default: seeds/ beside the maps)")
    parser.add_argument("--aif-flavour", choices=["aifdb", "ova"], default="aifdb",
                        help="aif: AIFdb's flat JSON (default), or OVA3's {AIF, OVA, text} with the source "
                             "text and a layout (docs/export.md)")
    parser.add_argument("--strict", action="store_true", help="export nothing if the maps have errors")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")


class _Progress:
    """A one-line progress bar on a terminal's stderr, shown once a batch takes more than a moment."""

    DELAY = 0.4

    def __init__(self, total: int, quiet: bool) -> None:
        self.total = total
        self.start = time.monotonic()
        self.enabled = total > 1 and not quiet and sys.stderr.isatty()
        self.shown = False

    def update(self, done: int, label: str) -> None:
        if not self.enabled or time.monotonic() - self.start < self.DELAY:
            return
        width = 28
        filled = int(width * done / self.total)
        line = f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} {label[:40]:<40}"
        sys.stderr.write(line)
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * 80 + "\r")
            sys.stderr.flush()


def _selected(paths: list[str], loaded) -> list[str]:
    """Ids of the maps the user named (files, or every map in named folders), in load order."""
    files, folders = set(), set()
    for raw in paths:
        path = Path(raw).resolve()
        (folders if path.is_dir() else files).add(path)
    chosen = []
    for map_id, argmap in loaded.project.maps.items():
        path = Path(argmap.path).resolve()
        if path in files or path.parent in folders:
            chosen.append(map_id)
    return chosen


def _focus_ref(text: str, project, map_ids: list[str]):
    from ..errors import UsageError
    from ..model import Ref
    from ..suggest import did_you_mean

    if ":" in text:
        ref = Ref.parse(text, "")
        if project.node(ref) is None:
            raise UsageError(f"no node {text!r} is loaded")
        return ref
    found = [Ref(m, text) for m in map_ids if text in project.maps[m].nodes]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise UsageError(f"node {text!r} is in several maps ({', '.join(r.map_id for r in found)}); "
                         f"name it as map:{text}")
    names = [n for m in map_ids for n in project.maps[m].nodes]
    hint = did_you_mean(text, names)
    raise UsageError(f"no node {text!r} in the maps exported" + (f"; {hint}" if hint else ""))


def _targets(args, outputs: list[tuple[str, str]]) -> list[tuple[str, Path | None]]:
    """Pair each (key, default file name) with where to write it (None: standard output)."""
    from ..errors import UsageError

    out = args.output
    if out == "-":
        if len(outputs) != 1:
            raise UsageError("-o - (standard output) takes one output; name a folder for several maps")
        return [(outputs[0][0], None)]
    if out is None:
        return [(key, Path(name)) for key, name in outputs]
    from ..export.naming import format_of, is_folder, no_extension_hint
    from ..visible import visible

    path = Path(out)
    named = format_of(out)
    if is_folder(out) or (len(outputs) > 1 and named is None and not path.suffix):
        return [(key, path / name) for key, name in outputs]   # one file per map in the folder
    if len(outputs) > 1:
        raise UsageError(f"{visible(out, one_line=True)} is a file name; several outputs need a folder: "
                         f"end it with / (-o {visible(str(path.with_suffix('')), one_line=True)}/)")
    if named is None and not path.suffix:   # even with -f: a file called "out" is rarely meant
        raise UsageError(no_extension_hint(out, args.format))
    return [(outputs[0][0], path)]


def _piece_path(target: Path | None, piece: str, split: bool) -> Path | None:
    """Where one page of a --page/--split export goes: ``may.svg`` -> ``may-2.svg``, ``may--claim.svg``."""
    if target is None or not piece:
        return target
    # A claim's id names the file: keep it to id characters, whatever a broken map holds.
    piece = re.sub(r"[^A-Za-z0-9_.-]", "_", piece).lstrip(".")[:100] or "page"
    stem, ext = os.path.splitext(target.name)
    return target.with_name(f"{stem}{'--' if split else '-'}{piece}{ext}")


def _labels_value(args) -> None:
    """``--labels`` takes an optional value: ``--labels maps/`` means the maps, with grounded labels."""
    from ..errors import UsageError
    from ..export import LABEL_SEMANTICS
    from ..suggest import did_you_mean
    from ..visible import visible

    value = args.labels
    if value is None or value in LABEL_SEMANTICS:
        return
    if os.path.exists(value) or value.endswith((".yaml", ".yml", "/")):
        args.paths = [value, *args.paths]
        args.labels = "grounded"
        return
    hint = did_you_mean(value, list(LABEL_SEMANTICS))
    raise UsageError(f"--labels {visible(value, one_line=True)}: not a semantics; choose "
                     f"{', '.join(LABEL_SEMANTICS)}" + (f"; {hint}" if hint else ""))


def _check_target(target: Path, loaded, args) -> None:
    """Refuse, before drawing anything, outputs a map could be mistaken for or that land among maps.

    What may be replaced (never a file this run read, only regular files and
    links) is argmap.atomic's rule, applied to each output as it is written.
    """
    from ..errors import UsageError
    from ..visible import visible

    resolved = target.resolve()
    shown = visible(str(target), one_line=True)
    if resolved.suffix in (".yaml", ".yml"):
        raise UsageError(f"refusing to write {shown}: it is (or could be) a map file")
    map_folders = {Path(m.path).resolve().parent for m in loaded.project.maps.values()}
    if resolved.parent in map_folders and not args.into_maps:
        raise UsageError(f"refusing to write {shown} into a folder of maps; "
                         f"choose another place with -o, or pass --into-maps")


def run(args: argparse.Namespace) -> int:
    from ..atomic import Protected, check_target, write_bytes
    from ..diagnostics import UNREADABLE_CODES
    from ..errors import ArgmapError, UsageError
    from ..export import DIAGRAM_FORMATS, EXTENSIONS, export_map, export_project
    from ..project import discover, load
    from ..visible import visible

    from ..export.naming import choose_format

    fmt = choose_format(args.output, args.format)   # before loading: a bad name costs nothing
    if args.depth is not None and args.focus is None:
        raise UsageError("--depth needs --focus NODE")
    if args.focus is not None and fmt not in DIAGRAM_FORMATS:
        raise UsageError(f"--focus draws a diagram; it does not apply to -f {fmt}")
    from ..export.filters import NodeFilter, check_values

    only = NodeFilter.of(args.speaker, args.topic, args.tag, args.kind)
    if args.page is None and fmt == "pdf":
        args.page = "a4"   # a PDF is for print: A4 pages, split only where one page would print under 9 pt
    elif args.page == "none":
        args.page = None
    paged = args.page is not None or args.split is not None
    if paged and fmt not in DIAGRAM_FORMATS:
        raise UsageError(f"--page and --split lay out diagrams; they do not apply to -f {fmt}")
    if args.split and args.focus:
        raise UsageError("--split draws each main claim of whole maps; it does not combine with --focus")
    if args.output == "-" and (args.split or (args.page and fmt != "pdf")):
        raise UsageError("--split and --page (other than PDF) write several files; name a file or folder with -o")
    if only and fmt not in DIAGRAM_FORMATS:
        raise UsageError(f"--speaker, --topic, --tag and --kind choose what a diagram draws; "
                         f"they do not apply to -f {fmt}")
    from ..config import chosen
    from ..locate import resolve_targets

    _labels_value(args)
    args.paths = [str(p) for p in resolve_targets(args.paths)]  # map ids, and the project's maps/ from anywhere
    args.renderer = chosen("renderer", args.renderer, "auto")
    # Load the named maps with the rest of their folders, so cross-map links have both ends.
    files, _ = discover(args.paths)
    context = sorted({str(f.parent) for f in files} - {str(Path(p).resolve()) for p in args.paths})
    loaded = load([*args.paths, *context], seeds_dir=args.seeds)
    named = set(_selected(args.paths, loaded))
    named_files = set(files)

    def relevant(diagnostic) -> bool:
        where = diagnostic.pos.path if diagnostic.pos else diagnostic.path
        return bool(where) and (where in args.paths or Path(where).resolve() in named_files)

    problems = [d for d in loaded.diagnostics if d.is_error and relevant(d)]
    for diagnostic in problems:
        print(diagnostic.format(), file=sys.stderr)
    if any(d.code in UNREADABLE_CODES for d in problems):
        return 2
    if problems and args.strict:
        print(f"argmap: {plural(len(problems), 'error')}; nothing exported (--strict)", file=sys.stderr)
        return 1
    map_ids = [m for m in loaded.project.maps if m in named]
    if not map_ids:
        raise UsageError("no maps to export in " + ", ".join(args.paths))
    project = loaded.project
    if problems and not args.quiet:
        print(f"argmap: exporting despite {plural(len(problems), 'error')} (see 'argmap check')", file=sys.stderr)

    ext = EXTENSIONS[fmt]
    focus = _focus_ref(args.focus, project, map_ids) if args.focus else None
    if only:
        check_values(project, [focus.map_id] if focus else map_ids, only)
    if fmt == "json":
        folders = [p for p in args.paths if Path(p).is_dir()]
        stem = map_ids[0] if len(map_ids) == 1 else (Path(folders[0]).resolve().name if len(folders) == 1 else "argmap")
        outputs = [("*", f"{stem}.{ext}")]
    elif focus is not None:
        outputs = [(focus.map_id, f"{focus.map_id}--{focus.node_id}.{ext}")]
    else:
        outputs = [(m, f"{m}.{ext}") for m in map_ids]
    targets = _targets(args, outputs)
    for _, target in targets:
        if target is not None:
            _check_target(target, loaded, args)
    if fmt in ("svg", "png", "pdf"):
        from ..export.render import choose
        used = choose(args.renderer, fmt)  # fail once, before a batch, if no Graphviz can draw fmt
    else:
        used = None

    options = dict(group=args.group, rankdir=args.rankdir, renderer=args.renderer, labels=args.labels,
                   legend=not args.no_legend, dpi=args.dpi, only=only or None)
    # Diagrams draw no states unless asked (--labels); the JSON model carries grounded labels by default.
    semantics = args.labels or ("grounded" if fmt == "json" else "none")
    options["labels"] = semantics
    if semantics != "none" and fmt in (*DIAGRAM_FORMATS, "json"):
        from ..export import acceptability
        try:
            labelling = acceptability(project, semantics)  # once for the whole batch
        except ArgmapError as exc:  # e.g. preferred semantics on a dispute too big to search
            print(f"argmap: warning: no acceptability labels ({exc})", file=sys.stderr)
            labelling, semantics = None, "none"
        options["labels"] = labelling if labelling is not None else "none"
    from ..export.paper import print_note

    progress = _Progress(len(targets), args.quiet)
    protect = Protected(loaded.loaded_paths)  # maps, topics and seeds: never replaced, even with --force
    failures: list[str] = []
    for done, (key, target) in enumerate(targets):
        progress.update(done, key)
        try:
            if target is not None:  # refuse before drawing; write_bytes checks again when it writes
                check_target(target, overwrite=args.force, protect=protect)
            if paged:
                from ..export.pages import render_pages
                pieces = [(_piece_path(target, piece, args.split is not None), data) for piece, data in
                          render_pages(project, None if focus else key, fmt, page=args.page, split=args.split,
                                       **({"focus": focus, "depth": args.depth} if focus else {}), **options)]
            elif fmt == "json":
                pieces = [(target, export_project(project, map_ids, labels=options.get("labels", "none")))]
            elif focus is not None:
                from ..export import render_map
                pieces = [(target, render_map(project, None, fmt, focus=focus, depth=args.depth, **options))]
            else:
                pieces = [(target, export_map(project, key, fmt, **options) if fmt in DIAGRAM_FORMATS
                           else export_map(project, key, fmt, aif_flavour=args.aif_flavour))]
            for path, data in pieces:
                if path is None:
                    sys.stdout.buffer.write(data)
                    sys.stdout.flush()
                    continue
                try:
                    write_bytes(path, data, overwrite=args.force, protect=protect)
                except ArgmapError as exc:
                    if len(pieces) == 1:
                        raise
                    failures.append(f"argmap: error: {key}: {exc}")   # the other pages are still written
                    continue
                if not args.quiet:
                    progress.close()
                    via = f"{'system dot' if used == 'dot' else 'embedded Graphviz'}" if used else ""
                    note = "; ".join(x for x in (via, print_note(fmt, data, args.page, args.dpi, paged)) if x)
                    print(f"wrote {visible(str(path), one_line=True)}" + (f" ({note})" if note else ""),
                          file=sys.stderr)
        except UsageError:
            raise
        except ArgmapError as exc:  # one output failed (refused, not drawn, not written): go on with the rest
            failures.append(f"argmap: error: {key}: {exc}")
    progress.close()
    # Every failure together at the end, where a long batch's "wrote" lines cannot bury them.
    for line in failures:
        print(line, file=sys.stderr)
    if failures and len(targets) > 1:
        print(f"argmap: {len(failures)} of {len(targets)} outputs failed", file=sys.stderr)
    return 1 if failures else 0

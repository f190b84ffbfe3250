"""Import an argument map from another tool's format (AIF, as AIFdb and OVA write it).

    argmap import aif FILE.json -o maps/NAME.yaml

Writes the map (its id is NAME unless --map-id) and, when needed, its seed
in seeds/ beside the maps folder; both atomically, never over an existing
file (the map only with --force; a seed never: a new name is chosen).
What the file holds that a map cannot (MA, PA and TA nodes, dangling edges,
RAs without premises) is reported and skipped.  See docs/export.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "import"
HELP = "import a map from AIF (AIFdb / OVA JSON)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("source_format", choices=["aif"], metavar="FORMAT", help="the file's format: aif")
    parser.add_argument("file", metavar="FILE", help="the file to import ('-' for standard input)")
    parser.add_argument("-o", "--output", required=True, metavar="MAP.yaml",
                        help="the map file to write, e.g. maps/NAME.yaml")
    parser.add_argument("--map-id", metavar="ID", help="the map's id (default: the output file's name)")
    parser.add_argument("--genre", choices=["news-report", "opinion-column", "reader-comment"],
                        default="news-report", help="the source's genre when the file does not say")
    parser.add_argument("--seeds", metavar="DIR", help="where to put the seed (default: seeds/ beside the maps folder)")
    parser.add_argument("--force", action="store_true", help="overwrite the map file if it exists")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")


def run(args: argparse.Namespace) -> int:
    import re

    from ..atomic import Protected, check_target, write_bytes, write_text
    from ..plural import plural
    from ..errors import ArgmapError, UsageError
    from ..export.aif_import import convert, parse_aif, slug
    from ..export.aif_read import read_aif
    from ..project import load
    from ..spec import ID_PATTERN
    from ..visible import visible

    output = Path(args.output)
    if output.suffix not in (".yaml", ".yml"):
        raise UsageError(f"{visible(args.output, one_line=True)}: the map file must end in .yaml")
    check_target(output, overwrite=args.force)  # before reading the input: exists, or is no regular file
    map_id = args.map_id or output.stem
    if not re.fullmatch(ID_PATTERN, map_id):
        map_id = slug(map_id) or "imported"
        if not args.quiet:
            print(f"argmap: using map id {map_id!r}", file=sys.stderr)
    if args.file == "-":
        source_name = "standard input"
        try:
            raw = read_aif(sys.stdin.buffer)
        except ArgmapError as exc:
            raise ArgmapError(f"{source_name}: {exc}") from None
    else:
        try:
            with open(args.file, "rb") as stream:
                raw = read_aif(stream)
        except OSError as exc:
            raise UsageError(f"cannot read {visible(args.file, one_line=True)}: {exc.strerror or exc}") from None
        except ArgmapError as exc:
            raise ArgmapError(f"{visible(args.file, one_line=True)}: {exc}") from None
        source_name = Path(args.file).name
    seeds_dir = Path(args.seeds) if args.seeds else output.resolve().parent.parent / "seeds"
    topics_file = output.parent / "topics.yaml"
    topics = None
    maps: dict[str, set[str]] = {}  # the destination's maps and their nodes, for references to them
    read: list[Path] = []  # every file loaded here: --force replaces none but the map re-imported
    replaced_map = False  # whether the output is a map loaded here (what --force may replace)
    if topics_file.is_file():
        loaded = load([str(topics_file)], validate=False)
        topics = set(loaded.project.topics)
        read += loaded.loaded_paths
    others = [p for p in output.parent.glob("*.y*ml") if p.resolve() != output.resolve()] \
        if output.parent.is_dir() else []
    if others:
        loaded = load([str(output.parent)], validate=False)
        read += loaded.loaded_paths
        existing = loaded.project.maps
        maps = {m.id: set(m.nodes) for m in existing.values()}
        replaced_map = any(Path(m.path).resolve() == output.resolve() for m in existing.values())
        clash = existing.get(map_id)
        if clash is not None and Path(clash.path).resolve() != output.resolve():
            raise UsageError(f"map id {map_id!r} is already used by {clash.path}; choose another with --map-id")
    own = output.resolve()
    protect = Protected(p for p in read if not (replaced_map and Path(p).resolve() == own))
    check_target(output, overwrite=args.force, protect=protect)  # e.g. -o maps/topics.yaml --force

    try:
        result = convert(parse_aif(raw), map_id, seeds_dir=seeds_dir, topics=topics, genre=args.genre,
                         source_name=source_name, maps=maps)
    except ArgmapError as exc:  # the file's problem: name the file (as typed), nothing written
        shown = "standard input" if args.file == "-" else visible(args.file, one_line=True)
        raise ArgmapError(f"{shown}: {exc}") from None
    seed = write_text(seeds_dir / result.seed_name, result.seed_text) if result.seed_is_new else None
    try:
        write_bytes(output, result.yaml.encode("utf-8"), overwrite=args.force, protect=protect)
    except ArgmapError:
        if seed is not None:  # the map was not written: take back the seed written for it
            seed.unlink(missing_ok=True)
        raise

    if not args.quiet:
        for line in result.report:
            print(f"note: {visible(line, one_line=True)}", file=sys.stderr)
        counts = result.counts
        elsewhere = counts.get("elsewhere", 0)
        print(f"wrote {visible(str(output), one_line=True)}: {plural(counts.get('nodes', 0), 'node')}, "
              f"{plural(counts.get('relations', 0), 'relation')}, {plural(counts.get('speakers', 0), 'speaker')}"
              + (f" ({plural(elsewhere, 'relation')} declared by other maps left to them)" if elsewhere else ""),
              file=sys.stderr)
        if result.seed_is_new:
            print(f"wrote {visible(str(seed), one_line=True)} (the seed)", file=sys.stderr)
    # The promise: the imported map passes 'argmap check'.  Say so if it does not.
    check = load([str(output.parent)] if output.parent.is_dir() else [str(output)],
                 seeds_dir=args.seeds)
    mine = [d for d in check.diagnostics if d.is_error and d.pos and Path(d.pos.path).resolve() == output.resolve()]
    for diagnostic in mine:
        print(diagnostic.format(), file=sys.stderr)
    return 1 if mine else 0

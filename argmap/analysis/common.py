"""What the analysis commands share: choosing maps, finding nodes, colour.

Every command names maps the same way: a map file, a folder of maps, or a
map id (looked up in ``--maps``, default the project's ``maps/``, found from
the working directory upwards: :mod:`argmap.locate`).  A map file is loaded
together with the other maps of its folder, so cross-map relations resolve;
like ``argmap check FILE``, only the named maps' errors stop a command.
Bad paths and unknown ids raise :class:`~argmap.errors.UsageError` (exit 2)
with a "did you mean"; maps with errors are printed and refused (exit 1).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..errors import ArgmapError, UsageError
from ..model import ArgMap, Node, Project, Ref
from ..suggest import did_you_mean
from ..visible import visible

__all__ = ["Selection", "select_maps", "find_node", "Style", "colour_wanted", "add_targets_argument",
           "add_maps_option", "add_colour_option", "BrokenMaps", "TOLERATED"]

# Errors a reading command can live with: a wrong expectation does not change the map.
TOLERATED = frozenset({"expect-mismatch"})


class BrokenMaps(ArgmapError):
    """The maps have errors; the command refuses to answer from them (exit 1)."""


@dataclass(frozen=True)
class Selection:
    project: Project
    maps: list[ArgMap]          # the maps the user asked about, in a stable order
    diagnostics: list            # every load diagnostic (errors tolerated by the command included)

    @property
    def map_ids(self) -> set[str]:
        return {m.id for m in self.maps}

    def nodes(self) -> Iterable[Node]:
        for argmap in self.maps:
            yield from argmap.nodes.values()


def add_targets_argument(parser) -> None:
    """The MAP... positional of the commands that work on whole maps."""
    parser.add_argument("targets", nargs="*", metavar="MAP",
                        help="map files, folders or map ids (default: every map in --maps)")


def add_maps_option(parser) -> None:
    parser.add_argument("--maps", metavar="DIR", default=None,
                        help="folder to look map ids up in (default: maps/ of the project, "
                             "the nearest folder from here upwards that holds one)")
    parser.add_argument("--seeds", metavar="DIR", help="folder of seed texts (default: seeds/ beside the maps)")


def add_colour_option(parser) -> None:
    parser.add_argument("--colour", "--color", dest="colour", choices=["auto", "always", "never"],
                        default="auto", help="colour the output (auto: only on a terminal, and not if NO_COLOR is set)")


def select_maps(items: Sequence[str], maps_dir: str | None = None, seeds: str | None = None,
                tolerate: Iterable[str] = TOLERATED, err: TextIO | None = None) -> Selection:
    """Load the maps *items* name (all of *maps_dir* when empty) and pick them out.

    Raises UsageError for a path that does not exist or an unknown map id, and
    BrokenMaps (after printing the diagnostics to *err*) when loading finds
    errors other than those in *tolerate*.
    """
    from ..diagnostics import UNREADABLE_CODES, format_text
    from ..locate import looks_like_path, maps_folder, missing_path
    from ..project import load

    err = err or sys.stderr
    folders: list[Path] = []          # what to load
    wanted_files: list[Path] = []
    wanted_folders: list[Path] = []
    wanted_ids: list[str] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            folders.append(path)
            wanted_folders.append(path.resolve())
        elif path.is_file():
            folders.append(path)   # the loader brings the maps beside it in as context
            wanted_files.append(path.resolve())
        elif looks_like_path(item) or not item:
            raise missing_path(item)
        else:
            wanted_ids.append(item)
    if wanted_ids or not items:
        folders.append(maps_folder(maps_dir))
    unique = list(dict.fromkeys(p.resolve() for p in folders))
    result = load(unique, seeds_dir=seeds)
    unreadable = [d for d in result.diagnostics if d.code in UNREADABLE_CODES]
    if unreadable:
        raise UsageError("cannot read the maps:\n" + format_text(unreadable))
    project = result.project
    chosen: dict[str, ArgMap] = {}
    by_file = {Path(m.path).resolve(): m for m in project.maps.values()}
    for file in wanted_files:
        argmap = by_file.get(file)
        if argmap is None:
            raise UsageError(f"{_display(file)} holds no map (a map file starts with 'map: <id>')")
        chosen[argmap.id] = argmap
    for folder in wanted_folders:
        found = [m for f, m in sorted(by_file.items()) if f.parent == folder]
        if not found:
            raise UsageError(f"folder {_display(folder)} holds no maps")
        for argmap in found:
            chosen[argmap.id] = argmap
    for map_id in wanted_ids:
        argmap = project.maps.get(map_id)
        if argmap is None:
            broken = [p for d in result.errors if (p := d.pos.path if d.pos else d.path)
                      and Path(p).stem == map_id]
            if broken:
                print(format_text(d for d in result.errors if (d.pos.path if d.pos else d.path) == broken[0]),
                      file=err)
                raise BrokenMaps(f"map {map_id!r} could not be loaded: {visible(broken[0], one_line=True)} "
                                 "has errors (see above)")
            hint = did_you_mean(map_id, project.maps)
            known = ", ".join(sorted(project.maps)) or "none"
            raise UsageError(f"unknown map {map_id!r}" + (f" ({hint})" if hint else f"; maps: {known}"))
        chosen[argmap.id] = argmap
    if not items:
        chosen = dict(sorted(project.maps.items()))
    # As with 'argmap check FILE', maps that were not asked about are context:
    # their problems are theirs.  Problems of the asked-for maps (and of no map
    # in particular, such as the topics file's) stop the command.
    selected = {m.path for m in chosen.values()}
    tolerate = frozenset(tolerate)

    def matters(path: str) -> bool:
        return not items or not path or path in selected or path == project.topics_path

    fatal = [d for d in result.errors
             if d.code not in tolerate and matters(d.pos.path if d.pos else d.path)]
    if fatal:
        print(format_text(fatal), file=err)
        n = len(fatal)
        raise BrokenMaps(f"the maps have {n} error{'s' * (n != 1)}: fix them first (see 'argmap check'); "
                         "answers from broken maps would be wrong")
    return Selection(project, list(chosen.values()), result.diagnostics)


def _display(path: Path) -> str:
    """*path* for a message: relative where it can be, terminal controls shown as escapes."""
    from ..project import display_path
    return visible(display_path(path), one_line=True)


def find_node(project: Project, text: str, argmap: ArgMap) -> Node:
    """The node *text* names (``node`` in *argmap*, or ``map:node``); UsageError if none."""
    ref = Ref.parse(text, argmap.id)
    target_map = project.maps.get(ref.map_id)
    if target_map is None:
        hint = did_you_mean(ref.map_id, project.maps)
        raise UsageError(f"unknown map {ref.map_id!r} in {text!r}" + (f" ({hint})" if hint else ""))
    node = target_map.nodes.get(ref.node_id)
    if node is None:
        hint = did_you_mean(ref.node_id, target_map.nodes)
        if not hint:
            elsewhere = [m.id for m in project.maps.values() if ref.node_id in m.nodes]
            if elsewhere:
                hint = f"it is in map {elsewhere[0]!r}: try {elsewhere[0]}:{ref.node_id}"
        raise UsageError(f"map {ref.map_id!r} has no node {ref.node_id!r}" + (f" ({hint})" if hint else ""))
    return node


def colour_wanted(choice: str = "auto", stream: TextIO | None = None) -> bool:
    """Colour on a terminal unless NO_COLOR is set; or as forced by --colour."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Style:
    """ANSI styling that is a no-op when colour is off."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def fg(self, text: str, hex_colour: str, bold: bool = False) -> str:
        if not self.enabled or not text:
            return text
        r, g, b = (int(hex_colour[k:k + 2], 16) for k in (1, 3, 5))
        weight = "1;" if bold else ""
        return f"\x1b[{weight}38;2;{r};{g};{b}m{text}\x1b[0m"

    def bold(self, text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if self.enabled and text else text

    def dim(self, text: str) -> str:
        return f"\x1b[2m{text}\x1b[0m" if self.enabled and text else text

    def label(self, lab) -> str:
        from ..palette import LABEL_COLOURS
        return self.fg(lab.value.upper(), LABEL_COLOURS[lab], bold=True)

    def stance(self, value: str, width: int = 0) -> str:
        from ..palette import STANCE_COLOURS
        text = value.ljust(width)
        colour = STANCE_COLOURS.get(value)
        return self.fg(text, colour) if colour else text

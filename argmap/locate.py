"""Find the project and the maps a command names, from any folder inside the project.

Every command names maps alike: a map file, a folder of maps, or a map id.
Without ``--maps``, map ids are looked up in the project's ``maps/``
folder, and the project is the nearest folder, from the working directory
upwards, that holds ``maps/`` (as git finds ``.git`` and ruff its
``pyproject.toml``), so ``argmap check may-2018`` works in the project,
in ``maps/`` or in ``docs/``.

Resolving an id does not load the maps: ``maps/<id>.yaml`` is tried first,
then the ``map:`` line at the head of each map file (a bounded read).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from .errors import UsageError
from .suggest import did_you_mean
from .visible import visible

__all__ = ["find_project", "maps_folder", "resolve_targets", "looks_like_path", "missing_path", "map_ids"]

MAPS = "maps"
_SUFFIXES = (".yaml", ".yml")
_HEAD_BYTES = 64 * 1024  # where a map file's `map:` line is looked for
_MAP_LINE = re.compile(rb"""^map:[ \t]*["']?([^"'\s#]+)""", re.MULTILINE)
_MAX_DEPTH = 64  # folders walked up at most (a bound, not a real limit)


def find_project(start: str | os.PathLike | None = None) -> Path | None:
    """The nearest folder from *start* (the working directory) upwards that holds ``maps/``, or None.

    Relative to the working directory where it is inside or above it
    (``.``, ``..``, ``../..``), so messages name files as the user would.
    """
    here = Path(start) if start is not None else Path.cwd()
    try:
        here = here.resolve()
    except OSError:
        return None
    for folder in [here, *here.parents][:_MAX_DEPTH]:
        try:
            if (folder / MAPS).is_dir():
                return _relative(folder)
        except OSError:  # a folder we may not look into: go on upwards
            continue
    return None


def _relative(folder: Path) -> Path:
    try:
        rel = os.path.relpath(folder)
    except ValueError:  # another drive
        return folder
    return Path(rel) if all(part == ".." for part in Path(rel).parts) else folder


def maps_folder(maps_dir: str | os.PathLike | None = None) -> Path:
    """The folder map ids are looked up in: *maps_dir* if given, else the project's ``maps/``.

    UsageError if neither is there.
    """
    if maps_dir is not None:
        if not Path(maps_dir).is_dir():
            raise UsageError(f"no maps folder {visible(os.fspath(maps_dir), one_line=True)}")
        return Path(maps_dir)
    project = find_project()
    if project is None:
        raise UsageError("no maps folder (maps/) here or in any folder above: run inside a project "
                         "(a folder holding maps/), pass --maps DIR, or name map files")
    return project / MAPS


def looks_like_path(item: str) -> bool:
    """Whether *item* is meant as a path (it has a separator or a YAML suffix), not a map id."""
    return os.sep in item or "/" in item or item.endswith(_SUFFIXES) or item in (".", "..")


def missing_path(item: str) -> UsageError:
    """The error for a path that is not there, with a "did you mean" from its folder."""
    path = Path(item)
    folder = path.parent if str(path.parent) else Path(".")
    hint = ""
    try:
        if folder.is_dir():
            hint = did_you_mean(path.name, [p.name for p in folder.iterdir()])
    except OSError:
        pass
    return UsageError(f"no such file or folder: {visible(item, one_line=True)}" + (f" ({hint})" if hint else ""))


def map_ids(folder: Path) -> dict[str, Path]:
    """The map id each map file in *folder* declares on its ``map:`` line, without loading it."""
    found: dict[str, Path] = {}
    try:
        # Regular files only: opening a FIFO named x.yaml would wait for a writer forever.
        files = sorted(p for p in folder.iterdir() if p.suffix in _SUFFIXES and p.is_file())
    except OSError:
        return found
    for file in files:
        try:
            with open(file, "rb") as handle:
                head = handle.read(_HEAD_BYTES)
        except OSError:
            continue
        match = _MAP_LINE.search(head)
        if match:
            found.setdefault(match.group(1).decode("utf-8", "replace"), file)
    return found


def resolve_targets(items: Sequence[str], maps_dir: str | os.PathLike | None = None, *,
                    keep_missing: bool = False) -> list[Path]:
    """The files and folders *items* name: paths as given, map ids as their files; none: the maps folder.

    UsageError for an id no map file declares, and for a path that does not
    exist unless *keep_missing* (``argmap check`` reports it among the other
    problems, in its --format), both with a "did you mean".
    """
    if not items:
        return [maps_folder(maps_dir)]
    resolved: list[Path] = []
    ids: dict[str, Path] | None = None
    for item in items:
        if os.path.exists(item):
            resolved.append(Path(item))
            continue
        if looks_like_path(item) or not item:
            if keep_missing:
                resolved.append(Path(item))
                continue
            raise missing_path(item)
        folder = maps_folder(maps_dir)
        by_name = next((folder / f"{item}{s}" for s in _SUFFIXES if (folder / f"{item}{s}").is_file()), None)
        if by_name is not None:
            resolved.append(by_name)
            continue
        ids = map_ids(folder) if ids is None else ids
        if item in ids:
            resolved.append(ids[item])
            continue
        hint = did_you_mean(item, ids)
        known = visible(", ".join(sorted(ids)) or "none", one_line=True)
        raise UsageError(f"unknown map {visible(item, one_line=True)!r}, and no file or folder of that name"
                         + (f" ({hint})" if hint else f"; maps in {visible(str(folder), one_line=True)}: {known}"))
    return resolved

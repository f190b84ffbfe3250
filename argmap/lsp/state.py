"""The project as the editor sees it: a folder of maps, the open buffers read in place of their files.

:func:`check` loads and checks one folder as ``argmap check FOLDER`` does,
with the unsaved text of open buffers, and returns a :class:`Snapshot` that
the features read.  It runs off the event loop (see :mod:`.server`); a
snapshot is never changed once made, so features may read it from any thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, error
from ..loadmemo import FileMemo
from ..model import ArgMap, Pos, Project, Quote
from ..project import LoadResult, display_path, load, seed_warnings_of
from ..yamlsource import MAX_FILE_BYTES
from .convert import split_lines

__all__ = ["Snapshot", "check", "quote_at", "looks_like_map", "MAP_SUFFIXES"]

MAP_SUFFIXES = (".yaml", ".yml")
# A map or topics file says so on a line of its own; other YAML (CI files, configs) is left alone.
_ARGMAP_LINE = re.compile(r"^(?:map|topics)[ \t]*:", re.MULTILINE)
_HEAD = 64 * 1024


def looks_like_map(path: Path, text: str) -> bool:
    """Whether the buffer at *path* is an argmap map or topics file, by its name and first lines."""
    return path.suffix in MAP_SUFFIXES and bool(_ARGMAP_LINE.search(text, 0, _HEAD))


@dataclass
class Snapshot:
    """One check of a folder: the loaded project, each file's problems and text, and what was last good."""

    folder: Path
    result: LoadResult
    diagnostics: dict[Path, list[Diagnostic]]
    lines: dict[Path, list[str]]
    # Each map file's map: from this check, or for a buffer that does not load
    # right now (broken YAML mid-edit), from the last check where it did.
    maps: dict[Path, ArgMap] = field(default_factory=dict)
    projects: dict[Path, Project] = field(default_factory=dict)
    _labels: dict | None = field(default=None, repr=False)
    # What features derive from the snapshot once (a seed's sentences, ...), by key.
    cache: dict = field(default_factory=dict, repr=False)
    # Each file's model, handed on to the next check so that it re-reads only what changed.
    memo: FileMemo = field(default_factory=FileMemo, repr=False)

    @property
    def project(self) -> Project:
        return self.result.project

    def map_at(self, path: Path) -> tuple[ArgMap | None, Project]:
        """The map in the file at *path*, and the project to resolve its references in."""
        argmap = self.maps.get(path)
        return argmap, self.projects.get(path, self.project)

    def file_lines(self, path: Path) -> list[str]:
        return self.lines.get(path, [])

    def labels(self) -> dict:
        """The grounded label of every node (linear time; computed on first use)."""
        if self._labels is None:
            from ..analysis.semantics import label

            try:
                self._labels = label(self.project, "grounded").labels
            except Exception:  # a broken project: hover goes without labels rather than failing
                self._labels = {}
        return self._labels


def quote_at(argmap: ArgMap, row: int, reach: int = 12) -> Quote | None:
    """The quote written on line *row* (0-based) of *argmap*'s file, or in the block scalar it is in."""
    best: Quote | None = None
    for node in argmap.nodes.values():
        for quote in node.quotes:
            if row + 1 - reach <= quote.pos.line <= row + 1 and (best is None or quote.pos.line > best.pos.line):
                best = quote
    return best


def _resolved(name: str) -> Path:
    return Path(name).resolve()


def check(folder: Path, overrides: Mapping[Path, str], previous: Snapshot | None = None,
          superseded: Callable[[], bool] | None = None) -> Snapshot:
    """Load and check every map in *folder*, each buffer in *overrides* read in place of its file.

    A buffer larger than a map may be (a huge paste) is not parsed: its file
    gets a ``too-large`` problem and the others are checked against the
    saved file, so the editor stays responsive.  Files unchanged since
    *previous* are not parsed again (:class:`~argmap.loadmemo.FileMemo`).
    Raises :class:`~argmap.errors.Superseded` as soon as *superseded*
    answers True (a newer edit has made this check pointless).
    """
    usable: dict[Path, str] = {}
    refused: list[Diagnostic] = []
    for path, text in overrides.items():
        if len(text) > MAX_FILE_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
            refused.append(error("too-large", f"the buffer is over {MAX_FILE_BYTES:,} bytes; "
                                 "maps are limited to that", Pos(display_path(path), 1, 1)))
        else:
            usable[path] = text
    memo = previous.memo if previous is not None else FileMemo()
    result = load([folder], overrides=usable, memo=memo, superseded=superseded)
    memo.forget(set(result.files))
    too_large = {_resolved(d.pos.path) for d in refused if d.pos}
    diagnostics: dict[Path, list[Diagnostic]] = {path: [] for path in result.files}
    seed_problems = seed_warnings_of(result)  # as `argmap check` reports them, at the seed's own lines
    for problem in [*result.diagnostics, *seed_problems]:
        where = _resolved(problem.pos.path if problem.pos else problem.path)
        if where not in too_large:
            diagnostics.setdefault(where, []).append(problem)
    for problem in refused:
        diagnostics[_resolved(problem.pos.path)] = [problem]
    lines = {_resolved(doc.path): split_lines(doc.text) for doc in result.documents}
    for path, text in usable.items():
        lines.setdefault(path, split_lines(text))
    seed_texts = {argmap.source.seed: argmap.seed_text for argmap in result.project.maps.values()}
    for problem in seed_problems:
        text = seed_texts.get(Path(problem.pos.path).name)
        if text is not None:
            lines.setdefault(_resolved(problem.pos.path), split_lines(text))
    maps = dict(previous.maps) if previous else {}
    projects = dict(previous.projects) if previous else {}
    for argmap in result.project.maps.values():
        path = _resolved(argmap.path)
        maps[path] = argmap
        projects[path] = result.project
    for path in list(maps):
        if path not in diagnostics:  # the file is gone
            del maps[path], projects[path]
    if any(path not in maps for path in usable):
        # A buffer opened broken (mid-edit) has no last good state: its saved
        # file stands in, once, so completion and navigation know its map.
        saved = load([folder])
        for argmap in saved.project.maps.values():
            path = _resolved(argmap.path)
            if path in usable and path not in maps:
                maps[path], projects[path] = argmap, saved.project
    return Snapshot(folder, result, diagnostics, lines, maps, projects, memo=memo)

"""What loading one file produced, kept between loads while nothing it was built from has changed.

The language server re-checks a folder on every pause in typing.  Most of a
check is per file (parsing the YAML, building the model, finding each quote
in the seed); only validation looks across maps.  A :class:`FileMemo` kept
between checks hands :func:`argmap.project.load` back each file's
:class:`LoadedFile` while the file's text (a buffer's, or the file's size,
time and inode on disk) and its seed's are what they were, so an edit costs
the parse of the buffer edited, and validation.

A file loaded without a seed (none named, or not found) is not kept: a seed
that appears later must be seen.  Models are immutable, so sharing one
between two loads is safe.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .diagnostics import Diagnostic
from .model import ArgMap, Topic

if TYPE_CHECKING:
    from .yamlsource import YamlDocument

__all__ = ["LoadedFile", "FileMemo"]


@dataclass(frozen=True)
class LoadedFile:
    """One file's parse and model: a map, the topics, or a failure, with the problems found on the way."""

    document: YamlDocument | None
    problems: list[Diagnostic]
    failed: bool = False
    argmap: ArgMap | None = None
    topics: dict[str, Topic] | None = None
    seed: Path | None = None  # the seed read for the map, as named (None: none read)


class _SeedReads(Protocol):
    read: dict[Path, None]


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    """What tells that a file on disk changed: its size, modification time, inode and device."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev


@dataclass
class _Entry:
    text: str | None                              # the buffer's text, or None for the file on disk
    stamp: tuple[int, int, int, int] | None       # the file's stamp when it was read from disk
    seed_stamp: tuple[int, int, int, int] | None
    loaded: LoadedFile


@dataclass
class FileMemo:
    """Each file's :class:`LoadedFile`, reused by :func:`~argmap.project.load` while it is still true."""

    _entries: dict[Path, _Entry] = field(default_factory=dict)
    # A file's stamp taken before it is read, so that a change during the read is seen next time.
    _before: dict[Path, tuple[int, int, int, int] | None] = field(default_factory=dict)
    hits: int = 0  # how many files the loads reused (for tests and benchmarks)

    def get(self, path: Path, buffer: str | None, seeds: _SeedReads) -> LoadedFile | None:
        """The memo of *path* if its text and seed are unchanged, else None."""
        stamp = _stamp(path) if buffer is None else None
        self._before[path] = stamp
        entry = self._entries.get(path)
        if entry is None or entry.text != buffer:
            return None
        if buffer is None and (stamp is None or stamp != entry.stamp):
            return None
        seed = entry.loaded.seed
        if seed is not None:
            if _stamp(seed) != entry.seed_stamp:
                return None
            seeds.read.setdefault(seed, None)  # still one of the files this load depends on
        self._before.pop(path, None)  # reused: nothing will be put for it
        self.hits += 1
        return entry.loaded

    def put(self, path: Path, buffer: str | None, loaded: LoadedFile) -> None:
        """Keep *loaded* for *path*, unless it depends on something a stamp cannot vouch for."""
        stamp = self._before.pop(path, None)
        if (buffer is None and stamp is None) or (loaded.argmap is not None and loaded.seed is None):
            self._entries.pop(path, None)
            return
        seed_stamp = _stamp(loaded.seed) if loaded.seed is not None else None
        self._entries[path] = _Entry(buffer, stamp, seed_stamp, loaded)

    def forget(self, keep: set[Path]) -> None:
        """Drop the entries of files not in *keep* (deleted or moved away)."""
        for path in [p for p in self._entries if p not in keep]:
            del self._entries[path]
        for path in [p for p in self._before if p not in keep]:
            del self._before[path]

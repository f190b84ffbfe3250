"""Load a set of map files into a :class:`~argmap.model.Project`.

This is the single entry point consumers use::

    result = load(["maps"])
    for d in result.diagnostics: print(d.format())
    result.project.maps["may-2018"].nodes["roll-back-internal-market"]
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import yaml

from .build import build_map, build_topics
from .diagnostics import Diagnostic, Severity, error, sort_key
from .errors import Superseded
from .model import ArgMap, Pos, Project, Topic
from .quotes import SeedText
from .spec import ID_CHARS, MAP_FILE, NODE, TOPICS_FILE
from .structure import LDict, decode
from .suggest import did_you_mean
from .gcpause import gc_paused
from .loadmemo import FileMemo, LoadedFile
from .yamlsource import YamlDocument, parse_yaml, read_yaml

if TYPE_CHECKING:
    from .validate import LoadFailures

__all__ = ["LoadResult", "load", "discover", "retain_results", "seed_warnings_of", "DEFAULT_MAPS", "MAX_SEED_BYTES"]

DEFAULT_MAPS = "maps"
TOPICS_NAME = "topics.yaml"
_SUFFIXES = (".yaml", ".yml")
# A seed is one article: kilobytes, a whole book a few megabytes.  Its text
# is held twice (as read and folded for matching), up to four bytes a
# character, so the cap bounds memory where a map's larger one would not.
MAX_SEED_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class LoadResult:
    """What :func:`load` found: the project, every problem (sorted by position) and the files read."""

    project: Project
    diagnostics: list[Diagnostic]
    files: list[Path] = field(default_factory=list)
    # The composed YAML of each file, from which the model's positions are read
    # when asked for: it lives as long as the project.
    documents: list[YamlDocument] = field(default_factory=list, repr=False)
    # Every file read, the maps beside the named ones and the seeds included:
    # what a command that writes files must never replace (argmap.atomic.Protected).
    loaded_paths: list[Path] = field(default_factory=list, repr=False)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors


def display_path(path: Path) -> str:
    """*path* as the user should see it: relative to the working directory when inside it,
    or inside the project around it (``../maps/x.yaml`` from ``docs/``, as git shows the
    files of its repository); absolute elsewhere."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    if not rel.startswith(".."):
        return rel
    root = _project_root(os.getcwd())
    inside = root is not None and (os.path.abspath(path) + os.sep).startswith(root + os.sep)
    return rel if inside else str(path)


@functools.lru_cache(maxsize=4)
def _project_root(cwd: str) -> str | None:
    """The absolute project folder (holding maps/) around *cwd*; asked once per working directory."""
    from .locate import find_project

    found = find_project(cwd)
    return os.path.abspath(found) if found is not None else None


def discover(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Diagnostic]]:
    """The YAML files named by *paths* (folders are searched, not recursively)."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                found = sorted(p for p in path.iterdir() if p.suffix in _SUFFIXES and p.is_file())
                if not found:
                    problems.append(Diagnostic("not-found", "folder holds no .yaml map files", path=str(raw)))
                files.extend(found)
            elif path.is_file():
                files.append(path)
            else:
                problems.append(Diagnostic("not-found", "no such file or folder", path=str(raw)))
        except OSError as exc:  # a folder that cannot be listed or searched: say so, go on
            problems.append(Diagnostic("io", f"cannot read: {exc.strerror or exc}", path=str(raw)))
    unique: dict[Path, None] = {}
    for f in files:
        unique.setdefault(f.resolve(), None)
    return list(unique), problems


def _context_beside(files: Sequence[Path]) -> list[Path]:
    """The other map and topics files in the folders of the named files.

    Naming one map still resolves its references to the maps beside it (as a
    compiler resolves imports); only the named files' problems are reported.
    """
    named = set(files)
    extra: dict[Path, None] = {}
    for folder in dict.fromkeys(f.parent for f in files):
        try:
            for candidate in sorted(folder.iterdir()):
                if candidate.suffix in _SUFFIXES and candidate.is_file() and candidate.resolve() not in named:
                    extra.setdefault(candidate.resolve(), None)
        except OSError:  # a folder that can be searched but not listed: the named files only
            continue
    return list(extra)


def _seed_dirs(map_path: Path, seeds_dir: Path | None) -> list[Path]:
    if seeds_dir is not None:
        return [seeds_dir]
    return [map_path.parent.parent / "seeds", map_path.parent / "seeds"]


class _SeedCache:
    """Each seed file read once, as a :class:`SeedText` or the problem that stopped it."""

    def __init__(self) -> None:
        self._cache: dict[Path, SeedText | Diagnostic] = {}
        self.read: dict[Path, None] = {}  # each seed as named, a link included: what writers protect

    def get(self, path: Path, display: str) -> SeedText | Diagnostic:
        key = path.resolve()
        self.read.setdefault(path, None)
        if key not in self._cache:
            try:
                data = _read_seed(path)
                self._cache[key] = SeedText(data.decode("utf-8")) if isinstance(data, bytes) else \
                    Diagnostic("too-large", f"seed is {data:,} bytes; seeds are limited to "
                               f"{MAX_SEED_BYTES:,} (16 MiB)", path=display)
            except UnicodeDecodeError as exc:
                self._cache[key] = Diagnostic("encoding", f"seed is not UTF-8 (byte {exc.start})", path=display)
            except OSError as exc:
                self._cache[key] = Diagnostic("io", f"cannot read seed: {exc.strerror or exc}", path=display)
        return self._cache[key]


def _read_seed(path: Path) -> bytes | int:
    """The bytes of the seed at *path*, or its size in bytes when that is over the cap.

    The size is read before the text, so a huge file costs nothing, and the
    read stops past the cap should the file grow meanwhile.  Opening does
    not wait (O_NONBLOCK), should a FIFO have taken the file's place.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        if info.st_size > MAX_SEED_BYTES:
            return info.st_size
        data = file.read(MAX_SEED_BYTES + 1)
    return data if len(data) <= MAX_SEED_BYTES else len(data)


_retained: list[LoadResult] | None = None


def retain_results() -> None:
    """Keep every result :func:`load` returns from now on alive until the process ends.

    For a command line that exits without freeing what it loaded (see
    :func:`argmap.cli.main`): otherwise the last reference to a big project
    goes, and it is freed object by object, before the exit.
    """
    global _retained
    if _retained is None:
        _retained = []


def load(paths: Iterable[str | os.PathLike] = (DEFAULT_MAPS,), seeds_dir: str | os.PathLike | None = None,
         validate: bool = True, overrides: Mapping[Path, str] | None = None, beside: bool = True,
         memo: FileMemo | None = None, superseded: Callable[[], bool] | None = None) -> LoadResult:
    """Load every map and topics file named by *paths*; never raises on bad input.

    *overrides* maps resolved file paths to text read in place of the file's
    (an editor's unsaved buffers, for the language server): the files must be
    named by *paths* or stand beside them.  *beside* False reads only the
    named files, not the maps beside them (``argmap import`` checks a new map
    with just the maps it refers to, whatever the size of the folder).
    A *memo* (:class:`~argmap.loadmemo.FileMemo`) kept between calls reuses
    each file's model while its text and its seed are unchanged: the
    language server re-parses only the buffer that changed.  *superseded*,
    asked between files and before validation, gives the load up
    (:class:`~argmap.errors.Superseded`) once it answers True.
    """
    with gc_paused():
        result = _load(paths, seeds_dir, validate, overrides or {}, beside, memo, superseded)
    if _retained is not None:
        _retained.append(result)
    return result


def _load(paths: Iterable[str | os.PathLike], seeds_dir: str | os.PathLike | None,
          validate: bool, overrides: Mapping[Path, str], beside: bool = True,
          memo: FileMemo | None = None, superseded: Callable[[], bool] | None = None) -> LoadResult:
    files, diagnostics = discover(paths)
    context = _context_beside(files) if beside else []
    files += context
    every_file = files  # the trimming below rebinds files, not this list
    seeds = _SeedCache()
    seeds_path = Path(seeds_dir) if seeds_dir is not None else None
    maps: dict[str, ArgMap] = {}
    topics: dict[str, Topic] = {}
    topics_path: str | None = None
    documents: list[YamlDocument] = []
    failed: list[tuple[Path, str, str | None]] = []  # files that failed to load: path, name, text

    for path in files:
        if superseded is not None and superseded():
            raise Superseded("a newer load is wanted")
        name = display_path(path)
        buffer = overrides.get(path)
        loaded = memo.get(path, buffer, seeds) if memo is not None else None
        if loaded is None:
            loaded = _load_file(path, name, buffer, seeds, seeds_path)
            if memo is not None:
                memo.put(path, buffer, loaded)
        diagnostics += loaded.problems
        if loaded.document is not None:
            documents.append(loaded.document)
        if loaded.failed:
            failed.append((path, name, loaded.document.text if loaded.document is not None else None))
        elif loaded.topics is not None:
            for tid, topic in loaded.topics.items():
                if tid in topics:
                    diagnostics.append(error("duplicate-id", f"topic {tid!r} is defined twice "
                                             f"(first in {topics_path})", topic.pos))
                else:
                    topics[tid] = topic
            topics_path = topics_path or name
        elif loaded.argmap is not None:
            argmap = loaded.argmap
            if argmap.id in maps:
                diagnostics.append(error("duplicate-map", f"map id {argmap.id!r} is already used by "
                                         f"{maps[argmap.id].path}", argmap.pos))
                continue
            maps[argmap.id] = argmap

    project = Project(MappingProxyType(maps), MappingProxyType(topics), topics_path)
    held: set[tuple[str, str]] = set()
    if superseded is not None and superseded():
        raise Superseded("a newer load is wanted")
    if validate:
        from .validate import validate as run_checks

        failures = _failures(failed, maps)
        diagnostics += run_checks(project, failures)
        held = failures.held
    if context:
        # A file beside the named ones is read only to resolve their references:
        # its problems are hidden, unless it failed to load and a named file's
        # references or stances could not be checked because of it.
        named = {display_path(p) for p in files[:len(files) - len(context)]}
        hidden = {display_path(p) for p in context} - {broken for broken, user in held if user in named}
        diagnostics = [d for d in diagnostics if (d.pos.path if d.pos else d.path) not in hidden]
        files = files[:len(files) - len(context)]
    diagnostics.sort(key=sort_key)
    return LoadResult(project, diagnostics, files, documents, [*every_file, *seeds._cache, *seeds.read])


def _load_file(path: Path, name: str, buffer: str | None, seeds: _SeedCache, seeds_path: Path | None) -> LoadedFile:
    """Parse and build one map or topics file (*buffer* read in place of the file, if given)."""
    problems: list[Diagnostic] = []
    document, parse_problems = (read_yaml(path, name) if buffer is None
                                else parse_yaml(buffer.encode("utf-8", "surrogatepass"), name))
    problems += parse_problems
    if document is None:
        return LoadedFile(None, problems, failed=True)
    root = document.root
    if root is None:
        problems.append(error("empty", "file holds no YAML document", Pos(name, 1, 1)))
        return LoadedFile(document, problems, failed=True)
    is_topics = _is_topics_file(root)
    spec, what = (TOPICS_FILE, "the topics file") if is_topics else (MAP_FILE, "the map")
    # Node records are decoded by build_map, which has a fast path for them.
    doc = decode(root, spec, name, what, problems, defer=frozenset({NODE}))
    if doc is None:
        if not is_topics:
            problems[-1] = error(problems[-1].code, problems[-1].message, problems[-1].pos,
                                 "a map file is a mapping that starts with 'map: <id>'; see docs/format.md")
        return LoadedFile(document, problems, failed=True)
    if is_topics:
        return LoadedFile(document, problems, topics=build_topics(doc))
    seed, seed_path = _load_seed(doc, path, seeds_path, seeds, problems)
    argmap = build_map(doc, name, seed, problems)
    return LoadedFile(document, problems, failed=argmap is None, argmap=argmap,
                      seed=seed_path if seed is not None else None)


def _failures(failed: list[tuple[Path, str, str | None]], maps: Mapping[str, ArgMap]) -> LoadFailures:
    """What failed to load, for validation to hold back the errors that follow from it."""
    from .validate import LoadFailures

    failures = LoadFailures({})
    for path, name, text in failed:
        kind, map_id = _what_failed(path, text)
        if kind == "topics":
            failures.topics = failures.topics or name
        elif map_id not in maps:  # a map by that id did load: references to it resolve
            failures.maps.setdefault(map_id, name)
    return failures


# The id of a map, or a topics file, as a file that failed to parse still shows it.
_MAP_LINE = re.compile(rf"^map[ \t]*:[ \t]*[\"']?({ID_CHARS})", re.MULTILINE)
_TOPICS_LINE = re.compile(r"^topics[ \t]*:", re.MULTILINE)
_HEAD_BYTES = 64 * 1024  # a map's id is on its first lines


def _what_failed(path: Path, text: str | None) -> tuple[str, str]:
    """``("topics", "")``, or ``("map", id)`` with the id as best known, for a file that failed to load."""
    if text is None:  # unreadable, or not even decoded: its first bytes may still say
        try:
            with path.open("rb") as file:
                text = file.read(_HEAD_BYTES).decode("utf-8", "replace")
        except OSError:
            text = ""
    found = _MAP_LINE.search(text)
    if path.stem == "topics" or (found is None and _TOPICS_LINE.search(text)):
        return "topics", ""
    return "map", found.group(1) if found else path.stem


def _is_topics_file(root: yaml.Node) -> bool:
    if not isinstance(root, yaml.MappingNode):
        return False
    keys = {k.value for k, _ in root.value if isinstance(k, yaml.ScalarNode)}
    return "topics" in keys and "map" not in keys


def _load_seed(doc: LDict, map_path: Path, seeds_dir: Path | None, seeds: _SeedCache,
               diagnostics: list[Diagnostic]) -> tuple[SeedText | None, Path | None]:
    """The map's seed and the path it was read from (None, None when there is none, with the problem noted)."""
    source = doc.get("source")
    if not source or "seed" not in source:
        return None, None
    name = source["seed"]
    dirs = _seed_dirs(map_path, seeds_dir)
    for folder in dirs:
        candidate = folder / name
        try:
            found = candidate.is_file()
        except OSError:  # a seeds folder that cannot be searched: reading the seed says why
            found = True
        if found:
            seed = seeds.get(candidate, display_path(candidate))
            if isinstance(seed, Diagnostic):
                diagnostics.append(seed)
                return None, None
            return seed, candidate
    try:
        available = sorted(p.name for d in dirs if d.is_dir() for p in d.iterdir())
    except OSError:  # a seeds folder that cannot be listed: no hint from it
        available = []
    hint = did_you_mean(name, available) or (f"seeds are looked for in {display_path(dirs[0])}/"
                                             if available or not dirs else "no seeds folder found")
    diagnostics.append(error("seed-not-found", f"seed file {name!r} does not exist", source.at["seed"], hint))
    return None, None


def seed_warnings_of(result: LoadResult, seeds: str | os.PathLike | None = None) -> list[Diagnostic]:
    """A ``control-char`` warning for each seed of the loaded maps that holds terminal controls.

    Once per seed, however many maps quote it, at the seed's own line and
    column.  The maps beside the named ones are context: their seeds are
    theirs.  ``argmap check`` and the language server both report these.
    """
    from .controls import seed_control_warning

    checked = {display_path(f) for f in result.files}
    seeds_dir = Path(seeds) if seeds is not None else None
    seen: set[Path] = set()
    found = []
    for argmap in result.project.maps.values():
        if argmap.seed_text is None or argmap.path not in checked:
            continue
        for folder in _seed_dirs(Path(argmap.path), seeds_dir):
            candidate = folder / argmap.source.seed
            if candidate.is_file():
                key = candidate.resolve()
                if key not in seen:
                    seen.add(key)
                    problem = seed_control_warning(argmap.seed_text, display_path(candidate))
                    if problem is not None:
                        found.append(problem)
                break
    return found

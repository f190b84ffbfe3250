"""What every ``argmap import`` format shares: the converter's input and result, and the destination.

A converter (one per format, registered in :mod:`argmap.commands.import_`)
turns the bytes of one file into an :class:`ImportResult`: the map's YAML,
its seed, notes and counts.  Everything else is format-agnostic and lives
here: which maps the destination folder already has (:class:`Destination`),
and writing one result there (:func:`write_result`: target checks, the seed,
atomic writes, messages, and the check that the written map passes).

The destination is read as little as possible, so that importing into a
folder of thousands of maps costs what the new files cost: each map file's
id is read from its first lines (:func:`header_id`), a map's node ids only
when an imported file refers to that map, and the final check loads the new
map with just the topics file and the maps it refers to.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..atomic import Protected, check_target, write_bytes, write_text
from ..errors import ArgmapError, UsageError
from ..plural import plural
from ..visible import visible
from ..yamlsource import read_yaml

__all__ = ["ImportRequest", "ImportResult", "Destination", "check_written", "header_id", "to_stderr", "write_result"]

_SUFFIXES = (".yaml", ".yml")
_HEAD_BYTES = 64 * 1024  # a map's 'map:' key is its first line in every file argmap or a curator writes
_TOPICS = object()       # header_id's answer for the topics file
_NO_KEY = object()       # header_id: the next scalar is a key
try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader  # type: ignore[misc]


@dataclass
class ImportRequest:
    """What a converter is told besides the file's bytes."""

    map_id: str                                     # the id the map must have (already a valid id)
    source_name: str                                # the file as a message may name it ('standard input')
    genre: str | None = None                        # the source's genre when the file does not say (None: guess)
    seeds_dir: Path | None = None                   # where the seed will be written
    topics: Collection[str] | None = None           # the destination's topic ids (None: no topics file)
    maps: Mapping[str, Collection[str]] | None = None  # the destination's maps -> node ids (looked up lazily)
    path: Path | None = None                        # the file itself (None for standard input)


@dataclass
class ImportResult:
    """A converted map: its YAML, its seed and what was skipped."""

    map_id: str
    yaml: str
    seed_name: str
    seed_text: str
    seed_is_new: bool
    report: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    references: set[str] = field(default_factory=set)  # ids of other maps the map refers to


def header_id(path: Path) -> object:
    """The map id a map file declares (``map: ID``), :data:`_TOPICS` for the topics file, else ``None``.

    Reads the first 64 KiB through PyYAML's event parser and stops at the
    top-level ``map`` key; a file whose first 64 KiB do not settle it (a long
    comment, a key order of its own) is composed in full.  As for the loader,
    a file with a ``topics`` key and no ``map`` key is the topics file.
    """
    try:
        with open(path, "rb") as stream:
            head = stream.read(_HEAD_BYTES + 1)
    except OSError:
        return None
    depth, key, topics = 0, _NO_KEY, False
    try:
        for event in yaml.parse(head[:_HEAD_BYTES], Loader=_Loader):
            kind = type(event)
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if depth == 0 and kind is yaml.SequenceStartEvent:
                    return None
                if depth == 1:
                    topics = topics or key == "topics"
                    key = _NO_KEY  # a collection value: the next scalar at this depth is a key
                depth += 1
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                depth -= 1
                if depth == 0:
                    return _TOPICS if topics else None
            elif depth == 1 and (kind is yaml.ScalarEvent or kind is yaml.AliasEvent):
                value = event.value if kind is yaml.ScalarEvent else None
                if key is _NO_KEY:
                    key = value
                else:
                    if key == "map" and value is not None:
                        return value
                    topics = topics or key == "topics"
                    key = _NO_KEY
            elif depth == 0 and kind is yaml.ScalarEvent:
                return None
    except yaml.YAMLError:
        if len(head) <= _HEAD_BYTES:
            return None  # the whole file was read and is no YAML the loader would accept
    if len(head) <= _HEAD_BYTES:
        return _TOPICS if topics else None
    return _full_header(path)


def _full_header(path: Path) -> object:
    document, _ = read_yaml(path)
    root = document.root if document is not None else None
    if not isinstance(root, yaml.MappingNode):
        return None
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "topics":
            return _TOPICS
        if isinstance(key, yaml.ScalarNode) and key.value == "map" and isinstance(value, yaml.ScalarNode):
            return value.value
    return None


class _NodeIds(Mapping[str, Collection[str]]):
    """The destination's maps -> their node ids, each map's read only when asked for."""

    def __init__(self, destination: Destination) -> None:
        self._destination = destination
        self._cache: dict[str, frozenset[str]] = {}

    def __getitem__(self, map_id: str) -> Collection[str]:
        announced = self._destination.pending.get(map_id)
        if announced is not None:
            return announced[1]
        if map_id not in self._cache:
            path = self._destination.map_paths[map_id]  # KeyError: no such map
            self._cache[map_id] = _node_ids(path)
        return self._cache[map_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._destination.map_paths.keys() | self._destination.pending.keys())

    def __len__(self) -> int:
        return len(self._destination.map_paths.keys() | self._destination.pending.keys())

    def forget(self, map_id: str) -> None:
        self._cache.pop(map_id, None)


def _node_ids(path: Path) -> frozenset[str]:
    """The keys of a map file's ``nodes`` (composed, not built: only the ids are wanted)."""
    document, _ = read_yaml(path)
    root = document.root if document is not None else None
    if not isinstance(root, yaml.MappingNode):
        return frozenset()
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "nodes" and isinstance(value, yaml.MappingNode):
            return frozenset(k.value for k, _ in value.value if isinstance(k, yaml.ScalarNode))
    return frozenset()


class Destination:
    """A maps folder an import writes into: its topics, its maps' ids and files, what must not be replaced."""

    def __init__(self, folder: Path, seeds_dir: Path | None) -> None:
        self.folder = folder
        self.seeds_dir = seeds_dir if seeds_dir is not None else folder.resolve().parent / "seeds"
        self.explicit_seeds = seeds_dir
        self.topics: set[str] | None = None
        self.topics_path: Path | None = None
        self.map_paths: dict[str, Path] = {}      # map id -> its file (resolved)
        self.map_files: set[Path] = set()         # every file declaring a map (resolved)
        self.others: set[Path] = set()            # YAML files that are no map: never replaced
        self.written: set[Path] = set()           # maps written in this run: not replaced by a later file
        # Maps a batch will write, announced before it starts (id -> file, node ids): a file may refer
        # to a map that comes later in the batch, and must refer to it rather than copy its nodes.
        self.pending: dict[str, tuple[Path, frozenset[str]]] = {}
        self.nodes = _NodeIds(self)
        self._scan()

    def _scan(self) -> None:
        from ..project import load

        if not self.folder.is_dir():
            return
        try:
            files = sorted(p for p in self.folder.iterdir() if p.suffix in _SUFFIXES and p.is_file())
        except OSError as exc:
            raise UsageError(f"cannot read {visible(str(self.folder), one_line=True)}: {exc.strerror or exc}") \
                from None
        for path in files:
            found = header_id(path)
            resolved = path.resolve()
            if found is _TOPICS:
                self.others.add(resolved)
                if self.topics_path is None:
                    self.topics_path = path
                    loaded = load([str(path)], validate=False, beside=False)
                    self.topics = set(loaded.project.topics)
            elif isinstance(found, str):
                self.map_files.add(resolved)
                self.map_paths.setdefault(found, resolved)
            else:
                self.others.add(resolved)

    def protect(self, output: Path) -> Protected:
        """What writing *output* may not replace: every file read here but a map at *output* itself."""
        own = output.resolve()
        keep = self.others | {p for p in self.map_files if p != own} | (self.written - {own})
        if own in self.written:
            keep.add(own)
        return Protected(keep)

    def claim(self, map_id: str, output: Path) -> None:
        """Refuse *map_id* when another file of the folder declares it."""
        path = self.map_paths.get(map_id)
        if path is not None and path != output.resolve():
            raise UsageError(f"map id {map_id!r} is already used by {visible(str(path), one_line=True)}; "
                             f"choose another with --map-id")

    def announce(self, map_id: str, output: Path, node_ids: frozenset[str]) -> None:
        """A map a batch is about to write, with its nodes (unless the folder has another map of that id)."""
        path = self.map_paths.get(map_id)
        if (path is None or path == output.resolve()) and map_id not in self.pending:
            self.pending[map_id] = (output.resolve(), node_ids)

    def add(self, map_id: str, output: Path) -> None:
        """Record a map written in this run."""
        self.pending.pop(map_id, None)
        resolved = output.resolve()
        self.map_paths[map_id] = resolved
        self.map_files.add(resolved)
        self.written.add(resolved)
        self.nodes.forget(map_id)


def to_stderr(line: str) -> None:
    """Print one message line on standard error (what :func:`write_result` says by default)."""
    print(line, file=sys.stderr)


def write_result(result: ImportResult, output: Path, destination: Destination, *, force: bool,
                 quiet: bool, say: Callable[[str], None] = to_stderr, check: bool = True) -> int:
    """Write *result* (its seed, then the map) and check the map; the exit status (1: it does not check).

    Messages go through *say* (standard error; a batch clears its progress bar first).  A batch
    passes *check* False and checks every map it wrote at the end (:func:`check_written`), when
    the maps they refer to are written too.
    """
    protect = destination.protect(output)
    check_target(output, overwrite=force, protect=protect)  # e.g. -o maps/topics.yaml --force
    seeds_dir = destination.seeds_dir
    seed = write_text(seeds_dir / result.seed_name, result.seed_text) if result.seed_is_new else None
    try:
        write_bytes(output, result.yaml.encode("utf-8"), overwrite=force, protect=protect)
    except ArgmapError:
        if seed is not None:  # the map was not written: take back the seed written for it
            seed.unlink(missing_ok=True)
        raise
    destination.add(result.map_id, output)

    if not quiet:
        for line in result.report:
            say(f"note: {visible(line, one_line=True)}")
        counts = result.counts
        elsewhere = counts.get("elsewhere", 0)
        say(f"wrote {visible(str(output), one_line=True)}: {plural(counts.get('nodes', 0), 'node')}, "
            f"{plural(counts.get('relations', 0), 'relation')}, {plural(counts.get('speakers', 0), 'speaker')}"
            + (f" ({plural(elsewhere, 'relation')} declared by other maps left to them)" if elsewhere else ""))
        if seed is not None:
            say(f"wrote {visible(str(seed), one_line=True)} (the seed)")
    if not check:
        return 0
    return 1 if check_written([(output, result.references)], destination, say) else 0


def check_written(written: list[tuple[Path, set[str]]], destination: Destination,
                  say: Callable[[str], None] = to_stderr) -> set[Path]:
    """Check the maps an import wrote (with the maps each refers to); print their errors; the files that have some.

    The promise: an imported map passes 'argmap check'.  Checked with the topics file and the
    maps referred to only, not the whole folder: the cost of an import is the new files'.
    """
    from ..project import load

    if not written:
        return set()
    named = {str(output.resolve()): None for output, _ in written}
    if destination.topics_path is not None:
        named[str(destination.topics_path.resolve())] = None
    for _, references in written:
        named.update((str(destination.map_paths[m]), None) for m in sorted(references) if m in destination.map_paths)
    explicit = destination.explicit_seeds
    loaded = load(list(named), seeds_dir=str(explicit) if explicit is not None else None, beside=False)
    ours = {output.resolve() for output, _ in written}
    failed: set[Path] = set()
    for diagnostic in loaded.diagnostics:
        if diagnostic.is_error and diagnostic.pos and (path := Path(diagnostic.pos.path).resolve()) in ours:
            say(diagnostic.format())
            failed.add(path)
    return failed

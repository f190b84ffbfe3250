"""Import argument maps from other tools' formats.

    argmap import aif FILE.json -o maps/NAME.yaml
    argmap import aif A.json B.json CORPUS/ -o maps/
    argmap import argdown FILE.argdown -o maps/NAME.yaml   (or the JSON of 'argdown json')

One file and an output ending in ``.yaml`` writes that map (its id is NAME
unless --map-id).  Several files, or a folder (its files with the format's
suffixes, not recursively), write one map each into the output folder,
named after each file, with a progress bar on a terminal; a file that
cannot be imported is reported, by its name, and the others go on (exit 1
at the end).  Each map's seed goes to seeds/ beside the maps folder.  All
is written atomically and never over an existing file (a map only with
--force, and never a map written earlier in the same run; a seed never: a
new name is chosen).  See docs/export.md.

Adding a format is one entry in :data:`FORMATS`.  The converter contract:

* A :class:`Format` names a module and a function ``convert(data: bytes,
  request: ImportRequest) -> ImportResult`` (both in
  :mod:`argmap.export.importing`).  *data* is the file's bytes, already
  read and capped at the map size limit; ``request.path`` is the file
  (``None`` for standard input) for a converter that must hand it to
  another program.
* It returns the map as YAML that passes ``argmap check`` in the
  destination, with its seed (``seed_is_new`` False when an identical seed
  exists in ``request.seeds_dir``), plain-words notes of what it skipped,
  counts (``nodes``, ``relations``, ``speakers``, ``elsewhere``) and the ids
  of the destination's maps the YAML refers to (``references``).
* It writes nothing and prints nothing; it raises
  :class:`~argmap.errors.ArgmapError` for a file it cannot import, with a
  message that does not repeat the file's name (the command adds it).
* It refers to a node of another map only if ``request.maps`` (the
  destination's maps to their node ids, read on demand) has it, stances only
  to ``request.topics``, and it takes its id from ``request.map_id``.

Everything else (which files, where the map goes, target checks, the
seed, atomic writes, messages, the final check) is done here and in
:mod:`argmap.export.importing`, the same for every format.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NamedTuple

NAME = "import"
HELP = "import maps from AIF (AIFdb / OVA JSON) or Argdown"


class Format(NamedTuple):
    """One importable format: what it is called, its converter, the suffixes of its files in a folder."""

    title: str
    module: str       # imported when used: a format's dependencies cost nothing to the others
    function: str     # convert(data: bytes, request: ImportRequest) -> ImportResult
    suffixes: tuple[str, ...]
    # Optional, for batches: announce(data: bytes) -> (map id, node ids) or None, the map a file
    # will make as far as the file says so cheaply (argmap's own exports), so that files of one
    # batch refer to each other's nodes whatever their order.
    announce: str | None = None
    noun: str = ""    # what its files are called in messages ("AIF files are limited to ...")


FORMATS: dict[str, Format] = {
    "aif": Format("AIF (AIFdb / OVA JSON)", "argmap.export.aif_import", "convert_file", (".json",), "announced", "AIF"),
    "argdown": Format("Argdown: the JSON of 'argdown json', or .argdown through the Argdown CLI",
                      "argmap.export.argdown_import", "convert_file", (".argdown", ".ad", ".json"), "announced",
                      "Argdown"),
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    # --help shows what a user needs: the docstring up to the converter contract, which is for developers.
    parser.description = (__doc__ or "").split("\nAdding a format")[0].rstrip() + "\n"
    parser.add_argument("source_format", choices=list(FORMATS), metavar="FORMAT",
                        help="the files' format: " + ", ".join(f"{k} ({f.title})" for k, f in FORMATS.items()))
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="the files to import, or folders of them ('-' for standard input)")
    parser.add_argument("-o", "--output", required=True, metavar="MAP.yaml|DIR",
                        help="the map file to write (one input), or the maps folder (several, or a folder)")
    parser.add_argument("--map-id", metavar="ID", help="the map's id (one input; default: the output file's name)")
    from ..model import Genre

    parser.add_argument("--genre", choices=[g.value for g in Genre if g is not Genre.PAGE_FURNITURE], default=None,
                        help="the source's genre when the file does not say (default: news-report; debate for "
                             "dialogue corpora such as QT30 and US2016)")
    parser.add_argument("--seeds", metavar="DIR",
                        help="where to put the seeds (default: seeds/ beside the maps folder)")
    parser.add_argument("--force", action="store_true", help="overwrite map files that exist")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")


class _Job(NamedTuple):
    source: str           # as typed or found: '-' or a path
    output: Path
    map_id: str | None    # None: from the output's name


def run(args: argparse.Namespace) -> int:
    from ..errors import ArgmapError
    from ..export.importing import Destination, check_written
    from ..visible import visible

    spec = FORMATS[args.source_format]
    jobs = _jobs(args, spec)
    folder = jobs[0].output.parent
    destination = Destination(folder, Path(args.seeds) if args.seeds else None)
    if len(jobs) == 1:
        return _one(args, spec, jobs[0], destination)
    from .export import _Progress

    progress = _Progress(len(jobs), args.quiet)

    def say(line: str) -> None:  # a message starts on a line of its own, the bar is drawn again after it
        progress.close()
        print(line, file=sys.stderr)

    _announce(spec, jobs, destination)
    failed = 0
    written: list[tuple[Path, set[str]]] = []
    for done, job in enumerate(jobs):
        progress.update(done, Path(job.source).name)
        try:
            _one(args, spec, job, destination, say, written)
        except ArgmapError as exc:  # this file's problem: say so, go on with the others
            say(f"argmap: error: {visible(str(exc))}")
            failed += 1
    progress.close()
    failed += len(check_written(written, destination))  # at the end: maps refer to maps written after them
    if not args.quiet or failed:
        print(f"imported {len(jobs) - failed} of {len(jobs)} files into {visible(str(folder), one_line=True)}"
              + (f"; {failed} failed" if failed else ""), file=sys.stderr)
    return 1 if failed else 0


def _announce(spec: Format, jobs: list[_Job], destination) -> None:
    """Tell the destination which maps the batch will write and their nodes, where the files say so."""
    import importlib

    from ..errors import ArgmapError
    from ..export.jsonfile import read_file

    if spec.announce is None:
        return
    announced = getattr(importlib.import_module(spec.module), spec.announce)
    for job in jobs:
        try:
            found = announced(read_file(job.source, spec.noun))
        except (OSError, ArgmapError):  # reported when the file itself is imported
            continue
        if found is not None and found[0] == job.output.stem:
            destination.announce(found[0], job.output, found[1])


def _jobs(args: argparse.Namespace, spec: Format) -> list[_Job]:
    """The files to import and the map file each becomes."""
    from ..errors import UsageError
    from ..export.aif_import import slug
    from ..visible import visible

    output = Path(args.output)
    single = len(args.files) == 1 and (args.files[0] == "-" or not Path(args.files[0]).is_dir())
    if single and output.suffix in (".yaml", ".yml"):
        return [_Job(args.files[0], output, args.map_id)]
    if single and args.files[0] == "-":
        raise UsageError(f"{visible(args.output, one_line=True)}: the map file must end in .yaml")
    if args.map_id:
        raise UsageError("--map-id names one map: give one file and -o MAP.yaml")
    if output.suffix in (".yaml", ".yml") or (output.exists() and not output.is_dir()):
        raise UsageError(f"{visible(args.output, one_line=True)}: several files, or a folder of them, make one map each: give -o DIR")
    sources: list[str] = []
    for raw in args.files:
        path = Path(raw)
        if raw == "-":
            raise UsageError("standard input ('-') can only be imported on its own")
        if path.is_dir():
            try:
                found = sorted(p for p in path.iterdir() if p.suffix.lower() in spec.suffixes and p.is_file())
            except OSError as exc:
                raise UsageError(f"cannot read {visible(raw, one_line=True)}: {exc.strerror or exc}") from None
            if not found:
                raise UsageError(f"{visible(raw, one_line=True)}: no {' or '.join(spec.suffixes)} files in it")
            sources += map(str, found)
        else:
            sources.append(raw)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {visible(args.output, one_line=True)}: {exc.strerror or exc}") from None
    jobs, taken = [], set()
    for source in dict.fromkeys(sources):
        stem = slug(Path(source).name.split(".")[0]) or "imported"
        name, k = stem, 2
        while name.casefold() in taken:  # two files of one name (in two folders, or no ASCII in it)
            name, k = f"{stem}-{k}", k + 1
        taken.add(name.casefold())
        jobs.append(_Job(source, output / f"{name}.yaml", None))
    return jobs


def _one(args: argparse.Namespace, spec: Format, job: _Job, destination, say=None, written=None) -> int:
    """Import one file as *job* says (messages through *say*); raise ArgmapError (naming the file) when it cannot be.

    With *written* (a batch), the map is not checked here: it is added to *written* for the check at the end.
    """
    import importlib
    import re

    from ..atomic import check_target
    from ..errors import ArgmapError, UsageError
    from ..export.aif_import import slug
    from ..export.importing import ImportRequest, to_stderr, write_result
    from ..export.jsonfile import read_capped, read_file
    from ..spec import ID_PATTERN
    from ..visible import visible

    output = job.output
    if output.suffix not in (".yaml", ".yml"):
        raise UsageError(f"{visible(str(output), one_line=True)}: the map file must end in .yaml")
    if output.resolve() in destination.written:
        raise UsageError(f"{visible(str(output), one_line=True)} was written from another file in this run; "
                         f"two files would make one map")
    protect = destination.protect(output)
    check_target(output, overwrite=args.force, protect=protect)  # before reading the input
    map_id = job.map_id or output.stem
    if not re.fullmatch(ID_PATTERN, map_id):
        map_id = slug(map_id) or "imported"
        if not args.quiet:
            (say or to_stderr)(f"argmap: using map id {map_id!r}")
    destination.claim(map_id, output)
    shown = "standard input" if job.source == "-" else visible(job.source, one_line=True)
    try:
        data = read_capped(sys.stdin.buffer, spec.noun) if job.source == "-" else read_file(job.source, spec.noun)
    except OSError as exc:
        raise UsageError(f"cannot read {shown}: {exc.strerror or exc}") from None
    except ArgmapError as exc:
        raise ArgmapError(f"{shown}: {exc}") from None
    request = ImportRequest(map_id=map_id, source_name="standard input" if job.source == "-" else
                            Path(job.source).name, genre=args.genre, seeds_dir=destination.seeds_dir,
                            topics=destination.topics, maps=destination.nodes,
                            path=None if job.source == "-" else Path(job.source))
    convert = getattr(importlib.import_module(spec.module), spec.function)
    try:
        result = convert(data, request)
    except ArgmapError as exc:  # the file's problem: name the file (as typed), nothing written
        raise ArgmapError(f"{shown}: {exc}") from None
    status = write_result(result, output, destination, force=args.force, quiet=args.quiet, say=say or to_stderr,
                          check=written is None)
    if written is not None:
        written.append((output, result.references))
    return status

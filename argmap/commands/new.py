"""Write a starter map for a new source text (seeds/TEXT.txt) that passes `argmap check`.

The map goes to maps/ beside the seeds folder (or -o), is written atomically
and never over an existing file unless --force is given; the seed is never
written.
"""

from __future__ import annotations

import argparse

NAME = "new"
HELP = "write a starter map for a new seed text (refuses to overwrite)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("seed", metavar="SEED", help="the source text, e.g. seeds/2024-article.txt")
    parser.add_argument("-o", "--output", metavar="MAP", help="the map file to write (default: maps/ID.yaml "
                                                               "beside the seed's folder)")
    parser.add_argument("--force", action="store_true", help="overwrite the map file if it exists")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..atomic import Protected, write_text
    from ..errors import UsageError
    from ..project import MAX_SEED_BYTES, _read_seed, display_path  # the loader's own bounded seed read
    from ..starter import map_id_for, starter_map
    from ..visible import visible

    seed = Path(args.seed)
    shown = visible(display_path(seed), one_line=True)
    try:
        data = _read_seed(seed)
    except OSError as exc:
        raise UsageError(f"{shown}: cannot read the seed: {exc.strerror or exc}") from None
    if isinstance(data, int):
        raise UsageError(f"{shown}: the seed is {data:,} bytes; seeds are limited to {MAX_SEED_BYTES:,}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{shown}: the seed is not UTF-8 (byte {exc.start})") from None
    map_id = map_id_for(seed.stem)
    output = Path(args.output) if args.output else seed.resolve().parent.parent / "maps" / f"{map_id}.yaml"
    written = write_text(output, starter_map(seed.name, text, map_id), overwrite=args.force,
                         protect=Protected([seed]))
    print(f"wrote {visible(display_path(written), one_line=True)}: check it with "
          f"'argmap check {visible(display_path(written), one_line=True)}'")
    return 0

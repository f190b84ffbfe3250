"""Print the JSON Schema of map files (what docs/argmap.schema.json holds)."""

from __future__ import annotations

import argparse
import sys

NAME = "schema"
HELP = "print the JSON Schema of the map format"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="PATH", help="write to PATH instead of standard output")
    parser.add_argument("--force", action="store_true", help="overwrite PATH if it exists")


def run(args: argparse.Namespace) -> int:
    from ..atomic import write_text
    from ..spec import json_schema_text

    text = json_schema_text()
    if args.output:
        write_text(args.output, text, overwrite=args.force)
    else:
        sys.stdout.write(text)
    return 0

"""Run argmap's language server over stdio, for editors (see docs/editors.md).

The editor starts it; it reads LSP messages on standard input and writes
them on standard output.  It never writes a file.
"""

from __future__ import annotations

import argparse

NAME = "lsp"
HELP = "language server for editors (LSP over stdio): diagnostics, completion, hover, go to"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--stdio", action="store_true",
                        help="talk over standard input and output (the default and only transport; "
                             "accepted because some editors pass it)")


def run(args: argparse.Namespace) -> int:
    try:
        from ..lsp.server import serve
    except ImportError as exc:  # pygls is a dependency, but a broken install should say so plainly
        from ..errors import UsageError

        raise UsageError(f"the language server needs pygls and lsprotocol: {exc}") from None
    serve()
    return 0

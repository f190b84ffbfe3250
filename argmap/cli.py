"""The ``argmap`` command line: one subcommand per module in argmap.commands.

Command modules define ``NAME``, ``HELP``, ``configure(parser)`` and
``run(args) -> int`` and import their heavy dependencies inside ``run`` so
that ``argmap check`` never pays for Textual or Graphviz.  When the first
argument names a command, only that command's module is imported and only
its options are declared: the others matter only to ``argmap --help`` and
to the "invalid choice" error, which get the full parser.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import __version__
from .errors import ArgmapError, UsageError
from .locate import looks_like_path
from .project import retain_results

# Order is the order of `argmap --help`.
COMMANDS = ["tui", "check", "show", "search", "stats", "stances", "eval", "coverage", "export",
            "import", "new", "schema", "lsp"]


def _load_command(name: str):
    try:
        return importlib.import_module(f"argmap.commands.{name.replace('import', 'import_')}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("argmap.commands."):
            return None  # not built yet
        raise


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # exit status 2, as argparse does, but with a pointer to help
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n(try '{self.prog} --help')\n")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or with *only*, of that one command."""
    parser = _Parser(
        prog="argmap",
        description="Map, check, explore and draw the arguments in opinion pieces. "
                    "With no command, opens the explorer (TUI) on maps/.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, prog=parser.prog)
    for name in COMMANDS if only is None else [only]:
        module = _load_command(name)
        if module is None:
            continue
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.__doc__)
        module.configure(command)
        command.set_defaults(_run=module.run, _exit_at_once=getattr(module, "EXIT_AT_ONCE", False))
    return parser


def main(argv: Sequence[str] | None = None, *, exit_at_once: bool = False) -> int:
    """Run the command *argv* names and return its exit status.

    With *exit_at_once* (the console script), a command that opts in ends the
    process itself, without freeing what it loaded: see :func:`_exit_now`.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    # `argmap maps/x.yaml` and `argmap may-2018` open the explorer on that map, as
    # `argmap` opens it on maps/.  A command name always wins (a map called
    # `check` opens with `argmap tui check`); a word that is neither gets a
    # "did you mean" among commands and map ids alike.
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS and _names_a_map(argv[0]):
        argv.insert(0, "tui")
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        _unknown_command(argv[0])
    # The top-level parser has no options but -h and --version, so a command name in
    # first place is the command, and everything after it is that command's to parse.
    parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["tui", *argv])
    at_once = exit_at_once and args._exit_at_once
    if at_once:
        retain_results()
    code = _flush_output(_run(args))
    if at_once:
        _exit_now(code)
    return code


def _names_a_map(word: str) -> bool:
    """Whether *word* is a file or folder, or the id of a map in the project's maps/ (read cheaply)."""
    if os.path.exists(word):
        return True
    if looks_like_path(word) or not word:
        return False
    return word in _project_map_ids()


def _project_map_ids() -> list[str]:
    """The map ids of the project found from here (none outside a project); files are not loaded."""
    from .locate import MAPS, find_project, map_ids

    project = find_project()  # the same lookup every command makes for map ids
    return list(map_ids(project / MAPS)) if project is not None else []


def _unknown_command(word: str) -> NoReturn:
    """Exit 2 for a first word that is no command, file or map id: ``argmap exprot`` gets a "did you mean"."""
    from .suggest import did_you_mean
    from .visible import visible

    ids = [] if looks_like_path(word) else _project_map_ids()
    hint = did_you_mean(word, COMMANDS + [i for i in ids if i not in COMMANDS])
    message = f"unknown command '{visible(word, one_line=True)}'" + (
        f"; {hint}" if hint else f"; commands: {', '.join(COMMANDS)}")
    build_parser().error(message)


def _run(args: argparse.Namespace) -> int:
    try:
        return args._run(args)
    except UsageError as exc:
        _say_error(exc)
        return 2
    except ArgmapError as exc:  # a refused or failed write, a drawing that failed: the message says which
        _say_error(exc)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except OSError as exc:
        # The machine, not a bug: a folder that cannot be read, a full disk, a name too
        # long.  Writers and the loader report their own; this catches what slips past.
        print(f"argmap: error: {_os_error(exc)}", file=sys.stderr)
        if exc.filename is None:
            _quiet_stdout()  # what is still buffered cannot be written either
            return 1
        return 2
    except Exception:  # a bug, not bad input: keep it short, and the details on request
        if os.environ.get("ARGMAP_DEBUG"):
            import traceback  # only for bugs, so not imported at start-up

            traceback.print_exc()
        else:
            from .visible import visible

            kind, value, _ = sys.exc_info()
            print(f"argmap: internal error: {kind.__name__}: {visible(value)}\n"
                  "(set ARGMAP_DEBUG=1 for the traceback, and please report it)", file=sys.stderr)
        return 70


def _say_error(exc: Exception) -> None:
    """Print *exc*'s message; it may quote file names and map text, so controls are shown, not sent."""
    from .visible import visible

    print(f"argmap: error: {visible(exc)}", file=sys.stderr)


def _os_error(exc: OSError) -> str:
    """*exc* as ``PATH: reason`` (both paths of a rename), the path shown safely."""
    from .visible import visible

    reason = exc.strerror or str(exc)
    paths = [os.fsdecode(p) for p in (exc.filename, exc.filename2) if p is not None]
    if not paths:  # file operations name their file: one that does not is writing to a stream
        return f"cannot write output: {reason}"
    return ": ".join([*(visible(p, one_line=True) for p in paths), reason])


def _quiet_stdout() -> None:
    """The reader (e.g. `head`) went away: stay quiet like other Unix tools."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout already closed
        pass


def _flush_output(code: int) -> int:
    """Flush standard output now, so a full disk or a closed pipe is reported, not lost at exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    except OSError as exc:
        print(f"argmap: error: {_os_error(exc)}", file=sys.stderr)
        _quiet_stdout()  # what is still buffered cannot be written either
        return max(code, 1)
    except ValueError:  # closed by the command
        pass
    return code


def _exit_now(code: int) -> NoReturn:
    """End the process at once, without freeing the objects the command made.

    Freeing a big project object by object takes longer than some of the work
    (about 0.1 s for 10,000 nodes), and the operating system reclaims the
    memory in one go; mypy ends the same way (mypy.util.hard_exit).  atexit
    handlers do not run, so only commands whose whole result is their output
    opt in, with ``EXIT_AT_ONCE = True``.
    """
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # the reader went away, or a stream was closed
        pass
    os._exit(code)


def entry_point() -> NoReturn:
    """The ``argmap`` console script and ``python -m argmap``."""
    sys.exit(main(exit_at_once=True))

"""Exception classes.  They subclass builtins so callers can catch broadly."""

from __future__ import annotations

import os


class ArgmapError(Exception):
    """Base class of argmap's own errors."""


class UsageError(ArgmapError, ValueError):
    """The command line asks for something impossible (exit status 2)."""


class _PathMessage(OSError):
    """An OSError whose text is a whole message (no errno prefix) and which keeps its path.

    OSError reads two arguments as (errno, strerror); these take the message
    and the path instead.
    """

    def __init__(self, message: str, path: str | os.PathLike | None = None) -> None:
        super().__init__(message)
        self.path = os.fspath(path) if path is not None else None


class OutputExistsError(ArgmapError, _PathMessage, FileExistsError):
    """A command would overwrite a file it was not told it may overwrite."""


class UnsafeOutputError(OutputExistsError):
    """``--force`` was given, but the file there must not be replaced: a file argmap
    read in this run (a map, seed or topics file), or not a regular file (a
    folder, FIFO, device or socket)."""


class WriteError(ArgmapError, _PathMessage):
    """The operating system refused to write a file (read-only, full, name too long...)."""


class ConfigError(ArgmapError, _PathMessage):
    """The settings file (argmap.config) could not be changed: a bad key or value, a file
    that is not TOML (left as it is), or one that cannot be read or replaced."""


class RenderError(ArgmapError, RuntimeError):
    """Graphviz (system or embedded) failed to draw a diagram."""


class EmptySelectionError(ArgmapError, LookupError):
    """A diagram's filters leave nothing of a map to draw (in a batch, the other maps go on)."""


class Superseded(ArgmapError):
    """A load given up part way because its result is no longer wanted (an edit came in meanwhile)."""

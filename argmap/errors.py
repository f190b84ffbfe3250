"""Exception classes.  They subclass builtins so callers can catch broadly."""

from __future__ import annotations


class ArgmapError(Exception):
    """Base class of argmap's own errors."""


class UsageError(ArgmapError, ValueError):
    """The command line asks for something impossible (exit status 2)."""


class OutputExistsError(ArgmapError, FileExistsError):
    """A command would overwrite a file it was not told it may overwrite."""


class RenderError(ArgmapError, RuntimeError):
    """Graphviz (system or embedded) failed to draw a diagram."""

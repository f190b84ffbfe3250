"""Diagnostics: the problems validation finds, printed like a compiler's."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Pos
from .visible import visible

__all__ = ["Severity", "Diagnostic", "format_text", "format_json", "UNREADABLE_CODES"]


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


# Problems that mean the input could not be read at all: exit status 2.
UNREADABLE_CODES = frozenset({"io", "encoding", "binary", "too-large", "not-found"})


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in the maps: ``path:line:col: severity[code]: message`` and a hint."""

    code: str
    message: str
    pos: Pos | None = None
    severity: Severity = Severity.ERROR
    hint: str = ""
    path: str = ""  # for problems of a whole file with no position

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def location(self) -> str:
        return str(self.pos) if self.pos else self.path

    def format(self) -> str:
        """The diagnostic for a terminal: ``path:line:col: severity[code]: message``, and its hint.

        Paths, messages and hints quote map text and file names, so terminal
        controls are shown as escapes and each part stays on its own line (a
        file name holding a newline cannot forge a diagnostic of its own).
        """
        head = f"{visible(self.location, one_line=True)}: " if self.location else ""
        text = f"{head}{self.severity}[{self.code}]: {visible(self.message, one_line=True)}"
        return f"{text}\n    hint: {visible(self.hint, one_line=True)}" if self.hint else text

    def as_dict(self) -> dict:
        return {
            "path": self.pos.path if self.pos else self.path,
            "line": self.pos.line if self.pos else None,
            "col": self.pos.col if self.pos else None,
            "severity": str(self.severity),
            "code": self.code,
            "message": self.message,
            "hint": self.hint or None,
        }


def error(code: str, message: str, pos: Pos | None = None, hint: str = "") -> Diagnostic:
    return Diagnostic(code, message, pos, Severity.ERROR, hint)


def warning(code: str, message: str, pos: Pos | None = None, hint: str = "") -> Diagnostic:
    return Diagnostic(code, message, pos, Severity.WARNING, hint)


def sort_key(diagnostic: Diagnostic) -> tuple:
    pos = diagnostic.pos
    return (pos.path if pos else diagnostic.path, pos.line if pos else 0, pos.col if pos else 0)


def format_text(diagnostics: Iterable[Diagnostic]) -> str:
    """The diagnostics for a terminal, one per line (and a line per hint)."""
    return "\n".join(d.format() for d in diagnostics)


def format_json(diagnostics: Sequence[Diagnostic], files: int) -> str:
    from .jsonout import dumps  # only `check --format json` needs it: text output is the common case

    errors = sum(d.is_error for d in diagnostics)
    return dumps(
        {
            "version": 1,
            "files": files,
            "errors": errors,
            "warnings": len(diagnostics) - errors,
            "diagnostics": [d.as_dict() for d in diagnostics],
        },
    )

"""argmap positions (1-based line and column, in characters) as LSP ranges, and problems as diagnostics."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types

from ..diagnostics import Diagnostic, Severity
from ..model import Pos
from ..visible import visible

__all__ = ["split_lines", "set_position_encoding", "client_col", "char_index", "token_range", "to_lsp_diagnostic"]

# The token a problem points at: an id, a map:node reference or a plain word.
_TOKEN = re.compile(r"[^\s,\[\]{}:#\"']+(?::[^\s,\[\]{}:#\"']+)?")
# A quoted scalar: to its closing quote (or the end of the line).
# What ends a plain scalar early: a flow collection's punctuation, or a key's colon.
_FLOW_OR_KEY = re.compile(r"[,\[\]{}]|:(?:\s|$)")
_QUOTED = re.compile(r"\"(?:[^\"\\]|\\.)*\"?|'(?:[^']|'')*'?")


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# The unit of LSP columns agreed at initialize (UTF-16 unless the client offers another).
_encoding: str = "utf-16"


def set_position_encoding(encoding: str) -> None:
    """Count columns in *encoding*'s code units ("utf-8", "utf-16" or "utf-32") from now on."""
    global _encoding
    _encoding = encoding if encoding in ("utf-8", "utf-16", "utf-32") else "utf-16"


def _units(char: str) -> int:
    if _encoding == "utf-32":
        return 1
    if _encoding == "utf-8":
        return len(char.encode("utf-8", "surrogatepass"))
    return 2 if ord(char) > 0xFFFF else 1


def client_col(line: str, index: int) -> int:
    """The LSP column of character *index* of *line*, in the agreed unit."""
    head = line[:index]
    if _encoding == "utf-32" or head.isascii():
        return len(head)
    return sum(map(_units, head))


def char_index(line: str, col: int) -> int:
    """The character index of LSP column *col* of *line* (the inverse of :func:`client_col`)."""
    if _encoding == "utf-32" or line.isascii():
        return min(col, len(line))
    units = 0
    for i, c in enumerate(line):
        if units >= col:
            return i
        units += _units(c)
    return len(line)


def split_lines(text: str) -> list[str]:
    """*text*'s lines as LSP counts them (at LF, CR LF and CR only, where str.splitlines also splits at FF, NEL...)."""
    return _LINE_BREAK.split(text)


def _line(lines: Sequence[str], number: int) -> str:
    return lines[number].rstrip("\r\n") if 0 <= number < len(lines) else ""


def token_range(lines: Sequence[str], pos: Pos | None, length: int | None = None) -> types.Range:
    """The range of the token at *pos* in *lines* (a file's lines), or of *length* characters there."""
    if pos is None:
        return types.Range(types.Position(0, 0), types.Position(0, 0))
    row = max(pos.line - 1, 0)
    line = _line(lines, row)
    start = min(max(pos.col - 1, 0), len(line))
    if length is None:
        match = _QUOTED.match(line, start) or _TOKEN.match(line, start)
        end = match.end() if match and match.end() > start else len(line.rstrip())
        rest = line[start:]
        if line[end:end + 1] == " " and not _FLOW_OR_KEY.search(rest):
            comment = re.search(r"\s#", rest)  # a plain scalar of several words: all of them, to a comment
            end = start + len((rest[:comment.start()] if comment else rest).rstrip())
    else:
        end = start + length
    end = max(min(end, len(line)), start)
    return types.Range(types.Position(row, client_col(line, start)), types.Position(row, client_col(line, end)))


def to_lsp_diagnostic(problem: Diagnostic, lines: Sequence[str]) -> types.Diagnostic:
    """*problem* as the editor shows it: the same code, message and hint as ``argmap check``.

    Messages quote map text: controls and bidi overrides are shown as escapes,
    as in the terminal, so a map cannot disguise a problem in the editor.
    """
    message = visible(problem.message, one_line=True)
    if problem.hint:
        message += "\nhint: " + visible(problem.hint, one_line=True)
    severity = (types.DiagnosticSeverity.Error if problem.severity is Severity.ERROR
                else types.DiagnosticSeverity.Warning)
    return types.Diagnostic(range=token_range(lines, problem.pos), message=message, severity=severity,
                            code=problem.code, source="argmap")

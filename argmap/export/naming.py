"""The output format follows the output's name: ``-o may.png`` writes PNG.

Shared by ``argmap export`` and the explorer's export dialog, so a name
means the same format everywhere.  A ``-f`` that contradicts the name, and
a file name with no extension to go by, are refused before anything is
drawn, with a hint.
"""

from __future__ import annotations

import os

from ..errors import UsageError
from ..visible import visible

__all__ = ["SUFFIXES", "format_of", "choose_format", "is_folder", "no_extension_hint"]

# Longest first, so "x.aif.json" is AIF, not JSON.
SUFFIXES: tuple[tuple[str, str], ...] = (
    (".aif.json", "aif"), (".svg", "svg"), (".png", "png"), (".pdf", "pdf"), (".dot", "dot"),
    (".gv", "dot"), (".json", "json"), (".argdown", "argdown"), (".ad", "argdown"), (".aif", "aif"),
)


def format_of(name: str) -> str | None:
    """The format a file *name* asks for by its extension (case-insensitive), or None."""
    lowered = os.path.basename(name).lower()
    for suffix, fmt in SUFFIXES:
        if lowered.endswith(suffix) and len(lowered) > len(suffix):
            return fmt
    return None


def is_folder(output: str) -> bool:
    """Whether *output* names a folder: it ends with a separator, or is one already."""
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


def _extensions() -> str:
    return ", ".join(suffix for suffix, _ in SUFFIXES if suffix not in (".gv", ".ad", ".aif"))


def no_extension_hint(output: str, flag: str | None) -> str:
    """Why a file name without a known extension is refused, and what to write instead."""
    base = visible(os.path.splitext(os.path.basename(output.rstrip("/")))[0] or output, one_line=True)
    return (f"cannot tell the format from the name {visible(output, one_line=True)}: add an extension "
            f"({_extensions()}), e.g. -o {base}.{flag or 'svg'}, or end a folder name with / (-o {base}/)")


def choose_format(output: str | None, flag: str | None) -> str:
    """The format to write: from *output*'s extension, or the ``-f`` *flag*, or SVG.

    Raises UsageError when the two disagree, or when *output* is a file name
    with no extension (and no ``-f``) or with one argmap does not write.
    """
    if output in (None, "-") or is_folder(output):
        return flag or "svg"
    named = format_of(output)
    if named is None:
        # No extension: a folder for several maps (argmap export checks that there are
        # several, see no_extension_hint); an extension of the user's own: -f says the format.
        if flag is not None or not os.path.splitext(output)[1]:
            return flag or "svg"
        raise UsageError(no_extension_hint(output, flag))
    if named == "json" and flag == "aif":   # an AIF file is JSON: the name does not contradict it
        return flag
    if flag is not None and flag != named:
        raise UsageError(f"-f {flag} contradicts the name {visible(output, one_line=True)}, which asks for {named.upper()}; "
                         f"drop -f or name the file .{flag if flag != 'aif' else 'aif.json'}")
    return named

"""Show user text on a terminal without letting it command the terminal.

Map text, seed text and file names come from strangers.  Written raw, an
ESC sequence can clear the screen and scrollback, set the window title
(OSC 0), write the clipboard (OSC 52) or plant a hyperlink (OSC 8); a C1
control (CSI is U+009B) does the same in one character; BEL rings, CR
rewrites the line, and a bidirectional override reorders what follows so a
line reads other than it is.  :func:`visible` turns each of these into a
visible escape (``\\x1b``, ``\\x9b``, ``\\r``, ``<U+202E>``) for every
human-readable output, on a terminal or not.  JSON output stays exact: its
encoder escapes control characters itself.
"""

from __future__ import annotations

import re

__all__ = ["visible", "has_controls", "CONTROLS", "BIDI_CONTROLS"]

# LRE RLE PDF LRO RLO, LRI RLI FSI PDI: the ones that reorder the text after them.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
# C0 but tab and newline, DEL, C1, bidi controls.
CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
# The same, newline included: for text that must stay on one line.
_CONTROLS_ONE_LINE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{BIDI_CONTROLS}]")

_NAMED = {"\r": "\\r", "\n": "\\n"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"<U+{code:04X}>"


def visible(text: object, *, one_line: bool = False) -> str:
    """*text* with every terminal control shown as a visible escape.

    Tabs stay; newlines stay unless *one_line*, where they show as ``\\n``
    (so a file name cannot forge a line of output of its own).
    """
    text = str(text)
    pattern = _CONTROLS_ONE_LINE if one_line else CONTROLS
    return pattern.sub(_escape, text) if pattern.search(text) else text


def has_controls(text: str) -> bool:
    """Whether *text* holds a character :func:`visible` would escape (newlines aside)."""
    return CONTROLS.search(text) is not None

"""Make user text safe for every format we write: one job, one module.

Map text is hand-written and imported text is anybody's, so every string
that reaches a diagram passes through :func:`clean` first:

* characters XML 1.0 forbids (C0 controls other than tab and newline, lone
  surrogates, U+FFFE/U+FFFF) become U+FFFD, so every SVG stays well-formed;
* bidirectional embedding, override and isolate controls are dropped, so
  right-to-left text is shown in its natural order and cannot reorder the
  text that follows it (each label line is its own SVG ``<text>`` as well);
* runs of whitespace (newlines included) become one space: a label's line
  breaks are ours, never the text's.

Then each format escapes for itself: :func:`dot_string` for DOT quoted
strings, :func:`dot_label` for Graphviz's plain labels, :func:`html_label_text`
for HTML-like labels.  SVG and XML text is escaped by the XML serialiser.
"""

from __future__ import annotations

import re
import textwrap

__all__ = ["clean", "dot_string", "dot_label", "html_label_text", "wrap", "truncate"]

# Invalid in XML 1.0, plus DEL and the C1 controls (legal but invisible and confusing).
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# LRE RLE PDF LRO RLO, LRI RLI FSI PDI, and the implicit marks LRM RLM ALM.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_SPACE = re.compile(r"\s+")


def clean(text: object, *, keep_newlines: bool = False) -> str:
    """*text* as a safe single line (or lines, with *keep_newlines*) of display text."""
    text = _INVALID.sub("\ufffd", str(text))
    text = _BIDI.sub("", text)
    if keep_newlines:
        return "\n".join(_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return _SPACE.sub(" ", text).strip()


def truncate(text: str, limit: int) -> str:
    """*text* cut to at most *limit* characters, ending with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "\u2026"


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """*text* (already cleaned) wrapped to *width* characters, at most *max_lines* lines."""
    lines = textwrap.wrap(text, width=width, break_long_words=True, break_on_hyphens=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        if len(last) >= width:
            last = last[: width - 1].rstrip()
        lines[-1] = last + "\u2026"
    return lines


def dot_string(text: str) -> str:
    """*text* as a DOT double-quoted string (no label escapes interpreted)."""
    text = clean(text)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot_label(lines: list[str], justify: str = "n") -> str:
    """Lines of display text as a Graphviz plain label, each line ending in ``\\n``.

    A backslash becomes ``\\\\`` (so ``\\N``, ``\\G``, ``\\l`` in the text stay
    literal) and ``&`` becomes ``&amp;`` (Graphviz decodes entities in plain
    labels, so without it the text ``&lt;`` would be drawn as ``<``).
    """
    out = []
    for line in lines:
        line = clean(line).replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
        out.append(line + "\\" + justify)
    return '"' + "".join(out) + '"'


def html_label_text(text: str) -> str:
    """*text* escaped for the inside of a Graphviz HTML-like label."""
    text = clean(text)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("]", "&#93;").replace("[", "&#91;"))

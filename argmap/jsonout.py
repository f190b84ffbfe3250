"""JSON for the terminal: exact text, and nothing in it a terminal would act on.

``json.dumps`` escapes C0 controls itself, but with ``ensure_ascii=False``
(kept so that non-ASCII text stays readable) it writes DEL, the C1 controls
(CSI is U+009B) and the bidirectional overrides raw.  Those are written as
``\\uXXXX`` escapes instead: valid JSON that decodes to the same text.
"""

from __future__ import annotations

import json

from .visible import CONTROLS

__all__ = ["dumps"]


def _escape(match) -> str:
    return f"\\u{ord(match.group()):04x}"


def dumps(document: object, indent: int | None = 2) -> str:
    """*document* as JSON, non-ASCII text as it is and terminal controls escaped."""
    text = json.dumps(document, ensure_ascii=False, indent=indent)
    # Outside strings JSON is ASCII, so every match stands inside a string.
    return CONTROLS.sub(_escape, text)

"""'Did you mean ...?' hints for misspelt names."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """A hint naming the choice closest to *name*, or ``""`` if none is close."""
    import difflib  # only a misspelt name needs it, and clean maps have none

    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""

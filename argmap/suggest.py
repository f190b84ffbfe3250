"""'Did you mean ...?' hints for misspelt names."""

from __future__ import annotations

import bisect
from collections.abc import Collection
from types import MappingProxyType

__all__ = ["did_you_mean"]

# Up to this many choices, every one is compared with the misspelt name.
# Beyond it (the nodes of a big map), only the names that sort next to it,
# forwards or backwards, are: a typo rarely changes both ends of a name,
# and comparing thousands of names for each of thousands of dangling
# references would take minutes.
_COMPARE_ALL = 300
_NEIGHBOURS = 12
_MAX_CACHED = 8
_neighbourhoods: dict[int, tuple[Collection[str], list[str], list[str]]] = {}


def did_you_mean(name: str, choices: Collection[str]) -> str:
    """A hint naming the choice closest to *name*, or ``""`` if none is close."""
    import difflib  # only a misspelt name needs it, and clean maps have none

    pool = list(choices) if len(choices) <= _COMPARE_ALL else _near(name, choices)
    close = difflib.get_close_matches(name, pool, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""


def _near(name: str, choices: Collection[str]) -> list[str]:
    """The choices that sort closest to *name*, by its start and by its end."""
    forwards, backwards = _sorted(choices)
    at = bisect.bisect_left(forwards, name)
    near = forwards[max(0, at - _NEIGHBOURS):at + _NEIGHBOURS]
    at = bisect.bisect_left(backwards, name[::-1])
    near += [reversed_name[::-1] for reversed_name in backwards[max(0, at - _NEIGHBOURS):at + _NEIGHBOURS]]
    return list(dict.fromkeys(near))


def _sorted(choices: Collection[str]) -> tuple[list[str], list[str]]:
    # Sorting is kept for immutable collections, which are asked about again
    # and again (every dangling reference into one map).
    cached = _neighbourhoods.get(id(choices))
    if cached is not None and cached[0] is choices:
        return cached[1], cached[2]
    forwards = sorted(choices)
    backwards = sorted(choice[::-1] for choice in forwards)
    if isinstance(choices, (MappingProxyType, frozenset, tuple)):
        if len(_neighbourhoods) >= _MAX_CACHED:
            _neighbourhoods.clear()
        _neighbourhoods[id(choices)] = (choices, forwards, backwards)
    return forwards, backwards

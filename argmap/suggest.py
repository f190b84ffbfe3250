"""'Did you mean ...?' hints for misspelt names."""

from __future__ import annotations

import bisect
from collections.abc import Collection
from types import MappingProxyType

__all__ = ["did_you_mean", "subsequence_span", "MAX_FUZZY"]

# Letters of a fuzzy needle (the explorer's go-to, an abbreviated id); a longer one must occur whole.
MAX_FUZZY = 64
# An abbreviation shares at least this many first characters with the name it shortens.
_ABBREVIATION_START = 3

# Up to this many choices, every one is compared with the misspelt name.
# Beyond it (the nodes of a big map), only the names that sort next to it,
# forwards or backwards, are: a typo rarely changes both ends of a name,
# and comparing thousands of names for each of thousands of dangling
# references would take minutes.
_COMPARE_ALL = 300
_NEIGHBOURS = 12
# Names are compared by their first and last characters only, this many in
# all: difflib's ratio is quadratic in the length compared, and ids may be
# thousands of characters long.  A typo in the middle of a long name still
# leaves its ends alike.
_COMPARED = 64
_CUTOFF = 0.6  # the least similarity worth a hint (get_close_matches' default)
_RATIOS = 8  # choices compared in full at most, the most promising first
_MAX_CACHED = 8
_neighbourhoods: dict[int, tuple[Collection[str], list[str], list[str]]] = {}


def did_you_mean(name: str, choices: Collection[str]) -> str:
    """A hint naming the choice closest to *name*, or ``""`` if none is close."""
    import difflib  # only a misspelt name needs it, and clean maps have none

    pool = list(choices) if len(choices) <= _COMPARE_ALL else _near(name, choices)
    by_ends: dict[str, list[str]] = {}
    for choice in pool:
        by_ends.setdefault(_ends(choice), []).append(choice)
    # As difflib.get_close_matches(n=1, cutoff=0.6), but ratio() (quadratic)
    # only for the few choices that quick_ratio() (linear, an upper bound of
    # it) ranks first: names of few distinct characters pass it all alike.
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(_ends(name))
    bounds = []
    for key in by_ends:
        matcher.set_seq1(key)
        if matcher.real_quick_ratio() >= _CUTOFF and (bound := matcher.quick_ratio()) >= _CUTOFF:
            bounds.append((bound, key))
    bounds.sort(reverse=True)
    best: tuple[float, str] | None = None
    for bound, key in bounds[:_RATIOS]:
        if best is not None and bound < best[0]:
            break
        matcher.set_seq1(key)
        scored = (matcher.ratio(), key)
        if scored[0] >= _CUTOFF and (best is None or scored > best):
            best = scored
    closest = None
    if best is not None:
        # Long names alike at both ends: the one sharing the most of *name*'s start and end.
        alike = by_ends[best[1]]
        closest = alike[0] if len(alike) == 1 else max(alike, key=lambda choice: _shared_ends(name, choice))
    # A shortened name ("roll-bak" for "roll-back-internal-market") is far from what it
    # shortens by edit distance: it wins when it shares more of the start than the typo match.
    shortened = _abbreviated(name, pool)
    if shortened is not None and (closest is None or _shared_start(name, shortened) > _shared_start(name, closest)):
        closest = shortened
    return "" if closest is None else f"did you mean {closest!r}?"


def _abbreviated(name: str, pool: list[str]) -> str | None:
    """The choice *name* shortens: one it begins, else one holding its characters in order
    from the same first few; the tightest (fewest characters skipped), then the shortest."""
    if len(name) < _ABBREVIATION_START:
        return None
    head = name[:_ABBREVIATION_START]
    best: tuple[int, int, int, str] | None = None
    for choice in pool:
        if len(choice) <= len(name) or not choice.startswith(head):
            continue
        if choice.startswith(name):
            key = (0, 0, len(choice), choice)
        else:
            span = subsequence_span(name, choice)
            if span is None or span[0] != 0:
                continue
            key = (1, span[1] - len(name), len(choice), choice)
        if best is None or key < best:
            best = key
    return None if best is None else best[3]


def subsequence_span(needle: str, haystack: str) -> tuple[int, int] | None:
    """Where *needle*'s letters first occur in order in *haystack* (gaps allowed), or None.

    The span the pattern ``n.*?e.*?e…`` would match, found in one pass:
    each letter at its first place after the last, from the first place of
    the first letter (if that start fails, every later one does too).  A
    needle over :data:`MAX_FUZZY` letters must occur as it is.
    """
    if len(needle) > MAX_FUZZY:
        at = haystack.find(needle)
        return None if at < 0 else (at, at + len(needle))
    start = at = haystack.find(needle[0])
    if at < 0:
        return None
    for char in needle[1:]:
        at = haystack.find(char, at + 1)
        if at < 0:
            return None
    return start, at + 1


def _shared_ends(a: str, b: str) -> int:
    """How many characters *a* and *b* share at their start and at their end."""
    return _shared_start(a, b) + _shared_start(a[::-1], b[::-1])


def _shared_start(a: str, b: str) -> int:
    """The length of the common prefix, by bisection: slices compare in C, a loop per character would not."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _ends(name: str) -> str:
    """*name* as compared: whole, or its first and last _COMPARED // 2 characters."""
    if len(name) <= _COMPARED:
        return name
    half = _COMPARED // 2
    return name[:half] + name[-half:]


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

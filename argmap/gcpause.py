"""Pausing Python's cyclic garbage collector around bulk allocation."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused", "collect_frozen"]


def collect_frozen() -> int:
    """Hand what earlier pauses froze back to the collector, and collect; the objects freed.

    For a process that loads again and again (the explorer reloads on every
    save), call it before each load.  ``gc.freeze()`` moves everything alive
    into a generation the collector never scans: right for a command that
    loads once and exits, a leak for a reload loop, since the old project
    and the widgets that showed it are never collected once they become
    cyclic garbage (about 1.5 MB per reload of the bundled maps).  Freezing
    itself stays: it keeps collections from rescanning a big project at
    every keystroke.  This costs one full collection per reload.
    """
    gc.unfreeze()
    return gc.collect()


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector.

    Loading a map or building a framework allocates hundreds of thousands of
    small objects and no cycles; with the collector on, each collection
    rescans everything alive, which costs more than the work itself on big
    projects.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # Re-enabling would make the next allocation pay for a full
            # collection over everything loaded; the loaded objects hold no
            # cycles, so move them out of the collector's sight instead (a
            # process that loads again calls collect_frozen() first).
            gc.freeze()
            gc.enable()

"""Pausing Python's cyclic garbage collector around bulk allocation."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


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
            # cycles, so move them out of the collector's sight instead.
            gc.freeze()
            gc.enable()

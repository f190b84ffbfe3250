"""Pausing Python's cyclic garbage collector around bulk allocation."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused", "never_freeze"]

# Whether a pause ends by freezing what is alive (see gc_paused).
_freeze_after = True


def never_freeze() -> None:
    """End every later pause without freezing: for a process that loads again and again.

    ``gc.freeze()`` moves everything alive into a generation the collector
    never scans, for good: right for a command that loads once and exits,
    a leak for the explorer, which reloads on every save.  What was frozen
    with one load (the old project, the widgets that showed it, anything
    else alive then) is never collected once it becomes cyclic garbage:
    about 1.5 MB per reload of the bundled maps.
    """
    global _freeze_after
    _freeze_after = False


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
            if _freeze_after:
                # Re-enabling would make the next allocation pay for a full
                # collection over everything loaded; the loaded objects hold
                # no cycles, so move them out of the collector's sight instead.
                gc.freeze()
            gc.enable()

"""The seed of an imported map: a text in which every quote of the map is found.

The seed is the AIF file's source text (OVA's ``text``) when every quote is
in it, else that text followed by the quotes that are not; an existing seed
of the same name is reused when it holds every quote, and is otherwise
never overwritten (a new name is chosen).

Looking a quote up costs a pass over the text when it is not there, so a
file with a long text and many quotes absent from it would make the import
quadratic.  :func:`locate` searches within a fixed budget of characters
scanned and says which quotes it did not get to; those are appended to the
seed unsearched (a quote found twice is still found: the map passes the
check either way).
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

from ..errors import ArgmapError
from ..project import MAX_SEED_BYTES
from ..quotes import SeedText
from .aif_read import Notes

__all__ = ["locate", "choose_seed"]

SEARCH_BUDGET = 1_000_000_000  # characters scanned looking for quotes (about a second)
_DIRECT_BELOW = 65_536  # SeedText scans shorter seeds once per quote, found or not


def locate(seed: SeedText, quotes: list[str]) -> tuple[set[str], list[str]]:
    """(the *quotes* found in *seed*, the ones not searched for as the budget ran out).

    A quote found costs little, one that is not there a pass over the seed.
    Quotes are searched in batches that double in size (each batch indexes
    the seed once), each no bigger than the budget left allows at the rate
    of misses seen so far.  The order is shuffled, by a generator seeded
    with the quotes themselves, so the rate seen is the rate to come: a file
    cannot put its hits first and its misses last (and the result is the
    same on every run).
    """
    size = len(seed.folded) + 1
    order = list(quotes)
    random.Random(hashlib.blake2b("\0".join(order).encode("utf-8", "replace")).digest()).shuffle(order)
    found: set[str] = set()
    spent = done = misses = 0
    batch = 64
    while done < len(order):
        rate = 1.0 if size < _DIRECT_BELOW else (misses + 1) / (done + 2)
        take = min(batch, len(order) - done, int(((SEARCH_BUDGET - spent) / size - 1) / rate))
        if take < 1:
            break
        chunk = order[done:done + take]
        spans = seed.find_all(chunk)
        hits = [q for q in chunk if spans[q] is not None]
        found.update(hits)
        misses += take - len(hits)
        spent += size * (1 + (take if size < _DIRECT_BELOW else take - len(hits)))
        done += take
        batch *= 2
    return found, order[done:]


def _read_seed(path: Path) -> str | None:
    """The text of an existing regular file, or ``None`` (not a file, too big for a seed, unreadable, not UTF-8)."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_SEED_BYTES:
            return None
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def choose_seed(quotes: list[str], text: str, wanted: str | None, fallback: str, seeds_dir: Path | None,
                notes: Notes) -> tuple[str, str, bool]:
    """(file name, text, is new) of a seed in which every one of *quotes* is found.

    *text* is the file's source text, *wanted* the seed name argmap's block
    asks for (already checked to be a plain file name), *fallback* the name
    otherwise.
    """
    if wanted and seeds_dir is not None:
        existing = _read_seed(seeds_dir / wanted)
        if existing is not None and len(locate(SeedText(existing), quotes)[0]) == len(quotes):
            return wanted, existing, False
    base = text.strip("\n")
    if len(base) > MAX_SEED_BYTES:  # refused before it is searched (characters: at least one byte each)
        raise ArgmapError(f"the file's source text is {len(base):,} characters long; seeds are limited to "
                          f"{MAX_SEED_BYTES:,} bytes")
    if base:
        found, unsearched = locate(SeedText(base), quotes)
        missing = [q for q in quotes if q not in found]
        if unsearched:
            notes.add(f"the source text is too long to look for all {len(quotes):,} quotes in it; the last "
                      f"{len(unsearched):,} are appended to the seed unsearched")
        if len(missing) > len(unsearched):
            notes.add(f"{len(missing) - len(unsearched):,} quote(s) are not in the file's source text; they are "
                      f"appended to the seed")
    else:
        missing = quotes
    seed = text if base and not missing else "\n\n".join(([base] if base else []) + missing) + "\n"
    size = len(seed.encode("utf-8"))
    if size > MAX_SEED_BYTES:
        raise ArgmapError(f"the map's seed (the file's source text, and the quotes not in it) would be {size:,} "
                          f"bytes; seeds are limited to {MAX_SEED_BYTES:,}")
    name = wanted or fallback
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, suffix) if dot and stem else (name, "txt")
    k = 2
    while seeds_dir is not None and (seeds_dir / name).exists():
        if _read_seed(seeds_dir / name) == seed:
            return name, seed, False
        name, k = f"{stem}-{k}.{suffix}", k + 1
    return name, seed, True

"""How much the explorer's memory grows over many reloads, and print a table.

    python benchmarks/bench_tui_reload.py                  # 200 reloads of the bundled maps/
    python benchmarks/bench_tui_reload.py --reloads 50 --maps /tmp/s10k/maps
    python benchmarks/bench_tui_reload.py --tracemalloc    # Python allocations too (slower)

Target (issue 11): 200 reloads of the bundled maps grow memory by less than
20 MB (``gc.freeze()`` on every load once leaked about 1.5 MB a reload).

The app runs headless under Pilot in this process; each reload is the one
``r`` triggers, waited for until it is on screen.  Memory is the resident
set size (from /proc, else the peak from getrusage) after a warm-up of a
few reloads, so that caches that fill once do not count as growth, and
``gc.get_freeze_count()``, the objects the collector will never look at.
This is a benchmark to read, not a test: nothing fails on a slow machine.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

TARGET_MB = 20.0
WARM_UP = 5


def rss_mb() -> float:
    """The resident set size in MB (Linux), else the peak so far."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


async def reloads(maps: Path, count: int, trace: bool) -> list[tuple[int, float, float, int]]:
    """(reloads done, RSS MB, traced MB, frozen objects) at the start, after warm-up and at intervals."""
    from argmap.tui.app import ArgmapApp

    app = ArgmapApp([str(maps)], watch=False)
    samples: list[tuple[int, float, float, int]] = []

    def sample(done: int) -> None:
        gc.collect()
        traced = tracemalloc.get_traced_memory()[0] / 2**20 if trace else 0.0
        samples.append((done, rss_mb(), traced, gc.get_freeze_count()))

    async with app.run_test(size=(120, 40)) as pilot:
        while not app.loads:
            await pilot.pause(0.02)
        await pilot.press("right", "down", "right")  # something open, as a user would have it
        step = max(1, count // 8)
        for done in range(count + WARM_UP + 1):
            if done == WARM_UP or (done > WARM_UP and (done - WARM_UP) % step == 0):
                sample(done - WARM_UP)
            if done == count + WARM_UP:
                break
            before = app.loads
            await pilot.press("r")
            while app.loads == before:
                await pilot.pause(0.01)
            # Labels are computed after each load, in a thread: let them land too.
            while app.labels is None and app.labels_note == "computing\u2026":
                await pilot.pause(0.01)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--maps", type=Path, default=HERE.parent / "maps", help="maps to reload (default: maps/)")
    parser.add_argument("--reloads", type=int, default=200, help="how many reloads")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations (slower)")
    args = parser.parse_args()

    if args.tracemalloc:
        tracemalloc.start()
    start = time.perf_counter()
    samples = asyncio.run(reloads(args.maps, args.reloads, args.tracemalloc))
    seconds = time.perf_counter() - start

    print(f"argmap TUI reload benchmark: {args.reloads} reloads of {args.maps}, "
          f"Python {sys.version.split()[0]}, {seconds:.0f} s")
    print(f"  {'reloads':>8}{'RSS MB':>10}{'growth':>9}" + (f"{'traced MB':>11}" if args.tracemalloc else "")
          + f"{'frozen objects':>16}")
    base_rss, base_traced = samples[0][1], samples[0][2]
    for done, rss, traced, frozen in samples:
        line = f"  {done:>8}{rss:>10.1f}{rss - base_rss:>+9.1f}"
        if args.tracemalloc:
            line += f"{traced:>11.1f}"
        print(line + f"{frozen:>16,}")
    growth = samples[-1][1] - base_rss
    per = growth / max(1, samples[-1][0])
    verdict = "ok" if growth < TARGET_MB else "TOO MUCH"
    print(f"  RSS growth over {samples[-1][0]} reloads: {growth:+.1f} MB ({per * 1024:+.0f} KB a reload); "
          f"target < {TARGET_MB:g} MB: {verdict}")
    if args.tracemalloc:
        print(f"  traced growth: {samples[-1][2] - base_traced:+.1f} MB")


if __name__ == "__main__":
    main()

"""Benchmark quote look-ups: SeedText() and SeedText.find_all() on their own.

    python benchmarks/bench_quotes.py            # 10k and 50k nodes, and the real maps
    python benchmarks/bench_quotes.py 10000      # just one size

For each synthetic map (benchmarks/synth.py) it prints the best of several
runs, with the GC paused as the loader runs it, of preparing the seed and of
locating all the map's quotes in it; "typographic" is the same seed with
curly apostrophes, which makes it non-ASCII.  "real" sums the maps in maps/.
CPU time of this thread is measured, which other processes disturb less
than wall time does.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth

from argmap.project import load
from argmap.quotes import SeedText

SIZES = [10_000, 50_000]
REAL_MAPS = Path(__file__).resolve().parent.parent / "maps"


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.thread_time()
            fn()
            times.append(time.thread_time() - start)
        finally:
            gc.enable()
    return min(times)


def seeds_and_quotes(maps: Path) -> list[tuple[str, list[str]]]:
    """Each map's seed text and quote texts, as the loader gets them."""
    project = load([maps]).project
    quotes: dict[str, list[str]] = {}
    for node in project.nodes():
        quotes.setdefault(node.map_id, []).extend(q.text for q in node.quotes)
    return [(project.maps[map_id].seed_text, texts) for map_id, texts in quotes.items()
            if project.maps[map_id].seed_text]


def measure(cases: list[tuple[str, list[str]]], runs: int) -> tuple[float, float]:
    prepare = sum(best_of(runs, partial(SeedText, text)) for text, _ in cases)
    seeds = [SeedText(text) for text, _ in cases]
    locate = sum(best_of(runs, partial(seed.find_all, quotes)) for seed, (_, quotes) in zip(seeds, cases))
    return prepare, locate


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or SIZES
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            cases = seeds_and_quotes(synth.write(Path(tmp) / f"n{n}", n))
            runs = 7 if n <= 10_000 else 3
            rows.append((f"{n} nodes", len(cases[0][0]), sum(len(q) for _, q in cases), *measure(cases, runs)))
            curly = [(text.replace("'", "\u2019"), quotes) for text, quotes in cases]
            rows.append(("  typographic", len(curly[0][0]), sum(len(q) for _, q in curly), *measure(curly, runs)))
    real = seeds_and_quotes(REAL_MAPS)
    rows.append((f"real ({len(real)} maps)", sum(len(t) for t, _ in real), sum(len(q) for _, q in real),
                 *measure(real, 20)))
    print(f"{'case':<18} {'seed chars':>11} {'quotes':>7} {'SeedText ms':>12} {'find_all ms':>12} {'total ms':>9}")
    for name, chars, n_quotes, prepare, locate in rows:
        print(f"{name:<18} {chars:>11} {n_quotes:>7} {prepare * 1e3:>12.1f} {locate * 1e3:>12.1f} "
              f"{(prepare + locate) * 1e3:>9.1f}")


if __name__ == "__main__":
    main()

"""Benchmark the AIF export (both flavours) on synthetic maps: the writer alone, after loading.

    python benchmarks/bench_aif_export.py                # 1,000, 10,000 and 50,000 nodes
    python benchmarks/bench_aif_export.py 2000 20000     # other sizes

Maps come from ``benchmarks/synth.py`` (relations of every kind, two maps so
that cross-map links exist).  For each size it loads the project once, then
times ``argmap.export.aif.dumps`` for the first map in each flavour (median
of 3, CPU time of this process) and prints the output size.  The ratio
column divides each row's time by the previous size's: 10x the nodes should
cost about 10x, not 100x.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import write

from argmap.export.aif import dumps
from argmap.project import load

SIZES = [1_000, 10_000, 50_000]


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or SIZES
    print(f"{'nodes':>7} | {'flavour':>7} | {'export':>9} | {'ratio':>6} | {'output':>9}")
    print("-" * 52)
    previous: dict[str, tuple[int, float]] = {}
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            maps = write(Path(tmp), n, n_maps=2)
            project = load([str(maps)]).project
            map_id = min(project.maps)
            for flavour in ("aifdb", "ova"):
                times, size = [], 0
                for _ in range(3):
                    start = time.process_time()
                    size = len(dumps(project, map_id, flavour))
                    times.append(time.process_time() - start)
                median = statistics.median(times)
                ratio = ""
                if flavour in previous:
                    pn, pt = previous[flavour]
                    ratio = f"{median / pt:5.1f}x" if pt else ""
                    ratio += f" /{n // pn}x" if pn else ""
                previous[flavour] = (n, median)
                print(f"{n:>7,} | {flavour:>7} | {median:8.2f}s | {ratio:>6} | {size / 1e6:7.1f}MB")


if __name__ == "__main__":
    main()

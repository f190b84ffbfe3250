"""Benchmark: grounded labelling time against map size (it should grow linearly).

    python benchmarks/bench_eval.py                 # 1k, 10k, 50k nodes
    python benchmarks/bench_eval.py 1000 200000     # other sizes

Maps come from benchmarks/synth.py (written to a temporary folder and
loaded once per size; loading is not timed).  Each size is labelled several
times and the best time is reported, for the whole of ``label(project)``
(building the framework from the project, then the queue-based labelling)
and for the labelling alone.  Time per node (label()) and per framework
element and attack (grounded) should stay roughly flat if the algorithm is
linear; the rise from 1k to 50k is the processor's caches, not the algorithm.  The
target is 50,000 nodes in at most 1 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

from argmap.analysis.semantics import framework, grounded_codes, label  # noqa: E402
from argmap.project import load  # noqa: E402

TARGET_NODES, TARGET_SECONDS = 50_000, 1.0


def best_of(repeat: int, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 10_000, 50_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = []
    print(f"{'nodes':>8} {'elements':>9} {'attacks':>8} {'label()':>10} {'µs/node':>8} "
          f"{'grounded':>10} {'µs/(n+m)':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            maps = synth.write(Path(tmp) / str(size), size)
            result = load([maps], validate=False)
            project = result.project
            af = framework(project)
            n, m = len(af), af.n_attacks
            total = best_of(args.repeat, lambda: label(project))
            only = best_of(args.repeat, lambda: grounded_codes(af))
            per = only / (n + m) * 1e6
            rows.append((size, total))
            print(f"{size:>8,} {n:>9,} {m:>8,} {total * 1000:>8.1f}ms {total / size * 1e6:>8.2f} "
                  f"{only * 1000:>8.1f}ms {per:>9.2f}", flush=True)
            del result, project, af
    for size, seconds in rows:
        if size == TARGET_NODES:
            verdict = "ok" if seconds <= TARGET_SECONDS else "TOO SLOW"
            print(f"target: label() of {TARGET_NODES:,} nodes in at most {TARGET_SECONDS:g} s: "
                  f"{seconds:.2f} s, {verdict}")
            if seconds > TARGET_SECONDS:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

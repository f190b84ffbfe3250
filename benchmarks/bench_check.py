"""Benchmark `argmap check` against libyaml's own compose of the same file.

    python benchmarks/bench_check.py            # 1k, 10k, 50k nodes
    python benchmarks/bench_check.py 10000      # just one size

For each size it generates a synthetic map (benchmarks/synth.py), then
prints the best of several runs of:

* compose   libyaml's yaml.compose of the map file with the GC paused: the floor;
* load      argmap's whole load in process (read, compose, decode, quotes, checks);
* cli       `argmap check` as a user runs it, from process start to exit;
* ratio     cli / compose (the target is at most 2x);
* per node  the cost of argmap's own work beyond compose, per node.

argmap's bytecode is compiled first, as an installed package's is: where
PYTHONDONTWRITEBYTECODE is set, every run would otherwise compile argmap
anew (about 0.04 s), which no user's check pays.
"""

from __future__ import annotations

import compileall
import gc
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402

import argmap  # noqa: E402
from argmap.project import load  # noqa: E402

SIZES = [1_000, 10_000, 50_000]
TARGETS = {10_000: 0.6, 50_000: 3.0}


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        del result  # freeing it is not part of the work timed (the command line skips it too)
    return min(times)


def compose_floor(path: Path) -> float:
    text = path.read_text(encoding="utf-8")

    def run() -> None:
        gc.disable()
        try:
            yaml.compose(text, Loader=yaml.CSafeLoader)
        finally:
            gc.enable()

    return best_of(3, run)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or SIZES
    compileall.compile_dir(Path(argmap.__file__).parent, quiet=1)
    command = [sys.executable, "-m", "argmap", "check", "-q"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            root = Path(tmp) / f"n{n}"
            maps = synth.write(root, n)
            map_file = maps / "synth-0.yaml"
            floor = compose_floor(map_file)
            runs = 5 if n <= 10_000 else 3
            in_process = best_of(runs, lambda: load([maps]))
            cli = best_of(runs, lambda: subprocess.run([*command, str(maps)], stdout=subprocess.DEVNULL,
                                                       stderr=subprocess.DEVNULL, check=False))
            size_mb = map_file.stat().st_size / 1e6
            rows.append((n, size_mb, floor, in_process, cli, cli / floor,
                         (in_process - floor) / n * 1e6, TARGETS.get(n)))
    print(f"{'nodes':>7} {'file MB':>8} {'compose s':>10} {'load s':>8} {'cli s':>7} {'ratio':>6} "
          f"{'us/node':>8} {'target s':>9}")
    for n, mb, floor, in_process, cli, ratio, per_node, target in rows:
        verdict = "" if target is None else ("  ok" if cli <= target else "  OVER")
        print(f"{n:>7} {mb:>8.1f} {floor:>10.3f} {in_process:>8.3f} {cli:>7.3f} {ratio:>5.2f}x "
              f"{per_node:>8.1f} {target or '-':>9}{verdict}")


if __name__ == "__main__":
    main()

"""Benchmark the shared search (argmap search and the explorer's /), map-id look-up and 'did you mean'.

    python benchmarks/bench_search.py            # 10,000 nodes
    python benchmarks/bench_search.py 50000

Prints a table (median and worst of several runs, milliseconds):

* index build     SearchIndex over the project (the explorer builds it once per load, off its thread)
* query "..."     one search of the whole index: what one keystroke in the explorer's / costs
* cli search      `argmap search` as a user runs it, process start to exit
* cli check ID    `argmap check <map id>` from a subfolder of the project (project discovery + id look-up)
* did you mean    one 'did you mean' for a shortened node id among all the node ids
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402

from argmap.analysis.search import SearchIndex  # noqa: E402
from argmap.project import load  # noqa: E402
from argmap.suggest import did_you_mean  # noqa: E402

QUERIES = ["tendering", "the internal market", "kind:claim by:minis", "topic:tendering", "zzz-nothing", "t"]
REPEATS = 7


def timed(action, repeats: int = REPEATS) -> tuple[float, float]:
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), max(runs)


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        synth.write(root, size)
        (root / "docs").mkdir()
        project = load([root / "maps"]).project
        n_nodes = sum(len(m.nodes) for m in project.maps.values())
        rows = [("index build", *timed(lambda: SearchIndex(project), 3))]
        index = SearchIndex(project)
        for query in QUERIES:
            rows.append((f"query {query!r} ({index.search(query)[1]:,} hits)", *timed(lambda: index.search(query))))
        argmap = [sys.executable, "-m", "argmap"]
        env = {**os.environ, "ARGMAP_CONFIG": str(root / "config.toml")}
        rows.append(("cli search 'tendering'", *timed(lambda: subprocess.run(
            [*argmap, "search", "tendering", "-c"], cwd=root, env=env, capture_output=True), 3)))
        map_id = next(iter(project.maps))
        rows.append((f"cli check {map_id} (from docs/)", *timed(lambda: subprocess.run(
            [*argmap, "check", map_id], cwd=root / "docs", env=env, capture_output=True), 3)))
        ids = project.maps[map_id].nodes
        some = sorted(ids)[len(ids) // 2]
        short = some[: max(3, len(some) * 2 // 3)]
        rows.append((f"did you mean {short!r}", *timed(lambda: did_you_mean(short, ids))))
    print(f"{n_nodes:,} nodes\n")
    print(f"{'what':<52} {'median ms':>10} {'worst ms':>10}")
    for name, median, worst in rows:
        print(f"{name:<52} {median:>10.1f} {worst:>10.1f}")


if __name__ == "__main__":
    main()

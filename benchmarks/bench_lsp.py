"""Benchmark `argmap lsp` as an editor drives it: a pygls client over stdio.

    python benchmarks/bench_lsp.py            # the bundled maps and a 10,000-node map
    python benchmarks/bench_lsp.py 2000       # the bundled maps and a map of that size

For the bundled maps (an edit of may-2018.yaml), for a synthetic map
(benchmarks/synth.py), and for the same number of nodes in 20 synthetic maps (an
edit re-parses one of them), it prints the median and worst of several runs of:

* diagnostics  from a didChange (an unknown speaker typed) to the
               publishDiagnostics for that version (the 50 ms debounce included);
* completion   node ids at a relation, and quotes at ``quote:``;
* hover        on a node reference.

Targets (issue 16): diagnostics 150 ms on the bundled maps and 1 s on
10,000 nodes; completion and hover 50 ms on both.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402

from argmap.project import load  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
RUNS = 7
TARGETS = {"bundled": {"diagnostics": 0.150, "completion": 0.050, "hover": 0.050},
           "synthetic": {"diagnostics": 1.0, "completion": 0.050, "hover": 0.050}}


class Bench:
    """A client that notes when each (uri, version)'s diagnostics arrive."""

    def __init__(self) -> None:
        self.client = LanguageClient("argmap-bench", "1")
        self.arrived: dict[tuple[str, int | None], float] = {}
        self.event = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(ls, params: types.PublishDiagnosticsParams) -> None:
            self.arrived[(params.uri, params.version)] = time.perf_counter()
            self.event.set()

    async def start(self, root: Path) -> None:
        await self.client.start_io(sys.executable, "-m", "argmap", "lsp", cwd=str(root))
        await self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=root.as_uri()))
        self.client.initialized(types.InitializedParams())

    async def wait_for(self, uri: str, version: int, timeout: float = 60) -> float:
        deadline = time.perf_counter() + timeout
        while (uri, version) not in self.arrived:
            self.event.clear()
            await asyncio.wait_for(self.event.wait(), max(deadline - time.perf_counter(), 0.001))
        return self.arrived[(uri, version)]

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def _row(text: str, startswith: str) -> int:
    return next(i for i, line in enumerate(text.splitlines()) if line.startswith(startswith))


async def measure(root: Path, map_file: Path, edit: tuple[str, str], relation_line: str, ref_line: str,
                  quote_line: str) -> dict[str, list[float]]:
    bench = Bench()
    await bench.start(root)
    text = map_file.read_text("utf-8")
    uri = map_file.as_uri()
    bench.client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
    await bench.wait_for(uri, 1)
    times: dict[str, list[float]] = {"diagnostics": [], "completion (ids)": [], "completion (quotes)": [],
                                     "hover": []}
    version = 1
    doc = types.TextDocumentIdentifier(uri)
    for run in range(RUNS):
        version += 1
        changed = text.replace(*edit, 1) if run % 2 == 0 else text
        started = time.perf_counter()
        bench.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [types.TextDocumentContentChangeWholeDocument(text=changed)]))
        times["diagnostics"].append(await bench.wait_for(uri, version) - started)
    for key, line, col in (("completion (ids)", relation_line, None), ("completion (quotes)", quote_line, None)):
        row = _row(text, line)
        for _ in range(RUNS):
            started = time.perf_counter()
            await bench.client.text_document_completion_async(types.CompletionParams(
                doc, types.Position(row, col or len(text.splitlines()[row]))))
            times[key].append(time.perf_counter() - started)
    row = _row(text, ref_line)
    col = len(ref_line) + 2
    for _ in range(RUNS):
        started = time.perf_counter()
        await bench.client.text_document_hover_async(types.HoverParams(doc, types.Position(row, col)))
        times["hover"].append(time.perf_counter() - started)
    await bench.stop()
    return times


def _table(name: str, nodes: int, times: dict[str, list[float]], targets: dict[str, float]) -> None:
    for key, values in times.items():
        target = targets["diagnostics" if key == "diagnostics" else key.split(" ")[0]]
        median, worst = statistics.median(values), max(values)
        verdict = "ok" if median <= target else "SLOW"
        print(f"{name:<10} {nodes:>7,} {key:<20} {median * 1000:>8.1f} {worst * 1000:>8.1f} "
              f"{target * 1000:>8.0f}  {verdict}")


async def _synthetic(root: Path, name: str, size: int, n_maps: int) -> None:
    maps = synth.write(root, size // n_maps, n_maps=n_maps)
    await _measure_map(root, maps / "synth-0.yaml", name, size, TARGETS["synthetic"])


async def _measure_map(root: Path, map_file: Path, name: str, nodes: int, targets: dict[str, float]) -> None:
    """Edit *map_file*'s first speaker; complete at its first plain support and first quote; hover on that support."""
    text = map_file.read_text("utf-8")
    lines = text.splitlines()
    by_line = next(line for line in lines if line.startswith("    by: "))
    relation = next(line for line in lines if re.fullmatch(r"    supports: [\w.-]+", line))
    quote = next(line for line in lines if line.startswith("    quote: "))
    times = await measure(root, map_file, (by_line + "\n", by_line + "x\n"), relation, "    supports: ", quote)
    _table(name, nodes, times, targets)


async def main(size: int) -> None:
    print(f"{'maps':<10} {'nodes':>7} {'measure':<20} {'median ms':>9} {'worst ms':>8} {'target':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "maps", root / "bundled" / "maps")
        shutil.copytree(REPO / "seeds", root / "bundled" / "seeds")
        bundled = root / "bundled" / "maps"
        nodes = sum(len(m.nodes) for m in load([bundled]).project.maps.values())
        await _measure_map(root / "bundled", bundled / "may-2018.yaml", "bundled", nodes, TARGETS["bundled"])
        await _synthetic(root / "synth", "synthetic", size, 1)
        # The same nodes in 20 maps: an edit re-parses one map and keeps the others' models.
        await _synthetic(root / "synth20", "20 maps", size, 20)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))

"""Benchmark `argmap import aif` on big synthetic AIF files: time and peak memory.

    python benchmarks/bench_aif_import.py                 # 1k, 10k, 100k I-nodes
    python benchmarks/bench_aif_import.py 20000 50000     # other sizes

Each file is shaped as OVA writes one: every I-node is asserted by an L-node
("Speaker : words") through a YA node, with its locution and participant;
most I-nodes support an earlier one through an RA, every fifth attacks its
predecessor through a CA; the source text is in OVA's ``text``.  Two
flavours per size: every I-node with the *same* text (the case that was
quadratic: same slugs, same quotes), and *distinct* texts.

For each file it runs the command as a user does, in a fresh process (the
written map is then checked by the command itself, as always), and prints
the wall time, the CPU time (user + system: steadier on a shared machine)
and the process's peak resident memory (``ru_maxrss`` from ``wait4``).
Growth should be linear: the ratio columns divide each row's CPU time and
memory by the previous size's (10x the I-nodes: about 10x, not 100x).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = [1_000, 10_000, 100_000]
SPEAKERS = 50
WORDS = ["budget", "waiting", "tender", "market", "reform", "board", "trust", "patient", "clinic", "review",
         "target", "funding", "league", "autonomy", "ministers", "region", "outcome", "workforce"]


def sentence(i: int, same: bool) -> str:
    """The text of I-node *i*: one sentence, the same for all when *same*."""
    if same:
        return "The internal market should be rolled back."
    words, k = [], i
    for _ in range(4):
        k, r = divmod(k, len(WORDS))
        words.append(WORDS[r])
    return f"Proposition {i} says the {' '.join(words)} matters."


def synth_aif(n: int, same: bool) -> dict:
    """An AIF document of *n* I-nodes (about 4n nodes and 4n edges in all)."""
    nodes: list[dict] = []
    edges: list[dict] = []
    locutions: list[dict] = []

    def node(type_: str, text: str) -> str:
        node_id = str(len(nodes) + 1)
        nodes.append({"nodeID": node_id, "text": text, "type": type_})
        return node_id

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": len(edges) + 1, "fromID": a, "toID": b, "formEdgeID": None})

    i_nodes = []
    for i in range(n):
        text = sentence(i, same)
        i_node = node("I", text)
        i_nodes.append(i_node)
        person = i % SPEAKERS + 1
        l_node = node("L", f"Speaker{person} Person : {text}")
        ya = node("YA", "Asserting")
        edge(l_node, ya)
        edge(ya, i_node)
        locutions.append({"nodeID": l_node, "personID": person})
        if i == 0:
            continue
        if i % 5:
            ra = node("RA", "Default Inference")
            edge(i_node, ra)
            edge(ra, i_nodes[(i - 1) // 2])
        else:
            ca = node("CA", "Default Conflict")
            edge(i_node, ca)
            edge(ca, i_nodes[i - 1])
    participants = [{"participantID": k, "firstname": f"Speaker{k}", "surname": "Person"}
                    for k in range(1, SPEAKERS + 1)]
    text = "<br>".join(sentence(i, same) for i in range(n if not same else 1))
    return {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants,
            "text": {"txt": text}}


def run_import(aif: Path, root: Path) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak MB, exit status) of `argmap import aif` in a fresh process."""
    maps = root / "maps"
    maps.mkdir(parents=True)
    argv = [sys.executable, "-m", "argmap", "import", "aif", str(aif), "-o", str(maps / "big.yaml"), "-q"]
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.returncode:
        print(f"  (exit {process.returncode}: {error.strip()[:300]})", file=sys.stderr)
    cpu = usage.ru_utime + usage.ru_stime  # the machine is shared: CPU time varies less than wall time
    return seconds, cpu, usage.ru_maxrss / 1024, process.returncode  # ru_maxrss is in KiB on Linux


def write_aif(n: int, same: bool, path: Path) -> None:
    """Write the file in a child process: a child inherits its parent's peak RSS, so the parent stays small."""
    code = (f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench_aif_import as b; "
            f"open({str(path)!r}, 'w').write(json.dumps(b.synth_aif({n}, {same})))")
    subprocess.run([sys.executable, "-c", code], check=True)


def main(sizes: list[int]) -> None:
    print("| I-nodes | texts | AIF file | wall | CPU | peak memory | × CPU | × memory | exit |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for same in (True, False):
            previous: tuple[float, float] | None = None
            for n in sizes:
                folder = Path(tmp) / f"{n}-{same}"
                folder.mkdir()
                aif = folder / "big.json"
                write_aif(n, same, aif)
                seconds, cpu, memory, code = run_import(aif, folder / "project")
                ratios = ("", "") if previous is None else \
                    (f"{cpu / previous[0]:.1f}", f"{memory / previous[1]:.1f}")
                print(f"| {n:,} | {'same' if same else 'distinct'} | {aif.stat().st_size / 1e6:.1f} MB "
                      f"| {seconds:.2f} s | {cpu:.2f} s | {memory:.0f} MB | {ratios[0]} | {ratios[1]} | {code} |",
                      flush=True)
                previous = (cpu, memory)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or SIZES)

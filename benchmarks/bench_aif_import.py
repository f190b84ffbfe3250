"""Benchmark `argmap import aif` on big synthetic AIF files: time and peak memory.

    python benchmarks/bench_aif_import.py                 # 1k, 10k, 100k I-nodes
    python benchmarks/bench_aif_import.py 20000 50000     # other sizes
    python benchmarks/bench_aif_import.py --destination   # a small file into folders of 0 to 1,400 maps

``--destination`` measures what an import costs beside the maps already in
the folder (issue 17: each import used to load the whole folder twice, so
building a corpus file by file was quadratic): one small file into folders
of 0, 350 and 1,400 small maps, and a folder of 200 files in one run.

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
    return _timed([sys.executable, "-m", "argmap", "import", "aif", str(aif), "-o", str(maps / "big.yaml"), "-q"])


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


def small_map(k: int) -> tuple[str, str]:
    """A small map (ten nodes) and its seed, as a curator would have them."""
    seed = " ".join(sentence(k * 10 + i, False) for i in range(10)) + "\n"
    lines = [f"map: m{k}", f"title: Map {k}", f"source: {{seed: m{k}.txt, genre: news-report}}",
             "speakers:", "  s: {name: A speaker}", "nodes:"]
    for i in range(10):
        lines += [f"  n{i}:", "    kind: premise" if i else "    kind: claim", "    by: s",
                  f"    text: {sentence(k * 10 + i, False)}", f"    quote: {sentence(k * 10 + i, False)}"]
        if i:
            lines.append("    supports: n0")
    return "\n".join(lines) + "\n", seed


def destination_bench() -> None:
    """The cost of an import beside the maps already there, and of a folder of files in one run."""
    print("| maps in the folder | files imported | wall | CPU | per file |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        small = root / "small.json"
        small.write_text(json.dumps(synth_aif(20, False)))
        for count in (0, 350, 1400):
            project = root / f"p{count}"
            (project / "maps").mkdir(parents=True)
            (project / "seeds").mkdir()
            for k in range(count):
                text, seed = small_map(k)
                (project / "maps" / f"m{k}.yaml").write_text(text)
                (project / "seeds" / f"m{k}.txt").write_text(seed)
            seconds, cpu, _, code = _timed([sys.executable, "-m", "argmap", "import", "aif", str(small), "-o",
                                            str(project / "maps" / "new.yaml"), "-q"])
            print(f"| {count:,} | 1 | {seconds:.2f} s | {cpu:.2f} s | {cpu:.2f} s |"
                  + (f" exit {code}" if code else ""), flush=True)
        corpus = root / "corpus"
        corpus.mkdir()
        for k in range(200):
            (corpus / f"nodeset{k}.json").write_text(json.dumps(synth_aif(20, False)))
        seconds, cpu, _, code = _timed([sys.executable, "-m", "argmap", "import", "aif", str(corpus), "-o",
                                        str(root / "p1400" / "maps"), "-q"])
        print(f"| 1,400 | 200 (one run) | {seconds:.2f} s | {cpu:.2f} s | {cpu / 200:.3f} s |"
              + (f" exit {code}" if code else ""), flush=True)


def _timed(argv: list[str]) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak MB, exit status) of *argv* in a fresh process.

    CPU time (user + system) varies less than wall time on a shared machine; ``ru_maxrss``
    from ``wait4`` is the process's peak resident memory (KiB on Linux).
    """
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code and process.stderr:
        print(f"  (exit {code}: {process.stderr.read().decode('utf-8', 'replace').strip()[:300]})", file=sys.stderr)
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code


if __name__ == "__main__":
    if sys.argv[1:] == ["--destination"]:
        destination_bench()
    else:
        main([int(a) for a in sys.argv[1:]] or SIZES)

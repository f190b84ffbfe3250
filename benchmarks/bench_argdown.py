"""Benchmark the Argdown export and import on big synthetic maps: time per size, to see they stay linear.

    python benchmarks/bench_argdown.py                # 1k, 10k, 50k statements
    python benchmarks/bench_argdown.py 2000 20000     # other sizes

Import: a synthetic ``argdown json`` document of N statements, shaped as the
CLI writes them (every statement with a member and data, a support from each
statement to an earlier one, an attack every fifth, a contradiction every
seventh, a reconstructed argument with an intermediary conclusion every
tenth, and an attack on a reconstructed argument every eleventh), parsed and
converted in this process (:func:`argmap.export.argdown_import.convert`,
YAML and seed included).  Export: :func:`argmap.export.argdown.to_argdown`
of a synthetic map of N nodes (``benchmarks/synth.py``), loaded first.
CPU times (user + system) per run, the best of three; the last column
divides each row's time by the previous size's (10x the size: about 10x).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from argmap.export.argdown import to_argdown
from argmap.export.argdown_import import convert
from argmap.export.argdown_read import parse_json
from argmap.export.importing import ImportRequest
from argmap.project import load

SIZES = [1_000, 10_000, 50_000]


def synth_json(n: int) -> bytes:
    statements, arguments, relations = {}, {}, []

    def ec(title: str, text: str) -> dict:
        return {"type": "equivalence-class", "title": title, "members": [
            {"type": "statement", "title": title, "text": text, "isTopLevel": True, "startLine": len(statements),
             "data": {"id": f"s{len(statements)}", "quote": [text]}}], "tags": ["pro"] if n % 3 else []}

    for i in range(n):
        statements[f"S{i}"] = ec(f"S{i}", f"Statement number {i} says the budget {i % 97} matters.")
        if i:
            relations.append({"type": "relation", "relationType": "support", "from": f"S{i}", "to": f"S{i // 2}",
                              "fromType": "equivalence-class", "toType": "equivalence-class"})
        if i % 5 == 4:
            relations.append({"type": "relation", "relationType": "attack", "from": f"S{i}", "to": f"S{i - 1}",
                              "fromType": "equivalence-class", "toType": "equivalence-class"})
        if i % 7 == 6:
            relations.append({"type": "relation", "relationType": "contradictory", "from": f"S{i}",
                              "to": f"S{i - 3}", "fromType": "equivalence-class", "toType": "equivalence-class"})
        if i % 10 == 9:
            pcs = [{"title": f"S{i - k}", "role": "premise"} for k in (4, 3)]
            pcs.append({"title": f"S{i - 2}", "role": "intermediary-conclusion", "inference": {"inferenceRules": []}})
            pcs.append({"title": f"S{i - 1}", "role": "premise"})
            pcs.append({"title": f"S{i}", "role": "main-conclusion",
                        "inference": {"inferenceRules": ["Expert Opinion"], "data": {}}})
            arguments[f"A{i}"] = {"type": "argument", "title": f"A{i}", "pcs": pcs, "members": []}
        if i % 11 == 10 and arguments:
            relations.append({"type": "relation", "relationType": "attack", "from": f"S{i}",
                              "to": next(reversed(arguments)), "fromType": "equivalence-class",
                              "toType": "argument"})
    return json.dumps({"statements": statements, "arguments": arguments, "relations": relations,
                       "sections": [], "tags": {}}).encode("utf-8")


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or SIZES
    print(" size | import (parse + convert) |  ratio | export (to_argdown) |  ratio")
    print("-" * 72)
    last_in = last_out = None
    import synth

    for n in sizes:
        data = synth_json(n)
        with tempfile.TemporaryDirectory() as tmp:
            request = ImportRequest(map_id="bench", source_name="bench.json", seeds_dir=Path(tmp) / "seeds",
                                    topics=set(), maps={})
            t_in = best_of(3, lambda data=data, request=request: convert(parse_json(data), request))
            maps = synth.write(Path(tmp) / "synth", n)
            project = load([str(maps)], validate=False).project
            map_id = next(iter(project.maps))
            t_out = best_of(3, lambda project=project, map_id=map_id: to_argdown(project, map_id))
        ratio_in = f"{t_in / last_in:5.1f}x" if last_in else "     -"
        ratio_out = f"{t_out / last_out:5.1f}x" if last_out else "     -"
        print(f"{n:>6} | {t_in:>20.2f} s | {ratio_in} | {t_out:>15.2f} s | {ratio_out}")
        last_in, last_out = t_in, t_out


if __name__ == "__main__":
    main()

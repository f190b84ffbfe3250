"""Benchmark ``argmap export``: synthetic maps to SVG, end to end, beside the Argdown CLI.

    python benchmarks/bench_export.py                 # 500 and 2,000 nodes, 3 runs each
    python benchmarks/bench_export.py --sizes 500 --runs 5
    python benchmarks/bench_export.py --shape-only     # only the page-shape and print table
    ARGDOWN_CLI=/path/to/node_modules/.bin/argdown python benchmarks/bench_export.py

Every time is a fresh process, as a user would run it: ``argmap export
MAP -f svg`` (start-up, loading, layout, SVG finishing, writing), with the
system ``dot`` and with the embedded WebAssembly Graphviz.  The Argdown
column is the same map through our Argdown export and then ``argdown map
--format svg`` (the Argdown CLI from npm, with its own Graphviz), which is
what a user of the Argdown tools would run.  Targets (issue 5): 500 nodes
in 1.0 s (system dot) and 1.5 s (embedded); 2,000 nodes in 5 s; at least 3x
faster than the Argdown CLI.

The embedded renderer compiles its WebAssembly once per machine (wasmtime
caches the result); the "cold" line measures that first run with an empty
cache.  Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

from argmap.export.argdown import find_cli  # noqa: E402

TARGETS = {500: {"dot": 1.0, "embedded": 1.5}, 2000: {"dot": 5.0, "embedded": 5.0}}


def argmap_command() -> list[str]:
    found = shutil.which("argmap")
    return [found] if found else [sys.executable, "-m", "argmap"]


def find_argdown() -> list[str] | None:
    return find_cli([Path("/tmp/argdown"), Path.home() / "argdown", HERE.parent.parent / "argdown"])


def timed(command: list[str], env: dict | None = None, timeout: float = 900) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, timeout=timeout, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr.decode(errors='replace')[-800:]}")
    return elapsed


def svg_size(path: Path) -> str:
    head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    w = re.search(r'<svg[^>]*?width="([\d.]+)pt"', head, re.S)
    h = re.search(r'<svg[^>]*?height="([\d.]+)pt"', head, re.S)
    scale = re.search(r'transform="scale\(([\d.]+)', head)
    text = f"{float(w.group(1)):.0f}x{float(h.group(1)):.0f}pt" if w and h else "?"
    if scale and float(scale.group(1)) != 1:
        text += f" (drawn at {float(scale.group(1)):.2f}x)"
    return text


def svg_points(path: Path) -> tuple[float, float]:
    head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    w = re.search(r'<svg[^>]*?width="([\d.]+)pt"', head, re.S)
    h = re.search(r'<svg[^>]*?height="([\d.]+)pt"', head, re.S)
    return float(w.group(1)), float(h.group(1))


def pdf_pages(path: Path) -> list[float]:
    """The body text size each page of a PDF argmap wrote prints at (its drawing's scale times 11 pt).

    argmap places each drawing with one ``q s 0 0 s tx ty cm`` before Graphviz's content stream
    (argmap/export/paper.py), so the scale is read from there, not guessed.
    """
    from pypdf import PdfReader

    from argmap.export.style import FONT_SIZE

    sizes = []
    for page in PdfReader(str(path)).pages:
        contents = page.get_contents()
        found = re.match(rb"\s*q ([\d.]+) 0 0 ", contents.get_data() if contents is not None else b"")
        sizes.append(FONT_SIZE * float(found.group(1)) if found else float("nan"))
    return sizes


def shape_table(renderers: list[str]) -> None:
    """Aspect ratio and printed text size of default exports (see the module docstring)."""
    from argmap.export.arrange import aspect, printed_scale
    from argmap.export.style import FONT_SIZE

    argmap = argmap_command()
    repo = HERE.parent
    with tempfile.TemporaryDirectory(prefix="bench-shape-") as tmp:
        root = Path(tmp)
        cases = [(p.stem, p) for p in sorted((repo / "maps").glob("*.yaml")) if p.stem != "topics"]
        for size in (50, 200, 1000):
            cases.append((f"synthetic {size} nodes", synth.write(root / f"shape{size}", size) / "synth-0.yaml"))
        print("default export, page shape (targets: aspect <= 2.5; body text >= 9 pt on A4, or the export splits)")
        print("SVG: one picture (its aspect, and the text size if printed on one A4 sheet);")
        print("PDF (system dot): A4 pages by default (how many, and the smallest text on any page)\n")
        print(f"{'map':<28} | {'renderer':<8} | {'size (pt)':>13} | {'aspect':>6} | {'A4 text':>7} | {'time':>6} | "
              f"{'PDF pages':>9} | {'min text':>8} | {'PDF time':>8}")
        print("-" * 118)
        for name, path in cases:
            for renderer in renderers:
                out = root / f"{name.replace(' ', '-')}-{renderer}.svg"
                elapsed = timed([*argmap, "export", str(path), "-o", str(out), "--renderer", renderer,
                                 "--force", "-q"])
                w, h = svg_points(out)
                text = FONT_SIZE * min(1.0, printed_scale(w, h, "a4"))
                pdf_cells = f"{'-':>9} | {'-':>8} | {'-':>8}"
                if renderer == "dot":
                    pdf = out.with_suffix(".pdf")
                    pdf_time = timed([*argmap, "export", str(path), "-o", str(pdf), "--force", "-q"])
                    sizes = pdf_pages(pdf)
                    pdf_cells = f"{len(sizes):>9} | {min(sizes):6.1f}pt | {pdf_time:7.2f}s"
                print(f"{name:<28} | {renderer:<8} | {w:6.0f}x{h:<6.0f} | {aspect(w, h):6.2f} | "
                      f"{text:5.1f}pt | {elapsed:5.2f}s | {pdf_cells}")
        if shutil.which("dot"):
            bbc = repo / "maps" / "bbc-reader-heath-2021.yaml"
            pdf = root / "bbc-a4.pdf"
            times = [timed([*argmap, "export", str(bbc), "-o", str(pdf), "--page", "a4", "--force", "-q"])
                     for _ in range(3)]
            sizes = pdf_pages(pdf)
            print(f"\n--page a4, {bbc.stem} to PDF: {statistics.median(times):.2f} s (median of 3; "
                  f"target 2 s), {len(sizes)} pages, body text {min(sizes):.1f} to {max(sizes):.1f} pt")
        print()


def run(sizes: list[int], runs: int) -> int:
    argmap = argmap_command()
    argdown = find_argdown()
    has_dot = shutil.which("dot") is not None
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        root = Path(tmp)
        for size in sizes:
            maps = synth.write(root / f"s{size}", size)
            map_file = maps / "synth-0.yaml"
            out = root / f"out{size}"
            out.mkdir()
            row = {"size": size}
            renderers = (["dot"] if has_dot else []) + ["embedded"]
            for renderer in renderers:
                svg = out / f"argmap-{renderer}.svg"
                command = [*argmap, "export", str(map_file), "-o", str(svg), "--renderer", renderer, "--force", "-q"]
                timed(command)  # warm: the OS file cache, wasmtime's compiled-code cache
                times = [timed(command) for _ in range(runs)]
                row[renderer] = (statistics.median(times), min(times))
                row[f"{renderer}-size"] = svg_size(svg)
            if argdown:
                document = out / "map.argdown"
                times = []
                for _ in range(runs):
                    start = time.perf_counter()
                    timed([*argmap, "export", str(map_file), "-f", "argdown", "-o", str(document), "--force", "-q"])
                    timed([*argdown, "map", str(document), str(out), "--format", "svg", "--silent"])
                    times.append(time.perf_counter() - start)
                row["argdown"] = (statistics.median(times), min(times))
                row["argdown-size"] = svg_size(out / "map.svg")
            rows.append(row)

        cold = None
        if 500 in sizes:
            cache = root / "cold-cache"
            env = dict(os.environ, XDG_CACHE_HOME=str(cache), HOME=str(cache))
            map_file = root / "s500" / "maps" / "synth-0.yaml"
            cold = timed([*argmap, "export", str(map_file), "-o", str(root / "cold.svg"), "--renderer",
                          "embedded", "--force", "-q"], env=env)

    def cell(value):
        return f"{value[0]:6.2f} s" if value else "      -"

    print(f"argmap export, synthetic map to SVG, end to end (median of {runs} fresh processes)\n")
    print(f"{'nodes':>6} | {'system dot':>10} | {'embedded':>10} | {'Argdown CLI':>11} | "
          f"{'speed-up':>9} | targets")
    print("-" * 78)
    worst = 0
    for row in rows:
        ours = [row[k][0] for k in ("dot", "embedded") if k in row]
        speedup = f"{row['argdown'][0] / max(ours):7.1f}x" if "argdown" in row else "      -"
        target = TARGETS.get(row["size"], {})
        verdicts = []
        for k in ("dot", "embedded"):
            if k in row and k in target:
                ok = row[k][0] <= target[k]
                worst += not ok
                verdicts.append(f"{k} <= {target[k]:.1f} s {'ok' if ok else 'MISSED'}")
        print(f"{row['size']:>6} | {cell(row.get('dot')):>10} | {cell(row.get('embedded')):>10} | "
              f"{cell(row.get('argdown')):>11} | {speedup:>9} | {'; '.join(verdicts)}")
    print()
    for row in rows:
        sizes_text = ", ".join(f"{k} {row[k + '-size']}" for k in ("dot", "embedded", "argdown") if k + "-size" in row)
        print(f"picture size, {row['size']} nodes: {sizes_text}")
    if cold is not None:
        print(f"\nembedded renderer, first run on a machine (compiles the WebAssembly), 500 nodes: {cold:.2f} s")
    if not has_dot:
        print("system Graphviz 'dot' not found: its column is empty")
    if not argdown:
        print("Argdown CLI not found (npm install @argdown/cli; set ARGDOWN_CLI): its column is empty")
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000], help="nodes per map")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per cell")
    parser.add_argument("--shape-only", action="store_true", help="print only the page-shape table")
    args = parser.parse_args()
    shape_table((["dot"] if shutil.which("dot") else []) + ["embedded"])
    if args.shape_only:
        sys.exit(0)
    sys.exit(run(args.sizes, args.runs))


if __name__ == "__main__":
    main()

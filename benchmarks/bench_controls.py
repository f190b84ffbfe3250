"""Benchmark the control-character scan that `argmap check` runs on every file.

    python benchmarks/bench_controls.py            # 1k, 10k, 50k nodes
    python benchmarks/bench_controls.py 10000      # just one size

For each size it generates a synthetic map (benchmarks/synth.py) and prints
the best of several runs of:

* compose   libyaml's compose of the map, for scale;
* scan      the scan of the file's bytes that clears an ordinary file
            (controls.maybe_controls): the only cost a clean map pays;
* curly     the same scan with every apostrophe a typographic one, as in
            real maps (its UTF-8 starts like the bidi controls');
* walk      the walk of the composed tree that a file tripping the scan
            pays (controls.yaml_control_warnings);
* parse     yamlsource.parse_yaml of the clean map, and of the same map
            with an ESC escape in every node's text (a warning per node).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402
from bench_check import best_of  # noqa: E402

from argmap.controls import maybe_controls, yaml_control_warnings  # noqa: E402
from argmap.gcpause import gc_paused  # noqa: E402
from argmap.yamlsource import SafeLoader, parse_yaml  # noqa: E402

SIZES = [1_000, 10_000, 50_000]


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or SIZES
    print(f"{'nodes':>7} {'file MB':>8} {'compose s':>10} {'scan ms':>8} {'curly ms':>9} {'walk ms':>8} "
          f"{'parse s':>8} {'hostile s':>10} {'warnings':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            maps = synth.write(Path(tmp) / f"n{n}", n)
            text = (maps / "synth-0.yaml").read_text(encoding="utf-8")
            assert not maybe_controls(text.encode()), "the synthetic map should be clean"
            # Every node's text gets an ESC, written as YAML writes it: a \e escape.
            hostile = text.replace("    text: ", '    text: "\\e[2J" ')
            hostile = "\n".join(_requote(line) if '"\\e[2J" ' in line else line for line in hostile.split("\n"))
            data, hostile_data = text.encode(), hostile.encode()
            # Real maps are full of curly quotes and dashes, whose UTF-8 starts as the bidi controls' does.
            curly = text.replace("'", "\u2019").encode()
            root = yaml.compose(text, Loader=SafeLoader)
            with gc_paused():  # as parse_yaml composes
                compose = best_of(3, lambda: yaml.compose(text, Loader=SafeLoader))
            scan = best_of(20, lambda: maybe_controls(data))
            scan_curly = best_of(20, lambda: maybe_controls(curly))
            walk = best_of(3, lambda: yaml_control_warnings(root, text, "m.yaml"))
            parse = best_of(3, lambda: parse_yaml(data, "m.yaml"))
            parse_hostile = best_of(3, lambda: parse_yaml(hostile_data, "m.yaml"))
            warnings = len(parse_yaml(hostile_data, "m.yaml")[1])
            print(f"{n:>7} {len(data) / 1e6:>8.1f} {compose:>10.3f} {scan * 1e3:>8.2f} {scan_curly * 1e3:>9.2f} "
                  f"{walk * 1e3:>8.1f} {parse:>8.3f} {parse_hostile:>10.3f} {warnings:>9,}")


def _requote(line: str) -> str:
    """`text: "\\e[2J" words` as one double-quoted scalar (synth writes plain or quoted text)."""
    head, _, rest = line.partition('    text: "\\e[2J" ')
    body = rest[1:-1] if rest[:1] in "'\"" and rest[-1:] == rest[:1] else rest
    body = body.replace("\\", "\\\\").replace('"', '\\"')
    return f'{head}    text: "\\e[2J {body}"'


if __name__ == "__main__":
    main()

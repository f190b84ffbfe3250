"""Benchmark the work one hostile file can make: each must stay bounded.

    python benchmarks/bench_hostile.py

Prints three tables (best of three runs each, wall time):

* hint       the closest-passage hint for a quote not found (SeedText.closest),
             by quote length up to the size cap (spec.MAX_TEXT): in prose with
             one word changed, and in text of three characters, where every
             window of the seed looks alike to difflib's quick bound.  The
             target is 1 s for any quote the cap allows.
* did you mean   the hint for a misspelt id among 300 ids of the same length.
* seed cap   `argmap check` on a map whose seed is a sparse file of 4 GiB
             (truncate: no disk, no memory unless read), refused by its size;
             and a via loop through 10,000 speakers, reported once on a short
             line.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from argmap.quotes import SeedText
from argmap.spec import MAX_TEXT
from argmap.suggest import did_you_mean

LENGTHS = [100, 1_000, 4_000, 8_000, MAX_TEXT]
TARGET = 1.0


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def hint_table() -> None:
    rng = random.Random(0)
    prose = " ".join(f"Paragraph {i} says that reform {i} would cost {i * 7} million pounds." for i in range(20_000))
    few = "".join(rng.choice("ab ") for _ in range(1_000_000))
    seeds = {"prose": SeedText(prose), "a/b/space": SeedText(few)}
    print("hint: closest passage of a quote not found")
    print(f"{'quote chars':>12} {'prose s':>9} {'a/b/space s':>12}  target")
    for length in LENGTHS:
        at = len(prose) // 3
        quote = prose[at:at + length].replace(" would ", " could ", 1)
        few_quote = "".join(rng.choice("ab ") for _ in range(length))
        times = [best_of(3, lambda: seeds["prose"].closest(quote)),
                 best_of(3, lambda: seeds["a/b/space"].closest(few_quote))]
        ok = "ok" if max(times) <= TARGET else "SLOW"
        print(f"{length:>12,} {times[0]:>9.3f} {times[1]:>12.3f}  {TARGET} s {ok}")


def did_you_mean_table() -> None:
    rng = random.Random(1)
    print("\ndid you mean: a misspelt id among 300 of the same length")
    print(f"{'id chars':>12} {'letters s':>10} {'a/b/- s':>10}")
    for length in LENGTHS:
        rows = []
        for alphabet in ("abcdefghijklmnopqrstuvwxyz-", "ab-"):
            ids = ["".join(rng.choice(alphabet) for _ in range(length)) for _ in range(300)]
            typo = ids[7][:length // 2] + "z" + ids[7][length // 2 + 1:]
            rows.append(best_of(3, lambda: did_you_mean(typo, ids)))
        print(f"{length:>12,} {rows[0]:>10.3f} {rows[1]:>10.3f}")


MAP = """map: m
title: T
source: {{seed: s.txt, genre: news-report}}
speakers:
{speakers}
nodes:
  n:
    kind: claim
    by: s0
    text: t
    quote: hello
"""


def check_seconds(folder: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "argmap", "check", str(folder / "maps")],
                          capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done.stdout


def cap_table() -> None:
    print("\nargmap check on hostile files (process start to exit)")
    print(f"{'case':<36} {'s':>7}  longest line")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "maps").mkdir()
        (root / "seeds").mkdir()
        (root / "maps" / "m.yaml").write_text(MAP.format(speakers="  s0: {name: S}"), encoding="utf-8")
        with (root / "seeds" / "s.txt").open("wb") as file:
            file.truncate(4 * 1024 ** 3)
        seconds, out = check_seconds(root)
        assert "too-large" in out, out
        print(f"{'seed of 4 GiB (sparse): refused':<36} {seconds:>7.3f}  {max(map(len, out.splitlines()))}")
        os.truncate(root / "seeds" / "s.txt", 0)
        (root / "seeds" / "s.txt").write_text("hello", encoding="utf-8")
        n = 10_000
        speakers = "\n".join(f"  s{i}: {{name: S, via: s{(i + 1) % n}}}" for i in range(n))
        (root / "maps" / "m.yaml").write_text(MAP.format(speakers=speakers), encoding="utf-8")
        seconds, out = check_seconds(root)
        assert "via-loop" in out, out
        print(f"{'via loop through 10,000 speakers':<36} {seconds:>7.3f}  {max(map(len, out.splitlines()))}")


if __name__ == "__main__":
    hint_table()
    did_you_mean_table()
    cap_table()

"""`argmap new SEED`: a starter map that passes `argmap check`, written safely."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.project import load

from .conftest import MAPS, SEEDS


def _new(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "argmap", "new", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=60, check=False)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_the_starter_map_of_every_bundled_seed_checks_clean(tmp_path: Path, seed: str) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "maps").mkdir()
    shutil.copy(MAPS / "topics.yaml", tmp_path / "maps")
    done = _new(f"seeds/{seed}", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    [written] = [p for p in (tmp_path / "maps").iterdir() if p.name != "topics.yaml"]
    text = written.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../docs/argmap.schema.json\n")
    assert "#   quote: " in text  # the commented example node
    result = load([tmp_path / "maps"])
    assert [d.format() for d in result.diagnostics] == []
    [argmap] = [m for m in result.project.maps.values()]
    assert argmap.source.seed == seed and argmap.seed_text is not None


def test_furniture_is_guessed_as_a_part(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "piece.txt").write_text(
        "Headline\n\nThe piece argues a point. It goes on.\n\nRead the full article here\nLeave a Reply\n")
    assert _new("seeds/piece.txt", cwd=tmp_path).returncode == 0
    result = load([tmp_path / "maps"])
    assert [d.format() for d in result.diagnostics] == []
    [part] = result.project.maps["piece"].source.parts
    assert (part.genre, part.starts) == ("page-furniture", "Read the full article here")


def test_refuses_to_overwrite_and_never_writes_the_seed(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    seed = tmp_path / "seeds" / "piece.txt"
    seed.write_text("Headline\n\nA sentence.\n")
    assert _new("seeds/piece.txt", cwd=tmp_path).returncode == 0
    mine = tmp_path / "maps" / "piece.yaml"
    mine.write_text("my work\n")
    refused = _new("seeds/piece.txt", cwd=tmp_path)
    assert refused.returncode == 1 and "maps/piece.yaml" in refused.stderr and "Traceback" not in refused.stderr
    assert mine.read_text() == "my work\n"  # nothing lost
    over_seed = _new("seeds/piece.txt", "-o", "seeds/piece.txt", "--force", cwd=tmp_path)
    assert over_seed.returncode == 1 and seed.read_text() == "Headline\n\nA sentence.\n"
    assert _new("seeds/piece.txt", "--force", cwd=tmp_path).returncode == 0
    assert mine.read_text().startswith("# yaml-language-server")


def test_unreadable_seeds_are_messages_naming_the_path(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "latin1.txt").write_bytes("caf\xe9\n".encode("latin-1"))
    done = _new("seeds/latin1.txt", cwd=tmp_path)
    assert done.returncode == 2 and "seeds/latin1.txt" in done.stderr and "not UTF-8" in done.stderr
    done = _new("seeds/missing\x1b[2J.txt", cwd=tmp_path)
    assert done.returncode == 2 and "\x1b" not in done.stderr and "\\x1b[2J" in done.stderr
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "seeds" / "fifo.txt")
        done = _new("seeds/fifo.txt", cwd=tmp_path)  # does not wait for a writer
        assert done.returncode == 2 and "not a regular file" in done.stderr
    assert not (tmp_path / "maps").exists()


def test_hostile_text_in_the_seed_cannot_break_the_yaml(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "x.txt").write_text('title: "x" \x1b[2J\u202e #\n\nnodes: {a: 1}: \'" # sentence.\n')
    assert _new("seeds/x.txt", cwd=tmp_path).returncode == 0
    result = load([tmp_path / "maps"])
    assert [d.code for d in result.diagnostics if d.is_error] == []
    assert list(result.project.maps["x"].nodes) == []

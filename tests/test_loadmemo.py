"""A load that reuses unchanged files (the language server's) says exactly what a fresh load says.

The memo may only skip work: whatever changed (a buffer, a file on disk, a
seed, a file added or removed), the problems and the model must be those of
loading from scratch.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import Superseded
from argmap.loadmemo import FileMemo
from argmap.project import load
from tests.conftest import SMALL_MAP, SMALL_SEED

OTHER_MAP = """
    map: other
    title: Another map
    source:
      seed: small.txt
      genre: news-report
    speakers:
      critics: {name: Critics}
    nodes:
      distort:
        kind: claim
        by: critics
        text: Targets distort care.
        quote: targets distort care
        same_as: small:centralise
"""


def _formatted(result) -> list[str]:
    return [d.format() for d in result.diagnostics]


def _same_as_fresh(maps: Path, memo: FileMemo, overrides: dict[Path, str] | None = None) -> None:
    memoised = load([maps], overrides=overrides, memo=memo)
    fresh = load([maps], overrides=overrides)
    assert _formatted(memoised) == _formatted(fresh)
    assert {m: list(a.nodes.values()) for m, a in memoised.project.maps.items()} == \
        {m: list(a.nodes.values()) for m, a in fresh.project.maps.items()}


@pytest.fixture
def two_maps(make_maps) -> Path:
    return make_maps({"small.yaml": SMALL_MAP, "other.yaml": OTHER_MAP}, seeds={"small.txt": SMALL_SEED})


def test_an_unchanged_folder_is_not_parsed_again(two_maps: Path) -> None:
    memo = FileMemo()
    _same_as_fresh(two_maps, memo)
    assert memo.hits == 0
    _same_as_fresh(two_maps, memo)
    assert memo.hits == 2


def test_an_edited_buffer_is_parsed_again_and_the_others_are_not(two_maps: Path) -> None:
    memo = FileMemo()
    load([two_maps], memo=memo)
    path = (two_maps / "other.yaml").resolve()
    broken = path.read_text(encoding="utf-8").replace("small:centralise", "small:centralize")
    memoised = load([two_maps], overrides={path: broken}, memo=memo)
    assert memo.hits == 1  # small.yaml
    assert any(d.code == "unknown-node" for d in memoised.diagnostics)
    _same_as_fresh(two_maps, memo, {path: broken})


def test_a_file_changed_on_disk_is_read_again(two_maps: Path) -> None:
    memo = FileMemo()
    load([two_maps], memo=memo)
    path = two_maps / "small.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("by: critics", "by: nobody", 1), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # a change within the clock's tick
    result = load([two_maps], memo=memo)
    assert any(d.code == "unknown-speaker" for d in result.diagnostics)
    _same_as_fresh(two_maps, memo)


def test_a_changed_seed_rebuilds_the_maps_that_quote_it(two_maps: Path) -> None:
    memo = FileMemo()
    assert load([two_maps], memo=memo).ok
    seed = two_maps.parent / "seeds" / "small.txt"
    seed.write_text(SMALL_SEED.replace("targets distort care", "targets shape care"), encoding="utf-8")
    result = load([two_maps], memo=memo)
    assert [d.code for d in result.errors] == ["quote-not-found"]
    _same_as_fresh(two_maps, memo)


def test_a_seed_that_appears_later_is_seen(make_maps) -> None:
    maps = make_maps({"small.yaml": SMALL_MAP})
    memo = FileMemo()
    assert any(d.code == "seed-not-found" for d in load([maps], memo=memo).diagnostics)
    (maps.parent / "seeds" / "small.txt").write_text(SMALL_SEED, encoding="utf-8")
    assert load([maps], memo=memo).ok


def test_a_removed_map_is_forgotten(two_maps: Path) -> None:
    memo = FileMemo()
    load([two_maps], memo=memo)
    (two_maps / "small.yaml").unlink()
    result = load([two_maps], memo=memo)
    assert "small" not in result.project.maps
    assert any(d.code == "unknown-map" for d in result.diagnostics)
    _same_as_fresh(two_maps, memo)


def test_a_superseded_load_gives_up(two_maps: Path) -> None:
    asked = []

    def superseded() -> bool:
        asked.append(1)
        return len(asked) > 1  # after the first file

    with pytest.raises(Superseded):
        load([two_maps], memo=FileMemo(), superseded=superseded)


EDITS = st.lists(st.sampled_from(["rename-node", "bad-speaker", "bad-quote", "break-yaml", "restore",
                                  "drop-other", "seed-change"]), min_size=1, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_any_sequence_of_edits_checks_as_a_fresh_load(make_maps, edits: list[str]) -> None:
    maps = make_maps({"small.yaml": SMALL_MAP, "other.yaml": OTHER_MAP}, seeds={"small.txt": SMALL_SEED})
    small = (maps / "small.yaml").resolve()
    original = small.read_text(encoding="utf-8")
    memo = FileMemo()
    buffer = original
    for edit in edits:
        if edit == "rename-node":
            buffer = buffer.replace("centralise:", "centralize:", 1)
        elif edit == "bad-speaker":
            buffer = buffer.replace("by: critics", "by: nobody", 1)
        elif edit == "bad-quote":
            buffer = buffer.replace("would cut red tape", "will cut red tape", 1)
        elif edit == "break-yaml":
            buffer = buffer + "\n  : [\n"
        elif edit == "restore":
            buffer = original
        elif edit == "drop-other":
            (maps / "other.yaml").write_text(textwrap.dedent(OTHER_MAP).replace("same_as: small:centralise", ""),
                                            encoding="utf-8")
        elif edit == "seed-change":
            seed = maps.parent / "seeds" / "small.txt"
            seed.write_text(seed.read_text(encoding="utf-8") + "More text.\n", encoding="utf-8")
        _same_as_fresh(maps, memo, {small: buffer})

"""Fixtures shared by every test module."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MAPS = REPO / "maps"
SEEDS = REPO / "seeds"

MakeMaps = Callable[..., Path]


@pytest.fixture
def make_maps(tmp_path: Path) -> MakeMaps:
    """Write maps and seeds into a fresh folder; returns its maps/ folder.

    ``make_maps({"a.yaml": "...yaml..."}, seeds={"a.txt": "text"})``; YAML is
    dedented, so tests can write it indented inline.
    """

    def make(maps: dict[str, str], seeds: dict[str, str] | None = None) -> Path:
        maps_dir, seeds_dir = tmp_path / "maps", tmp_path / "seeds"
        maps_dir.mkdir(exist_ok=True)
        seeds_dir.mkdir(exist_ok=True)
        for name, text in maps.items():
            (maps_dir / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        for name, text in (seeds or {}).items():
            (seeds_dir / name).write_text(text, encoding="utf-8")
        return maps_dir

    return make


SMALL_SEED = (
    "The minister said the reforms would cut red tape. "
    "Critics said the reforms would centralise power. "
    "Local leaders warned that targets distort care. "
    "The minister replied that targets keep hospitals accountable.\n"
)

SMALL_MAP = """
    map: small
    title: A small map
    source:
      seed: small.txt
      genre: news-report
    speakers:
      minister: {name: The Minister}
      critics: {name: Critics}
    nodes:
      cut-red-tape:
        kind: claim
        by: minister
        text: The reforms cut red tape.
        quote: the reforms would cut red tape
      centralise:
        kind: rebuttal
        by: critics
        text: The reforms centralise power.
        quote: the reforms would centralise power
        attacks: cut-red-tape
      accountable:
        kind: premise
        by: minister
        text: Targets keep hospitals accountable.
        quote: targets keep hospitals accountable
        supports: cut-red-tape
"""


@pytest.fixture
def small_maps(make_maps: MakeMaps) -> Path:
    """A valid three-node map and its seed; returns the maps/ folder."""
    return make_maps({"small.yaml": SMALL_MAP}, seeds={"small.txt": SMALL_SEED})


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings file (absent at first): none reads or writes the user's real one."""
    path = tmp_path_factory.mktemp("settings") / "config.toml"
    monkeypatch.setenv("ARGMAP_CONFIG", str(path))
    return path

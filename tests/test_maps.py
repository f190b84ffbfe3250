"""The curated maps: clean under --strict, one per seed, coverage floors met."""

from __future__ import annotations

import hashlib

import pytest

from argmap.cli import main
from argmap.coverage import FLOORS, map_coverage
from argmap.project import load

from .conftest import MAPS, REPO, SEEDS

SHARED_SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def project():
    result = load([MAPS])
    assert result.ok, "\n".join(d.format() for d in result.diagnostics)
    return result.project


def test_maps_pass_strict_check(capsys) -> None:
    assert main(["check", "--strict", str(MAPS)]) == 0, capsys.readouterr().out


def test_every_seed_has_a_map(project) -> None:
    mapped = {m.source.seed for m in project.maps.values()}
    assert mapped == {p.name for p in SEEDS.iterdir()}


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds not beside the checkout")
def test_seeds_are_byte_for_byte_copies(project) -> None:
    originals = {hashlib.sha256(p.read_bytes()).hexdigest(): p.name for p in SHARED_SEEDS.iterdir()}
    for argmap in project.maps.values():
        digest = hashlib.sha256((SEEDS / argmap.source.seed).read_bytes()).hexdigest()
        assert originals.get(digest) == argmap.source.original, argmap.id


def test_every_node_quotes_its_seed(project) -> None:
    for node in project.nodes():
        assert node.quotes and all(q.span for q in node.quotes), node.ref


def test_coverage_floors(project) -> None:
    for argmap in project.maps.values():
        coverage = map_coverage(argmap)
        for group, floor in FLOORS.items():
            share = coverage.share(group)
            assert share is None or share >= floor, (argmap.id, group, share)


def test_first_seed_has_three_voices_with_attribution(project) -> None:
    (argmap,) = [m for m in project.maps.values() if m.source.original.startswith("000_")]
    genres = {p.genre.value for p in argmap.source.parts}
    assert {"news-report", "reader-comment", "opinion-column"} <= genres
    chain = [s.id for s in project.attribution(argmap.id, "niemietz")]
    assert chain[:2] == ["niemietz", "heath"] and chain[-1] == "reader"


def test_topics_meet_across_articles(project) -> None:
    for topic in ("tendering", "internal-market", "integration", "central-control", "targets", "covid-lessons",
                  "private-sector", "bureaucracy"):
        maps = {n.map_id for n in project.nodes() if topic in n.stances}
        assert len(maps) >= 2, topic


def test_cross_map_links_exist(project) -> None:
    cross = [r for r in project.relations() if r.source.map_id != r.target.map_id]
    assert cross


def test_coverage_command_reports_and_checks_floors(capsys) -> None:
    assert main(["coverage", "--check", str(MAPS)]) == 0
    out = capsys.readouterr().out
    assert "bbc-reader-heath-2021" in out and "opinion" in out and "unmapped" in out
    assert main(["coverage", str(MAPS / "missing")]) == 2

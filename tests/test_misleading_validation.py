"""Validation that must not mislead: case-only collisions, root causes before their consequences,
one readable line for a long cycle, ids as documented, seeds capped like maps."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.project import MAX_SEED_BYTES, display_path, load
from argmap.spec import ID_CHARS, ID_PATTERN

from .conftest import MAPS, REPO, SEEDS, SMALL_MAP, SMALL_SEED


def _codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]


def _map(map_id: str, nodes: str, speakers: str = "s: {name: S}", seed: str = "small.txt") -> str:
    return (f"map: {map_id}\ntitle: T\nsource: {{seed: {seed}, genre: news-report}}\n"
            f"speakers:\n  {speakers}\nnodes:\n{nodes}")


def _node(node_id: str, extra: str = "", by: str = "s") -> str:
    return (f"  {node_id}:\n    kind: claim\n    by: {by}\n    text: t\n"
            f"    quote: the reforms would cut red tape\n{extra}")


# --- ids that differ only in case ----------------------------------------------------------


def test_node_ids_differing_only_in_case_are_reported(make_maps) -> None:
    nodes = _node("Case", "    attacks: case\n") + _node("case", "    attacks: Case\n")
    result = load([make_maps({"m.yaml": _map("m", nodes)}, seeds={"small.txt": SMALL_SEED})])
    collisions = [d for d in result.diagnostics if d.code == "case-collision"]
    assert len(collisions) == 1
    assert "'case' differs only in case from 'Case'" in collisions[0].message
    assert collisions[0].pos.line == 13  # at the second of the two


def test_map_ids_file_names_speakers_and_seeds_differing_only_in_case(make_maps) -> None:
    maps = make_maps({
        "Alpha.yaml": _map("Alpha", _node("a1", "    attacks: alpha:a2\n", by="Ann"), "Ann: {name: Ann}",
                           seed="Small.txt"),
        "alpha.yaml": _map("alpha", _node("a2", "    attacks: Alpha:a1\n", by="ann"), "ann: {name: Ann}"),
    }, seeds={"small.txt": SMALL_SEED, "Small.txt": SMALL_SEED})
    messages = [d.message for d in load([maps]).diagnostics if d.code == "case-collision"]
    assert any("map id 'alpha' differs only in case from 'Alpha'" in m for m in messages)
    assert any("speaker id 'ann' differs only in case from 'Ann'" in m for m in messages)
    assert any("file name 'alpha.yaml' differs only in case from 'Alpha.yaml'" in m for m in messages)
    assert any("seed 'small.txt' differs only in case from 'Small.txt'" in m for m in messages)


def test_the_same_id_in_two_maps_is_not_a_collision(make_maps) -> None:
    maps = make_maps({"a.yaml": _map("a", _node("n", "    attacks: b:n\n")),
                      "b.yaml": _map("b", _node("n", "    attacks: a:n\n"))}, seeds={"small.txt": SMALL_SEED})
    assert "case-collision" not in _codes(load([maps]))


def test_the_bundled_maps_have_no_case_collisions() -> None:
    assert "case-collision" not in _codes(load([MAPS]))


# --- ids: the code accepts what the documentation says -------------------------------------


def test_format_documents_the_id_pattern_the_checker_uses() -> None:
    doc = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    assert f"`{ID_CHARS}`" in doc
    # No other character class for ids (the old text documented `[a-z0-9][a-z0-9-]*`).
    classes = set(re.findall(r"`(\[[^`]*\][^`]*)`", doc))
    assert classes <= {ID_CHARS}, classes


@pytest.mark.parametrize("good", ["a", "A1", "may-2018", "x_y.z", "2021", "Case"])
def test_documented_ids_are_accepted(make_maps, good: str) -> None:
    assert re.fullmatch(ID_PATTERN, good)
    result = load([make_maps({"m.yaml": _map("m", _node(good))}, seeds={"small.txt": SMALL_SEED})])
    assert not result.errors, result.diagnostics


@pytest.mark.parametrize("bad", ["-a", "_a", ".a", "a b", "a:b", "é", "a\u202e", "a/b"])
def test_undocumented_ids_are_refused(make_maps, bad: str) -> None:
    nodes = _node(f'"{bad}"')
    result = load([make_maps({"m.yaml": _map("m", nodes)}, seeds={"small.txt": SMALL_SEED})])
    assert "bad-id" in _codes(result)


# --- root causes, not their consequences ---------------------------------------------------


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    shutil.copytree(MAPS, tmp_path / "maps")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path / "maps"


def test_a_broken_topics_file_is_reported_not_every_stance(bundled: Path, capsys) -> None:
    with (bundled / "topics.yaml").open("a", encoding="utf-8") as file:
        file.write("broken: [\n")
    for paths in ([bundled / "may-2018.yaml"], [bundled]):
        assert main(["check", *map(str, paths)]) == 1
        out = capsys.readouterr().out
        assert "topics.yaml" in out and "yaml-syntax" in out
        assert "unknown-topic" not in out and "no topics file" not in out


def test_a_missing_topics_file_still_names_every_unknown_topic(bundled: Path) -> None:
    (bundled / "topics.yaml").unlink()
    result = load([bundled / "may-2018.yaml"])
    assert "unknown-topic" in _codes(result)


def test_a_broken_map_is_reported_once_not_in_every_map_that_refers_to_it(bundled: Path, capsys) -> None:
    text = (bundled / "may-2018.yaml").read_text(encoding="utf-8")
    (bundled / "may-2018.yaml").write_text(text.replace("\ntitle:", "\ntitle: [", 1), encoding="utf-8")
    referrer = bundled / "csw-hancock-2021.yaml"
    assert "may-2018:" in referrer.read_text(encoding="utf-8")
    for paths in ([referrer], [bundled]):
        assert main(["check", *map(str, paths)]) == 1
        out = capsys.readouterr().out
        assert "may-2018.yaml" in out and "yaml-syntax" in out
        assert "unknown-map" not in out


@pytest.mark.parametrize("breakage", [
    lambda text: text.replace("\nsource:", "\nsource: 3\nx:", 1),  # decodes, but builds no map
    lambda text: "",  # empty
    lambda text: "[" + text,  # not a mapping, and a syntax error
])
def test_references_into_any_map_that_failed_to_load_are_held_back(bundled: Path, breakage) -> None:
    path = bundled / "may-2018.yaml"
    path.write_text(breakage(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = load([bundled])
    assert result.errors and "unknown-map" not in _codes(result)
    assert {d.pos.path if d.pos else d.path for d in result.errors} == {display_path(path)}


def test_an_unrelated_broken_map_beside_the_named_one_stays_hidden(bundled: Path) -> None:
    (bundled / "ft-hewitt-2023.yaml").write_text("map: [", encoding="utf-8")
    assert load([bundled / "may-2018.yaml"]).diagnostics == []


def test_a_reference_to_a_map_that_never_existed_is_still_an_error(bundled: Path) -> None:
    (bundled / "may-2018.yaml").write_text("map: [", encoding="utf-8")
    (bundled / "extra.yaml").write_text(_map("extra", _node("n", "    attacks: nowhere:n\n"),
                                             seed="2018-pm-may-internal-market.txt"), encoding="utf-8")
    assert "unknown-map" in _codes(load([bundled / "extra.yaml"]))


# --- long loops on one readable line -------------------------------------------------------


def test_a_support_cycle_through_many_maps_is_one_short_line(make_maps) -> None:
    n = 300
    maps = make_maps({f"m{i}.yaml": _map(f"m{i}", _node("n", f"    supports: m{(i + 1) % n}:n\n"))
                      for i in range(n)}, seeds={"small.txt": SMALL_SEED})
    cycles = [d for d in load([maps]).diagnostics if d.code == "support-cycle"]
    assert len(cycles) == 1
    assert len(cycles[0].format()) < 300
    assert f"{n - 6:,} more" in cycles[0].message


def test_a_via_loop_is_reported_once_on_a_short_line(make_maps) -> None:
    n = 2000
    speakers = "\n  ".join(f"s{i}: {{name: S{i}, via: s{(i + 1) % n}}}" for i in range(n))
    nodes = "".join(_node(f"n{i}", "    attacks: n0\n" if i else "    attacks: n1\n", by=f"s{i}")
                    for i in range(n))
    result = load([make_maps({"m.yaml": _map("m", nodes, speakers)}, seeds={"small.txt": SMALL_SEED})])
    loops = [d for d in result.diagnostics if d.code == "via-loop"]
    assert len(loops) == 1
    assert loops[0].message.startswith("speaker 's0' is reported through a loop: s0 -> s1 -> s2 -> …")
    assert len(loops[0].message) < 200


def test_a_short_via_loop_reads_in_full(make_maps) -> None:
    speakers = "a: {name: A, via: b}\n  b: {name: B, via: a}\n  c: {name: C, via: c}"
    nodes = _node("x", "    attacks: y\n", by="a") + _node("y", "    attacks: x\n", by="c")
    result = load([make_maps({"m.yaml": _map("m", nodes, speakers)}, seeds={"small.txt": SMALL_SEED})])
    assert sorted(d.message for d in result.diagnostics if d.code == "via-loop") == [
        "speaker 'a' is reported through a loop: a -> b -> a",
        "speaker 'c' is reported through a loop: c -> c",
    ]


# --- seeds are capped -----------------------------------------------------------------------


def test_a_huge_seed_is_refused_before_it_is_read(make_maps, capsys) -> None:
    maps = make_maps({"small.yaml": SMALL_MAP}, seeds={"small.txt": SMALL_SEED})
    seed = maps.parent / "seeds" / "small.txt"
    os.truncate(seed, 4 * 1024 ** 3)  # sparse: 4 GiB that take no disk, and no memory unless read
    assert main(["check", str(maps)]) == 2
    out = capsys.readouterr().out
    assert f"{display_path(seed)}: error[too-large]: seed is 4,294,967,296 bytes" in out
    assert f"{MAX_SEED_BYTES:,}" in out


def test_a_seed_at_the_cap_is_read(make_maps) -> None:
    maps = make_maps({"small.yaml": SMALL_MAP}, seeds={"small.txt": SMALL_SEED})
    seed = maps.parent / "seeds" / "small.txt"
    with seed.open("a", encoding="utf-8") as file:
        file.write(" " * (MAX_SEED_BYTES - len(SMALL_SEED)))
    assert load([maps]).diagnostics == []

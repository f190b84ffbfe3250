"""The fast path for node records agrees with the generic decoder on every input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap.build
from argmap.project import load

from .conftest import MAPS

SEED = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota.\n"
HEADER = {
    "map": "m", "title": "t", "source": {"seed": "s.txt", "genre": "news-report"},
    "speakers": {"a": {"name": "A"}, "b": {"name": "B", "via": "a"}},
}
topics = "topics:\n  t1: {question: Q?}\n"

ids = st.sampled_from(["n1", "n2", "n3", "other:n1", "m:n2", "bad id", "n1\n"])
scalars = st.one_of(ids, st.sampled_from(["claim", "premise", "in", "for", "a", "b", "", "Alpha beta",
                                          "Delta epsilon zeta.", "nowhere", "x" * 30]), st.none())
values = st.recursive(scalars, lambda c: st.one_of(st.lists(c, max_size=3),
                                                   st.dictionaries(st.sampled_from(["to", "with", "from", "t1",
                                                                                    "x"]), c, max_size=3)),
                      max_leaves=6)
fields = st.sampled_from(["kind", "by", "via", "text", "quote", "tags", "stance", "supports", "attacks",
                          "undercuts", "same_as", "expect", "note", "bogus"])
node = st.fixed_dictionaries(
    {"kind": st.sampled_from(["claim", "premise", "rebuttal", "clam"]), "by": st.sampled_from(["a", "b", "c"]),
     "text": st.just("t"), "quote": st.sampled_from(["Alpha beta", ["Eta theta", "gamma"], "missing"])},
    optional={"via": st.sampled_from(["a", "b", "c", "bad id"]), "supports": values, "attacks": values, "undercuts": values, "same_as": values, "tags": values,
              "stance": values, "expect": values, "note": values}).flatmap(
    lambda d: st.dictionaries(fields, values, max_size=2).map(lambda extra: {**d, **extra}))


def _load_both(folder: Path, monkeypatch):
    fast = load([folder])
    with monkeypatch.context() as m:
        m.setattr(argmap.build.NodeReader, "read", lambda *args: None)
        slow = load([folder])
    return fast, slow


def _same(fast, slow) -> None:
    assert [d.format() for d in fast.diagnostics] == [d.format() for d in slow.diagnostics]
    fast_nodes = {n.ref: n for n in fast.project.nodes()}
    slow_nodes = {n.ref: n for n in slow.project.nodes()}
    assert fast_nodes.keys() == slow_nodes.keys()
    for ref, n in fast_nodes.items():
        s = slow_nodes[ref]
        for name in ("kind", "text", "by", "pos", "quotes", "tags", "relations", "expect", "note"):
            assert getattr(n, name) == getattr(s, name), (ref, name)
        assert dict(n.stances) == dict(s.stances)
        assert dict(n.positions) == dict(s.positions)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["n1", "n2", "n3"]), node, min_size=1, max_size=3))
def test_fast_and_generic_paths_agree(tmp_path: Path, monkeypatch, nodes: dict) -> None:
    (tmp_path / "seeds").mkdir(exist_ok=True)
    (tmp_path / "seeds" / "s.txt").write_text(SEED)
    (tmp_path / "maps").mkdir(exist_ok=True)
    (tmp_path / "maps" / "m.yaml").write_text(json.dumps({**HEADER, "nodes": nodes}))
    (tmp_path / "maps" / "topics.yaml").write_text(topics)
    _same(*_load_both(tmp_path / "maps", monkeypatch))


def test_paths_agree_on_the_curated_maps(monkeypatch) -> None:
    fast, slow = _load_both(MAPS, monkeypatch)
    assert fast.ok
    _same(fast, slow)


@pytest.mark.parametrize("flow", [True, False])
def test_paths_agree_on_block_and_flow_yaml(make_maps, monkeypatch, flow: bool) -> None:
    body = ("      n1: {kind: claim, by: a, text: t, quote: [Alpha beta], stance: {t1: for}, tags: [x]}\n"
            "      n2: {kind: premise, by: b, text: u, quote: Delta, supports: [{to: n1, with: [n3]}]}\n"
            "      n3: {kind: rebuttal, by: a, text: v, quote: Eta, undercuts: {from: n2, to: n1}}\n")
    if not flow:
        body = body.replace("{kind", "\n        {kind")
    maps = make_maps({"m.yaml": "map: m\ntitle: t\nsource: {seed: s.txt, genre: news-report}\n"
                      "speakers: {a: {name: A}, b: {name: B}}\nnodes:\n" + body.replace("      ", "  ", 1)
                      .replace("\n      ", "\n  "), "topics.yaml": topics}, seeds={"s.txt": SEED})
    fast, slow = _load_both(maps, monkeypatch)
    assert len(list(fast.project.nodes())) == 3 and fast.ok, [d.format() for d in fast.diagnostics]
    _same(fast, slow)

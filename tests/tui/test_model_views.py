"""The TUI's pure parts: argument outline, search, stance matrix, history, wrapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.model import Ref, RelKind, Stance
from argmap.project import load
from argmap.tui.argtree import Outline, Row
from argmap.tui.history import History
from argmap.tui.searching import SearchIndex, parse_query
from argmap.tui.source import merge_spans, wrap_offsets
from argmap.tui.stances import combine, stance_matrix

from .conftest import FIXTURE


@pytest.fixture(scope="module")
def project():
    result = load([FIXTURE / "maps"])
    assert result.ok, [d.format() for d in result.diagnostics]
    return result.project


def A(node: str) -> Ref:
    return Ref("alpha", node)


def walk(outline: Outline, row: Row, depth: int = 0, out=None):
    out = [] if out is None else out
    for child in outline.children(row):
        out.append((depth, child))
        walk(outline, child, depth + 1, out)
    return out


def test_roots_are_the_main_claims(project) -> None:
    outline = Outline(project, "alpha")
    assert outline.roots == [A("end-tendering"), A("trust-locals")]


def test_supports_attacks_undercuts_and_linked_groups(project) -> None:
    outline = Outline(project, "alpha")
    end = Row("node", "alpha", A("end-tendering"), full=True)
    children = outline.children(end)
    assert [(c.kind, c.rel, c.ref) for c in children] == [
        ("node", RelKind.SUPPORTS, A("tendering-wastes")),
        ("node", RelKind.SUPPORTS, A("collaboration-better")),
        ("node", RelKind.ATTACKS, A("tendering-saves")),
    ]
    saves = outline.children(children[2])
    group = saves[0]
    assert group.kind == "group" and set(group.members) == {A("savings-measured"), A("audit-found")}
    assert [c.ref for c in outline.children(group)] == [A("savings-measured"), A("audit-found")]
    assert (saves[1].rel, saves[1].ref) == (RelKind.UNDERCUTS, A("evidence-old"))


def test_every_node_is_full_exactly_once_and_links_elsewhere(project) -> None:
    outline = Outline(project, "alpha")
    rows = walk(outline, Row("map", "alpha"))
    full = [row.ref for _, row in rows if row.kind == "node"]
    assert sorted(full) == sorted(n.ref for n in project.maps["alpha"].nodes.values())
    links = [row.ref for _, row in rows if row.kind == "link"]
    # reached twice (supports two claims), the attack cycle, and the other map's attack
    assert A("collaboration-better") in links
    assert A("tendering-saves") in links
    assert Ref("beta", "centre-must-lead") in links


def test_cycles_terminate_and_path_to_leads_to_the_full_row(project) -> None:
    outline = Outline(project, "alpha")
    for node in project.maps["alpha"].nodes.values():
        keys = outline.path_to(node.ref)
        row = Row("map", "alpha")
        for key in keys:
            row = next(c for c in outline.children(row) if c.key == key)
        assert row.ref == node.ref and row.kind == "node" and row.full


def test_unreachable_cycle_becomes_a_root(make_maps) -> None:
    maps = make_maps({"c.yaml": """
        map: c
        title: cycle
        source: {seed: c.txt, genre: news-report}
        speakers: {s: {name: S}}
        nodes:
          a: {kind: premise, by: s, text: A., quote: alpha one, supports: b}
          b: {kind: premise, by: s, text: B., quote: beta two, supports: a}
    """}, seeds={"c.txt": "alpha one. beta two."})
    project = load([maps]).project
    outline = Outline(project, "c")
    assert outline.roots == [Ref("c", "a")]
    rows = walk(outline, Row("map", "c"))
    assert [(r.kind, r.ref.node_id) for _, r in rows] == [("node", "a"), ("node", "b"), ("link", "a")]


def test_search_words_filters_and_fuzzy_goto(project) -> None:
    index = SearchIndex(project)
    hits, total = index.search("savings")
    assert total >= 3 and all("saving" in (project.node(h.ref).text + " ".join(q.text for q in
                                                                             project.node(h.ref).quotes)).lower()
                              or "saving" in str(h.ref) for h in hits)
    assert [str(h.ref) for h in index.search("kind:rebuttal by:critic")[0]] == [
        "alpha:evidence-old", "alpha:savings-illusory"]
    assert {str(h.ref) for h in index.search("topic:tendering=against")[0]} == {
        "alpha:end-tendering", "alpha:slow", "beta:tender-waste"}
    assert [str(h.ref) for h in index.search("tag:manage")[0]] == ["alpha:tendering-wastes"]
    assert {str(h.ref) for h in index.search("by:columnist map:beta")[0]} == {
        "beta:centre-must-lead", "beta:covid-proof", "beta:tender-waste"}
    # quotes and speaker names are searched too
    assert index.search("hidden costs")[0][0].ref == A("savings-illusory")
    assert index.search("A. Columnist")[1] == 3
    # a speaker by a word of their name, but not by any letters inside it
    assert {str(h.ref) for h in index.search("by:minis")[0]} >= {"alpha:end-tendering"}
    assert not index.search("by:inister")[0]
    assert index.goto("evold")[0].ref == A("evidence-old")
    assert index.goto("beta:covid-proof")[0].ref == Ref("beta", "covid-proof")


def test_parse_query() -> None:
    query = parse_query('Kind:Claim speaker:heath "red tape" nhs foo:bar topic:')
    assert query.words == ("red tape", "nhs", "foo:bar")
    assert query.filters == {"kind": ("claim",), "by": ("heath",)}


def test_stance_matrix_and_combine(project) -> None:
    assert combine([Stance.FOR, Stance.FOR]) is Stance.FOR
    assert combine([Stance.FOR, Stance.AGAINST]) is Stance.MIXED
    assert combine([Stance.NEUTRAL, Stance.AGAINST]) is Stance.AGAINST
    assert combine([Stance.NEUTRAL]) is Stance.NEUTRAL
    assert combine([]) is None
    matrix = stance_matrix(project)
    assert matrix.topics == ["tendering", "central-control", "covid-lessons"]
    rows = {(r.kind, r.key): r for r in matrix.rows}
    assert rows["article", "alpha"].cells["tendering"].stance == "split"  # its speakers differ
    assert rows["speaker", "minister"].cells["tendering"].refs == [A("end-tendering")]
    assert rows["article", "beta"].cells["central-control"].stance == Stance.FOR.value


def test_history_is_like_a_browser() -> None:
    history: History[str] = History()
    for place in "abc":
        history.visit(place)
    assert history.back() == "b" and history.back() == "a" and history.back() is None
    assert history.forward() == "b"
    history.visit("d")  # drops the forward entry "c"
    assert history.forward() is None and history.back() == "b"


def test_wrap_offsets_cover_the_text() -> None:
    text = "one two three four five six seven\n\nshort\nabcdefghijklmnopqrstuvwxyz"
    lines = wrap_offsets(text, 10, [text.index("short")])
    assert all(e - s <= 10 for s, e in lines)
    words = " ".join(text[s:e] for s, e in lines).split()
    assert words[:7] == text.split()[:7]
    assert merge_spans([(5, 9), (0, 3), (2, 4), (9, 10)]) == [(0, 4), (5, 10)]


def test_outline_of_the_real_maps_places_every_node() -> None:
    maps = Path(__file__).resolve().parents[2] / "maps"
    project = load([maps]).project
    for map_id, argmap in project.maps.items():
        outline = Outline(project, map_id)
        for node in argmap.nodes.values():
            assert outline.path_to(node.ref), node.ref

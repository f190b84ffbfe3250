"""`argmap search` and the explorer's search: one query language, one matcher, the same results."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.search import SearchIndex, parse_query
from argmap.cli import main
from argmap.project import load
from argmap.tui.searching import SearchIndex as ExplorerIndex

REPO = Path(__file__).resolve().parents[2]
QUERIES = ["by:heath", "tendering", "tender", "nhs lie", "kind:claim by:heath", "topic:tendering=against",
           "tag:targets", '"internal market"', "may-2018:roll", "kind:reb map:may", "by:allister kind:premise",
           "competition", "speaker:hancock", "‘integrated care’"]


@pytest.fixture(scope="module")
def project():
    return load([REPO / "maps"]).project


def _cli_refs(capsys, query: str) -> tuple[int, set[str]]:
    code = main(["search", query, "--maps", str(REPO / "maps"), "--where"])
    out = capsys.readouterr().out
    # path:line: id — text  [fields]: the map is the file's, the id follows the line number
    refs = set()
    for line in out.splitlines():
        path, _, rest = line.split(":", 2)
        refs.add(f"{Path(path).stem}:{rest.split(' — ')[0].strip()}")
    return code, refs


@pytest.mark.parametrize("query", QUERIES)
def test_the_command_line_and_the_explorer_find_the_same_nodes(project, capsys, query: str) -> None:
    code, cli = _cli_refs(capsys, query)
    explorer = {str(hit.ref) for hit in ExplorerIndex(project).search(query, limit=None)[0]}
    assert cli == explorer
    assert code == (0 if cli else 1)


def test_filters_work_on_the_command_line(project, capsys) -> None:
    # `argmap search by:heath` printed nothing: the filter was read as a word.
    code, refs = _cli_refs(capsys, "by:heath")
    assert code == 0 and len(refs) >= 20
    for ref in refs:
        map_id, node_id = ref.split(":")
        argmap = project.maps[map_id]
        by = argmap.nodes[node_id].by
        assert "heath" in f"{by} {argmap.speakers[by].name}".lower()


def test_an_empty_query_is_a_usage_error(capsys) -> None:
    assert main(["search", "by: t:", "--maps", str(REPO / "maps")]) == 2
    assert "the query is empty" in capsys.readouterr().err


def test_words_match_at_word_starts_in_both(project) -> None:
    index = ExplorerIndex(project)
    assert index.search("tender")[1] >= index.search("tendering")[1] > 0
    assert index.search("ender")[1] == 0  # inside a word: no match, in the explorer as on the command line


def test_the_explorer_searches_tags_as_the_command_line_does(make_maps, capsys) -> None:
    maps = make_maps({"t.yaml": """
        map: t
        title: T
        source: {seed: t.txt, genre: news-report}
        speakers: {a: {name: A}}
        nodes:
          x: {kind: claim, by: a, text: Something., quote: something, tags: [money]}
    """}, seeds={"t.txt": "something"})
    project = load([maps]).project
    assert [str(h.ref) for h in ExplorerIndex(project).search("money")[0]] == ["t:x"]
    assert main(["search", "money", str(maps)]) == 0


def test_the_query_language() -> None:
    query = parse_query('Kind:Claim speaker:heath "Red  Tape" NHS foo:bar topic: “quoted”')
    assert query.words == ("red tape", "nhs", "foo:bar", '"quoted"')
    assert query.filters == {"kind": ("claim",), "by": ("heath",)}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab:" \\*()[.-‘’\x1bk'), max_size=30))
def test_any_query_is_answered_alike_and_never_raises(project, query: str) -> None:
    shared = [h.ref for h in SearchIndex(project).search(query, None)[0]]
    assert [h.ref for h in ExplorerIndex(project).search(query, None)[0]] == shared

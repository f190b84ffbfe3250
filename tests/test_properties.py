"""Property-based tests: no input, however malformed, makes the loader raise."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.diagnostics import Diagnostic
from argmap.model import Project
from argmap.project import load
from argmap.yamlsource import parse_yaml

YAML_ALPHABET = st.sampled_from(list("abc:-[]{}&*!|>'\"#%@` \n\t,?~0123\u00a0\u2019\u201c"))

keys = st.sampled_from(["map", "title", "source", "seed", "genre", "speakers", "nodes", "kind", "by",
                        "text", "quote", "supports", "attacks", "undercuts", "with", "to", "from",
                        "same_as", "stance", "tags", "via", "name", "parts", "starts", "expect", "x"])
leaves = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(),
                   st.sampled_from(["claim", "premise", "n1", "other:n1", "news-report", "in"]))
documents = st.recursive(leaves, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=6)), max_leaves=30)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_give_diagnostics_not_exceptions(data: bytes) -> None:
    doc, problems = parse_yaml(data, "fuzz.yaml")
    assert doc is not None or problems
    assert all(isinstance(p, Diagnostic) for p in problems)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(YAML_ALPHABET, max_size=300))
def test_yaml_like_text_never_raises(tmp_path_factory, text: str) -> None:
    folder = tmp_path_factory.mktemp("maps")
    path = folder / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    result = load([path])
    assert isinstance(result.project, Project)


def _dump(value, indent: int = 0) -> str:
    import json
    return json.dumps(value)  # JSON is YAML: a structurally random but well-formed document


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(documents)
def test_structurally_random_maps_never_raise(tmp_path: Path, document) -> None:
    (tmp_path / "seeds").mkdir(exist_ok=True)
    (tmp_path / "seeds" / "s.txt").write_text("hello world\n")
    (tmp_path / "maps").mkdir(exist_ok=True)
    path = tmp_path / "maps" / "fuzz.yaml"
    path.write_text(_dump(document), encoding="utf-8")
    result = load([path])
    for d in result.diagnostics:
        assert d.format()

"""Property-based tests: no input, however malformed, makes the loader raise."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.diagnostics import Diagnostic
from argmap.model import Project
from argmap.project import load
from argmap.spec import MAX_TEXT
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


# --- Hostile text in every field of a well-shaped map, and type confusion ---------------------
#
# A stranger's map is mostly the right shape, with the attack in the values: terminal controls,
# bidirectional overrides, YAML's special words and characters, any Unicode, and strings around
# the size cap.  Whatever the values, load() and `argmap check` give diagnostics, never an
# exception, and no diagnostic writes a control character raw.

_HOSTILE_CHARS = list("\x00\x07\x08\x1b\x7f\x85\x9b\r\t\n\u200b\u200e\u202a\u202e\u2066\u2069\ufeff\ufffd"
                      ":-[]{}&*!|>'\"#%@`,?~ \u00a0\u2019\u201c\u2014é\U0001f600")
_YAML_SPECIAL = ["~", "null", "Null", "yes", "no", "on", "off", "true", "1e3", "0x1F", "0o17", ".inf", ".nan",
                 "2021-02-10", "12:30:00", "&a", "*a", "!!python/object:os.system", "!include x", "- x", "? x",
                 ": x", "# x", "%YAML 1.1", "---", "...", "<<", "=cmd|' /C calc'!A0", "\x1b]0;pwned\x07",
                 "\x1b[2J\x1b[3J", "\x1b]52;c;cHduZWQ=\x07", "\u202egnp.exe", "a\nb", "a\rb", "x" * 300]
_BIG = st.builds(lambda char, n: char * n, st.sampled_from(["a", "é", "\x1b", " ", "\u202e", "ab ", "\U0001f600"]),
                 st.sampled_from([MAX_TEXT - 1, MAX_TEXT, MAX_TEXT + 1, 50_000]))
hostile_text = st.one_of(  # the order matters little here: each branch is hostile
    st.text(st.sampled_from(_HOSTILE_CHARS), max_size=30),
    st.sampled_from(_YAML_SPECIAL),
    st.text(max_size=30),
    _BIG,
)
confused = st.one_of(st.integers(), st.floats(), st.booleans(), st.none(), st.lists(hostile_text, max_size=2),
                     st.dictionaries(hostile_text, hostile_text, max_size=2), st.just([]), st.just({}))


def _weighted(*choices):
    """One of the strategies, each as often as its weight: ``_weighted((3, a), (1, b))``.

    (st.one_of draws its first branches far more often than the rest.)
    """
    slots = [strategy for weight, strategy in choices for _ in range(weight)]
    return st.integers(0, len(slots) - 1).flatmap(slots.__getitem__)


def _field(likely=None):
    """A field's value: mostly a *likely* good one or hostile text, sometimes another type."""
    if likely:
        return _weighted((5, st.sampled_from(likely)), (4, hostile_text), (1, confused))
    return _weighted((9, hostile_text), (1, confused))


def _shape(strategy):
    """A record or table of the right shape, now and then something else in its place."""
    return _weighted((9, strategy), (1, confused))


_KEYS = _weighted((6, st.sampled_from(["n1", "n2", "s", "Case", "case", "t1"])), (4, hostile_text))


def _table(value, min_size=0):
    return st.dictionaries(_KEYS, value, min_size=min_size, max_size=3)


_node = st.fixed_dictionaries({
    "kind": _field(["claim", "premise", "rebuttal", "concession"]), "by": _field(["s"]),
    "text": _field(["a paraphrase"]), "quote": st.one_of(_field(["hello world", "hello"]), st.lists(_field(["hello"]),
                                                                                                  max_size=3)),
}, optional={
    "via": _field(["s"]), "tags": st.one_of(_field(["t"]), st.lists(_field(["t"]), max_size=2)),
    "stance": _shape(_table(_field(["for", "against"]))),
    "supports": st.one_of(_field(["n1", "n2"]), st.fixed_dictionaries({"to": _field(["n1"]), "with": _field(["n2"])}),
                          st.lists(_field(["n1"]), max_size=2)),
    "attacks": _field(["n1", "n2", "other:n1"]), "same_as": _field(["n2"]),
    "undercuts": _shape(st.fixed_dictionaries({"from": _field(["n1"]), "to": _field(["n2"])})),
    "expect": _field(["in", "out", "undec"]), "note": _field(), "Kind": _field(),  # an unknown key
})
hostile_maps = st.fixed_dictionaries({
    "map": _field(["m"]), "title": _field(),
    "source": _shape(st.fixed_dictionaries({"seed": _field(["s.txt"]), "genre": _field(["news-report"])}, optional={
        "original": _field(), "outlet": _field(), "author": _field(), "date": _field(["2021", "2021-02-10"]),
        "url": _field(), "parts": _shape(_table(st.fixed_dictionaries(
            {"genre": _field(["reader-comment"]), "starts": _field(["hello"])},
            optional={"title": _field(), "speaker": _field(["s"]), "date": _field()})))})),
    "speakers": _shape(_table(st.fixed_dictionaries({"name": _field(["S"])}, optional={
        "role": _field(), "via": _field(["s"])}), min_size=1)),
    "nodes": _shape(_table(_node, min_size=1)),
})
hostile_topics = st.fixed_dictionaries({"topics": _shape(_table(st.fixed_dictionaries(
    {"question": _field()}, optional={"description": _field()})))})

def _write(value, style: str) -> str:
    """*value* as JSON (which is YAML: its escapes put any character in a value) or as block YAML."""
    import json

    import yaml

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data) -> bool:  # a value drawn twice is written twice, not aliased
            return True

    if style.startswith("json"):
        return json.dumps(value, ensure_ascii=style == "json-ascii")
    try:
        return yaml.dump(value, Dumper=Dumper, allow_unicode=style == "yaml-unicode", width=80)
    except (ValueError, yaml.YAMLError):  # e.g. a float key PyYAML will not represent
        return json.dumps(value)


@settings(max_examples=250, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(hostile_maps, hostile_topics, st.sampled_from(["json", "json-ascii", "yaml", "yaml-unicode"]),
       st.one_of(hostile_text, st.just("hello world and hello again")))
def test_hostile_text_in_every_field_gives_diagnostics(tmp_path_factory, document, topics, style, seed) -> None:
    import contextlib
    import io

    from argmap.cli import main
    from argmap.visible import has_controls

    root = tmp_path_factory.mktemp("hostile")
    (root / "maps").mkdir()
    (root / "seeds").mkdir()
    (root / "maps" / "m.yaml").write_text(_write(document, style), encoding="utf-8", errors="surrogatepass")
    (root / "maps" / "topics.yaml").write_text(_write(topics, style), encoding="utf-8", errors="surrogatepass")
    (root / "seeds" / "s.txt").write_text(seed if isinstance(seed, str) else "", encoding="utf-8",
                                         errors="surrogatepass")
    for paths in ([root / "maps"], [root / "maps" / "m.yaml"]):
        result = load(paths)
        assert isinstance(result.project, Project)
        for diagnostic in result.diagnostics:
            assert isinstance(diagnostic, Diagnostic)
            assert not has_controls(diagnostic.format()), diagnostic.format()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["check", str(root / "maps")])
    assert status in (0, 1, 2), err.getvalue()
    assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue()
    assert not has_controls(out.getvalue() + err.getvalue())

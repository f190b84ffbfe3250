"""Hostile and broken files get a clear diagnostic, never a crash or a stall."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import yaml

from argmap import yamlsource
from argmap.project import load

BOMB = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
map: [*i]
"""

CASES: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "empty"),
    "only-comment": (b"# nothing here\n", "empty"),
    "top-level-list": (b"- a\n- b\n", "type"),
    "top-level-scalar": (b"just some words\n", "type"),
    "tab-indentation": (b"map: x\nsource:\n\tseed: a.txt\n", "yaml-syntax"),
    "unclosed-quote": (b'map: x\ntitle: "never closed\nnodes: {}\n', "yaml-syntax"),
    "binary-junk": (bytes(range(256)) * 4, "binary"),
    "invalid-utf8": (b"map: caf\xe9\n", "encoding"),
    "utf16": ("map: x\n".encode("utf-16"), "encoding"),
    "nul-bytes": (b"map: x\x00\n", "binary"),
    "alias-bomb": (BOMB.encode(), "alias"),
    "deep-flow-nesting": (b"map: " + b"[" * 100_000 + b"]" * 100_000 + b"\n", "too-deep"),
    "deep-block-nesting": ("".join(" " * i + "- \n" for i in range(0, 3000, 2)).encode(), "too-deep"),
    "deep-compact-nesting": (b"- " * 3000 + b"x\n", "too-deep"),
    "deep-compact-nesting-later": (b"map: x\nnodes:\n" + b"- " * 3000 + b"x\n", "too-deep"),
    "deep-compact-nesting-100k": (b"- " * 100_000 + b"x\n", "too-deep"),
    "deep-mapping-nesting": ("".join(" " * i + "k:\n" for i in range(0, 3000, 2)).encode(), "too-deep"),
    "python-object-tag": (b"map: !!python/object/apply:os.system ['echo pwned']\n", "tag"),
    "python-name-tag": (b"map: x\ntitle: !!python/name:os.system\n", "tag"),
    "custom-tag": (b"map: !include other.yaml\n", "tag"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_gets_diagnostic(name: str, tmp_path: Path) -> None:
    data, code = CASES[name]
    (tmp_path / "maps").mkdir()
    path = tmp_path / "maps" / f"{name}.yaml"
    path.write_bytes(data)
    result = load([path])
    codes = {d.code for d in result.diagnostics}
    assert code in codes, [d.format() for d in result.diagnostics]
    located = [d for d in result.diagnostics if d.code == code][0]
    assert located.location.startswith(str(path.name)) or str(path) in located.location or \
        located.location.endswith(path.name) or path.name in located.location


DEEP_AT_LINE_3 = b"map: x\nnodes:\n" + b"- " * 3000 + b"x\n"


def test_too_deep_names_the_level_where_the_limit_is_passed(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_bytes(DEEP_AT_LINE_3)
    [problem] = load([path]).diagnostics
    assert (problem.code, problem.pos.line) == ("too-deep", 3)
    # The top mapping is level 1, so the 500th "- " opens level 501.
    assert problem.pos.col == 2 * (yamlsource.MAX_DEPTH - 1) + 1
    assert problem.message == f"nesting deeper than {yamlsource.MAX_DEPTH} levels"


def _libyaml_limits_nesting() -> bool:
    deep = "[" * 5000 + "]" * 5000
    try:
        yaml.compose(deep, Loader=yamlsource.SafeLoader)
    except yaml.YAMLError:
        return True
    return False


@pytest.mark.skipif(not _libyaml_limits_nesting(),
                    reason="this PyYAML's libyaml has no nesting limit of its own (PyYAML <= 6.0.3)")
@pytest.mark.parametrize("bypass", ["guard-limit-raised", "guard-skipped"])
def test_libyaml_nesting_refusal_reads_as_too_deep(bypass: str, tmp_path: Path, monkeypatch) -> None:
    """Should libyaml ever stop before argmap's guard, the user still gets too-deep, located."""
    if bypass == "guard-limit-raised":
        monkeypatch.setattr(yamlsource, "MAX_DEPTH", 50_000)
    else:
        monkeypatch.setattr(yamlsource, "_check_depth", lambda text, data, name: None)
    path = tmp_path / "deep.yaml"
    path.write_bytes(DEEP_AT_LINE_3)
    [problem] = load([path]).diagnostics
    assert (problem.code, problem.pos.line) == ("too-deep", 3)
    assert problem.pos.col > 1


def test_many_brackets_in_text_are_not_nesting(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    path = tmp_path / "maps" / "brackets.yaml"
    path.write_text("map: x\ntitle: '" + "[" * 3000 + "'\nnote: [a, [b], {c: d}]\n")
    codes = {d.code for d in load([path]).diagnostics}
    assert "too-deep" not in codes and "yaml-syntax" not in codes


def test_python_tag_is_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (tmp_path / "maps").mkdir()
    path = tmp_path / "maps" / "evil.yaml"
    path.write_text(f"map: !!python/object/apply:os.system ['touch {marker}']\n")
    load([path])
    assert not marker.exists()


def test_huge_scalar_is_refused_quickly(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    path = tmp_path / "maps" / "huge.yaml"
    path.write_text("map: x\ntitle: " + "x" * 30_000_000 + "\n")
    result = load([path])
    assert "too-long" in {d.code for d in result.diagnostics}


def test_duplicate_keys_are_reported_not_dropped(make_maps) -> None:
    maps = make_maps({"dup.yaml": """
        map: dup
        title: one
        title: two
        source: {seed: s.txt, genre: news-report}
        speakers: {a: {name: A}}
        nodes:
          n1: {kind: claim, by: a, text: t, quote: hello}
          n1: {kind: claim, by: a, text: u, quote: hello}
    """}, seeds={"s.txt": "hello world\n"})
    result = load([maps])
    found = {(d.code, d.pos.line) for d in result.diagnostics}
    assert ("duplicate-key", 3) in found
    assert ("duplicate-id", 8) in found


@pytest.mark.parametrize("name", ["alias-bomb", "deep-flow-nesting", "binary-junk", "utf16"])
def test_cli_exits_cleanly_without_traceback(name: str, tmp_path: Path) -> None:
    data, _ = CASES[name]
    (tmp_path / "maps").mkdir()
    path = tmp_path / "maps" / "bad.yaml"
    path.write_bytes(data)
    proc = subprocess.run([sys.executable, "-m", "argmap", "check", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode in (1, 2)
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "bad.yaml:" in proc.stdout

"""`argmap check`: every mistake reported with its position, code and hint."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.project import load

SEED = ("Ministers said the reforms cut red tape. Critics said they centralise power. "
        "The minister\u2019s aide said \u201cit\u2019s a re-wiring\u201d \u2013 nothing more.\n"
        "Later,\u00a0the   report   said targets distort care.\n")

HEADER = """
    map: m
    title: Test map
    source: {seed: s.txt, genre: news-report}
    speakers:
      min: {name: The Minister}
      crit: {name: Critics}
    nodes:
"""


def check(make_maps, nodes: str, extra: dict[str, str] | None = None):
    maps = make_maps({"m.yaml": HEADER + nodes, **(extra or {})}, seeds={"s.txt": SEED})
    return load([maps])


def codes(result) -> set[tuple[str, int]]:
    return {(d.code, d.pos.line if d.pos else 0) for d in result.diagnostics}


def test_valid_map_is_clean(make_maps) -> None:
    result = check(make_maps, """
      cut:
        kind: claim
        by: min
        text: The reforms cut red tape.
        quote: the reforms cut red tape
      central:
        kind: rebuttal
        by: crit
        text: They centralise power.
        quote: they centralise power
        attacks: cut
    """)
    assert result.diagnostics == []
    node = result.project.maps["m"].nodes["cut"]
    start, end = node.quotes[0].span
    assert SEED[start:end] == "the reforms cut red tape"


def test_quote_tolerates_whitespace_quotes_and_dashes_only(make_maps) -> None:
    result = check(make_maps, """
      aide:
        kind: claim
        by: min
        text: A re-wiring.
        quote: 'The minister''s aide said "it''s a re-wiring" - nothing more.'
      report:
        kind: claim
        by: crit
        text: Targets distort care.
        quote: "Later, the report said targets distort care"
        attacks: aide
      wrong-case:
        kind: claim
        by: crit
        text: Wrong case is not forgiven.
        quote: later, the report said
        attacks: aide
    """)
    assert codes(result) == {("quote-not-found", 24)}
    spans = {n.id: n.quotes[0].span for n in result.project.maps["m"].nodes.values()}
    assert SEED[slice(*spans["report"])] == "Later,\u00a0the   report   said targets distort care"
    problem = result.diagnostics[0]
    assert "Later, the report said" in problem.hint  # the closest passage is shown


def test_every_problem_reported_at_once_with_positions(make_maps) -> None:
    result = check(make_maps, """
      cut:
        kind: clam
        by: minn
        text: The reforms cut red tape.
        quote: the reforms cut red tape
        suports: central
      central:
        kind: rebuttal
        by: crit
        text: They centralise power.
        quote: they centralise power
        attacks: [cutt, cut, central, other:x]
        undercuts: {from: central, to: cut}
        stance: {tendering: for}
    """)
    found = codes(result)
    assert ("bad-value", 10) in found          # kind: clam
    assert ("unknown-speaker", 11) in found    # by: minn
    assert ("unknown-key", 14) in found        # suports
    assert ("unknown-node", 20) in found       # cutt
    assert ("self-relation", 20) in found      # central attacks itself
    assert ("unknown-map", 20) in found        # other:x
    assert ("no-inference", 21) in found       # undercut of a support that does not exist
    assert ("unknown-topic", 22) in found
    hints = {d.code: d.hint for d in result.diagnostics}
    assert hints["bad-value"] == "did you mean 'claim'?"
    assert hints["unknown-speaker"] == "did you mean 'min'?"
    assert hints["unknown-key"] == "did you mean 'supports'?"


def test_missing_fields_and_wrong_types(make_maps) -> None:
    result = check(make_maps, """
      cut:
        kind: claim
        text: [not, a, string]
        quote: the reforms cut red tape
    """)
    found = codes(result)
    assert ("missing", 10) in found  # no by
    assert ("type", 11) in found


def test_undercut_linked_support_and_warnings(make_maps) -> None:
    result = check(make_maps, """
      cut:
        kind: claim
        by: min
        text: The reforms cut red tape.
        quote: the reforms cut red tape
      report:
        kind: premise
        by: crit
        text: Targets distort care.
        quote: targets distort care
        supports: [{to: cut, with: [central]}]
      central:
        kind: premise
        by: crit
        text: They centralise power.
        quote: they centralise power
      aide:
        kind: rebuttal
        by: min
        text: It is only a re-wiring.
        quote: nothing more
        undercuts: {from: central, to: cut}
      lonely:
        kind: rebuttal
        by: min
        text: Supports only.
        quote: Ministers said
        supports: cut
    """)
    assert codes(result) == {("rebuttal-only-supports", 32)}
    project = result.project
    (argument,) = [a for a in project.arguments() if len(a.premises) > 1]
    assert {r.node_id for r in argument.premises} == {"report", "central"}


def test_support_cycle_and_orphan_warnings(make_maps) -> None:
    result = check(make_maps, """
      a:
        kind: claim
        by: min
        text: A.
        quote: the reforms cut red tape
        supports: b
      b:
        kind: premise
        by: min
        text: B.
        quote: they centralise power
        supports: a
      c:
        kind: claim
        by: crit
        text: C.
        quote: targets distort care
    """)
    assert {c for c, _ in codes(result)} == {"support-cycle", "orphan"}


def test_cross_map_references_and_speaker_names(make_maps) -> None:
    other = """
        map: other
        title: Other
        source: {seed: s.txt, genre: opinion-column}
        speakers:
          min: {name: A Different Name}
        nodes:
          x:
            kind: claim
            by: min
            text: X.
            quote: Critics said
            same_as: m:cut
            attacks: m:cutt
    """
    result = check(make_maps, """
      cut:
        kind: claim
        by: min
        text: Cut.
        quote: the reforms cut red tape
    """, {"other.yaml": other})
    found = {c for c, _ in codes(result)}
    assert "unknown-node" in found
    assert "speaker-name" in found
    unknown = [d for d in result.diagnostics if d.code == "unknown-node"][0]
    assert unknown.hint == "did you mean 'cut'?" and "other.yaml:13:" in unknown.format()


def test_seed_must_exist(make_maps) -> None:
    maps = make_maps({"m.yaml": HEADER.replace("s.txt", "s.tx") + """
      cut: {kind: claim, by: min, text: t, quote: q}
    """}, seeds={"s.txt": SEED})
    result = load([maps])
    (problem,) = [d for d in result.diagnostics if d.code == "seed-not-found"]
    assert problem.hint == "did you mean 's.txt'?"


def test_duplicate_map_ids(make_maps) -> None:
    body = HEADER + "      cut: {kind: claim, by: min, text: t, quote: the reforms cut red tape}\n"
    maps = make_maps({"a.yaml": body, "b.yaml": body}, seeds={"s.txt": SEED})
    assert "duplicate-map" in {d.code for d in load([maps]).diagnostics}


# --- the command line -------------------------------------------------------------


def test_exit_status_clean_problems_usage(small_maps: Path, make_maps, capsys) -> None:
    assert main(["check", str(small_maps)]) == 0
    bad = make_maps({"bad.yaml": HEADER + "      x: {kind: claim}\n"}, seeds={"s.txt": SEED})
    assert main(["check", str(bad)]) == 1
    assert main(["check", str(small_maps / "nope.yaml")]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml"])
    assert exc.value.code == 2


def test_strict_fails_on_warnings(make_maps) -> None:
    maps = make_maps({"m.yaml": HEADER + """
      lonely: {kind: claim, by: min, text: t, quote: the reforms cut red tape}
    """}, seeds={"s.txt": SEED})
    assert main(["check", str(maps)]) == 0
    assert main(["check", "--strict", str(maps)]) == 1


def test_json_output(make_maps, capsys) -> None:
    maps = make_maps({"m.yaml": HEADER + """
      cut: {kind: claim, by: nobody, text: t, quote: the reforms cut red tape}
    """}, seeds={"s.txt": SEED})
    assert main(["check", "--format", "json", str(maps)]) == 1
    report = json.loads(capsys.readouterr().out)
    (problem,) = [d for d in report["diagnostics"] if d["code"] == "unknown-speaker"]
    assert problem["line"] == 9 and problem["severity"] == "error" and problem["path"].endswith("m.yaml")
    assert report["errors"] >= 1


def test_python_dash_m_and_help() -> None:
    proc = subprocess.run([sys.executable, "-m", "argmap", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    for command in ("check", "coverage", "schema"):
        assert command in proc.stdout


def test_the_program_prints_everything_before_its_quick_exit(make_maps) -> None:
    # The console script ends with os._exit (see cli._exit_now): output far past a
    # pipe's buffer must still arrive whole, and the exit status must be kept.
    lines = "".join(f"      n{i}: {{kind: claim, by: min, text: t, quote: the reforms cut red tape, "
                    f"attacks: gone{i}}}\n" for i in range(600))
    maps = make_maps({"m.yaml": HEADER + lines}, seeds={"s.txt": SEED})
    proc = subprocess.run([sys.executable, "-m", "argmap", "check", str(maps)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stdout.count("error[unknown-node]") == 600
    assert "600 errors" in proc.stderr


def test_text_format_is_compiler_style(make_maps, capsys) -> None:
    maps = make_maps({"m.yaml": HEADER + """
      cut: {kind: claim, by: min, text: t, quote: the reforms cut red tape, atacks: x}
    """}, seeds={"s.txt": SEED})
    main(["check", str(maps)])
    out = capsys.readouterr().out
    assert "m.yaml:9:73: error[unknown-key]: unknown key 'atacks' in node 'cut'" in out
    assert "hint: did you mean 'attacks'?" in out


def test_one_named_map_resolves_references_to_its_neighbours(make_maps) -> None:
    other = HEADER.replace("map: m", "map: other") + "      x: {kind: claim, by: min, text: t, quote: Critics said}\n"
    broken_neighbour = "map: [broken\n"
    maps = make_maps({"m.yaml": HEADER + """
      cut: {kind: claim, by: min, text: t, quote: the reforms cut red tape, same_as: other:x}
    """, "other.yaml": other, "zzz.yaml": broken_neighbour}, seeds={"s.txt": SEED})
    result = load([maps / "m.yaml"])
    assert [d.code for d in result.diagnostics] == ["unused-speaker"]  # 'crit', in m.yaml itself
    assert [p.name for p in result.files] == ["m.yaml"]
    assert "other" in result.project.maps


def test_created_files_get_ordinary_permissions(tmp_path: Path) -> None:
    import os
    import stat

    from argmap.atomic import write_text
    from argmap.errors import OutputExistsError

    target = write_text(tmp_path / "out.svg", "<svg/>")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    with pytest.raises(OutputExistsError):
        write_text(target, "again")
    assert target.read_text() == "<svg/>"
    write_text(target, "again", overwrite=True)
    assert target.read_text() == "again"
    assert [p.name for p in tmp_path.iterdir()] == ["out.svg"]  # no temporary files left behind


def test_support_cycle_through_a_co_premise(make_maps) -> None:
    result = check(make_maps, """
      a:
        kind: claim
        by: min
        text: A.
        quote: the reforms cut red tape
        supports: [{to: b, with: [c]}]
      b:
        kind: claim
        by: min
        text: B.
        quote: they centralise power
      c:
        kind: premise
        by: crit
        text: C.
        quote: targets distort care
      d:
        kind: premise
        by: crit
        text: D.
        quote: Critics said
        supports: [{to: c, with: [b]}]
    """)
    (cycle,) = [d for d in result.diagnostics if d.code == "support-cycle"]
    assert "b -> c" in cycle.message


def test_node_via_overrides_the_route_of_its_words(make_maps) -> None:
    maps = make_maps({"m.yaml": """
        map: m
        title: t
        source: {seed: s.txt, genre: news-report}
        speakers:
          paper: {name: The Paper}
          sources: {name: Unnamed sources, via: paper}
          journal: {name: A Journal, via: paper}
          hewitt: {name: Patricia Hewitt, via: sources}
        nodes:
          reported: {kind: claim, by: hewitt, text: t, quote: Ministers said}
          on-record: {kind: premise, by: hewitt, via: journal, text: u, quote: Critics said, supports: reported}
          loop: {kind: premise, by: hewitt, via: hewitt, text: v, quote: the reforms, supports: reported}
          unknown: {kind: premise, by: hewitt, via: jornal, text: w, quote: they centralise, supports: reported}
    """}, seeds={"s.txt": SEED})
    result = load([maps])
    assert {d.code for d in result.diagnostics} == {"bad-via", "unknown-speaker"}
    assert [d.hint for d in result.diagnostics if d.code == "unknown-speaker"] == ["did you mean 'journal'?"]
    project = result.project
    nodes = project.maps["m"].nodes
    assert [s.id for s in project.attribution_of(nodes["reported"])] == ["hewitt", "sources", "paper"]
    assert [s.id for s in project.attribution_of(nodes["on-record"])] == ["hewitt", "journal", "paper"]

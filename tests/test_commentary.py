"""docs/format.md's "what commentary does": every construct loads, is modelled, and is checked."""

from __future__ import annotations

from argmap.model import Force, QualifyHow, RelKind, StanceDetail
from argmap.project import load

SEED = ("Ministers said the reforms cut red tape. Critics said they centralise power. "
        "It is not a magic bullet. Why do they allow this madness? Some think the plan failed. "
        "The reader agrees with the column.\n")

HEADER = """
    map: m
    title: Test map
    source:
      seed: s.txt
      genre: news-report
      parts:
        report: {genre: news-report, starts: Ministers said}
        column: {genre: opinion-column, starts: It is not a magic, speaker: crit}
        comment: {genre: reader-comment, starts: The reader agrees, speaker: reader, adopts: column}
    speakers:
      min: {name: The Minister}
      crit: {name: Critics}
      reader: {name: A reader, adopts: crit}
      labour: {name: Labour, via: crit}
    nodes:
"""
TOPICS = "topics:\n  tape: {question: Cut red tape?}\n"


def check(make_maps, nodes: str, extra: dict[str, str] | None = None):
    maps = make_maps({"m.yaml": HEADER + nodes, "topics.yaml": TOPICS, **(extra or {})}, seeds={"s.txt": SEED})
    return load([maps])


def codes(result) -> set[tuple[str, int]]:
    return {(d.code, d.pos.line if d.pos else 0) for d in result.diagnostics}


FULL = """
      cut:
        kind: claim
        by: min
        text: The reforms cut red tape.
        quote: the reforms cut red tape
        stance: {tape: {is: for, if: where it is found to help, only: hospitals, as_of: 1946}}
      central:
        kind: rebuttal
        by: crit
        text: They centralise power.
        quote: they centralise power
        attacks: {to: cut, scheme: negative-consequences}
      bullet:
        kind: concession
        by: crit
        text: Not a magic bullet.
        quote: It is not a magic bullet
        qualifies: {to: cut, how: not-enough}
        related_to: cut
      madness:
        kind: premise
        by: crit
        force: rhetorical-question
        text: They allow madness.
        quote: Why do they allow this madness?
        supports: {to: central, scheme: sign}
      failed:
        kind: claim
        by: labour
        force: ascribed
        said_by: crit
        text: The plan failed.
        quote: Some think the plan failed
        supports: {to: central, by: reader}
      agrees:
        kind: claim
        by: reader
        force: hedged
        text: The reader agrees.
        quote: The reader agrees with the column
        qualifies: central
"""


def test_every_construct_loads_clean_and_is_modelled(make_maps) -> None:
    result = check(make_maps, FULL)
    assert result.diagnostics == []
    m = result.project.maps["m"]
    nodes = m.nodes
    assert nodes["cut"].stance_details["tape"] == StanceDetail("where it is found to help", "hospitals", "1946")
    assert nodes["cut"].stances["tape"].value == "for"
    attack, = nodes["central"].relations
    assert (attack.kind, attack.scheme) == (RelKind.ATTACKS, "negative-consequences")
    qualify, related = nodes["bullet"].relations
    assert (qualify.kind, qualify.how) == (RelKind.QUALIFIES, QualifyHow.NOT_ENOUGH)
    assert related.kind is RelKind.RELATED_TO
    assert nodes["bullet"].effective_force is Force.CONCEDED and nodes["bullet"].force is None
    assert nodes["madness"].force is Force.RHETORICAL_QUESTION
    assert nodes["madness"].relations[0].scheme == "sign"
    assert nodes["failed"].force is Force.ASCRIBED and result.project.said_by(nodes["failed"]) == "crit"
    assert nodes["failed"].relations[0].drawn_by == "reader"
    assert nodes["agrees"].relations[0].how is None  # limits, the default
    assert m.speakers["reader"].adopts == ("crit",)
    assert {p.id: p.adopts for p in m.source.parts}["comment"] == ("column",)


def test_reported_said_by_defaults_to_the_holders_via(make_maps) -> None:
    result = check(make_maps, FULL.replace("force: ascribed\n        said_by: crit", "force: reported"))
    assert result.diagnostics == []
    assert result.project.said_by(result.project.maps["m"].nodes["failed"]) == "crit"


def test_unknown_scheme_force_and_how_get_did_you_mean(make_maps) -> None:
    bad = (FULL.replace("scheme: negative-consequences", "scheme: expert-opinon")
           .replace("force: rhetorical-question", "force: rhetorical")
           .replace("how: not-enough", "how: not-enuf"))
    result = check(make_maps, bad)
    hints = {d.message: d.hint for d in result.diagnostics}
    assert any("expert-opinon" in msg and "expert-opinion" in hint for msg, hint in hints.items())
    assert any("'rhetorical'" in msg and "rhetorical-question" in hint for msg, hint in hints.items())
    assert any("not-enuf" in msg and "not-enough" in hint for msg, hint in hints.items())
    assert all(d.pos is not None and d.pos.line > 1 for d in result.diagnostics)


def test_ascribed_without_said_by_is_an_error_at_the_force(make_maps) -> None:
    result = check(make_maps, FULL.replace("        said_by: crit\n", ""))
    assert [d.code for d in result.diagnostics] == ["missing-said-by"]
    pos = result.diagnostics[0].pos
    lines = open(pos.path, encoding="utf-8").read().splitlines()
    assert lines[pos.line - 1].strip() == "force: ascribed"


def test_reported_with_no_reporter_is_an_error(make_maps) -> None:
    nodes = FULL.replace("by: labour\n        force: ascribed\n        said_by: crit",
                         "by: min\n        force: reported")
    result = check(make_maps, nodes)
    assert [d.code for d in result.diagnostics if d.severity.value == "error"] == ["missing-said-by"]


def test_misuse_warnings(make_maps) -> None:
    nodes = (FULL.replace("qualifies: {to: cut, how: not-enough}", "qualifies: {to: cut, how: not-enough}\n"
                                                                    "        attacks: cut")
             .replace("scheme: sign", "scheme: ad-hominem")
             .replace("{to: central, by: reader}", "{to: central, by: labour}")
             .replace("force: hedged", "force: hedged\n        said_by: crit"))
    result = check(make_maps, nodes)
    assert sorted(d.code for d in result.diagnostics) == [
        "drawn-by-holder", "qualifies-and-attacks", "said-by-unused", "scheme-mismatch"]
    assert all(d.severity.value == "warning" for d in result.diagnostics)


def test_unknown_speakers_and_parts_are_named(make_maps) -> None:
    nodes = (FULL.replace("said_by: crit", "said_by: critz").replace("by: reader}", "by: readr}"))
    result = check(make_maps, nodes, {})
    messages = [(d.code, d.hint) for d in result.diagnostics]
    assert ("unknown-speaker", "did you mean 'crit'?") in messages
    assert ("unknown-speaker", "did you mean 'reader'?") in messages


def test_adopting_unknown_or_self(make_maps, tmp_path) -> None:
    global HEADER
    saved = HEADER
    try:
        HEADER = saved.replace("adopts: column", "adopts: colum").replace("adopts: crit", "adopts: [reader]")
        result = check(make_maps, FULL)
    finally:
        HEADER = saved
    got = {(d.code, d.hint) for d in result.diagnostics}
    assert ("unknown-part", "did you mean 'column'?") in got
    assert any(code == "self-relation" for code, _ in got)


def test_a_stance_record_needs_is(make_maps) -> None:
    result = check(make_maps, FULL.replace("{is: for, if:", "{if:"))
    assert [d.code for d in result.diagnostics] == ["missing"]


def test_old_supports_record_still_needs_to(make_maps) -> None:
    result = check(make_maps, FULL.replace("{to: central, scheme: sign}", "{scheme: sign}"))
    assert [d.code for d in result.diagnostics if d.severity.value == "error"] == ["missing"]


def test_the_json_schema_accepts_every_construct_and_rejects_a_bad_scheme(make_maps) -> None:
    import json
    import textwrap

    import yaml
    from jsonschema import Draft202012Validator

    from argmap.spec import json_schema
    from argmap.yamlsource import SafeLoader

    validator = Draft202012Validator(json.loads(json.dumps(json_schema())))
    good = yaml.load(textwrap.dedent(HEADER + FULL), Loader=SafeLoader)  # noqa: S506 - safe loader
    assert [e.message for e in validator.iter_errors(good)] == []
    for old, new in (("scheme: sign", "scheme: sing"), ("force: hedged", "force: hedge"),
                     ("how: not-enough", "how: enough"), ("{is: for,", "{was: for,"),
                     ("as_of: 1946", "as_of: May 1946")):
        bad = yaml.load(textwrap.dedent(HEADER + FULL.replace(old, new)), Loader=SafeLoader)  # noqa: S506
        assert list(validator.iter_errors(bad)), new

"""How a map becomes an argumentation framework, and the expected-labels check."""

from __future__ import annotations

from argmap.analysis.semantics import framework, label
from argmap.model import Argument, Label, Ref
from argmap.project import load

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def refs(map_id: str, *ids: str) -> list[Ref]:
    return [Ref(map_id, i) for i in ids]


def test_every_node_is_labelled(project_of):
    project = project_of({"m": {
        "claim": {},
        "reason": {"kind": "premise", "supports": "claim"},
        "lonely": {},
    }}, allow=frozenset())
    labelling = label(project)
    assert set(labelling.labels) == {n.ref for n in project.nodes()}
    assert all(lab is IN for lab in labelling.labels.values())
    assert labelling.inferences == {Argument((Ref("m", "reason"),), Ref("m", "claim")): IN}


def test_rebuttal_and_reinstatement(project_of):
    project = project_of({"m": {
        "claim": {},
        "objection": {"kind": "rebuttal", "attacks": "claim"},
        "reply": {"kind": "rebuttal", "by": "bob", "attacks": "objection"},
    }})
    labelling = label(project)
    m = lambda i: Ref("m", i)  # noqa: E731
    assert labelling.labels == {m("claim"): IN, m("objection"): OUT, m("reply"): IN}
    assert labelling.explain(m("objection")) == "OUT: attacked by reply, which is IN"
    assert labelling.explain(m("claim")) == "IN: every attacker is OUT (objection)"


def test_undercut_defeats_the_inference_not_the_conclusion(project_of):
    # The worked example of docs/analysis.md.
    project = project_of({"m": {
        "claim": {},
        "evidence": {"kind": "premise", "supports": "claim"},
        "other": {"kind": "premise", "supports": "claim"},
        "irrelevant": {"kind": "rebuttal", "by": "bob", "undercuts": {"from": "evidence", "to": "claim"}},
    }})
    labelling = label(project)
    m = lambda i: Ref("m", i)  # noqa: E731
    assert labelling.labels[m("claim")] is IN
    assert labelling.labels[m("evidence")] is IN
    cut = Argument((m("evidence"),), m("claim"))
    assert labelling.inferences[cut] is OUT
    assert labelling.explain(cut) == "OUT: undercut by irrelevant, which is IN"
    assert labelling.inferences[Argument((m("other"),), m("claim"))] is IN


def test_inference_falls_with_premise_or_conclusion(project_of):
    project = project_of({"m": {
        "claim": {},
        "premise": {"kind": "premise", "supports": "claim"},
        "undermine": {"kind": "rebuttal", "attacks": "premise"},
        "second": {},
        "backing": {"kind": "premise", "supports": "second"},
        "rebut": {"kind": "rebuttal", "attacks": "second"},
    }})
    labelling = label(project)
    m = lambda i: Ref("m", i)  # noqa: E731
    first = Argument((m("premise"),), m("claim"))
    assert labelling.inferences[first] is OUT
    assert labelling.explain(first) == "OUT: its premise premise is attacked by undermine, which is IN"
    # Support and defeat (docs/analysis.md): the claim falls with its only argument.
    assert labelling.labels[m("claim")] is OUT
    assert labelling.explain(m("claim")) == "OUT: every stated reason for it is defeated (premise ⇒ claim)"
    second = Argument((m("backing"),), m("second"))
    assert labelling.inferences[second] is OUT
    assert "its conclusion second is attacked by rebut" in labelling.explain(second)


def test_linked_support_is_one_inference(project_of):
    project = project_of({"m": {
        "claim": {},
        "p1": {"kind": "premise", "supports": [{"to": "claim", "with": ["p2"]}]},
        "p2": {"kind": "premise"},
        "cut": {"kind": "rebuttal", "undercuts": {"from": "p2", "to": "claim"}},
    }})
    af = framework(project)
    arguments = [e for e in af.elements if isinstance(e, Argument)]
    assert len(arguments) == 1
    labelling = label(project)
    assert labelling.inferences[arguments[0]] is OUT


def test_cross_map_attack(project_of):
    project = project_of({
        "one": {"claim": {}},
        "two": {"reply": {"kind": "rebuttal", "attacks": "one:claim"}},
    })
    labelling = label(project)
    assert labelling.labels[Ref("one", "claim")] is OUT
    assert labelling.explain(Ref("one", "claim")) == "OUT: attacked by two:reply, which is IN"


def test_mutual_attack_across_speakers(project_of):
    project = project_of({"m": {
        "a": {"attacks": "b"},
        "b": {"by": "bob", "attacks": "a"},
        "c": {"kind": "premise", "supports": "a"},
    }})
    grounded = label(project)
    assert grounded.labels[Ref("m", "a")] is UNDEC
    assert grounded.inferences[Argument((Ref("m", "c"),), Ref("m", "a"))] is UNDEC
    preferred = label(project, "preferred")
    assert preferred.count == 2


def test_broken_references_do_not_crash(build):
    maps = build({"m": {"a": {"attacks": "nowhere"}, "b": {"undercuts": {"from": "x", "to": "a"}}}})
    result = load([maps])
    assert result.errors  # unknown nodes are reported by the checker...
    labelling = label(result.project)  # ...and the labelling skips them
    assert labelling.labels[Ref("m", "a")] is IN


# -- expected labels (argmap check) ---------------------------------------------------------


def test_expected_labels_that_hold_pass(build):
    maps = build({"m": {
        "claim": {"expect": "out"},
        "objection": {"kind": "rebuttal", "attacks": "claim", "expect": "in"},
    }})
    assert not [d for d in load([maps]).diagnostics if d.code == "expect-mismatch"]


def test_expected_label_mismatch_is_an_error_at_expect(build):
    maps = build({"m": {
        "claim": {"expect": "in"},
        "objection": {"kind": "rebuttal", "attacks": "claim"},
    }})
    found = [d for d in load([maps]).diagnostics if d.code == "expect-mismatch"]
    assert len(found) == 1
    problem = found[0]
    assert problem.is_error
    assert "expected IN but is OUT" in problem.message
    text = (maps / "m.yaml").read_text().splitlines()
    assert text[problem.pos.line - 1].strip().startswith("expect:")
    assert "attacked by objection, which is IN" in problem.hint


def test_check_command_reports_mismatch(build, capsys):
    from argmap.cli import main

    maps = build({"m": {"a": {"attacks": "b", "expect": "in"}, "b": {"attacks": "a"}}})
    assert main(["check", str(maps)]) == 1
    out = capsys.readouterr().out
    assert "error[expect-mismatch]" in out and "UNDEC" in out

"""How support interacts with defeat, and what qualifications do (docs/analysis.md, "support and defeat").

Each case is the shape of one in the bundled maps, as first curated or now:
keep-value-seeking rests on tendering-made-sense alone (whose concession was
first mapped as an attack), and staff-undeserving on an inference that Heath
undercuts.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.semantics import label
from argmap.model import Label, Ref

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def labels_of(project_of, nodes: dict, semantics: str = "grounded") -> dict[str, Label]:
    project = project_of({"m": nodes})
    return {ref.node_id: lab for ref, lab in label(project, semantics).labels.items()}


def test_a_claim_whose_only_reason_is_defeated_falls_and_stops_defeating(project_of) -> None:
    # tendering-made-sense (reason) is attacked by an unattacked node; the claim it
    # alone supports (keep-value-seeking) falls, so what that claim attacked is reinstated.
    got = labels_of(project_of, {
        "reason": {"kind": "premise", "supports": "claim"},
        "critic": {"kind": "rebuttal", "by": "bob", "attacks": "reason"},
        "claim": {"attacks": "rival"},
        "rival": {"by": "bob"},
    })
    assert got == {"reason": OUT, "critic": IN, "claim": OUT, "rival": IN}


def test_the_reason_is_named_in_the_explanation(project_of) -> None:
    project = project_of({"m": {
        "reason": {"kind": "premise", "supports": "claim"},
        "critic": {"kind": "rebuttal", "by": "bob", "attacks": "reason"},
        "claim": {},
    }})
    explained = label(project).explain(Ref("m", "claim"))
    assert explained == "OUT: every stated reason for it is defeated (reason ⇒ claim)"


def test_one_standing_reason_is_enough(project_of) -> None:
    got = labels_of(project_of, {
        "weak": {"kind": "premise", "supports": "claim"},
        "strong": {"kind": "premise", "supports": "claim"},
        "critic": {"kind": "rebuttal", "by": "bob", "attacks": "weak"},
        "claim": {},
    })
    assert got["claim"] is IN and got["weak"] is OUT


def test_an_undercut_of_the_only_inference_takes_the_conclusion_down(project_of) -> None:
    # staff-undeserving: Heath undercuts Rayner's reading of Niemietz.
    got = labels_of(project_of, {
        "words": {"kind": "premise", "by": "bob", "supports": "reading"},
        "reading": {"by": "bob"},
        "misread": {"kind": "rebuttal", "undercuts": {"from": "words", "to": "reading"}},
    })
    assert got == {"words": IN, "reading": OUT, "misread": IN}


def test_an_undecided_reason_leaves_the_claim_undecided(project_of) -> None:
    got = labels_of(project_of, {
        "reason": {"kind": "premise", "supports": "claim", "attacks": "other"},
        "other": {"by": "bob", "attacks": "reason"},
        "claim": {},
    })
    assert got == {"reason": UNDEC, "other": UNDEC, "claim": UNDEC}


def test_defeat_travels_down_a_chain_of_reasons(project_of) -> None:
    got = labels_of(project_of, {
        "ground": {"kind": "premise", "supports": "middle"},
        "middle": {"kind": "premise", "supports": "top"},
        "top": {},
        "critic": {"kind": "rebuttal", "by": "bob", "attacks": "ground"},
    })
    assert got == {"ground": OUT, "middle": OUT, "top": OUT, "critic": IN}


def test_claims_given_no_reasons_stand_unless_attacked(project_of) -> None:
    got = labels_of(project_of, {"bare": {"same_as": "other"}, "other": {"by": "bob"}})
    assert got == {"bare": IN, "other": IN}


def test_support_cycle_with_no_ground_is_undecided(project_of) -> None:
    project = project_of({"m": {
        "a": {"kind": "premise", "supports": "b"},
        "b": {"kind": "premise", "supports": "a"},
    }})
    got = label(project).labels
    assert got[Ref("m", "a")] is UNDEC and got[Ref("m", "b")] is UNDEC


def test_qualifications_never_defeat(project_of) -> None:
    # not-magic-bullet, not-just-centralisation, willink-imperfect: every how.
    for how in ("limits", "not-enough", "concedes"):
        got = labels_of(project_of, {
            "proposal": {},
            "caveat": {"kind": "concession", "by": "bob", "qualifies": {"to": "proposal", "how": how}},
        })
        assert got == {"proposal": IN, "caveat": IN}, how


def test_the_same_nodes_with_attacks_would_defeat(project_of) -> None:
    # The control for the test above: it fails if qualifies were read as attacks.
    got = labels_of(project_of, {"proposal": {}, "caveat": {"kind": "concession", "by": "bob",
                                                           "attacks": "proposal"}})
    assert got["proposal"] is OUT


def test_related_to_and_force_add_no_attacks(project_of) -> None:
    got = labels_of(project_of, {
        "a": {"related_to": "b", "force": "hedged"},
        "b": {"by": "bob", "force": "ascribed", "said_by": "alice"},
    })
    assert got == {"a": IN, "b": IN}


def test_preferred_agrees_on_the_support_cases(project_of) -> None:
    nodes = {
        "reason": {"kind": "premise", "supports": "claim"},
        "critic": {"kind": "rebuttal", "by": "bob", "attacks": "reason"},
        "claim": {"attacks": "rival"},
        "rival": {"by": "bob"},
    }
    for semantics in ("preferred", "stable"):
        assert labels_of(project_of, nodes, semantics) == {"reason": OUT, "critic": IN, "claim": OUT, "rival": IN}


def test_inferences_list_only_inferences(project_of) -> None:
    project = project_of({"m": {"reason": {"kind": "premise", "supports": "claim"}, "claim": {}}})
    labelling = label(project)
    assert [str(a.conclusion) for a in labelling.inferences] == ["m:claim"]


def test_undecided_reasons_are_explained(project_of) -> None:
    from argmap.model import Argument

    project = project_of({"m": {
        "reason": {"kind": "premise", "supports": "claim", "attacks": "other"},
        "other": {"by": "bob", "attacks": "reason"},
        "claim": {"kind": "premise", "supports": "top"},
        "top": {},
    }})
    labelling = label(project)
    assert labelling.explain(Ref("m", "claim")).startswith("UNDEC: no stated reason for it is IN, and not all are OUT")
    onward = Argument((Ref("m", "claim"),), Ref("m", "top"))
    assert labelling.explain(onward).startswith("UNDEC: ")
    assert labelling[Ref("m", "top")] is UNDEC


def _labels_of_yaml(nodes: dict) -> dict[str, Label]:
    import tempfile
    from pathlib import Path

    from argmap.project import load

    from .conftest import map_yaml

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "maps").mkdir()
        (root / "seeds").mkdir()
        text, seed = map_yaml("m", nodes)
        (root / "maps" / "m.yaml").write_text(text, encoding="utf-8")
        (root / "seeds" / "m.txt").write_text(seed, encoding="utf-8")
        result = load([root / "maps"])
        assert not result.errors, [d.format() for d in result.errors]
        return {ref.node_id: lab for ref, lab in label(result.project).labels.items()}


_IDS = [f"n{k}" for k in range(5)]
_PAIRS = st.lists(st.tuples(st.sampled_from(_IDS), st.sampled_from(_IDS)).filter(lambda p: p[0] != p[1]),
                  max_size=6, unique=True)


@settings(max_examples=25, deadline=None)
@given(attacks=_PAIRS, supports=_PAIRS, qualifies=_PAIRS)
def test_adding_qualifications_never_changes_a_label(attacks, supports, qualifies) -> None:
    def nodes(with_qualifies: bool) -> dict:
        out: dict = {n: {} for n in _IDS}
        for key, pairs in (("attacks", attacks), ("supports", supports)):
            for a, b in pairs:
                out[a].setdefault(key, []).append(b)
        if with_qualifies:
            for a, b in qualifies:
                out[a].setdefault("qualifies", []).append(b)
        return out

    assert _labels_of_yaml(nodes(True)) == _labels_of_yaml(nodes(False))

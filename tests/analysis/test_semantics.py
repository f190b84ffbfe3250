"""Argumentation semantics on the classic frameworks, with labels worked out by hand."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.semantics import Framework, TooHard, label, solve
from argmap.model import Label

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def af(arguments: str, attacks: str = "") -> Framework:
    """``af("abc", "ba cb")``: b attacks a, c attacks b."""
    return Framework.from_attacks(arguments, [(pair[0], pair[1]) for pair in attacks.split()])


def labels(framework: Framework, semantics: str = "grounded") -> dict[str, Label]:
    return dict(label(framework, semantics).labels)


def all_labellings(framework: Framework, semantics: str) -> list[dict[str, Label]]:
    return [dict(lab.labels) for lab in solve(framework, semantics).labellings()]


def as_set(labellings: list[dict[str, Label]]) -> set[frozenset]:
    return {frozenset(a for a, lab in labelling.items() if lab is IN) for labelling in labellings}


# -- the classic frameworks -------------------------------------------------------------------


def test_unattacked():
    framework = af("a")
    assert labels(framework) == {"a": IN}
    assert label(framework).explain("a") == "IN: unattacked"
    assert as_set(all_labellings(framework, "preferred")) == {frozenset("a")}
    assert as_set(all_labellings(framework, "stable")) == {frozenset("a")}


def test_simple_attack():
    framework = af("ab", "ba")
    assert labels(framework) == {"a": OUT, "b": IN}
    assert label(framework).explain("a") == "OUT: attacked by b, which is IN"
    assert as_set(all_labellings(framework, "preferred")) == {frozenset("b")}


def test_reinstatement():
    # a <- b <- c: c is unattacked, so b is OUT, so a is reinstated.
    framework = af("abc", "ba cb")
    assert labels(framework) == {"a": IN, "b": OUT, "c": IN}
    explained = label(framework)
    assert explained.explain("a") == "IN: every attacker is OUT (b)"
    assert explained.explain("b") == "OUT: attacked by c, which is IN"
    assert as_set(all_labellings(framework, "preferred")) == {frozenset("ac")}
    assert as_set(all_labellings(framework, "stable")) == {frozenset("ac")}


def test_even_cycle():
    framework = af("ab", "ab ba")
    assert labels(framework) == {"a": UNDEC, "b": UNDEC}
    assert "even attack cycle" in label(framework).explain("a")
    assert as_set(all_labellings(framework, "preferred")) == {frozenset("a"), frozenset("b")}
    assert as_set(all_labellings(framework, "stable")) == {frozenset("a"), frozenset("b")}
    sceptical = label(framework, "preferred")
    assert sceptical.count == 2
    assert dict(sceptical.labels) == {"a": UNDEC, "b": UNDEC}
    assert "IN in 1, OUT in 1" in sceptical.explain("a")


def test_odd_cycle():
    framework = af("abc", "ab bc ca")
    assert labels(framework) == {"a": UNDEC, "b": UNDEC, "c": UNDEC}
    assert "odd attack cycle" in label(framework).explain("a")
    preferred = all_labellings(framework, "preferred")
    assert preferred == [{"a": UNDEC, "b": UNDEC, "c": UNDEC}]  # the empty extension
    assert as_set(preferred) == {frozenset()}
    assert all_labellings(framework, "stable") == []
    stable = label(framework, "stable")
    assert stable.count == 0
    assert "no stable labelling exists" in stable.explain("a")
    assert "odd attack cycle" in stable.no_labelling_reason()


def test_self_attack():
    framework = af("ab", "aa ab")
    assert labels(framework) == {"a": UNDEC, "b": UNDEC}
    assert label(framework).explain("a") == "UNDEC: it attacks itself, and nothing IN attacks it"
    assert "attacks itself" in label(framework).explain("b")
    assert all_labellings(framework, "preferred") == [{"a": UNDEC, "b": UNDEC}]
    assert all_labellings(framework, "stable") == []


def test_self_attacker_defeated():
    # c attacks the self-attacking a, so a is OUT and b is reinstated.
    framework = af("abc", "aa ab ca")
    assert labels(framework) == {"a": OUT, "b": IN, "c": IN}


@pytest.mark.parametrize("n", [1, 2, 7, 50, 5001])
def test_long_chain(n):
    # x0 <- x1 <- ... <- x(n-1): the last is unattacked, then OUT and IN alternate.
    names = [f"x{i}" for i in range(n)]
    framework = Framework.from_attacks(names, [(names[i + 1], names[i]) for i in range(n - 1)])
    got = label(framework).labels
    for i, name in enumerate(names):
        assert got[name] is (IN if (n - 1 - i) % 2 == 0 else OUT), name
    assert as_set(all_labellings(framework, "preferred")) == {frozenset(a for a, lab in got.items() if lab is IN)}


def test_floating_defeat():
    # a <-> b both attack c, c attacks d: grounded leaves all open; in every
    # preferred labelling c is OUT and d IN (floating reinstatement).
    framework = af("abcd", "ab ba ac bc cd")
    assert labels(framework) == dict.fromkeys("abcd", UNDEC)
    sceptical = label(framework, "preferred")
    assert dict(sceptical.labels) == {"a": UNDEC, "b": UNDEC, "c": OUT, "d": IN}
    assert sceptical.explain("c") == "OUT: OUT in all 2 preferred labellings: one of its attackers (a or b) is IN"


def test_preferred_beyond_stable():
    # a <-> b, b -> c, c -> c.  With b IN, c is OUT: stable.  With a IN, b is
    # OUT and the self-attacking c is UNDEC: preferred, but not stable.
    framework = af("abc", "ab ba bc cc")
    assert as_set(all_labellings(framework, "preferred")) == {frozenset("a"), frozenset("b")}
    assert as_set(all_labellings(framework, "stable")) == {frozenset("b")}


def test_independent_disputes_multiply():
    framework = af("abcdef", "ab ba cd dc ef fe")
    assert solve(framework, "preferred").count == 8
    assert len(as_set(all_labellings(framework, "stable"))) == 8


def test_too_hard_is_reported():
    # A big knot with many complete labellings: the limit must stop it with a clear error.
    names = [f"a{i}" for i in range(40)]
    attacks = [(names[i], names[j]) for i in range(40) for j in range(40) if i != j and (i + j) % 3]
    with pytest.raises(TooHard, match="too large|more than"):
        solve(Framework.from_attacks(names, attacks), "preferred", max_steps=500)


def test_unknown_semantics():
    with pytest.raises(ValueError, match="unknown semantics"):
        label(af("a"), "ideal")


# -- properties against a brute-force oracle -------------------------------------------------


def brute_force(names: list[str], attacks: set[tuple[str, str]]):
    """Every complete labelling by enumerating all 3^n labellings (tiny frameworks only)."""
    attackers = {n: [a for a, b in attacks if b == n] for n in names}
    complete = []
    for values in itertools.product((IN, OUT, UNDEC), repeat=len(names)):
        lab = dict(zip(names, values))
        ok = True
        for n in names:
            if lab[n] is IN:
                ok = all(lab[a] is OUT for a in attackers[n])
            elif lab[n] is OUT:
                ok = any(lab[a] is IN for a in attackers[n])
            else:
                ok = not any(lab[a] is IN for a in attackers[n]) and not all(lab[a] is OUT for a in attackers[n])
            if not ok:
                break
        if ok:
            complete.append(lab)
    ins = [frozenset(n for n in names if lab[n] is IN) for lab in complete]
    grounded = min(ins, key=len)
    preferred = {s for s in ins if not any(s < t for t in ins)}
    stable = {frozenset(n for n in names if lab[n] is IN) for lab in complete
              if all(lab[n] is not UNDEC for n in names)}
    return grounded, preferred, stable


@st.composite
def frameworks(draw, max_size: int = 6):
    n = draw(st.integers(1, max_size))
    names = [f"a{i}" for i in range(n)]
    pairs = [(a, b) for a in names for b in names]
    attacks = draw(st.sets(st.sampled_from(pairs), max_size=2 * n))
    return names, attacks


@settings(max_examples=300, deadline=None)
@given(frameworks())
def test_agrees_with_brute_force(case):
    names, attacks = case
    framework = Framework.from_attacks(names, sorted(attacks))
    grounded, preferred, stable = brute_force(names, attacks)
    assert label(framework).extension() == grounded
    assert as_set(all_labellings(framework, "preferred")) == preferred
    assert as_set(all_labellings(framework, "stable")) == stable


@settings(max_examples=200, deadline=None)
@given(frameworks(max_size=9))
def test_inclusions(case):
    names, attacks = case
    framework = Framework.from_attacks(names, sorted(attacks))
    grounded = label(framework).extension()
    preferred = as_set(all_labellings(framework, "preferred"))
    stable = as_set(all_labellings(framework, "stable"))
    assert preferred, "there is always a preferred labelling"
    assert all(grounded <= p for p in preferred)          # grounded ⊆ every preferred
    assert stable <= preferred                            # every stable is preferred
    sceptical = label(framework, "preferred").extension()
    assert sceptical == frozenset.intersection(*preferred) if preferred else True
    assert grounded <= sceptical
    # Every element's explanation names its label first.
    for lab in (label(framework), label(framework, "preferred"), label(framework, "stable")):
        for name in names:
            assert lab.explain(name).startswith(lab.labels[name].value.upper() + ":")


@settings(max_examples=100, deadline=None)
@given(frameworks(max_size=9))
def test_labellings_are_complete(case):
    names, attacks = case
    framework = Framework.from_attacks(names, sorted(attacks))
    attackers = {n: [a for a, b in attacks if b == n] for n in names}
    for semantics in ("grounded", "preferred", "stable"):
        for lab in solve(framework, semantics).labellings():
            got = lab.labels
            for n in names:
                if got[n] is IN:
                    assert all(got[a] is OUT for a in attackers[n])
                elif got[n] is OUT:
                    assert any(got[a] is IN for a in attackers[n])
                else:
                    assert not any(got[a] is IN for a in attackers[n])


# -- the linear algorithm against the textbook fixpoint -------------------------------------------


def fixpoint_grounded(framework: Framework) -> set[int]:
    """Iterate the characteristic function from the empty set (quadratic, obviously right)."""
    accepted: set[int] = set()
    while True:
        defeated = {t for a in accepted for t in framework.targets[a]}
        nxt = {i for i in range(len(framework)) if all(a in defeated for a in framework.attackers[i])}
        if nxt == accepted:
            return accepted
        accepted = nxt


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 80).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2 * n))))
def test_queue_grounded_equals_fixpoint(case):
    n, attacks = case
    framework = Framework.from_attacks(range(n), attacks)
    got = {framework.index[e] for e in label(framework).extension()}
    assert got == fixpoint_grounded(framework)


def test_synthetic_map_grounded_equals_fixpoint(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import synth

    from argmap.analysis.semantics import framework as build_framework
    from argmap.project import load

    project = load([synth.write(tmp_path, 400, n_maps=2)], validate=False).project
    af = build_framework(project)
    labelling = label(project)
    accepted = fixpoint_grounded(af)
    for i, element in enumerate(af.elements):
        expected = IN if i in accepted else (OUT if any(a in accepted for a in af.attackers[i]) else UNDEC)
        assert labelling[element] is expected, element
    assert set(labelling.labels) == {n.ref for n in project.nodes()}
    for element in af.elements[:50]:
        assert labelling.explain(element).startswith(labelling[element].value.upper())

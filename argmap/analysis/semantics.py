"""Which claims stand: a map read as an abstract argumentation framework.

How a project becomes a framework (docs/analysis.md has the worked example):

* Its **elements** are every node (``map:node``) and one element per inference,
  i.e. per :class:`~argmap.model.Argument` of :meth:`Project.arguments`
  (premises ⇒ conclusion; a linked group is one inference).
* ``x attacks y`` (rebut or undermine) makes x attack the node y.
* ``u undercuts p ⇒ c`` makes u attack every inference from p to c (a linked
  inference with p among its premises included).
* An inference is also attacked by whatever attacks one of its premises or
  its conclusion (as in ASPIC+: an argument falls with its premises, and a
  rebutted conclusion takes the argument for it down).
* Supports, ``qualifies``, ``same_as`` and ``related_to`` add no attacks, and
  inference elements attack nothing: a qualification never defeats.
* A node the maps give reasons for stands only while one of them does: one
  :class:`NoStandingReason` element per supported node, attacked by each of
  its inferences, attacks the node and the inferences that use it as a
  premise.  A node given no reason stands or falls by its attackers alone.

Semantics:

* ``grounded``: the sceptical, unique labelling, computed in linear time by
  a queue (each element and attack is visited a bounded number of times).
* ``preferred`` and ``stable``: every labelling agrees with the grounded one
  outside the *open disputes* (the weakly connected parts of the attack graph
  restricted to grounded-UNDEC elements), and the disputes are independent,
  so each is solved on its own by a labelling-based backtracking search with
  propagation.  The search is exponential in the worst case; it stops with
  :class:`TooHard` past :data:`MAX_STEPS` decisions or :data:`MAX_LABELLINGS`
  labellings of one dispute.  :func:`label` then returns the *sceptical*
  view (IN or OUT where every labelling agrees, UNDEC elsewhere);
  :func:`solve` gives every labelling.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import product

from ..gcpause import gc_paused
from ..model import Label, Project
from .framework import (_CODE, _IN, _NONE, _OUT, _UNDEC, MAX_LABELLINGS, MAX_STEPS, SEMANTICS,
                        Framework, NoStandingReason, TooHard, element_name, framework, grounded_codes,
                        label_of_code)
from .labelling import Labelling

__all__ = ["SEMANTICS", "Framework", "NoStandingReason", "Labelling", "Solution", "TooHard", "label", "solve",
           "framework", "element_name", "label_of_code", "MAX_STEPS", "MAX_LABELLINGS"]


# --------------------------------------------------------------------------------------------
# Preferred and stable semantics: search within each open dispute


@dataclass(frozen=True)
class Dispute:
    """A weakly connected set of grounded-UNDEC elements and its labellings under some semantics."""

    members: tuple[int, ...]
    alternatives: tuple[tuple[int, ...], ...]   # one code per member, per labelling


def _disputes(af: Framework, codes: bytearray) -> list[list[int]]:
    """Weakly connected components of the attack graph restricted to UNDEC elements."""
    parent = {i: i for i in range(len(codes)) if codes[i] == _UNDEC}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for b in parent:
        for a in af.attackers[b]:
            if a in parent:
                ra, rb = find(a), find(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in parent:
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _complete_labellings(af: Framework, members: list[int], stable: bool, max_steps: int,
                         max_labellings: int, describe: str) -> list[tuple[int, ...]]:
    """Every complete (or, if *stable*, stable) labelling of one dispute.

    Outside the dispute everything is settled: attackers from outside are OUT
    (an IN attacker would have made the element OUT in the grounded labelling),
    so only attacks inside the dispute matter.
    """
    local = {g: k for k, g in enumerate(members)}
    m = len(members)
    att = [[local[a] for a in af.attackers[g] if a in local] for g in members]
    tgt: list[list[int]] = [[] for _ in range(m)]
    for v, atts in enumerate(att):
        for a in atts:
            tgt[a].append(v)
    lab = [_NONE] * m
    trail: list[int] = []

    def put(v: int, code: int, queue: list[int]) -> bool:
        if lab[v] == _NONE:
            lab[v] = code
            trail.append(v)
            queue.append(v)
            return True
        return lab[v] == code

    def check(x: int, queue: list[int]) -> bool:
        """Enforce the labelling rule of x: IN iff all attackers OUT; OUT iff some attacker IN."""
        n_undec = 0
        free = []
        for a in att[x]:
            la = lab[a]
            if la == _IN:
                return put(x, _OUT, queue)
            if la == _UNDEC:
                n_undec += 1
            elif la == _NONE:
                free.append(a)
        lx = lab[x]
        if not free:
            if n_undec:
                return not stable and put(x, _UNDEC, queue)
            return put(x, _IN, queue)
        if lx == _IN:
            if n_undec:
                return False
            return all(put(a, _OUT, queue) for a in free)
        if lx == _OUT and len(free) == 1:
            return put(free[0], _IN, queue)
        if lx == _UNDEC and not n_undec and len(free) == 1:
            return put(free[0], _UNDEC, queue)
        return True

    def propagate(queue: list[int]) -> bool:
        while queue:
            v = queue.pop()
            if not check(v, queue):
                return False
            for x in tgt[v]:
                if not check(x, queue):
                    return False
        return True

    def undo(length: int) -> None:
        while len(trail) > length:
            lab[trail.pop()] = _NONE

    def first_free(start: int) -> int:
        for v in range(start, m):
            if lab[v] == _NONE:
                return v
        return -1

    found: list[tuple[int, ...]] = []
    if not propagate(list(range(m))):
        return found
    values = (_IN, _OUT) if stable else (_IN, _OUT, _UNDEC)
    v = first_free(0)
    if v < 0:
        return [tuple(lab)]
    frames = [[v, len(trail), 0]]          # variable, trail length before it, next value index
    steps = 0
    while frames:
        frame = frames[-1]
        var, mark, k = frame
        undo(mark)
        if k == len(values):
            frames.pop()
            continue
        frame[2] = k + 1
        steps += 1
        if steps > max_steps:
            raise TooHard(f"the open dispute around {describe} ({m} elements) is too large to solve exactly "
                          f"(more than {max_steps:,} search steps); grounded semantics answers at once")
        queue: list[int] = []
        if put(var, values[k], queue) and propagate(queue):
            nxt = first_free(var + 1)
            if nxt < 0:
                found.append(tuple(lab))
                if len(found) > max_labellings:
                    raise TooHard(f"the open dispute around {describe} ({m} elements) has more than "
                                  f"{max_labellings:,} complete labellings; grounded semantics answers at once")
            else:
                frames.append([nxt, len(trail), 0])
    return found


def _maximal_in(labellings: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """The labellings whose IN set no other labelling's IN set strictly contains."""
    def in_set(codes: tuple[int, ...]) -> int:
        bits = 0
        for k, c in enumerate(codes):
            if c == _IN:
                bits |= 1 << k
        return bits

    ranked = sorted(((in_set(c), c) for c in labellings), key=lambda p: -p[0].bit_count())
    kept: list[tuple[int, tuple[int, ...]]] = []
    for bits, codes in ranked:
        if not any(bits & other == bits for other, _ in kept):
            kept.append((bits, codes))
    return [codes for _, codes in kept]


@dataclass(frozen=True)
class Solution:
    """Every labelling of a framework under one semantics, as independent disputes.

    Outside the disputes every labelling agrees with the grounded one; a
    labelling picks one alternative per dispute, so there are
    ``count = ∏ len(alternatives)`` of them.
    """

    semantics: str
    framework: Framework
    grounded: bytearray
    witness: list[int]
    disputes: tuple[Dispute, ...]
    dispute_of: dict[int, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        total = 1
        for dispute in self.disputes:
            total *= len(dispute.alternatives)
        return total

    def labellings(self, limit: int | None = None, context: Project | None = None) -> Iterator[Labelling]:
        """Each labelling in turn (at most *limit*)."""
        if self.count == 0:
            return
        choices = [d.alternatives for d in self.disputes]
        for n, pick in enumerate(product(*choices)):
            if limit is not None and n >= limit:
                return
            codes = bytearray(self.grounded)
            for dispute, alternative in zip(self.disputes, pick):
                for g, c in zip(dispute.members, alternative):
                    codes[g] = c
            yield Labelling(self.semantics, self.framework, codes, None, None)

    def labelling(self) -> Labelling:
        """The grounded labelling, or the sceptical view of this solution's labellings."""
        af = self.framework
        if self.semantics == "grounded":
            return Labelling("grounded", af, self.grounded, self.witness, self)
        codes = bytearray(self.grounded)
        if self.count == 0:
            codes = bytearray([_UNDEC]) * len(codes)
        else:
            for dispute in self.disputes:
                for pos, g in enumerate(dispute.members):
                    values = {alt[pos] for alt in dispute.alternatives}
                    codes[g] = values.pop() if len(values) == 1 else _UNDEC
        # Outside the disputes every labelling is the grounded one, so the grounded witnesses hold there.
        return Labelling(self.semantics, af, codes, self.witness, self)

    def tally(self, element: int) -> dict[Label, int]:
        """How many of the labellings give *element* each label."""
        k = self.dispute_of.get(element)
        if k is None:
            return {_CODE[self.grounded[element]]: self.count}
        dispute = self.disputes[k]
        rest = self.count // len(dispute.alternatives) if dispute.alternatives else 0
        pos = dispute.members.index(element)
        tally: dict[Label, int] = {}
        for alternative in dispute.alternatives:
            lab = _CODE[alternative[pos]]
            tally[lab] = tally.get(lab, 0) + rest
        return tally


def solve(target: Project | Framework, semantics: str = "preferred", *, max_steps: int = MAX_STEPS,
          max_labellings: int = MAX_LABELLINGS) -> Solution:
    """Every labelling of *target* under *semantics* (grounded has exactly one)."""
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose one of {', '.join(SEMANTICS)}")
    with gc_paused():
        af = target if isinstance(target, Framework) else framework(target)
        codes, witness = grounded_codes(af)
    if semantics == "grounded":
        return Solution(semantics, af, codes, witness, ())
    disputes = []
    dispute_of: dict[int, int] = {}
    for members in _disputes(af, codes):
        describe = element_name(af, members[0], None)
        found = _complete_labellings(af, members, semantics == "stable", max_steps, max_labellings, describe)
        if semantics == "preferred":
            found = _maximal_in(found)
        for g in members:
            dispute_of[g] = len(disputes)
        disputes.append(Dispute(tuple(members), tuple(found)))
    return Solution(semantics, af, codes, witness, tuple(disputes), dispute_of)


def label(target: Project | Framework, semantics: str = "grounded", **limits: int) -> Labelling:
    """The labelling of *target* under *semantics*.

    For ``grounded`` this is the grounded labelling.  For ``preferred`` and
    ``stable`` it is the sceptical view of all their labellings: IN (or OUT)
    where every labelling says so, UNDEC where they differ (``explain`` gives
    the tally); with no stable labelling at all, every element is UNDEC and
    ``count`` is 0.  ``labels`` always holds every node of the project.
    """
    with gc_paused():
        return solve(target, semantics, **limits).labelling()

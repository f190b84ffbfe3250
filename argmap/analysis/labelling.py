"""A labelling of a framework: a label for every element, with the reason for each, in words."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from ..model import Argument, Label
from .framework import _CODE, _IN, _NONE, _UNDEC, Framework, NoStandingReason, _names, element_name

if TYPE_CHECKING:
    from .semantics import Solution

class Labelling:
    """A label for every element of a framework, with the reason for each.

    ``labels`` maps every node's :class:`Ref` (or, for an abstract framework,
    every argument) to its :class:`Label`; ``inferences`` does the same for
    each :class:`Argument`.  ``count`` is the number of labellings this one
    stands for: 1, or for the sceptical view of preferred/stable semantics
    the number of labellings summarised (0: no stable labelling exists).
    """

    def __init__(self, semantics: str, af: Framework, codes: bytearray, witness: list[int] | None,
                 solution: Solution | None) -> None:
        self.semantics = semantics
        self.framework = af
        self._codes = codes
        self._witness = witness
        self._solution = solution
        elements = af.elements
        n = af.n_nodes
        self.labels: dict = {elements[i]: _CODE[codes[i]] for i in range(n)}
        self.inferences: dict[Argument, Label] = {elements[i]: _CODE[codes[i]] for i in range(n, len(elements))
                                                  if type(elements[i]) is Argument}

    @property
    def count(self) -> int:
        return self._solution.count if self._solution is not None else 1

    def __getitem__(self, element: Hashable) -> Label:
        return _CODE[self._codes[self.framework.index[element]]]

    def get(self, element: Hashable, default: Label | None = None) -> Label | None:
        i = self.framework.index.get(element)
        return default if i is None else _CODE[self._codes[i]]

    def __contains__(self, element: Hashable) -> bool:
        return element in self.framework.index

    def extension(self) -> set:
        """The accepted (IN) nodes."""
        return {e for e, lab in self.labels.items() if lab is Label.IN}

    def explain(self, element: Hashable) -> str:
        """Why *element* (a Ref, an Argument, or an abstract argument) has its label."""
        af = self.framework
        i = af.index.get(element)
        if i is None:
            raise KeyError(element)
        lab = _CODE[self._codes[i]]
        head = lab.value.upper()
        solution = self._solution
        if solution is not None and self.semantics != "grounded":
            if solution.count == 0:
                return f"{head}: no {self.semantics} labelling exists ({self._no_stable_reason()})"
            if i in solution.dispute_of:
                return f"{head}: {self._dispute_reason(i, element, lab)}"
        return f"{head}: {self._local_reason(i, element, lab)}"

    # -- the reasons ---------------------------------------------------------------------------

    def _dispute_reason(self, i: int, element: Hashable, lab: Label) -> str:
        """The reason for an element of an open dispute in the sceptical view of several labellings."""
        af = self.framework
        solution = self._solution
        total = solution.count
        tally = solution.tally(i)
        many = f"{total:,} {self.semantics} labelling{'s' * (total != 1)}"
        attackers = af.attackers[i]
        if len(tally) > 1:
            parts = [f"{t.value.upper()} in {c:,}" for t, c in sorted(tally.items())]
            return f"the {many} disagree ({', '.join(parts)}); {self._cycle_phrase(i, element)}"
        if total == 1:
            many = f"the only {self.semantics} labelling"
            every = many
        else:
            every = f"all {many}"
        if lab is Label.IN:
            return f"IN in {every}: every attacker ({_names(af, attackers, element)}) is OUT"
        if lab is Label.OUT:
            return f"OUT in {every}: one of its attackers ({_names(af, attackers, element, joiner='or')}) is IN"
        return f"UNDEC in {every}; {self._cycle_phrase(i, element)}"

    def _label_of(self, i: int) -> int:
        return self._codes[i]

    def _local_reason(self, i: int, element: Hashable, lab: Label) -> str:
        af = self.framework
        attackers = af.attackers[i]
        if lab is Label.IN:
            real = [a for a in attackers if not isinstance(af.elements[a], NoStandingReason)]
            backed = ", and a stated reason for it stands" if len(real) < len(attackers) else ""
            if not real:
                return "unattacked" + backed
            return f"every attacker is OUT ({_names(af, real, element)}){backed}"
        if lab is Label.OUT:
            w = self._witness[i] if self._witness is not None and self._witness[i] >= 0 else None
            if w is None:
                w = next((a for a in attackers if self._codes[a] == _IN), attackers[0] if attackers else None)
            if w is None:
                return "OUT without an attacker (inconsistent labelling)"
            if isinstance(af.elements[w], NoStandingReason):
                return self._attack_phrase(i, w, element)
            return f"{self._attack_phrase(i, w, element)}, which is IN"
        undecided = [a for a in attackers if self._codes[a] in (_UNDEC, _NONE)]
        if not undecided:
            return "no attacker is IN, and not every attacker is OUT"
        if undecided == [i] or (i in undecided and len(undecided) == 1):
            return "it attacks itself, and nothing IN attacks it"
        if i in undecided:
            undecided.remove(i)
        undecided.sort(key=lambda a: isinstance(af.elements[a], NoStandingReason))  # name a real attacker first
        phrase = self._attack_phrase(i, undecided[0], element)
        lack = af.elements[undecided[0]]
        if isinstance(lack, NoStandingReason):
            whose = "it" if lack.conclusion == element else \
                f"its premise {element_name(af, af.index[lack.conclusion], element)}"
            return f"no stated reason for {whose} is IN, and not all are OUT; {self._cycle_phrase(i, element)}"
        more = f" (and {len(undecided) - 1} more UNDEC)" if len(undecided) > 1 else ""
        return f"{phrase}, which is UNDEC{more}, and by nothing IN; {self._cycle_phrase(i, element)}"

    def _attack_phrase(self, i: int, a: int, context: Hashable) -> str:
        """How a attacks i, in words: 'attacked by x', 'undercut by u', 'its premise p is attacked by x'."""
        af = self.framework
        who = element_name(af, a, context)
        element = af.elements[i]
        attacker = af.elements[a]
        if isinstance(attacker, NoStandingReason):
            ks = af.attackers[a]
            reasons = _names(af, ks, context, joiner="and")
            name = element_name(af, af.index[attacker.conclusion], context)
            if attacker.conclusion == element:
                return f"every stated reason for it is defeated ({reasons})"
            return f"every stated reason for its premise {name} is defeated ({reasons})"
        if isinstance(element, Argument):
            if (a, i) in af.undercuts:
                return f"undercut by {who}"
            for p in element.premises:
                pi = af.index.get(p)
                if pi is not None and a in af.attackers[pi]:
                    return f"its premise {element_name(af, pi, context)} is attacked by {who}"
            return f"its conclusion {element.conclusion.node_id} is attacked by {who}"
        if a == i:
            return "attacked by itself"
        return f"attacked by {who}"

    def _cycle(self, i: int) -> list[int] | None:
        """The attack cycle of UNDEC elements that *i* is in or hangs from, in the direction of attack."""
        af = self.framework
        undecided = (_UNDEC, _NONE)
        codes = self._solution.grounded if self._solution is not None else self._codes
        seen: dict[int, int] = {}
        path: list[int] = []
        cur = i
        while cur not in seen:
            seen[cur] = len(path)
            path.append(cur)
            nxt = next((a for a in af.attackers[cur] if codes[a] in undecided), None)
            if nxt is None:
                return None
            cur = nxt
        cycle = path[seen[cur]:]
        # path[k+1] attacks path[k]: turn it round to read in the direction of attack.
        return [cycle[0], *reversed(cycle[1:])]

    def _ring(self, cycle: list[int], context: Hashable) -> str:
        if len(cycle) == 1:
            return f"{element_name(self.framework, cycle[0], context)}, which attacks itself"
        kind = "odd" if len(cycle) % 2 else "even"
        text = " → ".join(element_name(self.framework, c, context) for c in [*cycle, cycle[0]])
        return f"the {kind} attack cycle {text}"

    def _cycle_phrase(self, i: int, context: Hashable) -> str:
        """Name the attack cycle an UNDEC element is caught in or hangs from."""
        cycle = self._cycle(i)
        if cycle is None:
            return "grounded semantics cannot settle it"
        if cycle == [i]:
            return "it attacks itself"
        return f"{'it is in' if i in cycle else 'it depends on'} {self._ring(cycle, context)}"

    def no_labelling_reason(self) -> str:
        """Why no labelling exists (when ``count`` is 0): the dispute that admits none."""
        return self._no_stable_reason()

    def _no_stable_reason(self) -> str:
        for dispute in self._solution.disputes:
            if not dispute.alternatives:
                first = dispute.members[0]
                cycle = self._cycle(first)
                context = self.framework.elements[first]
                if cycle and len(cycle) == 1:
                    where = f"the self-attacking {element_name(self.framework, cycle[0], context)}"
                elif cycle:
                    where = self._ring(cycle, context)
                else:
                    where = f"the dispute around {element_name(self.framework, first, None)}"
                return f"{where} admits none"
        return "no labelling satisfies the semantics"
